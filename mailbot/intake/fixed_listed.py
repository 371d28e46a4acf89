"""A reply that corrects a value of an officer its thread lists ("One fix - Rowe's legal
first name is Jaclyn, not Jacqueline" under the desk's list of the records created, or
under the sender's own request): the update of that officer's record, found by the value
taken back (or by the last name whose value it is), with the value meant in its place."""

from __future__ import annotations

from mailbot.intake.earlier_numbers import desk_listed
from mailbot.intake.model import Change, Officer, ParseResult
from mailbot.intake.parts import MessageParts
from mailbot.intake.rules import Rules
from mailbot.intake.self_fixed import fixes

_NOTE = 4000
"""The most of a reply read for the values it corrects (a note correcting is short)."""
_FIELDS = ("first_name", "last_name", "officer_number", "dps_username")


def _known(parts: MessageParts, earlier: ParseResult | None, rules: Rules) -> list[Officer]:
    """The officers the thread lists with their numbers: the desk's notices, and the
    sender's own request (its roster, or the changes it asked for)."""
    rows = list(desk_listed(parts, rules))
    if earlier is not None:
        rows += earlier.officers
        rows += [c.as_officer() for c in earlier.changes]
    return [o for o in rows if o.officer_number and o.last_name]


def _one(rows: list[Officer]) -> Officer | None:
    numbers = {(o.officer_number or "").upper() for o in rows}
    return rows[0] if len(numbers) == 1 else None


def fixed_rows(
    text: str, parts: MessageParts, earlier: ParseResult | None, rules: Rules
) -> list[Change]:
    """The updates ``text`` asks by correcting values of officers the thread lists."""
    known = _known(parts, earlier, rules)
    out: list[Change] = []
    for fix in fixes(text[:_NOTE], rules) if known else []:
        if fix.old is not None:  # "Jaclyn, not Jacqueline": the row that had the old value
            old = fix.old.casefold()
            found = [
                (o, f) for o in known for f in _FIELDS if (getattr(o, f) or "").casefold() == old
            ]
            officer = _one([o for o, _ in found])
            field = found[0][1] if officer else None
        elif fix.owner and fix.field in ("officer_number", "dps_username"):
            owner = fix.owner.casefold().rstrip("'’")
            officer = _one([o for o in known if (o.last_name or "").casefold() == owner])
            field = fix.field
        else:
            continue
        if officer is None or field is None:
            continue
        values = {"last_name": officer.last_name, "first_name": officer.first_name, field: fix.new}
        values["officer_number"] = values.get("officer_number") or officer.officer_number
        change = Change.model_validate({"action": "update", **values})
        if all(c.officer_number != change.officer_number for c in out):
            out.append(change)
    return out
