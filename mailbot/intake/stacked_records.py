"""A roster pasted one value a line with no heading ("Downs" / "Kyle" / "Chief" / "RM001" /
"kdowns" / "Sweeney" / ...), as a phone pastes a table's cells: the officer numbers recur
every so many lines, and each run of that many lines is one officer's row, read as a list
line of those values."""

from __future__ import annotations

import itertools
import re

from mailbot.intake.lists import officer_on_line
from mailbot.intake.model import Officer
from mailbot.intake.rules import Rules

_NUMBER = re.compile(r"(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{5}")
"""An officer number of letters and digits both ("RM001")."""
_MIN_FIELDS = 3
"""The fewest values a row has (a name, the number, one more)."""
_MAX_FIELDS = 8
_MAX_WORDS = 3
"""The most words of one value ("Patrol Officer", "Mary Ann")."""


def _is_value(line: str) -> bool:
    """A short value on its own line: no sentence, no label, no sign-off."""
    words = line.split()
    return 0 < len(words) <= _MAX_WORDS and not line.endswith((",", ":", ".", "!", "?"))


def _blocks(text: str) -> list[list[str]]:
    """The runs of lines of ``text`` between blank lines, each line stripped."""
    out: list[list[str]] = [[]]
    for line in text.split("\n"):
        if line.strip():
            out[-1].append(line.strip())
        elif out[-1]:
            out.append([])
    return [b for b in out if b]


def stacked_records(text: str, rules: Rules) -> list[Officer]:
    """The officers of every block of ``text`` pasted one value a line, each row the same
    number of lines with its officer number at the same place (two rows at least)."""
    found: list[Officer] = []
    for block in _blocks(text):
        if not all(_is_value(line) for line in block):
            continue
        at = [i for i, line in enumerate(block) if _NUMBER.fullmatch(line)]
        if len(at) < 2:
            continue
        width = at[1] - at[0]
        if not (
            _MIN_FIELDS <= width <= _MAX_FIELDS
            and at[0] < width
            and len(block) == width * len(at)
            and all(b - a == width for a, b in itertools.pairwise(at))
        ):
            continue
        rows = [
            officer_on_line(", ".join(block[r : r + width]), rules)
            for r in range(0, len(block), width)
        ]
        if all(o is not None and o.officer_number for o in rows):
            found.extend(o for o in rows if o is not None)
    return found
