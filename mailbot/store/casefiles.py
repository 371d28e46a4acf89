"""Cases, their revision history, and the audit trail.

All functions take an open :class:`~sqlalchemy.orm.Session` and never commit. They
store what :mod:`mailbot.domain` decided (merge revisions, allowed status moves).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from mailbot.domain import merge, references
from mailbot.domain.case_data import CaseData
from mailbot.domain.enums import CaseFlag, CaseKind, CaseStatus
from mailbot.domain.merge import Revision
from mailbot.domain.status import transition
from mailbot.domain.values import KEEP, Json, Keep
from mailbot.store.ledger import normalize_message_id
from mailbot.store.models import (
    AuditEvent,
    Case,
    CaseProposal,
    CaseRevision,
    Message,
    OutboxMessage,
    ProposalStatus,
)


def _json(data: CaseData | Mapping[str, Json] | None) -> dict[str, Json]:
    """Case data as its stored JSON."""
    if isinstance(data, CaseData):
        return data.stored()
    return dict(data or {})


def create_case(
    session: Session,
    *,
    kind: CaseKind | str,
    prefix: str,
    now: datetime,
    data: CaseData | Mapping[str, Json] | None = None,
    message_id: int | None = None,
    status: CaseStatus | str = CaseStatus.NEEDS_INFO,
    sender: str | None = None,
    agency_code: str | None = None,
    poc_email: str | None = None,
    flags: Iterable[str] = (),
    provenance: Mapping[str, Json] | None = None,
) -> Case:
    """Open a case with ``data`` as given and give it its reference (``prefix`` +
    zero-padded id).

    ``message_id`` is the ledger id of the message the data came from: unless
    ``provenance`` says otherwise, every value in ``data`` is recorded as coming from
    it (``case.provenance``).
    """
    values = _json(data)
    if provenance is None:
        provenance = merge.provenance_of(values, message_id)
    case = Case(
        kind=CaseKind(kind),
        status=CaseStatus(status),
        sender=sender,
        agency_code=agency_code,
        poc_email=poc_email,
        data=values,
        provenance=dict(provenance),
        flags=sorted(set(flags)),
        created_at=now,
        updated_at=now,
    )
    session.add(case)
    session.flush()  # the reference is made from the id
    # Written with the session's next flush (a query's autoflush, the savepoint's end),
    # together with what the message adds after it.
    case.reference = references.format_reference(prefix, case.id)
    return case


def get_case(session: Session, reference: str) -> Case | None:
    """The case with this reference (any letter case), or None."""
    return session.scalars(select(Case).where(Case.reference == reference.upper())).one_or_none()


def get_case_by_id(session: Session, case_id: int) -> Case | None:
    return session.get(Case, case_id)


def list_cases(
    session: Session, status: CaseStatus | str | None = None, limit: int | None = None
) -> list[Case]:
    """Cases, oldest first, optionally only those in one status."""
    query = select(Case).order_by(Case.id)
    if status is not None:
        query = query.where(Case.status == CaseStatus(status))
    if limit is not None:
        query = query.limit(limit)
    return list(session.scalars(query))


def find_case_by_message_ids(session: Session, message_ids: Iterable[str | None]) -> Case | None:
    """The case a reply belongs to, from its In-Reply-To/References Message-IDs.

    Our own replies (the outbox) are checked first, then earlier inbound messages
    already attached to a case. The most recent match wins.
    """
    ids = [normalize_message_id(m) for m in message_ids if m and m.strip("<> ")]
    if not ids:
        return None
    case_id = session.scalars(
        select(OutboxMessage.case_id)
        .where(OutboxMessage.message_id.in_(ids), OutboxMessage.case_id.is_not(None))
        .order_by(OutboxMessage.id.desc())
        .limit(1)
    ).first()
    if case_id is None:
        case_id = session.scalars(
            select(Message.case_id)
            .where(Message.message_id.in_(ids), Message.case_id.is_not(None))
            .order_by(Message.id.desc())
            .limit(1)
        ).first()
    return session.get(Case, case_id) if case_id is not None else None


def update_case(
    session: Session,
    case: Case,
    *,
    now: datetime,
    data: CaseData | Mapping[str, Json] | None = None,
    agency_code: str | Keep | None = KEEP,
    poc_email: str | Keep | None = KEEP,
) -> None:
    """Replace the case's data (e.g. after re-checking: new ``missing``/``invalid``)
    or its searchable columns. Arguments left out are kept."""
    if data is not None:
        case.data = _json(data)
    if not isinstance(agency_code, Keep):
        case.agency_code = agency_code
    if not isinstance(poc_email, Keep):
        case.poc_email = poc_email
    case.updated_at = now


def set_status(session: Session, case: Case, status: CaseStatus | str, *, now: datetime) -> None:
    """Move the case to ``status``; :class:`~mailbot.errors.CaseError` if not allowed."""
    new = transition(case.status, status)
    if new != case.status:
        case.status = new
        case.updated_at = now
    session.flush()


def add_flag(session: Session, case: Case, flag: CaseFlag, *, now: datetime) -> None:
    """Mark the case (``unverified_sender``, ``conflict``, ``delivery_failed``, ...)."""
    if flag not in case.flags:
        case.flags = sorted({*case.flags, str(flag)})
        case.updated_at = now
        session.flush()


def flag_by_bot(
    session: Session,
    case: Case,
    flag: CaseFlag,
    *,
    action: str,
    now: datetime,
    detail: Mapping[str, object],
) -> None:
    """Flag the case and say why in the audit trail, as the bot."""
    add_flag(session, case, flag, now=now)
    add_audit(session, action=action, actor="mailbot", now=now, case_id=case.id, detail=detail)


def remove_flag(session: Session, case: Case, flag: CaseFlag, *, now: datetime) -> None:
    if flag in case.flags:
        case.flags = [f for f in case.flags if f != flag]
        case.updated_at = now
        session.flush()


def revisions_of(session: Session, case_id: int) -> list[CaseRevision]:
    """The case's value history, oldest first."""
    return list(
        session.scalars(
            select(CaseRevision).where(CaseRevision.case_id == case_id).order_by(CaseRevision.id)
        )
    )


