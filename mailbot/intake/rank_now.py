"""A rank change told as one rank becoming another ("Cpl Wheeler 3349C is now Sgt Wheeler
eff today"): an officer named by his rank (and maybe his number), then the words saying
what he is now (``[intent] now_titled``) and another rank: a change of his record asked
for, though none of the words of a promotion is written."""

from __future__ import annotations

import re

from mailbot.intake.rules import Rules, per_rules
from mailbot.intake.word_lists import alternation

_NAME = r"[A-Z][\w'’-]{1,30}(?:[ \t]+[A-Z][\w'’-]{1,30}){0,2}"
_NUMBER = r"(?:[ \t]*\(?#?(?=[A-Za-z-]{0,7}\d)[A-Za-z0-9-]{3,8}\)?)?"


@per_rules
def _rank_now_rank(rules: Rules) -> re.Pattern[str]:
    ranks = [r for r, t in rules.language.people.ranks.items() if t]
    rank = alternation(ranks, r"[ \t]+")
    now = alternation(rules.language.intent.now_titled, r"[ \t]+")
    return re.compile(
        rf"(?<![\w.])(?i:{rank})\.?[ \t]+{_NAME}{_NUMBER},?[ \t]+(?i:{now})[ \t]+"
        rf"(?i:{rank})(?![\w'’])"
    )


def rank_now_rank(text: str, rules: Rules) -> bool:
    """True when ``text`` tells an officer named by his rank is now of another rank."""
    for m in _rank_now_rank(rules).finditer(text):
        words = m.group(0).split()
        if words[0].rstrip(".").casefold() != words[-1].casefold():
            return True
    return False
