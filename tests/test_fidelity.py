"""Fidelity to the source: a restoration only adds characters the source lost.

The rule's data has one home, catalog/READING_NOTES.md: the lost characters with the source's
own counts, the punctuation a restoration may add, the common characters the source kept, and
the exceptions with their reasons. These tests read the tables there. The tests that count
characters in the source itself run where the source is checked out beside this repository
(../shared/seed/); elsewhere they are skipped.
"""

from __future__ import annotations

import collections
import functools
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from conftest import REAL_CATALOG, ROOT

NOTES = REAL_CATALOG / "READING_NOTES.md"
SOURCE = ROOT.parent / "shared" / "seed" / "000_b25173014c7ff464.txt"
DOCUMENT_LINES = 5429  # lines after 5429 are the hosting site's footer, not the document
COMMON_RANK = 2500  # the size of the 常用字 list of the 现代汉语常用字表


# ---------------------------------------------------------------- the notes' tables


def notes_table(heading: str) -> list[list[str]]:
    """The body rows of the first table under the `## heading` of the notes file."""
    lines = NOTES.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"## {heading}"))
    rows = []
    for line in lines[start + 1 :]:
        if line.startswith("## "):
            break
        if line.startswith("|"):
            rows.append([cell.strip().strip("`") for cell in line.strip().strip("|").split("|")])
    assert len(rows) > 2, f"no table under '## {heading}' in {NOTES.name}"
    return rows[2:]  # header and separator


LOST = {row[0]: row for row in notes_table("The lost characters")}
PUNCTUATION = {row[0] for row in notes_table("Punctuation a restoration may add")}
KEPT = {row[0]: int(row[1]) for row in notes_table("Common characters the source kept")}
EXCEPTIONS = {(row[0], row[1], row[2]): row[3] for row in notes_table("Exceptions")}
# The source's ASCII colon may be written as the Chinese colon; a line break or a space inside
# a source cell becomes punctuation or nothing.
SEED_SPELLING = str.maketrans({":": "："})


# ---------------------------------------------------------------- the catalogue's texts


@dataclass(frozen=True)
class Text:
    """One text of the catalogue and, where it is a restoration, the source's wording."""

    file: str  # relative to the repository root
    field: str
    text: str
    seed: str | None  # None: the text is the source's own wording
    lines: tuple[int, int] | None = None  # the position's lines in the source (first, end)


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def position_files() -> list[Path]:
    return [
        p
        for p in sorted((REAL_CATALOG / "departments").glob("*/*.yaml"))
        if p.name != "_department.yaml"
    ]


def position_ranges() -> dict[Path, tuple[int, int]]:
    """Each position's source lines: from its source_line to the next position's."""
    starts = sorted((load(p)["source_line"], p) for p in position_files())
    ends = [line for line, _ in starts[1:]] + [DOCUMENT_LINES + 1]
    return {path: (line, end) for (line, path), end in zip(starts, ends)}


def position_texts(path: Path, lines: tuple[int, int]) -> list[Text]:
    data, rel = load(path), str(path.relative_to(ROOT))
    texts = [Text(rel, "title", data["title"], data.get("source_title"), lines)]
    for category, goals in (data.get("goals") or {}).items():
        for i, goal in enumerate(goals):
            items = [(f"goals.{category}[{i}]", goal)]
            items += [
                (f"goals.{category}[{i}].items[{j}]", item)
                for j, item in enumerate(goal.get("items") or [])
            ]
            for where, item in items:
                for key in ("goal", "target"):
                    texts.append(
                        Text(
                            rel,
                            f"{where}.{key}",
                            item.get(key, ""),
                            (item.get("seed") or {}).get(key),
                            lines,
                        )
                    )
    if monthly := data.get("monthly"):
        for key in ("indicator", "target", "method"):
            texts.append(
                Text(
                    rel,
                    f"monthly.{key}",
                    monthly.get(key, ""),
                    (monthly.get("seed") or {}).get(key),
                    lines,
                )
            )
    for i, kpi in enumerate(data.get("kpis") or []):
        for key in ("name", "standard", "method"):
            texts.append(
                Text(
                    rel,
                    f"kpis[{i}].{key}",
                    kpi.get(key, ""),
                    (kpi.get("seed") or {}).get(key),
                    lines,
                )
            )
    return texts


def catalogue_texts() -> list[Text]:
    """Every text that is the source's wording or restores it (weights apart)."""
    texts = []
    for path, lines in position_ranges().items():
        texts += position_texts(path, lines)
    for path in sorted((REAL_CATALOG / "departments").glob("*/_department.yaml")):
        data = load(path)
        texts.append(
            Text(str(path.relative_to(ROOT)), "name", data["name"], data.get("source_title"))
        )
    company = load(REAL_CATALOG / "company.yaml")
    for i, category in enumerate(company["goal_categories"]):
        for seed in category.get("seed", []):
            texts.append(
                Text("catalog/company.yaml", f"goal_categories[{i}].name", category["name"], seed)
            )
    vocabulary = load(REAL_CATALOG / "vocabulary.yaml")
    for item in vocabulary["competencies"]:
        for seed in item.get("seed", []):
            texts.append(
                Text(
                    "catalog/vocabulary.yaml",
                    f"competencies[{item['id']}].name",
                    item["name"],
                    seed,
                )
            )
    return texts


