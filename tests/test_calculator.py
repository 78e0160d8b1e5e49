"""The scoring calculator in real Chromium: scoring, keeping, sharing, printing, axe."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
VECTORS = json.loads((Path(__file__).parent / "vectors" / "scoring.json").read_text("utf-8"))
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

# 财务部收入出纳: five KPIs (30, 20, 10, 30, 10), five core abilities and five attitudes.
CASHIER = "fin-cashier-income"


def open_calculator(page, site_url, query=""):
    page.goto(f"{site_url}/calculator/{query}")
    if "position=" in query:
        page.locator("[data-result=overall]").wait_for()
    else:
        page.locator("#pc-department option").nth(1).wait_for(state="attached")


def result(page, key):
    return page.locator(f"[data-result={key}]").inner_text()


def test_shared_vectors_give_the_same_numbers_in_the_browser(page, site_url):
    """The scripts the site serves are the ones tests/js checks (in Node, case by case)."""
    page.goto(site_url + "/calculator/")
    results = page.evaluate(
        """(vectors) => vectors.cases.map((c) =>
        PositionCalculator.scoring.score(vectors.positions[c.position], vectors.scoring,
                                         c.appraisal, vectors.rules))""",
        VECTORS,
    )
    for case, got in zip(VECTORS["cases"], results, strict=True):
        assert got == case["expect"], case["name"]


def test_score_a_position_by_keyboard(page, site_url):
    open_calculator(page, site_url, f"?position={CASHIER}")
    page.locator("#pc-employee").focus()
    page.keyboard.type("张三")
    page.keyboard.press("Tab")
    page.keyboard.type("李四")
    page.keyboard.press("Tab")
    page.keyboard.type("2026年第四季度")
    for points in ("5", "4", "4", "3", "5"):  # the five KPI inputs, in order
        page.keyboard.press("Tab")
        page.keyboard.type(points)
    ratings = page.locator("[data-competency]")
    for _ in range(ratings.count()):
        page.keyboard.press("Tab")
        while page.evaluate("document.activeElement.dataset.competency") is None:
            page.keyboard.press("Tab")  # glossary links sit between the rating inputs
        page.keyboard.type("4")
    # KPI: (30·5 + 20·4 + 10·4 + 30·3 + 10·5) / 100 = 4.1 -> 82.0; abilities all 4 -> 80.0
    assert result(page, "kpi") == "4.10 / 5（82.0 / 100）"
    assert result(page, "ability") == "4.00 / 5（80.0 / 100）"
    assert result(page, "overall") == "81.4"  # 82 × 0.7 + 80 × 0.3
    assert result(page, "grade") == "良好"


def test_score_a_position_by_mouse_with_an_actual_result(page, site_url):
    open_calculator(page, site_url, "?position=ld-manager")
    page.locator("[data-kpi-actual='0']").click()
    page.keyboard.type("130")
    assert page.locator("[data-kpi='0']").input_value() == "5"
    assert "命中：>120% → 5 分" in page.locator("#pc-kpi-0-msg").inner_text()
    for index in range(1, 5):
        page.locator(f"[data-kpi='{index}']").click()
        page.keyboard.type("3")
    for box in page.locator("[data-competency]").all():
        box.click()
        box.fill("3")
    # (50·5 + 50·3) / 100 = 4.0 -> 80; abilities 3 -> 60; 80 × 0.7 + 60 × 0.3 = 74
    assert result(page, "kpi") == "4.00 / 5（80.0 / 100）"
    assert result(page, "overall") == "74.0"
    assert result(page, "grade") == "合格"


def test_satisfaction_scale_is_chosen_from_its_levels(page, site_url):
    open_calculator(page, site_url, "?position=cs-intake-supervisor")
    select = page.locator("[data-kpi-level]")
    index = select.get_attribute("data-kpi-level")
    select.select_option("较满意")
    assert page.locator(f"[data-kpi='{index}']").input_value() == "4"


def test_bad_entries_are_explained_and_the_result_is_incomplete(page, site_url):
    open_calculator(page, site_url, f"?position={CASHIER}")
    page.locator("[data-kpi='0']").fill("7")
    page.locator("[data-kpi='1']").fill("好")
    page.locator("[data-kpi='2']").fill("3.5")
    assert page.locator("#pc-kpi-0-msg").inner_text() == "请输入 1–5 分"
    assert page.locator("#pc-kpi-1-msg").inner_text() == "请输入数字"
    assert page.locator("#pc-kpi-2-msg").inner_text() == "请输入整数"
    assert page.locator("[data-kpi='0']").get_attribute("aria-invalid") == "true"
    assert result(page, "grade") == "不完整，暂不评定"


def test_weights_not_adding_to_100_are_flagged_not_rescaled(page, site_url):
    open_calculator(page, site_url, "?position=fin-manager&k0=5&k1=5&k2=5")
    assert "权重合计不是 100" in page.locator("#pc-result-warnings").inner_text()
    assert result(page, "kpi") == "5.00 / 5（100.0 / 100）"


def test_state_survives_a_reload(page, site_url):
    open_calculator(page, site_url, f"?position={CASHIER}")
    page.locator("#pc-employee").fill("王五")
    page.locator("[data-kpi='0']").fill("4")
    page.goto(site_url + "/calculator/")  # no query at all: restored from localStorage
    page.locator("[data-kpi='0']").wait_for()
    assert page.locator("#pc-employee").input_value() == "王五"
    assert page.locator("[data-kpi='0']").input_value() == "4"
    page.reload()
    page.locator("[data-kpi='0']").wait_for()
    assert page.locator("[data-kpi='0']").input_value() == "4"


def test_a_shared_link_opens_the_appraisal_in_a_fresh_browser(browser, page, site_url):
    open_calculator(page, site_url, f"?position={CASHIER}")
    page.locator("#pc-employee").fill("赵六")
    for index, points in enumerate(("5", "5", "5", "5", "5")):
        page.locator(f"[data-kpi='{index}']").fill(points)
    link = page.url
    fresh = browser.new_context()
    other = fresh.new_page()
    other.goto(link)
    other.locator("[data-result=kpi]").wait_for()
    assert other.locator("#pc-employee").input_value() == "赵六"
    assert other.locator("[data-result=kpi]").inner_text() == "5.00 / 5（100.0 / 100）"
    fresh.close()


def test_a_tampered_link_keeps_what_is_valid_and_says_what_was_dropped(page, site_url):
    open_calculator(
        page,
        site_url,
        f"?position={CASHIER}&v=0.1&k0=4&k1=9&k8=3&c.teamwork=4"
        "&c.accuracy=5&c.nosuch=2&evil=<script>&employee=<b>钱七</b>",
    )
    notice = page.locator("#pc-notice").inner_text()
    assert "链接来自目录版本 0.1" in notice
    assert "k1=9：得分须为 1–5 的整数" in notice
    assert "k8=3：本岗位没有第 9 项 KPI" in notice
    assert "c.nosuch=2：本岗位不考核这一项" in notice
    assert "evil=<script>：无法识别" in notice
    assert page.locator("[data-kpi='0']").input_value() == "4"
    assert page.locator("[data-kpi='1']").input_value() == ""
    assert page.locator("[data-competency='accuracy']").input_value() == "5"
    assert page.locator("#pc-employee").input_value() == "<b>钱七</b>"
    assert page.locator("#pc-notice script, #pc-notice b").count() == 0


def test_a_link_to_an_unknown_position_says_so(page, site_url):
    page.goto(f"{site_url}/calculator/?position=ceo&k0=5")
    page.locator("#pc-notice li").wait_for()
    assert "找不到岗位“ceo”" in page.locator("#pc-notice").inner_text()


def test_position_page_links_to_its_calculator(page, site_url):
    page.goto(f"{site_url}/departments/finance/{CASHIER}/")
    page.get_by_role("link", name="打开考核计算器").click()
    page.locator("[data-result=overall]").wait_for()
    assert page.locator("#pc-position").input_value() == CASHIER


def test_reset_asks_first(page, site_url):
    open_calculator(page, site_url, f"?position={CASHIER}&k0=4")
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="重置").click()
    assert page.locator("[data-kpi='0']").input_value() == "4"
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="重置").click()
    assert page.locator("[data-kpi='0']").input_value() == ""


def test_downloads_carry_the_scored_appraisal(page, site_url):
    open_calculator(page, site_url, f"?position={CASHIER}&k0=4&employee=孙八")
    with page.expect_download() as info:
        page.get_by_role("button", name="下载 JSON").click()
    record = json.loads(Path(info.value.path()).read_text("utf-8"))
    assert (record["position"], record["employee"], record["kpis"][0]) == (
        CASHIER,
        "孙八",
        {"points": 4},
    )
    assert record["result"]["complete"] is False
    with page.expect_download() as info:
        page.get_by_role("button", name="下载 CSV").click()
    csv_text = Path(info.value.path()).read_text("utf-8-sig")
    assert '"KPI 1","每日收款核对","30","4","1.2"' in csv_text  # 30 × 4 / 100


def test_print_is_the_appraisal_form_on_a4(page, site_url):
    open_calculator(page, site_url, f"?position={CASHIER}&k0=4&employee=周九")
    pdf = page.pdf(format="A4")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    for field in ("考核表：财务部收入出纳", "被考核人：", "考核人：", "日期：", "每日收款核对"):
        assert field in text, field
    assert "下载 CSV" not in text and "选择岗位" not in text


def test_works_with_instant_navigation(page, site_url):
    page.goto(site_url + "/")
    page.locator("nav").get_by_role("link", name="考核计算器").first.click()
    page.locator("#pc-department option").nth(1).wait_for(state="attached")
    page.locator("#pc-department").select_option("finance")
    page.locator(f"#pc-position option[value={CASHIER}]").wait_for(state="attached")
    page.locator("#pc-position").select_option(CASHIER)
    page.locator("[data-kpi='0']").wait_for()


def test_search_as_you_type_finds_positions(page, site_url):
    open_calculator(page, site_url)
    page.locator("#pc-find").fill("出纳")
    hits = page.locator(".pc-find-hit")
    hits.first.wait_for()
    assert sorted(hits.all_inner_texts()) == ["财务部支出出纳", "财务部收入出纳"]
    page.locator("#pc-find").press("Enter")
    page.locator("[data-kpi='0']").wait_for()


@pytest.mark.parametrize("query", ["", f"?position={CASHIER}&k0=9"])
def test_axe_finds_no_serious_or_critical_violation(page, site_url, query):
    open_calculator(page, site_url, query)
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate("""async () => (await axe.run(document.querySelector('article'),
        {resultTypes: ['violations']})).violations
        .filter(v => ['serious', 'critical'].includes(v.impact))
        .map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)""")
    assert violations == []


def test_opening_one_position_fetches_only_that_positions_data(page, site_url):
    """What grows with the catalogue (search index, department list) is not fetched."""
    paths = []
    page.on("request", lambda request: paths.append(request.url.removeprefix(site_url)))
    open_calculator(page, site_url, f"?position={CASHIER}")
    page.wait_for_load_state("networkidle")
    data = sorted(p for p in paths if p.startswith("/data/"))
    assert data == [
        "/data/calculator/departments/finance.js",
        f"/data/calculator/positions/{CASHIER}.js",
    ]
    assert not any("search_index" in p for p in paths)
    page.locator("#pc-department").focus()  # the full menu loads when it is wanted
    page.locator("#pc-department option").nth(8).wait_for(state="attached")
    assert page.locator("#pc-department").input_value() == "finance"


def test_the_chart_follows_the_ratings_without_a_script_error(page, site_url):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    open_calculator(page, site_url, f"?position={CASHIER}")
    name = page.locator(".pc-rating-head a").first.inner_text()
    rating = page.locator("[data-competency]").first
    bar = page.locator("#pc-chart rect").first
    chart = page.locator("#pc-chart svg")
    rating.fill("5")
    assert f"{name} 5，" in chart.get_attribute("aria-label")
    assert bar.get_attribute("width") == "220"  # the whole scale
    rating.fill("9")  # out of range: not charted, as it is not scored
    assert f"{name} 未评，" in chart.get_attribute("aria-label")
    assert bar.get_attribute("width") == "0"
    assert errors == []
