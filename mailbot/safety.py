"""Output safety, in one place: a value read from an email is data, never markup, a
formula or a terminal control.

- :func:`clean_text` / :func:`clean_data`: at intake, control characters (C0 except
  TAB and LF, DEL, C1) and bidirectional overrides are removed from every value;
  the caller notes on the case how many were removed.
- :func:`csv_cell`: a spreadsheet cell that cannot start a formula (the OWASP CSV
  injection rule: a leading ``= + - @ TAB CR`` gets a ``'`` in front).
- :func:`terminal_text`: what the staff terminal may show; anything that could
  drive the terminal is shown as a visible ``\\xNN``/``\\uNNNN`` escape instead.
- :func:`json_text`: JSON for a terminal or a pipe; the same characters escaped.

Pure functions; property tests in ``tests/unit/test_safety.py``.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from typing import overload

from mailbot.domain.values import Json

# Bidirectional embedding/override/isolate controls (Trojan Source) and marks.
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# Removed at intake: C0 except TAB (09) and LF (0A), DEL, C1, bidi controls.
_UNSAFE = f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]"
# Never shown raw on a terminal: every C0 (TAB and LF too: a cell is one line), DEL,
# C1, bidi controls, and line/paragraph separators.
_TERMINAL = f"[\x00-\x1f\x7f-\x9f{_BIDI}\u2028\u2029]"
# Escaped in JSON output: json.dumps already escapes C0; these it leaves raw.
_JSON_RAW = f"[\x7f-\x9f{_BIDI}\u2028\u2029]"
# OWASP: a cell starting with one of these is read as a formula by spreadsheets.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled on first use: a command needs one of them, or none."""
    return re.compile(pattern)


def clean_text(value: str) -> tuple[str, int]:
    """``value`` without unsafe control characters, and how many were removed."""
    cleaned, removed = _compiled(_UNSAFE).subn("", value)
    return cleaned, removed


@overload
def clean_data(value: Mapping[str, Json]) -> tuple[dict[str, Json], int]: ...


@overload
def clean_data(value: Json) -> tuple[Json, int]: ...


def clean_data(value: Json | Mapping[str, Json]) -> tuple[Json, int]:
    """A JSON value (dicts, lists, strings) with every string (keys too) cleaned by
    :func:`clean_text`; returns the new value and the count of characters removed."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, Mapping):
        total = 0
        out: dict[str, Json] = {}
        for key, item in value.items():
            new_key, n_key = clean_text(key)
            new_item, n_item = clean_data(item)
            out[new_key] = new_item
            total += n_key + n_item
        return out, total
    if isinstance(value, list | tuple):
        total = 0
        items: list[Json] = []
        for item in value:
            new_item, n = clean_data(item)
            items.append(new_item)
            total += n
        return items, total
    return value, 0


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_text(value: object) -> str:
    """``value`` as text a terminal only displays: control characters (ESC, CSI,
    BEL, CR, LF...) and bidi controls become visible escapes such as ``\\x1b``."""
    text = "" if value is None else str(value)
    return _compiled(_TERMINAL).sub(_escape, text)


def csv_cell(value: object) -> str:
    """One CSV cell: unsafe characters removed, and a value a spreadsheet would read
    as a formula (``=``, ``+``, ``-``, ``@``, TAB or CR first) kept as text with a
    leading ``'``."""
    text = _compiled(_UNSAFE).sub("", "" if value is None else str(value))
    return "'" + text if text.startswith(_FORMULA_START) else text


def json_text(value: object, *, indent: int | None = None) -> str:
    """JSON (UTF-8 kept readable) in which no character can drive a terminal: C1,
    DEL and bidi controls are written as ``\\uNNNN`` escapes (json escapes C0)."""
    text = json.dumps(value, ensure_ascii=False, indent=indent, default=str)
    if text.isascii() and "\x7f" not in text:  # nothing to escape: skip the scan
        return text
    return _compiled(_JSON_RAW).sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)
