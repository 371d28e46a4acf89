"""A change that names its officer without a number in a reply ("Officer Morrow's DPS
username is kmorrow, not kmorow") completed from the sender's own quoted request that
named him with his number ("Officer Kelsey Morrow, LEO # 07412, DPS username kmorow")."""

from __future__ import annotations

from mailbot.intake.change_items import items
from mailbot.intake.change_officer import officer_named
from mailbot.intake.model import Change, Officer
from mailbot.intake.own_thread import own_messages
from mailbot.intake.parts import MessageParts
from mailbot.intake.rules import Rules


def numbered_from_own_thread(
    changes: list[Change], parts: MessageParts, rules: Rules
) -> list[Change]:
    """``changes`` with each one named by last name only given the officer number, first
    name and title of the one officer of that last name in the sender's own quoted
    messages."""
    if not any(not c.officer_number and getattr(c, "last_name", None) for c in changes):
        return changes
    known: list[Officer] = []
    for own in own_messages(parts):
        for item in items(own.text):
            officer = officer_named(item, rules) if len(item) <= 300 else None
            if officer is not None and officer.officer_number and officer.last_name:
                known.append(officer)
    out = []
    for change in changes:
        last = (getattr(change, "last_name", None) or "").lower()
        them = {o.officer_number: o for o in known if (o.last_name or "").lower() == last}
        if change.officer_number or len(them) != 1:
            out.append(change)
            continue
        officer = next(iter(them.values()))
        have = change.model_dump(exclude_none=True)
        found = {"officer_number": officer.officer_number, "first_name": officer.first_name}
        found["title"] = officer.title
        more = {k: v for k, v in found.items() if v and k not in have}
        out.append(Change.model_validate({**have, **more}))
    return out
