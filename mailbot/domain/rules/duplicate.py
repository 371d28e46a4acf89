"""The same email recorded before (delivered twice, or seen under an old UIDVALIDITY):
the same bytes, or the same Message-ID, sender and body (a copy that took another
route differs only in its trace headers). Another email that reuses a Message-ID is
read like any other, with a warning in the log."""

from __future__ import annotations

from mailbot.domain.decision import Decision, Log
from mailbot.domain.enums import MessageOutcome
from mailbot.domain.facts import EarlierMessage, Facts


def _duplicate(earlier: EarlierMessage) -> Decision:
    return Decision(
        MessageOutcome.DUPLICATE, f"same message as ledger #{earlier.id}", earlier.case_id
    )


def decide(facts: Facts) -> tuple[Decision | None, list[Log]]:
    """The duplicate decision, or None; and the warnings about reused Message-IDs."""
    for earlier in facts.earlier:
        if earlier.same_bytes:
            return _duplicate(earlier), []
    warnings: list[Log] = []
    for earlier in facts.earlier:
        if earlier.same_bytes or not earlier.same_sender:
            continue
        if earlier.same_body:
            return _duplicate(earlier), warnings
        warnings.append(Log("message_id_reused", "warning", {"ledger_id": earlier.id}))
    return None, warnings
