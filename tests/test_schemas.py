"""Editors validate everywhere: each YAML file names a schema that resolves next to it."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import REAL_CATALOG
from jsonschema import Draft202012Validator

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "generator" / "schemas"
HEADER = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


def referenced_schema(path: Path) -> Path:
    """The schema file the first line of `path` names, resolved as an editor resolves it."""
    match = HEADER.match(path.read_text("utf-8").split("\n", 1)[0])
    assert match, f"{path}: first line names no schema"
    return (path.parent / match.group(1)).resolve()


def yaml_files(catalog: Path) -> list[Path]:
    return sorted(catalog.rglob("*.yaml"))


def assert_every_file_validates(catalog: Path) -> None:
    for path in yaml_files(catalog):
        schema_path = referenced_schema(path)
        assert schema_path.is_file(), f"{path}: {schema_path} does not exist"
        schema = json.loads(schema_path.read_text("utf-8"))
        errors = list(
            Draft202012Validator(schema).iter_errors(yaml.safe_load(path.read_text("utf-8")))
        )
        assert errors == [], f"{path}: {errors[0].message}"


def test_every_file_of_the_real_catalogue_validates_against_the_schema_it_names():
    assert len(yaml_files(REAL_CATALOG)) == 52
    assert_every_file_validates(REAL_CATALOG)


def test_a_copied_catalogue_still_finds_its_schemas(tmp_path):
    copy = tmp_path / "elsewhere" / "catalog"
    shutil.copytree(REAL_CATALOG, copy)
    assert_every_file_validates(copy)


@pytest.mark.parametrize("schema", sorted(p.name for p in SCHEMA_DIR.glob("*.json")))
def test_the_catalogue_carries_the_packages_schemas_unchanged(schema):
    assert (REAL_CATALOG / "schemas" / schema).read_bytes() == (SCHEMA_DIR / schema).read_bytes()


def test_a_header_naming_a_missing_schema_is_noticed(tmp_path):
    copy = tmp_path / "catalog"
    shutil.copytree(REAL_CATALOG, copy)
    shutil.rmtree(copy / "schemas")
    with pytest.raises(AssertionError, match="does not exist"):
        assert_every_file_validates(copy)


def test_the_site_publishes_the_schemas_beside_the_data_downloads():
    from generator import load_catalog
    from generator.render import SiteRenderer

    pages = SiteRenderer(load_catalog(REAL_CATALOG), workbook=False).pages()
    for path in SCHEMA_DIR.glob("*.schema.json"):
        assert pages[f"downloads/schemas/{path.name}"] == path.read_bytes()
        assert f"(downloads/schemas/{path.name})" in pages["downloads.md"]
