"""A new company's project, ready to build: `position-standards new DIR`.

The files live in `project/` beside this module; names that would be hidden or special in the
package (`.gitignore`, `.vscode/`, `.pre-commit-config.yaml`, `docs/.gitkeep`: the site's own
pages go into docs/, empty at first) are stored without their dot and get it when written.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from importlib.resources import files
from pathlib import Path

from ..messages import _

PROJECT = files(__package__) / "project"
SCHEMAS = files("generator") / "schemas"
DOTTED = {
    "gitignore": ".gitignore",
    "vscode": ".vscode",
    "gitkeep": ".gitkeep",
    "pre-commit-config.yaml": ".pre-commit-config.yaml",
}
SCHEMA_FOLDER = Path("catalog") / "schemas"


class StarterError(Exception):
    """The project cannot be written where it was asked for."""


def write_schemas(folder: str | os.PathLike) -> list[Path]:
    """Write the catalogue's JSON Schemas into `folder` (created); the paths written."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for schema in sorted(SCHEMAS.iterdir(), key=lambda p: p.name):
        if schema.name.endswith(".schema.json"):
            target = out / schema.name
            target.write_bytes(schema.read_bytes())
            written.append(target)
    return written


def write_project(folder: str | os.PathLike) -> Path:
    """Write a new project into `folder`, which must not exist or be empty; all or nothing."""
    target = Path(folder)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise StarterError(
            _(
                "{folder}: the folder is not empty; `new` writes a project only into a new or "
                "empty folder, so nothing was written",
                folder=target,
            )
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        _copy(PROJECT, staging)
        write_schemas(staging / SCHEMA_FOLDER)
        if target.exists():
            target.rmdir()
        os.replace(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(target, 0o777 & ~umask)  # mkdtemp makes it private; give it a normal folder's mode
    return target


def _copy(source, destination: Path) -> None:
    destination.mkdir(exist_ok=True)
    for item in source.iterdir():
        name = DOTTED.get(item.name, item.name)
        if item.is_dir():
            _copy(item, destination / name)
        elif not item.name.endswith((".pyc", ".pyo")):
            (destination / name).write_bytes(item.read_bytes())
