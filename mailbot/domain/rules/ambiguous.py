"""A From header naming no single plain address (several addresses, a malformed one)
is held, and answered to nobody, whatever the message asks for."""

from __future__ import annotations

from mailbot.domain.decision import Audit, Decision, Flag
from mailbot.domain.enums import AuditAction, CaseFlag, MessageOutcome
from mailbot.domain.facts import CaseState, Facts, Policy
from mailbot.domain.rules import new_case


def decide(facts: Facts, case: CaseState | None, policy: Policy) -> Decision | None:
    problem = facts.from_problem
    if problem is None:
        return None
    if case is not None:
        return Decision(
            MessageOutcome.REVIEW,
            f"follow-up to {case.reference} held: unclear sender ({problem})",
            case.id,
            (
                Flag(CaseFlag.AMBIGUOUS_SENDER),
                Audit(
                    AuditAction.FOLLOW_UP_HELD, {"ledger_id": facts.ledger_id, "reason": problem}
                ),
            ),
        )
    if new_case.opens_case(facts):
        return new_case.decide(facts, policy, ambiguous=problem)
    return Decision(MessageOutcome.REVIEW, f"unclear sender ({problem}): left for staff")
