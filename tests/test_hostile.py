"""Catalogue text is data: payloads in every text field never run, in any page, in Chromium.

The catalogue is published plainly as 1.0 and then rewritten with hostile text as 2.0, so the
changelog and the change banners carry hostile change texts too. One build holds every
payload in every field; hypothesis then tries random mixes.
"""

from __future__ import annotations

import urllib.parse
from pathlib import Path

import yaml
from browser import serve
from hostile import PAYLOADS, SECRET, publish_plain_then_hostile
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sitebuild import ROOT, build, site_config

from generator.escape import plain_text

PAGES = {
    "home": "",
    "departments": "departments/",
    "department": "departments/sales/",
    "position": "departments/sales/sales-manager/",
    "glossary entry": "glossary/teamwork/",
    "glossary": "glossary/",
    "matrix": "matrix/sales/",
    "changelog": "changelog/",
    "scoring": "scoring/",
    "downloads": "downloads/",
    "calculator": "calculator/?position=sales-manager",
}
# Which field each page shows as text.
SHOWN = {
    "position": ["position", "kpi", "category"],
    "department": ["department", "position"],
    "glossary entry": ["competency"],
    "matrix": ["department", "competency"],
    "calculator": ["position", "kpi"],
    "changelog": ["position"],
}

# Evidence of markup that became live: inline handlers, script URLs, embedded documents,
# scripts carrying payload code.
LIVE_MARKUP = """() => {
  const found = [];
  for (const element of document.querySelectorAll("*")) {
    for (const attribute of element.attributes) {
      if (/^on/i.test(attribute.name)) found.push(`${element.tagName} ${attribute.name}`);
      if (/^\\s*javascript:/i.test(attribute.value)) found.push(`${element.tagName} javascript:`);
    }
  }
  for (const element of document.querySelectorAll("iframe, object, embed, math, svg script"))
    found.push(element.tagName);
  for (const script of document.querySelectorAll("script"))
    if (/alert\\(|__pwned/.test(script.textContent)) found.push("script with payload");
  if (window.__pwned) found.push("window.__pwned");
  return found;
}"""


def markdown_with_snippets(root: Path) -> list:
    """The site's Markdown extensions plus pymdownx.snippets, which would read files from
    disk if catalogue text were ever parsed as Markdown source."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8").replace("!ENV", ""))
    return [
        *config["markdown_extensions"],
        {"pymdownx.snippets": {"base_path": [str(root)], "check_paths": False}},
    ]


def all_payloads(file, path) -> str:
    return " ".join(PAYLOADS)


def build_hostile(root: Path, choose) -> tuple[Path, dict[str, str]]:
    counter = iter(range(1, 10**6))
    shown = publish_plain_then_hostile(root, lambda f, p: f"{choose(f, p)} 字段{next(counter)}")
    result = build(
        site_config(root, root / "catalog", markdown_extensions=markdown_with_snippets(root)),
        root / "site",
    )
    assert result.returncode == 0, result.stderr
    return root / "site", shown


def visible(text: str) -> str:
    return " ".join(plain_text(text).split())


def assert_nothing_runs(browser, site: Path, shown: dict[str, str]) -> None:
    assert not [p for p in site.rglob("*") if p.is_file() and SECRET.encode() in p.read_bytes()]
    context = browser.new_context()
    alerts: list[str] = []
    context.on(
        "page", lambda page: page.on("dialog", lambda d: (alerts.append(d.message), d.dismiss()))
    )
    hosts: set[str] = set()
    context.on("request", lambda request: hosts.add(urllib.parse.urlsplit(request.url).netloc))
    page = context.new_page()
    page.on("dialog", lambda d: (alerts.append(d.message), d.dismiss()))
    try:
        with serve(site) as url:
            for name, path in PAGES.items():
                page.goto(f"{url}/{path}")
                page.wait_for_load_state("load")
                if name == "calculator":
                    page.wait_for_selector("[data-result='overall']")
                assert page.evaluate(LIVE_MARKUP) == [], name
                body = " ".join(page.inner_text("body").split())
                for field in SHOWN.get(name, []):
                    assert visible(shown[field]) in body, (name, field)
                if name == "position":
                    assert visible(shown["position"]) in " ".join(page.title().split())
            hostile_link(page, url)
            search(page, url)
    finally:
        context.close()
    assert alerts == []
    assert hosts <= {urllib.parse.urlsplit(url).netloc, ""}, hosts  # "" : blob: and data: URLs


def hostile_link(page, url: str) -> None:
    """A calculator link whose every parameter is a payload opens with it as text."""
    payload = " ".join(PAYLOADS[:12])
    query = urllib.parse.urlencode(
        {
            "position": "sales-manager",
            "employee": payload,
            "rater": payload,
            "period": payload,
            "k0": payload,
            "a0": payload,
            "c.teamwork": payload,
            "m": payload,
            "v": payload,
            f"c.{payload}": "3",
        }
    )
    page.goto(f"{url}/calculator/?{query}")
    page.wait_for_selector("[data-result='overall']")
    assert page.evaluate(LIVE_MARKUP) == []


def search(page, url: str) -> None:
    """Search results for a payload word show the payload as text."""
    page.goto(f"{url}/")
    page.wait_for_timeout(1500)  # the search worker indexes after load
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("字段")
    box.press("End")
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    assert results.count() > 0
    assert page.evaluate(LIVE_MARKUP) == []


@settings(
    max_examples=4,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.randoms(use_true_random=False))
@example(None)
def test_no_payload_in_any_field_runs_on_any_page(browser, tmp_path_factory, rnd):
    """`None`: every payload in every field at once; otherwise a random mix per field."""
    root = tmp_path_factory.mktemp("hostile")
    if rnd is None:
        choose = all_payloads
    else:

        def choose(file, path, rnd=rnd):
            return " ".join(rnd.sample(PAYLOADS, rnd.randint(1, 3)))

    site, shown = build_hostile(root, choose)
    assert_nothing_runs(browser, site, shown)


def test_calculator_csv_neutralises_formulas(browser, tmp_path):
    """A shared link cannot plant a formula in the CSV a manager opens in Excel."""
    site = tmp_path / "site"
    result = build(site_config(tmp_path, ROOT / "tests" / "fixtures" / "mini"), site)
    assert result.returncode == 0, result.stderr
    formulas = {
        "employee": '=HYPERLINK("http://evil.invalid","x")',
        "rater": "+cmd|'/C calc'!A0",
        "period": "@SUM(1)",
    }
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    try:
        with serve(site) as url:
            query = urllib.parse.urlencode({"position": "sales-manager", **formulas})
            page.goto(f"{url}/calculator/?{query}")
            page.wait_for_selector("[data-result='overall']")
            with page.expect_download() as download:
                page.get_by_role("button", name="下载 CSV").click()
            text = Path(download.value.path()).read_text("utf-8-sig")
    finally:
        context.close()
    assert '"\'=HYPERLINK(""http://evil.invalid"",""x"")"' in text
    assert "\"'+cmd|'/C calc'!A0\"" in text
    assert '"\'@SUM(1)"' in text
    assert not any(
        cell.startswith(('"=', '"+', '"@', '"-'))
        for line in text.splitlines()
        for cell in line.split(",")
    )
