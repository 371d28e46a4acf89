"""The outbox: replies are committed here with the case, then relayed to SMTP.

A row is written in the same transaction as the case change that caused it, so a
crash can never lose a reply nor send one for a change that was rolled back. The
relay takes :func:`due` rows, sends them, and calls :func:`mark_sent`,
:func:`schedule_retry` or :func:`mark_failed`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import Session

from mailbot.store.ledger import normalize_message_id
from mailbot.store.models import OutboxMessage, OutboxStatus

RETRY_BASE = timedelta(minutes=1)
RETRY_CAP = timedelta(hours=6)
MAX_ATTEMPTS = 12
CLAIM_LEASE = timedelta(minutes=2)
_MAX_ERROR_CHARS = 500


def backoff(attempts: int, base: timedelta = RETRY_BASE, cap: timedelta = RETRY_CAP) -> timedelta:
    """Delay before the next try after ``attempts`` failed ones: base, 2x, 4x... up to cap."""
    if attempts < 1:
        return timedelta(0)
    return min(cap, base * (2 ** min(attempts - 1, 30)))


def enqueue(
    session: Session,
    *,
    template: str,
    message_id: str,
    to_address: str,
    recipients: Sequence[str],
    subject: str,
    raw: bytes,
    now: datetime,
    case_id: int | None = None,
) -> OutboxMessage:
    """Queue a rendered reply; due at once.

    Idempotent on ``message_id`` (deterministic, derived from the case and template):
    queuing the same reply twice returns the existing row.
    """
    canonical = normalize_message_id(message_id)
    # Every new row is flushed below, so no row still waiting to be written can carry
    # this Message-ID: the look-up need not flush the caller's pending changes first
    # (they go with the new row, in one flush).
    with session.no_autoflush:
        existing = find_outbox(session, canonical)
    if existing is not None:
        return existing
    row = OutboxMessage(
        case_id=case_id,
        template=template,
        message_id=canonical,
        to_address=to_address.strip().lower(),
        recipients=list(recipients),
        subject=subject,
        raw=raw,
        status=OutboxStatus.PENDING,
        attempts=0,
        next_attempt_at=now,
        created_at=now,
    )
    session.add(row)
    session.flush()
    return row


_BY_MESSAGE_ID = select(OutboxMessage).where(OutboxMessage.message_id == bindparam("mid"))
"""Asked for every reply queued: built once, its value bound at each use."""


def find_outbox(session: Session, message_id: str) -> OutboxMessage | None:
    """The outbox row with this Message-ID (with or without <>), or None."""
    mid = normalize_message_id(message_id)
    return session.scalars(_BY_MESSAGE_ID, {"mid": mid}).one_or_none()


def due(session: Session, now: datetime, limit: int = 50) -> list[OutboxMessage]:
    """Pending rows whose time has come, oldest first.

    On PostgreSQL the rows are locked (``SKIP LOCKED``) until the transaction ends, so
    two relays never take the same row; SQLite serialises writers anyway.
    """
    query = (
        select(OutboxMessage)
        .where(OutboxMessage.status == OutboxStatus.PENDING, OutboxMessage.next_attempt_at <= now)
        .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    return list(session.scalars(query))


def claim(
    session: Session, now: datetime, limit: int = 50, lease: timedelta = CLAIM_LEASE
) -> list[OutboxMessage]:
    """The due rows, each claimed for ``lease``: another relay (a second bot instance)
    will not see them as due meanwhile. If this relay dies before marking a row sent,
    the row falls due again when the lease ends (at-least-once, same Message-ID)."""
    rows = due(session, now, limit)
    for row in rows:
        row.next_attempt_at = now + lease
    session.flush()
    return rows


def claim_next(
    session: Session, now: datetime, lease: timedelta = CLAIM_LEASE
) -> OutboxMessage | None:
    """The next due row, claimed for ``lease`` with its attempt counted, or None.

    The relay claims one row at a time, just before sending it: a relay that dies
    holds up that one reply until the short lease ends, never a whole batch."""
    rows = due(session, now, 1)
    if not rows:
        return None
    row = rows[0]
    row.next_attempt_at = now + lease
    row.attempts += 1
    session.flush()
    return row


def release(session: Session, pks: Sequence[int], now: datetime) -> None:
    """Give back claimed rows that were not tried: due again at ``now``."""
    if pks:
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id.in_(list(pks)), OutboxMessage.status == OutboxStatus.PENDING)
            .values(next_attempt_at=now)
        )


def mark_sent(
    session: Session, row: OutboxMessage, now: datetime, *, counted: bool = False
) -> None:
    """The SMTP server accepted the message (``counted``: :func:`claim_next` already
    counted this attempt)."""
    row.status = OutboxStatus.SENT
    row.attempts += 0 if counted else 1
    row.sent_at = now
    row.last_error = None
    session.flush()


def schedule_retry(
    session: Session,
    row: OutboxMessage,
    now: datetime,
    error: str,
    *,
    max_attempts: int = MAX_ATTEMPTS,
    base: timedelta = RETRY_BASE,
    cap: timedelta = RETRY_CAP,
    counted: bool = False,
) -> OutboxStatus:
    """A temporary failure (4xx, timeout): try again later, with exponential backoff.

    After ``max_attempts`` tries the row is marked failed instead. Returns the new status.
    """
    row.attempts += 0 if counted else 1
    row.last_error = error[:_MAX_ERROR_CHARS]
    if row.attempts >= max_attempts:
        row.status = OutboxStatus.FAILED
    else:
        row.next_attempt_at = now + backoff(row.attempts, base, cap)
    session.flush()
    return row.status


def mark_failed(
    session: Session, row: OutboxMessage, now: datetime, error: str, *, counted: bool = False
) -> None:
    """A permanent failure (5xx): never retried; staff are told through the case."""
    row.attempts += 0 if counted else 1
    row.status = OutboxStatus.FAILED
    row.last_error = error[:_MAX_ERROR_CHARS]
    row.next_attempt_at = now
    session.flush()


def replies_since(session: Session, address: str, since: datetime) -> int:
    """How many replies were queued to ``address`` since ``since`` (any status), for the
    per-address daily cap that stops mail loops."""
    count = session.scalar(
        select(func.count())
        .select_from(OutboxMessage)
        .where(
            OutboxMessage.to_address == address.strip().lower(),
            OutboxMessage.created_at >= since,
        )
    )
    return int(count or 0)


def outbox_of_case(session: Session, case_id: int) -> list[OutboxMessage]:
    """Every reply queued for a case, oldest first."""
    return list(
        session.scalars(
            select(OutboxMessage).where(OutboxMessage.case_id == case_id).order_by(OutboxMessage.id)
        )
    )
