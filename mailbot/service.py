"""The desk: one poll cycle (fetch, process, record, move) and the outbox relay.

Per message, in this order: the ledger row, the case change and the outbox rows are
written in ONE transaction; only then is the message moved on the server. A crash
between the two leaves a recorded, unmoved message, which the next cycle moves
without processing it again. A message that cannot be read is quarantined with its
reason and the cycle goes on.
"""

from __future__ import annotations

import errno
import hashlib
import os
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.header import decode_header, make_header
from email.parser import BytesHeaderParser
from email.policy import compat32
from email.utils import getaddresses
from typing import Any

import structlog
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from mailbot import instance
from mailbot.cases import CaseFlag
from mailbot.config import Settings
from mailbot.errors import (
    DeliveryError,
    DuplicateMessage,
    MailbotError,
    MailboxError,
    MessageError,
    PermanentDeliveryError,
    StoreError,
)
from mailbot.handling import Handler, Outcome
from mailbot.intake.limits import Limits
from mailbot.intake.model import ParseResult
from mailbot.intake.parts import MessageParts
from mailbot.intake.rules import Rules, load_rules
from mailbot.notify import queue_email
from mailbot.ports import Clock, FolderState, Mailbox, Mailer
from mailbot.reader import IsolatedReader, Reading, read_in_process
from mailbot.store import bounces, casefiles, db, ledger, outbox
from mailbot.store.models import Message, MessageOutcome, OutboxMessage, OutboxStatus

log = structlog.get_logger()

FETCH_BYTES = 16 * 1024 * 1024
"""At most this many message bytes are fetched and held at once (at least one message)."""

FAULT_ENV = "MAILBOT_FAULT"
"""Test seam: name a point (``after_commit``, ``after_send``) and the process exits
there abruptly, as a crash would. Used by the crash-recovery tests only."""


QUARANTINE_AFTER_DEATHS = 2
"""A message on which the bot died this many times while reading it alone (after the
death of a group read that held it) is set aside unread: two deaths, not one, so a
kill that happens to land while a good message is read never costs its answer."""

READ_STALE_AFTER = timedelta(seconds=60)
"""A read mark of an instance on another host counts as a death once it is older than
the read time limit plus this (on the same host the process table tells at once)."""

MOVE_GRACE = timedelta(seconds=60)
"""A message recorded by an instance on another host that has not moved it after this
long is moved by whichever instance sees it (on the same host: once that PID is gone)."""


def _fault(point: str) -> None:
    if os.environ.get(FAULT_ENV) == point:
        log.warning("fault_injected", point=point)
        os._exit(70)


_DISK_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EROFS})


def _is_environment_failure(error: BaseException) -> bool:
    """A failure of the database or the disk: never the message's fault (retried)."""
    if isinstance(error, OSError):
        return error.errno in _DISK_ERRNOS
    return isinstance(error, sa_exc.DBAPIError) and not isinstance(error, sa_exc.IntegrityError)


def header_summary(raw: bytes | None) -> tuple[str | None, str | None, str | None]:
    """(sender, subject, Message-ID) read leniently from a message's header block, for
    a message that is set aside without being read (staff must see who sent it).
    Never raises; anything it cannot make out is None."""
    if not raw:
        return None, None, None
    block = raw[: 64 * 1024]
    end = block.find(b"\r\n\r\n")
    if end < 0:
        end = block.find(b"\n\n")
    try:
        headers = BytesHeaderParser(policy=compat32).parsebytes(block[: end if end >= 0 else None])

        def text(name: str) -> str | None:
            value = headers.get(name)
            if value is None:
                return None
            try:
                decoded = str(make_header(decode_header(str(value))))
            except Exception:
                decoded = str(value)
            cleaned = "".join(c if c.isprintable() else " " for c in decoded).strip()
            return cleaned[:500] or None

        sender = None
        found = [a for _, a in getaddresses([text("From") or ""]) if "@" in a]
        if found:
            sender = found[0][:320]
        mid = text("Message-ID")
        return sender, text("Subject"), (mid.split()[0][:998] if mid else None)
    except Exception:
        return None, None, None


