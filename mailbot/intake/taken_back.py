"""A labelled value the writer takes back and writes again in the same breath ("Name for
ticket - Lamoille County Sheriff's Department? No sorry ... scratch that, it's: Town of
Stowe Police Department"): the value is what follows the last words taking one back
(``[dictation] self_fixes``), past the words leading up to it (``meant_leads``)."""

from __future__ import annotations

import re

from mailbot.intake.rules import Rules, per_rules
from mailbot.intake.word_lists import alternation


@per_rules
def _taken_back(rules: Rules) -> re.Pattern[str]:
    fixes = alternation(rules.language.dictation.self_fixes, r"[ \t]+")
    return re.compile(rf"(?i)(?<![\w'’])(?:{fixes or '(?!)'})(?![\w'’])")


@per_rules
def _lead(rules: Rules) -> re.Pattern[str]:
    leads = [re.escape(w).replace("'", "['’]") for w in rules.language.dictation.meant_leads]
    words = "|".join(r"[ \t]+".join(w.split()) for w in sorted(leads, key=len, reverse=True))
    gap = r"[\s,.:;–—-]*"
    return re.compile(rf"(?i){gap}(?:(?:{words or '(?!)'})(?![\w'’]){gap})?")


def value_meant(value: str, rules: Rules) -> str:
    """``value`` as last written after the writer takes it back; ``value`` itself when he
    takes nothing back, or writes nothing after."""
    last = max(_taken_back(rules).finditer(value), key=lambda m: m.start(), default=None)
    if last is None:
        return value
    rest = value[last.end() :]
    lead = _lead(rules).match(rest)
    meant = rest[lead.end() if lead else 0 :].strip()
    return meant if meant and meant[:1].isupper() else value
