"""load_catalog(directory) -> Catalog: the single entry point to the catalogue."""

from __future__ import annotations

import functools
import os
import re
import stat
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from .errors import CatalogError, Problem, quote
from .files import system_reason
from .messages import _
from .model import Catalog, Department, Position
from .source.schema import check_schema
from .source.validate import (
    SAFE_ID,
    Checker,
    build_company,
    build_position,
    build_vocabulary,
    did_you_mean,
    reserved_name_problem,
    value,
)
from .source.yamlsrc import Source, decode, parse_bytes

COMPANY_FILE = "company.yaml"
VOCABULARY_FILE = "vocabulary.yaml"
DEPARTMENTS_DIR = "departments"
DEPARTMENT_FILE = "_department.yaml"
# The search build's user dictionary for jieba (mkdocs.yml `jieba_dict_user`), if present.
SEARCH_DICTIONARY_FILE = "search-dictionary.txt"

# The largest file the catalogue reads (the real files are a few kB): a bigger one is refused
# before it is read. The vocabulary lists every competency of the company and grows with it:
# its limit holds some 2,000 times the real one (the benchmark's 1000x catalogue is 62 MB).
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_VOCABULARY_BYTES = 128 * 1024 * 1024
LARGEST_FILE_BYTES = max(MAX_FILE_BYTES, MAX_VOCABULARY_BYTES)
# A line of the jieba user dictionary: `word [frequency] [tag]`, separated by single spaces.
_DICTIONARY_LINE = re.compile(r"(\S+)(?: ([0-9]+))?(?: ([a-z]+))?\Z")
_MAX_FREQUENCY_DIGITS = 9


class LoadCache(Protocol):
    """What a load may reuse from an earlier load of the same folder (`mkdocs serve` keeps one
    between its rebuilds: generator/serve/loading.py): each file as parsed and schema-checked,
    and what was built from files that did not change. Problems found then are found again."""

    def source(self, path: Path, kind: str) -> tuple[Source, list[Problem]] | None: ...

    def keep_source(
        self, path: Path, kind: str, signature: object, src: Source | None, problems: list[Problem]
    ) -> None: ...

    def signature(self, path: Path) -> object: ...

    def built(
        self, slot: tuple, inputs: tuple, make: Callable[[], Any], problems: list[Problem]
    ) -> Any: ...

    def intern(self, slot: tuple, value: Any) -> Any: ...

    def prune(self) -> None: ...


def load_catalog(directory: str | os.PathLike, cache: LoadCache | None = None) -> Catalog:
    """Load and validate the catalogue in `directory`; raise CatalogError listing every error.
    With `cache`, files that did not change since its last load are not read again."""
    loader = _Loader(Path(directory), cache)
    catalog = loader.load()
    if cache is not None:
        cache.prune()
    if catalog is None or any(not p.warning for p in loader.check.problems):
        raise CatalogError(loader.check.problems)
    return catalog


