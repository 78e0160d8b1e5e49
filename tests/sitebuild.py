"""Build the site with the real mkdocs command, for tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml; `!ENV [NAME, default]` becomes its default, as on a clean machine."""


_ConfigLoader.add_constructor(
    "!ENV",
    lambda loader, node: (
        loader.construct_sequence(node)[-1] if isinstance(node, yaml.SequenceNode) else None
    ),
)

ROOT = Path(__file__).resolve().parent.parent


def site_config(tmp: Path, catalog: Path, offline: bool = False, **overrides) -> Path:
    """An mkdocs.yml in `tmp`: the project's own, reading `catalog` and the repo's docs."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    config["docs_dir"] = str(ROOT / "docs")
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "offline" in plugin:
            plugin["offline"]["enabled"] = offline
        if isinstance(plugin, dict) and "position-catalog" in plugin:
            plugin["position-catalog"].update(
                catalog=str(catalog), templates=str(ROOT / "site_templates")
            )
        if isinstance(plugin, dict) and "search" in plugin:
            plugin["search"]["jieba_dict_user"] = str(ROOT / "catalog" / "search-dictionary.txt")
    config.pop("watch", None)
    config.update(overrides)
    path = tmp / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def build(config: Path, site: Path, strict: bool = True) -> subprocess.CompletedProcess:
    """`mkdocs build` of `config` into `site`; the completed process, output captured."""
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site)]
    if strict:
        command.append("--strict")
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        cwd=config.parent,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
