"""What a roster-change message says of its own agency.

A chief or PoC who asks for a new officer or a deactivation writes the agency's
address, phone and often its judiciary code in the signature ("Lt. Mark Dufresne /
Brattleboro Police Department / 62 Black Mountain Road, Brattleboro, VT 05301 /
(802) 257-7946") or beside the request ("in TraCS (code 0947)"). Those values are found
by their shape (:mod:`candidates`) and taken when there is one of each
(:func:`roles.settle`).
"""

from __future__ import annotations

from collections.abc import Sequence

from mailbot.intake import candidates, roles
from mailbot.intake.model import ParseResult
from mailbot.intake.rules import Rules


def complete(
    result: ParseResult,
    body: str,
    signature: str,
    sender: tuple[str | None, str | None],
    rules: Rules,
    subject: str | None = None,
    papers: Sequence[tuple[str, str]] = (),
) -> None:
    """Fill the agency's address, phone and judiciary code that a roster-change message
    gives but no label named (its ``subject`` too: "TraCS changes - OCSD - Jud Code
    0873"); those still unknown from the letterhead of the paper it attaches (``papers``:
    name and text of each), the memo the chief writes the changes in."""
    sources = [candidates.Source("text", body), candidates.Source("signature", signature)]
    if subject:
        sources.append(candidates.Source("subject", subject))
    _settle(result, sources, sender, rules)
    if papers:
        _settle(result, [candidates.Source(n, t) for n, t in papers], sender, rules)


def _settle(
    result: ParseResult,
    sources: list[candidates.Source],
    sender: tuple[str | None, str | None],
    rules: Rules,
) -> None:
    agency = result.agency
    wanted = frozenset(
        kind
        for kind, value in (
            ("phones", agency.phone),
            ("addresses", agency.address),
            ("codes", agency.judiciary_code),
        )
        if value is None
    )
    if wanted:
        found = candidates.find(sources, rules, wanted)
        roles.settle(result, found, rules, sender=sender)
