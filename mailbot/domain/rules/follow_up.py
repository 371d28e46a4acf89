"""A reply in a case's thread is merged into the case.

Only the case's own sender or PoC may change it, and only when the [trust] policy
lets an unverified sender through; a contact address is never replaced by the bot.
Whatever may not be applied is kept as a proposal for staff. The merged case is
checked again, moves between needs_info and in_review, and the sender is told what
is still missing, or that the case is complete.
"""

from __future__ import annotations

from mailbot.domain.case_data import CaseData
from mailbot.domain.checklist import check
from mailbot.domain.decision import (
    Audit,
    Decision,
    Flag,
    HoldChanges,
    KeepLogo,
    RecordRevisions,
    SetStatus,
    Step,
    UpdateCase,
)
from mailbot.domain.enums import (
    AuditAction,
    CaseFlag,
    CaseKind,
    CaseStatus,
    MessageOutcome,
    Template,
)
from mailbot.domain.facts import CaseState, Facts, Policy, Reading
from mailbot.domain.merge import Revision, is_contact_change, merge_case, revised
from mailbot.domain.notes import message_notes
from mailbot.domain.rules import maintenance, reply_cap
from mailbot.domain.rules.verification import strictest
from mailbot.domain.status import OPEN_STATUSES, status_after_check
from mailbot.domain.values import Json

# Facts about a message the reply does not change, or the check recomputes.
_NOT_FROM_REPLY = ("missing", "invalid", "sender", "automated")


def is_open(case: CaseState) -> bool:
    return case.status in OPEN_STATUSES


def new_values(facts: Facts, case: CaseState, answer: Reading) -> CaseData:
    """What the reply brings, as case data to merge."""
    new = answer.data.stored()
    new["notes"] = message_notes(facts.ledger_id, answer.notes)
    new["intent"] = case.data.intent
    for key in _NOT_FROM_REPLY:
        new.pop(key, None)
    if case.kind == CaseKind.ENROLLMENT:
        new.pop("changes", None)
    return CaseData.load(new)


def decide(facts: Facts, case: CaseState, policy: Policy) -> Decision:
    if not is_open(case):
        return Decision(
            MessageOutcome.REVIEW,
            f"follow-up to closed {case.reference}",
            case.id,
            (Flag(CaseFlag.LATE_FOLLOW_UP),),
        )
    answer = facts.answer if facts.answer is not None else facts.reading
    new = new_values(facts, case, answer)
    # The image is kept even when the values are held: staff may accept them.
    steps: list[Step] = [KeepLogo(answer.logo)] if answer.logo is not None else []
    if answer.cleaned:
        steps += [
            Flag(CaseFlag.CONTROL_CHARACTERS_REMOVED),
            Audit(
                AuditAction.CONTROL_CHARACTERS_REMOVED,
                {"ledger_id": facts.ledger_id, "count": answer.cleaned},
            ),
        ]
    kind = "enrollment" if case.kind == CaseKind.ENROLLMENT else "roster_change"
    hold = strictest(facts.trust, policy, "follow_up", kind)
    # A roster change's PoC address is only what its message said of itself (a
    # signature's "e-Ticket PoC" line): replies are taken from the case's sender alone.
    vouched = (case.sender, case.poc_email) if case.kind == CaseKind.ENROLLMENT else (case.sender,)
    known = {a.lower() for a in vouched if a}
    same = facts.sender.lower() in known
    merged, revisions = merge_case(case.data, new)
    if not same:
        allowed: list[Revision] = []
        why = "sent from an address that is not the case's"
        steps.append(Flag(CaseFlag.UNEXPECTED_FOLLOW_UP))
    elif hold is not None:
        # An unverified follow-up changes nothing on its own ("require" or "flag").
        allowed = []
        why = f"sender not verified ({facts.trust.reason})"
    else:
        allowed = [r for r in revisions if not is_contact_change(r)]
        why = "changes a contact address"
    if hold is not None and same:
        steps.append(Flag(CaseFlag.UNVERIFIED_SENDER))
    held = [r for r in revisions if r not in allowed]
    if held:
        contact = any(is_contact_change(r) for r in held)
        paths: list[Json] = [str(r.path) for r in held[:50]]
        detail: dict[str, Json] = {"ledger_id": facts.ledger_id, "reason": why, "paths": paths}
        steps.append(HoldChanges("contact_change" if contact else "follow_up", why, new, detail))
    if not same or hold is not None:
        return Decision(
            MessageOutcome.REVIEW,
            f"follow-up to {case.reference} held for staff: {why}",
            case.id,
            tuple(steps),
        )
    steps.append(RecordRevisions(tuple(allowed)))
    # Notes carry no revision: what this message skipped is kept on the case and said
    # in the reply whatever else is held.
    notes = [n.model_dump() for n in merged.notes]
    data = check(revised(case.data, allowed).changed(notes=notes), policy.rules)
    if case.kind == CaseKind.OFFICER_MAINTENANCE and case.agency_code:
        data, flags = maintenance.checked(data, facts.roster, policy.rules)
        steps += flags
    steps.append(
        UpdateCase(
            data,
            agency_code=data.agency.judiciary_code or case.agency_code,
            poc_email=data.point_of_contact.email or case.poc_email,
        )
    )
    complete = data.complete
    target = status_after_check(case.status, complete)
    if target != case.status:
        steps.append(SetStatus(target))
    steps.append(Audit(AuditAction.MERGED, {"ledger_id": facts.ledger_id, "complete": complete}))
    if complete and case.status != CaseStatus.IN_REVIEW:
        template = (
            Template.COMPLETE if case.kind == CaseKind.ENROLLMENT else Template.MAINTENANCE_RECEIVED
        )
        steps += reply_cap.reply(facts.mailbox, policy, template)
    elif not complete:
        steps += reply_cap.reply(facts.mailbox, policy, Template.CHECKLIST)
    if held:
        reason = f"merged into {case.reference}; some changes held for staff: {why}"
        return Decision(MessageOutcome.REVIEW, reason, case.id, tuple(steps))
    return Decision(
        MessageOutcome.PROCESSED, f"merged into {case.reference}", case.id, tuple(steps)
    )
