"""In Chromium: what opening the calculator fetches, and what a first search costs."""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves a site quietly; with `index` set, its /search/ folder comes from that folder."""

    index: Path | None = None

    def translate_path(self, path: str) -> str:
        route = urlsplit(path).path
        if self.index is not None and route.startswith("/search/"):
            return str(self.index / route[len("/search/"):])
        return super().translate_path(path)

    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def _served(site: Path, index: Path | None = None) -> Iterator[str]:
    """The site on a local server for the block; its origin."""
    handler = type("Handler", (_Handler,), {"index": index})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _launch(playwright):
    """Debian's Chromium (else Playwright's own), or None when none starts."""
    chromium = next((c for c in ("/usr/bin/chromium", "/usr/bin/chromium-browser",
                                 shutil.which("chromium") or "") if c and Path(c).is_file()),
                    None)
    options: dict = {"args": ["--no-sandbox", "--disable-gpu", "--no-first-run"]}
    if chromium:
        options["executable_path"] = chromium
    try:
        return playwright.chromium.launch(**options)
    except Exception:  # noqa: BLE001 - no usable browser: not measured
        return None


def _failure(exc: Exception) -> dict:
    return {"error": f"{type(exc).__name__}: {str(exc).splitlines()[0]}"}


def browser_fetches(site: Path, position_id: str, timeout_ms: int = 120_000) -> dict | None:
    """What Chromium actually fetches opening /calculator/?position=<id> from a local server
    until the result shows and the network is idle; None when Playwright or a Chromium is
    not installed, {"error": ...} when the page did not get there."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    responses: list = []
    with _served(site) as origin, sync_playwright() as playwright:
        browser = _launch(playwright)
        if browser is None:
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
            return _failure(exc)
        finally:
            browser.close()
    return {"seconds_to_idle": round(seconds, 3), "requests": len(fetched),
            "total_bytes": sum(f["bytes"] for f in fetched), "files": fetched}


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
    fetched: list[tuple[str, int]] = []

    def record(response) -> None:
        path = urlsplit(response.url).path
        if "search" in path:
            try:
                fetched.append((path, len(response.body())))
            except Exception:  # noqa: BLE001 - e.g. a redirect has no body
                fetched.append((path, 0))

    with _served(site, index) as origin, sync_playwright() as playwright:
        browser = _launch(playwright)
        if browser is None:
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
            return _failure(exc)
        finally:
            browser.close()
    return {"engine": "material" if material else "position-search", "query": query,
            "page": page, "first_result_ms": round(sorted(times)[len(times) // 2]),
            "first_result_ms_each": [round(t) for t in times],
            "search_bytes": sum(size for _, size in fetched), "search_bytes_on_load": on_load,
            "requests": len(fetched), "largest": max((size for _, size in fetched), default=0)}
