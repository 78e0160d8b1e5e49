"""What a valid catalogue becomes, and the findings that are warnings, not errors."""

from __future__ import annotations

import fastjsonschema
import pytest

from generator import load_catalog
from generator.errors import Problem, quote
from generator.export import position_to_data
from generator.model import Goal, Slot

M = "departments/sales/sales-manager.yaml"


def test_fixture_catalogue_loads_in_order(mini):
    catalog = load_catalog("catalog")
    [department] = catalog.departments
    assert [p.id for p in department.positions] == ["sales-manager", "sales-rep"]
    manager, rep = department.positions
    assert [(k.name, k.weight) for k in manager.kpis] == [("部门业绩", 60), ("客户满意度", 40)]
    assert manager.kpis[1].scale.id == "satisfaction-5"
    assert manager.kpis[0].scale.tiers[0].value == 120
    assert manager.competencies == {
        "core": ("teamwork",),
        "reference": ("accuracy",),
        "attitude": ("efficient",),
    }
    assert rep.is_draft and rep.kpis == () and rep.goals == {}
    assert catalog.warnings == ()


def test_goal_categories_follow_company_order_not_file_order(mini):
    mini.replace(M, "  财务/业务拓展类:", "  学习与创新类:\n    - goal: 学习\n  财务/业务拓展类:")
    manager = load_catalog("catalog").departments[0].positions[0]
    assert list(manager.goals) == ["财务/业务拓展类", "客户类", "学习与创新类"]


def test_goal_sub_items_and_slot_spellings_are_in_the_model(mini):
    mini.replace(
        M,
        "      target: 100%完成\n",
        "      target: 100%完成\n      items:\n"
        "        - goal: 考核\n          target: 及时\n          seed: {target: 时}\n"
        "        - goal: 培养\n",
    )
    mini.replace(M, "    - teamwork", "    - {id: teamwork, seed: 团合作, slot: 3}")
    manager = load_catalog("catalog").departments[0].positions[0]
    [goal] = manager.goals["财务/业务拓展类"]
    assert goal.items == (Goal("考核", "及时", {"target": "时"}), Goal("培养", ""))
    assert manager.competencies["core"] == ("teamwork",)  # the ids, as before
    assert manager.numbered_slots("core") == [(3, Slot("teamwork", "团合作", 3))]
    assert manager.numbered_slots("reference") == [(1, Slot("accuracy"))]
    data = position_to_data(manager)
    assert data["goals"]["财务/业务拓展类"][0]["items"] == [
        {"goal": "考核", "target": "及时", "seed": {"target": "时"}},
        {"goal": "培养", "target": ""},
    ]
    assert data["competency_slots"] == {
        "core": [{"id": "teamwork", "slot": 3, "seed": "团合作"}],
        "reference": [{"id": "accuracy", "slot": 1}],
        "attitude": [{"id": "efficient", "slot": 1}],
    }


def test_export_without_sub_items_or_slot_spellings_has_neither_key(mini):
    manager = load_catalog("catalog").departments[0].positions[0]
    data = position_to_data(manager)
    assert "competency_slots" not in data
    assert all("items" not in goal for goals in data["goals"].values() for goal in goals)


def test_byte_order_mark_is_a_warning(mini):
    path = mini.path(M)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    catalog = load_catalog("catalog")
    assert [str(w) for w in catalog.warnings] == [
        (
            "catalog/departments/sales/sales-manager.yaml:1: warning: file starts with a UTF-8 byte "
            "order mark (BOM); it was ignored, but save the file as UTF-8 without BOM"
        )
    ]
    assert catalog.departments[0].positions[0].title == "销售部经理"


def test_weights_the_source_itself_gets_wrong_are_a_note(mini):
    mini.replace(M, "weight: 60", "weight: 40")
    mini.replace(M, "competencies:", "weights_total_note: 原文权重合计为80\ncompetencies:")
    catalog = load_catalog("catalog")
    assert [str(w) for w in catalog.warnings] == [
        (
            "catalog/departments/sales/sales-manager.yaml:31: note: weights_total_note: KPI "
            "weights add to 80, not 100 (kept as in the source: 原文权重合计为80)"
        )
    ]
    assert catalog.departments[0].positions[0].weight_total == 80


def test_markup_in_text_is_kept_verbatim(mini):
    payload = "<script>alert(1)</script><img src=x onerror=alert(2)> & **粗体**"
    mini.replace(M, "goal: 部门销售任务", f"goal: '{payload}'")
    manager = load_catalog("catalog").departments[0].positions[0]
    assert manager.goals["财务/业务拓展类"][0].goal == payload


def test_dates_stay_text_as_written(mini):
    mini.replace("company.yaml", 'effective_date: "2026-12-01"', "effective_date: 2026-12-01")
    assert load_catalog("catalog").company.effective_date == "2026-12-01"


def test_reserved_windows_names_are_only_the_exact_ones(mini):
    mini.replace("vocabulary.yaml", "id: accuracy", "id: con-x")
    mini.replace(M, "- accuracy", "- con-x")
    assert load_catalog("catalog").competency("con-x").name == "准确性"


def test_both_schema_checks_end_an_id_at_the_end_of_the_text():
    """fastjsonschema reads `$` as the end of the text; the full report must as well, or an id
    ending in a line break would pass (the fast check fails, the full report finds nothing)."""
    from generator.source.schema import _fast_check, validator

    document = {"title": "x", "status": "draft", "competencies": {"core": ["teamwork\n"]}}
    assert not validator("position").is_valid(document)
    with pytest.raises(fastjsonschema.JsonSchemaException):
        _fast_check("position")(document)


def test_a_problem_is_one_line_whatever_its_text():
    problem = Problem("a\nb.yaml", 3, "goals.客户\r\n类", "got '六\u2028十\t\u202e'")
    assert str(problem) == "a⏎b.yaml:3: goals.客户⏎类: got '六⏎十\\t\\u202e'"
    assert quote("很" * 50) == "'" + "很" * 39 + "…'"
