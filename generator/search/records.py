"""What the search indexes: one record per page, made of lines that each have a class.

A line's class says where its words are and so how a match ranks (lower first): a position's
title, its KPI names, its goals, a glossary entry's name, its text, the rest of a position
page, other pages, and last the guide and the home page, whose examples mention everything.
Records come from the catalogue model (positions, glossary, departments) and from the HTML
of other pages; matrix and download pages are not records at all.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from ..escape import plain_text
from ..model import Catalog, Competency, Department, Position

TITLE = 0  # a position's title
KPI = 1  # a position's KPI name
GOAL = 2  # a position's goal or monthly indicator
GLOSSARY_NAME = 3
GLOSSARY_TEXT = 4  # definition, behavioural anchors, source spellings
POSITION_TEXT = 5  # targets, scoring standards, assessment methods
PAGE = 6  # departments and other pages
LAST = 7  # the guide and the home page
CLASSES = (TITLE, KPI, GOAL, GLOSSARY_NAME, GLOSSARY_TEXT, POSITION_TEXT, PAGE, LAST)

POSITION, GLOSSARY, DEPARTMENT, OTHER, GUIDE = "position", "glossary", "department", "page", "guide"
TITLE_CLASS = {POSITION: TITLE, GLOSSARY: GLOSSARY_NAME, DEPARTMENT: PAGE, OTHER: PAGE, GUIDE: LAST}
MAX_LINES = 1024  # lines past this many in one page are not indexed (entries pack line ids)
MAX_LINE_CHARS = 120  # longer text is cut at sentence ends into lines of about this


@dataclass(frozen=True)
class Line:
    """One searchable line of a page: its class, its text and the label shown before it."""

    cls: int
    text: str
    label: str = ""


@dataclass(frozen=True)
class Record:
    """One page the search can return; `lines[0]` is its title."""

    url: str  # relative to the site root
    title: str
    kind: str
    department_id: str = ""
    department: str = ""
    lines: tuple[Line, ...] = field(default=())


def page_url(src_uri: str, directory_urls: bool = True) -> str:
    """The URL of the page built from `src_uri`, relative to the site root, as MkDocs makes
    it: `a/b.md` -> `a/b/` (or `a/b.html`), `a/index.md` -> `a/` (or `a/index.html`)."""
    stem = src_uri.removesuffix(".md")
    if not directory_urls:
        return stem + ".html"
    folder, name = posixpath.split(stem)
    if name in ("index", "README"):
        return folder + "/" if folder else ""
    return stem + "/"


def position_record(position: Position, department: Department, url: str) -> Record:
    lines = [Line(TITLE, position.title)]
    lines += [Line(KPI, kpi.name, "KPI") for kpi in position.kpis]
    for category, goals in position.goals.items():
        for goal in goals:
            lines.append(Line(GOAL, goal.goal, category))
            lines += [Line(GOAL, item.goal, f"{category}（{goal.goal}）") for item in goal.items]
    if position.monthly:
        lines.append(Line(GOAL, position.monthly.indicator, "月度指标"))
    for goals in position.goals.values():
        for goal in (g for parent in goals for g in (parent, *parent.items)):
            if goal.target:
                lines.append(Line(POSITION_TEXT, goal.target, f"目标值（{goal.goal}）"))
    if position.monthly:
        lines += [
            Line(POSITION_TEXT, position.monthly.target, "月度目标"),
            Line(POSITION_TEXT, position.monthly.method, "月度考核方法"),
        ]
    for kpi in position.kpis:
        lines += [
            Line(POSITION_TEXT, kpi.standard, f"评分标准（{kpi.name}）"),
            Line(POSITION_TEXT, kpi.method, f"考核方法（{kpi.name}）"),
        ]
    return Record(url, position.title, POSITION, department.id, department.name, _clean(lines))


def competency_record(competency: Competency, url: str) -> Record:
    lines = [
        Line(GLOSSARY_NAME, competency.name),
        Line(GLOSSARY_TEXT, competency.definition, competency.kind),
    ]
    lines += [
        Line(GLOSSARY_TEXT, text, f"{rating} 分") for rating, text in competency.anchors.items()
    ]
    lines += [Line(GLOSSARY_TEXT, seed, "原文写法") for seed in competency.seed]
    return Record(url, competency.name, GLOSSARY, lines=_clean(lines))


def department_record(department: Department, url: str) -> Record:
    lines = [Line(PAGE, department.name)]
    return Record(url, department.name, DEPARTMENT, department.id, department.name, _clean(lines))


def catalog_records(catalog: Catalog, url_of) -> list[Record]:
    """The records of every position, glossary entry and department; `url_of(src_uri)` is
    the URL of a generated page (the renderer's uri functions name them)."""
    from ..render import competency_uri, department_uri, position_uri

    records = []
    for department in catalog.departments:
        records.append(department_record(department, url_of(department_uri(department))))
        records += [
            position_record(p, department, url_of(position_uri(p))) for p in department.positions
        ]
    records += [competency_record(c, url_of(competency_uri(c))) for c in catalog.competencies]
    return records


def html_record(url: str, title: str, html: str, kind: str = OTHER) -> Record:
    """A record of a rendered page: its title and the text of its blocks, one line each
    (headings, paragraphs, list items, table rows); the page's own `<h1>` is its title."""
    parser = _Blocks()
    parser.feed(html)
    parser.close()
    cls = TITLE_CLASS[kind]
    texts = [t for t in parser.lines if t and t != title]
    lines = [Line(cls, title)] + [Line(cls, text) for text in texts]
    return Record(url, title, kind, lines=_clean(lines))


def _clean(lines: list[Line]) -> tuple[Line, ...]:
    """Lines with text, white space collapsed, long ones cut at sentence ends, no repeats,
    at most MAX_LINES."""
    seen: set[tuple[int, str]] = set()
    out = []
    for line in lines:
        for text in _split_long(plain_text(line.text)):
            if text and (line.cls, text) not in seen:
                seen.add((line.cls, text))
                out.append(Line(line.cls, text, line.label))
    return tuple(out[:MAX_LINES])


_SENTENCE_END = re.compile(r"(?<=[。；！？;!?])")


def _split_long(text: str) -> list[str]:
    """A long paragraph as sentences packed into lines of about MAX_LINE_CHARS."""
    if len(text) <= MAX_LINE_CHARS:
        return [text]
    out, current = [], ""
    for sentence in _SENTENCE_END.split(text):
        if current and len(current) + len(sentence) > MAX_LINE_CHARS:
            out.append(current)
            current = ""
        current += sentence
    return out + [current] if current else out


_BLOCKS = {
    "p",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "dt",
    "dd",
    "pre",
    "blockquote",
    "div",
    "table",
    "ul",
    "ol",
    "details",
    "summary",
    "br",
}
_SKIPPED = {"script", "style", "svg", "button", "nav", "template"}


class _Blocks(HTMLParser):
    """The text of an HTML fragment, one string per block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._text: list[str] = []
        self._skip = 0

    def _flush(self) -> None:
        text = " ".join("".join(self._text).split())
        if text:
            self.lines.append(text)
        self._text = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIPPED:
            self._skip += 1
        elif tag in _BLOCKS:
            self._flush()
        elif tag in ("td", "th"):
            self._text.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._text.append(data)

    def close(self) -> None:
        super().close()
        self._flush()
