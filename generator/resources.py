"""Where the package's own files are: page templates, hand-written pages and assets, schemas.

In an installed wheel they sit inside the package (`generator/site_templates/`,
`generator/docs/`), mapped there by pyproject.toml from the repository's top-level
`site_templates/` and `docs/`; in a source checkout (or an editable install) they are those
top-level folders themselves.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def _packaged(name: str) -> Path:
    inside = PACKAGE / name
    return inside if inside.is_dir() else PACKAGE.parent / name


TEMPLATES = _packaged("site_templates")  # Jinja templates of the generated pages
DOCS = _packaged("docs")  # the tool's own pages (calculator, team view, guide) and assets
SCHEMAS = PACKAGE / "schemas"  # JSON Schemas of the catalogue files
THEME_OVERRIDES = "theme"  # under a templates folder: Jinja overrides of the theme's own


def docs_files() -> list[str]:
    """The tool's own pages and assets, as paths relative to DOCS (`assets/catalog.css`, …)."""
    return sorted(
        path.relative_to(DOCS).as_posix()
        for path in DOCS.rglob("*")
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(DOCS).parts)
    )
