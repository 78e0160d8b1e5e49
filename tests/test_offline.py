"""The offline build opens from a folder (file://) with search and the calculator working."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from conftest import REAL_CATALOG
from sitebuild import build, site_config


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("offline")
    result = build(site_config(tmp, REAL_CATALOG, offline=True), tmp / "site")
    assert result.returncode == 0, result.stderr
    return tmp / "site"


def test_offline_site_searches_and_scores_from_file_urls(browser, offline_site):
    context = browser.new_context()
    page = context.new_page()
    schemes = set()
    page.on("request", lambda request: schemes.add(urlsplit(request.url).scheme))
    page.goto((offline_site / "index.html").as_uri())
    page.wait_for_timeout(1500)  # the search worker indexes after load
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("出纳")
    box.press("End")
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=10_000)
    hrefs = results.evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert any("fin-cashier-income" in h for h in hrefs)
    assert any("fin-cashier-expense" in h for h in hrefs)

    page.goto((offline_site / "calculator.html").as_uri() + "?position=fin-cashier-income")
    page.locator("[data-kpi='0']").wait_for()
    for index, points in enumerate(("5", "4", "4", "3", "5")):
        page.locator(f"[data-kpi='{index}']").fill(points)
    assert page.locator("[data-result=kpi]").inner_text() == "4.10 / 5（82.0 / 100）"
    assert schemes <= {"file", "blob", "data", "about"}
    context.close()


def test_offline_site_needs_no_other_host(offline_site):
    for page in offline_site.rglob("*.html"):
        assert "unpkg.com" not in page.read_text(encoding="utf-8"), page
