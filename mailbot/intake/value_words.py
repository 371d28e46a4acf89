"""Words written where a labelled agency value belongs: a doubt or a question ("not sure
what ours is"), words pointing elsewhere ("see my signature below"), or an apology that
opens the value ("Sorry, typo - 0612"). The first give no value; the last is no part of
the value after it.
"""

from __future__ import annotations

import re

from mailbot.intake.rules import Rules, per_rules

# Every part is bounded so a long run of word characters cannot make a search quadratic;
# the one pattern of an e-mail address (:mod:`candidates` finds addresses with it too).
EMAIL = re.compile(r"(?<![\w.+'-])[\w.+'-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){0,8}\.[A-Za-z]{2,}")
MAX_LINE = 300
"""Lines longer than this are prose or junk, never a labelled value or an address."""
_DIGIT = re.compile(r"\d")
_DIGIT_PATHS = frozenset({"agency.judiciary_code", "agency.phone"})
# a doubt that opens the value ("not sure what ours is", "unknown at this time", "we
# don't know it"), or a sentence that asks ("which one do you want?"); a value followed by
# a doubt ("Stowbridge Police Department (not sure if you need 'Town of')") is kept
_UNSURE = re.compile(
    r"^\W*(?:(?:i|we)\s+)?(?:am\s+|are\s+)?(?:not\s+sure|unsure|don['’]?t\s+know|do\s+not\s+know"
    r"|unknown|not\s+known|no\s+idea|to\s+be\s+determined|can\s+you|could\s+you|please\s+look)\b"
    r"|^(?-i:[a-z])[^?\n]*\?\s*$",
    re.I,
)
_NUMBER_START = re.compile(r"[\d(+]")
_LEAD_END = re.compile(r"[-–—:,][ \t]*$")
_MAX_LEAD = 40
"""Characters, at most, of an apology written before a value ("Sorry, typo - ")."""


@per_rules
def _elsewhere(rules: Rules) -> re.Pattern[str]:
    words = sorted(rules.labels.placeholders.elsewhere, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


def not_a_value(path: str, value: str | None, rules: Rules) -> str | None:
    """ "" (said, but not given) for a sentence written where a value belongs: a question
    or a doubt ("not sure what ours is, can you look it up?"), words that point elsewhere
    ("please use the ones in my signature block below", "as shown in the letterhead"), or
    words without a digit for a code or a phone number. A code or phone number after an
    apology ("Sorry, typo - 0612") is the value, without it."""
    if not value:
        return value
    if (
        path.startswith("agency.")  # a person named "(see below)" is still named
        and not _DIGIT.search(value)
        and not EMAIL.search(value)
        and _elsewhere(rules).search(value[:MAX_LINE])
    ):
        return ""
    if path in _DIGIT_PATHS:
        return _after_apology(value, rules) if _DIGIT.search(value) else ""
    if _UNSURE.search(value[:MAX_LINE]) and not EMAIL.search(value):
        return ""
    return value


def _after_apology(value: str, rules: Rules) -> str:
    """``value`` from its number on when the words before the number open with a word of
    correction and end at a dash, colon or comma ("Sorry, typo - 0612", "oops: 0612")."""
    first = _NUMBER_START.search(value)
    lead = value[: first.start()] if first else ""
    if not lead or len(lead) > _MAX_LEAD or not _LEAD_END.search(lead):
        return value
    low = lead.lower().lstrip(" \t*_")
    if any(low.startswith(w.lower()) for w in rules.language.corrections.marks):
        return value[len(lead) :]
    return value
