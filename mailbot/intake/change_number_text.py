"""Officer numbers written with a dash or a space inside ("LEO FW-322", "LEO FW 329",
"(FW-307)") read whole in a roster change: the five characters the record holds."""

from __future__ import annotations

import re

# a letter prefix and digits, five characters in all, after a number's label or a bracket
_SPLIT_NUMBER = re.compile(
    r"(?<=[(#])[ \t]*\b([A-Z]{1,3})[-–][ \t]?(\d{2,4})\b"
    r"|\b((?i:LEO|badge|number|no\.|num\.?)[ \t]*#?[ \t]*)([A-Z]{1,3})[ \t]?[-–]?[ \t]?(\d{2,4})\b"
)


def joined_numbers(text: str) -> str:
    """``text`` with "FW-322" and "LEO FW 329" written "FW322", "LEO FW329"."""

    def join(m: re.Match[str]) -> str:
        if m.group(1):
            letters, digits, label = m.group(1), m.group(2), ""
        else:
            label, letters, digits = m.group(3), m.group(4), m.group(5)
        if len(letters) + len(digits) != 5:
            return m.group(0)
        return f"{label}{letters}{digits}"

    return _SPLIT_NUMBER.sub(join, text)
