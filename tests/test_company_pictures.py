"""The company's logo and favicon (company.yaml): checked when the catalogue loads, each
problem one line with file and line; a good picture is served as it is, a missing one leaves
the theme's own."""

from __future__ import annotations

import os

import pytest

from generator import CatalogError, load_catalog
from generator.render import SiteRenderer
from generator.source.pictures import MAX_PICTURE_BYTES

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><circle r="4"/></svg>\n'
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32
LOGO_LINE = 10  # the line `logo:` is written to in the fixture's company.yaml


def set_pictures(mini, logo: str, favicon: str | None = None) -> None:
    lines = f"  logo: {logo}\n" + (f"  favicon: {favicon}\n" if favicon else "")
    mini.replace(
        "company.yaml",
        "  document: 公司岗位目标和考核指标文件\n",
        "  document: 公司岗位目标和考核指标文件\n" + lines,
    )


def problems() -> list[str]:
    with pytest.raises(CatalogError) as raised:
        load_catalog("catalog")
    return [str(p) for p in raised.value.errors]


def test_pictures_are_read_and_served_as_they_are(mini):
    mini.write("pictures/logo.svg", SVG)
    mini.write("favicon.png", PNG)
    set_pictures(mini, "pictures/logo.svg", "favicon.png")
    catalog = load_catalog("catalog")
    assert (catalog.company.logo.path, catalog.company.logo.data) == ("pictures/logo.svg", SVG)
    pages = SiteRenderer(catalog, workbook=False).pages()
    assert pages["assets/company/pictures/logo.svg"] == SVG
    assert pages["assets/company/favicon.png"] == PNG


def test_without_pictures_nothing_is_served(mini):
    catalog = load_catalog("catalog")
    assert catalog.company.logo is None and catalog.company.favicon is None
    assert not [
        u for u in SiteRenderer(catalog, workbook=False).pages() if u.startswith("assets/company/")
    ]


def at(message: str) -> str:
    return f"catalog/company.yaml:{LOGO_LINE}: company.logo: {message}"


@pytest.mark.parametrize(
    "name, content, message",
    [
        (
            "nope.svg",
            None,
            "cannot read 'nope.svg' in the catalogue folder (No such file or directory)",
        ),
        ("fake.png", SVG, "'fake.png' is not a PNG file"),
        ("text.svg", b"hello", "'text.svg' is not an SVG picture"),
        ("big.png", PNG + b"\0" * MAX_PICTURE_BYTES, "'big.png' is larger than 1024 KiB"),
        (
            "script.svg",
            SVG.replace(b"<circle", b"<script>alert(1)</script><circle"),
            (
                "'script.svg': an SVG picture may not hold scripts, event handlers, javascript: links, "
                "embedded HTML or entity declarations"
            ),
        ),
        (
            "handler.svg",
            SVG.replace(b"<circle", b'<circle onclick="alert(1)"'),
            (
                "'handler.svg': an SVG picture may not hold scripts, event handlers, javascript: links, "
                "embedded HTML or entity declarations"
            ),
        ),
    ],
)
def test_a_picture_that_is_not_one_is_refused(mini, name, content, message):
    if content is not None:
        mini.write(name, content)
    set_pictures(mini, name)
    assert problems() == [at(message)]


def test_a_folder_or_a_link_out_of_the_catalogue_is_refused(mini, tmp_path):
    (mini.root / "folder.svg").mkdir()
    (tmp_path / "outside.svg").write_bytes(SVG)
    os.symlink(tmp_path / "outside.svg", mini.root / "link.svg")
    set_pictures(mini, "folder.svg", "link.svg")
    assert problems() == [
        at("'folder.svg' is not a file"),
        (
            f"catalog/company.yaml:{LOGO_LINE + 1}: company.favicon: 'link.svg' leads out of the "
            "catalogue folder; copy the picture into it"
        ),
    ]


@pytest.mark.parametrize("name", ["../secret.svg", "/etc/logo.svg", "logo.bmp", "logo"])
def test_a_name_that_is_not_a_picture_in_the_folder_is_a_schema_error(mini, name):
    set_pictures(mini, name)
    found = problems()
    assert len(found) == 1 and found[0].startswith(
        f"catalog/company.yaml:{LOGO_LINE}: company.logo"
    )
