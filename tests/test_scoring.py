"""The Python scorer: shared vectors, hand-checked numbers, and the batch `score` command."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import MISSING
from pathlib import Path

import pytest
from conftest import REAL_CATALOG

from generator import load_catalog
from generator.__main__ import main
from generator.export import position_to_data, scoring_to_data
from generator.render import SiteRenderer
from generator.scoring.score import calculator_rules, round_half_up, score, tier_points
from generator.scoring.what_if import middle_points, what_if

VECTORS = json.loads((Path(__file__).parent / "vectors" / "scoring.json").read_text("utf-8"))


@pytest.mark.parametrize("case", VECTORS["cases"], ids=[c["name"] for c in VECTORS["cases"]])
def test_shared_vector(case):
    position = VECTORS["positions"][case["position"]]
    assert score(position, VECTORS["scoring"], case["appraisal"]) == case["expect"]


@pytest.mark.parametrize("case", VECTORS["what_if"], ids=[c["name"] for c in VECTORS["what_if"]])
def test_shared_what_if_vector(case):
    position = VECTORS["positions"][case["position"]]
    got = what_if(position, VECTORS["scoring"], case["appraisal"], **case["options"])
    assert got == case["expect"]


def test_what_if_vectors_worked_by_hand_cover_each_outcome():
    worked = [c for c in VECTORS["what_if"] if "worked" in c]
    assert len(worked) >= 5
    needed = [c["expect"]["needed"] for c in worked]
    assert None in needed  # the top band: nothing above it
    assert any(n and n["reachable"] for n in needed)
    assert any(n and not n["reachable"] for n in needed)
    assert any(c["expect"]["open"] for c in worked) and any(c["options"] for c in worked)


def test_what_if_needs_the_fewest_points():
    """No fewer points on the chosen items reach the band: every way of adding one point less
    than `needed` (on the open items of the first hand-worked case) falls short."""
    case = VECTORS["what_if"][0]
    position, scoring = VECTORS["positions"][case["position"]], VECTORS["scoring"]
    expect = case["expect"]
    fewer = expect["needed"]["points"] - 1
    chosen = expect["chosen"]
    high = scoring["points"]["max"]
    start = {item: expect["fill"] for item in chosen}

    def spreads(items, left):
        if not items:
            yield {}
            return
        for extra in range(min(left, high - start[items[0]]) + 1):
            for rest in spreads(items[1:], left - extra):
                yield {items[0]: extra, **rest}

    appraisal = case["appraisal"]
    for spread in spreads(chosen, fewer):
        kpis = list(appraisal["kpis"])
        ratings = dict(appraisal["ratings"])
        for item, extra in spread.items():
            if item.startswith("k"):
                kpis[int(item[1:])] = {"points": start[item] + extra}
            else:
                ratings[item[2:]] = start[item] + extra
        result = score(position, scoring, {"kpis": kpis, "ratings": ratings})
        assert result["grade"] != expect["target"]["grade"], spread


def test_the_middle_of_the_scale_is_the_default_fill():
    assert middle_points(VECTORS["scoring"]) == 3
    assert middle_points({"points": {"min": 0, "max": 10}}) == 5


def test_there_are_enough_shared_vectors():
    assert len(VECTORS["cases"]) >= 30


def test_at_least_ten_vectors_are_worked_by_hand():
    worked = [c for c in VECTORS["cases"] if "worked" in c]
    assert len(worked) >= 10
    for case in worked:  # the arithmetic, or the reading of the rules, is written out
        assert any("→" in line for line in case["worked"]), case["name"]


@pytest.fixture(scope="module")
def real_catalog():
    return load_catalog(REAL_CATALOG)


def test_vectors_use_the_company_settings_and_rules_the_calculator_gets(real_catalog):
    """The hand-worked vectors assume catalog/company.yaml's scoring: if the company changes
    it, rework them (tests/vectors/make_scoring_vectors.py) rather than this test."""
    assert VECTORS["scoring"] == scoring_to_data(real_catalog.company.scoring)
    assert VECTORS["rules"] == calculator_rules()


def test_the_calculator_data_carries_settings_rules_and_the_exported_position(real_catalog):
    renderer = SiteRenderer(real_catalog, workbook=False)
    position = next(p for p in real_catalog.positions() if p.id == "fin-cashier-income")
    script = renderer.calculator_data()[f"data/calculator/positions/{position.id}.js"]
    data = json.loads(script.split(" = ", 1)[1].rstrip(";\n"))
    assert data["scoring"] == scoring_to_data(real_catalog.company.scoring)
    assert data["rules"] == {
        "weight_total": 100,
        "groups": [
            {"id": "core", "name": "核心能力"},
            {"id": "reference", "name": "参考能力"},
            {"id": "attitude", "name": "态度"},
        ],
    }
    assert data["position"] == position_to_data(position)


# Objects whose keys are data (goal categories), not field names: only their values compared.
MAPPINGS = {"position.goals"}


def json_kind(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    return {str: "string", list: "array", dict: "object"}[type(value)]


def shapes(value, path: str, seen: dict) -> dict:
    """{path: [(JSON kind, keys or None)]} of every value; list items share `path[]`, and a
    scale's path names its kind (`scale<tiers>`), as tier and named scales differ."""
    seen.setdefault(path, []).append(
        (json_kind(value), frozenset(value) if isinstance(value, dict) else None)
    )
    if isinstance(value, dict):
        tag = f"<{value['kind']}>" if isinstance(value.get("kind"), str) else ""
        for key, item in value.items():
            shapes(item, f"{path}{tag}.{'*' if path in MAPPINGS else key}", seen)
    elif isinstance(value, list):
        for item in value:
            shapes(item, f"{path}[]", seen)
    return seen


