"""A roster split in two under its own headings, the second kept out by the line above
it ("Part-time / reserve officers - do not enroll these three yet." then their rows): the
rows written under a line that keeps people out, naming none of them, are those people."""

from __future__ import annotations

import re

from mailbot.intake.model import Officer
from mailbot.intake.rules import Rules
from mailbot.intake.word_lists import may_contain

_MAX_ROWS = 60
_MAX_LEAD = 2
"""Lines between the held line and its first row: a blank line, a column heading."""


def _mentions(officer: Officer, line: str) -> bool:
    """The officer's number or username on ``line`` (a username before "@" is a mail
    address's: "Sgt. Hale will be the PoC: jhale@..." is a sentence, not his row)."""
    for value, after in ((officer.officer_number, ""), (officer.dps_username, "@")):
        if not value or not may_contain(line, value):
            continue
        if re.search(rf"(?<![\w.-]){re.escape(value)}(?![\w{after}-])", line, re.I):
            return True
    return False


def rows_under_held(
    officers: list[Officer], body: str, held: list[str], rules: Rules, roster: list[Officer]
) -> set[int]:
    """Indexes in ``officers`` of those whose rows follow, in one block, a line of
    ``body`` that keeps people out without naming anyone of the whole ``roster``."""
    from mailbot.intake.held import names_any  # held reads this module's rows

    lines = body.split("\n")
    out: set[int] = set()
    for n, line in enumerate(lines):
        flat = " ".join(line.split())
        if not flat or not any(" ".join(s.split()) in flat for s in held):
            continue
        if names_any(roster, flat, rules) or any(_mentions(o, flat) for o in roster):
            continue  # the line says whom itself: read by its names
        block: set[int] = set()
        skipped = 0
        for row in lines[n + 1 : n + 1 + _MAX_ROWS]:
            hits = {k for k, o in enumerate(officers) if _mentions(o, row)}
            if hits:
                block |= hits
            elif block or skipped >= _MAX_LEAD:
                break
            else:
                skipped += 1  # a blank line, the rows' column heading
        out |= block
    return out
