"""A record's values written in brackets after the name, apart by commas ("Brian Lacasse
(Chief Deputy, OC210, blacasse)"): for the tolerant line reader (:mod:`loose_rows`) the
bracket is no remark but the officer's own values, read as if written without it."""

from __future__ import annotations

import re

_TOKEN = re.compile(r"\([^()\n]*\)|[,;]|[^\s,;()]+")
_NUMBERED = re.compile(r"(?<![\w-])(?=[A-Za-z0-9-]*\d)[A-Za-z0-9]{1,4}-?[A-Za-z0-9]{1,6}(?![\w-])")
_LOGIN = re.compile(r"(?<![\w.@\\])[a-z][a-z0-9._-]{1,29}(?![\w@])")


def _holds_values(inner: str) -> bool:
    """True when a bracket's text is values apart by commas, one with a digit in it and
    one a lower-case login ("Chief Deputy, OC210, blacasse"); a phone's area code, a
    first name in full or a remark is none."""
    pieces = [p.strip() for p in inner.split(",")]
    return (
        len(pieces) >= 2
        and all(pieces)
        and any(_NUMBERED.fullmatch(p) for p in pieces)
        and any(_LOGIN.fullmatch(p) for p in pieces)
    )


def tokens_of(sentence: str) -> list[str]:
    """The tokens of ``sentence`` (a bracket, a comma or semicolon, a word), a bracket of
    values read as its own tokens."""
    out: list[str] = []
    for token in _TOKEN.findall(sentence):
        inner = token[1:-1] if token.startswith("(") else ""
        if inner and _holds_values(inner):
            out.extend(_TOKEN.findall(inner))
        else:
            out.append(token)
    return out
