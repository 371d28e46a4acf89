"""Automated mail (auto-replies, lists, loops) is recorded and never answered."""

from __future__ import annotations

from mailbot.domain.decision import Decision
from mailbot.domain.enums import MessageOutcome
from mailbot.domain.facts import Facts


def decide(facts: Facts) -> Decision | None:
    if not facts.automated:
        return None
    return Decision(
        MessageOutcome.AUTOMATED, f"automated mail ({facts.automated_reason}): never answered"
    )
