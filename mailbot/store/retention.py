"""Privacy: raw message bodies of closed cases are deleted after ``[retention] raw_days``.

Only the ``raw`` bytes go. The ledger row (sender, subject, size, SHA-256, Message-ID,
outcome), the case with its approved data, and the audit trail stay; each purge adds
a ``raw_purged`` audit event to the case. Quarantined messages and open cases keep
their bytes (staff may reprocess or read them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from mailbot.domain.enums import AuditAction, CaseStatus
from mailbot.store.casefiles import add_audit
from mailbot.store.models import Case, Message

CLOSED = (CaseStatus.APPROVED, CaseStatus.REJECTED)


@dataclass(frozen=True)
class Purgeable:
    """One message whose raw body is due to go (what ``purge --dry-run`` lists)."""

    message_id: int
    case_reference: str | None
    case_id: int
    recorded_at: datetime
    size: int


def purgeable(session: Session, now: datetime, days: int) -> list[Purgeable]:
    """Messages of cases closed more than ``days`` ago whose raw body is still kept."""
    cutoff = now - timedelta(days=days)
    rows = session.execute(
        select(Message.id, Case.reference, Case.id, Message.recorded_at, Message.size)
        .join(Case, Message.case_id == Case.id)
        .where(
            Case.status.in_(CLOSED),
            Case.updated_at <= cutoff,
            Message.recorded_at <= cutoff,
            Message.raw.is_not(None),
        )
        .order_by(Message.id)
    )
    return [Purgeable(*row) for row in rows]


def purge(session: Session, now: datetime, days: int) -> list[Purgeable]:
    """Delete those raw bodies (in the caller's transaction); returns what went."""
    due = purgeable(session, now, days)
    if not due:
        return due
    session.execute(
        update(Message)
        .where(Message.id.in_([p.message_id for p in due]))
        .values(raw=None)
        .execution_options(synchronize_session=False)
    )
    by_case: dict[int, list[int]] = {}
    for p in due:
        by_case.setdefault(p.case_id, []).append(p.message_id)
    for case_id, messages in by_case.items():
        add_audit(
            session,
            action=AuditAction.RAW_PURGED,
            actor="mailbot",
            now=now,
            case_id=case_id,
            detail={"messages": messages, "raw_days": days},
        )
    return due
