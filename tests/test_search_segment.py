"""The browser cuts a query as the index was cut: segment.py and segment.js agree on every
text of the real catalogue and on awkward input (full-width, zero-width, mixed scripts)."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from conftest import REAL_CATALOG, ROOT

from generator import load_catalog
from generator.search.segment import (
    START,
    exact_key,
    fnv1a,
    line_tokens,
    normalize,
    query_tokens,
    tokens,
)

SEGMENT_JS = ROOT / "docs" / "assets" / "search" / "segment.js"
AWKWARD = [
    "ＫＰＩ指标",
    "团队\u200b合作",
    "出纳",
    "出",
    "a",
    "6西格玛",
    "120%为5分",
    "  出纳  ",
    "MBO管理",
    "客户(大客户)经理",
    "新产品、MIS开发",
    "\ufeff掉线率",
    "ｶﾀｶﾅ",
    "한국어",
    "𠀀𠀁字",
    "é café",
    "",
]

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js")


def catalogue_texts() -> list[str]:
    catalog = load_catalog(REAL_CATALOG)
    texts = []
    for position in catalog.positions():
        texts.append(position.title)
        texts += [k.name for k in position.kpis] + [k.standard for k in position.kpis]
        texts += [g.goal for goals in position.goals.values() for g in goals]
    for competency in catalog.competencies:
        texts += [competency.name, competency.definition, *competency.anchors.values()]
    return texts


def in_node(texts: list[str]) -> list[dict]:
    script = (
        f"const s = require({json.dumps(str(SEGMENT_JS))});"
        "let input = ''; process.stdin.on('data', d => input += d);"
        "process.stdin.on('end', () => console.log(JSON.stringify(JSON.parse(input).map("
        "t => ({normalized: s.normalize(t), tokens: s.queryTokens(t), hash: s.fnv1a(t),"
        " exact: s.exactKey(t)})))));"
    )
    done = subprocess.run(
        ["node", "-e", script], input=json.dumps(texts), capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def test_python_and_javascript_cut_every_text_alike():
    texts = catalogue_texts() + AWKWARD
    for text, js in zip(texts, in_node(texts), strict=True):
        assert js == {
            "normalized": normalize(text),
            "tokens": query_tokens(text),
            "hash": fnv1a(text),
            "exact": exact_key(text),
        }, text


def test_a_line_is_found_by_its_own_text():
    """Every token a query of the whole line makes is indexed at consecutive positions."""
    for text in catalogue_texts():
        indexed = set(line_tokens(text))
        wanted = [t for t in query_tokens(text) if len(t) > 1 or t.isascii()]
        assert all((t, i) in indexed for i, t in enumerate(wanted)), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("掉线率", ["掉线", "线率"]),
        ("控制客户掉线率", ["控制", "制客", "客户", "户掉", "掉线", "线率"]),
        ("ＫＰＩ指标", ["kpi", "指标"]),
        ("团队\u200b合作", ["团队", "队合", "合作"]),
        ("出", []),
    ],
)
def test_tokens_are_bigrams_and_words(text, expected):
    assert tokens(text) == expected


def test_titles_carry_their_characters_and_where_they_begin():
    assert set(line_tokens("出纳", title=True)) == {
        ("出纳", 0),
        (START + "出纳", 0),
        ("出", 0),
        ("纳", 0),
        (START + "出", 0),
    }
    assert ("出", 0) not in set(line_tokens("出纳"))  # only titles answer one character
