"""Privacy: raw message bodies of closed cases are deleted after ``[retention] raw_days``.

Only the ``raw`` bytes go: of the messages received, and of the replies sent (or given
up on) for those cases, which quote the officer lists too. The ledger row (sender,
subject, size, SHA-256, Message-ID, outcome), the outbox row (recipients, subject,
template, status), the case with its approved data, and the audit trail stay; each
purge adds a ``raw_purged`` audit event to the case. Quarantined messages, open cases
and replies still waiting to go keep their bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from mailbot.domain.enums import AuditAction, CaseStatus
from mailbot.store.casefiles import add_audit
from mailbot.store.models import Case, Message, OutboxMessage, OutboxStatus

CLOSED = (CaseStatus.APPROVED, CaseStatus.REJECTED)


@dataclass(frozen=True)
class Purgeable:
    """One message received, or one reply sent, whose raw body is due to go (what
    ``purge --dry-run`` lists); ``message_id`` is the row's id in its table."""

    message_id: int
    case_reference: str | None
    case_id: int
    recorded_at: datetime
    size: int
    kind: Literal["message", "reply"] = "message"


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
    replies = session.execute(
        select(
            OutboxMessage.id,
            Case.reference,
            Case.id,
            OutboxMessage.created_at,
            func.length(OutboxMessage.raw),
        )
        .join(Case, OutboxMessage.case_id == Case.id)
        .where(
            Case.status.in_(CLOSED),
            Case.updated_at <= cutoff,
            OutboxMessage.created_at <= cutoff,
            OutboxMessage.status.in_((OutboxStatus.SENT, OutboxStatus.FAILED)),
            OutboxMessage.raw.is_not(None),
        )
        .order_by(OutboxMessage.id)
    )
    return [Purgeable(*row) for row in rows] + [
        Purgeable(pk, ref, case_id, at, size, kind="reply")
        for pk, ref, case_id, at, size in replies
    ]


def purge(session: Session, now: datetime, days: int) -> list[Purgeable]:
    """Delete those raw bodies (in the caller's transaction); returns what went."""
    due = purgeable(session, now, days)
    if not due:
        return due
    for table, kind in ((Message, "message"), (OutboxMessage, "reply")):
        ids = [p.message_id for p in due if p.kind == kind]
        if ids:
            session.execute(
                update(table)
                .where(table.id.in_(ids))
                .values(raw=None)
                .execution_options(synchronize_session=False)
            )
    by_case: dict[int, dict[str, list[int]]] = {}
    for p in due:
        entry = by_case.setdefault(p.case_id, {"messages": [], "replies": []})
        entry["messages" if p.kind == "message" else "replies"].append(p.message_id)
    for case_id, entry in by_case.items():
        add_audit(
            session,
            action=AuditAction.RAW_PURGED,
            actor="mailbot",
            now=now,
            case_id=case_id,
            detail={**entry, "raw_days": days},
        )
    return due
