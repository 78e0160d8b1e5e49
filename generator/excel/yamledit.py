"""Edit YAML files in place: new values go in, comments, key order and quoting stay."""

from __future__ import annotations

import io
import re
from collections import Counter
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.emitter import RoundTripEmitter
from ruamel.yaml.scalarstring import ScalarString

from ..model import GROUPS

# Values a file may spell out or leave away with the same meaning (the model's defaults), so
# `target: ""` or `otherwise: null` in a file is not a change when the new data omits it.
DEFAULTS: dict[str, Any] = {
    "target": "",
    "standard": "",
    "method": "",
    "seed": {},
    "notes": [],
    "unit": "%",
    "otherwise": None,
    "goals": {},
    "kpis": [],
    "core": [],
    "reference": [],
    "attitude": [],
}
# Keys whose new mappings are written on one line, as the catalogue writes them.
FLOW_KEYS = {"seed", "tiers", *GROUPS}  # a competency: {id: ..., seed: ...}


class _Emitter(RoundTripEmitter):
    """Quote new text with double quotes, as the catalogue does, where plain will not do."""

    def choose_scalar_style(self) -> Any:
        style = super().choose_scalar_style()
        if self.event.style:
            return style
        if (
            style == "'"
            or style == ""
            and str(self.event.tag) == _STR
            and not _plain_text(self.event.value)
        ):
            return '"'
        return style


_STR = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()


def _plain_text(text: str) -> bool:
    """Whether PyYAML (YAML 1.1, which the checker reads with) reads `text` unquoted as that
    text: not `yes` (true), `1:20` (80) or `:x` (an error), which YAML 1.2 writers leave plain."""
    return (
        not text.startswith(":") and _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == _STR
    )


def round_trip_yaml() -> YAML:
    """A ruamel.yaml instance that reproduces a catalogue file byte for byte."""
    yaml = YAML(typ="rt")
    yaml.Emitter = _Emitter
    yaml.preserve_quotes = True
    yaml.width = 1_000_000  # never fold long lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.representer.add_representer(
        type(None), lambda r, _: r.represent_scalar("tag:yaml.org,2002:null", "null")
    )
    return yaml


def dump(document: Any) -> str:
    out = io.StringIO()
    round_trip_yaml().dump(document, out)
    return out.getvalue()


def update_text(text: str, data: dict[str, Any]) -> str:
    """`text` (a YAML mapping) changed to hold `data`, keeping what did not change as it was."""
    document = round_trip_yaml().load(text)
    merge_map(document, data)
    return dump(document)


def update_list(text: str, key: str, values: list[Any]) -> str:
    """`text` (a YAML mapping) with the list under `key` changed to `values`."""
    document = round_trip_yaml().load(text)
    if isinstance(document.get(key), CommentedSeq):
        merge_seq(document[key], values, key)
    else:
        document[key] = commented(values, key)
    return dump(document)


def new_text(data: dict[str, Any], header: str = "") -> str:
    """A new YAML file holding `data`, after the comment line(s) `header`."""
    return header + dump(commented(data))


def merge_map(old: CommentedMap, new: dict[str, Any]) -> None:
    """Make `old` hold `new`: unchanged values keep their object (and so comments and style)."""
    for key in list(old):
        if key not in new and not _is_default(key, old[key]):
            del old[key]
    previous = None
    for key, value in new.items():
        if key in old:
            width = _width(old[key])  # before an in-place merge changes it
            old[key] = merge_value(old[key], value, key)
            _keep_comment_gap(old, key, width, _width(old[key]))
        elif not _is_default(key, value):
            keys = list(old)
            position = keys.index(previous) + 1 if previous in old else 0
            old.insert(position, key, commented(value, key))
        if key in old:
            previous = key


def _keep_comment_gap(
    mapping: CommentedMap, key: Any, before: int | None, after: int | None
) -> None:
    """Move the comment after a changed value so it keeps its distance from the value."""
    comment = (mapping.ca.items.get(key) or [None] * 4)[2]
    if comment is None or getattr(comment, "start_mark", None) is None:
        return
    if before is not None and after is not None and before != after:
        comment.column = max(0, comment.column + after - before)


def _width(value: Any) -> int | None:
    """About how many characters `value` takes on its line; None if it spans lines."""
    if isinstance(value, (CommentedMap, CommentedSeq)):
        return len(_flow(value)) if value.fa.flow_style() else None
    return len(_flow(value))


def _flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return "null" if value is None else str(value)


