"""The site in real Chromium: navigation, Chinese search, no outside requests, escaping."""

from __future__ import annotations

import shutil
from urllib.parse import urlsplit

import pytest
from browser import serve
from conftest import REAL_CATALOG
from sitebuild import build, site_config

from generator import load_catalog

XSS_GOAL = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'


def test_home_to_department_to_position_by_clicking(page, site_url):
    page.goto(site_url + "/")
    page.locator("article").get_by_role("link", name="财务部", exact=True).click()
    page.wait_for_url("**/departments/finance/")
    page.locator("article").get_by_role("link", name="财务部财务分析师").click()
    page.wait_for_url("**/departments/finance/fin-analyst/")
    article = page.locator("article")
    assert article.locator("h1").inner_text() == "财务部财务分析师"
    assert "季度考核 KPI 指标" in article.inner_text()
    page.get_by_role("link", name="财务部", exact=True).first.click()
    page.wait_for_url("**/departments/finance/")


def test_goal_sub_items_are_bullets_under_their_numbered_goal(page, site_url):
    page.goto(site_url + "/departments/hr-admin/hra-manager/")
    table = page.locator(".pc-goals").filter(has_text="内部管理类").locator("table")
    rows = table.locator("tbody tr").evaluate_all(
        "trs => trs.map(tr => [...tr.children].map(c => c.innerText.trim()))"
    )
    assert rows[:4] == [
        ["1", "部门内部人力资源管理：", "—"],
        ["", "• 考核 存疑", "确保公平、激励性"],
        ["", "• 培养", "提升员工技能"],
        ["2", "提升部门员工满意度", "有效提升"],
    ]
    goal, item = (table.locator("tbody tr").nth(i).locator("td").nth(1) for i in (0, 1))
    assert item.locator(".pc-subitem").bounding_box()["x"] > goal.bounding_box()["x"] + 8


def test_a_glossary_entry_whose_meaning_is_a_guess_says_so_beside_its_name(page, site_url):
    page.goto(site_url + "/glossary/jianliqi/")
    mark = page.locator("article .pc-flag", has_text="名称或含义存疑")
    assert mark.is_visible()
    mark.click()
    page.wait_for_url("**/glossary/jianliqi/#unclear")
    note = page.locator("#unclear")
    assert note.locator(".admonition-title").inner_text() == "名称或含义存疑"
    assert "含义是推测" in note.inner_text()
    page.goto(site_url + "/glossary/teamwork/")
    assert page.locator("article .pc-flag").count() == 0


def search(page, query: str) -> list[str]:
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    return [href for href in results.locator("a").evaluate_all("as => as.map(a => a.href)")]


def test_search_finds_every_position_with_a_kpi_word(page, site_url):
    page.goto(site_url + "/")
    page.wait_for_timeout(1500)  # the search worker indexes after load
    hrefs = search(page, "掉线率")
    found = {urlsplit(h).path.rstrip("/").rsplit("/", 1)[-1] for h in hrefs}
    expected = {
        p.id
        for p in load_catalog(REAL_CATALOG).positions()
        if any("掉线率" in k.name for k in p.kpis)
    }
    assert len(expected) >= 4 and expected <= found


def test_search_finds_both_cashiers(page, site_url):
    page.goto(site_url + "/")
    page.wait_for_timeout(1500)
    hrefs = search(page, "出纳")
    found = {urlsplit(h).path.rstrip("/").rsplit("/", 1)[-1] for h in hrefs}
    assert {"fin-cashier-income", "fin-cashier-expense"} <= found


def test_every_request_goes_to_the_local_server(page, site_url):
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    for path in (
        "/",
        "/departments/finance/fin-manager/",
        "/glossary/",
        "/glossary/teamwork/",
        "/matrix/finance/",
        "/scoring/",
    ):
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
    assert hosts == {urlsplit(site_url).netloc}


TABLE_WIDTHS = """[...document.querySelectorAll('article table')].map(t => {
    const wrap = t.closest('.md-typeset__scrollwrap');
    return {wide: t.scrollWidth > (wrap ? wrap.clientWidth : t.clientWidth) + 1,
            scrolls: !!wrap && getComputedStyle(wrap).overflowX === 'auto'};
})"""


@pytest.mark.parametrize("width", [390, 360])
def test_a_position_reads_on_a_phone_without_scrolling_sideways(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(site_url + "/departments/long-distance/ld-manager/")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert not [t for t in page.evaluate(TABLE_WIDTHS) if t["wide"]]
    # Each KPI is a card: its name, weight, standard and method all inside the screen.
    cells = page.locator(".pc-kpis tbody tr").first.locator("td")
    texts = [cells.nth(i).inner_text() for i in range(5)]
    assert texts == ["1", "部门业绩", "50", ">120%为5", "根据业绩核算结果"]
    labels = cells.evaluate_all("tds => tds.map(td => getComputedStyle(td, '::before').content)")
    assert labels[2:] == ['"权重 "', '"评分标准"', '"考核方法"']  # the card names each field
    for i in range(1, 5):
        box = cells.nth(i).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, texts[i]
    number = page.locator(".pc-goals td").first.bounding_box()
    assert number["width"] < 40  # the goal number no longer takes a fifth of the screen
    context.close()


def test_the_matrix_scrolls_inside_itself_on_a_phone(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(site_url + "/matrix/finance/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    wide = [t for t in page.evaluate(TABLE_WIDTHS) if t["wide"]]
    assert wide and all(t["scrolls"] for t in wide)  # wider than the phone, scrolling inside
    context.close()


def test_the_matrix_uses_the_pages_width_on_a_desktop(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(site_url + "/matrix/finance/")
    assert page.locator(".md-sidebar--secondary").is_hidden()  # no empty contents column
    assert not [t for t in page.evaluate(TABLE_WIDTHS) if t["wide"]]
    context.close()


def test_markup_in_catalogue_text_shows_as_text_and_runs_nothing(browser, mini, tmp_path):
    mini.replace(
        "departments/sales/sales-manager.yaml", "goal: 部门销售任务", f"goal: '{XSS_GOAL}'"
    )
    mini.replace("vocabulary.yaml", "name: 团队合作", "name: <b>团队</b>合作<script>x=1</script>")
    result = build(site_config(tmp_path, mini.root), tmp_path / "site")
    assert result.returncode == 0, result.stderr
    with serve(tmp_path / "site") as url:
        context = browser.new_context()
        page = context.new_page()
        for path in (
            "/departments/sales/sales-manager/",
            "/glossary/teamwork/",
            "/glossary/",
            "/matrix/sales/",
        ):
            page.goto(url + path)
            assert page.evaluate("window.__pwned") is None
        page.goto(url + "/departments/sales/sales-manager/")
        assert XSS_GOAL in page.locator("article").inner_text()
        assert page.locator("article img").count() == 0
        assert page.locator("article script").count() == 0
        context.close()
    shutil.rmtree(tmp_path / "site")
