"""Recording what was read: the ledger row, the handler's outcome, in the group's
transaction.

A group of fetched messages is read, then recorded in ONE transaction (a savepoint
each, so one bad message cannot spoil the others). A message that cannot be read is
quarantined with its reason; a message over the size limit is recorded from its
header alone. A quarantined message can be read again from its stored bytes
(:meth:`Recorder.reprocess`), which needs only the database.
"""

from __future__ import annotations

import errno
import hashlib
import threading
from datetime import datetime
from typing import Any, NoReturn

import structlog
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from mailbot.config import Settings
from mailbot.errors import (
    CaseError,
    DuplicateMessage,
    MailbotError,
    MessageError,
    ReplyUnreadable,
    StoreError,
)
from mailbot.handling import Handler, Outcome
from mailbot.intake.limits import Limits
from mailbot.notify import queue_email
from mailbot.poll_steps import PollReport
from mailbot.ports import Clock, FolderState
from mailbot.reader import Reader, ReaderUnavailable, Reading
from mailbot.store import casefiles, db, folders, ledger
from mailbot.store.models import Message, MessageOutcome
from mailbot.unread_headers import header_summary

log = structlog.get_logger()

_DISK_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EROFS})


def _is_environment_failure(error: BaseException) -> bool:
    """A failure of the database or the disk: never the message's fault (retried)."""
    if isinstance(error, OSError):
        return error.errno in _DISK_ERRNOS
    return isinstance(error, sa_exc.DBAPIError) and not isinstance(error, sa_exc.IntegrityError)


Recorded = tuple[int, int, MessageOutcome]
"""(ledger id, UID, outcome) of a message recorded and waiting to be moved."""


