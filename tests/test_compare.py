"""The compare page (岗位对比): two positions side by side in Chromium, on a phone, on paper,
from files, with bad links and hostile text; the pairing itself is unit-tested in Node."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from browser import serve
from conftest import REAL_CATALOG
from hostile import PAYLOADS, publish_plain_then_hostile
from pypdf import PdfReader
from sitebuild import build, site_config
from test_hostile import LIVE_MARKUP
from test_print import lines, words

from generator import load_catalog
from generator.model import GROUP_NAMES

ROOT = Path(__file__).resolve().parent.parent
NODE = shutil.which("node")
MARKS = {"same": "相同", "different": "不同", "only-a": "仅甲", "only-b": "仅乙"}


def open_compare(page, base: str, query: str) -> None:
    page.goto(f"{base}/compare/{query}")
    page.locator(".pc-compare-notice .admonition").wait_for()


def rows(page, section: str) -> dict[str, tuple[str, str, str]]:
    """{item: (side a, side b, mark)} of the table after the heading `section`."""
    table = page.locator(f"h2:text-is('{section}') ~ table").first
    found = table.locator("tbody tr").evaluate_all(
        "trs => trs.map(tr => [...tr.children].map(c => c.innerText.trim()))"
    )
    return {item: (a, b, mark) for item, a, b, mark in found}


@pytest.mark.skipif(NODE is None, reason="Node.js is not installed (CI installs it)")
def test_the_pairing_passes_its_node_tests():
    result = subprocess.run(
        [NODE, "--test", "tests/js_compare"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout


def test_positions_of_two_departments_side_by_side(page, site_url):
    catalog = load_catalog(REAL_CATALOG)
    a, b = (
        next(p for p in catalog.positions() if p.id == i) for i in ("ld-manager", "fin-manager")
    )
    open_compare(page, site_url, "?a=ld-manager&b=fin-manager")
    headers = page.locator("h2:text-is('概况') ~ table").first.locator("thead th").all_inner_texts()
    assert headers == ["项目", f"岗位甲：{a.title}", f"岗位乙：{b.title}", "比较"]
    overview = rows(page, "概况")
    assert overview["部门"] == ("长话业务事业部", "财务部", "不同")
    assert overview["KPI 权重合计"] == ("100", "80", "不同")
    kpis = rows(page, "季度考核 KPI 指标")
    assert kpis["部门业绩"][:2] == (
        "权重：50%\n评分标准：>120%为5\n考核方法：根据业绩核算结果",
        "（无此 KPI）",
    )
    assert kpis["部门业绩"][2] == "仅甲"
    assert kpis["权重合计"] == ("100%", "80%", "不同")
    # Every competency of either position, in its group on each side, marked as Python sees it.
    group_of = [{i: g for g in GROUP_NAMES for i in p.competencies[g]} for p in (a, b)]
    competencies = rows(page, "半年评价能力态度指标")
    assert len(competencies) == len(group_of[0].keys() | group_of[1].keys())
    for competency_id in group_of[0].keys() | group_of[1].keys():
        in_a, in_b = (g.get(competency_id) for g in group_of)
        mark = "only-a" if in_b is None else "only-b" if in_a is None else "same"
        if mark == "same" and in_a != in_b:
            mark = "different"
        shown = (
            GROUP_NAMES[in_a] if in_a else "（不考核）",
            GROUP_NAMES[in_b] if in_b else "（不考核）",
        )
        name = catalog.competency(competency_id).name
        expected = MARKS[mark] + ("：组别" if mark == "different" else "")
        assert competencies[name] == (*shown, expected), name


def test_goal_sub_items_follow_their_goal_as_bullets(page, site_url):
    open_compare(page, site_url, "?a=hra-manager&b=hra-recruiter")
    table = page.locator("h3:text-is('内部管理类') + table")
    heads = table.locator("tbody th").all_text_contents()
    goal = "部门内部人力资源管理："
    # a sub-item says whose it is in words a screen reader reads (visually hidden)
    assert heads[:3] == [goal, f"• 考核（“{goal}”的子项）", f"• 培养（“{goal}”的子项）"]
    row = table.locator("tbody tr").nth(1)
    assert row.locator("td").all_inner_texts() == [
        "目标值：确保公平、激励性",
        "（无此目标）",
        "仅甲",
    ]
    shown = row.locator("th .pc-subitem")
    assert shown.evaluate("e => getComputedStyle(e).marginLeft") != "0px"


def test_what_two_similar_positions_share_and_where_they_differ(page, site_url):
    open_compare(page, site_url, "?a=cs-intake-rep-1&b=cs-intake-rep-2")
    kpis = rows(page, "季度考核 KPI 指标")
    assert kpis["处理客户咨询、投诉及时性、准确性"][2] == "不同：权重"
    kpi_table = page.locator("h2:text-is('季度考核 KPI 指标') ~ table").first
    differing = kpi_table.locator(".pc-row--different .pc-field--differs").first.inner_text()
    assert differing.startswith("权重：") and "（不同）" in differing  # said, not only shown
    counts = page.locator("h2:text-is('半年评价能力态度指标') + .pc-compare-counts").inner_text()
    assert counts.startswith("相同 ") and "仅甲" in counts
    same = page.locator(".pc-row--same").count()
    assert same > 0
    page.get_by_label("只看不同之处").check()
    assert page.locator(".pc-row--same:visible").count() == 0
    assert page.locator(".pc-row--different:visible").count() > 0


def test_a_position_page_opens_the_comparison_with_itself_chosen(page, site_url):
    page.goto(site_url + "/departments/finance/fin-cashier-income/")
    page.get_by_role("link", name="与其他岗位对比").click()
    page.wait_for_url("**/compare/?a=fin-cashier-income")
    notice = page.locator(".pc-compare-notice")
    notice.get_by_text("请在上面选择岗位乙").wait_for()
    # Side b starts in side a's department; another department is one choice away.
    assert page.locator("#pc-compare-b-department").input_value() == "finance"
    page.locator("#pc-compare-b-department").select_option("customer-service")
    page.locator("#pc-compare-b-position option[value='cs-manager']").wait_for(state="attached")
    page.locator("#pc-compare-b-position").select_option("cs-manager")
    notice.get_by_text("正在对比").wait_for()
    assert parse_qs(urlsplit(page.url).query) == {"a": ["fin-cashier-income"], "b": ["cs-manager"]}
    page.get_by_role("button", name="交换甲乙").click()
    page.wait_for_function("location.search === '?a=cs-manager&b=fin-cashier-income'")
    assert page.locator("#pc-compare-a-position").input_value() == "cs-manager"
    header = (
        page.locator("h2:text-is('概况') ~ table").first.locator("thead th").nth(1).inner_text()
    )
    assert header == "岗位甲：客户服务部经理"


@pytest.mark.parametrize(
    "query, message",
    [
        ("", "请在上面选择两个岗位，它们可以来自不同部门。"),
        ("?a=ld-manager", "请在上面选择岗位乙，与岗位甲“长话业务事业部经理”对比。"),
        ("?b=ld-manager", "请在上面选择岗位甲，与岗位乙“长话业务事业部经理”对比。"),
        (
            "?a=no-such-position&b=ld-manager",
            (
                "找不到岗位“no-such-position”（岗位甲）：链接中的岗位编号有误，"
                "或来自其他版本的目录。请在下面重新选择。"
            ),
        ),
        (
            "?a=ld-manager&b=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
            "找不到岗位“<img src=x onerror=alert(1)>”（岗位乙）",
        ),
        ("?a=" + "x" * 300, "找不到岗位“" + "x" * 60 + "…”（岗位甲）"),
        ("?a=ld-manager&b=ld-manager", "岗位甲和岗位乙是同一个岗位：“长话业务事业部经理”。"),
    ],
)
def test_a_missing_or_bad_id_says_so(page, site_url, query, message):
    open_compare(page, site_url, query)
    notice = page.locator(".pc-compare-notice").inner_text()
    assert message in notice
    assert page.evaluate(LIVE_MARKUP) == []
    # Only two positions that both exist are compared.
    assert (page.locator(".pc-compare-table").count() > 0) == ("同一个岗位" in message)


def test_on_a_phone_the_sides_are_stacked(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    open_compare(page, site_url, "?a=cs-intake-rep-1&b=fin-analyst")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    row = page.locator("h2:text-is('季度考核 KPI 指标') ~ table tbody tr").first
    item, a, b = (
        row.locator(tag).first.bounding_box()
        for tag in ("th", "td:nth-child(2)", "td:nth-child(3)")
    )
    assert item["y"] < a["y"] < b["y"]  # one above the other
    assert a["width"] > 300 and b["width"] > 300  # each across the screen
    label = row.locator("td:nth-child(2)").evaluate(
        "td => getComputedStyle(td, '::before').content"
    )
    assert label == '"岗位甲：客户服务部受理服务代表(一)"'
    context.close()


def test_the_comparison_prints_without_its_menus(page, site_url):
    open_compare(page, site_url, "?a=cs-intake-rep-1&b=cs-intake-rep-2")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True)))
    text = "".join(p.extract_text() for p in pdf.pages).replace(" ", "")
    assert "岗位甲：客户服务部受理服务代表(一)" in text and "不同：权重" in text
    assert "交换甲乙" not in text and "只看不同之处" not in text and "请选择" not in text
    assert len(pdf.pages) <= 6


def test_a_printed_comparison_leaves_no_heading_at_a_page_foot(page, site_url):
    open_compare(page, site_url, "?a=cs-intake-rep-1&b=fin-manager")
    page.locator(".pc-compare-table").first.wait_for()
    headings = {words(t) for t in page.locator("article :is(h1, h2, h3)").all_inner_texts()}
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True)))
    assert len(pdf.pages) > 2  # long enough to break
    for number, pdf_page in enumerate(pdf.pages[:-1], 1):
        foot = lines(pdf_page)[-1][1]
        assert foot not in headings and not foot.startswith("相同"), (number, foot)


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("offline-compare")
    result = build(site_config(tmp, REAL_CATALOG, offline=True), tmp / "site")
    assert result.returncode == 0, result.stderr
    return tmp / "site"


def test_the_comparison_works_from_files(browser, offline_site):
    context = browser.new_context()
    page = context.new_page()
    schemes = set()
    page.on("request", lambda request: schemes.add(urlsplit(request.url).scheme))
    page.goto((offline_site / "departments" / "finance" / "fin-analyst.html").as_uri())
    page.get_by_role("link", name="与其他岗位对比").click()
    page.locator("#pc-compare-b-position option[value='fin-manager']").wait_for(state="attached")
    page.locator("#pc-compare-b-position").select_option("fin-manager")
    page.locator(".pc-compare-table").first.wait_for()
    link = page.locator("h2:text-is('半年评价能力态度指标') ~ table tbody th a").first
    assert link.get_attribute("href").endswith(".html")  # a page, not a folder listing
    link.click()
    page.wait_for_load_state("load")
    assert page.url.startswith("file://") and "/glossary/" in page.url
    assert page.locator("article h1").count() == 1
    assert schemes <= {"file", "blob", "data", "about"}
    context.close()


def test_hostile_catalogue_text_shows_as_text_on_the_compare_page(browser, tmp_path):
    counter = iter(range(1, 10**6))  # every text different, as ids and spellings must be
    shown = publish_plain_then_hostile(
        tmp_path, lambda file, path: f"{' '.join(PAYLOADS)} 字段{next(counter)}"
    )
    result = build(site_config(tmp_path, tmp_path / "catalog"), tmp_path / "site")
    assert result.returncode == 0, result.stderr
    context = browser.new_context()
    page = context.new_page()
    alerts = []
    page.on("dialog", lambda dialog: (alerts.append(dialog.message), dialog.dismiss()))
    with serve(tmp_path / "site") as url:
        open_compare(page, url, "?a=sales-manager&b=sales-rep")
        page.locator(".pc-compare-table").first.wait_for()
        assert page.evaluate(LIVE_MARKUP) == []
        body = page.locator("article").inner_text()
        assert shown["kpi"].split()[0] in body
    context.close()
    assert alerts == []