TEXTS = catalogue_texts()
RESTORATIONS = [t for t in TEXTS if t.seed is not None]


# ---------------------------------------------------------------- the rule


def is_subsequence(short: str, long: str) -> bool:
    rest = iter(long)
    return all(c in rest for c in short)


def breach(text: str, seed: str) -> str | None:
    """None if `text` is `seed` with only lost characters and punctuation added, else why not."""
    seed = "".join(seed.translate(SEED_SPELLING).split())
    text = text.translate(SEED_SPELLING)
    if not is_subsequence(seed, text):
        return "the source wording is not a subsequence of the text"
    # The seed has no lost character (the source has none), so taking out what may be added
    # must leave the seed's own characters, in order.
    kept = [c for c in text if c not in LOST and c not in PUNCTUATION]
    expected = [c for c in seed if c not in PUNCTUATION]
    if kept == expected:
        return None
    extra = collections.Counter(kept) - collections.Counter(expected)
    return "adds " + "".join(sorted(extra)) + ", which the source did not lose"


def test_every_restoration_adds_only_lost_characters_or_punctuation():
    found = {}
    for t in RESTORATIONS:
        why = breach(t.text, t.seed)
        if why:
            found[(t.file, t.text, "".join(t.seed.split()))] = f"{t.field}: {why}"
    unlisted = {key: why for key, why in found.items() if key not in EXCEPTIONS}
    assert not unlisted, (
        "restorations that add what the source did not lose; fix them or "
        f"list them under '## Exceptions' in {NOTES.name}:\n"
        + "\n".join(
            f"{file}: {why} ({seed} -> {text})" for (file, text, seed), why in unlisted.items()
        )
    )
    stale = [key for key in EXCEPTIONS if key not in found]
    assert not stale, f"exceptions in {NOTES.name} that no longer apply: {stale}"


def test_every_exception_gives_its_reason():
    assert all(reason for reason in EXCEPTIONS.values())


@pytest.mark.parametrize(
    "text, seed, expected",
    [
        ("部门经理评定", "部门理评定", None),
        ("选：用人单位需求满足率", "选:单位需求满足率", None),
        ("数量：客户必须；质量：方案", "数量:客户必须\n质量:方案", None),
        (">120%为5", ">1205", None),
        ("收费管理员录入信息", "收费理录入信息", "adds 员, which the source did not lose"),
        ("效率", "工作效率", "the source wording is not a subsequence of the text"),
        ("部理", "部门理", "the source wording is not a subsequence of the text"),
    ],
)
def test_the_rule(text, seed, expected):
    assert breach(text, seed) == expected


def test_text_without_a_seed_restores_nothing():
    """A text with a lost character must say what the source had (its `seed:`)."""
    unmarked = [
        f"{t.file}: {t.field}: {t.text}"
        for t in TEXTS
        if t.seed is None and any(c in LOST for c in t.text)
    ]
    assert not unmarked


READ = {
    "goals": {"goal", "target", "seed", "unclear", "items"},
    "sub-items": {"goal", "target", "seed", "unclear"},
    "monthly": {"indicator", "target", "method", "seed", "unclear"},
    "kpis": {"name", "weight", "standard", "scale", "method", "seed", "unclear"},
    "competencies": {"id", "seed", "slot"},
}


def test_every_field_with_source_text_is_read():
    """A new field must be added to position_texts() (or source_slots()) to be checked."""
    for path in position_files():
        data = load(path)
        goals = [g for goals in (data.get("goals") or {}).values() for g in goals]
        fields = {
            "goals": goals,
            "sub-items": [item for g in goals for item in g.get("items") or []],
            "monthly": [data["monthly"]] if data.get("monthly") else [],
            "kpis": data.get("kpis") or [],
            "competencies": [
                c for group in (data.get("competencies") or {}).values() for c in group
            ],
        }
        for section, items in fields.items():
            for item in items:
                keys = set(item) if isinstance(item, dict) else {"id"}  # a competency's id
                assert keys <= READ[section], f"{path.name}: {section}: {keys - READ[section]}"


def test_weights_are_the_sources_figures():
    for path in position_files():
        for i, kpi in enumerate(load(path).get("kpis") or []):
            seed = (kpi.get("seed") or {}).get("weight")
            if seed is not None:
                assert re.fullmatch(r"\d+(\.\d+)?%", seed), f"{path.name}: kpis[{i}]"
                assert float(seed[:-1]) == kpi["weight"], f"{path.name}: kpis[{i}]"


@functools.cache
def general_frequency() -> collections.Counter[str]:
    """How often each character occurs in general Chinese: the word frequencies of jieba's
    dictionary (a dependency of the site's search), summed per character."""
    import jieba

    frequency: collections.Counter[str] = collections.Counter()
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as dictionary:
        for line in dictionary:
            word, count = line.split()[:2]
            for c in word:
                frequency[c] += int(count)
    return frequency


