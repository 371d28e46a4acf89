"""The later lines of an address given field by field, as a web form sends it
("Street address: 350 Elm Street" / "Town/City: Stowe" / "State: VT" / "ZIP code: 05672")."""

from __future__ import annotations

import re

from mailbot.intake.rules import Rules, per_rules


@per_rules
def _part_label(rules: Rules) -> re.Pattern[str]:
    words = sorted(rules.labels.address_parts.labels, key=len, reverse=True)
    alts = "|".join(re.escape(w) for w in words) or r"(?!)"
    return re.compile(rf"^\s*(?:{alts})\s*:\s*(.*?)\s*$", re.I)


def part_value(line: str, rules: Rules) -> str | None:
    """The value of a line labelled as part of an address ("Town/City: Stowe"), "" when
    the label stands alone, None when the line is not such a part."""
    m = _part_label(rules).match(line)
    return m.group(1) if m else None


def add_part(parts: list[str], value: str) -> None:
    """``value`` appended to an address's ``parts``; a ZIP code goes beside the state
    before it ("VT 05672")."""
    if (
        re.fullmatch(r"\d{5}(?:-\d{4})?", value)
        and parts
        and re.fullmatch(r"[A-Za-z]{2}\.?|Vermont", parts[-1])
    ):
        parts[-1] = f"{parts[-1]} {value}"
    elif value:
        parts.append(value)