def display_path(path: Path) -> str:
    """`path` as messages show it: relative to the working directory when inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # a link loop: read as a file, and refused as one
        return False


def _size(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def _file_kind(kind: str) -> str:
    """The catalogue file of `kind`, as a message names it."""
    words = {
        "company": _("company file"),
        "vocabulary": _("vocabulary file"),
        "department": _("department file"),
        "position": _("position file"),
        "search dictionary": _("search dictionary file"),
    }
    return words.get(kind, kind)


class _Loader:
    def __init__(self, root: Path, cache: LoadCache | None = None):
        self.root = root
        self.cache = cache
        self.check = Checker()
        self.vocabulary_complete = True
        self.verified = {root}  # folders known to be in the catalogue, as they are named
        try:
            self.real_root: Path | None = root.resolve()
        except (OSError, RuntimeError):  # a link loop
            self.real_root = None

    def problem(self, path: Path, message: str, line: int = 0, level: str = "error") -> None:
        self.check.problems.append(Problem(display_path(path), line, "", message, level))

    # ------------------------------------------------------------------ the file system

    def inside(self, path: Path, what: str) -> bool:
        """Whether `path` (a link followed) is in the catalogue folder; reported if not."""
        if path.parent in self.verified and not os.path.islink(path):
            return True
        try:
            real = path.resolve()
        except (OSError, RuntimeError):
            self.problem(
                path,
                _(
                    "is a link that cannot be followed (a loop?); the catalogue "
                    "reads only its own files"
                )
                if what == "file"
                else _(
                    "is a link that cannot be followed (a loop?); the catalogue reads "
                    "only its own folders"
                ),
            )
            return False
        if self.real_root is not None and (
            real == self.real_root or self.real_root in real.parents
        ):
            return True
        self.problem(
            path,
            _(
                "is a link to a file outside the catalogue folder; it was not read "
                "(put the file itself into the catalogue)"
            )
            if what == "file"
            else _(
                "is a link to a folder outside the catalogue folder; it was not read "
                "(put the folder itself into the catalogue)"
            ),
        )
        return False

    def read_bytes(self, path: Path, kind: str, limit: int = MAX_FILE_BYTES) -> bytes | None:
        """The bytes of a catalogue file, or None (reported): it must be a regular file in the
        catalogue folder, of at most `limit` bytes."""
        if not self.inside(path, "file"):
            return None
        try:
            info = os.stat(path)
        except FileNotFoundError:
            self.problem(
                path,
                _("missing file: a catalogue needs its {file} here", file=_file_kind(kind))
                if not os.path.islink(path)
                else _("is a link to a file that does not exist"),
            )
            return None
        except OSError as exc:
            self.problem(path, _("cannot be read: {reason}", reason=system_reason(exc)))
            return None
        if stat.S_ISDIR(info.st_mode):
            self.problem(
                path, _("is a folder; a catalogue needs its {file} here", file=_file_kind(kind))
            )
            return None
        if not stat.S_ISREG(info.st_mode):
            self.problem(
                path,
                _(
                    "is not a regular file (a pipe, device or socket); a catalogue "
                    "file is plain text"
                ),
            )
            return None
        if info.st_size > limit:
            self.problem(
                path,
                _(
                    "file is {size}; a catalogue file is at most {limit}, so it was not read",
                    size=_size(info.st_size),
                    limit=_size(limit),
                ),
            )
            return None
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        try:
            fd = os.open(path, flags)
            with os.fdopen(fd, "rb") as file:
                if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):  # replaced meanwhile
                    self.problem(path, _("is not a regular file; a catalogue file is plain text"))
                    return None
                raw = file.read(limit + 1)
        except PermissionError:
            self.problem(
                path,
                _(
                    "cannot be read: permission denied (let the account that runs "
                    "the check read it)"
                ),
            )
            return None
        except OSError as exc:
            self.problem(path, _("cannot be read: {reason}", reason=system_reason(exc)))
            return None
        if len(raw) > limit:
            self.problem(
                path,
                _(
                    "file is over {limit}; a catalogue file is at most that, so it was not read",
                    limit=_size(limit),
                ),
            )
            return None
        return raw

    def entries(self, folder: Path) -> list[os.DirEntry] | None:
        """The entries of a catalogue folder, sorted by name, or None (reported)."""
        if not self.inside(folder, "folder"):
            return None
        try:
            with os.scandir(folder) as found:
                entries = sorted(found, key=lambda e: e.name)
            self.verified.add(folder)
            return entries
        except NotADirectoryError:
            self.problem(folder, _("is a file; the catalogue needs a folder here"))
        except PermissionError:
            self.problem(folder, _("cannot be read: permission denied"))
        except OSError as exc:
            self.problem(folder, _("cannot be read: {reason}", reason=system_reason(exc)))
        return None

    def read(self, path: Path, kind: str) -> Source | None:
        """Parse and schema-check one file; None if it holds no data at all."""
        signature = None
        if self.cache is not None:
            kept = self.cache.source(path, kind)
            if kept is not None:
                self.check.problems.extend(kept[1])
                return kept[0]
            signature = self.cache.signature(path)  # before reading: a later write is seen
        limit = MAX_VOCABULARY_BYTES if kind == "vocabulary" else MAX_FILE_BYTES
        raw = self.read_bytes(path, kind, limit)
        if raw is None:
            return None
        src = parse_bytes(raw, display_path(path))
        problems = src.problems
        if src.data is not None:
            problems += check_schema(src, kind)
        self.check.problems.extend(problems)
        if self.cache is not None:
            self.cache.keep_source(
                path, kind, signature, src if src.data is not None else None, list(problems)
            )
        return src if src.data is not None else None

    def built(self, slot: tuple, inputs: tuple, make: Callable[[], Any]) -> Any:
        """`make()`, or with a cache what it made from the same `inputs` (the same objects),
        its problems reported again."""
        if self.cache is None:
            return make()
        return self.cache.built(slot, inputs, make, self.check.problems)

    def intern(self, slot: tuple, value: Any) -> Any:
        """`value`, or with a cache the equal object an earlier load made (so what is built
        from it, and the pages rendered from it, are known to be the same)."""
        return value if self.cache is None or value is None else self.cache.intern(slot, value)

    # ------------------------------------------------------------------ the catalogue

    def load(self) -> Catalog | None:
        if self.root.is_file():
            self.problem(self.root, _("not a catalogue: a file, not a folder"))
            return None
        if not os.path.lexists(self.root / COMPANY_FILE):
            self.problem(
                self.root, _("not a catalogue: no {file} in this folder", file=COMPANY_FILE)
            )
            return None
        company_src = self.read(self.root / COMPANY_FILE, "company")
        company = build_company(company_src, self.check) if company_src else None
        company = self.intern(("company",), company)  # its pictures are read each time
        vocabulary_src = self.read(self.root / VOCABULARY_FILE, "vocabulary")
        competencies, vocabulary, self.vocabulary_complete = self.built(
            ("vocabulary",),
            (vocabulary_src, company),
            lambda: self.load_vocabulary(vocabulary_src, company),
        )
        departments = self.load_departments(company_src, company, vocabulary)
        self.check_search_dictionary(self.root / SEARCH_DICTIONARY_FILE)
        if (
            company is None
            or competencies is None
            or any(not p.warning for p in self.check.problems)
        ):
            return None
        warnings = tuple(p for p in self.check.problems if p.warning)
        return Catalog(company, tuple(departments), tuple(competencies), warnings)

    def load_vocabulary(self, src: Source | None, company) -> tuple:
        """(competencies, {id: competency}, whether every entry has a readable id)."""
        competencies = build_vocabulary(src, company, self.check) if src else None
        vocabulary = {c.id: c for c in competencies} if competencies is not None else None
        complete = vocabulary is not None and all(
            src.shaped(("competencies", i, "id")) for i in range(len(src.data["competencies"]))
        )
        return competencies, vocabulary, complete

    def load_departments(self, company_src, company, vocabulary) -> list[Department]:
        base = self.root / DEPARTMENTS_DIR
        found = self.entries(base) if os.path.lexists(base) else []
        if found is None:  # reported: the departments are not known
            return []
        folders = [e.name for e in found if _is_dir(e)]
        listed = value(company_src, ("departments",)) if company_src else None
        from_company = listed is not None
        if listed is None:  # unknown: check each folder, as if listed in name order
            listed = folders
        folder_set = set(folders)  # sets: checks stay linear
        listed_set = {
            d
            for i, d in enumerate(listed)
            if not from_company or company_src.shaped(("departments", i))
        }
        # an entry that is not an id may be meant as any folder: none is called unlisted then
        if from_company and all(company_src.shaped(("departments", i)) for i in range(len(listed))):
            for name in folders:
                if name not in listed_set:
                    self.problem(
                        base / name,
                        _(
                            "department folder is not listed in {file} `departments`",
                            file=COMPANY_FILE,
                        ),
                    )
        departments = []
        seen_positions: dict[str, str] = {}
        done: set[str] = set()
        unlisted = [f for f in folders if f not in listed_set]
        for i, department_id in enumerate(listed):
            if from_company and not company_src.shaped(("departments", i)):
                continue  # not an id: reported by the schema
            if department_id in done:
                self.check.at(
                    company_src,
                    ("departments", i),
                    _("department '{id}' is listed twice", id=department_id),
                )
                continue
            done.add(department_id)
            reserved = reserved_name_problem(department_id)
            if reserved and from_company:
                self.check.at(company_src, ("departments", i), reserved)
                continue
            if department_id not in folder_set:
                if from_company:
                    self.check.at(
                        company_src,
                        ("departments", i),
                        _(
                            "no folder {folder}/ for this department{hint}",
                            folder=f"{DEPARTMENTS_DIR}/{department_id}",
                            hint=did_you_mean(department_id, unlisted),
                        ),
                    )
                continue
            department = self.load_department(
                base / department_id, company, vocabulary, seen_positions
            )
            if department:
                departments.append(department)
        return departments

    def load_department(
        self, folder: Path, company, vocabulary, seen_positions: dict[str, str]
    ) -> Department | None:
        found = self.entries(folder)
        if found is None:
            return None
        src = self.read(folder / DEPARTMENT_FILE, "department")
        order = value(src, ("positions",)) if src else None
        ordered = {p for i, p in enumerate(order or ()) if src.shaped(("positions", i))}
        files = {}
        refused: set[str] = set()  # reported as files: not reported again where listed
        for entry in found:
            path = Path(entry.path)
            if entry.name == DEPARTMENT_FILE or entry.name.startswith("."):
                continue
            if path.suffix == ".yml":
                self.problem(path, _("position files end in .yaml; rename it"))
            elif path.suffix != ".yaml":
                continue
            elif _is_dir(entry):
                self.problem(
                    path,
                    _(
                        "is a folder, named like a position file; a position is a "
                        ".yaml file (rename or remove the folder)"
                    ),
                )
                refused.add(path.stem)
            elif not SAFE_ID.match(path.stem):
                self.problem(
                    path,
                    _(
                        "{id} is not a safe position id: name the file with "
                        "lowercase ASCII letters, digits and single hyphens, e.g. "
                        "fin-analyst.yaml",
                        id=quote(path.stem),
                    ),
                    line=1,
                )
            elif reserved_name_problem(path.stem):
                if path.stem not in ordered:  # else reported where it is listed
                    self.problem(path, reserved_name_problem(path.stem), line=1)
            else:
                files[path.stem] = path
        if order is None:
            return None
        complete = all(src.shaped(("positions", i)) for i in range(len(order)))
        for position_id, path in files.items():
            if position_id not in ordered and complete:
                self.problem(
                    path,
                    _("position is not listed in {file} `positions`", file=DEPARTMENT_FILE),
                    line=1,
                )
        unlisted = [p for p in files if p not in ordered]
        positions: list[Position] = []
        listed_before: set[str] = set()
        for i, position_id in enumerate(order):
            if not src.shaped(("positions", i)):
                continue  # not an id: reported by the schema
            if position_id in listed_before:
                self.check.at(
                    src, ("positions", i), _("position '{id}' is listed twice", id=position_id)
                )
                continue
            listed_before.add(position_id)
            reserved = reserved_name_problem(position_id)
            if reserved:
                self.check.at(src, ("positions", i), reserved)
                continue
            if position_id in refused:
                continue
            if position_id not in files:
                self.check.at(
                    src,
                    ("positions", i),
                    _(
                        "no file {id}.yaml in this folder{hint}",
                        id=position_id,
                        hint=did_you_mean(position_id, unlisted),
                    ),
                )
                continue
            path = files[position_id]
            shown = display_path(path)
            if position_id in seen_positions:
                self.problem(
                    path,
                    _(
                        "duplicate position id '{id}': {other} has the same file name",
                        id=position_id,
                        other=seen_positions[position_id],
                    ),
                    line=1,
                )
                continue
            seen_positions[position_id] = shown
            position_src = self.read(path, "position")
            if position_src:
                position = self.built(
                    ("position", path),
                    (
                        position_src,
                        position_id,
                        folder.name,
                        company,
                        vocabulary,
                        self.vocabulary_complete,
                    ),
                    functools.partial(
                        build_position,
                        position_src,
                        position_id,
                        folder.name,
                        company,
                        vocabulary,
                        self.check,
                        vocabulary_complete=self.vocabulary_complete,
                    ),
                )
                if position:
                    positions.append(position)
        name = value(src, ("name",))
        if src.invalid or name is None:
            return None
        return self.intern(
            ("department", folder.name),
            Department(
                folder.name,
                name,
                tuple(positions),
                src.data.get("source_line"),
                src.data.get("source_title"),
            ),
        )

    # ------------------------------------------------------------------ search dictionary

    def check_search_dictionary(self, path: Path) -> None:
        """The jieba user dictionary: UTF-8, each line `word [frequency] [tag]` (jieba itself
        stops the build with a traceback on a file it cannot read)."""
        if not os.path.lexists(path):
            return
        raw = self.read_bytes(path, "search dictionary")
        if raw is None:
            return
        shown = display_path(path)
        problems: list[Problem] = []
        text = decode(raw, shown, problems)
        self.check.problems.extend(problems)
        if text is None:
            return
        for number, line in enumerate(text.split("\n"), 1):
            line = line.strip(" \t\r\v\f")
            if not line:
                continue
            message = _dictionary_line_problem(line)
            if message:
                self.check.problems.append(Problem(shown, number, "", message))


def _dictionary_line_problem(line: str) -> str | None:
    if "\t" in line:
        return _("the line holds a tab; separate word, frequency and tag with single spaces")
    invisible = next((c for c in line if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp")), None)
    if invisible is not None:
        return _(
            "the line holds the invisible character U+{code}; remove it (jieba cannot use "
            "the line)",
            code=f"{ord(invisible):04X}",
        )
    match = _DICTIONARY_LINE.match(line)
    if not match:
        return _(
            "expected 'word [frequency] [tag]' with single spaces between, e.g. '掉线率 "
            "20000 n' (a lowercase tag), got {line}",
            line=quote(line),
        )
    if match.group(2) and len(match.group(2)) > _MAX_FREQUENCY_DIGITS:
        return _(
            "frequency {value} is too large: at most {digits} digits",
            value=quote(match.group(2), 20),
            digits=_MAX_FREQUENCY_DIGITS,
        )
    return None