class Recorder:
    """Reads fetched messages and records each with the handler's outcome."""

    def __init__(
        self,
        settings: Settings,
        engine: Engine,
        clock: Clock,
        handler: Handler,
        limits: Limits,
        reader: Reader,
        token: str,
    ) -> None:
        self.settings = settings
        self.engine = engine
        self.clock = clock
        self.handler = handler
        self.limits = limits
        self.reader = reader
        self.token = token
        self.folder = settings.mailbox.folder

    def read(self, raw: bytes) -> Reading:
        """The message read, or the reason it cannot be."""
        return self.reader.read(raw)

    # -- a polled group -------------------------------------------------------------

    def record_group(
        self,
        state: FolderState,
        uids: list[int],
        raws: dict[int, bytes],
        header_raws: dict[int, bytes],
        sizes: dict[int, int],
        report: PollReport,
        stop: threading.Event | None,
    ) -> list[Recorded]:
        """Read the fetched messages of ``uids`` (whole in ``raws``, over the size limit
        in ``header_raws``), then record them all in one transaction that also clears
        the group's read marks and advances the cursor past what was handled."""
        readings: dict[int, Reading] = {}
        handled: list[int] = []
        for uid in uids:
            if stop is not None and stop.is_set():
                break  # stop after the message in hand: the rest are read next time
            if uid in raws:
                readings[uid] = self.read(raws[uid])
            elif uid in header_raws:
                readings[uid] = self.read(header_raws[uid])
            handled.append(uid)
        done: list[Recorded] = []
        now = self.clock.now()
        with db.transaction(self.engine) as session:
            for uid in handled:
                if uid not in readings:
                    continue  # expunged by another client meanwhile
                recorded = self._record_one(
                    session, state, uid, raws.get(uid), readings[uid], sizes[uid], now
                )
                if recorded is None:
                    continue
                done.append((recorded[0], uid, recorded[1]))
                report.count(recorded[1])
            folders.finish_reading(session, self.folder, state.uidvalidity, uids)
            if handled:
                folders.set_cursor(session, self.folder, state.uidvalidity, handled[-1], now)
        return done

    def _record_one(
        self,
        session: Session,
        state: FolderState,
        uid: int,
        raw: bytes | None,
        reading: Reading,
        size: int,
        now: datetime,
    ) -> tuple[int, MessageOutcome] | None:
        """One message in its own savepoint; None when another instance took it."""
        try:
            with session.begin_nested():  # the ledger row goes in this one savepoint
                if raw is not None:
                    return self._record(session, state, uid, raw, reading, now)
                return self._record_too_large(session, state, uid, size, reading, now)
        except ledger.InsertRefused as e:
            # The savepoint is undone: the ledger can now say whether another instance
            # recorded it first (that instance moves it), or what else refused it.
            refused = ledger.refusal(session, e)
            if not isinstance(refused, DuplicateMessage):
                raise refused from None
            log.info("message_taken_by_other_instance", uid=uid)
            return None
        except DuplicateMessage:
            log.info("message_taken_by_other_instance", uid=uid)
            return None
        except MailbotError as e:
            if isinstance(e, StoreError | ReaderUnavailable):
                # The database's fault, or no reader process to read a reply against
                # its case with: not the message's; retried.
                raise
            return self.record_failure(session, state, uid, raw, size, str(e), now)
        except Exception as e:  # a bug must not stop the desk
            if _is_environment_failure(e):
                raise  # database, disk or network: retried, never blamed on it
            log.exception("message_processing_crashed", uid=uid)
            reason = f"internal error while processing: {type(e).__name__}"
            return self.record_failure(session, state, uid, raw, size, reason, now)

    def _ledger(self, session: Session, state: FolderState, uid: int, **fields: Any) -> Message:
        """Record one message of the polled folder in the ledger, as this instance's."""
        return ledger.record_message(
            session,
            mailbox=self.folder,
            uidvalidity=state.uidvalidity,
            uid=uid,
            recorded_by=self.token,
            **fields,
        )

    def record_failure(
        self,
        session: Session,
        state: FolderState,
        uid: int,
        raw: bytes | None,
        size: int,
        reason: str,
        now: datetime,
    ) -> tuple[int, MessageOutcome]:
        """Quarantine a message whose processing failed (its savepoint was undone), or
        that is set aside unread."""
        sender, subject, message_id = header_summary(raw)
        message = self._ledger(
            session,
            state,
            uid,
            raw_sha256=ledger.raw_digest(raw) if raw is not None else f"unfetched-{uid}-{size}",
            size=size,
            outcome=MessageOutcome.QUARANTINED,
            reason=reason[:500],
            raw=raw,
            now=now,
            sender=sender,
            subject=subject,
            message_id=message_id,
        )
        log.warning("message_quarantined", uid=uid, reason=reason)
        return message.id, MessageOutcome.QUARANTINED

    def _record_too_large(
        self,
        session: Session,
        state: FolderState,
        uid: int,
        size: int,
        header: Reading,
        now: datetime,
    ) -> tuple[int, MessageOutcome]:
        """Record a message over the size limit from its header alone (read like any
        message, so automated mail is recognised the same way); tell the sender once."""
        sender = message_id = subject = None
        automated = True  # a header we cannot read gets no answer
        if not isinstance(header, str):
            parts, result = header
            sender, message_id, subject = parts.sender, parts.message_id, parts.subject[:500]
            automated = result.automated
        digest = hashlib.sha256(f"too-large/{message_id or uid}/{size}".encode()).hexdigest()
        reason = f"message is {size:,} bytes, over the limit of {self.limits.max_message_bytes:,}"
        message = self._ledger(
            session,
            state,
            uid,
            raw_sha256=digest,
            size=size,
            outcome=MessageOutcome.TOO_LARGE,
            reason=reason,
            message_id=message_id,
            sender=sender,
            subject=subject,
            now=now,
            own_savepoint=False,
        )
        if sender and not automated and self.handler.may_reply(session, sender):
            queue_email(
                session,
                self.settings,
                template="too_large",
                key=f"too_large/{digest}",
                to=[sender],
                now=now,
                in_reply_to=message_id,
                references=[message_id] if message_id else [],
                limit_bytes=self.limits.max_message_bytes,
            )
        log.warning("message_too_large", uid=uid, size=size)
        return message.id, MessageOutcome.TOO_LARGE

    def _record(
        self,
        session: Session,
        state: FolderState,
        uid: int,
        raw: bytes,
        reading: Reading,
        now: datetime,
    ) -> tuple[int, MessageOutcome]:
        failure = reading if isinstance(reading, str) else None
        parts = None if isinstance(reading, str) else reading[0]
        sender: str | None
        subject: str | None
        message_id: str | None
        vouched = None
        if parts is not None:
            sender, subject, message_id = parts.sender, parts.subject[:500], parts.message_id
            # Kept with the message whatever happens next, written with its ledger row.
            vouched = self.handler.vouch(raw, parts)
        else:  # unreadable: staff still see who sent it and what about
            sender, subject, message_id = header_summary(raw)
        message = self._ledger(
            session,
            state,
            uid,
            raw_sha256=ledger.raw_digest(raw),
            size=len(raw),
            outcome=MessageOutcome.QUARANTINED if failure else MessageOutcome.PROCESSED,
            reason=failure,
            message_id=message_id,
            sender=sender,
            subject=subject,
            raw=raw,
            now=now,
            auth=vouched[1].as_dict() if vouched is not None else None,
            own_savepoint=False,
        )
        if isinstance(reading, str):
            decided = Outcome(MessageOutcome.QUARANTINED, failure)
            log.warning("message_quarantined", uid=uid, reason=failure)
        else:
            decided = self.handler.decide(session, message, reading[0], reading[1], now, vouched)
        ledger.set_outcome(session, message, decided.outcome, decided.reason, decided.case_id)
        log.info(
            "message_recorded",
            uid=uid,
            outcome=decided.outcome.value,
            reason=decided.reason,
            case_id=decided.case_id,
        )
        return message.id, decided.outcome

    # -- staff: read a quarantined message again ----------------------------------------

    def reprocess(self, ledger_id: int) -> tuple[MessageOutcome, str | None]:
        """Read a quarantined message again from its stored bytes and act on it.

        The IMAP copy stays in the quarantine folder; the ledger row records the new
        outcome. Raises :class:`MessageError` when it is still unreadable.
        """
        now = self.clock.now()
        with db.transaction(self.engine) as session:
            message = ledger.get_message(session, ledger_id)
            if message is None:
                raise CaseError(f"no message #{ledger_id} in the ledger: see `mailbot quarantine`")
            if message.outcome != MessageOutcome.QUARANTINED:
                raise CaseError(f"message #{ledger_id} is {message.outcome.value}, not quarantined")
            if message.raw is None:
                raise CaseError(f"message #{ledger_id} has no stored content to read again")
            raw = message.raw
        reading = self.read(raw)
        if isinstance(reading, str):
            self._still_unreadable(ledger_id, reading)
        parts, result = reading
        try:
            with db.transaction(self.engine) as session:
                message = ledger.get_message(session, ledger_id)
                assert message is not None
                message.sender = parts.sender
                message.message_id = (
                    ledger.normalize_message_id(parts.message_id) if parts.message_id else None
                )
                decided = self.handler.decide(session, message, parts, result, now)
                outcome, reason, case_id = decided.outcome, decided.reason, decided.case_id
                ledger.set_outcome(session, message, outcome, reason, case_id)
                casefiles.add_audit(
                    session,
                    action="reprocessed",
                    actor="staff",
                    now=now,
                    case_id=decided.case_id,
                    detail={"ledger_id": ledger_id, "outcome": decided.outcome.value},
                )
        except ReplyUnreadable as e:  # a reply that cannot be read against its case
            self._still_unreadable(ledger_id, str(e))
        return decided.outcome, decided.reason

    def _still_unreadable(self, ledger_id: int, reason: str) -> NoReturn:
        with db.transaction(self.engine) as session:
            message = ledger.get_message(session, ledger_id)
            assert message is not None
            ledger.set_outcome(session, message, MessageOutcome.QUARANTINED, reason)
        raise MessageError(f"message #{ledger_id} is still unreadable: {reason}")
