"""Records -> the sharded search index: small script files, none of which grows with the site.

Layout (under the site's `search/`; every file is a classic script that registers its data in
`window.__positionSearch`, so the index also loads from file://):

- `manifest.js`: the counts a query needs to find its files (shards, exact shards, version).
- `s/<n>.js`: the token shards. A token lives in shard `fnv1a(token) % shards` and holds
  the first page of its postings: entries sorted by (line class, record, line), at most
  PAGE_ENTRIES of them. The rest of a long list is in overflow pages `o/<id>-<n>.js`.
- `x/<n>.js`: exact titles and KPI names (normalised, no spaces) -> [records with that
  title, records with that KPI], ranked before everything else.
- `d/<k>/<record>.js`: one record: URL, title, kind, department and its lines' text.
- `departments.js`: every department's id and name, for the filter; fetched when the reader
  first uses the department filter (the one file that grows with the catalogue: ~25 KB at
  100x).

Postings are per token position: entry = (record * MAX_LINES + line) * MAX_POSITIONS +
position, so the browser finds a phrase as its tokens at consecutive positions of one line,
and ranks it by the class of that line. Because
every list is sorted the same way, the browser merges the first pages and knows the exact
top results up to the end of the shortest page; it fetches further pages only when it needs
more results. The bytes for one query are bounded by the page and shard sizes, not by the
catalogue.
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from pathlib import Path

from ..escape import script_json
from .records import DEPARTMENT, KPI, MAX_LINES, Record
from .segment import exact_key, fnv1a, line_tokens

FORMAT = 1
PAGE_ENTRIES = 512  # postings per page of a token's list
SHARD_BYTES = 8_000  # target size of a token shard
EXACT_SHARD_BYTES = 6_000
RECORDS_PER_FOLDER = 1000
DEPARTMENT_TOKEN = "\u0001d:"  # + department id: the records of one department (filter)
GLOBAL = "__positionSearch"
MAX_POSITIONS = 512  # tokens of a line past this are not indexed (records split long text)
CLASS_SHIFT = 2**35  # key = class * CLASS_SHIFT + (record * MAX_LINES + line) * MAX_POSITIONS
#       + position; below 2**53, so exact in a JavaScript number


def record_order(records: list[Record]) -> list[Record]:
    """Records in the order their ids follow: by the class of their title (positions, then
    glossary, pages, guide), shorter titles first, then as given; a stable order."""
    from .records import TITLE_CLASS

    return sorted(records, key=lambda r: (TITLE_CLASS[r.kind], len(r.title)))


def build_index(records: list[Record]) -> dict[str, str]:
    """{path under search/: script text} of the whole index of `records`."""
    departments_list = [[r.department_id, r.department] for r in records if r.kind == DEPARTMENT]
    records = record_order(records)
    postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
    departments: dict[str, list[int]] = defaultdict(list)
    exact: dict[str, list[list[int]]] = defaultdict(lambda: [[], []])  # titles, KPI names
    for rid, record in enumerate(records):
        for number, line in enumerate(record.lines):
            base = (rid * MAX_LINES + number) * MAX_POSITIONS
            for token, position in line_tokens(line.text, title=number == 0):
                if position < MAX_POSITIONS:
                    postings[token].append((line.cls, base + position))
        if record.department_id:
            departments[record.department_id].append(rid)
        exact[exact_key(record.title)][0].append(rid)
        for kpi in {exact_key(line.text) for line in record.lines if line.cls == KPI}:
            exact[kpi][1].append(rid)

    files: dict[str, str] = {}
    first_pages: dict[str, list] = {}
    overflow = 0
    for token, entries in postings.items():
        entries.sort()
        pages = [entries[i : i + PAGE_ENTRIES] for i in range(0, len(entries), PAGE_ENTRIES)]
        name = ""
        if len(pages) > 1:
            name = f"o/{overflow}"
            overflow += 1
            for n, page in enumerate(pages[1:], 2):
                files[f"{name}-{n}.js"] = _script(f"{name}-{n}", _segments(page))
        first_pages[token] = [len(entries), len(pages), name, _segments(pages[0])]
        if len(pages) > 1:  # each later page's first key, to fetch only the page a key is in
            first_pages[token].append([_key(*page[0]) for page in pages[1:]])
    for department_id, rids in departments.items():
        first_pages[DEPARTMENT_TOKEN + department_id] = [len(rids), 1, "", rids]

    shard_count = _count(first_pages, SHARD_BYTES)
    for n, shard in _shards(first_pages, shard_count).items():
        files[f"s/{n}.js"] = _script(f"s/{n}", shard)
    exact_count = _count(exact, EXACT_SHARD_BYTES)
    for n, shard in _shards(exact, exact_count).items():
        files[f"x/{n}.js"] = _script(f"x/{n}", shard)
    for rid, record in enumerate(records):
        name = f"d/{rid // RECORDS_PER_FOLDER}/{rid}"
        files[f"{name}.js"] = _script(name, _record_data(record))

    files["departments.js"] = _script("departments", departments_list)

    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.encode() + b"\0" + files[path].encode())
    files["manifest.js"] = _script(
        "manifest",
        {
            "format": FORMAT,
            "version": digest.hexdigest()[:12],
            "shards": shard_count,
            "exact": exact_count,
            "lines": MAX_LINES,
            "positions": MAX_POSITIONS,
            "folder": RECORDS_PER_FOLDER,
            "records": len(records),
            "department": DEPARTMENT_TOKEN,
        },
    )
    return files


def write_index(files: dict[str, str], folder: Path) -> int:
    """Write the index's files under `folder`; returns the bytes written."""
    total = 0
    made: set[Path] = set()
    for path, text in files.items():
        target = folder / path
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        data = text.encode("utf-8")
        target.write_bytes(data)
        total += len(data)
    return total


def _key(cls: int, entry: int) -> int:
    """An entry as the browser orders it: class first (postings.js SHIFT)."""
    return cls * CLASS_SHIFT + entry


def _segments(entries: list[tuple[int, int]]) -> list[int]:
    """Sorted (class, entry) pairs as [class, count, first, delta, delta, ..., class, ...]."""
    out: list[int] = []
    current, previous, count_at = -1, 0, 0
    for cls, entry in entries:
        if cls != current:
            if current >= 0:
                out[count_at] = len(out) - count_at - 1
            out += [cls, 0]
            count_at = len(out) - 1
            current, previous = cls, 0
        out.append(entry - previous)
        previous = entry
    if current >= 0:
        out[count_at] = len(out) - count_at - 1
    return out


def _record_data(record: Record) -> dict:
    return {
        "u": record.url,
        "t": record.title,
        "k": record.kind,
        "d": record.department,
        "i": record.department_id,
        "l": [[line.cls, line.text, line.label] for line in record.lines],
    }


def _count(table: dict, target: int) -> int:
    size = sum(len(script_json(k)) + len(script_json(v)) + 2 for k, v in table.items())
    return max(1, math.ceil(size / target))


def _shards(table: dict, count: int) -> dict[int, dict]:
    shards: dict[int, dict] = {n: {} for n in range(count)}
    for key in sorted(table):
        shards[fnv1a(key) % count][key] = table[key]
    return shards


def _script(name: str, data: object) -> str:
    """A classic script registering `data` as `name` (file:// cannot fetch JSON)."""
    return f"(window.{GLOBAL} ??= {{}})[{script_json(name)}] = {script_json(data)};\n"
