"""Catalog + site_templates/ -> {src_uri: content} of every generated page and data file.

No MkDocs here: the plugin, `python -m generator render` and the tests call the same code.
"""

from __future__ import annotations

import functools
import os
import posixpath
from dataclasses import dataclass
from pathlib import Path, PurePath

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .catalog import DEPARTMENT_FILE, DEPARTMENTS_DIR, VOCABULARY_FILE
from .escape import markdown_inline as escape_markdown
from .escape import nav_title, script_json
from .export import (
    catalog_to_data,
    competency_to_data,
    position_to_data,
    scoring_to_data,
    to_json,
)
from .model import (
    GROUP_NAMES,
    GROUPS,
    Catalog,
    Competency,
    Department,
    Position,
    format_number,
)
from .resources import SCHEMAS, TEMPLATES
from .scoring.score import calculator_rules
from .versions.changes import VersionChanges
from .versions.format import format_markdown

TEMPLATES_DIR = TEMPLATES  # the package's page templates (generator/resources.py)
HOME = "index.md"
DEPARTMENTS = "departments/index.md"
GLOSSARY = "glossary/index.md"
MATRIX = "matrix/index.md"
SCORING = "scoring.md"
DOWNLOADS = "downloads.md"
CALCULATOR = "calculator.md"
CHANGELOG = "changelog.md"
COMPARE = "compare.md"
CATALOG_JSON = "downloads/catalog.json"
SCHEMAS_FOLDER = "downloads/schemas"
CATALOG_XLSX = "downloads/catalog.xlsx"
# The company's logo and favicon, at their paths in the catalogue folder under this one (the
# theme overrides in site_templates/theme/ link them from here).
COMPANY_PICTURES = "assets/company"
# Long lists (departments, glossary, matrix index) are split into pages of this many rows,
# and the home page lists at most this many departments, so no page grows with the catalogue.
PAGE_SIZE = 200
HOME_DEPARTMENTS = 30
CALCULATOR_DATA = "data/calculator"


def department_uri(department: Department | str) -> str:
    return f"departments/{getattr(department, 'id', department)}/index.md"


def position_uri(position: Position) -> str:
    return f"departments/{position.department_id}/{position.id}.md"


def competency_uri(competency: Competency | str) -> str:
    return f"glossary/{getattr(competency, 'id', competency)}.md"


def matrix_uri(department: Department) -> str:
    return f"matrix/{department.id}.md"


def position_json_uri(position: Position) -> str:
    return f"downloads/positions/{position.id}.json"


@dataclass(frozen=True)
class Usage:
    """Where a competency is used: positions per group (core, reference, attitude)."""

    by_group: dict[str, tuple[Position, ...]]

    @property
    def count(self) -> int:
        return sum(len(v) for v in self.by_group.values())


def competency_usage(catalog: Catalog) -> dict[str, Usage]:
    """Every competency's usage, in one pass over the positions."""
    found: dict[str, dict[str, list[Position]]] = {}
    for position in catalog.positions():
        for group in GROUPS:
            for competency_id in position.competencies[group]:
                found.setdefault(competency_id, {g: [] for g in GROUPS})[group].append(position)
    unused = Usage({g: () for g in GROUPS})
    return {
        c.id: Usage({g: tuple(p) for g, p in found[c.id].items()}) if c.id in found else unused
        for c in catalog.competencies
    }


class PageCache:
    """Generated files kept from one SiteRenderer to the next (`mkdocs serve`), each with the
    inputs it was made from: a file whose inputs are the same objects again (the catalogue's
    loader gives unchanged files' objects again) is not made again.

    The inputs are what the package's own templates read, listed where each file is made;
    a template a site replaces may read anything, so its pages are always rendered."""

    def __init__(self) -> None:
        self.files: dict[str, tuple[tuple, str | bytes]] = {}
        self.made = 0  # files made (not taken from here) by the last SiteRenderer

    def get(self, uri: str, inputs: tuple) -> str | bytes | None:
        kept = self.files.get(uri)
        return kept[1] if kept is not None and kept[0] == inputs else None

    def put(self, uri: str, inputs: tuple, content: str | bytes) -> None:
        self.made += 1
        self.files[uri] = (inputs, content)

    def keep_only(self, uris) -> None:
        """Forget the files that are gone."""
        for uri in [u for u in self.files if u not in uris]:
            del self.files[uri]


