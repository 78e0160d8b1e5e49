"""A synthetic catalogue N times the size of a real one: deterministic, valid, same shape.

Copy 1 is the source catalogue itself (same ids, files copied verbatim). Copies 2..N add,
for every source department, a department `<id>-r<n>` whose positions are `<id>-r<n>` and
reference the competencies `<id>-r<n>`: the glossary grows with the positions, and every
page keeps the size it has in the source (a competency is used by as many positions as in
the source). Names get a `·<n>` suffix so titles stay unique and readable.
`vocabulary_copies` in the counts says how many copies of the glossary there are (one per
copy of the catalogue; the checker used to refuse a glossary past about 300 copies).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from generator.catalog import COMPANY_FILE, DEPARTMENT_FILE, DEPARTMENTS_DIR, VOCABULARY_FILE
from generator.model import GROUPS
from generator.source.yamlsrc import parse

# Stand for the copy number, and the suffix of the glossary copy a position refers to,
# while a file is dumped once and then repeated N-1 times.
_COPY = "@@COPY@@"
_GLOSSARY_COPY = "@@GLOSSARY@@"
_Dumper: type = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
SEARCH_DICTIONARY = "search-dictionary.txt"


def make_catalog(source: Path, dest: Path, scale: int) -> dict[str, int]:
    """Write a catalogue `scale` times the size of `source` into `dest` (emptied first);
    returns its counts (departments, positions, competencies, files, bytes)."""
    if scale < 1:
        raise ValueError(f"scale must be at least 1, got {scale}")
    if dest.exists():
        shutil.rmtree(dest)
    (dest / DEPARTMENTS_DIR).mkdir(parents=True)
    company = _read(source / COMPANY_FILE)
    department_ids = list(company["departments"])
    copies = range(2, scale + 1)

    company["departments"] = department_ids + [_copy_id(d, n) for n in copies
                                               for d in department_ids]
    _write(dest / COMPANY_FILE, _dump(company))

    vocabulary = _read(source / VOCABULARY_FILE)["competencies"]
    vocabulary_copies = scale
    template = _dump([_competency_copy(c) for c in vocabulary])
    parts = ["competencies:\n", _dump(vocabulary)]
    parts += [template.replace(_COPY, str(n)) for n in range(2, vocabulary_copies + 1)]
    _write(dest / VOCABULARY_FILE, "".join(parts))

    # Whatever else the catalogue holds (the search dictionary, pictures the company file
    # names, notes) is copied as it is.
    for extra in sorted(source.iterdir()):
        if extra.name in (COMPANY_FILE, VOCABULARY_FILE, DEPARTMENTS_DIR):
            continue
        if extra.is_dir():
            shutil.copytree(extra, dest / extra.name)
        elif extra.is_file():
            shutil.copyfile(extra, dest / extra.name)

    positions = 0
    for department_id in department_ids:
        folder = source / DEPARTMENTS_DIR / department_id
        shutil.copytree(folder, dest / DEPARTMENTS_DIR / department_id)
        department = _read(folder / DEPARTMENT_FILE)
        position_ids = list(department["positions"])
        positions += len(position_ids) * scale
        templates = {DEPARTMENT_FILE: _dump({
            **department, "name": _copy_name(department["name"]),
            "positions": [_copy_id(p, _COPY) for p in position_ids]})}
        for position_id in position_ids:
            position = _read(folder / f"{position_id}.yaml")
            templates[f"{_copy_id(position_id, _COPY)}.yaml"] = _dump(_position_copy(position))
        for n in copies:
            target = dest / DEPARTMENTS_DIR / _copy_id(department_id, n)
            target.mkdir()
            glossary = (n - 1) % vocabulary_copies + 1
            for name, text in templates.items():
                text = text.replace(_GLOSSARY_COPY, "" if glossary == 1 else f"-r{glossary}")
                _write(target / name.replace(_COPY, str(n)), text.replace(_COPY, str(n)))

    files = [p for p in dest.rglob("*") if p.is_file()]
    return {"departments": len(department_ids) * scale, "positions": positions,
            "competencies": len(vocabulary) * vocabulary_copies,
            "vocabulary_copies": vocabulary_copies, "files": len(files),
            "bytes": sum(p.stat().st_size for p in files)}


def _copy_id(identifier: str, copy: int | str) -> str:
    return f"{identifier}-r{copy}"


def _copy_name(name: str) -> str:
    return f"{name}·{_COPY}"


def _competency_copy(item: dict[str, Any]) -> dict[str, Any]:
    copy = {**item, "id": _copy_id(item["id"], _COPY), "name": _copy_name(item["name"])}
    if "seed" in item:  # source spellings must be unique across the vocabulary
        copy["seed"] = [_copy_name(s) for s in item["seed"]]
    return copy


def _position_copy(item: dict[str, Any]) -> dict[str, Any]:
    copy = {**item, "title": _copy_name(item["title"])}
    if item.get("competencies"):
        copy["competencies"] = {g: [_competency_reference(c) for c in ids]
                                for g, ids in item["competencies"].items() if g in GROUPS}
    return copy


def _competency_reference(entry: str | dict[str, Any]) -> str | dict[str, Any]:
    """A position's reference to a competency, to the glossary copy: an id, or an entry with
    its id and the source's spelling of the slot."""
    if isinstance(entry, dict):  # the copy's spellings carry the copy's suffix too
        copy = {**entry, "id": entry["id"] + _GLOSSARY_COPY}
        if isinstance(entry.get("seed"), str):
            copy["seed"] = _copy_name(entry["seed"])
        return copy
    return entry + _GLOSSARY_COPY


def _read(path: Path) -> Any:
    """The plain data of a catalogue file, read as the checker reads it (dates stay text)."""
    src = parse(path.read_text(encoding="utf-8"), str(path))
    if src.data is None:
        raise ValueError(f"{path}: cannot read: {'; '.join(map(str, src.problems))}")
    return src.data


def _dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
