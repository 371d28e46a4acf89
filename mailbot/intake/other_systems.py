"""Requests meant for another system than TraCS ("two new officers need accounts in the
crash reporting system; they are already set up in TraCS"): a sentence that asks for
something there, and names neither TraCS nor e-tickets, asks the desk for no record.

The systems' names live in ``rules/language.toml`` (``[intent] other_systems``).
"""

from __future__ import annotations

from mailbot.intake.prose import sentences
from mailbot.intake.rules import Rules
from mailbot.intake.word_lists import any_in, has_any

_OURS = ("tracs", "vcvc", "civil violation")


def for_tracs(text: str, rules: Rules) -> str:
    """``text`` without the sentences about another system only (those that name one
    of ``other_systems`` and neither TraCS nor e-tickets)."""
    words = rules.language.intent
    others = words.other_systems
    if not has_any(text, others):
        return text
    ours = (*_OURS, *words.tickets)
    kept = []
    for sentence in sentences(text):
        low = " ".join(sentence.lower().split())
        if any_in(low, others) and not any_in(low, ours):
            continue
        kept.append(sentence)
    return "\n".join(kept)
