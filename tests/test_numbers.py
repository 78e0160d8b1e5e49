"""Numbers shown to people, numbers a spreadsheet made of typed text, numbers read from text."""

from __future__ import annotations

import pytest

from generator.numbers import format_number, number_as_typed, parse_number_text


@pytest.mark.parametrize(
    "value, shown", [(30, "30"), (30.0, "30"), (12.5, "12.5"), (-2.0, "-2"), (0.1 + 0.2, "0.3")]
)
def test_format_number(value, shown):
    assert format_number(value) == shown


@pytest.mark.parametrize(
    "value, typed",
    [(30, "30"), (30.0, "30"), (27.5, "27.5"), (0.1 + 0.2, "0.3"), (1234567.5, "1234567.5")],
)
def test_number_as_typed(value, typed):
    assert number_as_typed(value) == typed


@pytest.mark.parametrize(
    "text, number",
    [
        ("30", 30), ("30.0", 30.0), ("-2.5", -2.5), (".5", 0.5), ("5.", 5.0), ("+7", 7),
        ("1e3", 1000), (" 95 % ", 95), ("95％", 95), ("３０", 30), ("٣٠", 30),
        ("1e400", None), ("inf", None), ("nan", None), ("1_000", None), ("1,000", None),
        ("", None), ("三十", None), ("30%%", 30),
    ],
)  # fmt: skip
def test_parse_number_text(text, number):
    parsed = parse_number_text(text)
    assert parsed == number and type(parsed) is type(number)


def test_parse_number_text_drops_only_the_units_it_is_given():
    assert parse_number_text("3‰") is None  # a weight cell: ‰ is no percent
    assert parse_number_text("3‰", units="%‰") == 3
    assert parse_number_text("3%", units="") is None
