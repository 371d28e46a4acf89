"""Mail that is neither a request nor a reply to a case is left for staff to read."""

from __future__ import annotations

from mailbot.domain.decision import Decision
from mailbot.domain.enums import MessageOutcome


def decide() -> Decision:
    return Decision(MessageOutcome.REVIEW, "not a request: left for staff to read")