def at_defaults(value):
    """A model value with its optional fields (those with a default) at their defaults; a
    nested model value is kept, with its own optional fields at their defaults."""
    if dataclasses.is_dataclass(value):
        changes = {}
        for field in dataclasses.fields(value):
            current = getattr(value, field.name)
            if dataclasses.is_dataclass(current) or (
                field.default is MISSING and field.default_factory is MISSING
            ):
                changes[field.name] = at_defaults(current)
            else:
                changes[field.name] = (
                    field.default if field.default is not MISSING else field.default_factory()
                )
        return dataclasses.replace(value, **changes)
    if isinstance(value, (tuple, list)):
        return type(value)(at_defaults(item) for item in value)
    if isinstance(value, dict):
        return {key: at_defaults(item) for key, item in value.items()}
    return value


def test_vector_positions_have_the_shape_export_gives(real_catalog):
    """Every key of a vector position is one export writes there (for some real position),
    with a kind of value it writes there, and every key it always writes is present."""
    real: dict = {}
    always: dict = {}
    for position in real_catalog.positions():
        shapes(position_to_data(position), "position", real)
        shapes(position_to_data(at_defaults(position)), "position", always)
    kinds_used = set()
    for name, position in VECTORS["positions"].items():
        for path, found in shapes(position, "position", {}).items():
            assert path in real, f"{name}: {path} is not written by export"
            kinds = {kind for kind, _ in real[path]}
            for kind, keys in found:
                kinds_used.add((path, kind))
                assert kind in kinds, f"{name}: {path} is {kind}, export writes {kinds}"
                if keys is None or path in MAPPINGS:
                    continue
                required = frozenset.intersection(*[k for _, k in always[path] if k is not None])
                allowed = frozenset.union(*[k for _, k in real[path] if k is not None])
                assert required <= keys, f"{name}: {path} lacks {sorted(required - keys)}"
                assert keys <= allowed, f"{name}: {path} has {sorted(keys - allowed)}"
    # the vectors reach the shapes that matter for scoring: both scale kinds, lost thresholds
    assert {
        ("position.kpis[].scale<tiers>.tiers[].value", "null"),
        ("position.kpis[].scale<named>.levels[].points", "number"),
        ("position.kpis[].scale", "null"),
    } <= kinds_used


