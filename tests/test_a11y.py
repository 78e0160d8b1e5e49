"""Accessibility in Chromium: axe finds no violation, of any impact, on any page type in the
light and the dark scheme, on a desktop and on a phone; and a keyboard alone finds a position,
opens it, compares it and opens the calculator."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# The header's search box belongs to the site search (site_templates/theme/partials/search*,
# docs/assets/search/), checked on its own below.
SEARCH_BOX = ".md-search"

# One page of each type, with what to wait for before it is checked.
PAGES = {
    "home": ("/", None),
    "departments": ("/departments/", None),
    "department": ("/departments/finance/", None),
    "position": ("/departments/finance/fin-manager/", None),
    "position with goal sub-items": ("/departments/hr-admin/hra-manager/", None),
    "glossary": ("/glossary/", None),
    "glossary entry": ("/glossary/teamwork/", None),
    "glossary entry, a guess": ("/glossary/jianliqi/", None),
    "matrix index": ("/matrix/", None),
    "matrix": ("/matrix/finance/", None),
    "compare": ("/compare/?a=ld-manager&b=fin-manager", ".pc-compare-table"),
    "compare, bad id": ("/compare/?a=ld-manager&b=nobody", ".pc-compare-notice .warning"),
    "calculator": ("/calculator/?position=fin-cashier-income", "[data-result=overall]"),
    "calculator, a guessed entry": (
        "/calculator/?position=cs-intake-supervisor",
        "[data-result=overall]",
    ),
    "team view": ("/team/", "article"),
    "scoring": ("/scoring/", None),
    "downloads": ("/downloads/", None),
    "changelog": ("/changelog/", None),
    "guide": ("/guide/", None),
    "404": ("/404.html", None),
}
SCHEMES = {"light": "default", "dark": "slate"}
VIEWPORTS = {"desktop": (1280, 900), "phone": (390, 844)}
# The pages whose layout changes on a phone (cards, stacked sides, scrolling tables) are
# checked there too; the others differ only by Material's own drawer, checked below.
PHONE_PAGES = ["home", "position", "matrix", "compare", "calculator", "404"]

AXE_RUN = """async (exclude) => (await axe.run({exclude: exclude}, {resultTypes: ['violations']}))
  .violations.map(v => `${v.id} (${v.impact}): ` + v.nodes.map(n => n.target.join(' ')).join(', '))"""


def axe_violations(page, exclude: list[str]) -> list[str]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(AXE_RUN, [[selector] for selector in exclude])


CASES = [
    (scheme, viewport, name)
    for scheme in SCHEMES
    for viewport in VIEWPORTS
    for name in PAGES
    if viewport == "desktop" or name in PHONE_PAGES
]


@pytest.fixture(scope="module")
def pages(browser):
    """One page per scheme and viewport, opened when first asked for."""
    contexts = {}

    def page_for(scheme: str, viewport: str):
        if (scheme, viewport) not in contexts:
            width, height = VIEWPORTS[viewport]
            contexts[scheme, viewport] = browser.new_context(
                color_scheme=scheme, viewport={"width": width, "height": height}
            ).new_page()
        return contexts[scheme, viewport]

    yield page_for
    for page in contexts.values():
        page.context.close()


@pytest.mark.parametrize("scheme, viewport, name", CASES, ids=["-".join(c) for c in CASES])
def test_axe_finds_nothing(pages, site_url, real_site, scheme, viewport, name):
    if name == "team view" and not (real_site[0] / "team" / "index.html").is_file():
        pytest.skip("this site has no team view")
    page = pages(scheme, viewport)
    path, ready = PAGES[name]
    page.goto(site_url + path)
    page.wait_for_load_state("load")
    if ready:
        page.locator(ready).first.wait_for()
    assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[scheme]
    assert axe_violations(page, [SEARCH_BOX]) == []


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_nothing_in_what_opens(browser, site_url, scheme):
    """The states a reader opens: the transcription notes, the compare page's filter, the
    phone's navigation drawer."""
    context = browser.new_context(color_scheme=scheme, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_url + "/departments/long-distance/ld-manager/")
    page.locator("details.pc-transcription summary").click()
    assert axe_violations(page, [SEARCH_BOX]) == []
    page.locator(".md-header label[for='__drawer']").click()
    page.locator(".md-sidebar--primary").wait_for()
    assert axe_violations(page, [SEARCH_BOX]) == []
    page.goto(site_url + "/compare/?a=cs-intake-rep-1&b=cs-intake-rep-2")
    page.locator(".pc-compare-table").first.wait_for()
    page.get_by_label("只看不同之处").check()
    assert axe_violations(page, [SEARCH_BOX]) == []
    context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_nothing_in_the_search_box(browser, site_url, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + "/")
    page.wait_for_load_state("networkidle")
    try:
        assert axe_violations(page, []) == []
        page.keyboard.press("s")
        page.keyboard.type("出纳")
        page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
        page.wait_for_timeout(800)  # the dialog fades in: measure its colours once it is in
        assert axe_violations(page, []) == []  # the open dialog with its results
    finally:
        context.close()


def focused(page) -> str:
    return page.evaluate("document.activeElement.innerText || ''").strip()


def tab_until(page, condition: str, limit: int = 80) -> None:
    """Press Tab until `condition` (JavaScript on the focused element `e`) holds."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(e => {condition})(document.activeElement)"):
            return
    raise AssertionError(f"Tab never reached {condition}; at {focused(page)!r}")


def test_find_open_compare_and_score_a_position_with_the_keyboard_alone(page, site_url):
    page.goto(site_url + "/")
    page.wait_for_load_state("networkidle")
    # Find: the search opens with "/", the first result is one arrow away.
    page.keyboard.press("/")
    page.keyboard.type("收入出纳")
    page.locator(".md-search-result__item a").first.wait_for()
    page.keyboard.press("ArrowDown")
    assert "财务部收入出纳" in focused(page)
    page.keyboard.press("Enter")
    page.wait_for_url("**/departments/finance/fin-cashier-income/")
    # Open it, then compare it: the compare button is reached by Tab.
    tab_until(page, "e.innerText === '与其他岗位对比'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/compare/?a=fin-cashier-income")
    page.locator("#pc-compare-b-position:enabled").wait_for()
    tab_until(page, "e.id === 'pc-compare-b-position'")
    page.keyboard.press("ArrowDown")  # the first position of side a's department
    page.locator(".pc-compare-table").first.wait_for()
    notice = page.locator(".pc-compare-notice").inner_text()
    assert notice.startswith("正在对比：岗位甲“财务部收入出纳”（财务部）与岗位乙")
    # Score it: the calculator link of side a, in the comparison's first row.
    tab_until(page, "e.innerText === '考核计算器'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/calculator/?position=fin-cashier-income*")
    page.locator("[data-kpi='0']").wait_for()
    tab_until(page, "e.dataset.kpi === '0'")
    page.keyboard.type("4")
    assert page.locator("[data-kpi='0']").input_value() == "4"
