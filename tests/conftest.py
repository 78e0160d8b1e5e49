from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

# The suite pins the English messages (and tests/test_messages_*.py the Chinese ones, asking
# for them explicitly); commands run by the tests inherit this.
os.environ.setdefault("POSITION_STANDARDS_LANG", "en")

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


@pytest.fixture(scope="session")
def real_site(tmp_path_factory):
    """The real catalogue built once with `mkdocs build --strict`: (site folder, process)."""
    from sitebuild import build, site_config

    tmp = tmp_path_factory.mktemp("real")
    result = build(site_config(tmp, REAL_CATALOG), tmp / "site")
    assert result.returncode == 0, result.stderr
    return tmp / "site", result


@pytest.fixture(scope="session")
def site_url(real_site):
    """The real site served on 127.0.0.1."""
    from browser import serve

    with serve(real_site[0]) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session."""
    from browser import chromium

    with chromium() as instance:
        yield instance


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def mini(tmp_path, monkeypatch) -> CatalogCopy:
    """The small fixture catalogue at ./catalog of a temporary working directory."""
    shutil.copytree(MINI_CATALOG, tmp_path / "catalog")
    monkeypatch.chdir(tmp_path)
    return CatalogCopy(tmp_path / "catalog")
