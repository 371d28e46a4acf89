"""A new request (an enrolment, or a roster change) opens a case.

Its data is the message as read, checked for what is missing or invalid. The sender
gets the acknowledgement, or the checklist of what is missing; a sender our mail
server did not vouch for is held for staff when the [trust] policy requires it, and
a From naming no single plain address is answered to nobody.
"""

from __future__ import annotations

from mailbot.domain.checklist import check
from mailbot.domain.decision import Audit, Decision, Flag, KeepLogo, OpenCase, Step
from mailbot.domain.enums import (
    AuditAction,
    CaseFlag,
    CaseKind,
    CaseStatus,
    MessageOutcome,
    Template,
    kind_of,
)
from mailbot.domain.facts import Facts, Policy
from mailbot.domain.notes import message_notes
from mailbot.domain.rules import maintenance, reply_cap
from mailbot.domain.rules.verification import unverified


def opens_case(facts: Facts) -> bool:
    return kind_of(facts.reading.intent) is not None


def decide(facts: Facts, policy: Policy, ambiguous: str | None = None) -> Decision:
    reading = facts.reading
    notes = message_notes(facts.ledger_id, reading.notes)
    kind = kind_of(reading.intent) or CaseKind.ENROLLMENT
    is_maintenance = kind == CaseKind.OFFICER_MAINTENANCE
    hold = unverified(facts.trust, policy, "roster_change" if is_maintenance else "enrollment")
    flags: list[CaseFlag] = []
    if ambiguous is not None:
        flags.append(CaseFlag.AMBIGUOUS_SENDER)
    if hold is not None:
        flags.append(CaseFlag.UNVERIFIED_SENDER)
    data = check(reading.data.changed(notes=notes), policy.rules)
    complete = data.complete
    status = CaseStatus.IN_REVIEW if complete else CaseStatus.NEEDS_INFO
    steps: list[Step] = [
        OpenCase(
            kind=kind,
            status=status,
            data=data,
            sender=facts.sender,
            agency_code=reading.agency_code,
            poc_email=reading.poc_email,
            flags=tuple(flags),
        ),
        Audit(
            AuditAction.RECEIVED,
            {
                "ledger_id": facts.ledger_id,
                "intent": reading.intent,
                "flags": [str(f) for f in flags],
                "verification": facts.trust.reason,
            },
        ),
    ]
    if reading.logo is not None:
        steps.append(KeepLogo(reading.logo))
    if reading.cleaned:
        steps += [
            Flag(CaseFlag.CONTROL_CHARACTERS_REMOVED),
            Audit(
                AuditAction.CONTROL_CHARACTERS_REMOVED,
                {"ledger_id": facts.ledger_id, "count": reading.cleaned},
            ),
        ]
    if ambiguous is not None:
        return Decision(
            MessageOutcome.REVIEW,
            f"opened {{reference}}: unclear sender ({ambiguous})",
            steps=tuple(steps),
        )
    if hold == "require":
        steps.append(
            Audit(
                AuditAction.HELD_UNVERIFIED,
                {"ledger_id": facts.ledger_id, "verification": facts.trust.reason},
            )
        )
    if is_maintenance:
        rest = maintenance.after_opening(facts, policy, data, status, held=hold == "require")
        return rest.with_steps(*steps)
    if hold == "require":
        return Decision(
            MessageOutcome.REVIEW,
            f"opened {{reference}}: sender not verified ({facts.trust.reason}); held for staff",
            steps=tuple(steps),
        )
    template = Template.ACKNOWLEDGEMENT if complete else Template.CHECKLIST
    steps += reply_cap.reply(facts.mailbox, policy, template)
    return Decision(MessageOutcome.PROCESSED, "opened {reference}", steps=tuple(steps))
