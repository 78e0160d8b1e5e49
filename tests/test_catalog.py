"""The real catalogue: it passes the check, and its shape is the source's."""

from __future__ import annotations

import json

import pytest
from conftest import REAL_CATALOG

from generator import load_catalog
from generator.__main__ import main


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(REAL_CATALOG)


def test_real_catalogue_passes_with_one_acknowledged_note(catalog):
    assert [(w.level, w.path) for w in catalog.warnings] == [("note", "weights_total_note")]
    assert catalog.warnings[0].file.endswith("finance/fin-manager.yaml")


def test_departments_and_positions_in_source_order(catalog):
    assert [(d.name, len(d.positions)) for d in catalog.departments] == [
        ("高层", 3),
        ("长话业务事业部", 5),
        ("增值电信事业部", 5),
        ("系统部", 4),
        ("人事行政部", 5),
        ("财务部", 9),
        ("市场部", 3),
        ("客户服务部", 8),
    ]
    lines = [p.source_line for p in catalog.positions()]
    assert len(lines) == 42 and lines == sorted(lines)


def test_the_six_blank_templates_are_drafts(catalog):
    drafts = {p.id for p in catalog.positions() if p.is_draft}
    assert drafts == {
        "finance-director",
        "sys-manager",
        "sys-assistant",
        "sys-software-engineer",
        "sys-systems-engineer",
        "fin-business-assistant",
    }
    for position in catalog.positions():
        if position.is_draft:
            assert position.kpis == () and not any(position.competencies.values())


@pytest.mark.parametrize(
    "position_id, weights",
    [
        ("hr-director", [40, 30, 30]),
        ("ld-manager", [50, 20, 10, 10, 10]),
        ("fin-manager", [30, 30, 20]),
        ("fin-analyst", [30, 10, 30, 30]),
        ("cs-manager", [50, 20, 10, 10, 10]),
        ("technical-director", [30, 30, 20, 20]),
    ],
)
def test_kpi_weights_are_the_sources(catalog, position_id, weights):
    position = next(p for p in catalog.positions() if p.id == position_id)
    assert [k.weight for k in position.kpis] == weights


def test_every_published_position_adds_to_100_except_the_one_the_source_gets_wrong(catalog):
    off = {
        p.id: p.weight_total
        for p in catalog.positions()
        if not p.is_draft and p.weight_total != 100
    }
    assert off == {"fin-manager": 80}


def test_inferred_titles_are_marked(catalog):
    inferred = {p.title for p in catalog.positions() if p.title_inferred}
    assert inferred == {
        "长话业务事业部销售主管",
        "长话业务事业部客户关系组主管",
        "增值电信事业部客户主管",
        "人事行政部行政主管",
        "财务部结费主管",
        "客户服务部受理组主管",
        "客户服务部技术支持组主管",
    }


def test_machine_readable_standards(catalog):
    scales = {(p.id, k.name): k.scale for p in catalog.positions() for k in p.kpis if k.scale}
    assert len(scales) >= 10
    satisfaction = [
        key for key, scale in scales.items() if getattr(scale, "id", "") == "satisfaction-5"
    ]
    assert satisfaction and all(p == "cs-intake-supervisor" for p, _ in satisfaction)
    ladders = [s for s in scales.values() if getattr(s, "tiers", ()) and len(s.tiers) == 4]
    assert ladders and all(s.tiers[1].value is None and s.otherwise == 1 for s in ladders)


def test_glossary_covers_every_reference_with_anchors(catalog):
    assert len(catalog.competencies) == 49
    for competency in catalog.competencies:
        assert {5, 3, 1} <= set(competency.anchors) and competency.definition


def test_check_command_reports_ok(capsys):
    assert main(["check", str(REAL_CATALOG)]) == 0
    out = capsys.readouterr().out
    assert "OK: 8 departments, 42 positions (6 drafts), 49 competencies" in out


def test_export_json_has_the_documented_shape(tmp_path):
    target = tmp_path / "catalog.json"
    assert main(["export", str(REAL_CATALOG), "--format", "json", "-o", str(target)]) == 0
    data = json.loads(target.read_text("utf-8"))
    assert data["company"]["version"] and data["company"]["effective_date"]
    assert [d["id"] for d in data["departments"]][:2] == ["senior", "long-distance"]
    position = data["departments"][5]["positions"][0]
    assert {
        "id",
        "title",
        "status",
        "source_line",
        "goals",
        "monthly",
        "kpis",
        "competencies",
    } <= set(position)
    assert {"name", "weight", "standard", "method", "scale"} <= set(position["kpis"][0])
    assert set(position["competencies"]) == {"core", "reference", "attitude"}
    assert {"id", "name", "kind", "definition", "anchors"} <= set(data["competencies"][0])


def test_export_of_a_broken_catalogue_writes_nothing(mini, tmp_path, capsys):
    target = tmp_path / "out.json"
    target.write_text("previous export", encoding="utf-8")
    mini.replace("departments/sales/sales-manager.yaml", "weight: 60", "weight: 二十")
    assert main(["export", "catalog", "-o", str(target)]) == 1
    assert target.read_text(encoding="utf-8") == "previous export"
    err = capsys.readouterr().err
    assert "sales-manager.yaml:18: kpis[0] (部门业绩).weight: expected a number" in err
    assert "1 error(s); nothing was written." in err
