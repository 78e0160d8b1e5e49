"""HR's messages: every template has its Chinese, with the same placeholders; the language
follows --lang and the environment."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from generator import messages
from generator.messages import ZH, _

PACKAGE = Path(__file__).resolve().parent.parent / "generator"


def templates_in_code() -> dict[str, str]:
    """Every constant template passed to `_` in the package: {template: where}."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if "messages" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "_"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.setdefault(node.args[0].value, f"{path.relative_to(PACKAGE)}:{node.lineno}")
    return found


def placeholders(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field is not None}


def test_every_template_has_its_chinese_with_the_same_placeholders():
    code = templates_in_code()
    missing = sorted(f"{where}: {t!r}" for t, where in code.items() if t not in ZH)
    assert missing == []
    different = sorted(f"{code[t]}: {t!r}" for t in code if placeholders(ZH[t]) != placeholders(t))
    assert different == []


def test_no_translation_is_left_over_from_a_template_that_is_gone():
    assert sorted(set(ZH) - set(templates_in_code())) == []


def test_values_are_never_parsed_as_fields():
    assert _("{value} stays as written", value="{0}{x.__class__}") == (
        "{0}{x.__class__} stays as written"
    )


@pytest.mark.parametrize(
    "env, lang",
    [
        ({}, "zh"),
        ({"POSITION_STANDARDS_LANG": "en"}, "en"),
        ({"POSITION_STANDARDS_LANG": "zh"}, "zh"),
        ({"LANGUAGE": "en_US:en"}, "en"),
        ({"LANGUAGE": "zh_CN:en"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "zh"),
    ],
)
def test_the_language_follows_the_environment(monkeypatch, env, lang):
    for name in ("POSITION_STANDARDS_LANG", "LANGUAGE", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    messages.set_language(None)
    assert messages.language() == lang


def test_an_explicit_language_wins_over_the_environment(monkeypatch):
    monkeypatch.setenv("POSITION_STANDARDS_LANG", "en")
    messages.set_language("zh")
    try:
        assert messages.language() == "zh"
    finally:
        messages.set_language(None)