class SiteRenderer:
    """Renders the site's generated pages from one catalogue."""

    def __init__(
        self,
        catalog: Catalog,
        templates_dir: Path = TEMPLATES_DIR,
        calculator: bool = True,
        history: list[VersionChanges] | None = None,
        workbook: bool = True,
        workbook_inline: bool = True,
        cache: PageCache | None = None,
        catalog_json_inline: bool = True,
    ):
        self.catalog = catalog
        self.cache = cache
        if cache is not None:
            cache.made = 0
        self.calculator = calculator
        self.workbook = workbook
        # False: the workbook's file is left empty here and written by the caller (the plugin
        # makes it in another process while MkDocs renders the pages)
        self.workbook_inline = workbook_inline
        # False: the same for the catalogue's JSON download (`mkdocs serve` writes both once
        # the edits settle)
        self.catalog_json_inline = catalog_json_inline
        company = catalog.company
        self.history = history or [VersionChanges(company.version, company.effective_date, None)]
        current = self.history[0].diff
        self.current_changes = {p.id: p for p in current.positions()} if current else {}
        self.env = Environment(
            loader=FileSystemLoader([str(d) for d in _folders(templates_dir)]),
            undefined=StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
            autoescape=False,
        )
        self.env.filters["md"] = escape_markdown
        self.env.filters["number"] = format_number
        self.departments = {d.id: d for d in catalog.departments}
        self.usage = competency_usage(catalog)
        self.position_data: dict[str, dict] = {}  # each position's JSON, made once per build
        self._own_templates: dict[str, bool] = {}

    def cached(self, uri: str, inputs: tuple, make, *args):
        """`make(*args)`, the content of `uri`, unless the cache holds it made from `inputs`."""
        if self.cache is None:
            return make(*args)
        inputs = (self.catalog.company, self.calculator, self.workbook, *inputs)
        content = self.cache.get(uri, inputs)
        if content is None:
            content = make(*args)
            self.cache.put(uri, inputs, content)
        return content

    def _own_template(self, template: str) -> bool:
        """Whether `template` is the package's own (its inputs are known), not a site's."""
        if template not in self._own_templates:
            found = Path(self.env.get_template(template).filename).resolve().parent
            self._own_templates[template] = found == TEMPLATES_DIR.resolve()
        return self._own_templates[template]

    def render(self, template: str, uri: str, *, inputs: tuple | None = None, **context) -> str:
        """The page `uri` from `template`; with `inputs` (everything the package's template
        reads besides the company and the site's options), taken from the cache if it holds
        the page made from the same."""
        if inputs is not None and self.cache is not None and self._own_template(template):
            return self.cached(uri, (template, *inputs), self._render, template, uri, context)
        return self._render(template, uri, context)

    def _render(self, template: str, uri: str, context: dict) -> str:
        folder = posixpath.dirname(uri) or "."

        def link(target: str) -> str:
            return _relative(target, folder)

        return self.env.get_template(template).render(
            catalog=self.catalog,
            company=self.catalog.company,
            link=link,
            uri=uri,
            group_names=GROUP_NAMES,
            groups=GROUPS,
            calculator=self.calculator,
            department_uri=department_uri,
            position_uri=position_uri,
            competency_uri=competency_uri,
            matrix_uri=matrix_uri,
            position_json_uri=position_json_uri,
            pages=_PAGES,
            workbook=self.workbook,
            pager_links=pager_links,
            **context,
        )

    def pages(self) -> dict[str, str | bytes]:
        """Every generated file: Markdown pages and downloads, in a stable order."""
        catalog = self.catalog
        out = {HOME: self.render("home.md.j2", HOME, home_limit=HOME_DEPARTMENTS)}
        for pager in paginate(DEPARTMENTS, list(catalog.departments), PAGE_SIZE):
            out[pager.uri] = self.render("departments.md.j2", pager.uri, pager=pager)
        for department in catalog.departments:
            uri = department_uri(department)
            out[uri] = self.render(
                "department.md.j2", uri, department=department, inputs=(department,)
            )
            for position in department.positions:
                out[position_uri(position)] = self.render_position_page(position)
                json_uri = position_json_uri(position)
                out[json_uri] = self.cached(json_uri, (position,), self._position_json, position)
        ordered = sorted(catalog.competencies, key=lambda c: c.kind != "能力")  # stable
        for pager in paginate(GLOSSARY, ordered, PAGE_SIZE):
            out[pager.uri] = self.render("glossary.md.j2", pager.uri, usage=self.usage, pager=pager)
        for competency in catalog.competencies:
            out[competency_uri(competency)] = self.render_competency_page(competency)
        for pager in paginate(MATRIX, list(catalog.departments), PAGE_SIZE):
            out[pager.uri] = self.render("matrix_index.md.j2", pager.uri, pager=pager)
        for department in catalog.departments:
            uri = matrix_uri(department)
            rows = matrix_rows(catalog, department)
            out[uri] = self.render(
                "matrix.md.j2", uri, department=department, rows=rows, inputs=(department, rows)
            )
        out[COMPARE] = self.render("compare.md.j2", COMPARE)
        out[SCORING] = self.render("scoring.md.j2", SCORING)
        out[DOWNLOADS] = self.render(
            "downloads.md.j2",
            DOWNLOADS,
            schema_names=[posixpath.basename(u) for u in schema_files()],
        )
        out[CHANGELOG] = self.render(
            "changelog.md.j2", CHANGELOG, history=self.history, format_markdown=format_markdown
        )
        out[CATALOG_JSON] = (
            to_json(catalog_to_data(catalog), compact=True) if self.catalog_json_inline else ""
        )
        out.update(schema_files())
        for picture in (catalog.company.logo, catalog.company.favicon):
            if picture is not None:
                out[f"{COMPANY_PICTURES}/{picture.path}"] = picture.data
        if self.workbook and self.workbook_inline:
            from .excel.write import workbook_bytes  # openpyxl takes half a second to import

            out[CATALOG_XLSX] = workbook_bytes(catalog)
        elif self.workbook:
            out[CATALOG_XLSX] = b""
        out.update(self.calculator_data())  # the compare page reads it too
        return out

    def sources(self) -> dict[str, str]:
        """The catalogue file each page is made from, by page (paths in the catalogue folder):
        a position's YAML, a department's _department.yaml, a glossary entry's vocabulary.yaml.
        What "edit this page" opens; see source_edit_uri."""
        out = {}
        for department in self.catalog.departments:
            folder = f"{DEPARTMENTS_DIR}/{department.id}"
            out[department_uri(department)] = f"{folder}/{DEPARTMENT_FILE}"
            for position in department.positions:
                out[position_uri(position)] = f"{folder}/{PurePath(position.source_file).name}"
        for competency in self.catalog.competencies:
            out[competency_uri(competency)] = VOCABULARY_FILE
        return out

    def _position_json(self, position: Position) -> str:
        self.position_data[position.id] = data = position_to_data(position)
        return to_json(data, compact=True)

    def calculator_data(self) -> dict[str, str]:
        """The calculator's data: one small script per position (all it needs to score it),
        one per department for choosing, and an index of titles loaded only for search.
        Scripts rather than JSON files, so the calculator also works opened from file://."""
        catalog = self.catalog
        company = catalog.company
        # The company's settings and the fixed rules (weight total, groups): the calculator
        # applies these and restates none of them.
        settings = {
            "version": company.version,
            "scoring": scoring_to_data(company.scoring),
            "rules": calculator_rules(),
        }
        departments = [
            {"id": d.id, "name": d.name, "positions": len(d.positions)} for d in catalog.departments
        ]
        out = calculator_script(
            "departments", {"version": company.version, "departments": departments}
        )
        # The settings alone, for the team view (grade bands and their guidance).
        out.update(calculator_script("company", settings))
        index = []
        for department in catalog.departments:
            listing = [
                {"id": p.id, "title": p.title, "status": p.status} for p in department.positions
            ]
            name = f"departments/{department.id}"
            out[script_uri(name)] = self.cached(
                script_uri(name), (department,), _script, name, listing
            )
            index.extend({**item, "department": department.name} for item in listing)
            for position in department.positions:
                used = tuple(
                    catalog.competency(i) for g in GROUPS for i in position.competencies[g]
                )
                name = f"positions/{position.id}"
                out[script_uri(name)] = self.cached(
                    script_uri(name),
                    (department.name, position, used),
                    self._position_script,
                    name,
                    settings,
                    department,
                    position,
                    used,
                )
        out.update(calculator_script("index", index))
        return out

    def _position_script(
        self,
        name: str,
        settings: dict,
        department: Department,
        position: Position,
        used: tuple[Competency, ...],
    ) -> str:
        data = self.position_data.get(position.id) or position_to_data(position)
        competencies = {c.id: competency_to_data(c) for c in used}
        return _script(
            name,
            {
                **settings,
                "department": department.name,
                "position": data,
                "competencies": competencies,
            },
        )

    def render_position_page(self, position: Position) -> str:
        uri = position_uri(position)
        department = self.departments[position.department_id]
        current, changed = self.history[0], self.current_changes.get(position.id)
        used = tuple(self.catalog.competency(i) for g in GROUPS for i in position.competencies[g])
        return self.render(
            "position.md.j2",
            uri,
            position=position,
            department=department,
            current=current,
            changed=changed,
            inputs=(position, department, current.version, current.effective_date, changed, used),
        )

    def render_competency_page(self, competency: Competency) -> str:
        uri = competency_uri(competency)
        usage = self.usage[competency.id]
        names = tuple(
            self.departments[p.department_id].name
            for group in usage.by_group.values()
            for p in group
        )
        return self.render(
            "competency.md.j2",
            uri,
            competency=competency,
            usage=usage,
            departments=self.departments,
            inputs=(competency, usage, names),
        )


