"""What a site needs besides the generated pages: Markdown extensions, CSS, scripts, nav.

One home for these: the plugin adds whatever of them a site's mkdocs.yml does not list, so a
new company's mkdocs.yml names only the plugins.
"""

from __future__ import annotations

# The page templates use tables, attribute lists ({ .pc-flag }), admonitions, details and
# Markdown inside HTML blocks.
MARKDOWN_EXTENSIONS = {
    "tables": {},
    "attr_list": {},
    "admonition": {},
    "pymdownx.details": {},
    "md_in_html": {},
    "toc": {"permalink": False},
}

CSS = ("assets/catalog.css", "assets/calculator/calculator.css")

# Classic scripts (so they also run from file://), each after those it uses: the calculator's
# modules, app.js wiring them, the team view, then the compare page (it uses the calculator's
# data and dom modules).
JAVASCRIPT = (
    "assets/calculator/numbers.js",
    "assets/calculator/scoring.js",
    "assets/calculator/state.js",
    "assets/calculator/storage.js",
    "assets/calculator/dom.js",
    "assets/calculator/texts.js",
    "assets/calculator/downloads.js",
    "assets/calculator/data.js",
    "assets/calculator/chooser.js",
    "assets/calculator/printform.js",
    "assets/calculator/sheet.js",
    "assets/calculator/results.js",
    "assets/calculator/records.js",
    "assets/calculator/saved.js",
    "assets/calculator/app.js",
    "assets/calculator/teamfile.js",
    "assets/calculator/distribution.js",
    "assets/calculator/teamtable.js",
    "assets/calculator/team.js",
    "assets/compare/diff.js",
    "assets/compare/page.js",
)

# The nav when mkdocs.yml gives none: (title, page); pages a site does not have are left out,
# and the site's other hand-written pages follow. 部门 becomes a section of departments.
NAV = (
    ("首页", "index.md"),
    ("部门", "departments/index.md"),
    ("能力词典", "glossary/index.md"),
    ("能力矩阵", "matrix/index.md"),
    ("评分规则", "scoring.md"),
    ("考核计算器", "calculator.md"),
    ("团队考核", "team.md"),
    ("岗位对比", "compare.md"),
    ("变更记录", "changelog.md"),
    ("数据下载", "downloads.md"),
    ("使用说明", "guide.md"),
)


def add_markdown_extensions(names: list, configs: dict) -> list[str]:
    """Add the extensions the pages need to a site's list (in place); the names added."""
    added = []
    for name, options in MARKDOWN_EXTENSIONS.items():
        if name not in names:
            names.append(name)
            configs.setdefault(name, dict(options))
            added.append(name)
    return added


def add_missing(listed: list, needed: tuple[str, ...]) -> None:
    """Add to `listed` (extra_css, extra_javascript) what it lacks of `needed`, in order."""
    present = {str(item) for item in listed}
    listed.extend(item for item in needed if item not in present)


def default_nav(pages: set[str], other_pages: list[str]) -> list[dict[str, str]]:
    """The nav for a site whose mkdocs.yml has none."""
    known = {page for _, page in NAV}
    nav = [{title: page} for title, page in NAV if page in pages]
    return nav + [page for page in sorted(other_pages) if page not in known]
