"""Random YAML never makes the loader fail with anything but CatalogError."""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import CatalogError, load_catalog
from generator.source.yamlsrc import parse

KEYS = st.sampled_from(
    [
        "title",
        "status",
        "goals",
        "kpis",
        "weight",
        "name",
        "competencies",
        "core",
        "monthly",
        "scale",
        "tiers",
        "op",
        "value",
        "points",
        "seed",
        "客户类",
        "notes",
        "source_line",
        "x",
    ]
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True),
    st.text(max_size=12),
    st.sampled_from(["published", "draft", "teamwork", "100%", ">120%为5"]),
)
DOCUMENTS = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=5)),
    max_leaves=25,
)
RAW_TEXT = st.text(
    alphabet=st.sampled_from(list(":-[]{}!&*#|>'\"\t\n %@`?,") + ["a", "中", "1"]), max_size=60
)
FAST = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FAST
@given(DOCUMENTS)
def test_any_yaml_document_as_a_position_gives_catalog_errors_only(mini, document):
    mini.write("departments/sales/sales-manager.yaml", yaml.safe_dump(document, allow_unicode=True))
    try:
        load_catalog("catalog")
    except CatalogError as error:
        assert all(p.file and p.message for p in error.problems)


@FAST
@given(DOCUMENTS)
def test_any_yaml_document_as_company_settings_gives_catalog_errors_only(mini, document):
    mini.write("company.yaml", yaml.safe_dump(document, allow_unicode=True))
    try:
        load_catalog("catalog")
    except CatalogError as error:
        assert error.errors


@settings(max_examples=400, deadline=None)
@given(RAW_TEXT)
def test_any_text_parses_to_data_or_problems(text):
    source = parse(text, "f.yaml")
    assert source.data is not None or source.problems


@settings(max_examples=300, deadline=None)
@given(DOCUMENTS)
def test_fast_schema_check_agrees_with_the_full_report(document):
    """The compiled pre-check may only skip the full report when that report is empty."""
    import fastjsonschema

    from generator.source.schema import _fast_check, validator

    for kind in ("position", "company", "vocabulary", "department"):
        try:
            _fast_check(kind)(document)
            fast_valid = True
        except fastjsonschema.JsonSchemaException:
            fast_valid = False
        assert fast_valid == validator(kind).is_valid(document), kind