def source_edit_uri(source: Path, docs_dir: str | os.PathLike) -> str:
    """A page's edit_uri (MkDocs' File.edit_uri) for the catalogue file `source`: its path from
    the docs folder, as mkdocs-gen-files' set_edit_path gives it, so MkDocs joins it to
    repo_url and edit_uri: ../catalog/departments/finance/fin-manager.yaml."""
    return PurePath(os.path.relpath(source, docs_dir)).as_posix()


def calculator_script(name: str, data: object) -> dict[str, str]:
    """{uri: script} registering `data` under `name` for the calculator (data.js loadData)."""
    return {script_uri(name): _script(name, data)}


def script_uri(name: str) -> str:
    return f"{CALCULATOR_DATA}/{name}.js"


def _script(name: str, data: object) -> str:
    return f"(window.__positionCatalog ??= {{}})[{script_json(name)}] = {script_json(data)};\n"


def expand_departments(nav: list, title: str, catalog: Catalog, limit: int = 50) -> list:
    """The nav with its `title: departments/index.md` entry turned into a section that lists
    the overview and every department (never the positions: each page carries the nav).
    Past `limit` departments the entry stays the overview page alone, for the same reason."""
    if len(catalog.departments) > limit:
        return nav
    section = [{"总览": DEPARTMENTS}] + [
        {nav_title(d.name): department_uri(d)} for d in catalog.departments
    ]
    return [
        {title: section} if isinstance(item, dict) and item.get(title) == DEPARTMENTS else item
        for item in nav
    ]


