"""A new request that only tells of a change in passing ("I took over as chief in
January after Chief Lyman retired"), read as a roster change although no change can be
read from it: when it sends a roster with the agency's values and names e-tickets, it
is the agency's enrolment.
"""

from __future__ import annotations

from collections.abc import Sequence

from mailbot.intake import candidates, changes, intent
from mailbot.intake.model import Intent, Officer
from mailbot.intake.prose import sentences
from mailbot.intake.rules import Rules
from mailbot.intake.word_lists import has_any


def enrols_after_all(
    kind: Intent,
    text: str,
    rules: Rules,
    *,
    officers: list[Officer],
    table_rows: list[Officer],
    is_reply: bool,
    grids: Sequence[list[list[str]]] = (),
) -> Intent:
    """``kind``, or "enrollment" for a change request of which no change is read but
    that sends numbered officers, two agency values or more (by their shape), and names
    e-tickets (an attached sheet with an action column, "ADD" / "DEACTIVATE", reads
    its changes: ``grids``)."""
    if kind != "officer_maintenance" or is_reply or not officers:
        return kind
    if not all(o.officer_number for o in officers):
        return kind
    if not intent._names_tickets(text, rules):
        return kind
    shaped = candidates.find(
        [candidates.Source("text", text)], rules, frozenset({"addresses", "codes", "phones"})
    )
    if sum(1 for c in (shaped.addresses, shaped.codes, shaped.phones) if c) < 2:
        return kind
    if changes.read_changes(text, rules, table_rows, None, grids):
        return kind
    if _asks_change(text, rules):
        return kind  # "Please make the following changes to our officer records": asked
    return "enrollment"


def _asks_change(text: str, rules: Rules) -> bool:
    """True when a sentence of ``text`` asks for a change (a request's word and a
    change's: "Please make the following changes"), not only tells of one."""
    words = rules.language.intent
    change = words.promote + words.transfer + words.deactivate + words.reactivate
    return any(
        has_any(s, change) and (has_any(s, intent._REQUEST_WORDS) or intent.asks_for(s, rules))
        for s in sentences(text)
    )
