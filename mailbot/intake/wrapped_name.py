"""An agency's name that a plain-text mailer wrapped onto the next line."""

from __future__ import annotations

import re
from collections.abc import Collection

_LONGEST = 80


def wrapped_name(
    value: str, lines: list[str], i: int, endings: Collection[str], label_line: re.Pattern[str]
) -> str:
    """``value`` labelled on ``lines[i]`` read whole when the mailer wrapped it onto the
    next, further indented line ("... on the e-ticket:  Castleton" / "    Police
    Department"): only when the two together end as an agency's name does (``endings``,
    lower-case) and the value alone does not, and the next line is no "Label: value"."""
    if i + 1 >= len(lines):
        return value
    below = lines[i + 1]
    rest = below.strip()
    indent = len(lines[i]) - len(lines[i].lstrip())
    if not rest or len(below) - len(below.lstrip()) <= indent or label_line.match(rest):
        return value
    whole = f"{value.strip()} {rest}"
    if len(whole) > _LONGEST or any(value.strip().lower().endswith(e) for e in endings):
        return value
    return whole if any(whole.lower().endswith(e) for e in endings) else value