def matrix_rows(catalog: Catalog, department: Department) -> list[tuple[Competency, list[str]]]:
    """The competencies a department's positions use (in glossary order), each with one cell
    per position; the work grows with the department, not with the glossary."""
    cells: dict[str, list[str]] = {}
    for column, position in enumerate(department.positions):
        for group in GROUPS:
            for competency_id in position.competencies[group]:
                row = cells.setdefault(competency_id, [""] * len(department.positions))
                row[column] = GROUP_NAMES[group][:2]
    order = catalog.competency_order()
    return [(catalog.competency(i), cells[i]) for i in sorted(cells, key=order.__getitem__)]


@dataclass(frozen=True)
class Pager:
    """One page of a long list: its items and the links to the other pages."""

    items: tuple
    number: int
    uris: tuple[str, ...]  # every page's uri, page 1 first

    @property
    def uri(self) -> str:
        return self.uris[self.number - 1]


def pager_links(pager: Pager, link) -> str:
    """The Markdown line that moves between the pages of a long list (empty for one page)."""
    if len(pager.uris) == 1:
        return ""
    parts = [f"第 {pager.number} / {len(pager.uris)} 页："]
    for number, uri in enumerate(pager.uris, 1):
        parts.append(f"**{number}**" if number == pager.number else f"[{number}]({link(uri)})")
    return " ".join(parts)


def paginate(first_uri: str, items: list, size: int) -> list[Pager]:
    """Split `items` into pages of `size`: `x/index.md`, then `x/page-2.md`, ..."""
    chunks = [tuple(items[i : i + size]) for i in range(0, len(items), size)] or [()]
    folder = posixpath.dirname(first_uri)
    uris = tuple(
        [first_uri] + [posixpath.join(folder, f"page-{n}.md") for n in range(2, len(chunks) + 1)]
    )
    return [Pager(chunk, n, uris) for n, chunk in enumerate(chunks, 1)]


_PAGES = {
    "home": HOME,
    "departments": DEPARTMENTS,
    "changelog": CHANGELOG,
    "glossary": GLOSSARY,
    "matrix": MATRIX,
    "scoring": SCORING,
    "downloads": DOWNLOADS,
    "calculator": CALCULATOR,
    "compare": COMPARE,
    "catalog_json": CATALOG_JSON,
    "catalog_xlsx": CATALOG_XLSX,
}


def schema_files() -> dict[str, bytes]:
    """The catalogue files' JSON Schemas, published beside the data downloads."""
    return {
        f"{SCHEMAS_FOLDER}/{path.name}": path.read_bytes()
        for path in sorted(SCHEMAS.glob("*.schema.json"))
    }


def _folders(templates: Path | list[Path]) -> list[Path]:
    """Template folders, first wins: a site's own, then the package's."""
    return [templates] if isinstance(templates, (str, Path)) else list(templates)


@functools.lru_cache(maxsize=65536)
def _relative(target: str, folder: str) -> str:
    """A link from a page in `folder` to `target` (most pages share a few folders)."""
    return posixpath.relpath(target, folder)
