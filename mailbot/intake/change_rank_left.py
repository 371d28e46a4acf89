"""An officer told to hold his rank no more: "Jo Roy is not constable anymore as of town
meeting", "is no longer a deputy with us". Said of an elected or appointed officer, it is
his leaving (a new title said beside it makes it a change of rank instead)."""

from __future__ import annotations

import re

from mailbot.intake.rules import Rules, per_rules


def _alt(phrases: list[str]) -> str:
    said = sorted(phrases, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in said) or "(?!)"


@per_rules
def rank_left_pattern(rules: Rules) -> re.Pattern[str]:
    """ "no longer (our) constable", "not (a) constable anymore" (the rank in the words
    of ``rules``)."""
    words = rules.language.intent
    ranks = [r for r, title in rules.language.people.ranks.items() if title]
    rank = _alt(ranks)
    article = r"(?:(?:a|an|the|our|their|town|the\s+town)\s+)?"
    return re.compile(
        rf"(?<![\w'’-])(?i:(?:{_alt(words.rank_left_before)})\s+{article}(?:{rank})"
        rf"|(?:not|n['’]t)\s+{article}(?:{rank})\s+(?:{_alt(words.rank_left_after)}))(?![\w'’-])"
    )


def rank_left(text: str, rules: Rules) -> bool:
    """True when ``text`` says an officer holds his rank no more."""
    return rank_left_pattern(rules).search(text) is not None
