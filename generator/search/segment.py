"""The one segmentation of the search: index and browser (docs/assets/search/segment.js) agree.

Text is normalised (NFKC, lower case, zero-width characters dropped), then cut into tokens:
each run of CJK characters gives its character bigrams (`掉线率` -> `掉线`, `线率`), each run
of letters or digits is one word (`kpi`, `120`). Bigrams need no dictionary, so the browser
segments a query exactly as the index was segmented, whatever the catalogue's vocabulary.
Titles also give their single characters, so a one-character query finds titles only.
Each token is indexed at its position among the line's tokens, so a query's words must
stand next to each other as in the query; a line's first token is also indexed behind
START, so a query can tell "begins with".
"""

from __future__ import annotations

import re
import unicodedata

# Han (with extension A and compatibility ideographs), kana and hangul.
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_RUN = re.compile(f"([{CJK}]+)|([a-z0-9]+)")
_ZERO_WIDTH = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_SPACE = re.compile(r"\s+")
_CJK = re.compile(f"[{CJK}]")
START = "\u0002"  # + a line's first token: "the line begins with it"


def normalize(text: str) -> str:
    """NFKC, lower case, no zero-width or bidi characters: the form tokens are cut from."""
    return _ZERO_WIDTH.sub("", unicodedata.normalize("NFKC", text)).lower()


def exact_key(text: str) -> str:
    """A title as the exact-title lookup keys it: normalised, without white space."""
    return _SPACE.sub("", normalize(text))


def tokens(text: str, unigrams: bool = False) -> list[str]:
    """The tokens of `text` in order (repeats kept); `unigrams` adds each CJK character
    before the bigrams of its run."""
    out: list[str] = []
    for cjk, word in _RUN.findall(normalize(text)):
        if word:
            out.append(word)
            continue
        if unigrams:
            out.extend(cjk)
        out.extend(cjk[i : i + 2] for i in range(len(cjk) - 1))
    return out


def line_tokens(text: str, title: bool = False) -> list[tuple[str, int]]:
    """(token, position) pairs a line is indexed under, without repeats: each token at its
    ordinal among the line's tokens (so a phrase is tokens at consecutive positions),
    START + the first token at 0, and for a title each CJK character and START + the first
    character at 0 (so one character finds titles, and "begins with" works for it)."""
    found = tokens(text)
    out = {(token, position) for position, token in enumerate(found)}
    if found:
        out.add((START + found[0], 0))
    if title:
        characters = [c for c in tokens(text, unigrams=True) if len(c) == 1 and _CJK.match(c)]
        out.update((c, 0) for c in characters)
        if characters and _CJK.match(normalize(text)[:1]):
            out.add((START + characters[0], 0))
    return sorted(out, key=lambda pair: (pair[1], pair[0]))


def query_tokens(term: str) -> list[str]:
    """The tokens of one query term (no white space in it), as the browser cuts them: as
    `tokens`, except that a lone CJK character stands for itself (found in titles only)."""
    out: list[str] = []
    for cjk, word in _RUN.findall(normalize(term)):
        if word:
            out.append(word)
        elif len(cjk) == 1:
            out.append(cjk)
        else:
            out.extend(cjk[i : i + 2] for i in range(len(cjk) - 1))
    return out


def fnv1a(text: str) -> int:
    """32-bit FNV-1a over the code points of `text` (the browser computes the same)."""
    value = 0x811C9DC5
    for char in text:
        value = ((value ^ ord(char)) * 0x01000193) & 0xFFFFFFFF
    return value
