"""Catalog + site_templates/ -> {src_uri: content} of every generated page and data file.

No MkDocs here: the plugin, `python -m generator render` and the tests call the same code.
Where each file goes is `site_paths.py`; what the pages list comes from `usage.py` and
`pagination.py`.
"""

from __future__ import annotations

import posixpath
from pathlib import Path, PurePath

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .calculator_data import calculator_files
from .catalog import DEPARTMENT_FILE, DEPARTMENTS_DIR, VOCABULARY_FILE
from .escape import markdown_inline as escape_markdown
from .export import (
    catalog_to_data,
    position_to_data,
    to_json,
)
from .model import (
    GROUP_NAMES,
    GROUPS,
    Catalog,
    Competency,
    Position,
    format_number,
)
from .page_cache import PageCache
from .pagination import pager_links, paginate
from .site_paths import (
    _PAGES,
    CALCULATOR,
    CALCULATOR_DATA,
    CATALOG_JSON,
    CATALOG_XLSX,
    CHANGELOG,
    COMPANY_PICTURES,
    COMPARE,
    DEPARTMENTS,
    DOWNLOADS,
    GLOSSARY,
    HOME,
    HOME_DEPARTMENTS,
    MATRIX,
    PAGE_SIZE,
    SCORING,
    TEMPLATES_DIR,
    calculator_script,
    competency_uri,
    department_uri,
    expand_departments,
    matrix_uri,
    position_json_uri,
    position_uri,
    schema_files,
    source_edit_uri,
)
from .usage import competency_usage, matrix_rows
from .versions.changes import VersionChanges
from .versions.format import format_markdown


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
        """The calculator's data scripts (calculator_data.py)."""
        return calculator_files(self)

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


def _folders(templates: Path | list[Path]) -> list[Path]:
    """Template folders, first wins: a site's own, then the package's."""
    return [templates] if isinstance(templates, (str, Path)) else list(templates)


def _relative(target: str, folder: str) -> str:
    """A link from a page in `folder` to `target`, both paths in the site as the renderer
    names them (no `.`, `..` or empty parts): what posixpath.relpath gives, without its
    absolute paths (the site links pages of many folders to each other at 100x)."""
    if folder == ".":
        return target
    parts, base = target.split("/"), folder.split("/")
    same = 0
    while same < len(base) and same < len(parts) and parts[same] == base[same]:
        same += 1
    return "/".join([".."] * (len(base) - same) + parts[same:]) or "."


# Names other modules import from here (the page paths live in site_paths.py).
__all__ = [
    "CALCULATOR",
    "CALCULATOR_DATA",
    "CATALOG_JSON",
    "CATALOG_XLSX",
    "DEPARTMENTS",
    "HOME",
    "PAGE_SIZE",
    "TEMPLATES_DIR",
    "PageCache",
    "SiteRenderer",
    "calculator_script",
    "competency_uri",
    "competency_usage",
    "department_uri",
    "expand_departments",
    "matrix_rows",
    "position_uri",
    "source_edit_uri",
]
