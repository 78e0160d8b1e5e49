"""Text that is never meant as text is refused where it is written, with file and line."""

from __future__ import annotations

import pytest

from generator import CatalogError, load_catalog

M = "departments/sales/sales-manager.yaml"


@pytest.mark.parametrize(
    "escape, code", [("\\0", "0000"), ("\\e", "001B"), ("\\x7f", "007F"), ("\\x85", "0085")]
)
def test_control_characters_in_text_are_refused(mini, escape, code):
    mini.replace(M, "title: 销售部经理", f'title: "销售部{escape}经理"')
    with pytest.raises(CatalogError) as error:
        load_catalog("catalog")
    assert [str(p) for p in error.value.errors] == [
        (
            f"catalog/{M}:1: title: text holds the control character U+{code}, which is never "
            "meant as text (and Excel refuses it); remove it"
        )
    ]


def test_tabs_and_line_breaks_in_text_are_kept(mini):
    mini.replace(M, "title: 销售部经理", 'title: "销售部\\t经理\\n"')
    assert load_catalog("catalog").positions()[0].title == "销售部\t经理\n"
