"""Changes held for staff, and the trust checks before approval.

A follow-up the bot may not apply on its own (another sender, a sender our mail
server does not vouch for, a new contact address) is kept as a proposal: staff see
old -> new with the message and its verification, and accept or drop it. Accepting a
change of a contact address tells both the old and the new address.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from mailbot import cases
from mailbot.cases import is_blank
from mailbot.config import Settings
from mailbot.domain.case_data import CaseData
from mailbot.domain.checklist import check
from mailbot.domain.enums import AuditAction, CaseFlag
from mailbot.domain.merge import merge_case
from mailbot.domain.paths import FieldPath
from mailbot.domain.values import Json
from mailbot.errors import CaseError
from mailbot.intake.rules import Rules
from mailbot.review.common import flag_label, load_case, section
from mailbot.review.views import (
    AcceptResult,
    DropResult,
    MessageSource,
    ProposalChange,
    ProposalView,
)
from mailbot.store import casefiles
from mailbot.store.models import Case, CaseProposal, Message, ProposalStatus

# Flags that mean "who sent this is not established": approval needs a staff reason.
TRUST_FLAGS = (CaseFlag.AMBIGUOUS_SENDER, CaseFlag.UNVERIFIED_SENDER)


def _message_summary(session: Session, ledger_id: int | None) -> MessageSource | None:
    if ledger_id is None:
        return None
    message = session.get(Message, ledger_id)
    if message is None:
        return {"message": ledger_id}
    when = message.received_at or message.recorded_at
    summary: MessageSource = {
        "message": message.id,
        "sender": message.sender,
        "subject": message.subject,
        "date": when.isoformat() if when else None,
        "verification": message.auth,
    }
    return summary


def proposal_changes(case: Case, proposal: CaseProposal) -> list[ProposalChange]:
    """What accepting would change now: path, old and new value."""
    _, revisions = cases.merge(case.data or {}, proposal.data or {})
    return [
        {
            "path": r.path,
            "old": r.old,
            "new": r.new,
            "contact": cases.is_contact_change(r),
        }
        for r in revisions
    ]


def proposals_view(session: Session, case: Case) -> list[ProposalView]:
    """Every proposal of the case, pending ones with what they would change now."""
    out: list[ProposalView] = []
    for p in casefiles.proposals_of(session, case.id):
        pending = p.status == ProposalStatus.PENDING
        out.append(
            {
                "id": p.id,
                "status": str(p.status),
                "kind": p.kind,
                "reason": p.reason,
                "message": _message_summary(session, p.message_id),
                "changes": proposal_changes(case, p) if pending else [],
                "decided_by": p.decided_by,
                "decided_at": p.decided_at.isoformat() if p.decided_at else None,
                "note": p.note,
            }
        )
    return out


def _pending(session: Session, case: Case, proposal_id: int) -> CaseProposal:
    for p in casefiles.proposals_of(session, case.id, ProposalStatus.PENDING):
        if p.id == proposal_id:
            return p
    raise CaseError(
        f"{case.reference} has no pending proposal {proposal_id}; "
        f"`mailbot case show {case.reference}` lists them"
    )


def _settle_flag(session: Session, case: Case, now: datetime) -> None:
    if not casefiles.proposals_of(session, case.id, ProposalStatus.PENDING):
        casefiles.remove_flag(session, case, CaseFlag.CHANGES_HELD, now=now)


def accept_proposal(
    session: Session,
    settings: Settings,
    reference: str,
    proposal_id: int,
    *,
    actor: str,
    now: datetime,
    rules: Rules,
) -> AcceptResult:
    """Merge a held message's values into the case (history and provenance point at
    that message), re-check the case, and tell the old and the new address when a
    contact address changed."""
    from mailbot.notify import queue_email

    if is_blank(actor):
        raise CaseError("say who accepts: add --by NAME")
    case = load_case(session, reference)
    if case.status not in cases.OPEN_STATUSES:
        raise CaseError(f"{case.reference} is {case.status}; only open cases take changes")
    proposal = _pending(session, case, proposal_id)
    old_contacts = {
        "point_of_contact": section(case.data, "point_of_contact").get("email"),
        "head_of_department": section(case.data, "head_of_department").get("email"),
    }
    merged, revisions = merge_case(CaseData.load(case.data), CaseData.load(proposal.data))
    casefiles.record_revisions(session, case, revisions, now=now, message_id=proposal.message_id)
    if revisions:  # the same values, with the message's notes (they carry no revision)
        casefiles.update_case(session, case, now=now, data=merged)
    checked = check(CaseData.load(case.data), rules)
    poc = checked.point_of_contact.email
    casefiles.update_case(
        session,
        case,
        now=now,
        data=checked,
        poc_email=poc if case.kind == cases.CaseKind.ENROLLMENT and poc else case.poc_email,
    )
    complete = checked.complete
    target = cases.status_after_check(case.status, complete)
    casefiles.set_status(session, case, target, now=now)
    casefiles.decide_proposal(session, proposal, ProposalStatus.ACCEPTED, actor=actor, now=now)
    _settle_flag(session, case, now)
    changed: list[dict[str, Json]] = [
        {"path": r.path, "old": r.old, "new": r.new} for r in revisions
    ]
    casefiles.add_audit(
        session,
        action=AuditAction.PROPOSAL_ACCEPTED,
        actor=actor,
        now=now,
        case_id=case.id,
        detail={"proposal": proposal.id, "ledger_id": proposal.message_id, "changes": changed},
    )
    notices: list[str] = []
    for r in revisions:
        if not cases.is_contact_change(r):
            continue
        old, new = str(r.old).strip().lower(), str(r.new).strip().lower()
        role = FieldPath(r.path).root
        queue_email(
            session,
            settings,
            template="contact_changed",
            key=f"{case.reference}/contact_changed/{proposal.id}/{role}",
            to=[old],
            cc=[new],
            now=now,
            case=case,
            actor=actor,
            agency_name=section(case.data, "agency").get("name"),
            role="point of contact" if role == "point_of_contact" else "head of department",
            old_address=old_contacts.get(role) or old,
            new_address=new,
        )
        notices.append("contact_changed")
    return {
        "reference": case.reference,
        "proposal": proposal.id,
        "changes": changed,
        "status": str(case.status),
        "notices": notices,
    }


def drop_proposal(
    session: Session,
    reference: str,
    proposal_id: int,
    *,
    actor: str,
    reason: str,
    now: datetime,
) -> DropResult:
    """Set a held message's values aside for good (they stay in the history)."""
    if is_blank(actor):
        raise CaseError("say who drops it: add --by NAME")
    case = load_case(session, reference)
    proposal = _pending(session, case, proposal_id)
    note = reason.strip() or None
    casefiles.decide_proposal(
        session, proposal, ProposalStatus.DROPPED, actor=actor, now=now, note=note
    )
    _settle_flag(session, case, now)
    casefiles.add_audit(
        session,
        action=AuditAction.PROPOSAL_DROPPED,
        actor=actor,
        now=now,
        case_id=case.id,
        detail={"proposal": proposal.id, "ledger_id": proposal.message_id, "reason": note},
    )
    return {"reference": case.reference, "proposal": proposal.id, "status": "dropped"}


