"""Measuring: one step in a fresh process (wall time, CPU time, peak memory), the MkDocs
configurations the builds run with, and the sizes of a built site."""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import pstats
import re
import shutil
import subprocess
import sys
import threading
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
CATALOG_PLUGIN = "position-catalog"
SEARCH_PLUGIN = "position-search"
MIB = 1024 * 1024
# ru_maxrss is in kilobytes on Linux, in bytes on macOS.
_RSS_UNIT = 1 if sys.platform == "darwin" else 1024


# ----------------------------------------------------------------------------- processes

def run_step(command: list[str], log: Path, timeout: float | None = None,
             env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run `command` from the repo root in a fresh process; its wall and CPU seconds, its
    peak resident memory (ru_maxrss from wait4: the largest of it and the processes it
    waited for, the build's workbook process among them), and on Linux the peak of all its
    processes' memory together (sampled twice a second). Output goes to `log`."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})})
        timed_out = threading.Event()

        def kill() -> None:
            timed_out.set()
            process.kill()

        timer = threading.Timer(timeout, kill) if timeout else None
        if timer:
            timer.start()
        tree = _TreeMemory(process.pid)
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            tree.stop()
            if timer:
                timer.cancel()
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    return {
        "command": [Path(a).name if a == sys.executable else a for a in command],
        "returncode": process.returncode,
        "timed_out": timed_out.is_set(),
        "seconds": round(seconds, 3),
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 3),
        "peak_rss_mib": round(usage.ru_maxrss * _RSS_UNIT / MIB, 1),
        "peak_tree_rss_mib": tree.peak_mib(),
        "log": str(log),
    }


class _TreeMemory:
    """The largest sum of the resident memory of a process and its descendants, sampled
    from /proc (None where there is no /proc)."""

    def __init__(self, pid: int, interval: float = 0.5) -> None:
        self.pid, self.interval = pid, interval
        self.peak = 0
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)
        if Path("/proc/self/stat").exists():
            self.thread.start()

    def _sample(self) -> None:
        page = os.sysconf("SC_PAGE_SIZE")
        while not self.done.wait(self.interval):
            parents: dict[int, int] = {}
            pages: dict[int, int] = {}
            for entry in Path("/proc").iterdir():
                if not entry.name.isdigit():
                    continue
                try:
                    stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                    pages[int(entry.name)] = int((entry / "statm").read_text().split()[1])
                except (OSError, IndexError, ValueError):
                    continue
                parents[int(entry.name)] = int(stat[1])
            tree, found = {self.pid}, True
            while found:
                found = False
                for pid, parent in parents.items():
                    if parent in tree and pid not in tree:
                        tree.add(pid)
                        found = True
            self.peak = max(self.peak, sum(pages.get(pid, 0) for pid in tree) * page)

    def stop(self) -> None:
        self.done.set()

    def peak_mib(self) -> float | None:
        return round(self.peak / MIB, 1) if self.thread.is_alive() or self.peak else None


# ----------------------------------------------------------------------------- configs

class _Tagged:
    """A YAML value with a tag MkDocs resolves itself (!ENV, !relative): kept as written."""

    def __init__(self, tag: str, value: Any):
        self.tag, self.value = tag, value


class _ConfigLoader(yaml.SafeLoader):
    pass


class _ConfigDumper(yaml.SafeDumper):
    pass


def _construct_tagged(loader: yaml.Loader, suffix: str, node: yaml.Node) -> _Tagged:
    if isinstance(node, yaml.SequenceNode):
        return _Tagged("!" + suffix, loader.construct_sequence(node))
    return _Tagged("!" + suffix, loader.construct_scalar(node))


def _represent_tagged(dumper: yaml.Dumper, data: _Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value, flow_style=True)
    return dumper.represent_scalar(data.tag, data.value)


_ConfigLoader.add_multi_constructor("!", _construct_tagged)
_ConfigDumper.add_representer(_Tagged, _represent_tagged)


def project_config() -> dict[str, Any]:
    """The project's mkdocs.yml as data; MkDocs tags (!ENV, ...) survive a dump."""
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as file:
        return yaml.load(file, Loader=_ConfigLoader)  # a SafeLoader subclass


