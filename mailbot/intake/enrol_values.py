"""A message that wants e-tickets and gives its agency's values by their shape: an
enrolment, also when it asks questions on the way (the values of a request make it one).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mailbot.intake import candidates
from mailbot.intake.given_people import names_contact
from mailbot.intake.intent import (
    _LETTERED_NUMBER,
    _SAID,
    asks_anything,
    roster_later,
    wants_tickets,
)
from mailbot.intake.model import Intent
from mailbot.intake.prose import number_mentions, sentences
from mailbot.intake.rules import Rules

_GIVEN_VALUES = 3
"""How many of a request's values a message that wants e-tickets gives to be one."""


def _stated(said: re.Match[str]) -> str:
    """A sentence of ``_SAID``, or nothing for a question."""
    return "" if said.group(0).rstrip().endswith("?") else said.group(0)


def enrols_by_values(
    kind: Intent,
    text: str,
    body: str,
    officers: Sequence[object],
    rules: Rules,
    *,
    own: str | None = None,
) -> bool:
    """True when ``text`` (subject and body) wants e-tickets and ``body`` gives the values
    of an enrolment by their shape: a code, an address and a phone ("Jud code 0952. ... 20
    Church St ..."), or two of them with officers sent or to follow. A message that also
    asks questions ("I don't know what our judiciary code is. Who would I ask?") is the
    request all the same when its statements give two of the agency's values and a person
    of the request: officers, an officer number ("My LEO number is 14K22") or a
    Point-of-Contact ("I will be the contact person"); a question over the agency's values
    alone ("do part-time departments qualify?" over its code, address and phone) makes
    no request, nor do those of a request forwarded under a note (``own``) that only
    asks of it."""
    if kind != "other" or not wants_tickets(text, rules):
        return False

    def shaped(text: str) -> int:
        kinds = frozenset({"addresses", "codes", "phones"})
        found = candidates.find([candidates.Source("text", text)], rules, kinds)
        return sum(1 for c in (found.addresses, found.codes, found.phones) if c)

    if asks_anything(text):
        # what it states, not what its questions name ("who should be our contact?")
        mine = _SAID.sub(_stated, body if own is None else own)
        agency = shaped(mine)
        size = rules.formats.officer_number.length
        numbered = _LETTERED_NUMBER.search(mine) or any(
            len(m.group(1)) == size for s in sentences(mine) for m in number_mentions(s)
        )
        sent = bool(officers) and own is None
        person = numbered or names_contact(mine, rules) or sent
        return agency >= _GIVEN_VALUES - 1 and bool(person)
    given = shaped(body)
    return given == _GIVEN_VALUES or (given == 2 and bool(officers or roster_later(body, rules)))
