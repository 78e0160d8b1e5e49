"""The MkDocs configurations the benchmark builds with: the project's mkdocs.yml for a
synthetic catalogue (the full site), or without the catalogue plugin over pages written
beforehand (the bare site)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

from .measure import ROOT

CATALOG_PLUGIN = "position-catalog"
SEARCH_PLUGIN = "position-search"


class _Tagged:
    """A YAML value with a tag MkDocs resolves itself (!ENV, !relative): kept as written."""

    def __init__(self, tag: str, value: Any):
        self.tag, self.value = tag, value


class ConfigLoader(yaml.SafeLoader):
    pass


class ConfigDumper(yaml.SafeDumper):
    pass


def _construct_tagged(loader: yaml.Loader, suffix: str, node: yaml.Node) -> _Tagged:
    if isinstance(node, yaml.SequenceNode):
        return _Tagged("!" + suffix, loader.construct_sequence(node))
    return _Tagged("!" + suffix, loader.construct_scalar(node))


def _represent_tagged(dumper: yaml.Dumper, data: _Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value, flow_style=True)
    return dumper.represent_scalar(data.tag, data.value)


ConfigLoader.add_multi_constructor("!", _construct_tagged)
ConfigDumper.add_representer(_Tagged, _represent_tagged)


def project_config() -> dict[str, Any]:
    """The project's mkdocs.yml as data; MkDocs tags (!ENV, ...) survive a dump."""
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as file:
        return yaml.load(file, Loader=ConfigLoader)  # a SafeLoader subclass


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
    path.write_text(yaml.dump(config, Dumper=ConfigDumper, allow_unicode=True,
                              sort_keys=False), encoding="utf-8")
    return path


def build_command(config: Path, site: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site)]
