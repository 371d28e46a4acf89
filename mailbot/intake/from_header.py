"""The From header as some gateways write it: ``Pelkey, Arthur <apelkey@town.vt.us>``.

A display name with an unquoted comma is not valid RFC 5322 (it reads as two
addresses, the first without a domain), yet directory-style "Last, First" names are
common in government mail. When the value is exactly that shape, words and one comma
before a single bracketed address, it names one mailbox: quote the display name so
every parser reads it alike. Anything else is left as written (and judged as written).
"""

from __future__ import annotations

import re

# Bounded pieces, no nested quantifiers: linear on any input.
_LAST_FIRST = re.compile(
    r"\s*([A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f.'\- ]{0,80}),"
    r"\s*([A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f.'\- ]{0,80}?)\s*"
    r"<([^<>@\s\"(),;:]{1,200}@[^<>@\s\"(),;:]{1,200})>\s*"
)


def quote_last_first(value: str) -> str:
    """``value`` with a "Last, First" display name quoted, when it has exactly that shape."""
    m = _LAST_FIRST.fullmatch(value)
    if m is None:
        return value
    last, first, address = m.groups()
    return f'"{last.strip()}, {first.strip()}" <{address}>'


def quote_last_first_list(value: str) -> str:
    """A To or Cc ``value`` with each "Last, First <address>" item's display name quoted
    ("Laroche, Jenna <jlaroche@...>, DPS <dps@...>" names two mailboxes, not three). A
    value with quotes of its own is left as written."""
    if '"' in value or "," not in value:
        return value
    pieces = value.split(",")
    out: list[str] = []
    i = 0
    while i < len(pieces):
        pair = ",".join(pieces[i : i + 2]) if i + 1 < len(pieces) else None
        if pair is not None and "@" not in pieces[i] and _LAST_FIRST.fullmatch(pair):
            out.append(" " + quote_last_first(pair))
            i += 2
        else:
            out.append(pieces[i])
            i += 1
    return ",".join(out).strip()