def check_trust(
    session: Session, case: Case, *, actor: str, now: datetime, accept_unverified: str | None
) -> None:
    """Refuse approval while changes wait for staff, or while the sender is not
    established, unless staff give a reason (``--accept-unverified``), which is
    audited and clears those flags."""
    ref = case.reference
    pending = casefiles.proposals_of(session, case.id, ProposalStatus.PENDING)
    if pending:
        ids = ", ".join(str(p.id) for p in pending)
        raise CaseError(
            f"{ref} has changes held for staff (proposal {ids}); see `mailbot case show {ref}`, "
            f"then `mailbot case accept {ref} ID` or `mailbot case drop {ref} ID`"
        )
    flags = [CaseFlag(f) for f in case.flags if f in TRUST_FLAGS]
    if not flags:
        return
    if accept_unverified is None or is_blank(accept_unverified):
        shown = ", ".join(flag_label(f) for f in flags)
        raise CaseError(
            f"{ref} is flagged ({shown}): confirm the request with the agency, then approve "
            f'with --accept-unverified "REASON"'
        )
    reason = " ".join(accept_unverified.split())
    for flag in flags:
        casefiles.remove_flag(session, case, flag, now=now)
    casefiles.add_audit(
        session,
        action=AuditAction.ACCEPTED_UNVERIFIED,
        actor=actor,
        now=now,
        case_id=case.id,
        detail={"flags": flags, "reason": reason},
    )