def write_config(path: Path, docs_dir: Path, catalog: Path | None = None,
                 nav: list | None = None) -> Path:
    """The project's mkdocs.yml at `path`, reading `docs_dir`. With `catalog`: the full site
    of that catalogue. Without: the bare site, no catalogue plugin, `nav` as the plugin would
    have expanded it, the generated pages already in `docs_dir`."""
    config = project_config()
    config["docs_dir"] = str(docs_dir)
    config.pop("watch", None)
    theme = config.get("theme")
    if isinstance(theme, dict) and isinstance(theme.get("custom_dir"), str):
        theme["custom_dir"] = str(ROOT / theme["custom_dir"])
    plugins = []
    for plugin in config.get("plugins", []):
        name = next(iter(plugin)) if isinstance(plugin, dict) else plugin
        options = plugin[name] if isinstance(plugin, dict) else None
        if name == SEARCH_PLUGIN and catalog is None:
            # the bare build is the floor with Material's own search, as the site had it
            name, options = "search", {"jieba_dict_user": str(ROOT / "catalog" /
                                                              "search-dictionary.txt")}
        if name == CATALOG_PLUGIN:
            if catalog is None:
                continue
            options = {**(options or {}), "catalog": str(catalog),
                       "templates": str(ROOT / (options or {}).get("templates",
                                                                    "site_templates"))}
        if name in ("search", "material/search") and isinstance(options, dict):
            dictionary = options.get("jieba_dict_user")
            if isinstance(dictionary, str):
                options = {**options, "jieba_dict_user": str(ROOT / dictionary)}
        plugins.append({name: options} if options is not None else name)
    config["plugins"] = plugins
    if catalog is None and nav is not None:
        config["nav"] = nav
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.dump(config, Dumper=_ConfigDumper, allow_unicode=True,
                              sort_keys=False), encoding="utf-8")
    return path


def build_command(config: Path, site: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site)]


# ----------------------------------------------------------------------------- the site

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


def browser_fetches(site: Path, position_id: str, timeout_ms: int = 120_000) -> dict | None:
    """What Chromium actually fetches opening /calculator/?position=<id> from a local server
    until the result shows and the network is idle; None when Playwright or a Chromium is
    not installed, {"error": ...} when the page did not get there."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    chromium = next((c for c in ("/usr/bin/chromium", "/usr/bin/chromium-browser",
                                 shutil.which("chromium") or "") if c and Path(c).is_file()),
                    None)
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    responses: list = []
    try:
        with sync_playwright() as playwright:
            options = {"args": ["--no-sandbox", "--disable-gpu", "--no-first-run"]}
            if chromium:
                options["executable_path"] = chromium
            try:
                browser = playwright.chromium.launch(**options)
            except Exception:  # noqa: BLE001 - no usable browser: not measured
                return None
            try:  # a page that never settles is a finding, not a crash of the benchmark
                page = browser.new_page()
                page.on("response", lambda response: responses.append(response))
                start = time.perf_counter()
                page.goto(f"{origin}/calculator/?position={position_id}", timeout=timeout_ms)
                page.wait_for_selector('[data-result="overall"]', timeout=timeout_ms)
                page.wait_for_load_state("networkidle", timeout=timeout_ms)
                seconds = time.perf_counter() - start
                fetched = []
                for response in responses:
                    try:
                        size = len(response.body())
                    except Exception:  # noqa: BLE001 - e.g. a redirect has no body
                        size = 0
                    fetched.append({"path": urlsplit(response.url).path, "bytes": size,
                                    "status": response.status})
            except Exception as exc:  # noqa: BLE001 - Playwright's timeouts and page errors
                return {"error": f"{type(exc).__name__}: {str(exc).splitlines()[0]}"}
            finally:
                browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return {"seconds_to_idle": round(seconds, 3), "requests": len(fetched),
            "total_bytes": sum(f["bytes"] for f in fetched), "files": fetched}


class _SearchHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a site; with `index` set, its /search/ folder comes from that folder."""

    index: Path | None = None

    def translate_path(self, path: str) -> str:
        route = urlsplit(path).path
        if self.index is not None and route.startswith("/search/"):
            return str(self.index / route[len("/search/"):])
        return super().translate_path(path)

    def log_message(self, *args) -> None:
        pass


# From the search box's focus to the first result in the list, measured in the page.
_TIMING_JS = """() => {
  document.addEventListener("focusin", (event) => {
    if (event.target.matches("input.md-search__input") && !window.__benchFocus) {
      window.__benchFocus = performance.now();
    }
  }, true);
  new MutationObserver((changes, observer) => {
    if (document.querySelector(".md-search-result__item")) {
      window.__benchShown = performance.now();
      observer.disconnect();
    }
  }).observe(document.body, {childList: true, subtree: true});
}"""