def test_lost_characters_are_common_characters():
    """Ranked by general frequency, each is among the 2,500 most common characters."""
    rank = {c: i for i, (c, _) in enumerate(general_frequency().most_common(), start=1)}
    for c, row in LOST.items():
        assert rank[c] == int(row[2]), f"{c}: rank {rank[c]}, the notes say {row[2]}"
        assert rank[c] <= COMMON_RANK, c


# ---------------------------------------------------------------- against the source itself


@pytest.fixture(scope="module")
def source() -> list[str]:
    if not SOURCE.is_file():
        pytest.skip(f"the source is not checked out at {SOURCE}")
    return SOURCE.read_text(encoding="utf-8").splitlines()[:DOCUMENT_LINES]


def test_lost_characters_occur_nowhere_in_the_source(source):
    counts = collections.Counter("".join(source))
    assert {c: counts[c] for c in LOST if counts[c]} == {}
    assert all(row[1] == "0" for row in LOST.values())


def test_kept_characters_have_the_counts_the_notes_give(source):
    counts = collections.Counter("".join(source))
    assert {c: counts[c] for c in KEPT} == KEPT


def test_expected_counts_follow_from_the_document_length(source):
    """`Expected` = characters in the document × the character's share of general Chinese."""
    frequency = general_frequency()
    total = sum(frequency.values())
    han = sum(1 for c in "".join(source) if "\u4e00" <= c <= "\u9fff")
    for c, row in LOST.items():
        assert float(row[3]) == round(han * frequency[c] / total, 1), c


def test_the_absent_characters_not_listed_are_named(source):
    """The notes name every common character the source lacks that the table leaves out."""
    notes = NOTES.read_text(encoding="utf-8")
    section = notes[notes.index("## Common characters absent but not listed") :]
    named = section.split("```")[1].split()
    counts = collections.Counter("".join(source))
    top = [c for c, _ in general_frequency().most_common(300)]
    assert named == [c for c in top if counts[c] == 0 and c not in LOST]


def test_every_text_is_the_sources_wording_in_its_own_position(source):
    """Each seed, and each text without one, stands in the source between the position's
    first line and the next position's (whitespace aside)."""

    def flat(first: int, end: int) -> str:
        return "".join("".join(line.split()) for line in source[first - 1 : end - 1])

    document = flat(1, DOCUMENT_LINES + 1)
    missing = []
    for t in TEXTS:
        wording = "".join((t.text if t.seed is None else t.seed).split())
        where = flat(*t.lines) if t.lines else document
        if wording and wording not in where:
            missing.append(f"{t.file}: {t.field}: {wording}")
    assert not missing


GROUP_HEADINGS = {"核心力": "core", "参考力": "reference", "态度": "attitude"}


def source_slots(lines: list[str]) -> dict[str, dict[int, str]]:
    """The half-year section of one position's source lines: per group (its heading, 核心力,
    参考力 or 态度), each slot number that has a name, with the name as the source spells it.
    A slot is its number on one line and its name on the next; an empty slot has no name."""
    lines = [line.strip() for line in lines]
    slots: dict[str, dict[int, str]] = {}
    group = None
    for i, line in enumerate(lines):
        if line in GROUP_HEADINGS:
            group = GROUP_HEADINGS[line]
            slots[group] = {}
        elif group and line.isdigit() and i + 1 < len(lines):
            name = lines[i + 1]
            if name and not name.isdigit() and name not in GROUP_HEADINGS:
                slots[group][int(line)] = name
    return {g: found for g, found in slots.items() if found}


def data_slots(data: dict) -> dict[str, dict[int, str]]:
    """Per group, each competency's slot (after the previous one's unless `slot` says) and its
    source spelling (`seed`), as a position file holds them."""
    out = {}
    for group, items in (data.get("competencies") or {}).items():
        number, found = 0, {}
        for item in items:
            item = item if isinstance(item, dict) else {"id": item}
            number = item.get("slot", number + 1)
            found[number] = item.get("seed")
        if found:
            out[group] = found
    return out


def test_every_competency_slot_is_the_sources_slot_and_spelling(source):
    """Each competency of a position is in the slot the source has it in, with its spelling."""
    for path, (first, end) in position_ranges().items():
        assert data_slots(load(path)) == source_slots(source[first - 1 : end - 1]), path.name


def test_every_slot_spelling_is_one_of_its_entrys():
    seeds = {
        item["id"]: item.get("seed", [])
        for item in load(REAL_CATALOG / "vocabulary.yaml")["competencies"]
    }
    for path in position_files():
        for group, items in (load(path).get("competencies") or {}).items():
            for i, item in enumerate(items):
                assert isinstance(item, dict) and item["seed"] in seeds[item["id"]], (
                    f"{path.name}: competencies.{group}[{i}]"
                )


def test_each_position_starts_at_its_heading(source):
    for path in position_files():
        data = load(path)
        title = data.get("source_title", data["title"])
        assert source[data["source_line"] - 1].strip().startswith(title), path.name
