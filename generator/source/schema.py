"""JSON Schema validation of one catalogue file, with messages people can act on."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import fastjsonschema

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

from ..errors import Problem, listing, quote
from ..messages import _
from .yamlsrc import Path_, Source, format_path

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"

DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
# A schema's `$` ends the text, as in the JSON Schema (ECMA-262) dialect and in fastjsonschema;
# Python's `$` would also match before a final line break ("sales\n" would pass as an id).
_DOLLAR = re.compile(r"(?<!\\)\$")


def _type_word(name: str) -> str:
    """What a JSON Schema type is called in a message."""
    words = {
        "string": _("text"),
        "number": _("a number"),
        "integer": _("a whole number"),
        "object": _("a mapping (key: value lines)"),
        "array": _("a list"),
        "null": _("nothing"),
        "boolean": _("true or false"),
    }
    return words.get(name, name)


@cache
def _schema(kind: str) -> dict[str, Any]:
    return json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))


@cache
def _regex(pattern: str) -> re.Pattern[str]:
    return re.compile(_DOLLAR.sub(r"\\Z", pattern))


def _pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Iterator[Any]:
    from jsonschema.exceptions import ValidationError

    if validator.is_type(instance, "string") and not _regex(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


@cache
def validator(kind: str) -> Draft202012Validator:
    """The validator of `kind`: company, department, position or vocabulary (imported only
    when a file fails the fast check: most runs never need it)."""
    from jsonschema import Draft202012Validator, validators

    checker = validators.extend(Draft202012Validator, {"pattern": _pattern})
    return checker(_schema(kind))


@cache
def _fast_check(kind: str) -> Callable[[Any], Any]:
    """The same schema compiled to Python code: ten times faster, but it stops at the first
    problem, so it only decides whether the full report of `validator` is needed."""
    return fastjsonschema.compile(_schema(kind))


def check_schema(src: Source, kind: str) -> list[Problem]:
    """Every schema violation of `src`, one problem each, in file order.

    The path of each is added to `src.invalid`; a value already reported there (one that
    could not be read) is not reported again."""
    try:
        _fast_check(kind)(src.data)
        return []
    except fastjsonschema.JsonSchemaException:
        pass  # report every problem, with the messages below
    known = set(src.invalid)
    problems = []
    for error in validator(kind).iter_errors(src.data):
        for path, problem in _problems(src, error):
            if any(path[:n] in known for n in range(len(path) + 1)):
                continue
            src.invalid.add(path)
            problems.append(problem)
    return sorted(problems, key=lambda p: p.line)


def _problems(src: Source, error: ValidationError) -> list[tuple[Path_, Problem]]:
    """The problems of one error, each with the path it makes unusable."""
    if error.validator in ("oneOf", "anyOf") and error.context:
        return [p for e in _branch_errors(error) for p in _problems(src, e)]
    path = tuple(error.absolute_path)
    instance = error.instance
    kind = error.validator
    if "propertyNames" in error.relative_schema_path and isinstance(instance, str):
        # the error is about a key: point at the key's own line
        key_path = (*path, instance)
        return [(key_path, _at(src, key_path, _("key {problem}", problem=_message(error))))]
    if kind == "additionalProperties" and isinstance(instance, dict):
        allowed = list(error.schema.get("properties", {}))
        out = []
        for key in instance:
            if key in allowed:
                continue
            close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            hint = (
                _(" (did you mean {choice}?)", choice=f"'{close[0]}'")
                if close
                else _("; allowed: {keys}", keys=listing(allowed))
            )
            out.append(
                (
                    (*path, key),
                    _at(src, (*path, key), _("unknown key {key}{hint}", key=quote(key), hint=hint)),
                )
            )
        return out
    if kind == "required" and isinstance(instance, dict):
        # a missing key that is a typo of an unknown key is reported once, as the typo
        unknown = [k for k in instance if k not in error.schema.get("properties", {})]
        return [
            ((*path, key), _at(src, path, _("missing required key '{key}'", key=key)))
            for key in error.validator_value
            if key not in instance and not difflib.get_close_matches(key, unknown, 1, 0.6)
        ]
    return [(path, _at(src, path, _message(error)))]


def _branch_errors(error: ValidationError) -> list[ValidationError]:
    """The errors of the oneOf/anyOf branch meant for the instance's type (or the best one)."""
    branches = error.validator_value
    for index, branch in enumerate(branches):
        wanted = branch.get("type")
        if wanted and validator_for_type(wanted, error.instance):
            errors = [e for e in error.context if e.relative_schema_path[0] == index]
            if errors:
                return errors
    from jsonschema.exceptions import best_match

    return [best_match(error.context)]


def validator_for_type(wanted: str | list[str], instance: Any) -> bool:
    types = [wanted] if isinstance(wanted, str) else wanted
    checker = type(validator("position")).TYPE_CHECKER
    return any(checker.is_type(instance, t) for t in types)


def _at(src: Source, path: tuple, message: str) -> Problem:
    return Problem(src.file, src.line(path), format_path(path, src.data), message)


def _message(error: ValidationError) -> str:
    kind, value, instance = error.validator, error.validator_value, error.instance
    if kind == "type":
        types = [value] if isinstance(value, str) else list(value)
        wanted = _type_word(types[0])
        for other in types[1:]:
            wanted = _("{first} or {second}", first=wanted, second=_type_word(other))
        hint = ""
        if "string" in types and isinstance(instance, (int, float)):
            hint = _(' (put it in quotes to keep it as text: "{value}")', value=instance)
        return _(
            "expected {wanted}, got {value}{hint}",
            wanted=wanted,
            value=describe(instance),
            hint=hint,
        )
    got = describe(instance)
    if kind == "enum":
        return _("expected one of {choices}, got {value}", choices=listing(value), value=got)
    if kind == "pattern" and value.startswith("^[a-z0-9]"):
        return _(
            "{value} is not a safe id: use lowercase ASCII letters, digits and single "
            "hyphens, e.g. fin-analyst",
            value=got,
        )
    if kind == "pattern" and value == DATE_PATTERN:
        return _("expected a date written YYYY-MM-DD (e.g. 2026-12-01), got {value}", value=got)
    if kind == "pattern":
        return _("{value} does not have the expected form ({pattern})", value=got, pattern=value)
    if kind == "exclusiveMinimum":
        return _("must be more than {limit}, got {value}", limit=value, value=got)
    if kind == "minimum":
        return _("must be at least {limit}, got {value}", limit=value, value=got)
    if kind == "maximum":
        return _("must be at most {limit}, got {value}", limit=value, value=got)
    if kind == "minLength":
        return _("must not be empty")
    if kind == "maxLength" and isinstance(instance, str):
        return _(
            "must be at most {limit} characters long, got {length}",
            limit=value,
            length=len(instance),
        )
    if kind == "maxLength":
        return _("must be at most {limit} characters long", limit=value)
    if kind == "minItems":
        return _("must list at least {count} item(s)", count=value)
    if kind == "minProperties" and value == 1 and instance == {}:
        return _("{{}} should be non-empty")  # as jsonschema words it
    # a keyword the catalogue's schemas do not use: as jsonschema words it
    return error.message.splitlines()[0] if error.message else kind


def describe(value: Any) -> str:
    """A short, quoted description of a YAML value for messages."""
    if value is None:
        return _("nothing (an empty value)")
    if isinstance(value, bool):
        return _("{value} (true/false)", value=str(value).lower())
    if isinstance(value, str):
        return quote(value)
    if isinstance(value, (int, float)):
        return repr(value) if len(repr(value)) <= 20 else quote(repr(value), 20)
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a mapping")
    return type(value).__name__
