"""The sizes of a built site: its pages and search index, and the files the calculator
needs to open on one position."""

from __future__ import annotations

import gzip
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit


def page_path(site: Path, uri: str) -> Path:
    """The HTML file of a page's URL path (directory URLs: <uri>/index.html)."""
    path = site / uri.strip("/")
    return path / "index.html" if not path.suffix else path


def site_sizes(site: Path, position_uri: str, department_uri: str) -> dict[str, Any]:
    """Total size, page count, search index, sitemap, one position page and its department's
    page, the largest page, and the pages of each top-level section."""
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html"]
    largest = max(pages, key=lambda p: p.stat().st_size)
    position = page_path(site, position_uri)
    department = page_path(site, department_uri)

    def size(path: Path) -> int | None:
        return path.stat().st_size if path.is_file() else None

    sections: dict[str, dict[str, int]] = {}
    for page in pages:
        parts = page.relative_to(site).parts
        section = sections.setdefault(parts[0] if len(parts) > 1 else "(top)",
                                      {"pages": 0, "bytes": 0, "largest_bytes": 0})
        bytes_ = page.stat().st_size
        section["pages"] += 1
        section["bytes"] += bytes_
        section["largest_bytes"] = max(section["largest_bytes"], bytes_)
    return {
        "files": len(files),
        "html_pages": len(pages),
        "total_bytes": sum(p.stat().st_size for p in files),
        "html_bytes": sum(p.stat().st_size for p in pages),
        "search_index_bytes": (search_index_size(site) or {}).get("bytes"),
        "sitemap_bytes": size(site / "sitemap.xml"),
        "position_page": {"path": _relative(position, site), "bytes": size(position)},
        "department_page": {"path": _relative(department, site), "bytes": size(department)},
        "largest_page": {"path": _relative(largest, site), "bytes": largest.stat().st_size},
        "html_by_section": dict(sorted(sections.items())),
    }


class _Assets(HTMLParser):
    """Stylesheets, icons and scripts a page loads, in document order."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str]] = []

        self.theme_config: dict[str, Any] = {}
        self._in_config = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        rel = (a.get("rel") or "").split()
        if tag == "link" and a.get("href") and ({"stylesheet", "icon"} & set(rel)):
            self.found.append(("stylesheet" if "stylesheet" in rel else "icon", a["href"]))
        elif tag == "script" and a.get("src"):
            self.found.append(("script", a["src"]))
        self._in_config = tag == "script" and a.get("id") == "__config"

    def handle_data(self, data: str) -> None:
        if self._in_config:  # Material's page configuration
            self.theme_config = json.loads(data)
            self._in_config = False

    def theme_fetches(self) -> list[tuple[str, str]]:
        """What Material's bundle fetches on every page load: the search worker and the whole
        search index when search is on, the sitemap with instant navigation."""
        config, out = self.theme_config, []
        base = config.get("base", ".").rstrip("/") + "/"
        if config.get("search"):
            out += [("theme", config["search"]), ("theme", base + "search/search_index.json")]
        if "navigation.instant" in config.get("features", []):
            out.append(("theme", base + "sitemap.xml"))
        return out


_IMPORT = re.compile(r"""(?:\bimport\s*(?:[\w{}\s,*]+\s*from\s*)?|\bimport\s*\()\s*["']([^"']+)["']""")


def calculator_files(site: Path, position_id: str, department_id: str,
                     page: str = "calculator/") -> dict[str, Any]:
    """The files the calculator needs to open on one position, read from the built site:
    the page, the stylesheets, icon and scripts it links (and the modules they import) and
    the calculator's data (department list, the department's positions, the position).
    Listed apart: what Material's bundle fetches on an ordinary page load (search worker and
    index, sitemap), which the page may or may not stop; `browser_fetches` says which.
    Sizes raw and gzip-compressed."""
    base = f"/{page}"
    parser = _Assets()
    parser.feed(page_path(site, page).read_text(encoding="utf-8"))
    wanted: list[tuple[str, str]] = [("page", base)]
    wanted += [(kind, urljoin(base, href)) for kind, href in parser.found]
    data = site / "data" / "calculator"
    for stem in ("departments", f"departments/{department_id}", f"positions/{position_id}"):
        wanted += [("data", "/" + _relative(path, site)) for path in sorted(data.glob(f"{stem}.*"))]
    files = _read_files(site, wanted)
    theme = _read_files(site, [(k, urljoin(base, href)) for k, href in parser.theme_fetches()])
    return {
        "position": position_id,
        "files": files,
        "total_bytes": sum(f["bytes"] or 0 for f in files),
        "total_gzip_bytes": sum(f["gzip_bytes"] or 0 for f in files),
        "theme_on_load": theme,
        "theme_on_load_bytes": sum(f["bytes"] or 0 for f in theme),
    }


def _read_files(site: Path, wanted: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """Each (kind, URL) of the site once, with its size; scripts add the modules they import."""
    files: list[dict[str, Any]] = []
    seen: set[str] = set()
    while wanted:
        kind, url = wanted.pop(0)
        uri = urlsplit(url).path
        if uri in seen or urlsplit(url).netloc:
            continue
        seen.add(uri)
        path = page_path(site, uri) if kind == "page" else site / uri.lstrip("/")
        if not path.is_file():
            files.append({"kind": kind, "path": uri, "bytes": None, "gzip_bytes": None})
            continue
        raw = path.read_bytes()
        files.append({"kind": kind, "path": uri, "bytes": len(raw),
                      "gzip_bytes": len(gzip.compress(raw, 6))})
        if path.suffix in (".js", ".mjs") and kind == "script":  # ES module imports
            text = raw.decode("utf-8", "replace")
            wanted += [("script", urljoin(url, m)) for m in _IMPORT.findall(text)
                       if m.startswith((".", "/"))]
    return files


def search_index_size(site: Path) -> dict[str, int] | None:
    """The search index on disk: Material's search_index.json, or our search/ folder."""
    folder = site / "search"
    if not folder.is_dir():
        return None
    files = [p for p in folder.rglob("*") if p.is_file()]
    return {"files": len(files), "bytes": sum(p.stat().st_size for p in files)}


def _relative(path: Path, base: Path) -> str:
    return path.relative_to(base).as_posix()
