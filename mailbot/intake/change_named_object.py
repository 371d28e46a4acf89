"""The officer a request names by full name alone, without a number or a rank: "please
remove Danny Roe from our e-ticket list", "The new constable is Bruce Kellogg"."""

from __future__ import annotations

import re

from mailbot.intake.prose import PERSON_WORD, rank_title
from mailbot.intake.rules import Rules, per_rules

_FULL_NAME = rf"({PERSON_WORD})[ \t]+({PERSON_WORD})(?![\w'’-])"


@per_rules
def _asked(rules: Rules) -> re.Pattern[str]:
    """ "remove Danny Roe", "deactivate Jane Doe": a request's verb, then a full name."""
    words = rules.language.intent
    verbs = sorted({*words.deactivate_asked, *words.deactivate_openers}, key=len, reverse=True)
    alt = "|".join(re.escape(v) for v in verbs)
    return re.compile(rf"\b(?i:please)[ \t]+(?i:{alt})[ \t]+{_FULL_NAME}")


@per_rules
def _new_one(rules: Rules) -> re.Pattern[str]:
    """ "The new constable is Bruce Kellogg": a new officer of a rank, named."""
    ranks = sorted((r for r, t in rules.language.people.ranks.items() if t), key=len, reverse=True)
    alt = "|".join(re.escape(r) for r in ranks)
    return re.compile(rf"\b(?i:the[ \t]+new)[ \t]+((?i:{alt}))[ \t]+(?i:is)[ \t]+{_FULL_NAME}")


def removal_named(text: str, rules: Rules) -> tuple[str, str] | None:
    """(first, last) of the officer a removal request names by full name, or None."""
    m = _asked(rules).search(text)
    if m is None or rank_title(m.group(1), rules):
        return None
    return m.group(1), m.group(2)


def new_officer_named(text: str, rules: Rules) -> tuple[str, str, str] | None:
    """(title, first, last) of "The new constable is Bruce Kellogg", or None."""
    m = _new_one(rules).search(text)
    if m is None:
        return None
    return rank_title(m.group(1), rules) or m.group(1).capitalize(), m.group(2), m.group(3)
