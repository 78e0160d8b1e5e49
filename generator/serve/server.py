"""`mkdocs serve` as the plugin sets it up (on_serve): rebuilds that write only what changed,
and problems shown in the browser instead of a server that appears stuck.

MkDocs' server holds every request after a failed rebuild until a rebuild succeeds, and says
so only in the terminal. Here a rebuild never fails: a catalogue that does not load leaves
the site as it was, and any other error is caught; either way every page the server sends
then carries the problems, as the terminal shows them, and polls for their end to reload.

MkDocs passes on_serve the builder it made (a closure over its `get_config`); the server
calls `server.builder` on every change, so the plugin puts a `Rebuilder` there, which builds
as MkDocs' `--dirty` does (see incremental.py). If the closure is not what MkDocs 1.6 makes,
MkDocs' own builder stays (every rebuild is then a full one).
"""

from __future__ import annotations

import gc
import inspect
import json
import logging
from collections.abc import Callable, Iterable
from urllib.parse import parse_qs

from mkdocs.commands.build import build

from ..escape import html_text, script_json
from .session import Problems, ServeSession
from .settle import DOWNLOADS

log = logging.getLogger("mkdocs.plugins.position-catalog")
MKDOCS = logging.getLogger("mkdocs")
BUILD_LOG = logging.getLogger("mkdocs.commands.build")
# Where a page asks whether the problems it shows are still the current ones.
PROBLEMS_PATH = "/.position-catalog/problems.json"
# The plugins a dirty build is known to be right with (each sees every page it needs):
# with any other, every rebuild is a full one.
INCREMENTAL_PLUGINS = {"position-catalog", "position-search", "material/offline", "offline"}
# How long a page's question whether the problems changed waits for them to change.
POLL_SECONDS = 50
# How long a request for a download waits for the files the settle job writes.
DOWNLOAD_WAIT_SECONDS = 300


class CatalogueHasErrors(Exception):
    """The catalogue of a rebuild does not load: the site stays as it was."""

    def __init__(self, lines: list[str]):
        super().__init__(f"{len(lines)} problem(s)")
        self.lines = lines


class _ErrorLines(logging.Handler):
    """The errors MkDocs and the plugins log during a rebuild."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def _not_the_dirty_warning(record: logging.LogRecord) -> bool:
    """MkDocs warns that a dirty build may get the nav wrong: this one marks what it needs."""
    return not record.getMessage().startswith("A 'dirty' build is being performed")


class Rebuilder:
    """The server's builder: a rebuild that writes what changed and never fails."""

    def __init__(
        self, get_config: Callable, serve_url: str, clean: bool, session: ServeSession
    ) -> None:
        self.get_config, self.serve_url, self.clean = get_config, serve_url, clean
        self.session = session

    def __call__(self, config=None) -> None:
        session = self.session
        session.cancel_settle()  # its files would be out of date, and it takes a core
        errors = _ErrorLines()
        MKDOCS.addHandler(errors)
        BUILD_LOG.addFilter(_not_the_dirty_warning)
        # Python's collector would walk all that is kept (millions of objects at 100x) a few
        # times per rebuild: it runs once the edits settle instead (settle.py).
        gc.disable()
        try:
            log.info("Building documentation...")
            if config is None:
                config = self.get_config()
                config.site_url = self.serve_url
            dirty = not self.clean and set(config.plugins) <= INCREMENTAL_PLUGINS
            build(config, serve_url=None if self.clean else self.serve_url, dirty=dirty)
        except CatalogueHasErrors as exc:
            session.show(exc.lines)
        except Exception as exc:  # a build error, a bug (Abort is one too): shown, not stuck
            session.record.complete = False
            if isinstance(exc, SystemExit):  # MkDocs has logged why
                session.show(errors.lines or [str(exc)])
            else:
                session.show([*errors.lines, describe(exc)])
                log.exception("the site could not be built")
        else:
            session.show(())
        finally:
            gc.enable()
            BUILD_LOG.removeFilter(_not_the_dirty_warning)
            MKDOCS.removeHandler(errors)


def describe(error: Exception) -> str:
    """One line for an error no one logged: where (a template's file and line) and what."""
    where = getattr(error, "filename", None) or getattr(error, "name", None)
    line = getattr(error, "lineno", None)
    if isinstance(where, str) and isinstance(line, int):
        return f"{where}:{line}: {getattr(error, 'message', None) or error}"
    return f"{type(error).__name__}: {error}"