def merge_value(old: Any, new: Any, key: Any = None) -> Any:
    if isinstance(old, CommentedMap) and isinstance(new, dict):
        merge_map(old, new)
        return old
    if isinstance(old, CommentedSeq) and isinstance(new, list):
        merge_seq(old, new, key)
        return old
    if _same_scalar(old, new):
        return old
    if isinstance(old, ScalarString) and isinstance(new, str):
        return type(old)(new)  # keep the quoting the file used
    return commented(new, key)


def merge_seq(old: CommentedSeq, new: list[Any], key: Any = None) -> None:
    """Make `old` hold `new`, pairing items so each keeps its comment where it moves."""
    pairs = _pair_items(old, new)
    items, comments = [], {}
    for j, value in enumerate(new):
        if j in pairs:
            i = pairs[j]
            items.append(merge_value(old[i], value, key))
            if i in old.ca.items:
                comments[j] = old.ca.items[i]
        else:
            items.append(commented(value, key))
    old.ca.items.clear()
    list.clear(old)
    list.extend(old, items)
    old.ca.items.update(comments)


def _pair_items(old: list[Any], new: list[Any]) -> dict[int, int]:
    """new index -> old index: the same item (also when moved), or an edited mapping in the
    same place among the unchanged ones (a KPI whose name changed is still that KPI)."""
    waiting: dict[Any, list[int]] = {}
    for i, item in enumerate(old):
        waiting.setdefault(_identity(item), []).append(i)
    pairs: dict[int, int] = {}
    for j, item in enumerate(new):
        candidates = waiting.get(_identity(item))
        if candidates:
            pairs[j] = candidates.pop(0)
    used = set(pairs.values())
    for j, item in enumerate(new):
        if j in pairs or not isinstance(item, dict):
            continue
        low = max((i for k, i in pairs.items() if k < j), default=-1)
        high = min((i for k, i in pairs.items() if k > j), default=len(old))
        for i in range(low + 1, high):
            if i not in used and isinstance(old[i], dict):
                pairs[j] = i
                used.add(i)
                break
    return pairs


def commented(value: Any, key: Any = None, flow: bool = False) -> Any:
    """`value` as ruamel round-trip objects, seed maps and tiers on one line each."""
    if isinstance(value, dict):
        out = CommentedMap()
        for k, v in value.items():
            out[k] = commented(v, k, flow)
        if flow or key == "seed" or key in GROUPS:  # a seed map, a competency {id, seed}
            out.fa.set_flow_style()
        return out
    if isinstance(value, list):
        seq = CommentedSeq(commented(v, key, flow or key in FLOW_KEYS) for v in value)
        if not value:
            seq.fa.set_flow_style()
        return seq
    return value


def _is_default(key: Any, value: Any) -> bool:
    return key in DEFAULTS and _plain(value) == DEFAULTS[key]


def _same_scalar(old: Any, new: Any) -> bool:
    """Equal, and of the same kind: 30 is not the same as 30.0, nor "30" as 30."""
    if isinstance(old, str) or isinstance(new, str):
        return isinstance(old, str) and isinstance(new, str) and str(old) == new
    if old is None or new is None:
        return old is None and new is None
    return old == new and isinstance(old, int) == isinstance(new, int)


def _identity(item: Any) -> Any:
    """What makes a list item the same item after an edit: its name, or the whole of it."""
    if isinstance(item, dict):
        for key in ("name", "goal", "indicator"):
            if key in item:
                return (key, str(item[key]))
        if "id" in item:  # a competency, the same one as its id alone
            return repr(str(item["id"]))
        return repr(_plain(item))
    return repr(_plain(item))


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value


# ------------------------------------------------------------------------------- comments


_COMMENT = re.compile(r"""(?:^|\s)(#.*)$""")


def comments(text: str) -> Counter[str]:
    """The comments of YAML `text`, each as written (a `#` inside quotes is not one)."""
    found: Counter[str] = Counter()
    for line in text.splitlines():
        outside = _without_quoted(line)
        match = _COMMENT.search(outside)
        if match:
            found[line[match.start(1) :].strip()] += 1
    return found


def _without_quoted(line: str) -> str:
    """`line` with quoted text blanked out, same length."""
    out, quote = [], ""
    for char in line:
        if quote:
            out.append(" ")
            if char == quote:
                quote = ""
        elif char in "'\"" and (not out or out[-1] in " [{:,-"):
            quote = char
            out.append(" ")
        else:
            out.append(char)
    return "".join(out)


def lost_comments(old: str, new: str) -> list[str]:
    """Comments of `old` that `new` no longer has."""
    return sorted((comments(old) - comments(new)).elements())


def file_comments(text: str) -> list[str]:
    """The comments of YAML `text` a person wrote (not the schema line every file starts with)."""
    return [
        c for c in sorted(comments(text).elements()) if not c.startswith("# yaml-language-server:")
    ]
