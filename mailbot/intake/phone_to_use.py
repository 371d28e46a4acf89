"""The agency phone a sentence says to use ("Please use 802-555-0191 for the agency phone
on the e-ticket", "list (802) 555-0140 as our main number"): the number meant, whatever
other number the sentence around it takes back ("the number I gave you this morning
(802-555-0190) is the old dispatch line").

The words live in ``rules/language.toml`` (``[corrections] use_for``, ``phone_owners``,
``phone``).
"""

from __future__ import annotations

import re

from mailbot.intake.rules import Rules, per_rules
from mailbot.intake.word_lists import alternation

_NUMBER = r"(\(?\d{3}\)?[ \t.-]{0,3}\d{3}[ \t.-]{0,3}\d{4})(?![\d-])"


@per_rules
def _to_use(rules: Rules) -> re.Pattern[str]:
    words = rules.language.corrections
    verbs = alternation(words.use_for, r"[ \t]+")
    owners = alternation(words.phone_owners, r"[ \t]+")
    names = alternation(words.phone, r"[ \t]+")
    return re.compile(
        rf"(?<![\w-])(?i:{verbs})[ \t]+{_NUMBER}[ \t]+(?i:for|as)[ \t]+(?:(?i:the|our)[ \t]+)?"
        rf"(?:(?i:{owners})[ \t]+)?(?i:{names})(?![\w-])"
    )


def phone_to_use(text: str, rules: Rules) -> str | None:
    """The number a sentence of ``text`` says to use for the agency's phone, or None."""
    m = _to_use(rules).search(text)
    return m.group(1) if m else None
