"""The search index and its engine, without a browser: records and their classes, what a
query ranks first, and the bytes a first query reads at 1x and 10x (counted, not timed)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import REAL_CATALOG, ROOT

from bench.synthetic import make_catalog
from generator import load_catalog
from generator.search import build_index, catalog_records, html_record, page_url, write_index
from generator.search.index import SHARD_BYTES
from generator.search.records import (
    GOAL,
    GUIDE,
    KPI,
    POSITION_TEXT,
    TITLE,
    Line,
    position_record,
)

QUERY_JS = ROOT / "bench" / "search_query.js"
ASSETS = ROOT / "docs" / "assets" / "search"
BUDGET = 300_000  # bytes for a first query, code included (issue 12)
BYTE_QUERIES = [
    "出纳",
    "掉线率",
    "团队合作",
    "经理",
    "部门经理",
    "控制客户掉线率",
    "财务部收入出纳",
    "出纳 准确率",
    "出钠",
]

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js")


def make_index(catalog_dir: Path, folder: Path) -> Path:
    """The index of a catalogue with a guide and a home page that mention its terms, as the
    site's do."""
    catalog = load_catalog(catalog_dir)
    records = catalog_records(catalog, page_url)
    example = "<p>在顶部搜索框中输入岗位名称或指标名称（例如“出纳”“掉线率”“团队合作”）。</p>"
    records += [
        html_record("", "首页", example, GUIDE),
        html_record("guide/", "使用说明", example, GUIDE),
    ]
    write_index(build_index(records), folder)
    return folder


@pytest.fixture(scope="module")
def index_1x(tmp_path_factory) -> Path:
    return make_index(REAL_CATALOG, tmp_path_factory.mktemp("index-1x"))


@pytest.fixture(scope="module")
def index_10x(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("index-10x")
    make_catalog(REAL_CATALOG, tmp / "catalog", 10)
    return make_index(tmp / "catalog", tmp / "index")


def run(index: Path, queries: list) -> list[dict]:
    """Each query ({query, kind?, department?, count?} or a string) through engine.js."""
    queries = [{"query": q} if isinstance(q, str) else q for q in queries]
    done = subprocess.run(
        ["node", str(QUERY_JS)],
        input=json.dumps({"index": str(index), "queries": queries}),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def code_bytes() -> int:
    """What the browser fetches to search, besides the index: the scripts and the styles."""
    return sum(path.stat().st_size for path in ASSETS.iterdir() if path.suffix in (".js", ".css"))


def test_a_first_query_reads_the_same_few_files_at_1x_and_10x(index_1x, index_10x):
    small, large = run(index_1x, BYTE_QUERIES), run(index_10x, BYTE_QUERIES)
    code = code_bytes()
    for one, ten in zip(small, large, strict=True):
        query = one["query"]
        assert code + one["bytes"] <= BUDGET, query
        assert code + ten["bytes"] <= BUDGET, query
        # 10x the catalogue: at most twice the bytes (ten results where 1x has fewer, each
        # with its record), never ten times
        assert ten["bytes"] <= 2 * one["bytes"] + 20_000, (query, one["bytes"], ten["bytes"])
    assert code < 40_000


def test_no_shard_grows_with_the_catalogue(index_1x, index_10x):
    for index in (index_1x, index_10x):
        shards = [p.stat().st_size for p in (index / "s").iterdir()]
        assert max(shards) <= 3 * SHARD_BYTES
        records = [p.stat().st_size for p in (index / "d").rglob("*.js")]
        assert max(records) <= 8_000


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("出纳", {"财务部收入出纳", "财务部支出出纳"}),
        ("收入出纳", {"财务部收入出纳"}),
        ("团队合作", {"团队合作"}),
        ("掉线率", {"长话业务事业部经理", "长话业务事业部销售主管"}),
        (
            "客户掉线率",
            {"长话业务事业部经理", "长话业务事业部客户关系代表", "长话业务事业部客户关系组主管"},
        ),
        ("财务部", {"财务部"}),
        ("人力资源", {"人力资源总监"}),
        ("ＫＰＩ", None),  # a word in the guide only: found, and nothing is lost to full width
        ("mbo管理", "KPI"),  # a KPI of nine positions: one of them
        ("出纳 准确率", {"财务部收入出纳", "财务部支出出纳"}),
        ("效率", {"效率"}),
        ("售后", {"客户服务部售后工程师"}),
    ],
)
def test_partial_and_mixed_queries_rank_the_expected_page_first(index_1x, query, first):
    [answer] = run(index_1x, [query])
    if first is None:
        return
    assert answer["results"], query
    if first == "KPI":
        first = {
            p.title
            for p in load_catalog(REAL_CATALOG).positions()
            if any(query.upper() in k.name.upper() for k in p.kpis)
        }
    assert answer["results"][0]["title"] in first, [r["title"] for r in answer["results"]]


