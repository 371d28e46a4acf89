"""What a message means for the desk's cases: the rules in order, as one pure function.

``decide(facts, case, policy)`` is a :class:`~mailbot.domain.decision.Decision`:
our own mail is ignored; a bounce of one of our replies flags its case; other
automated mail is recorded and never answered; a copy of a message seen before is a
duplicate; an unclear From is held; a reply in a case's thread is merged into it; a
request opens a case; anything else is left for staff.
"""

from __future__ import annotations

import enum

from mailbot.domain.decision import Decision
from mailbot.domain.facts import CaseState, Facts, Policy
from mailbot.domain.rules import (
    ambiguous,
    automated,
    bounce,
    duplicate,
    follow_up,
    new_case,
    other,
    own_mail,
)


class Route(enum.StrEnum):
    """Which rule decides: what else must be looked up before deciding."""

    SETTLED = "settled"  # decided from the message alone
    FOLLOW_UP = "follow_up"  # needs the reply read against its case (and its roster)
    NEW_CASE = "new_case"  # a roster change needs the sender's agency and roster


def route(facts: Facts, case: CaseState | None) -> Route:
    if facts.own or facts.automated or duplicate.decide(facts)[0] is not None:
        return Route.SETTLED
    if facts.from_problem is None and case is not None and follow_up.is_open(case):
        return Route.FOLLOW_UP
    if case is None and new_case.opens_case(facts):
        return Route.NEW_CASE
    return Route.SETTLED


def decide(facts: Facts, case: CaseState | None, policy: Policy) -> Decision:
    """The decision for a message, given the case of its thread (if any)."""
    found = own_mail.decide(facts)
    if found is not None:
        return found
    if facts.automated:
        return bounce.decide(facts, policy) or automated.decide(facts) or other.decide()
    copy, warnings = duplicate.decide(facts)
    if copy is not None:
        return copy.with_steps(*warnings)
    found = ambiguous.decide(facts, case, policy)
    if found is None and case is not None:
        found = follow_up.decide(facts, case, policy)
    if found is None and new_case.opens_case(facts):
        found = new_case.decide(facts, policy)
    return (found or other.decide()).with_steps(*warnings)
