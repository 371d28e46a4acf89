"""The bot's own state in the database: what ``mailbot status`` and the metrics show.

A running bot writes one :class:`~mailbot.store.models.BotStatus` row per instance
(:func:`save_status`); :func:`snapshot` reads it with the desk's counters (messages
read today, cases by status, outbox backlog, quarantine) in a few cheap queries, so a
health check never logs in to a server.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mailbot.store import bounces, folders
from mailbot.store.models import BotStatus, Case, Message, MessageOutcome, OutboxMessage

PARTS = ("imap", "smtp", "token")


def save_status(
    session: Session,
    instance: str,
    now: datetime,
    *,
    started: bool = False,
    polled: bool = False,
    parts: dict[str, str] | None = None,
    errors: dict[str, str | None] | None = None,
    token_expires_at: datetime | None = None,
) -> None:
    """Create or update ``instance``'s row. ``parts`` sets "ok"/"failing"/... per part;
    an ``errors`` value of None clears that part's last error."""
    row = session.get(BotStatus, instance)
    if row is None:
        row = BotStatus(
            instance=instance,
            started_at=now,
            updated_at=now,
            imap="unknown",
            smtp="unknown",
            token="none",
            errors={},
        )
        session.add(row)
    if started:
        row.started_at = now
        row.last_poll_at = None
        row.imap, row.smtp = "unknown", "unknown"
    row.updated_at = now
    if polled:
        row.last_poll_at = now
    for part, state in (parts or {}).items():
        setattr(row, part, state)
    if "token" in (parts or {}):
        row.token_expires_at = token_expires_at
    if errors:
        merged = dict(row.errors or {})
        for part, error in errors.items():
            if error is None:
                merged.pop(part, None)
            else:
                merged[part] = error[:300]
        row.errors = merged  # a new dict: JSON columns do not see in-place changes


@dataclass(frozen=True)
class InstanceStatus:
    instance: str
    started_at: datetime
    updated_at: datetime
    last_poll_at: datetime | None
    last_poll_age_seconds: float | None
    imap: str
    smtp: str
    token: str
    token_expires_at: datetime | None
    errors: dict[str, str]

    def as_dict(self) -> dict[str, object]:
        def iso(value: datetime | None) -> str | None:
            return value.isoformat() if value is not None else None

        return {
            "instance": self.instance,
            "started_at": iso(self.started_at),
            "updated_at": iso(self.updated_at),
            "last_poll_at": iso(self.last_poll_at),
            "last_poll_age_seconds": (
                round(self.last_poll_age_seconds, 1)
                if self.last_poll_age_seconds is not None
                else None
            ),
            "imap": self.imap,
            "smtp": self.smtp,
            "token": self.token,
            "token_expires_at": iso(self.token_expires_at),
            "errors": self.errors,
        }


@dataclass(frozen=True)
class Snapshot:
    at: datetime
    instances: list[InstanceStatus]
    messages_today: int
    cases: dict[str, int]
    outbox_pending: int
    outbox_failed: int
    quarantined: int
    # Folders the server rebuilt (UIDVALIDITY changed) that staff have not yet seen,
    # and addresses no longer written to after repeated hard bounces.
    folder_alerts: list[str]
    suppressed: int

    def as_dict(self) -> dict[str, object]:
        return {
            "at": self.at.isoformat(),
            "folder_alerts": self.folder_alerts,
            "suppressed_addresses": self.suppressed,
            "instances": [i.as_dict() for i in self.instances],
            "messages_today": self.messages_today,
            "cases": self.cases,
            "outbox": {"pending": self.outbox_pending, "failed": self.outbox_failed},
            "quarantined": self.quarantined,
        }


def snapshot(session: Session, now: datetime) -> Snapshot:
    """Everything ``mailbot status`` shows, read from the database only."""
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    instances = [
        InstanceStatus(
            instance=row.instance,
            started_at=row.started_at,
            updated_at=row.updated_at,
            last_poll_at=row.last_poll_at,
            last_poll_age_seconds=(
                (now - row.last_poll_at).total_seconds() if row.last_poll_at else None
            ),
            imap=row.imap,
            smtp=row.smtp,
            token=row.token,
            token_expires_at=row.token_expires_at,
            errors={str(k): str(v) for k, v in (row.errors or {}).items()},
        )
        for row in session.scalars(select(BotStatus).order_by(BotStatus.instance))
    ]
    today = session.scalar(select(func.count()).where(Message.recorded_at >= midnight)) or 0
    cases = {
        str(getattr(status, "value", status)): int(count)
        for status, count in session.execute(
            select(Case.status, func.count()).group_by(Case.status)
        )
    }
    outbox = {
        str(getattr(status, "value", status)): int(count)
        for status, count in session.execute(
            select(OutboxMessage.status, func.count())
            .where(OutboxMessage.status != "sent")
            .group_by(OutboxMessage.status)
        )
    }
    quarantined = (
        session.scalar(select(func.count()).where(Message.outcome == MessageOutcome.QUARANTINED))
        or 0
    )
    return Snapshot(
        at=now,
        instances=instances,
        messages_today=int(today),
        cases=cases,
        outbox_pending=outbox.get("pending", 0),
        outbox_failed=outbox.get("failed", 0),
        quarantined=int(quarantined),
        folder_alerts=[c.mailbox for c in folders.folder_alerts(session)],
        suppressed=len(bounces.suppressed(session)),
    )


def unhealthy(instance: InstanceStatus, now: datetime, max_poll_age: timedelta) -> str | None:
    """Why ``instance`` is not healthy, or None."""
    if instance.last_poll_at is None:
        return f"{instance.instance}: no successful poll since it started"
    age = now - instance.last_poll_at
    if age > max_poll_age:
        return (
            f"{instance.instance}: last successful poll {int(age.total_seconds())} s ago "
            f"(more than {int(max_poll_age.total_seconds())} s)"
        )
    if instance.token == "down":
        return f"{instance.instance}: no OAuth2 token ({instance.errors.get('token', '')})"
    return None
