"""A reply to the sender's own earlier message ("Sorry, I forgot the judiciary code.
Everything else is below."): the quoted request is the sender's too, and what it gives
is given. The desk's own messages (a checklist quoted back) are never read this way."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from mailbot.intake.model import ParseResult
from mailbot.intake.parts import MessageParts

_QUOTE_MARKS = re.compile(r"^[ \t]*(?:>[ \t]?)+", re.M)
_DESK = "dps.eticket"
_NEAR = 3
"""Lines either side of the cut looked at for the attribution ("... a écrit :")."""


def _domain(address: str | None) -> str:
    address = (address or "").strip().strip("<>").lower()
    return address.rpartition("@")[2] if "@" in address else ""


def quotes_own_message(parts: MessageParts) -> bool:
    """True when the quoted message is the sender's own: the reply answers a message
    sent from the sender's own domain, or the attribution names the sender."""
    quoted = parts.quoted_text
    if not quoted.strip() or _DESK in quoted[:4000].lower():
        return False
    own = _domain(parts.sender)
    if own and _domain(parts.in_reply_to) == own:
        return True
    near = "\n".join(parts.text.rstrip().split("\n")[-_NEAR:] + quoted.split("\n")[:_NEAR])
    near = near.lower()
    name = (parts.sender_name or "").strip().lower()
    return bool(parts.sender and parts.sender.lower() in near) or (
        len(name.split()) >= 2 and name in near
    )


def earlier_parts(parts: MessageParts) -> MessageParts:
    """The quoted message as a message of its own (no longer a reply)."""
    lines = _QUOTE_MARKS.sub("", parts.quoted_text).split("\n")
    while lines and (not lines[0].strip() or lines[0].rstrip().endswith(":")):
        lines.pop(0)  # the attribution line
    text = "\n".join(lines)
    return dataclasses.replace(
        parts,
        text=text,
        full_text=text,
        quoted_text="",
        in_reply_to=None,
        references=[],
        subject=re.sub(r"^\s*(?:(?:re|aw|sv)\s*:\s*)+", "", parts.subject, flags=re.I),
        tables=[],
        quotes_cut=True,
        forward_note="",
    )


def fill_from_earlier(
    result: ParseResult, parts: MessageParts, read: Callable[[MessageParts], ParseResult]
) -> bool:
    """Fill what ``result`` lacks from the sender's own quoted request (read with
    ``read``). Values written now win; returns True when anything was filled."""
    if not quotes_own_message(parts):
        return False
    earlier = read(earlier_parts(parts))
    if earlier.intent != "enrollment":
        return False
    filled = False
    for group in ("agency", "point_of_contact", "head_of_department"):
        now, before = getattr(result, group), getattr(earlier, group)
        for key, value in before.model_dump().items():
            if getattr(now, key) is None and value is not None:
                setattr(now, key, value)
                filled = True
    if not result.officers:
        result.officers = list(earlier.officers)
        return filled or bool(earlier.officers)
    for officer in result.officers:
        match = _same_officer(officer, earlier.officers)
        if match is None:
            continue
        for key, value in match.model_dump().items():
            if getattr(officer, key) is None and value is not None:
                setattr(officer, key, value)
                filled = True
    return filled


def _same_officer(officer, others):  # type: ignore[no-untyped-def]
    def key(o):  # type: ignore[no-untyped-def]
        return ((o.last_name or "").lower(), (o.first_name or "").lower())

    if not officer.last_name:
        return None
    for other in others:
        if key(other) == key(officer):
            return other
    return None
