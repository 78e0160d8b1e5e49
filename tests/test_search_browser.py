"""The header search in real Chromium on the real catalogue: nothing fetched until asked,
every title, KPI and competency found by its full text, keys, filters, phone, dark mode."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import REAL_CATALOG

from generator import load_catalog
from generator.render import competency_uri, position_uri
from generator.search import page_url

BUDGET = 300_000

# Types `query` into the box and resolves with what the list then shows.
SEARCH_JS = """async (query) => {
  const input = document.querySelector("input.md-search__input");
  const list = document.querySelector(".md-search-result__list");
  input.focus();
  input.value = query;
  input.dispatchEvent(new Event("input", {bubbles: true}));
  for (let i = 0; i < 400 && list.dataset.query !== query; i++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const base = new URL("./", document.querySelector("script[src$='search/ui.js']").src);
  const site = new URL("../../", base).href;
  return {
    query: list.dataset.query,
    meta: document.querySelector(".md-search-result__meta").textContent,
    results: [...list.querySelectorAll("a.md-search-result__link")].map((a) => ({
      url: a.href.slice(site.length), title: a.querySelector("h1").textContent,
      text: a.textContent, kind: a.dataset.kind,
      marks: [...a.querySelectorAll("h1 mark")].map((m) => m.textContent)})),
  };
}"""


def search(page, query: str) -> dict:
    answer = page.evaluate(SEARCH_JS, query)
    assert answer["query"] == query, answer
    return answer


@pytest.fixture(scope="module")
def search_page(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + "/")
    page.locator("input.md-search__input").focus()
    page.wait_for_function("window.PositionSearch && window.PositionSearch.ui")
    yield page
    context.close()


def owners() -> list[tuple[str, set[str]]]:
    """(full text, URLs of the pages that own it) for every position title, KPI name and
    competency name of the real catalogue."""
    catalog = load_catalog(REAL_CATALOG)
    wanted: dict[str, set[str]] = {}
    for position in catalog.positions():
        url = page_url(position_uri(position))
        wanted.setdefault(position.title, set()).add(url)
        for kpi in position.kpis:
            wanted.setdefault(kpi.name, set()).add(url)
    for competency in catalog.competencies:
        wanted.setdefault(competency.name, set()).add(page_url(competency_uri(competency)))
    return sorted(wanted.items())


def test_nothing_is_fetched_for_search_until_the_box_is_used(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    fetched = []
    page.on("request", lambda request: fetched.append(urlsplit(request.url).path))
    for path in ("/", "/departments/finance/fin-cashier-income/", "/glossary/teamwork/"):
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
    assert not [p for p in fetched if "search" in p], fetched
    context.close()


def test_bytes_of_a_first_query_code_included(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + "/departments/")
    page.wait_for_load_state("networkidle")
    sizes: list[int] = []
    page.on("response", lambda response: sizes.append(len(response.body())))
    page.keyboard.press("/")
    answer = search(page, "控制客户掉线率")
    page.wait_for_load_state("networkidle")
    assert answer["results"] and sum(sizes) <= BUDGET, sum(sizes)
    context.close()


def test_every_title_kpi_and_competency_finds_its_page_in_the_first_three(search_page):
    missing = []
    for text, urls in owners():
        answer = search(search_page, text)
        top = [r["url"] for r in answer["results"][:3]]
        if not urls & set(top):
            missing.append((text, top))
    assert missing == [], "\n".join(map(str, missing))


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("出纳", {"财务部收入出纳", "财务部支出出纳"}),
        ("团队合作", {"团队合作"}),
        ("掉线率", {"长话业务事业部经理", "长话业务事业部销售主管"}),
        (
            "客户 掉线率",
            {
                "长话业务事业部经理",
                "长话业务事业部销售主管",
                "长话业务事业部客户关系代表",
                "长话业务事业部客户关系组主管",
            },
        ),
        (
            "ＭＢＯ管理",
            {
                "长话业务事业部经理",
                "长话业务事业部销售主管",
                "长话业务事业部客户关系组主管",
                "财务部经理",
                "客户服务部受理组主管",
                "市场部经理",
                "增值电信事业部客户主管",
                "增值电信事业部经理",
                "人事行政部经理",
            },
        ),
        ("售后工程师", {"客户服务部售后工程师"}),
    ],
)
def test_partial_and_mixed_queries(search_page, query, first):
    answer = search(search_page, query)
    assert answer["results"] and answer["results"][0]["title"] in first, answer["results"][:3]


def test_a_kpi_word_puts_positions_first_and_the_guide_and_home_last(search_page):
    answer = search(search_page, "掉线率")
    kinds = [r["kind"] for r in answer["results"]]
    assert kinds[0] == "position"
    assert "guide" not in kinds or kinds.index("guide") > max(
        i for i, k in enumerate(kinds) if k == "position"
    )
    first = answer["results"][0]
    assert "KPI" in first["text"] and "长话业务事业部" in first["text"]  # the line, the department


def test_a_typo_says_nothing_was_found(search_page):
    answer = search(search_page, "出钠")
    assert answer["results"] == []
    assert answer["meta"].startswith("没有找到与“出钠”匹配的内容")


def test_titles_are_marked_where_the_query_is_without_invisible_characters(search_page):
    answer = search(search_page, "出纳")
    assert answer["results"][0]["marks"] == ["出纳"]
    assert all("\u200b" not in r["title"] + r["text"] for r in answer["results"])


def test_matrix_and_download_pages_are_not_indexed(real_site):
    records = (Path(real_site[0]) / "search" / "d").rglob("*.js")
    text = "".join(path.read_text(encoding="utf-8") for path in records)
    assert '"u":"matrix/' not in text and '"u":"downloads/' not in text
    assert '"u":"guide/","t":"使用说明","k":"guide"' in text


def test_filters_by_kind_and_department(search_page):
    page = search_page
    search(page, "客户")
    box = page.locator(".pc-search")
    box.get_by_role("button", name="KPI", exact=True).click()
    page.wait_for_function("document.querySelector('.md-search-result__list').dataset.query")
    items = box.locator(".md-search-result__item")
    items.first.wait_for()
    assert all("KPI" in text for text in items.all_inner_texts())
    box.get_by_role("button", name="全部", exact=True).click()
    page.wait_for_function("document.querySelectorAll('.md-search-result__item').length > 0")
    select = box.locator("select.pc-search-department")
    select.focus()  # every department's name is fetched when the filter is first used
    page.wait_for_function(
        "document.querySelectorAll('select.pc-search-department option').length > 8"
    )
    select.select_option(label="财务部")
    page.wait_for_function("""[...document.querySelectorAll('.md-search-result__item')]
        .every((item) => item.textContent.includes('财务部'))""")
    select.select_option(value="")
    box.get_by_role("button", name="能力词典", exact=True).click()
    page.wait_for_function("""[...document.querySelectorAll('.md-search-result__item a')]
        .length > 0 && [...document.querySelectorAll('.md-search-result__item a')]
        .every((a) => a.dataset.kind === 'glossary')""")
    box.get_by_role("button", name="全部", exact=True).click()


def test_keyboard_slash_and_s_focus_arrows_walk_enter_opens(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + "/scoring/")
    for key in ("/", "s"):
        page.keyboard.press(key)
        assert page.evaluate("document.activeElement.matches('input.md-search__input')"), key
        assert page.evaluate("document.activeElement.value") == ""
        page.keyboard.press("Escape")
        assert not page.evaluate("document.getElementById('__search').checked")
    page.keyboard.type("出纳")
    page.locator(".md-search-result__item").first.wait_for()
    page.keyboard.press("ArrowDown")
    first = page.evaluate("document.activeElement.getAttribute('href')")
    assert first and "fin-cashier" in first
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.getAttribute('href')") == first
    page.keyboard.press("Enter")
    page.wait_for_url("**/departments/finance/fin-cashier-*/")
    assert page.locator("article h1").inner_text().endswith("出纳")
    page.keyboard.press("/")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_on_a_phone_the_results_fit_and_open(browser, site_url, scheme):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, color_scheme=scheme, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.goto(site_url + "/")
    page.locator("label.md-header__button[for='__search']").tap()
    box = page.locator("input.md-search__input")
    box.wait_for(state="visible")
    box.fill("掉线率")
    items = page.locator(".md-search-result__item")
    items.first.wait_for()
    page.wait_for_function("document.documentElement.scrollWidth <= 390")  # slid in
    assert items.first.bounding_box()["width"] <= 390
    color = page.evaluate(
        "getComputedStyle(document.querySelector('.md-search-result__article h1')).color"
    )
    light_text = sum(int(v) for v in color[color.index("(") + 1 : -1].split(",")[:3]) > 384
    assert light_text == (scheme == "dark"), color
    items.first.locator("a").tap()
    page.wait_for_url("**/departments/long-distance/**")
    context.close()
