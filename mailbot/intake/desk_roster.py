"""The roster of an enrolment as the desk holds it, when the reply sends none.

The desk's checklist may name the officers of the request it answers, each with the
number the request gave ("We still need: DPS usernames for Officer Hanna Forbes (BP014)
and Officer Ethan Jaffe (BP017)"). A reply that answers other points ("Judiciary code -
0257. I am still waiting on the usernames") and quotes no roster of its own leaves that
roster as it was: those officers are the enrolment's, and only what the desk still
lacks of them is asked again. An officer the desk names without a number (the chief it
writes to) is no row.
"""

from __future__ import annotations

from mailbot.intake.earlier_numbers import desk_asked_of
from mailbot.intake.model import Officer
from mailbot.intake.parts import MessageParts
from mailbot.intake.rules import Rules


def roster_desk_holds(officers: list[Officer], parts: MessageParts, rules: Rules) -> list[Officer]:
    """``officers``, or when there are none the officers the desk's latest quoted message
    names in full with a number."""
    if officers:
        return officers
    return [o for o in desk_asked_of(parts, rules) if o.officer_number]
