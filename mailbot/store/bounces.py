"""Hard bounces per address: after ``[bot] suppress_after_hard_bounces`` the address
gets no more replies, and the cases that wrote to it are flagged for staff.

All functions take an open :class:`~sqlalchemy.orm.Session` and never commit.
"""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from mailbot.store.models import AddressBounce, OutboxMessage

_STATUS = re.compile(
    rb"^[ \t]*Status:[ \t]*([245])\.\d{1,3}\.\d{1,3}", re.IGNORECASE | re.MULTILINE
)
_ACTION = re.compile(rb"^[ \t]*Action:[ \t]*(\w+)", re.IGNORECASE | re.MULTILINE)


def is_hard_bounce(raw: bytes) -> bool:
    """Whether a delivery report says the address failed for good (RFC 3464: a
    ``Status: 5.x.x`` or ``Action: failed``); a report of a delay (4.x.x, ``delayed``)
    is not. A bounce without a machine-readable status counts as hard."""
    head = raw[:1_000_000]
    statuses = {m.group(1) for m in _STATUS.finditer(head)}
    actions = {m.group(1).lower() for m in _ACTION.finditer(head)}
    if b"5" in statuses or b"failed" in actions:
        return True
    return not statuses and not actions


def _key(address: str) -> str:
    return address.strip().lower()


def record_hard_bounce(session: Session, address: str, now: datetime, threshold: int) -> bool:
    """Count one hard bounce of ``address``; True when this one makes it suppressed."""
    row = session.get(AddressBounce, _key(address), with_for_update=True)
    if row is None:
        row = AddressBounce(address=_key(address), hard_bounces=0, last_bounce_at=now)
        session.add(row)
    row.hard_bounces += 1
    row.last_bounce_at = now
    newly = row.suppressed_at is None and row.hard_bounces >= threshold
    if newly:
        row.suppressed_at = now
    session.flush()
    return newly


def standing(session: Session, address: str) -> tuple[int, bool]:
    """How many hard bounces ``address`` had, and whether replies to it are stopped."""
    row = session.get(AddressBounce, _key(address))
    if row is None:
        return 0, False
    return row.hard_bounces, row.suppressed_at is not None


def is_suppressed(session: Session, address: str) -> bool:
    """Whether replies to ``address`` are stopped after hard bounces."""
    row = session.get(AddressBounce, _key(address))
    return row is not None and row.suppressed_at is not None


_STANDING = select(
    select(AddressBounce.suppressed_at)
    .where(AddressBounce.address == bindparam("key"))
    .scalar_subquery()
    .is_not(None),
    select(func.count())
    .select_from(OutboxMessage)
    .where(
        OutboxMessage.to_address == bindparam("key"), OutboxMessage.created_at >= bindparam("since")
    )
    .scalar_subquery(),
)
"""Asked for every message recorded: built once, its values bound at each use."""


def reply_standing(session: Session, address: str, since: datetime) -> tuple[bool, int]:
    """Whether replies to ``address`` are stopped after hard bounces, and how many
    replies were queued to it since ``since`` (any status): one query."""
    row = session.execute(_STANDING, {"key": _key(address), "since": since}).one()
    return bool(row[0]), int(row[1] or 0)


def suppressed(session: Session) -> list[AddressBounce]:
    """Every suppressed address, for staff."""
    return list(
        session.scalars(
            select(AddressBounce)
            .where(AddressBounce.suppressed_at.is_not(None))
            .order_by(AddressBounce.address)
        )
    )


def lift(session: Session, address: str) -> bool:
    """Staff fixed the address: replies to it may go out again. False when it was not
    suppressed."""
    row = session.get(AddressBounce, _key(address))
    if row is None or row.suppressed_at is None:
        return False
    row.suppressed_at = None
    row.hard_bounces = 0
    session.flush()
    return True
