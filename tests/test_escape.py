"""One function per output context: what each makes of hostile text."""

from __future__ import annotations

import json

import pytest

from generator.escape import (
    csv_cell,
    html_attribute,
    html_text,
    markdown_inline,
    nav_title,
    plain_text,
    safe_url,
    script_json,
)
from generator.versions.changes import Change
from generator.versions.compare import diff_catalogs


def test_html_text_and_attribute_escape_every_markup_character():
    assert html_text("<b a=\"1\" b='2'>&") == "&lt;b a=&quot;1&quot; b=&#x27;2&#x27;&gt;&amp;"
    assert html_attribute('" onmouseover="x') == "&quot; onmouseover=&quot;x"
    assert nav_title("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)&gt;"


def test_plain_text_drops_invisible_and_control_characters_and_flattens_lines():
    assert plain_text("a\u202eb\u200bc\u2066d\u2069\x00e\n\nf\tg") == "abcde f g"


def test_markdown_inline_is_literal_text_on_one_line():
    assert markdown_inline("[x](javascript:alert(1)) *a* `c` {: .x }\n| t |") == (
        "\\[x\\]\\(javascript:alert\\(1\\)\\) \\*a\\* \\`c\\` \\{: \\.x \\} \\| t \\|"
    )
    assert markdown_inline("<script>'\"</script>") == "&lt;script&gt;'\"&lt;/script&gt;"


@pytest.mark.parametrize("text", ["</script><script>alert(1)</script>", "<!--", "\u2028\u2029"])
def test_script_json_cannot_end_the_script_and_reads_back_the_same(text):
    out = script_json({"t": text})
    assert "</" not in out and "<!--" not in out and "\u2028" not in out and "\u2029" not in out
    assert json.loads(out) == {"t": text}


@pytest.mark.parametrize(
    "url, safe",
    [
        ("../x/", "../x/"),
        ("https://example.com/a", "https://example.com/a"),
        ("javascript:alert(1)", "#"),
        ("JaVaScRiPt:alert(1)", "#"),
        (" javascript:alert(1)", "#"),
        ("java\tscript:alert(1)", "#"),
        ("data:text/html,<script>", "#"),
        ("vbscript:x", "#"),
        ("x/y.md#a", "x/y.md#a"),
        ("mailto:hr@example.com", "mailto:hr@example.com"),
    ],
)
def test_safe_url_keeps_relative_and_http_links_only(url, safe):
    assert safe_url(url) == safe


@pytest.mark.parametrize(
    "value, cell",
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+cmd|'/C calc'!A0", "'+cmd|'/C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(1)", "'@SUM(1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("＝1+1", "'＝1+1"),
        ("王五", "王五"),
        ("", ""),
        (-3, -3),
        (4.5, 4.5),
        (None, None),
    ],
)
def test_csv_cell_neutralises_what_a_spreadsheet_would_evaluate(value, cell):
    assert csv_cell(value) == cell


@pytest.mark.parametrize("value", ["{}", "{0}", "{x.__class__}", "{:>99999999}", "%s", "{{"])
def test_change_values_are_never_format_fields(value):
    change = Change("goal-added", "新增{}目标「{}」（目标值「{}」）", (value, value, "<b>"))
    assert change.text == f"新增{value}目标「{value}」（目标值「<b>」）"
    assert change.markdown == (
        f"新增{markdown_inline(value)}目标「{markdown_inline(value)}」（目标值「&lt;b&gt;」）"
    )


def test_a_change_template_built_from_a_value_is_a_bug_caught_at_once():
    with pytest.raises(ValueError, match="needs exactly 1"):
        Change("goal-added", "新增{x}目标「{}」", ("a",))


def test_a_category_with_braces_is_data_in_change_texts(mini):
    from generator import load_catalog

    before = load_catalog("catalog")
    for name in ("company.yaml", "departments/sales/sales-manager.yaml"):
        mini.replace(name, "客户类", "客户{0}类{}")
    after = load_catalog("catalog")
    diff = diff_catalogs(before, after)
    assert [c.text for c in diff.company] == [
        (
            "目标类别：「财务/业务拓展类、客户类、内部管理类、学习与创新类」"
            "→「财务/业务拓展类、客户{0}类{}、内部管理类、学习与创新类」"
        )
    ]
    assert [c.markdown for p in diff.positions() for c in p.changes] == [
        "目标「客户投诉问题处理」从客户类移到客户\\{0\\}类\\{\\}"
    ]