_AUDIT_INSERT = insert(AuditEvent)


def add_audit(
    session: Session,
    *,
    action: str,
    actor: str,
    now: datetime,
    case_id: int | None = None,
    detail: Mapping[str, object] | None = None,
) -> None:
    """Append to the audit trail (``received``, ``replied``, ``merged``, ``approved``...).

    ``actor`` is ``"mailbot"`` for the bot, else the staff member. Never put message
    bodies or secrets in ``detail``.
    """
    # Appended at once, outside the unit of work (the trail is only ever added to,
    # and the case it names has its id already): in the session's transaction.
    session.connection().execute(
        _AUDIT_INSERT,
        {
            "case_id": case_id,
            "actor": actor,
            "action": action,
            "detail": dict(detail or {}),
            "at": now,
        },
    )


def audit_trail(session: Session, case_id: int | None = None) -> list[AuditEvent]:
    """Audit events, oldest first: of one case, or all of them."""
    query = select(AuditEvent).order_by(AuditEvent.id)
    if case_id is not None:
        query = query.where(AuditEvent.case_id == case_id)
    return list(session.scalars(query))


def record_revisions(
    session: Session,
    case: Case,
    revisions: list[Revision],
    *,
    now: datetime,
    message_id: int | None = None,
) -> None:
    """Apply revisions computed by :func:`mailbot.domain.merge.merge` (some of a
    reply's changes, the rest held back) with their history and provenance."""
    if not revisions:
        return
    for revision in revisions:
        session.add(
            CaseRevision(
                case_id=case.id,
                path=revision.path,
                old_value=revision.old,
                new_value=revision.new,
                message_id=message_id,
                at=now,
            )
        )
    case.data = merge.apply_revisions(case.data, revisions)
    case.provenance = merge.provenance_update(case.provenance, revisions, message_id)
    case.updated_at = now
    session.flush()


# --- proposals: changes held for staff ------------------------------------------------


def add_proposal(
    session: Session,
    case: Case,
    *,
    kind: str,
    reason: str,
    data: CaseData | Mapping[str, Json],
    now: datetime,
    message_id: int | None = None,
) -> CaseProposal:
    """Hold a message's changes for staff to accept or drop."""
    proposal = CaseProposal(
        case_id=case.id,
        message_id=message_id,
        kind=kind,
        reason=reason,
        data=_json(data),
        status=ProposalStatus.PENDING,
        created_at=now,
    )
    session.add(proposal)
    session.flush()
    return proposal


def proposals_of(
    session: Session, case_id: int, status: ProposalStatus | None = None
) -> list[CaseProposal]:
    """The case's proposals, oldest first (only those in ``status`` when given)."""
    query = select(CaseProposal).where(CaseProposal.case_id == case_id)
    if status is not None:
        query = query.where(CaseProposal.status == status)
    return list(session.scalars(query.order_by(CaseProposal.id)))


def decide_proposal(
    session: Session,
    proposal: CaseProposal,
    status: ProposalStatus,
    *,
    actor: str,
    now: datetime,
    note: str | None = None,
) -> None:
    proposal.status = status
    proposal.decided_by = actor
    proposal.decided_at = now
    proposal.note = note
    session.flush()
