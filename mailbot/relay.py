"""The outbox relay: sends what the outbox holds, flags cases whose reply will not
be delivered, and honours the hard-bounce suppression list."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import timedelta

import structlog
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from mailbot.cases import CaseFlag
from mailbot.config import Settings
from mailbot.errors import DeliveryError, PermanentDeliveryError
from mailbot.ports import Checkpoint, Clock, Mailer, no_checkpoint
from mailbot.store import bounces, casefiles, db, outbox
from mailbot.store.models import OutboxMessage, OutboxStatus

log = structlog.get_logger()

SUPPRESSED = "address suppressed after hard bounces"


@dataclass
class DeliveryReport:
    sent: int = 0
    retried: int = 0
    failed: int = 0


class Relay:
    """Hands queued replies to the SMTP server, one claimed row at a time."""

    def __init__(
        self,
        settings: Settings,
        engine: Engine,
        mailer: Mailer,
        clock: Clock,
        checkpoint: Checkpoint = no_checkpoint,
    ) -> None:
        self.settings = settings
        self.engine = engine
        self.mailer = mailer
        self.clock = clock
        self.checkpoint = checkpoint

    def deliver_due(
        self,
        limit: int | None = None,
        *,
        stop: threading.Event | None = None,
        budget_seconds: float | None = None,
    ) -> DeliveryReport:
        """Send what the outbox holds and is due, until it is empty, ``limit`` replies
        were tried, ``budget_seconds`` (default ``[poll] send_budget_seconds``) are
        spent, or ``stop`` is set; back off on temporary failures.

        Each row is claimed on its own just before it is sent, for a short lease (a
        dead relay holds up one reply, briefly); the claim counts the attempt and
        writes it to the audit trail, so a resend after a crash between the SMTP
        answer and the update is on record."""
        report = DeliveryReport()
        budget = (
            self.settings.poll.send_budget_seconds if budget_seconds is None else budget_seconds
        )
        deadline = time.monotonic() + budget
        lease = timedelta(seconds=max(60.0, 3 * self.settings.smtp.timeout_seconds))
        tried = 0
        while limit is None or tried < limit:
            if (stop is not None and stop.is_set()) or time.monotonic() >= deadline:
                break
            now = self.clock.now()
            with db.transaction(self.engine) as session:
                row = outbox.claim_next(session, now, lease)
                if row is None:
                    break
                pk, message_id, recipients, raw = (
                    row.id,
                    row.message_id,
                    list(row.recipients),
                    row.raw,
                )
                if raw is None:  # only a sent or failed reply's body is ever purged
                    outbox.mark_failed(session, row, now, "reply body deleted", counted=True)
                    report.failed += 1
                    tried += 1
                    continue
                if bounces.is_suppressed(session, row.to_address):
                    outbox.mark_failed(session, row, now, SUPPRESSED, counted=True)
                    self._flag_undelivered(session, row, SUPPRESSED)
                    report.failed += 1
                    tried += 1
                    continue
                casefiles.add_audit(
                    session,
                    action="send_attempt",
                    actor="mailbot",
                    now=now,
                    case_id=row.case_id,
                    detail={"outbox_id": pk, "attempt": row.attempts, "message_id": message_id},
                )
            tried += 1
            bound = log.bind(outbox_id=pk, message_id=message_id)
            try:
                self.mailer.send(self.settings.smtp.from_address, recipients, raw)
            except PermanentDeliveryError as e:
                with db.transaction(self.engine) as session:
                    row = self._outbox_row(session, pk)
                    outbox.mark_failed(session, row, self.clock.now(), str(e), counted=True)
                    self._flag_undelivered(session, row, str(e))
                bound.error("reply_failed", error=str(e))
                report.failed += 1
                continue
            except DeliveryError as e:
                with db.transaction(self.engine) as session:
                    row = self._outbox_row(session, pk)
                    status = outbox.schedule_retry(
                        session, row, self.clock.now(), str(e), counted=True
                    )
                    if status == OutboxStatus.FAILED:  # out of attempts: staff must know
                        self._flag_undelivered(session, row, str(e))
                bound.warning("reply_deferred", error=str(e), status=status.value)
                report.retried += 1
                break  # the server is unwell: the rest wait for the next round
            self.checkpoint("sent")
            with db.transaction(self.engine) as session:
                outbox.mark_sent(
                    session, self._outbox_row(session, pk), self.clock.now(), counted=True
                )
            bound.info("reply_sent")
            report.sent += 1
        return report

    @staticmethod
    def _outbox_row(session: Session, pk: int) -> OutboxMessage:
        row = session.get(OutboxMessage, pk)
        assert row is not None  # outbox rows are never deleted
        return row

    def _flag_undelivered(self, session: Session, row: OutboxMessage, error: str) -> None:
        """A reply that will not be delivered flags its case for staff."""
        if row.case_id is None:
            return
        case = casefiles.get_case_by_id(session, row.case_id)
        assert case is not None  # cases are never deleted
        casefiles.flag_by_bot(
            session,
            case,
            CaseFlag.DELIVERY_FAILED,
            action="delivery_failed",
            now=self.clock.now(),
            detail={"outbox_id": row.id, "error": error[:300]},
        )
