"""Checks run on the well-formed parts of a broken file: random breakage never trips them."""

from __future__ import annotations

import copy

import yaml
from conftest import MINI_CATALOG
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_fuzz import DOCUMENTS, FAST, KEYS, SCALARS

from generator import CatalogError, load_catalog


@FAST
@given(DOCUMENTS, st.sampled_from(["vocabulary.yaml", "departments/sales/_department.yaml"]))
def test_any_yaml_document_as_vocabulary_or_department_gives_catalog_errors_only(
    mini, document, name
):
    mini.write(name, yaml.safe_dump(document, allow_unicode=True))
    try:
        load_catalog("catalog")
    except CatalogError as error:
        assert error.errors


def _paths(node, path=()):
    """Every path into a document, the document's own first."""
    yield path
    items = (
        node.items()
        if isinstance(node, dict)
        else enumerate(node)
        if isinstance(node, list)
        else ()
    )
    for key, child in items:
        yield from _paths(child, (*path, key))


VALID = {
    name: yaml.safe_load((MINI_CATALOG / name).read_text(encoding="utf-8"))
    for name in (
        "company.yaml",
        "vocabulary.yaml",
        "departments/sales/sales-manager.yaml",
        "departments/sales/_department.yaml",
    )
}


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_one_broken_value_in_a_valid_file_gives_one_line_errors_only(mini, data):
    """The checks run on what is well-formed around a broken value: they must never stumble on
    the broken one, whatever it is and wherever it sits."""
    name = data.draw(st.sampled_from(sorted(VALID)))
    document = copy.deepcopy(VALID[name])
    path = data.draw(st.sampled_from(list(_paths(document))[1:]))
    node = document
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = data.draw(
        SCALARS | st.lists(SCALARS, max_size=2) | st.dictionaries(KEYS, SCALARS, max_size=2)
    )
    mini.write(name, yaml.safe_dump(document, allow_unicode=True))
    try:
        load_catalog("catalog")
    except CatalogError as error:
        assert all(p.file and p.message and "\n" not in str(p) for p in error.problems)
