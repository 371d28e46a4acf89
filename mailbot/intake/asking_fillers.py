"""The words put between "can you" and what it asks ("can you just deactivate her?",
"could you go ahead and add him?", "can you guys set him up?"): left out, the wordings
of the rules' lists are found whatever was put between.

The words come from ``rules/language.toml`` (``[intent] asking_fillers``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mailbot.intake.rules import Rules, per_rules
from mailbot.intake.word_lists import alternation, flat, has_any


@per_rules
def _fillers(rules: Rules) -> re.Pattern[str]:
    """The words put between "can you" and what it asks, with the "can you" before."""
    alt = alternation([w.lower() for w in rules.language.intent.asking_fillers], " ")
    return re.compile(rf"\b((?:can|could|would|will) (?:you|u) )(?:(?:{alt}) )+")


def without_fillers(text: str, rules: Rules) -> str:
    """``text`` lower-cased, its blanks folded, without the words put between "can you"
    and the verb ("can you guys set him up" is "can you set him up")."""
    return _fillers(rules).sub(r"\1", flat(text))


def has_asked(text: str, words: Sequence[str], rules: Rules) -> bool:
    """True when ``text`` has one of ``words`` as written, or once the words put between
    "can you" and the verb are left out ("can you guys set him up")."""
    return has_any(text, words) or has_any(without_fillers(text, rules), words)
