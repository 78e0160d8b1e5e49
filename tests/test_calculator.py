"""The scoring calculator and the team view in real Chromium: scoring, keeping every
appraisal, sharing, the team's table, distribution, files and printing, a phone, keys, axe."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import urllib.parse
from pathlib import Path

import pytest
from conftest import REAL_CATALOG
from pypdf import PdfReader

from generator import load_catalog
from generator.__main__ import main

ROOT = Path(__file__).resolve().parent.parent
VECTORS = json.loads((Path(__file__).parent / "vectors" / "scoring.json").read_text("utf-8"))
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

# 财务部收入出纳: five KPIs (30, 20, 10, 30, 10), five core abilities and five attitudes.
CASHIER = "fin-cashier-income"
# The largest forms of the catalogue: 21 and 22 rated items, every anchor long.
LARGEST = ["ld-manager", "hr-director"]
HEADINGS = {
    "季度考核 KPI 指标",
    "半年评价能力态度指标",
    "月度考核任务完成指标",
    "结果",
    "核心能力",
    "参考能力",
    "态度",
}


def open_calculator(page, site_url, query=""):
    page.goto(f"{site_url}/calculator/{query}")
    if "position=" in query:
        page.locator("[data-result=overall]").wait_for()
    else:
        page.locator("#pc-department option").nth(1).wait_for(state="attached")


def open_team(page, site_url):
    page.goto(f"{site_url}/team/")
    page.locator("#pc-team-period").wait_for()
    page.wait_for_function("!document.querySelector('#pc-team .pc-calc-loading')")


def result(page, key):
    return page.locator(f"[data-result={key}]").inner_text()


def fill(page, employee, period, points, rating, rater="李经理"):
    """Scores the open position: every KPI `points` (or each of a list), every item `rating`."""
    page.locator("#pc-employee").fill(employee)
    page.locator("#pc-rater").fill(rater)
    page.locator("#pc-period").fill(period)
    boxes = page.locator("[data-kpi]")
    for index in range(boxes.count()):
        boxes.nth(index).fill(points[index] if isinstance(points, list) else points)
    for box in page.locator("[data-competency]").all():
        box.fill(rating)


def saved_count(page):
    return page.evaluate("""Object.keys(localStorage)
        .filter((k) => k.startsWith('position-catalog:appraisal:')).length""")


def pdf_pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def axe_violations(page, context="document"):
    """Every axe violation (any impact) in `context`, the site search left out: it is the
    site's own (generator/search/), checked with it, not part of the calculator."""
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async (context) => (await axe.run(
            {include: [context === 'document' ? document : document.querySelector(context)],
             exclude: [['.md-search']]},
            {resultTypes: ['violations']})).violations
        .map(v => `${v.impact} ${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)""",
        context,
    )


def tab_to(page, condition, limit=250, back=False):
    """Presses Tab (Shift+Tab: `back`) until `condition` (JavaScript, of
    document.activeElement as `e`) holds."""
    for _ in range(limit):
        if page.evaluate(f"((e) => Boolean({condition}))(document.activeElement)"):
            return
        page.keyboard.press("Shift+Tab" if back else "Tab")
    raise AssertionError(f"Tab never reached {condition}")


# ------------------------------------------------------------------------------- scoring


def test_shared_vectors_give_the_same_numbers_in_the_browser(page, site_url):
    """The scripts the site serves are the ones tests/js checks (in Node, case by case)."""
    page.goto(site_url + "/calculator/")
    results = page.evaluate(
        """(v) => [v.cases.map((c) => PositionCalculator.scoring.score(v.positions[c.position],
                                                               v.scoring, c.appraisal, v.rules)),
                   v.what_if.map((c) => PositionCalculator.scoring.whatIf(v.positions[c.position],
                                                    v.scoring, c.appraisal, v.rules, c.options))]""",
        VECTORS,
    )
    for case, got in zip(VECTORS["cases"], results[0], strict=True):
        assert got == case["expect"], case["name"]
    for case, got in zip(VECTORS["what_if"], results[1], strict=True):
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
    assert page.locator("#pc-kpi-0-msg").inner_text() == "命中：>120% → 5 分"
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


def test_full_width_digits_decimals_and_a_percent_sign_are_numbers(page, site_url):
    """What a Chinese input method types: １３０, ５, ９８．５％."""
    open_calculator(page, site_url, "?position=ld-manager")
    page.locator("[data-kpi-actual='0']").fill("１３０％")
    assert page.locator("[data-kpi='0']").input_value() == "5"
    page.locator("[data-kpi='1']").fill("５")
    page.locator("[data-kpi='2']").fill("4.0")
    page.locator("#pc-monthly").fill("９８．５％")
    for index in (1, 2):
        assert page.locator(f"[data-kpi='{index}']").get_attribute("aria-invalid") == "false"
    assert page.locator("[data-weighted='1']").inner_text() == "1.00"  # 20 × 5 / 100
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)
    assert (query["a0"], query["k1"], query["k2"], query["m"]) == (["130"], ["5"], ["4"], ["98.5"])
    page.locator("[data-competency]").first.fill("４")
    assert page.locator("[data-competency]").first.get_attribute("aria-invalid") == "false"


def test_satisfaction_scale_is_chosen_from_its_levels(page, site_url):
    open_calculator(page, site_url, "?position=cs-intake-supervisor")
    select = page.locator("[data-kpi-level]")
    index = select.get_attribute("data-kpi-level")
    select.select_option("较满意")
    assert page.locator(f"[data-kpi='{index}']").input_value() == "4"
    page.locator(f"[data-kpi='{index}']").fill("2")
    assert (
        page.locator(f"#pc-kpi-{index}-msg").inner_text()
        == "手工评为 2 分，按评价“较满意”应为 4 分"
    )


def test_an_entry_whose_meaning_is_a_guess_is_marked_beside_its_name(page, site_url):
    """建立期 (vocabulary `unclear:`): a visible mark, its reason as the mark's tooltip and in
    the description of the name and the rating box; the mark opens the glossary's note."""
    open_calculator(page, site_url, "?position=cs-intake-supervisor")
    reason = load_catalog(REAL_CATALOG).competency("jianliqi").unclear
    head = page.locator("#pc-c-jianliqi").locator("xpath=..")
    mark = head.locator(".pc-unclear")
    assert mark.inner_text() == "名称或含义存疑" and mark.is_visible()
    assert mark.get_attribute("title") == reason
    assert mark.get_attribute("href").endswith("glossary/jianliqi/#unclear")
    described = page.locator("#pc-c-jianliqi").get_attribute("aria-describedby").split()
    assert "pc-c-jianliqi-unclear" in described
    assert head.get_by_role("link", name="建立期").get_attribute("aria-describedby") == (
        "pc-c-jianliqi-unclear"
    )
    assert page.locator("#pc-c-jianliqi-unclear").text_content() == f"名称或含义存疑：{reason}"
    # an entry that is not a guess has no mark
    plain = page.locator("#pc-c-planning-organizing").locator("xpath=..")
    assert plain.locator(".pc-unclear").count() == 0
    printed = re.sub(r"\s+", "", "".join(pdf_pages(page.pdf(format="A4"))))
    assert "建立期（名称或含义存疑）" in printed  # the printed form has no tooltips


@pytest.mark.parametrize(
    "query, message, counted",
    [
        ("a0=130&k0=1", "手工评为 1 分，按实际值（>120%）应为 5 分", "0.50"),  # 50 × 1 / 100
        ("a0=50&k0=5", None, "2.50"),  # below the standard's tiers: the manager's 5 counts
    ],
)
def test_points_against_the_actual_result_are_an_override_not_an_error(
    page, site_url, query, message, counted
):
    open_calculator(page, site_url, f"?position=ld-manager&{query}")
    shown = page.locator("#pc-kpi-0-msg")
    assert page.locator("[data-weighted='0']").inner_text() == counted
    assert page.locator("[data-kpi='0']").get_attribute("aria-invalid") == "false"
    if message is None:  # nothing to overrule: the standard does not decide below 120 %
        assert shown.inner_text() == "未达到评分标准所列档次，请手工评分"
        assert "pc-msg-note" in shown.get_attribute("class")
        return
    assert shown.inner_text() == message
    assert "pc-msg-override" in shown.get_attribute("class")
    color = shown.evaluate("(e) => getComputedStyle(e).color")
    assert color != "rgb(183, 28, 28)"  # not the error red
    page.get_by_role("button", name="改用 5 分").click()
    assert page.locator("[data-kpi='0']").input_value() == "5"
    assert shown.inner_text() == "命中：>120% → 5 分"
    assert "pc-msg-hit" in shown.get_attribute("class")
    assert page.evaluate("document.activeElement.dataset.kpi") == "0"


def test_bad_entries_are_explained_and_the_result_is_incomplete(page, site_url):
    open_calculator(page, site_url, f"?position={CASHIER}")
    page.locator("[data-kpi='0']").fill("7")
    page.locator("[data-kpi='1']").fill("好")
    page.locator("[data-kpi='2']").fill("3.5")
    assert page.locator("#pc-kpi-0-msg").inner_text() == "请输入 1–5 分"
    assert page.locator("#pc-kpi-1-msg").inner_text() == "请输入数字"
    assert page.locator("#pc-kpi-2-msg").inner_text() == "请输入整数"
    assert page.locator("[data-kpi='0']").get_attribute("aria-invalid") == "true"
    assert "pc-msg-error" in page.locator("#pc-kpi-0-msg").get_attribute("class")
    assert result(page, "grade") == "不完整，暂不评定"


def test_weights_not_adding_to_100_are_flagged_not_rescaled(page, site_url):
    open_calculator(page, site_url, "?position=fin-manager&k0=5&k1=5&k2=5")
    assert "权重合计不是 100" in page.locator("#pc-result-warnings").inner_text()
    assert result(page, "kpi") == "5.00 / 5（100.0 / 100）"


def test_what_if_counts_open_items_and_says_what_the_next_band_takes(page, site_url):
    # KPIs (30, 20, 10, 30, 10): three scored 4, two open; no ratings yet
    open_calculator(page, site_url, f"?position={CASHIER}&k0=4&k1=4&k2=4")
    projection = page.locator("[data-whatif=projection]")
    target = page.locator("[data-whatif=target]")
    # every open item at 3: KPI (120 + 80 + 40 + 90 + 30)/100 = 3.6 -> 72; ability 3 -> 60
    assert projection.inner_text() == (
        "未评的 12 项都按 3 分计：KPI 结果 72.0，能力结果 60.0，总分 68.4（合格）。"
    )
    assert target.inner_text().startswith("要达到「良好」（≥ 80）：所选项目共需再加 ")
    page.locator("#pc-whatif-fill").select_option("5")
    # KPI (120 + 80 + 40 + 150 + 50)/100 = 4.4 -> 88; ability 5 -> 100; 61.6 + 30 = 91.6
    assert projection.inner_text() == (
        "未评的 12 项都按 5 分计：KPI 结果 88.0，能力结果 100.0，总分 91.6（优秀）。"
    )
    assert target.inner_text() == "已是最高等级「优秀」。"
    page.locator("#pc-whatif-fill").select_option("3")
    page.locator(".pc-whatif summary").click()
    checked = page.locator(".pc-whatif input[type=checkbox]:checked")
    while checked.count():
        checked.first.uncheck()
    assert target.inner_text() == "要达到「良好」（≥ 80），请选择可以提高的项目。"
    page.locator("#pc-whatif-k0").check()  # only KPI 1 (weight 30, 4 points) may rise: 4 -> 5
    assert target.inner_text() == (
        "所选项目全部给到 5 分，总分 72.6（合格），仍达不到「良好」（≥ 80）。"
    )


# -------------------------------------------------------------------- keeping appraisals


def test_a_link_keeps_the_appraisal_it_carries(browser, page, site_url):
    open_calculator(page, site_url, f"?position={CASHIER}")
    page.locator("#pc-employee").fill("赵六")
    for index in range(5):
        page.locator(f"[data-kpi='{index}']").fill("5")
    link = page.url
    fresh = browser.new_context()
    other = fresh.new_page()
    other.goto(link)
    other.locator("[data-result=kpi]").wait_for()
    assert other.locator("#pc-employee").input_value() == "赵六"
    assert other.locator("[data-result=kpi]").inner_text() == "5.00 / 5（100.0 / 100）"
    assert saved_count(other) == 1  # and the browser it opens in keeps it
    fresh.close()


def test_five_appraisals_survive_closing_the_browser(browser, site_url, tmp_path):
    """Scored in one sitting, the browser closed (its profile kept), opened again: all five."""
    from browser import CHROMIUM, CHROMIUM_ARGS

    people = [
        (CASHIER, "张三"),
        (CASHIER, "李四"),
        ("ld-manager", "王五"),
        ("hr-director", "赵六"),
        ("fin-cashier-expense", "钱七"),
    ]
    profile = tmp_path / "profile"

    def launch():
        return browser.browser_type.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )

    context = launch()
    page = context.new_page()
    for position, name in people:
        open_calculator(page, site_url, f"?position={position}")
        fill(page, name, "2026Q4", "4", "4")
    context.close()
    context = launch()
    page = context.new_page()
    open_calculator(page, site_url)
    page.locator(".pc-saved summary").click()
    assert page.locator(".pc-saved summary").inner_text() == "本浏览器中已保存的考核（5）"
    assert "null" not in page.locator(".pc-saved").inner_text()
    names = page.locator(".pc-saved-table tbody th").all_inner_texts()
    assert sorted(names) == sorted(name for _, name in people)
    page.get_by_role("button", name="打开 长话业务事业部经理 王五 · 2026Q4").click()
    page.locator("[data-result=overall]").wait_for()
    assert page.locator("#pc-employee").input_value() == "王五"
    assert page.locator("[data-kpi='0']").input_value() == "4"
    assert page.evaluate("document.activeElement.classList.contains('pc-form-title')")
    context.close()


def test_opening_a_position_offers_its_saved_appraisals(page, site_url):
    """The reported loss: 王五 scored (KPI 1 = 5), the position page's 打开考核计算器, an empty form."""
    open_calculator(page, site_url, f"?position={CASHIER}")
    fill(page, "王五", "2026Q4", "5", "")
    page.goto(f"{site_url}/departments/finance/{CASHIER}/")
    page.get_by_role("link", name="打开考核计算器").click()
    page.locator("[data-result=overall]").wait_for()
    offer = page.locator("#pc-offer")
    assert "本岗位在本浏览器中已保存 1 份考核" in offer.inner_text()
    offer.get_by_role("button", name="继续：王五 · 2026Q4").click()
    page.locator("#pc-employee").wait_for()
    assert page.locator("#pc-employee").input_value() == "王五"
    assert page.locator("[data-kpi='0']").input_value() == "5"
    # switching to another position and back keeps it too
    page.locator("#pc-department").select_option("finance")
    page.locator("#pc-position").select_option("fin-cashier-expense")
    page.locator(".pc-form-title", has_text="财务部支出出纳").wait_for()
    page.locator("#pc-position").select_option(CASHIER)
    page.get_by_role("button", name="继续：王五 · 2026Q4").click()
    page.locator("#pc-employee").wait_for()
    assert page.locator("[data-kpi='0']").input_value() == "5"
    assert saved_count(page) == 1


def test_another_saved_appraisal_is_never_replaced_without_asking(page, site_url):
    open_calculator(page, site_url, f"?position={CASHIER}")
    fill(page, "王五", "2026Q4", "5", "")
    page.get_by_role("button", name="新建考核").click()
    page.locator("[data-kpi='0']").fill("1")
    page.locator("#pc-employee").fill("王五")
    page.locator("#pc-period").fill("2026Q4")  # the other one's name and period
    alert = page.locator("#pc-alert")
    assert "已保存的本岗位「王五 · 2026Q4」考核" in alert.inner_text()
    assert "与当前内容不同，没有被替换" in alert.inner_text()
    assert page.locator("#pc-save-status").inner_text() == "未保存：与已保存的考核重名"
    stored = page.evaluate("""Object.entries(localStorage)
        .filter(([k]) => k.includes('2026Q4')).map(([, v]) => JSON.parse(v).query)""")
    assert len(stored) == 1 and "k0=5" in stored[0]  # the other one as it was
    page.once("dialog", lambda dialog: dialog.dismiss())
    alert.get_by_role("button", name="用当前内容替换它").click()
    assert "k0=5" in page.evaluate("""Object.entries(localStorage)
        .filter(([k]) => k.includes('2026Q4')).map(([, v]) => JSON.parse(v).query)[0]""")
    page.once("dialog", lambda dialog: dialog.accept())
    alert.get_by_role("button", name="用当前内容替换它").click()
    assert page.locator("#pc-save-status").inner_text().startswith("已保存")
    assert "k0=1" in page.evaluate("""Object.entries(localStorage)
        .filter(([k]) => k.includes('2026Q4')).map(([, v]) => JSON.parse(v).query)[0]""")
    assert saved_count(page) == 1  # the new form's own entry moved, not left behind


def test_delete_and_new_ask_first_and_nothing_else_is_lost(page, site_url):
    open_calculator(page, site_url, f"?position={CASHIER}")
    fill(page, "王五", "2026Q4", "4", "")
    page.get_by_role("button", name="新建考核").click()  # the first one stays saved
    assert page.locator("#pc-employee").input_value() == ""
    fill(page, "李四", "2026Q4", "3", "")
    assert saved_count(page) == 2
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="删除本考核").click()
    assert page.locator("#pc-employee").input_value() == "李四"
    assert saved_count(page) == 2
    messages = []
    page.once("dialog", lambda dialog: (messages.append(dialog.message), dialog.accept()))
    page.get_by_role("button", name="删除本考核").click()
    assert messages == ["删除「李四 · 2026Q4」的考核？它将从本浏览器中删除，无法恢复。"]
    assert page.locator("#pc-employee").input_value() == ""
    assert saved_count(page) == 1
    page.locator(".pc-saved summary").click()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="删除 财务部收入出纳 王五 · 2026Q4").click()
    assert saved_count(page) == 0
    assert "已删除" in page.locator("#pc-notice").inner_text()


@pytest.mark.parametrize(
    "refusal, said",
    [
        (
            """Storage.prototype.setItem = function () {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };""",
            "本浏览器的存储空间已满",
        ),
        (
            """Object.defineProperty(window, 'localStorage', {
          get() { throw new DOMException('denied', 'SecurityError'); } });""",
            "本浏览器不允许本页保存数据",
        ),
    ],
)
def test_storage_that_fails_is_told_not_swallowed(page, site_url, refusal, said):
    page.add_init_script(refusal)
    open_calculator(page, site_url, f"?position={CASHIER}")
    page.locator("[data-kpi='0']").fill("4")
    alert = page.locator("#pc-alert")
    assert "无法保存到本浏览器" in alert.inner_text()
    assert said in alert.inner_text()
    assert "请复制链接或下载 JSON" in alert.inner_text()
    assert page.locator("#pc-save-status").inner_text() == "未能保存到本浏览器"
    assert "k0=4" in page.url  # the link still has it


def test_a_saved_appraisal_that_loses_entries_is_not_overwritten_unasked(page, site_url):
    """Saved under another catalogue version, with a KPI the position no longer has."""
    page.goto(site_url + "/calculator/")
    query = f"position={CASHIER}&v=0.9&employee=王五&period=2026Q4&k0=4&k9=5"
    page.evaluate(
        """(query) => localStorage.setItem('position-catalog:appraisal:' +
            JSON.stringify(['fin-cashier-income', '王五', '2026Q4']),
            JSON.stringify({position: 'fin-cashier-income', title: '财务部收入出纳', department: '财务部',
                            employee: '王五', rater: '', period: '2026Q4', query,
                            saved: '2026-11-01T08:00:00Z', summary: null}))""",
        query,
    )
    open_calculator(page, site_url)
    page.locator(".pc-saved summary").click()
    page.get_by_role("button", name="打开 财务部收入出纳 王五 · 2026Q4").click()
    page.locator("#pc-alert .admonition").wait_for()
    notice = page.locator("#pc-notice").inner_text()
    assert "链接来自目录版本 0.9" in notice and "k9=5：本岗位没有第 10 项 KPI" in notice
    assert page.locator("[data-kpi='0']").input_value() == "4"
    kept = page.evaluate("""JSON.parse(localStorage.getItem('position-catalog:appraisal:' +
        JSON.stringify(['fin-cashier-income', '王五', '2026Q4']))).query""")
    assert kept == query


def test_an_appraisal_kept_by_the_earlier_calculator_is_moved_among_the_saved(page, site_url):
    page.goto(site_url + "/calculator/")
    page.evaluate("""localStorage.setItem('position-catalog:calculator',
        'position=fin-cashier-income&employee=%E7%8E%8B%E4%BA%94&k0=4')""")
    open_calculator(page, site_url)
    assert page.locator(".pc-saved summary").inner_text() == "本浏览器中已保存的考核（1）"
    assert page.evaluate("localStorage.getItem('position-catalog:calculator')") is None


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


# ------------------------------------------------------------------------------ downloads


def test_downloads_carry_the_link_and_every_result_with_its_scale(page, site_url):
    query = (
        "?position=ld-manager&employee=孙八&rater=李经理&period=2026Q4&m=98.5&a0=130&k0=1"
        "&k1=4&k2=4&k3=4&k4=4&c.teamwork=4"
    )
    open_calculator(page, site_url, query)
    with page.expect_download() as info:
        page.get_by_role("button", name="下载 JSON").click()
    record = json.loads(Path(info.value.path()).read_text("utf-8"))
    assert (record["position"], record["employee"], record["rater"], record["period"]) == (
        "ld-manager",
        "孙八",
        "李经理",
        "2026Q4",
    )
    assert record["monthly"] == 98.5
    assert record["kpis"][0] == {"points": 1, "actual": 130}
    assert record["kpi_details"][0]["manual_override"] is True
    assert record["kpi_details"][0]["points_from_standard"] == 5
    assert record["ratings"] == {"teamwork": 4}
    assert record["link"] == "?" + urllib.parse.urlsplit(page.url).query
    # KPI (50 × 1 + 20 × 4 + 10 × 4 × 3) / 100 = 2.5 -> 50; reference (团队合作) 4 -> 80
    assert record["results"]["kpi_on100"] == {"label": "KPI 结果（百分制）", "value": 50}
    assert record["results"]["reference_on5"]["label"] == "参考能力均分（5 分制）"
    assert record["result"]["complete"] is False
    with page.expect_download() as info:
        page.get_by_role("button", name="下载 CSV").click()
    rows = list(csv.reader(io.StringIO(Path(info.value.path()).read_text("utf-8-sig"))))
    assert rows[0][6] == "得分（1–5 分）" and rows[0][8] == "加权得分（5 分制）"
    assert ["月度任务完成率", "部门业绩", "", "98.5", "%"] == rows[7][:5]
    assert rows[8][:10] == [
        "KPI 1",
        "部门业绩",
        "50",
        "130",
        "%",
        "",
        "1",
        "5",
        "0.5",
        "手工调整（按标准应为 5 分）",
    ]
    labels = {row[0]: row[1] for row in rows}
    assert labels["KPI 结果（5 分制）"] == "2.5"
    assert labels["参考能力均分（5 分制）"] == "4"
    assert labels["总分（百分制）"] == "59"  # 50 × 0.7 + 80 × 0.3, incomplete
    assert (labels["等级"], labels["评分完整"]) == ("", "否")


def test_print_is_the_appraisal_form_on_a4(page, site_url):
    open_calculator(page, site_url, f"?position={CASHIER}&k0=4&employee=周九")
    text = "".join(pdf_pages(page.pdf(format="A4")))
    for field in (
        "考核表：财务部收入出纳",
        "被考核人：",
        "考核人：",
        "日期：",
        "每日收款核对",
        "周九",
    ):
        assert field in text, field
    assert "下载 CSV" not in text and "选择岗位" not in text and "假设分析" not in text


@pytest.mark.parametrize("position", LARGEST)
def test_the_largest_forms_print_on_two_pages_results_and_signatures_together(
    page, site_url, position
):
    open_calculator(page, site_url, f"?position={position}")
    fill(page, "王五", "2026年第四季度", "4", "5")  # 5: the longest anchor of every item
    if page.locator("#pc-monthly").count():
        page.locator("#pc-monthly").fill("98.5")
    pages = pdf_pages(page.pdf(format="A4"))
    assert len(pages) <= 2
    last = pages[-1]
    for part in ("结果", "总分（百分制）", "等级", "被考核人：", "考核人：", "日期："):
        assert part in last, part
    for text in pages[:-1]:  # no heading alone at the foot of a page
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert lines[-1] not in HEADINGS, lines[-3:]


def test_anchors_print_as_the_rating_given_or_all_on_request(page, site_url):
    open_calculator(page, site_url, f"?position={CASHIER}&c.teamwork=4")
    anchors = page.evaluate("""() => {
        const rows = [...document.querySelectorAll('#pc-c-teamwork-anchors li')];
        return Object.fromEntries(rows.map((li) => [li.dataset.rating,
                                                    li.textContent.replace(/^\\d 分 /, '')]));
    }""")

    def flat(text):  # the PDF's text breaks lines anywhere
        return re.sub(r"\s+", "", text)

    text = flat("".join(pdf_pages(page.pdf(format="A4"))))
    assert flat(anchors["4"][:20]) in text
    assert not any(flat(anchors[r][:20]) in text for r in ("1", "2", "3", "5"))
    page.locator("#pc-print-anchors").check()
    text = flat("".join(pdf_pages(page.pdf(format="A4"))))
    assert all(flat(anchor[:20]) in text for anchor in anchors.values())


# ------------------------------------------------------------------------------ the team


def save_team(page, site_url, people):
    """Opens a link to each appraisal, which keeps it (as typing it in would)."""
    from generator import load_catalog

    positions = {p.id: p for p in load_catalog(REAL_CATALOG).positions()}
    for position_id, name, period, points, rating in people:
        position = positions[position_id]
        query = {"position": position_id, "employee": name, "period": period, "rater": "李经理"}
        query.update({f"k{i}": points for i in range(len(position.kpis))})
        if rating:
            for group in ("core", "reference", "attitude"):
                query.update({f"c.{c}": rating for c in position.competencies[group]})
        open_calculator(page, site_url, "?" + urllib.parse.urlencode(query))
        assert page.locator("#pc-save-status").inner_text().startswith("已保存")


TEAM = [  # cashier: KPI all p, ratings all r -> overall 20p × 0.7 + 20r × 0.3
    (CASHIER, "张三", "2026Q4", "5", "5"),  # 100.0 优秀
    (CASHIER, "李四", "2026Q4", "5", "4"),  # 94.0 优秀
    (CASHIER, "王五", "2026Q4", "4", "4"),  # 80.0 良好
    ("ld-manager", "赵六", "2026Q4", "3", "3"),  # 60.0 合格
    ("hr-director", "钱七", "2026Q4", "4", ""),  # incomplete
    (CASHIER, "孙八", "2026Q3", "3", "3"),  # another period
]


@pytest.fixture(scope="module")
def guided_site_url(tmp_path_factory):
    """The real catalogue with the company's guidance that at most 20 % are 优秀."""
    from browser import serve
    from sitebuild import build, site_config

    tmp = tmp_path_factory.mktemp("guided")
    shutil.copytree(REAL_CATALOG, tmp / "catalog")
    company = tmp / "catalog" / "company.yaml"
    text = company.read_text("utf-8")
    company.write_text(
        text.replace("{name: 优秀, min: 90}", "{name: 优秀, min: 90, max_percent: 20}"), "utf-8"
    )
    done = build(site_config(tmp, tmp / "catalog"), tmp / "site")
    assert done.returncode == 0, done.stderr
    with serve(tmp / "site") as url:
        yield url


def team_rows(page):
    """The team table's first seven cells of each row, as shown (a card on a phone too)."""
    return page.evaluate("""[...document.querySelectorAll('.pc-team-table tbody tr')]
        .map((row) => [...row.children].slice(0, 7).map((cell) => cell.textContent))""")


def test_the_team_view_lists_a_period_sorted_as_asked(page, site_url):
    save_team(page, site_url, TEAM)
    open_team(page, site_url)
    assert page.locator("#pc-team-period").input_value() == "2026Q3"  # the last one saved
    page.locator("#pc-team-period").select_option("2026Q4")
    assert [r[0] for r in team_rows(page)] == ["李四", "钱七", "王五", "张三", "赵六"]  # by pinyin
    page.locator("button[data-sort=overall]").click()
    header = page.locator("th:has(button[data-sort=overall])")
    assert header.get_attribute("aria-sort") == "ascending"
    rows = team_rows(page)
    assert [float(r[5]) for r in rows] == sorted(float(r[5]) for r in rows)
    assert (rows[0][0], rows[0][6], rows[-1][0], rows[-1][6]) == ("赵六", "合格", "张三", "优秀")
    # 钱七: KPIs only, 80.0 so far, not graded
    assert [r[4:7] for r in rows if r[0] == "钱七"] == [["—", "80.0", "—"]]
    page.locator("button[data-sort=overall]").click()
    assert header.get_attribute("aria-sort") == "descending"
    assert [r[0] for r in team_rows(page)][:2] == ["张三", "李四"]
    page.locator("#pc-team-period").select_option("*")
    assert len(team_rows(page)) == 6
    assert "另有 1 份考核不完整" in page.locator("#pc-team-warnings").inner_text()


def test_the_distribution_is_drawn_against_the_guidance_with_a_warning(page, guided_site_url):
    save_team(page, guided_site_url, TEAM[:5])
    open_team(page, guided_site_url)
    warning = page.locator("#pc-team-warnings .admonition.warning")
    assert warning.is_visible()
    assert "「优秀」占 50%（2 / 4 份），超过公司指导的上限 20%。" in warning.inner_text()
    chart = page.locator(".pc-distribution svg")
    assert chart.get_attribute("aria-label").startswith(
        "等级分布（已评定 4 份）：优秀 2 份（50%，上限 20%），良好 1 份（25%），合格 1 份（25%）"
    )
    assert page.locator(".pc-distribution .pc-over").count() == 1
    assert page.locator(".pc-distribution line.pc-limit").count() == 1
    # drawn inline: the page fetched nothing but its own site
    assert chart.evaluate("(svg) => svg.closest('#pc-team') !== null")


def test_the_distribution_without_guidance_warns_of_nothing(page, site_url):
    save_team(page, site_url, TEAM[:3])
    open_team(page, site_url)
    assert page.locator("#pc-team-warnings .admonition").count() == 0
    assert "公司未设等级分布指导" in page.locator(".pc-distribution").inner_text()


def test_the_team_csv_is_what_the_batch_scorer_reads_unchanged(page, site_url, tmp_path, capsys):
    save_team(page, site_url, TEAM[:5])
    open_team(page, site_url)
    shown = {r[0]: r for r in team_rows(page)}
    with page.expect_download() as info:
        page.get_by_role("button", name="导出 CSV（5 份）").click()
    path = tmp_path / "team.csv"
    info.value.save_as(path)
    assert info.value.suggested_filename == "团队考核-2026Q4.csv"
    out = tmp_path / "scored.csv"
    assert main(["score", str(path), "--catalog", str(REAL_CATALOG), "-o", str(out)]) == 0
    assert capsys.readouterr().err.splitlines()[-1] == "scored 5 of 5 appraisal(s)"
    scored = list(csv.DictReader(out.open(encoding="utf-8")))
    for row in scored:
        table = shown[row["employee"]]
        assert (
            row["kpi_on100"],
            row["ability_on100"] or "—",
            row["overall"],
            row["grade"] or "—",
        ) == (table[3], table[4], table[5], table[6]), row["employee"]
        assert row["problems"] == "" or row["complete"] == "False"
    with page.expect_download() as info:
        page.get_by_role("button", name="导出 JSON 备份（5 份）").click()
    backup = tmp_path / "team.json"
    info.value.save_as(backup)
    assert main(["score", str(backup), "--catalog", str(REAL_CATALOG), "-o", str(out)]) == 0
    assert [r["overall"] for r in csv.DictReader(out.open(encoding="utf-8"))] == [
        r["overall"] for r in scored
    ]


def test_importing_reports_every_bad_row_and_loses_nothing_else(browser, page, site_url, tmp_path):
    save_team(page, site_url, TEAM[:3])
    open_team(page, site_url)
    with page.expect_download() as info:
        page.get_by_role("button", name="导出 CSV（3 份）").click()
    lines = Path(info.value.path()).read_text("utf-8-sig").splitlines()
    header = next(csv.reader([lines[0]]))
    bad = [
        {"position": "no-such", "employee": "某人", "period": "2026Q4"},
        {"position": CASHIER, "employee": "周九", "period": "2026Q4", "kpi1": "9"},
        {
            "position": CASHIER,
            "employee": "吴十",
            "period": "2026Q4",
            "kpi1": "４",
            "accuracy": "５",
        },
    ]
    body = [",".join(f'"{row.get(column, "")}"' for column in header) for row in bad]
    source = tmp_path / "team.csv"
    source.write_text("\r\n".join([*lines, *body]) + "\r\n", "utf-8-sig")
    other = browser.new_context().new_page()
    open_team(other, site_url)
    open_calculator(other, site_url, f"?position={CASHIER}")
    fill(other, "郑十一", "2026Q4", "2", "2")  # already in the other browser: must stay
    open_team(other, site_url)
    other.locator("#pc-team-import").set_input_files(str(source))
    report = other.locator("#pc-team-notice")
    report.locator(".admonition").wait_for()
    assert report.locator(".admonition-title").inner_text() == (
        "从 team.csv 导入 4 份考核；以下 2 项请查看："
    )
    assert report.locator("li").all_inner_texts() == [
        "第 5 行：目录中没有岗位“no-such”",
        "第 6 行：k0=9：得分须为 1–5 的整数",
    ]
    other.locator("#pc-team-period").select_option("2026Q4")
    assert sorted(r[0] for r in team_rows(other)) == sorted(
        ["张三", "李四", "王五", "吴十", "郑十一"]
    )
    # the same file again: nothing new, nothing replaced, nothing asked
    other.locator("#pc-team-import").set_input_files(str(source))
    other.wait_for_function(
        "document.querySelector('#pc-team-notice').textContent.includes('相同')"
    )
    assert "导入 0 份考核，4 份与已保存的相同" in report.inner_text()
    other.context.close()


def test_a_json_backup_moves_the_team_to_another_browser(browser, page, site_url, tmp_path):
    save_team(page, site_url, TEAM)
    open_team(page, site_url)
    page.locator("#pc-team-period").select_option("*")
    with page.expect_download() as info:
        page.get_by_role("button", name="导出 JSON 备份（6 份）").click()
    backup = tmp_path / "backup.json"
    info.value.save_as(backup)
    other = browser.new_context().new_page()
    open_team(other, site_url)
    other.locator("#pc-team-import").set_input_files(str(backup))
    other.locator("#pc-team-notice .admonition").wait_for()
    assert (
        other.locator("#pc-team-notice").inner_text().startswith("从 backup.json 导入 6 份考核。")
    )
    other.locator("#pc-team-period").select_option("*")
    assert sorted(team_rows(other)) == sorted(team_rows(page))
    other.context.close()


def test_print_all_prints_every_form_each_on_a_new_page(page, site_url):
    save_team(page, site_url, TEAM[:4])
    open_team(page, site_url)
    page.evaluate("window.print = () => {}")  # the dialog a person would see
    page.get_by_role("button", name="打印全部考核表（4 份）").click()
    pages = pdf_pages(page.pdf(format="A4"))
    starts = [i for i, text in enumerate(pages) if text.lstrip().startswith("考核表：")]
    assert len(starts) == 4
    assert starts[0] == 0
    assert len(pages) <= 8  # two pages at most each
    for name in ("张三", "李四", "王五", "赵六"):
        assert sum(name in text for text in pages) >= 1
    assert "考核列表" not in "".join(pages)


def test_deleting_from_the_team_view_asks_first(page, site_url):
    save_team(page, site_url, TEAM[:2])
    open_team(page, site_url)
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="删除 财务部收入出纳 张三 · 2026Q4").click()
    assert len(team_rows(page)) == 2
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="删除 财务部收入出纳 张三 · 2026Q4").click()
    page.wait_for_function("document.querySelectorAll('.pc-team-table tbody tr').length === 1")
    assert saved_count(page) == 1
    page.get_by_role("link", name="打开 财务部收入出纳 李四 · 2026Q4").click()  # instant navigation
    page.locator("[data-result=overall]").wait_for()
    assert page.locator("#pc-employee").input_value() == "李四"
    assert page.locator("#pc-save-status").inner_text().startswith("已保存")
    assert saved_count(page) == 1


# ---------------------------------------------------------------------------- the page


def test_works_with_instant_navigation(page, site_url):
    page.goto(site_url + "/")
    page.locator("nav").get_by_role("link", name="考核计算器").first.click()
    page.locator("#pc-department option").nth(1).wait_for(state="attached")
    page.locator("#pc-department").select_option("finance")
    page.locator(f"#pc-position option[value={CASHIER}]").wait_for(state="attached")
    page.locator("#pc-position").select_option(CASHIER)
    page.locator("[data-kpi='0']").wait_for()
    page.locator("nav").get_by_role("link", name="团队考核").first.click()
    page.locator("#pc-team-period").wait_for()


def test_search_as_you_type_finds_positions(page, site_url):
    open_calculator(page, site_url)
    page.locator("#pc-find").fill("出纳")
    hits = page.locator(".pc-find-hit")
    hits.first.wait_for()
    assert sorted(hits.all_inner_texts()) == ["财务部支出出纳", "财务部收入出纳"]
    page.locator("#pc-find").press("Enter")
    page.locator("[data-kpi='0']").wait_for()


def test_typing_while_the_title_index_loads_shows_the_hits_for_the_whole_query(page, site_url):
    """Each keystroke asks for the index; it is fetched once, and the last query's hits stay
    (an early keystroke's answer arriving late does not replace them)."""
    held = []
    page.route("**/data/calculator/index.js", lambda route: held.append(route))
    open_calculator(page, site_url)
    page.locator("#pc-find").press_sequentially("收入出纳")
    page.wait_for_timeout(200)  # every keystroke's find() has asked for the index by now
    assert page.locator("script[src$='data/calculator/index.js']").count() == 1
    held[0].continue_()
    page.wait_for_function("document.querySelectorAll('.pc-find-hit').length > 0")
    page.wait_for_load_state("networkidle")
    assert page.locator(".pc-find-hit").all_inner_texts() == ["财务部收入出纳"]


def test_the_site_search_stays_and_the_position_search_placeholder_fits(page, site_url):
    open_calculator(page, site_url)
    assert page.locator("label[for='__search']").count() >= 1
    assert page.locator(".md-search").count() == 1
    fits = page.evaluate("""() => {
        const input = document.getElementById('pc-find');
        const style = getComputedStyle(input);
        const context = document.createElement('canvas').getContext('2d');
        context.font = `${style.fontSize} ${style.fontFamily}`;
        const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return [context.measureText(input.placeholder).width, room];
    }""")
    assert fits[0] <= fits[1], fits


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
    assert not any("search_index" in p or "/search/index" in p for p in paths)
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


# ------------------------------------------------------------------------------ a phone


@pytest.fixture
def phone(browser):
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
        device_scale_factor=2,
    )
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("position", ["ld-manager", "cs-intake-supervisor"])
def test_on_a_phone_the_summary_stays_in_view_and_kpi_rows_fit(phone, site_url, position):
    open_calculator(phone, site_url, f"?position={position}")
    fill(phone, "王五", "2026Q4", "4", "4")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    widths = phone.evaluate("""[...document.querySelectorAll('.pc-kpi-table tr')]
        .map((row) => row.getBoundingClientRect().right)""")
    assert widths and max(widths) <= 390
    bar = phone.locator(".pc-summary")
    height = phone.evaluate("document.documentElement.scrollHeight")
    for y in (0, height // 4, height // 2, height * 3 // 4):
        phone.evaluate(f"window.scrollTo(0, {y})")
        if (
            phone.evaluate("document.querySelector('.pc-screen').getBoundingClientRect().bottom")
            < 844
        ):
            break  # past the form: the bar rests at its foot
        box = bar.bounding_box()
        assert 0 <= box["y"] and box["y"] + box["height"] <= 844, y
        assert phone.locator("[data-summary=overall]").inner_text() == result(phone, "overall")
    assert phone.locator("[data-summary=grade]").inner_text() == "良好"


def test_on_a_phone_the_team_is_a_list_of_cards_that_fit(phone, site_url):
    save_team(phone, site_url, TEAM[:3])
    open_team(phone, site_url)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.locator("button[data-sort=overall]").click()  # the sort buttons stay at hand
    assert [r[0] for r in team_rows(phone)] == ["王五", "李四", "张三"]


def test_on_a_phone_a_focused_input_is_not_hidden_under_the_summary(phone, site_url):
    open_calculator(phone, site_url, f"?position={CASHIER}")
    phone.locator("#pc-employee").focus()
    for _ in range(8):
        phone.keyboard.press("Tab")
    box = phone.evaluate("document.activeElement.getBoundingClientRect().bottom")
    bar = phone.locator(".pc-summary").bounding_box()
    assert box <= bar["y"]


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory):
    from sitebuild import build, site_config

    tmp = tmp_path_factory.mktemp("offline-team")
    done = build(site_config(tmp, REAL_CATALOG, offline=True), tmp / "site")
    assert done.returncode == 0, done.stderr
    return tmp / "site"


def test_from_a_folder_appraisals_are_kept_listed_and_reopened(page, offline_site):
    """A site opened from a shared drive (file://): its pages end in .html, links follow."""
    calculator = (offline_site / "calculator.html").as_uri()
    page.goto(f"{calculator}?position={CASHIER}&employee=王五&period=2026Q4&k0=4")
    page.locator("[data-result=overall]").wait_for()
    assert page.locator("#pc-save-status").inner_text().startswith("已保存")
    assert page.locator(".pc-rating-head a").first.get_attribute("href").endswith(".html")
    page.locator(".pc-saved summary").click()
    page.locator(".pc-saved").get_by_role("link", name="团队考核").click()
    page.locator(".pc-team-table").wait_for()
    assert team_rows(page)[0][:3] == ["王五", "财务部收入出纳", "2026Q4"]
    page.get_by_role("link", name="打开 财务部收入出纳 王五 · 2026Q4").click()
    page.locator("[data-result=overall]").wait_for()
    assert page.locator("[data-kpi='0']").input_value() == "4"


# ------------------------------------------------------------------------ keys and axe


def test_the_whole_flow_by_keyboard_only(page, site_url):
    """Find a position, score it, keep it, start another, then the team: sort, export, print."""
    page.goto(site_url + "/calculator/")
    page.locator("#pc-find").wait_for()
    tab_to(page, "e.id === 'pc-find'")
    page.keyboard.type("收入出纳")
    page.wait_for_function("""[...document.querySelectorAll('.pc-find-hit')]
        .map((hit) => hit.textContent).join() === '财务部收入出纳'""")
    page.keyboard.press("Enter")
    page.locator("[data-kpi='0']").wait_for()
    tab_to(page, "e.id === 'pc-employee'")
    page.keyboard.type("张三")
    page.keyboard.press("Tab")
    page.keyboard.type("李经理")
    page.keyboard.press("Tab")
    page.keyboard.type("2026Q4")
    for _ in range(5):
        tab_to(page, "e.dataset.kpi !== undefined && e.value === ''")
        page.keyboard.type("5")
    for _ in range(page.locator("[data-competency]").count()):
        tab_to(page, "e.dataset.competency !== undefined && e.value === ''")
        page.keyboard.type("５")
    assert result(page, "grade") == "优秀"
    tab_to(page, "e.id === 'pc-whatif-fill'")
    assert page.locator("[data-whatif=target]").inner_text() == "已是最高等级「优秀」。"
    tab_to(page, "e.textContent === '下载 JSON'")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    assert json.loads(Path(info.value.path()).read_text("utf-8"))["employee"] == "张三"
    tab_to(page, "e.textContent === '新建考核'")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.classList.contains('pc-form-title')")
    tab_to(page, "e.id === 'pc-employee'")
    page.keyboard.type("李四")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.type("2026Q4")
    tab_to(page, "e.dataset.kpi === '0'")
    page.keyboard.type("3")
    assert saved_count(page) == 2
    tab_to(page, "e.closest('nav') && e.textContent.trim() === '团队考核'", back=True)
    page.keyboard.press("Enter")
    page.locator(".pc-team-table").wait_for()
    tab_to(page, "e.dataset.sort === 'overall'")
    page.keyboard.press("Enter")
    assert (
        page.locator("th:has(button[data-sort=overall])").get_attribute("aria-sort") == "ascending"
    )
    assert page.evaluate("document.activeElement.dataset.sort") == "overall"
    page.keyboard.press("Enter")
    assert team_rows(page)[0][0] == "张三"
    tab_to(page, "e.textContent.startsWith('导出 CSV')")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    assert info.value.suggested_filename == "团队考核-2026Q4.csv"
    page.evaluate("window.print = () => {}")
    tab_to(page, "e.textContent.startsWith('打印全部考核表')")
    page.keyboard.press("Enter")
    assert page.locator("#pc-team").get_attribute("data-print") == "forms"
    tab_to(page, "e.id === 'pc-team-import'")  # the file chooser is reached by key too
    tab_to(
        page,
        "(e.getAttribute('aria-label') || '').startsWith('删除 财务部收入出纳 李四')",
        back=True,
    )
    page.once("dialog", lambda dialog: dialog.accept())
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('.pc-team-table tbody tr').length === 1")
    assert page.evaluate("document.activeElement.id") == "pc-team-table-title"


@pytest.mark.parametrize(
    "query",
    ["", f"?position={CASHIER}&k0=9", "?position=ld-manager&a0=130&k0=1&employee=王五&m=50"],
)
def test_axe_finds_no_violation_in_the_calculator(page, site_url, query):
    open_calculator(page, site_url, query)
    page.locator(".pc-saved summary").click()
    assert axe_violations(page) == []


def test_axe_finds_no_violation_in_a_conflict_or_a_storage_failure(page, site_url):
    open_calculator(page, site_url, f"?position={CASHIER}&employee=王五&k0=5")
    page.get_by_role("button", name="新建考核").click()
    page.locator("#pc-employee").fill("王五")
    page.locator("#pc-alert .admonition").wait_for()
    page.locator(".pc-whatif summary").click()
    assert axe_violations(page) == []


def test_axe_finds_no_violation_in_the_team_view(page, guided_site_url, tmp_path):
    save_team(page, guided_site_url, TEAM[:5])
    open_team(page, guided_site_url)
    source = tmp_path / "bad.csv"
    source.write_text("position,employee\nno-such,某人\n", "utf-8")
    page.locator("#pc-team-import").set_input_files(str(source))
    page.locator("#pc-team-notice .admonition").wait_for()
    assert axe_violations(page) == []


def test_axe_finds_no_violation_on_a_phone(phone, site_url):
    open_calculator(phone, site_url, "?position=ld-manager&a0=130&k0=1&k1=9")
    assert axe_violations(phone) == []
    open_team(phone, site_url)
    assert axe_violations(phone) == []
