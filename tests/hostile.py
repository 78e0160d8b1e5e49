"""A hostile catalogue: every text field of every file kind holds markup meant to run.

Each payload calls `alert()` or sets `window.__pwned` if it ever runs as script; the browser
tests fail on either. `hostile_catalog` writes a copy of the mini fixture with payloads put
into every text field (and into the goal-category names, which are also keys).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import yaml
from conftest import MINI_CATALOG

PAYLOADS = [
    # tag breakouts for the contexts catalogue text lands in
    "</title><script>alert('title')</script><title>",
    "</textarea><script>alert('textarea')</script>",
    "</script><script>alert('script')</script>",
    "<!--<script>alert('comment')</script>-->",
    "</style><script>alert('style')</script>",
    "<script>window.__pwned='plain'</script>",
    "<img src=x onerror=alert('img')>",
    "<svg onload=alert('svg')>",
    "<svg><script>alert('svg-script')</script></svg>",
    "<iframe srcdoc=\"<script>parent.alert('srcdoc')</script>\"></iframe>",
    "<body onload=alert('body')>",
    "<details open ontoggle=alert('details')>",
    "<a href=\"javascript:alert('js-link')\">点我</a>",
    "<math><mtext></mtext><mglyph><style><img src=x onerror=alert('math')>",
    # attribute breakouts
    '" onmouseover="alert(\'dq\')" x="',
    "' onfocus='alert(\"sq\")' autofocus x='",
    "\"><img src=x onerror=alert('attr')>",
    "` onerror=alert('backtick') `",
    # Markdown syntax that makes links, images, raw HTML or attributes
    "[点我](javascript:alert('md-link'))",
    "![x](x \"onerror=alert('md-image')\")",
    "<javascript:alert('autolink')>",
    "[ref]: javascript:alert('ref-link')",
    "{: onclick=\"alert('attr-list')\" }",
    "{ .x onclick=alert('attr-list-2') }",
    "<div markdown=\"1\"><img src=x onerror=alert('md-in-html')></div>",
    "\n\n<script>alert('html-block')</script>\n\n",
    "| 破 | 表 |\n|---|---|\n| <img src=x onerror=alert('table')> |",
    "!!! note \"<img src=x onerror=alert('admonition')>\"",
    "`<img src=x onerror=alert('code')>`",
    # template and include syntax
    "{{ 7*7 }}{% raw %}{{ config }}",
    "${alert('template-literal')}",
    '--8<-- "secret.txt"',
    ';--8<-- "/etc/hostname"',
    # entities that decode into markup
    "&lt;script&gt;alert('entity')&lt;/script&gt;",
    "&#60;img src=x onerror=alert('numeric')&#62;",
    "&amp;lt;b&amp;gt;",
    # invisible and direction characters
    "\u202eeulav\u202c\u2066x\u2069\u200b\u200d\ufeff",
    "\u00a0\u3000\u2003 spaces \u00ad soft hyphen",
    # JSON in a script
    "\u2028\u2029</script><script>alert('separator')</script>",
    "\\\"}];alert('json');//",
]

# The snippet payloads would include this file if catalogue text were ever read as Markdown
# with pymdownx.snippets enabled.
SECRET = "SECRET-FILE-CONTENT-1b9d"

# Keys whose string values are free text (ids, enums, numbers and references are not).
TEXT_KEYS = {
    "name",
    "document",
    "title",
    "source_title",
    "title_inferred",
    "goal",
    "target",
    "indicator",
    "method",
    "standard",
    "unclear",
    "weights_total_note",
    "definition",
    "label",
    "version",
}
TEXT_LISTS = {"notes", "seed"}


def _replace(node, text_for):
    """`node` with every free-text value replaced by `text_for(path)`."""

    def walk(value, path):
        if isinstance(value, dict):
            out = {}
            for key, item in value.items():
                key_path = (*path, key)
                if path[-1:] == ("anchors",):
                    out[key] = text_for(key_path)
                elif key in TEXT_LISTS and isinstance(item, list):
                    out[key] = [text_for((*key_path, i)) for i in range(len(item))]
                elif key == "seed" and isinstance(item, dict):
                    out[key] = {k: text_for((*key_path, k)) for k in item}
                elif key in TEXT_KEYS and isinstance(item, str):
                    out[key] = text_for(key_path)
                else:
                    out[key] = walk(item, key_path)
            return out
        if isinstance(value, list):
            return [walk(item, (*path, i)) for i, item in enumerate(value)]
        return value

    return walk(node, ())


def hostile_catalog(root: Path, choose) -> dict[str, str]:
    """Write the mini catalogue to `root/catalog` with `choose(file, path)` as the text of
    every text field; returns {field: text} of the fields the browser test reads back."""
    catalog = root / "catalog"
    shutil.copytree(MINI_CATALOG, catalog)
    (root / "secret.txt").write_text(SECRET, "utf-8")
    shown: dict[str, str] = {}
    files = sorted(catalog.rglob("*.yaml"))
    company = yaml.safe_load((catalog / "company.yaml").read_text("utf-8"))
    categories = {
        c["name"]: choose("company.yaml", ("goal_categories", i, "key")) + f" 类别{i}"
        for i, c in enumerate(company["goal_categories"])
    }
    spellings: dict[str, str] = {}  # a competency's hostile source spelling, for its slot
    for path in sorted(files, key=lambda p: p.name != "vocabulary.yaml"):
        relative = path.relative_to(catalog).as_posix()
        data = yaml.safe_load(path.read_text("utf-8"))
        if relative != "company.yaml":
            data.pop("catalogue", None)
        if relative.endswith("sales-manager.yaml"):  # a goal's sub-item; a slot's spelling,
            # which must be its entry's (already hostile: the vocabulary is written first)
            first_goal = next(iter(data["goals"].values()))[0]
            first_goal["items"] = [{"goal": "子项", "target": "目标值", "unclear": "存疑"}]
            core = data["competencies"]["core"]
            core[0] = {"id": core[0], "seed": spellings[core[0]], "slot": 2}
        if relative == "vocabulary.yaml":  # an entry whose meaning is a guess
            data["competencies"][0]["unclear"] = "存疑"
        originals = [c["name"] for c in data.get("goal_categories", [])]
        data = _replace(data, lambda p, relative=relative: choose(relative, p))
        if relative == "vocabulary.yaml":
            spellings.update({c["id"]: c["seed"][0] for c in data["competencies"] if c.get("seed")})
        for item, original in zip(data.get("goal_categories", []), originals):
            item["name"] = categories[original]
        if isinstance(data.get("goals"), dict):
            data["goals"] = {categories[k]: v for k, v in data["goals"].items()}
        if relative == "company.yaml":
            data["versions"] = [
                {"version": "1.0", "effective_date": "2026-06-01", "revision": "v1.0"}
            ]
            data["catalogue"]["effective_date"] = "2026-12-01"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
        if relative.endswith("sales-manager.yaml"):
            shown["position"] = data["title"]
            shown["kpi"] = data["kpis"][0]["name"]
        elif relative.endswith("_department.yaml"):
            shown["department"] = data["name"]
        elif relative == "vocabulary.yaml":
            shown["competency"] = data["competencies"][0]["name"]
    shown["category"] = next(iter(categories.values()))
    return shown


def publish_plain_then_hostile(root: Path, choose) -> dict[str, str]:
    """A git repository whose plain mini catalogue was published as 1.0 (tag v1.0), then
    rewritten with hostile text as 2.0: the changelog and banners show hostile change texts."""
    git = [
        "git",
        "-c",
        "user.name=HR",
        "-c",
        "user.email=hr@example.invalid",
        "-c",
        "init.defaultBranch=main",
    ]
    shutil.copytree(MINI_CATALOG, root / "catalog")
    subprocess.run([*git, "init", "-q"], cwd=root, check=True)
    subprocess.run([*git, "add", "."], cwd=root, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "1.0"], cwd=root, check=True)
    subprocess.run([*git, "tag", "v1.0"], cwd=root, check=True)
    shutil.rmtree(root / "catalog")
    return hostile_catalog(root, choose)
