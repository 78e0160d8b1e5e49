"""A YAML syntax error -> a problem, in the words of the message catalogue."""

from __future__ import annotations

import yaml

from ..errors import Problem
from ..messages import _
from .nodes import too_deep


def syntax_problem(exc: yaml.MarkedYAMLError, file: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    what = exc.problem or exc.context
    if what and "maximum nesting depth" in what:  # libyaml's own limit, deeper than ours
        return Problem(file, line, "", too_deep())
    if not what:
        what = _("invalid YAML")
    elif "another document" in what:
        what = _("a file holds one YAML document; remove the second '---' and what follows")
    elif exc.context and exc.problem:
        start = exc.context_mark
        where = (
            _(" started on line {line}", line=start.line + 1)
            if start and start.line + 1 != line
            else ""
        )
        what = _(
            "{problem} ({context}{where})",
            problem=_parser_words(exc.problem),
            context=_parser_words(exc.context),
            where=where,
        )
    else:
        what = _parser_words(what)
    return Problem(file, line, "", _("YAML syntax error: {detail}", detail=what))


def _parser_words(text: str) -> str:
    """A problem or context of libyaml's syntax errors in the current language (the common
    ones; others as libyaml words them)."""
    words = {
        "did not find expected ',' or ']'": _("did not find expected ',' or ']'"),
        "did not find expected ',' or '}'": _("did not find expected ',' or '}}'"),
        "did not find expected key": _("did not find expected key"),
        "did not find expected '-' indicator": _("did not find expected '-' indicator"),
        "did not find expected node content": _("did not find expected node content"),
        "did not find expected comment or line break": _(
            "did not find expected comment or line break"
        ),
        "did not find expected alphabetic or numeric character": _(
            "did not find expected alphabetic or numeric character"
        ),
        "did not find expected <document start>": _("did not find expected <document start>"),
        "could not find expected ':'": _("could not find expected ':'"),
        "mapping values are not allowed in this context": _(
            "mapping values are not allowed in this context"
        ),
        "found character that cannot start any token": _(
            "found character that cannot start any token"
        ),
        "found unexpected end of stream": _("found unexpected end of stream"),
        "found unknown escape character": _("found unknown escape character"),
        "found undefined tag handle": _("found undefined tag handle"),
        "found a tab character that violates indentation": _(
            "found a tab character that violates indentation"
        ),
        "while parsing a flow sequence": _("while parsing a flow sequence"),
        "while parsing a flow mapping": _("while parsing a flow mapping"),
        "while parsing a block mapping": _("while parsing a block mapping"),
        "while parsing a block collection": _("while parsing a block collection"),
        "while parsing a block node": _("while parsing a block node"),
        "while parsing a flow node": _("while parsing a flow node"),
        "while parsing a node": _("while parsing a node"),
        "while parsing a quoted scalar": _("while parsing a quoted scalar"),
        "while scanning a quoted scalar": _("while scanning a quoted scalar"),
        "while scanning a block scalar": _("while scanning a block scalar"),
        "while scanning a plain scalar": _("while scanning a plain scalar"),
        "while scanning a simple key": _("while scanning a simple key"),
        "while scanning an anchor": _("while scanning an anchor"),
        "while scanning an alias": _("while scanning an alias"),
        "while scanning a tag": _("while scanning a tag"),
        "while scanning for the next token": _("while scanning for the next token"),
    }
    return words.get(text, text)


# The tags plain YAML data may carry; anything else (!!python/..., custom !tags) is refused.
