"""An officer a change names without rank or number, given his new rank right after his
name ("please treat this as the request - Demers, Kyle, now Sergeant", "Ana Roy is now a
Corporal"): the name, as "Last, First" or "First Last", and the title."""

from __future__ import annotations

import re

from mailbot.intake.model import Officer
from mailbot.intake.prose import NAME_LETTERS, rank_title
from mailbot.intake.rules import Rules, per_rules


@per_rules
def _now_titled(rules: Rules) -> re.Pattern[str]:
    words = sorted(rules.language.intent.now_titled, key=len, reverse=True)
    alt = "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in words) or r"(?!)"
    name = rf"(?<![\w'’.-])({NAME_LETTERS})(,?)[ \t]+({NAME_LETTERS})"
    return re.compile(rf"{name},?[ \t]+(?i:{alt})[ \t]+([A-Za-z]+\.?)(?![\w'’-])")


def officer_now_titled(text: str, rules: Rules) -> Officer | None:
    """The officer named with "now <rank>" after his name, or None."""
    for m in _now_titled(rules).finditer(text):
        title = rank_title(m.group(4), rules)
        a, comma, b = m.group(1), m.group(2), m.group(3)
        if not title or rank_title(a, rules) is not None or rank_title(b, rules) is not None:
            continue
        last, first = (a, b) if comma else (b, a)
        return Officer(last_name=last, first_name=first, title=title)
    return None
