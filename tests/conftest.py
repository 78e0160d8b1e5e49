from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REAL_CATALOG = ROOT / "catalog"
MINI_CATALOG = Path(__file__).resolve().parent / "fixtures" / "mini"


class CatalogCopy:
    """A catalogue copied into a temporary folder, with small editing helpers."""

    def __init__(self, root: Path):
        self.root = root

    def path(self, relative: str) -> Path:
        return self.root / relative

    def replace(self, relative: str, old: str, new: str, count: int = 1) -> None:
        path = self.path(relative)
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new, count), encoding="utf-8")

    def write(self, relative: str, text: str | bytes) -> None:
        path = self.path(relative)
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")

    def remove(self, relative: str) -> None:
        self.path(relative).unlink()

    def rename(self, relative: str, new: str) -> None:
        self.path(relative).rename(self.path(new))


@pytest.fixture
def mini(tmp_path, monkeypatch) -> CatalogCopy:
    """The small fixture catalogue at ./catalog of a temporary working directory."""
    shutil.copytree(MINI_CATALOG, tmp_path / "catalog")
    monkeypatch.chdir(tmp_path)
    return CatalogCopy(tmp_path / "catalog")
