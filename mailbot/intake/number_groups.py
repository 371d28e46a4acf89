"""An officer number written in groups ("FW-118", "45-097", "731 05") read whole."""

from __future__ import annotations

import re

from mailbot.intake.checks import check_officer_number
from mailbot.intake.model import Officer
from mailbot.intake.rules import Rules

_DIGIT = re.compile(r"\d")
_MARK = re.compile(r"[^\s\w]")
"""A separator that is a mark ("-", "."), not a blank."""


def joined(value: str, rules: Rules) -> str | None:
    """``value`` with the separators of ``[officer_number] separators`` taken out, when
    it is then a valid officer number and was not one as written; else None."""
    seps = rules.formats.officer_number.separators
    if not seps or check_officer_number(value, rules) is None:
        return None
    pieces = re.split("(?:" + "|".join(re.escape(s) for s in seps) + ")+", value.strip())
    whole = "".join(pieces)
    if len(pieces) < 2 or not all(_DIGIT.search(p) for p in pieces[1:]):
        return None
    if not (_DIGIT.search(pieces[0]) or pieces[0].isupper()):
        return None  # "Unit 4", "Suite 12": words and a number, not a number in groups
    return whole if check_officer_number(whole, rules) is None else None


def read_whole(officers: list[Officer], rules: Rules) -> list[Officer]:
    """Each officer with a number written in groups given it whole. A blank inside a
    number is never part of it ("22 904" in a cell); a dash is the roster's way of
    writing numbers when every number has one ("FW-118", "FW-162"), but one number
    alone with a dash among plain ones ("BT001", "BT-014") is left as written, for
    staff to judge."""
    numbers = [o.officer_number for o in officers if o.officer_number]
    alike = bool(numbers) and all(joined(n, rules) for n in numbers)
    out = []
    for officer in officers:
        number = officer.officer_number
        whole = joined(number, rules) if number else None
        if whole and (alike or not _MARK.search(number or "")):
            officer = officer.model_copy(update={"officer_number": whole})
        out.append(officer)
    return out
