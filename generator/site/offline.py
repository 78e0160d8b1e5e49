"""Material's offline plugin, kept from adding a script of another host to the site."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

# The site's own copy of the iframe-worker shim (docs/assets/vendor/iframe-worker/).
IFRAME_WORKER = "assets/vendor/iframe-worker/shim.js"


def use_own_iframe_worker(config: MkDocsConfig) -> None:
    """List the site's own iframe-worker shim in `extra.polyfills` when the offline plugin is
    on, and drop any polyfill from unpkg.com.

    A page opened from a folder (file://) may not start a web worker, so the offline plugin
    adds iframe-worker, which runs the worker in an iframe instead; it takes it from
    unpkg.com, which an intranet with no internet cannot reach and which breaks the rule that
    the site makes no request to another host. It adds it only when no iframe-worker script
    is listed yet, so listing ours before it runs (this plugin comes first in mkdocs.yml)
    keeps it out, and removing unpkg.com's copy covers a configuration where it runs first.
    """
    offline = config.plugins.get("material/offline")
    if offline is None or not offline.config.enabled:
        return
    polyfills = [url for url in config.extra.get("polyfills", []) if "unpkg.com" not in url]
    config.extra["polyfills"] = [*polyfills, IFRAME_WORKER]