def install(server, builder: Callable, session: ServeSession) -> bool:
    """Put a Rebuilder and the problems' display into MkDocs' `server`; whether it could."""
    if not session.builder_installed:
        try:
            found = inspect.getclosurevars(builder).nonlocals
        except TypeError:
            found = {}
        get_config, serve_url = found.get("get_config"), found.get("serve_url")
        if not callable(get_config) or not isinstance(serve_url, str):
            log.info("incremental rebuilds are off: this MkDocs' serve is not the one known")
            return False
        server.builder = Rebuilder(get_config, serve_url, bool(found.get("is_clean")), session)
        server.set_app(ProblemsShown(server.serve_request, session))
        session.builder_installed = True
    return True


class ProblemsShown:
    """The server's WSGI application: MkDocs' own, with the problems added to every HTML
    page while there are any, a script that reloads a page MkDocs' own script does not (an
    error page) when they come or go, the address that script asks, and downloads that
    wait for the settle job."""

    def __init__(self, serve_request: Callable, session: ServeSession) -> None:
        self.serve_request = serve_request
        self.session = session

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path == PROBLEMS_PATH:
            return self._problems(environ, start_response)
        if any(path.endswith(f"/{download}") for download in DOWNLOADS):
            self.session.wait_for_downloads(DOWNLOAD_WAIT_SECONDS)
        answer: dict = {}

        def keep(status: str, headers: list, exc_info=None) -> Callable:
            answer["status"], answer["headers"] = status, headers
            return lambda data: None  # MkDocs' server returns its body, never writes it

        result = self.serve_request(environ, keep)
        headers = answer["headers"]
        kind = next((v for k, v in headers if k.lower() == "content-type"), "")
        if not kind.startswith("text/html"):
            start_response(answer["status"], headers)
            return result
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        body = with_problems(body, self.session.problems)
        headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
        start_response(answer["status"], [*headers, ("Content-Length", str(len(body)))])
        return [body]

    def _problems(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        """The problems as JSON; `?since=N` answers once they are not those of N (a long
        poll, as MkDocs' own reload script makes)."""
        query = parse_qs(environ.get("QUERY_STRING", ""))
        since = query.get("since", [""])[0]
        problems = self.session.problems
        if since.isdigit():
            problems = self.session.problems_after(int(since), POLL_SECONDS)
        body = json.dumps(
            {"generation": problems.generation, "problems": list(problems.lines)}
        ).encode()
        start_response(
            "200 OK",
            [
                ("Content-Type", "application/json"),
                ("Cache-Control", "no-store"),
                ("Content-Length", str(len(body))),
            ],
        )
        return [body]


def with_problems(page: bytes, problems: Problems) -> bytes:
    """`page` with the problems shown over it (if any), and, unless MkDocs' reload script is
    on it (an error page has none), a script that reloads it once they change. (One such
    waiting request per tab, not two: a browser waits on at most six per server.)"""
    panel = ""
    if problems.lines:
        items = "".join(
            f'<li style="margin:.2em 0">{html_text(line)}</li>' for line in problems.lines
        )
        panel = (
            '<div id="position-catalog-problems" role="alert" style="position:fixed;left:0;'
            "right:0;bottom:0;z-index:10000;max-height:60vh;overflow:auto;margin:0;"
            "padding:1em 1.5em;background:#fff4f4;color:#1a1a1a;border-top:4px solid #c62828;"
            'font:14px/1.5 system-ui,sans-serif;box-shadow:0 -2px 8px rgba(0,0,0,.2)">'
            '<p style="margin:0 0 .5em;font-weight:bold;color:#b71c1c">网站无法按当前的目录生成：'
            f"{len(problems.lines)} 个问题（与终端和 check 命令给出的相同）。页面显示的是上次"
            "成功生成的网站；改正并保存后，本页会自动刷新。</p>"
            '<ol style="margin:0;padding-left:1.5em;font-family:ui-monospace,monospace">'
            f"{items}</ol></div>"
        )
    script = (
        "<script>(function () {"
        f"var seen = {script_json(problems.generation)};"
        "function poll() {"
        f"fetch({script_json(PROBLEMS_PATH + '?since=')} + seen, {{cache: 'no-store'}})"
        ".then(function (answer) { return answer.json(); })"
        ".then(function (now) {"
        "if (now.generation !== seen) { location.reload(); } else { poll(); }"
        "}, function () { setTimeout(poll, 3000); });"
        "}"
        "poll();"
        "})();</script>"
    )
    if b"livereload(" in page:  # MkDocs' own script reloads it (after every rebuild)
        script = ""
    added = (panel + script).encode()
    at = page.rfind(b"</body>")
    return page + added if at < 0 else page[:at] + added + page[at:]