def search_in_browser(site: Path, query: str, material: bool, index: Path | None = None,
                      page: str = "departments/", repeats: int = 3,
                      timeout_ms: int = 120_000) -> dict | None:
    """What a first search costs in Chromium: open `page`, type `query` as soon as the page
    has loaded, and measure the milliseconds from the box's focus to the first result in the
    list (in the page, so Playwright's own round trips are not counted; the median of
    `repeats` fresh visits) and the bytes of every
    search file fetched (Material's: its worker and whole index, fetched on every page load;
    ours: the scripts and the index files the query needs). `index` replaces the site's
    search/ folder (a larger catalogue's index behind the same pages). None when Playwright or
    Chromium is missing; {"error": ...} when the page did not get there."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    chromium = next((c for c in ("/usr/bin/chromium", "/usr/bin/chromium-browser")
                     if Path(c).is_file()), None)
    handler = type("Handler", (_SearchHandler,), {"index": index})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    fetched: list[tuple[str, int]] = []

    def record(response) -> None:
        path = urlsplit(response.url).path
        if "search" in path:
            try:
                fetched.append((path, len(response.body())))
            except Exception:  # noqa: BLE001 - e.g. a redirect has no body
                fetched.append((path, 0))

    try:
        with sync_playwright() as playwright:
            options = {"args": ["--no-sandbox", "--disable-gpu", "--no-first-run"]}
            if chromium:
                options["executable_path"] = chromium
            try:
                browser = playwright.chromium.launch(**options)
            except Exception:  # noqa: BLE001 - no usable browser: not measured
                return None
            try:
                times = []
                for _ in range(repeats):  # each in a fresh context: nothing cached
                    fetched.clear()
                    context = browser.new_context()
                    tab = context.new_page()
                    tab.on("response", record)
                    tab.goto(f"{origin}/{page}", wait_until="load", timeout=timeout_ms)
                    on_load = sum(size for _, size in fetched)
                    tab.evaluate(_TIMING_JS)  # timed in the page, not Playwright's round trips
                    box = tab.locator("input.md-search__input")
                    box.click()
                    box.fill(query)
                    box.press("End")  # Material's search listens for keyup, not input
                    tab.locator(".md-search-result__item").first.wait_for(timeout=timeout_ms)
                    times.append(tab.evaluate("window.__benchShown - window.__benchFocus"))
                    tab.wait_for_load_state("networkidle", timeout=timeout_ms)
                    context.close()
            except Exception as exc:  # noqa: BLE001 - Playwright's timeouts and page errors
                return {"error": f"{type(exc).__name__}: {str(exc).splitlines()[0]}"}
            finally:
                browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return {"engine": "material" if material else "position-search", "query": query,
            "page": page, "first_result_ms": round(sorted(times)[len(times) // 2]),
            "first_result_ms_each": [round(t) for t in times],
            "search_bytes": sum(size for _, size in fetched), "search_bytes_on_load": on_load,
            "requests": len(fetched), "largest": max((size for _, size in fetched), default=0)}


def search_index_size(site: Path) -> dict[str, int] | None:
    """The search index on disk: Material's search_index.json, or our search/ folder."""
    folder = site / "search"
    if not folder.is_dir():
        return None
    files = [p for p in folder.rglob("*") if p.is_file()]
    return {"files": len(files), "bytes": sum(p.stat().st_size for p in files)}


def _relative(path: Path, base: Path) -> str:
    return path.relative_to(base).as_posix()


# ----------------------------------------------------------------------------- profiles

PACKAGES = {"generator": f"{os.sep}generator{os.sep}", "material": f"{os.sep}material{os.sep}",
            "mkdocs": f"{os.sep}mkdocs{os.sep}", "markdown": f"{os.sep}markdown{os.sep}",
            "pymdownx": f"{os.sep}pymdownx{os.sep}", "jinja2": f"{os.sep}jinja2{os.sep}",
            "jieba": f"{os.sep}jieba{os.sep}", "yaml": f"{os.sep}yaml{os.sep}",
            "jsonschema": f"{os.sep}jsonschema", "<templates>": "<template>"}


def package_of(filename: str) -> str:
    for name, marker in PACKAGES.items():
        if marker in filename:
            return name
    if filename.startswith(("~", "<")):
        return "builtins"
    return "python stdlib / other"


def profile_summary(path: Path, top: int = 15) -> dict[str, Any]:
    """Self time by package, and the top cumulative entries overall and of our code."""
    stats = pstats.Stats(str(path))
    total = stats.total_tt  # type: ignore[attr-defined]
    by_package: dict[str, float] = {}
    entries = []
    for (filename, line, function), (_, calls, self_time, cumulative, _) in \
            stats.stats.items():  # type: ignore[attr-defined]
        package = package_of(filename)
        by_package[package] = by_package.get(package, 0.0) + self_time
        entries.append({"function": f"{_short(filename)}:{line}({function})", "package": package,
                        "calls": calls, "self_seconds": round(self_time, 3),
                        "cumulative_seconds": round(cumulative, 3)})
    entries.sort(key=lambda e: -e["cumulative_seconds"])
    return {
        "total_seconds": round(total, 3),
        "self_seconds_by_package": {k: round(v, 3) for k, v in
                                    sorted(by_package.items(), key=lambda kv: -kv[1])},
        "top_cumulative": entries[:top],
        "top_cumulative_generator": [e for e in entries if e["package"] == "generator"][:top],
        "top_self": sorted(entries, key=lambda e: -e["self_seconds"])[:top],
    }


def _short(filename: str) -> str:
    for marker in ("site-packages" + os.sep, str(ROOT) + os.sep):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename
