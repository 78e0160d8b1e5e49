"""load_catalog(directory) -> Catalog: the single entry point to the catalogue."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from .errors import CatalogError, Problem
from .messages import _
from .model import Catalog
from .source.company import build_company
from .source.departments import DepartmentWalk
from .source.dictionary import SearchDictionaryCheck
from .source.files import (
    COMPANY_FILE,
    DEPARTMENT_FILE,
    DEPARTMENTS_DIR,
    LARGEST_FILE_BYTES,
    MAX_FILE_BYTES,
    MAX_VOCABULARY_BYTES,
    SEARCH_DICTIONARY_FILE,
    VOCABULARY_FILE,
    CatalogFiles,
    display_path,
)
from .source.schema import check_schema
from .source.vocabulary import build_vocabulary
from .source.yamlsrc import Source, parse_bytes

__all__ = [
    "COMPANY_FILE",
    "DEPARTMENTS_DIR",
    "DEPARTMENT_FILE",
    "LARGEST_FILE_BYTES",
    "MAX_FILE_BYTES",
    "MAX_VOCABULARY_BYTES",
    "SEARCH_DICTIONARY_FILE",
    "VOCABULARY_FILE",
    "LoadCache",
    "display_path",
    "load_catalog",
]


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


class _Loader(CatalogFiles, DepartmentWalk, SearchDictionaryCheck):
    def __init__(self, root: Path, cache: LoadCache | None = None):
        super().__init__(root)
        self.cache = cache
        self.vocabulary_complete = True

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
