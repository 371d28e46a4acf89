"""Whose block a value stands in: the agency's own, or another party's.

A message often writes more than one party's details: a town administrator or a
contractor forwards the chief's letter under his own signature; a town manager writes
for the police. A clerk takes the agency's address and phone from what is said of the
police agency (its letterhead, its signature block), not from whoever forwarded or wrote
for it. A value's block is its paragraph (the lines around it up to a blank line): one
that names the agency's own place ("Woodstock Police Department") is the agency's; one
that names another party and not the agency ("Town Administrator", "Town of Woodstock",
"Pearsall Computer Services") is someone else's, and its values rank below the agency's
own. Words and weights live in ``rules/language.toml`` (``[evidence]``:
``agency_place_words``, ``other_party_words``, ``party_weights``).
"""

from __future__ import annotations

import re

from mailbot.intake.rules import Rules, per_rules
from mailbot.intake.word_lists import whole_words

REACH = 8
"""How many lines up and down a block is looked for in."""
MAX_BLOCK_LINE = 300
AGENCY = "agency"
OTHER = "other"


@per_rules
def _agency_words(rules: Rules) -> re.Pattern[str]:
    return whole_words(rules.language.evidence.agency_place_words)


@per_rules
def _other_words(rules: Rules) -> re.Pattern[str]:
    return whole_words(rules.language.evidence.other_party_words)


def paragraph(lines: list[str], i: int) -> str:
    """The lines of line ``i``'s paragraph (at most :data:`REACH` either side)."""
    start = i
    while start > max(0, i - REACH) and lines[start - 1].strip():
        start -= 1
    end = i + 1
    while end < min(len(lines), i + 1 + REACH) and lines[end].strip():
        end += 1
    return "\n".join(ln[:MAX_BLOCK_LINE] for ln in lines[start:end])


def party_of(block: str, rules: Rules) -> str | None:
    """``AGENCY`` when the block names the agency's own place, ``OTHER`` when it names
    another party and not the agency, None when it names neither."""
    if _agency_words(rules).search(block):
        return AGENCY
    if _other_words(rules).search(block):
        return OTHER
    return None


def party_weight(block: str, rules: Rules) -> int:
    """What a value gains (the agency's block) or loses (another party's) by its block."""
    party = party_of(block, rules) if block else None
    return rules.language.evidence.party_weights.get(party, 0) if party else 0


def others_blanked(text: str, rules: Rules) -> str:
    """``text`` with the lines of other parties' blocks blank (line numbers kept): where
    an unlabelled address or phone is looked for as the agency's."""
    lines = text.split("\n")
    out = list(lines)
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        end = i
        while end < len(lines) and lines[end].strip():
            end += 1
        block = "\n".join(ln[:MAX_BLOCK_LINE] for ln in lines[i:end])
        if party_of(block, rules) == OTHER:
            out[i:end] = [""] * (end - i)
        i = end
    return "\n".join(out)


_CONTACT_PATHS = ("agency.address", "agency.phone")


def own_labels(
    labels: dict[str, tuple[int, str | None]], text: str, rules: Rules
) -> dict[str, tuple[int, str | None]]:
    """``labels`` (path -> line, value) without an address or phone labelled in another
    party's block ("Phone: ..." under a town administrator's name): not the agency's."""
    if not any(p in labels for p in _CONTACT_PATHS):
        return labels
    blanked = others_blanked(text, rules).split("\n")
    lines = text.split("\n")
    return {
        path: (i, value)
        for path, (i, value) in labels.items()
        if path not in _CONTACT_PATHS or i >= len(lines) or blanked[i].strip() == lines[i].strip()
    }
