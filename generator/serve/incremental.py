"""Which files a rebuild of `mkdocs serve` writes again, and what it removes.

The rebuild runs as MkDocs' `--dirty` build: MkDocs reads, renders and writes only the pages
and files whose `is_modified()` is true. MkDocs 1.6 makes a page added in memory
(`File.generated(content=…)`) always modified, so the plugin adds `GeneratedFile`s instead,
modified when their content differs from the previous build's.

A page shows more than its own content: Material renders the nav, the company (footer, logo)
and the theme into every page. `SiteState` is what all pages share; when it changes, every
page is written again. Hand-written pages are also written again when a page was added or
removed (a link of theirs may now resolve differently), and a nav page without a title of
its own always is (MkDocs takes its title from its content, which a dirty build does not
read). What a dirty build does not clean is removed here: the output of files that are gone.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page


class GeneratedFile(File):
    """A generated file whose `is_modified()` tells the truth: whether its content differs
    from what the previous build wrote."""

    modified = True

    def is_modified(self) -> bool:
        return self.modified


def _always_modified() -> bool:
    return True


def mark_modified(file: File) -> None:
    """Have MkDocs write `file` again in a dirty build."""
    if isinstance(file, GeneratedFile):
        file.modified = True
    else:  # a hand-written page: MkDocs compares its modification times
        file.is_modified = _always_modified  # type: ignore[method-assign]


def nav_outline(nav: Navigation) -> tuple:
    """The nav as every page renders it: titles, kinds and URLs, nested."""

    def outline(items) -> tuple:
        out = []
        for item in items:
            if isinstance(item, Section):
                out.append(("section", item.title, outline(item.children)))
            elif isinstance(item, Page):
                out.append(("page", item.title, item.file.src_uri, item.url))
            elif isinstance(item, Link):
                out.append(("link", item.title, item.url))
        return tuple(out)

    return outline(nav.items)


def folder_signature(folders: Iterable[str | os.PathLike]) -> tuple:
    """Every file under `folders`, with its size and modification time."""
    out = []
    for folder in folders:
        for root, dirs, names in os.walk(folder):
            dirs.sort()
            for name in sorted(names):
                path = os.path.join(root, name)
                try:
                    info = os.stat(path)
                except OSError:
                    continue
                out.append((path, info.st_size, info.st_mtime_ns))
    return tuple(out)


@dataclass
class SiteState:
    """What every page of the site shows besides its own content."""

    config: bytes  # mkdocs.yml as written
    theme: tuple  # the theme's own templates (folder_signature of the site's overrides)
    company: object
    nav: tuple = ()


@dataclass
class BuildRecord:
    """What the previous build of `mkdocs serve` wrote: each generated file's content, the
    shared state, and every file's output path."""

    state: SiteState | None = None
    contents: dict[str, str | bytes] = field(default_factory=dict)
    outputs: set[str] = field(default_factory=set)
    pages: frozenset[str] = frozenset()
    complete: bool = False  # False: no build yet, or the last one failed part way

    def changed(self, uri: str, content: str | bytes) -> bool:
        before = self.contents.get(uri)
        return before is None or (before is not content and before != content)


def mark_for_rebuild(
    files: Files, nav: Navigation, record: BuildRecord, state: SiteState, keep: Iterable[str]
) -> bool:
    """Mark what this build must write beyond the generated files whose content changed;
    whether that is everything. `keep`: generated files written apart (never by MkDocs)."""
    pages = frozenset(f.src_uri for f in files.documentation_pages())
    everything = not record.complete or record.state != state
    pages_changed = pages != record.pages
    kept = set(keep)
    for file in files:
        if file.src_uri in kept:
            continue
        if file.is_documentation_page():
            if everything or (pages_changed and not isinstance(file, GeneratedFile)):
                mark_modified(file)
        elif file.generated_by and not record.complete:  # a failed build may have left it
            mark_modified(file)
    for page in nav.pages:
        if page.title is None:  # its title comes from its content
            mark_modified(page.file)
    return everything


def remove_stale(
    site_dir: str, record: BuildRecord, outputs: set[str], keep: Iterable[str] = ()
) -> int:
    """Remove what earlier builds wrote for files that are gone; how many files. After a
    failed build every file under `site_dir` that no file of this build writes goes, except
    the folders and files in `keep` (written apart: the search index, the downloads)."""
    if record.complete:
        stale = record.outputs - outputs
    else:
        kept = {os.path.normpath(os.path.join(site_dir, k)) for k in keep}
        stale = set()
        for root, dirs, names in os.walk(site_dir):
            dirs[:] = [d for d in dirs if os.path.join(root, d) not in kept]
            stale.update(
                p
                for p in (os.path.join(root, n) for n in names)
                if p not in outputs and p not in kept
            )
    removed = 0
    for path in stale:
        try:
            os.unlink(path)
            removed += 1
        except FileNotFoundError:
            continue
        except IsADirectoryError:
            shutil.rmtree(path, ignore_errors=True)
        _remove_empty_folders(Path(path).parent, Path(site_dir))
    return removed


def _remove_empty_folders(folder: Path, top: Path) -> None:
    while folder != top and top in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
