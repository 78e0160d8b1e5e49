"""Where each generated page and data file goes, and the nav entry that lists departments.

One home for the site's paths: the renderer, the plugin, `mkdocs serve` and the second engine
all name pages and downloads through these.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePath

from .escape import nav_title, script_json
from .model import Catalog, Competency, Department, Position
from .resources import SCHEMAS, TEMPLATES

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


def schema_files() -> dict[str, bytes]:
    """The catalogue files' JSON Schemas, published beside the data downloads."""
    return {
        f"{SCHEMAS_FOLDER}/{path.name}": path.read_bytes()
        for path in sorted(SCHEMAS.glob("*.schema.json"))
    }
