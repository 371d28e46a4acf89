"""The roster of an enrolment as the desk holds it, when the reply sends none.

The desk's checklist may name the officers of the request it answers, each with the
number the request gave, in what it still asks of them ("We still need: DPS usernames
for Officer Hanna Forbes (BP014) and Officer Ethan Jaffe (BP017)"). A reply that answers
other points ("Judiciary code - 0257. I am still waiting on the usernames") and quotes
no roster of its own leaves that roster as it was: those officers are the enrolment's,
and only what the desk still lacks of them is asked again. An officer the desk names
without a number (the chief it writes to), or on a line that asks nothing of him (the
request quoted back), is no row; nor are those of a notice that waits on nothing.
"""

from __future__ import annotations

import re

from mailbot.intake.change_officer import officer_named
from mailbot.intake.model import Officer
from mailbot.intake.own_thread import latest_desk
from mailbot.intake.parts import MessageParts
from mailbot.intake.records_made import desk_done
from mailbot.intake.rules import Rules
from mailbot.intake.word_lists import has_any

_MAX_LINES = 80
_MAX_LINE = 300
_ONE_EACH = re.compile(r"[;,]|[ \t]+(?:and|&)[ \t]+")
"""Between the officers of one line ("... for Officer Ann Roy (AR014) and Officer ...")."""


def roster_desk_holds(officers: list[Officer], parts: MessageParts, rules: Rules) -> list[Officer]:
    """``officers``, or when there are none the officers the desk's latest quoted message
    names in full with a number on a line that asks their usernames."""
    if officers:
        return officers
    desk = latest_desk(parts)
    if desk is None or desk_done(parts, rules):
        return []  # "have been established": a notice, it asks nothing
    out: list[Officer] = []
    for line in desk.text.split("\n")[:_MAX_LINES]:
        if len(line) > _MAX_LINE or not has_any(line, rules.language.intent.username_words):
            continue
        for piece in _ONE_EACH.split(line):
            said = officer_named(piece.strip(" \t-*•"), rules)
            if said and said.first_name and said.last_name and said.officer_number:
                out += [] if said in out else [said]
    return out
