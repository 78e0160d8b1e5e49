"""load_catalog(directory) -> Catalog: the single entry point to the catalogue."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import CatalogError, Problem
from .model import Catalog, Department, Position
from .schema import check_schema
from .validate import SAFE_ID, Checker, build_company, build_position, build_vocabulary
from .yamlsrc import Source, read_yaml

COMPANY_FILE = "company.yaml"
VOCABULARY_FILE = "vocabulary.yaml"
DEPARTMENTS_DIR = "departments"
DEPARTMENT_FILE = "_department.yaml"


def load_catalog(directory: str | os.PathLike) -> Catalog:
    """Load and validate the catalogue in `directory`; raise CatalogError listing every error."""
    loader = _Loader(Path(directory))
    catalog = loader.load()
    if catalog is None or any(not p.warning for p in loader.check.problems):
        raise CatalogError(loader.check.problems)
    return catalog


def display_path(path: Path) -> str:
    """`path` as messages show it: relative to the working directory when inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


class _Loader:
    def __init__(self, root: Path):
        self.root = root
        self.check = Checker()

    def problem(self, path: Path, message: str, line: int = 0) -> None:
        self.check.problems.append(Problem(display_path(path), line, "", message))

    def read(self, path: Path, kind: str) -> Source | None:
        """Parse and schema-check one file; None unless it is fit to build from."""
        if not path.is_file():
            self.problem(path, f"missing file: a catalogue needs its {kind} file here")
            return None
        src = read_yaml(path, display_path(path))
        problems = src.problems
        if src.data is not None:
            problems += check_schema(src, kind)
        self.check.problems.extend(problems)
        return None if src.data is None or any(not p.warning for p in problems) else src

    def load(self) -> Catalog | None:
        if not (self.root / COMPANY_FILE).is_file():
            self.problem(self.root, f"not a catalogue: no {COMPANY_FILE} in this folder")
            return None
        company_src = self.read(self.root / COMPANY_FILE, "company")
        company = build_company(company_src, self.check) if company_src else None
        vocabulary_src = self.read(self.root / VOCABULARY_FILE, "vocabulary")
        competencies = (build_vocabulary(vocabulary_src, company, self.check)
                        if vocabulary_src else None)
        vocabulary = {c.id: c for c in competencies} if competencies is not None else None
        departments = self.load_departments(company_src, company, vocabulary)
        if company is None or competencies is None:
            return None
        warnings = tuple(p for p in self.check.problems if p.warning)
        return Catalog(company, tuple(departments), tuple(competencies), warnings)

    def load_departments(self, company_src, company, vocabulary) -> list[Department]:
        base = self.root / DEPARTMENTS_DIR
        folders = sorted(p.name for p in base.iterdir() if p.is_dir()) if base.is_dir() else []
        listed = company_src.data["departments"] if company_src else folders
        listed_set, folder_set = set(listed), set(folders)  # sets: checks stay linear
        for name in folders:
            if company_src and name not in listed_set:
                self.problem(base / name, f"department folder is not listed in {COMPANY_FILE} "
                             "`departments`")
        departments = []
        seen_positions: dict[str, str] = {}
        done: set[str] = set()
        for i, department_id in enumerate(listed):
            if department_id in done:
                self.check.at(company_src, ("departments", i),
                              f"department '{department_id}' is listed twice")
                continue
            done.add(department_id)
            if department_id not in folder_set:
                if company_src:
                    self.check.at(company_src, ("departments", i), f"no folder "
                                  f"{DEPARTMENTS_DIR}/{department_id}/ for this department")
                continue
            department = self.load_department(base / department_id, company, vocabulary,
                                              seen_positions)
            if department:
                departments.append(department)
        return departments

    def load_department(self, folder: Path, company, vocabulary,
                        seen_positions: dict[str, str]) -> Department | None:
        src = self.read(folder / DEPARTMENT_FILE, "department")
        files = {}
        for path in sorted(folder.iterdir()):
            if path.name == DEPARTMENT_FILE or path.name.startswith("."):
                continue
            if path.suffix == ".yml":
                self.problem(path, "position files end in .yaml; rename it")
            elif path.suffix == ".yaml":
                if SAFE_ID.match(path.stem):
                    files[path.stem] = path
                else:
                    self.problem(path, f"'{path.stem}' is not a safe position id: name the file "
                                 "with lowercase ASCII letters, digits and single hyphens, "
                                 "e.g. fin-analyst.yaml", line=1)
        if src is None:
            return None
        order = src.data["positions"]
        ordered = set(order)
        for position_id in files:
            if position_id not in ordered:
                self.problem(files[position_id], f"position is not listed in {DEPARTMENT_FILE} "
                             "`positions`", line=1)
        positions: list[Position] = []
        listed_before: set[str] = set()
        for i, position_id in enumerate(order):
            if position_id in listed_before:
                self.check.at(src, ("positions", i), f"position '{position_id}' is listed twice")
                continue
            listed_before.add(position_id)
            if position_id not in files:
                self.check.at(src, ("positions", i), f"no file {position_id}.yaml in this folder")
                continue
            path = files[position_id]
            shown = display_path(path)
            if position_id in seen_positions:
                self.problem(path, f"duplicate position id '{position_id}': "
                             f"{seen_positions[position_id]} has the same file name", line=1)
                continue
            seen_positions[position_id] = shown
            position_src = self.read(path, "position")
            if position_src:
                positions.append(build_position(position_src, position_id, folder.name,
                                                company, vocabulary, self.check))
        return Department(folder.name, src.data["name"], tuple(positions),
                          src.data.get("source_line"), src.data.get("source_title"))
