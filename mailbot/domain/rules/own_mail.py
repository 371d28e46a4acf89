"""Our own mail coming back (a copy of a reply, a loop) is never read."""

from __future__ import annotations

from collections.abc import Iterable

from mailbot.domain.decision import Decision
from mailbot.domain.enums import MessageOutcome
from mailbot.domain.facts import Facts


def is_own(
    loop_values: Iterable[str], message_id: str | None, loop_value: str, message_id_domain: str
) -> bool:
    """True when the loop header carries our value, or the Message-ID is one we made."""
    if any(v.strip() == loop_value for v in loop_values):
        return True
    domain = message_id_domain.lower()
    return bool(message_id and message_id.lower().rstrip(">").endswith("@" + domain))


def decide(facts: Facts) -> Decision | None:
    if facts.own:
        return Decision(MessageOutcome.IGNORED, "our own message came back")
    return None