def test_a_kpi_word_ranks_positions_with_it_before_the_guide_and_home(index_1x):
    [answer] = run(index_1x, [{"query": "掉线率", "count": 50}])
    kinds = [r["kind"] for r in answer["results"]]
    assert kinds[0] == "position" and kinds[-2:] == ["guide", "guide"], kinds
    first = answer["results"][0]
    assert first["lines"][0]["label"] == "KPI" and "掉线率" in first["lines"][0]["text"]


def test_a_typo_finds_nothing_instead_of_single_characters(index_1x, index_10x):
    for index in (index_1x, index_10x):
        [answer] = run(index, ["出钠"])
        assert answer["results"] == [] and answer["exhausted"]
    [answer] = run(index_1x, ["出纳X"])  # the word is there, the rest is not
    assert answer["results"] == []


def test_marks_are_where_the_query_is(index_1x):
    [answer] = run(index_1x, ["出纳"])
    first = answer["results"][0]
    title = first["title"]
    assert [title[a:b] for a, b in first["titleMarks"]] == ["出纳"]
    assert "\u200b" not in json.dumps(answer, ensure_ascii=False)


def test_filters_by_kind_and_department(index_1x):
    kpi, glossary, finance = run(
        index_1x,
        [
            {"query": "客户", "kind": "kpi", "count": 30},
            {"query": "团队", "kind": "glossary", "count": 30},
            {"query": "经理", "department": "finance", "count": 30},
        ],
    )
    assert kpi["results"] and all(
        r["lines"][0]["label"] == "KPI" and "客户" in r["lines"][0]["text"] for r in kpi["results"]
    )
    assert glossary["results"] and {r["kind"] for r in glossary["results"]} == {"glossary"}
    assert finance["results"] and {r["department"] for r in finance["results"]} == {"财务部"}


def test_every_position_title_is_first_at_10x(index_10x):
    catalog = load_catalog(index_10x.parent / "catalog")
    positions = catalog.positions()
    answers = run(index_10x, [{"query": p.title, "count": 1} for p in positions])
    for position, answer in zip(positions, answers, strict=True):
        department = position.department_id
        assert answer["results"][0]["url"] == f"departments/{department}/{position.id}/", (
            position.title
        )


def test_position_lines_carry_the_class_they_rank_by():
    catalog = load_catalog(REAL_CATALOG)
    position = next(p for p in catalog.positions() if p.id == "fin-cashier-income")
    department = next(d for d in catalog.departments if d.id == position.department_id)
    record = position_record(position, department, "x/")
    assert record.lines[0].cls == TITLE and record.lines[0].text == "财务部收入出纳"
    assert [line.text for line in record.lines if line.cls == KPI] == [
        k.name for k in position.kpis
    ]
    assert any(
        line.cls == POSITION_TEXT and line.label.startswith("考核方法") for line in record.lines
    )
    assert all(not re.search("[\u200b-\u200d]", line.text) for line in record.lines)


def test_a_goals_sub_items_are_goal_lines_labelled_with_their_goal():
    catalog = load_catalog(REAL_CATALOG)
    position = next(p for p in catalog.positions() if p.id == "hra-manager")
    department = next(d for d in catalog.departments if d.id == position.department_id)
    lines = position_record(position, department, "x/").lines
    goal = "部门内部人力资源管理："
    assert Line(GOAL, goal, "内部管理类") in lines
    assert Line(GOAL, "考核", f"内部管理类（{goal}）") in lines
    assert Line(POSITION_TEXT, "确保公平、激励性", "目标值（考核）") in lines


def test_the_header_override_is_materials_but_for_the_search_plugin():
    """site_templates/theme/partials/header.html is Material's own with one change (which
    plugin shows the search box): a Material upgrade that changes the header shows here."""
    import material

    theirs = (Path(material.__file__).parent / "templates" / "partials" / "header.html").read_text(
        encoding="utf-8"
    )
    ours = (ROOT / "site_templates" / "theme" / "partials" / "header.html").read_text(
        encoding="utf-8"
    )
    ours = ours[ours.index("-#}\n") + 4 :]  # our comment
    assert ours == theirs.replace('"material/search"', '"position-search"')
