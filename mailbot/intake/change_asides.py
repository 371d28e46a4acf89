"""What a message says of an officer by name away from his change: "Rosa's DPS username
is rdelgadoames" in a note above a forwarded request, given to the change that names
her and has no username yet."""

from __future__ import annotations

import re

from mailbot.intake.model import Change
from mailbot.intake.rules import Rules

_NAMED_USER = re.compile(
    r"(?<![\w'’-])([A-Z][a-z'’-]{1,30})['’]s[ \t]+(?i:(?:dps|domain|tracs)[ \t]+)?"
    r"(?i:user[ \t]?name|user[ \t]id|login|logon)[ \t]+(?i:is|will[ \t]+be|should[ \t]+be)?"
    r"[ \t]*[:\"“']?[ \t]*([a-z][a-z0-9._-]{1,29})(?![\w@])"
)


def usernames_by_name(text: str, changes: list[Change], rules: Rules) -> list[Change]:
    """``changes`` with each username said of one officer by first or last name
    ("Rosa's DPS username is ...") given to the one add naming him that has none
    (an update's username would be a new one, which an aside does not say)."""
    from mailbot.intake.change_values import _bare

    out = list(changes)
    for m in _NAMED_USER.finditer(text[:20000]):
        word = m.group(1).lower()
        them = [
            i
            for i, c in enumerate(out)
            if c.action == "add"
            and not getattr(c, "dps_username", None)
            and word
            in {
                (getattr(c, "first_name", None) or "").lower(),
                (getattr(c, "last_name", None) or "").lower(),
            }
        ]
        if len(them) == 1:
            change = out[them[0]]
            out[them[0]] = Change.model_validate(
                {**change.model_dump(), "dps_username": _bare(m.group(2), rules)}
            )
    return out
