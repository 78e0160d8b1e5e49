"""The departments/ folder walked: each department listed in company.yaml, each position
listed in its _department.yaml, and what is in the folders but not listed."""

from __future__ import annotations

import functools
import os
from pathlib import Path

from ..errors import quote
from ..messages import _
from ..model import Department, Position
from .files import COMPANY_FILE, DEPARTMENT_FILE, DEPARTMENTS_DIR, display_path, is_dir
from .validate import (
    SAFE_ID,
    build_position,
    did_you_mean,
    reserved_name_problem,
    value,
)


class DepartmentWalk:
    """Walking the departments (a part of the loader: it reads with CatalogFiles and
    builds with the loader's cache)."""

    def load_departments(self, company_src, company, vocabulary) -> list[Department]:
        base = self.root / DEPARTMENTS_DIR
        found = self.entries(base) if os.path.lexists(base) else []
        if found is None:  # reported: the departments are not known
            return []
        folders = [e.name for e in found if is_dir(e)]
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
            elif is_dir(entry):
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