@dataclass
class PollReport:
    seen: int = 0
    processed: int = 0
    duplicates: int = 0
    quarantined: int = 0
    too_large: int = 0
    automated: int = 0
    moved: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)

    def count(self, outcome: MessageOutcome) -> None:
        self.outcomes[outcome.value] = self.outcomes.get(outcome.value, 0) + 1
        if outcome == MessageOutcome.QUARANTINED:
            self.quarantined += 1
        elif outcome == MessageOutcome.DUPLICATE:
            self.duplicates += 1
        elif outcome == MessageOutcome.AUTOMATED:
            self.automated += 1
        elif outcome == MessageOutcome.TOO_LARGE:
            self.too_large += 1
        else:
            self.processed += 1


@dataclass
class DeliveryReport:
    sent: int = 0
    retried: int = 0
    failed: int = 0


class Desk:
    """The bot's work, built from its edges (mailbox, mailer, database, clock)."""

    def __init__(
        self,
        settings: Settings,
        engine: Engine,
        mailbox: Mailbox,
        mailer: Mailer,
        clock: Clock,
        rules: Rules | None = None,
    ) -> None:
        self.settings = settings
        self.engine = engine
        self.mailbox = mailbox
        self.mailer = mailer
        self.clock = clock
        self.rules = rules or load_rules(settings.bot.rules_dir)
        self.limits = Limits(**settings.limits.model_dump())
        self.handler = Handler(settings, self.rules, self.limits, clock)
        self.loop_header = settings.bot.loop_header
        timeout = settings.limits.read_timeout_seconds
        self.reader = (
            IsolatedReader(self.limits, settings.bot.rules_dir, self.loop_header, timeout)
            if timeout > 0
            else None
        )
        self.folder = settings.mailbox.folder
        self.token = instance.new_token()
        self._folders_ready = False
        self.lock = threading.Lock()

    # -- polling ------------------------------------------------------------------------

    def _destination(self, outcome: MessageOutcome) -> str:
        box = self.settings.mailbox
        if outcome in (MessageOutcome.QUARANTINED, MessageOutcome.TOO_LARGE):
            return box.quarantine_folder
        if outcome == MessageOutcome.REVIEW:
            return box.review_folder
        return box.processed_folder

    def _prepare(self) -> FolderState:
        self.mailbox.connect()
        if not self._folders_ready:
            box = self.settings.mailbox
            for name in (box.processed_folder, box.review_folder, box.quarantine_folder):
                self.mailbox.ensure_folder(name)
            self._folders_ready = True
        return self.mailbox.select(self.folder)

    def _nothing_to_do(self) -> bool:
        """True when the folder, still selected, reports nothing new (a NOOP), no UID
        lies past the cursor and no recorded message waits to be moved: the poll then
        costs the same whatever the folder's size."""
        self.mailbox.connect()
        if not self._folders_ready:
            return False
        state = self.mailbox.unchanged(self.folder)
        if state is None:
            return False
        with db.transaction(self.engine) as session:
            cursor = ledger.get_cursor(session, self.folder)
            if cursor is None or cursor.uidvalidity != state.uidvalidity:
                return False
            if state.uidnext is None or state.uidnext > cursor.last_uid + 1:
                return False
            return not ledger.has_unmoved(session, self.folder, state.uidvalidity)

    def poll_once(self, stop: threading.Event | None = None, *, full: bool = False) -> PollReport:
        """Read every new message once. Raises :class:`MailboxError` when the server
        goes away (the caller reconnects); whatever was committed stays committed.

        Unless ``full``, a NOOP that reports nothing new ends the poll at once; a full
        poll SELECTs the folder again (for servers that do not report new mail on
        NOOP, and when IDLE said something changed)."""
        report = PollReport()
        if not full and self._nothing_to_do():
            return report
        state = self._prepare()
        self._finish_moves(state, report)
        with db.transaction(self.engine) as session:
            cursor = ledger.get_cursor(session, self.folder)
            last_uid = 0
            if cursor is not None and cursor.uidvalidity == state.uidvalidity:
                last_uid = cursor.last_uid
            else:
                if cursor is not None:
                    # Old UIDs mean nothing now: start over, and let the ledger's
                    # Message-ID and content hash recognise what was seen before.
                    # Staff are told (mailbot status, the audit trail).
                    log.warning(
                        "uidvalidity_changed",
                        folder=self.folder,
                        old=cursor.uidvalidity,
                        new=state.uidvalidity,
                    )
                    casefiles.add_audit(
                        session,
                        action="uidvalidity_changed",
                        actor="mailbot",
                        now=self.clock.now(),
                        detail={
                            "folder": self.folder,
                            "old": cursor.uidvalidity,
                            "new": state.uidvalidity,
                        },
                    )
                ledger.set_cursor(session, self.folder, state.uidvalidity, 0, self.clock.now())
        if state.uidnext is not None and state.uidnext <= last_uid + 1:
            return report
        uids = self.mailbox.uids_after(last_uid)
        batch = self.settings.poll.batch_size
        for start in range(0, len(uids), batch):
            if stop is not None and stop.is_set():
                break
            self._batch(state, uids[start : start + batch], report, stop)
        return report

    def _batch(
        self,
        state: FolderState,
        uids: list[int],
        report: PollReport,
        stop: threading.Event | None,
    ) -> None:
        sizes = self.mailbox.sizes(uids)
        with db.transaction(self.engine) as session:
            recorded = ledger.find_messages(session, self.folder, state.uidvalidity, uids)
            known = {m.uid for m in recorded}
            movable = [(m.id, m.uid, m.outcome) for m in recorded if self._movable(m)]
        if movable:
            # Recorded before a crash but not moved: move them, never process again.
            # Those another live instance recorded are its to move.
            self._move_all(movable)
            report.moved += len(movable)
        fresh = [u for u in uids if u in sizes and u not in known]
        report.seen += len(fresh)
        for unit in self._units(fresh, sizes):
            if stop is not None and stop.is_set():
                return
            self._unit(state, unit, sizes, report, stop)
        if stop is not None and stop.is_set():
            return  # stopped within the last group: its unread messages come next time
        with db.transaction(self.engine) as session:
            # Expunged by another client meanwhile, or handled above: done with them.
            ledger.set_cursor(session, self.folder, state.uidvalidity, uids[-1], self.clock.now())

    def _units(self, uids: list[int], sizes: dict[int, int]) -> list[list[int]]:
        """Split into groups fetched and committed together, bounded in bytes so a
        batch of large messages never sits in memory at once."""
        units: list[list[int]] = []
        current: list[int] = []
        held = 0
        for uid in uids:
            size = sizes[uid] if sizes[uid] <= self.limits.max_message_bytes else 0
            if current and held + size > FETCH_BYTES:
                units.append(current)
                current, held = [], 0
            current.append(uid)
            held += size
        if current:
            units.append(current)
        return units

    def _gone(self, owner: str | None, since: datetime | None, stale_after: timedelta) -> bool:
        return instance.is_gone(owner, self.token, since, self.clock.now(), stale_after)

    def _unit(
        self,
        state: FolderState,
        uids: list[int],
        sizes: dict[int, int],
        report: PollReport,
        stop: threading.Event | None = None,
    ) -> None:
        """Fetch, read and record a group of messages in ONE transaction (a savepoint
        each, so one bad message cannot spoil the others), then move them.

        Just before reading, the group is marked as being read by this process; the
        marks go in the transaction that records the results. Marks left by a process
        that is gone mean it died while reading: that group is read again one message
        at a time, and a message that the bot died on while reading it alone
        (``QUARANTINE_AFTER_DEATHS`` times, each counted when it is read next) is set
        aside unread. IMAP and database failures leave no mark."""
        limit = self.limits.max_message_bytes
        stale = timedelta(seconds=self.settings.limits.read_timeout_seconds) + READ_STALE_AFTER
        with db.transaction(self.engine) as session:
            dead = {
                uid: (m.alone, m.attempts)
                for uid, m in ledger.read_markers(
                    session, self.folder, state.uidvalidity, uids
                ).items()
                if self._gone(m.owner, m.started_at, stale)
            }
        if dead and len(uids) > 1:
            # An earlier read of this group died: find the message that kills the
            # bot by reading them one at a time.
            log.warning("reading_one_by_one", first_uid=uids[0], count=len(uids))
            for uid in uids:
                if stop is not None and stop.is_set():
                    return
                self._unit(state, [uid], sizes, report, stop)
            return
        alone, deaths = False, None
        if dead:
            was_alone, attempts = dead[uids[0]]
            alone, deaths = True, attempts + (1 if was_alone else 0)
            if deaths >= QUARANTINE_AFTER_DEATHS:
                self._quarantine_unread(state, uids[0], sizes[uids[0]], report, deaths)
                return
        raws = self.mailbox.fetch_many([u for u in uids if sizes[u] <= limit])
        header_raws: dict[int, bytes] = {}
        for u in uids:
            if sizes[u] > limit and (header := self.mailbox.fetch_header(u)) is not None:
                header_raws[u] = header
        fetched = [u for u in uids if u in raws or u in header_raws]
        if not fetched:  # all expunged by another client meanwhile
            with db.transaction(self.engine) as session:
                ledger.finish_reading(session, self.folder, state.uidvalidity, uids)
                ledger.set_cursor(
                    session, self.folder, state.uidvalidity, uids[-1], self.clock.now()
                )
            return
        with db.transaction(self.engine) as session:
            ledger.mark_reading(
                session,
                self.folder,
                state.uidvalidity,
                fetched,
                owner=self.token,
                now=self.clock.now(),
                alone=alone,
                deaths=deaths,
            )
        try:
            done = self._read_and_record(state, uids, raws, header_raws, sizes, report, stop)
        except BaseException:
            # Not a death (an IMAP or database failure, a signal): the marks say
            # nothing about these messages.
            self._forget_reading(state, fetched)
            raise
        _fault("after_commit")
        self._move_all(done)
        report.moved += len(done)

    def _read_and_record(
        self,
        state: FolderState,
        uids: list[int],
        raws: dict[int, bytes],
        header_raws: dict[int, bytes],
        sizes: dict[int, int],
        report: PollReport,
        stop: threading.Event | None,
    ) -> list[tuple[int, int, MessageOutcome]]:
        readings: dict[int, Reading] = {}
        handled: list[int] = []
        for uid in uids:
            if stop is not None and stop.is_set():
                break  # stop after the message in hand: the rest are read next time
            if uid in raws:
                readings[uid] = self._read(uid, raws[uid])
            elif uid in header_raws:
                readings[uid] = self._read(uid, header_raws[uid])
            handled.append(uid)
        done: list[tuple[int, int, MessageOutcome]] = []
        now = self.clock.now()
        with db.transaction(self.engine) as session:
            for uid in handled:
                if uid not in readings:
                    continue  # expunged by another client meanwhile
                try:
                    with session.begin_nested():
                        if uid in raws:
                            pk, outcome = self._record(
                                session, state, uid, raws[uid], readings[uid], now
                            )
                        else:
                            pk, outcome = self._record_too_large(
                                session, state, uid, sizes[uid], readings[uid], now
                            )
                except DuplicateMessage:
                    # Another instance recorded it first; that instance moves it.
                    log.info("message_taken_by_other_instance", uid=uid)
                    continue
                except MailbotError as e:
                    if isinstance(e, StoreError):
                        raise  # the database's fault, not the message's: retried
                    pk, outcome = self._record_failure(
                        session, state, uid, raws.get(uid), sizes[uid], str(e), now
                    )
                except Exception as e:  # a bug must not stop the desk
                    if _is_environment_failure(e):
                        raise  # database, disk or network: retried, never blamed on it
                    log.exception("message_processing_crashed", uid=uid)
                    reason = f"internal error while processing: {type(e).__name__}"
                    pk, outcome = self._record_failure(
                        session, state, uid, raws.get(uid), sizes[uid], reason, now
                    )
                done.append((pk, uid, outcome))
                report.count(outcome)
            ledger.finish_reading(session, self.folder, state.uidvalidity, uids)
            if handled:
                ledger.set_cursor(session, self.folder, state.uidvalidity, handled[-1], now)
        return done

    def _forget_reading(self, state: FolderState, uids: list[int]) -> None:
        try:
            with db.transaction(self.engine) as session:
                ledger.forget_reading(session, self.folder, state.uidvalidity, uids, self.token)
        except MailbotError as e:  # the database is down: the marks name a live owner
            log.warning("read_marks_left", error=str(e), count=len(uids))

    def _quarantine_unread(
        self, state: FolderState, uid: int, size: int, report: PollReport, deaths: int
    ) -> None:
        """Set aside, without reading it again, a message whose reading stopped the bot."""
        reason = (
            f"the bot died {deaths} times while reading this message alone; it is not read again"
        )
        raw = self.mailbox.fetch_many([uid]).get(uid)
        now = self.clock.now()
        with db.transaction(self.engine) as session:
            pk, outcome = self._record_failure(session, state, uid, raw, size, reason, now)
            ledger.finish_reading(session, self.folder, state.uidvalidity, [uid])
            ledger.set_cursor(session, self.folder, state.uidvalidity, uid, now)
        report.count(outcome)
        self._move_all([(pk, uid, outcome)])
        report.moved += 1

    def _movable(self, message: Message) -> bool:
        """Whether this process may move a recorded, unmoved message: it recorded it,
        or the instance that did is gone (two instances never both move one)."""
        return message.recorded_by == self.token or self._gone(
            message.recorded_by, message.recorded_at, MOVE_GRACE
        )

    def _finish_moves(self, state: FolderState, report: PollReport) -> None:
        """Move messages recorded before a crash but never moved."""
        with db.transaction(self.engine) as session:
            pending = [
                (m.id, m.uid, m.outcome)
                for m in ledger.unmoved_messages(session, self.folder, state.uidvalidity)
                if self._movable(m)
            ]
        if pending:
            self._move_all(pending)
            report.moved += len(pending)

    def _move_all(self, items: list[tuple[int, int, MessageOutcome]]) -> None:
        """Move each message to the folder its outcome calls for (one command per
        folder), then note it in the ledger."""
        by_folder: dict[str, list[tuple[int, int]]] = {}
        for pk, uid, outcome in items:
            by_folder.setdefault(self._destination(outcome), []).append((pk, uid))
        for folder, rows in by_folder.items():
            self.mailbox.move_many([uid for _, uid in rows], folder)
            with db.transaction(self.engine) as session:
                ledger.mark_moved_many(session, [pk for pk, _ in rows], folder)

    # -- recording ----------------------------------------------------------------------

    def _read(self, uid: int, raw: bytes) -> Reading:
        """The message read, or the reason it cannot be."""
        # Test seam: a message carrying this header kills the process while it is read,
        # as a reader crash would (the poison-message tests only).
        if os.environ.get(FAULT_ENV) == "reading" and b"X-Mailbot-Test-Poison:" in raw[:4096]:
            os._exit(70)
        if os.environ.get(FAULT_ENV) == "slow_read":  # a slow reader (signal tests)
            time.sleep(0.3)
        if self.reader is not None:
            return self.reader.read(raw)
        return read_in_process(raw, self.limits, self.settings.bot.rules_dir, self.loop_header)

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

    def _record_failure(
        self,
        session: Session,
        state: FolderState,
        uid: int,
        raw: bytes | None,
        size: int,
        reason: str,
        now: datetime,
    ) -> tuple[int, MessageOutcome]:
        """Quarantine a message whose processing failed (its savepoint was undone)."""
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
        reading: tuple[MessageParts, ParseResult] | str,
        now: datetime,
    ) -> tuple[int, MessageOutcome]:
        failure = reading if isinstance(reading, str) else None
        parts = None if isinstance(reading, str) else reading[0]
        sender: str | None
        subject: str | None
        message_id: str | None
        if parts is not None:
            sender, subject, message_id = parts.sender, parts.subject[:500], parts.message_id
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
        )
        if isinstance(reading, str):
            decided = Outcome(MessageOutcome.QUARANTINED, failure)
            log.warning("message_quarantined", uid=uid, reason=failure)
        else:
            decided = self.handler.decide(session, message, reading[0], reading[1], now)
        ledger.set_outcome(session, message, decided.outcome, decided.reason, decided.case_id)
        log.info(
            "message_recorded",
            uid=uid,
            outcome=decided.outcome.value,
            reason=decided.reason,
            case_id=decided.case_id,
        )
        return message.id, decided.outcome

    def close(self) -> None:
        """Log out of the mailbox and stop the reader process."""
        instance.retire(self.token)
        self.mailbox.close()
        if self.reader is not None:
            self.reader.close()

    def reprocess(self, ledger_id: int) -> tuple[MessageOutcome, str | None]:
        """Read a quarantined message again from its stored bytes and act on it.

        The IMAP copy stays in the quarantine folder; the ledger row records the new
        outcome. Raises :class:`MessageError` when it is still unreadable.
        """
        from mailbot.errors import CaseError

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
        reading = self._read(0, raw)
        if isinstance(reading, str):
            with db.transaction(self.engine) as session:
                message = ledger.get_message(session, ledger_id)
                assert message is not None
                ledger.set_outcome(session, message, MessageOutcome.QUARANTINED, reading)
            raise MessageError(f"message #{ledger_id} is still unreadable: {reading}")
        parts, result = reading
        with db.transaction(self.engine) as session:
            message = ledger.get_message(session, ledger_id)
            assert message is not None
            message.sender = parts.sender
            message.message_id = (
                ledger.normalize_message_id(parts.message_id) if parts.message_id else None
            )
            decided = self.handler.decide(session, message, parts, result, now)
            ledger.set_outcome(session, message, decided.outcome, decided.reason, decided.case_id)
            casefiles.add_audit(
                session,
                action="reprocessed",
                actor="staff",
                now=now,
                case_id=decided.case_id,
                detail={"ledger_id": ledger_id, "outcome": decided.outcome.value},
            )
        return decided.outcome, decided.reason

    # -- outbox relay -------------------------------------------------------------------

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
                if bounces.is_suppressed(session, row.to_address):
                    outbox.mark_failed(
                        session, row, now, "address suppressed after hard bounces", counted=True
                    )
                    self._flag_undelivered(session, row, "address suppressed after hard bounces")
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
            _fault("after_send")
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

    def cycle(
        self, stop: threading.Event | None = None, *, full: bool = False
    ) -> tuple[PollReport, DeliveryReport]:
        """One full cycle: poll, then deliver due outbox mail (never overlapping)."""
        with self.lock:
            try:
                polled = self.poll_once(stop, full=full)
            finally:
                delivered = self.deliver_due(stop=stop)
        return polled, delivered


def build_desk(
    settings: Settings, mailbox: Mailbox | None = None, mailer: Mailer | None = None
) -> Desk:
    """The composition root: real adapters from settings; refuses an old schema."""
    from mailbot.adapters import make_mailbox, make_mailer
    from mailbot.ports import SystemClock

    engine = db.engine_for(settings.database)
    db.check_schema(engine)
    return Desk(
        settings,
        engine,
        mailbox or make_mailbox(settings),
        mailer or make_mailer(settings),
        SystemClock(),
    )


__all__ = ["DeliveryReport", "Desk", "MailboxError", "PollReport", "build_desk"]