def test_mixed_marks_worked_by_hand():
    # KPIs (50,20,10,10,10) scored (4,3,5,2,4): 370/100 = 3.7 -> 74.0
    # abilities: core mean 3.5 ×50, reference 5 ×30, attitude 2 ×20 -> 3.65 -> 73.0
    # overall 74 × 70% + 73 × 30% = 73.7 -> 合格 (60 ≤ 73.7 < 80)
    case = next(c for c in VECTORS["cases"] if c["name"] == "mixed-marks")
    result = score(VECTORS["positions"]["manager"], VECTORS["scoring"], case["appraisal"])
    assert (result["kpi"], result["ability"]) == (
        {"on5": 3.7, "on100": 74.0},
        {"on5": 3.65, "on100": 73.0},
    )
    assert (result["overall"], result["grade"], result["complete"]) == (73.7, "合格", True)


def test_weights_that_add_to_80_are_not_rescaled_but_flagged():
    position = VECTORS["positions"]["eighty"]
    result = score(position, VECTORS["scoring"], {"kpis": [{"points": p} for p in (5, 4, 3)]})
    assert result["kpi"] == {"on5": 4.13, "on100": 82.5}  # 330 / 80 = 4.125
    assert result["warnings"] == ["weights-not-100"]


@pytest.mark.parametrize(
    "value, expected",
    [(89.25, 89.3), (4.125, 4.13), (1.005, 1.01), (2.675, 2.68), (0.05, 0.1), (74.0, 74.0)],
)
def test_rounding_is_half_up_on_the_decimal_form(value, expected):
    decimals = 2 if value in (4.125, 1.005, 2.675) else 1
    assert round_half_up(value, decimals) == expected


def test_ladder_with_lost_thresholds_only_decides_where_it_can():
    ladder = VECTORS["positions"]["ladder"]["kpis"][0]["scale"]
    assert tier_points(ladder, 100) == {"points": 5, "tier": 0}
    assert tier_points(ladder, 99.5) == {"points": None, "reason": "lost-threshold"}
    assert tier_points(ladder, 10) == {"points": None, "reason": "lost-threshold"}


APPRAISALS_CSV = """position,employee,rater,period,kpi1,kpi1_actual,kpi2,kpi2_actual,teamwork,accuracy,efficient
sales-manager,张三,李四,2026Q4,,130,,较满意,4,5,3
sales-manager,王五,李四,2026Q4,二,,4,,4,5,3
no-such-position,赵六,李四,2026Q4,3,,3,,3,3,3
sales-manager,钱七,李四,2026Q4,4,,,,,,
"""


def test_batch_scores_good_rows_and_reports_bad_rows_by_number(mini, tmp_path, capsys):
    source = tmp_path / "appraisals.csv"
    source.write_text(APPRAISALS_CSV, encoding="utf-8")
    output = tmp_path / "scored.csv"
    assert main(["score", str(source), "--catalog", "catalog", "-o", str(output)]) == 1
    lines = output.read_text("utf-8").splitlines()
    assert lines[0] == (
        "row,position,title,employee,rater,period,kpi_on5,kpi_on100,ability_on5,"
        "ability_on100,overall,grade,complete,warnings,problems"
    )
    # row 2: 130% > 120% -> 5 (×60), 较满意 -> 4 (×40): 4.6 -> 92; abilities 4, 5, 3 -> 4.1 -> 82
    assert (
        lines[1] == "2,sales-manager,销售部经理,张三,李四,2026Q4,4.6,92.0,4.1,82.0,89.0,良好,True,,"
    )
    assert lines[2] == (
        "3,sales-manager,销售部经理,王五,李四,2026Q4,,,,,,,,,kpi1 (部门业绩): is not a number"
    )
    assert (
        lines[3]
        == "4,no-such-position,,赵六,李四,2026Q4,,,,,,,,,unknown position 'no-such-position'"
    )
    assert lines[4].startswith(
        "5,sales-manager,销售部经理,钱七,李四,2026Q4,4.0,80.0,,,80.0,,False,,"
    )
    assert "kpi2 (客户满意度): not entered" in lines[4]
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"{source}: row 3: kpi1 (部门业绩): is not a number",
        f"{source}: row 4: unknown position 'no-such-position'",
        "scored 2 of 4 appraisal(s)",
    ]


