"""The glossary's anchors are something a manager can rate by (catalog/vocabulary.yaml).

Read as an HR professional would: every level of every entry says what the person does, in the
period rated where frequency matters, and differs from its neighbours; overlapping entries say
how they differ and which positions are rated on both.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
import yaml
from conftest import REAL_CATALOG


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


VOCABULARY = load(REAL_CATALOG / "vocabulary.yaml")["competencies"]
BY_NAME = {item["name"]: item for item in VOCABULARY}
POINTS = load(REAL_CATALOG / "company.yaml")["scoring"]["points"]
LEVELS = list(range(POINTS["min"], POINTS["max"] + 1))
# 与「X」的区别：<how they differ>两项都评的岗位：<titles, or 无>。
OVERLAP = re.compile(r"与「([^」]+)」的区别：(.+?)两项都评的岗位：([^。]+)。")
# A count of events (次) says over which period it is counted.
COUNT = re.compile(r"\d+次|\d+–\d+次|次以上")
PERIOD = ("半年内", "每季度", "每月", "每周", "评价期内")


@functools.cache
def positions() -> list[dict]:
    found = [
        load(p)
        for p in (REAL_CATALOG / "departments").glob("*/*.yaml")
        if p.name != "_department.yaml"
    ]
    return sorted(found, key=lambda p: p["source_line"])


def rated_on_both(a: str, b: str) -> list[str]:
    """Titles of the positions (in source order) that list both competency ids."""
    titles = []
    for position in positions():
        ids = {
            i["id"] if isinstance(i, dict) else i  # {id, seed, slot} or the id alone
            for group in (position.get("competencies") or {}).values()
            for i in group
        }
        if a in ids and b in ids:
            titles.append(position["title"])
    return titles


@pytest.mark.parametrize("item", VOCABULARY, ids=lambda item: item["id"])
def test_every_level_has_its_own_anchor(item):
    anchors = item["anchors"]
    assert sorted(anchors) == LEVELS
    texts = [anchors[level] for level in LEVELS]
    assert len(set(texts)) == len(texts)


@pytest.mark.parametrize("item", VOCABULARY, ids=lambda item: item["id"])
def test_anchors_describe_the_person_not_the_supervision_they_need(item):
    """No level is defined by others having to chase the person (需要他人/上级反复…)."""
    for level, text in item["anchors"].items():
        assert not re.search(r"需要(他人|上级|别人)|反复(督促|提醒|催促)", text), (level, text)


@pytest.mark.parametrize("item", VOCABULARY, ids=lambda item: item["id"])
def test_counts_name_their_period(item):
    for level, text in item["anchors"].items():
        if COUNT.search(text):
            assert any(period in text for period in PERIOD), (level, text)


def test_approved_leave_is_not_penalised():
    attendance = BY_NAME["出勤率高低"]
    assert "批准的假期" in attendance["definition"] and "不影响本项评分" in attendance["definition"]
    for level, text in attendance["anchors"].items():
        if "请假" in text:
            assert "手续" in text, (level, text)  # only how leave is applied for counts


def test_overlapping_entries_say_how_they_differ_and_name_the_positions_on_both():
    notes = {}
    for item in VOCABULARY:
        for other, difference, titles in OVERLAP.findall(item["definition"]):
            assert other in BY_NAME, f"{item['id']}: no entry named {other}"
            assert difference.strip("。 "), item["id"]
            listed = [] if titles == "无" else titles.split("、")
            assert listed == rated_on_both(item["id"], BY_NAME[other]["id"]), (item["id"], other)
            notes[(item["name"], other)] = listed
    assert all((other, name) in notes for name, other in notes), "notes go both ways"
    assert ("有责任感，愿意承担更多责任", "承担责任") in notes
    assert notes[("承担责任", "有责任感，愿意承担更多责任")] == ["增值电信事业部客户主管"]


def test_an_entry_whose_meaning_is_a_guess_says_so():
    guessed = BY_NAME["建立期"]
    assert "推测" in guessed["unclear"] and "推测" in guessed["definition"]
