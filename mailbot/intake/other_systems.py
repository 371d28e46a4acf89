"""Requests meant for another system than TraCS ("two new officers need accounts in the
crash reporting system; they are already set up in TraCS"): a sentence that asks for
something there, and names neither TraCS nor e-tickets, asks the desk for no record.

The systems' names live in ``rules/language.toml`` (``[intent] other_systems``).
"""

from __future__ import annotations

from mailbot.intake.prose import sentences
from mailbot.intake.rules import Rules

_OURS = ("tracs", "vcvc", "civil violation")


def for_tracs(text: str, rules: Rules) -> str:
    """``text`` without the sentences about another system only (those that name one
    of ``other_systems`` and neither TraCS nor e-tickets)."""
    words = rules.language.intent
    others = [w.lower() for w in words.other_systems]
    if not others or not any(w in " ".join(text.lower().split()) for w in others):
        return text
    ours = [*_OURS, *(w.lower() for w in words.tickets)]
    kept = []
    for sentence in sentences(text):
        low = " ".join(sentence.lower().split())
        if any(w in low for w in others) and not any(w in low for w in ours):
            continue
        kept.append(sentence)
    return "\n".join(kept)