def test_batch_reads_the_calculators_json(mini, tmp_path, capsys):
    source = tmp_path / "appraisals.json"
    source.write_text(
        json.dumps(
            [
                {
                    "position": "sales-manager",
                    "employee": "张三",
                    "period": "2026Q4",
                    "kpis": [{"points": 5}, {"points": 5}],
                    "ratings": {"teamwork": 5, "accuracy": 5, "efficient": 5},
                }
            ]
        ),
        encoding="utf-8",
    )
    assert main(["score", str(source), "--catalog", "catalog"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1] == "1,sales-manager,销售部经理,张三,,2026Q4,5.0,100.0,5.0,100.0,100.0,优秀,True,,"


def test_batch_with_unreadable_file_says_so(mini, tmp_path, capsys):
    source = tmp_path / "appraisals.json"
    source.write_text("{not json", encoding="utf-8")
    assert main(["score", str(source), "--catalog", "catalog"]) == 1
    assert capsys.readouterr().err.startswith(f"{source}: cannot read appraisals: ")


# ------------------------------------------------------------------ distribution guidance


def test_without_guidance_the_grades_export_as_before(real_catalog):
    grades = scoring_to_data(real_catalog.company.scoring)["grades"]
    assert grades == [
        {"name": "优秀", "min": 90},
        {"name": "良好", "min": 80},
        {"name": "合格", "min": 60},
        {"name": "待改进", "min": 40},
        {"name": "不合格", "min": 0},
    ]


def test_a_grade_may_carry_the_companys_distribution_guidance(mini):
    mini.replace("company.yaml", "{name: 优秀, min: 90}", "{name: 优秀, min: 90, max_percent: 20}")
    catalog = load_catalog(mini.root)
    grades = scoring_to_data(catalog.company.scoring)["grades"]
    assert grades[0] == {"name": "优秀", "min": 90, "max_percent": 20}
    assert "max_percent" not in grades[1]
    company = SiteRenderer(catalog, workbook=False).calculator_data()["data/calculator/company.js"]
    assert '"max_percent":20' in company


@pytest.mark.parametrize(
    "value, message",
    [
        ("120", "must be at most 100, got 120"),
        ("-5", "must be at least 0, got -5"),
        ("二十", "expected a number, got '二十'"),
    ],
)
def test_guidance_outside_0_to_100_percent_is_an_error(mini, capsys, value, message):
    mini.replace(
        "company.yaml", "{name: 优秀, min: 90}", f"{{name: 优秀, min: 90, max_percent: {value}}}"
    )
    assert main(["check", "catalog"]) == 1
    err = capsys.readouterr().err
    assert f"catalog/company.yaml:65: scoring.grades[0] (优秀).max_percent: {message}" in err


# ------------------------------------------------------------------- the team view's CSV

TEAM_CSV = (
    '\ufeff"position","title","department","employee","rater","period","version","monthly",'
    '"kpi1","kpi1_actual","kpi2","kpi2_actual","teamwork","accuracy","efficient","kpi_on5",'
    '"kpi_on100","core_on5","reference_on5","attitude_on5","ability_on5","ability_on100",'
    '"overall","grade","complete"\r\n'
    '"sales-manager","销售部经理","销售部","张三","李四","2026Q4","1.0","95.5","5","130","4",'
    '"较满意","4","5","3","4.6","92","4.5","","3","4.1","82","89","良好","是"\r\n'
)


def test_batch_reads_the_team_views_csv_unchanged(mini, tmp_path, capsys):
    """The calculator's team export: what `score` leaves aside (title, monthly, the results the
    calculator showed) is no problem, and the results are scored again from the entries."""
    source = tmp_path / "团队考核-2026Q4.csv"
    source.write_text(TEAM_CSV.replace('"89","良好"', '"12","不合格"'), encoding="utf-8")
    assert main(["score", str(source), "--catalog", "catalog"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert (
        out[1] == "2,sales-manager,销售部经理,张三,李四,2026Q4,4.6,92.0,4.1,82.0,89.0,良好,True,,"
    )
