"""Polling the intake folder: the cursor, batches, moves and the poison guard.

Per group of messages, in this order: the ledger rows, the case changes and the
outbox rows are written in ONE transaction (by the :class:`~mailbot.recorder.Recorder`);
only then are the messages moved on the server. A crash between the two leaves
recorded, unmoved messages, which the next poll moves without processing them again.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from itertools import chain

import structlog
from sqlalchemy.engine import Engine

from mailbot import instance
from mailbot.config import Settings
from mailbot.errors import MailbotError
from mailbot.poll_steps import AHEAD_BYTES, Fetched, GroupStep, PollReport, Step, Steps, groups
from mailbot.ports import Checkpoint, Clock, FolderState, Mailbox, no_checkpoint
from mailbot.recorder import Recorded, Recorder
from mailbot.store import casefiles, db, folders, ledger
from mailbot.store.models import Message, MessageOutcome

log = structlog.get_logger()

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


class Poller:
    """Reads every new message of the folder once and files it where its outcome says."""

    def __init__(
        self,
        settings: Settings,
        engine: Engine,
        mailbox: Mailbox,
        clock: Clock,
        recorder: Recorder,
        token: str,
        checkpoint: Checkpoint = no_checkpoint,
    ) -> None:
        self.settings = settings
        self.engine = engine
        self.mailbox = mailbox
        self.clock = clock
        self.recorder = recorder
        self.token = token
        self.checkpoint = checkpoint
        self.folder = settings.mailbox.folder
        self.max_message_bytes = recorder.limits.max_message_bytes
        self._folders_ready = False

    def _destination(self, outcome: MessageOutcome) -> str:
        box = self.settings.mailbox
        if outcome in (MessageOutcome.QUARANTINED, MessageOutcome.TOO_LARGE):
            return box.quarantine_folder
        if outcome == MessageOutcome.REVIEW:
            return box.review_folder
        return box.processed_folder

    def prepare(self) -> FolderState:
        """Connect, create the folders mail is moved to (once), SELECT the folder."""
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
            cursor = folders.get_cursor(session, self.folder)
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
        state = self.prepare()
        self._finish_moves(state, report)
        last_uid = self._cursor(state)
        if state.uidnext is not None and state.uidnext <= last_uid + 1:
            return report
        uids = self.mailbox.uids_after(last_uid)
        warm = getattr(self.recorder.reader, "warm", None)
        if uids and warm is not None:
            warm()  # a reader child starts up while the first group is fetched
        batch = self.settings.poll.batch_size
        batches = [uids[start : start + batch] for start in range(0, len(uids), batch)]
        steps = Steps(chain.from_iterable(self._batch(state, b, report) for b in batches))
        ahead: Fetched | None = None
        try:
            for step in steps:
                if stop is not None and stop.is_set():
                    break  # the group in hand is done: the rest come next time
                if isinstance(step, int):
                    # The batch is done: the UIDs expunged meanwhile need nothing more.
                    with db.transaction(self.engine) as session:
                        folders.set_cursor(
                            session, self.folder, state.uidvalidity, step, self.clock.now()
                        )
                    continue
                unit, sizes = step
                fetched = ahead if ahead is not None and ahead.uids == unit else None
                if ahead is not None and fetched is None:
                    self._forget_reading(state, ahead.fetched)
                ahead = fetched  # forgotten below if looking further fails
                following = steps.next_group()
                ahead = None  # in _unit's hands now: it forgets the marks if it fails
                ahead = self._unit(state, unit, sizes, report, stop, fetched, following)
        finally:
            if ahead is not None:  # stopped or failed before its turn: never read
                self._forget_reading(state, ahead.fetched)
        return report

    def _cursor(self, state: FolderState) -> int:
        """The last UID handled in this folder; 0 (and staff told) when its
        UIDVALIDITY changed since."""
        with db.transaction(self.engine) as session:
            cursor = folders.get_cursor(session, self.folder)
            if cursor is not None and cursor.uidvalidity == state.uidvalidity:
                return cursor.last_uid
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
            folders.set_cursor(session, self.folder, state.uidvalidity, 0, self.clock.now())
            return 0

    def _batch(self, state: FolderState, uids: list[int], report: PollReport) -> Iterator[Step]:
        """The groups of one batch, then its last UID (for the cursor)."""
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
        for unit in groups(fresh, sizes, self.max_message_bytes):
            yield unit, sizes
        yield uids[-1]

    def _gone(self, owner: str | None, since: datetime | None, stale_after: timedelta) -> bool:
        return instance.is_gone(owner, self.token, since, self.clock.now(), stale_after)

    def _unit(
        self,
        state: FolderState,
        uids: list[int],
        sizes: dict[int, int],
        report: PollReport,
        stop: threading.Event | None = None,
        fetched: Fetched | None = None,
        following: GroupStep | None = None,
    ) -> Fetched | None:
        """Fetch, read and record a group of messages in ONE transaction (a savepoint
        each, so one bad message cannot spoil the others), then move them.

        ``fetched``: the group fetched, marked and sent to the reader already (the
        ``following`` group of the call before). With a reader that reads ahead, the
        ``following`` group is fetched, marked and sent to it before this one is
        recorded, so that the two overlap; returned, to be passed back in its turn.

        Just before reading, the group is marked as being read by this process; the
        marks go in the transaction that records the results. Marks left by a process
        that is gone mean it died while reading: that group is read again one message
        at a time, and a message that the bot died on while reading it alone
        (``QUARANTINE_AFTER_DEATHS`` times, each counted when it is read next) is set
        aside unread. IMAP and database failures leave no mark."""
        ahead = None
        queued = fetched is not None
        if fetched is None:
            dead = self._dead_marks(state, uids)
            if dead and len(uids) > 1:
                # An earlier read of this group died: find the message that kills the
                # bot by reading them one at a time.
                log.warning("reading_one_by_one", first_uid=uids[0], count=len(uids))
                for uid in uids:
                    if stop is not None and stop.is_set():
                        return None
                    self._unit(state, [uid], sizes, report, stop)
                return None
            alone, deaths = False, None
            if dead:
                was_alone, attempts = dead[uids[0]]
                alone, deaths = True, attempts + (1 if was_alone else 0)
                if deaths >= QUARANTINE_AFTER_DEATHS:
                    self._quarantine_unread(state, uids[0], sizes[uids[0]], report, deaths)
                    return None
            fetched = self._fetch(state, uids, sizes, alone, deaths)
            if fetched is None:  # all expunged by another client meanwhile
                with db.transaction(self.engine) as session:
                    folders.finish_reading(session, self.folder, state.uidvalidity, uids)
                    folders.set_cursor(
                        session, self.folder, state.uidvalidity, uids[-1], self.clock.now()
                    )
                return None
        try:
            # Read in order from the reader's queue, the following group behind this
            # one (which is there already when it was fetched ahead).
            if following is not None and (queued or self._send_ahead(fetched, sizes)):
                ahead = self._read_ahead(state, following)
            done = self.recorder.record_group(
                state, uids, fetched.raws, fetched.header_raws, sizes, report, stop
            )
        except BaseException:
            # Not a death (an IMAP or database failure, a signal): the marks say
            # nothing about these messages.
            self._forget_reading(state, fetched.fetched)
            if ahead is not None:
                self._forget_reading(state, ahead.fetched)
            raise
        self.checkpoint("recorded")
        self._move_all(done)
        report.moved += len(done)
        return ahead

    def _dead_marks(self, state: FolderState, uids: list[int]) -> dict[int, tuple[bool, int]]:
        """(alone, attempts) of the read marks of ``uids`` left by a process now gone."""
        stale = timedelta(seconds=self.settings.limits.read_timeout_seconds) + READ_STALE_AFTER
        with db.transaction(self.engine) as session:
            return {
                uid: (m.alone, m.attempts)
                for uid, m in folders.read_markers(
                    session, self.folder, state.uidvalidity, uids
                ).items()
                if self._gone(m.owner, m.started_at, stale)
            }

    def _fetch(
        self,
        state: FolderState,
        uids: list[int],
        sizes: dict[int, int],
        alone: bool = False,
        deaths: int | None = None,
    ) -> Fetched | None:
        """Fetch a group (only the header of a message over the size limit) and mark
        it as being read by this process; None when all were expunged meanwhile."""
        limit = self.max_message_bytes
        raws = self.mailbox.fetch_many([u for u in uids if sizes[u] <= limit])
        header_raws: dict[int, bytes] = {}
        for u in uids:
            if sizes[u] > limit and (header := self.mailbox.fetch_header(u)) is not None:
                header_raws[u] = header
        fetched = [u for u in uids if u in raws or u in header_raws]
        if not fetched:
            return None
        with db.transaction(self.engine) as session:
            folders.mark_reading(
                session,
                self.folder,
                state.uidvalidity,
                fetched,
                owner=self.token,
                now=self.clock.now(),
                alone=alone,
                deaths=deaths,
            )
        return Fetched(uids, raws, header_raws, fetched)

    def _send_ahead(self, fetched: Fetched, sizes: dict[int, int]) -> bool:
        """Send a fetched group to a reader that reads ahead; False (it is read message
        by message) for any other reader, or a group of more than ``AHEAD_BYTES``."""
        send_ahead = getattr(self.recorder.reader, "send_ahead", None)
        limit = self.max_message_bytes
        held = sum(min(sizes[u], limit) for u in fetched.fetched)
        if send_ahead is None or held > AHEAD_BYTES:
            return False
        send_ahead([fetched.raws.get(u) or fetched.header_raws[u] for u in fetched.fetched])
        return True

    def _read_ahead(self, state: FolderState, group: GroupStep) -> Fetched | None:
        """The next group fetched, marked and sent to a reader that reads ahead; None
        (it is done in its turn) when it cannot be sent ahead, needs reading one by
        one, or was all expunged meanwhile."""
        uids, sizes = group
        limit = self.max_message_bytes
        if (
            getattr(self.recorder.reader, "send_ahead", None) is None
            or sum(min(sizes[u], limit) for u in uids) > AHEAD_BYTES
            or self._dead_marks(state, uids)
        ):
            return None
        fetched = self._fetch(state, uids, sizes)
        if fetched is not None and not self._send_ahead(fetched, sizes):
            self._forget_reading(state, fetched.fetched)
            return None
        return fetched

    def _forget_reading(self, state: FolderState, uids: list[int]) -> None:
        try:
            with db.transaction(self.engine) as session:
                folders.forget_reading(session, self.folder, state.uidvalidity, uids, self.token)
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
            pk, outcome = self.recorder.record_failure(session, state, uid, raw, size, reason, now)
            folders.finish_reading(session, self.folder, state.uidvalidity, [uid])
            folders.set_cursor(session, self.folder, state.uidvalidity, uid, now)
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

    def _move_all(self, items: list[Recorded]) -> None:
        """Move each message to the folder its outcome calls for (one command per
        folder), then note it in the ledger."""
        by_folder: dict[str, list[tuple[int, int]]] = {}
        for pk, uid, outcome in items:
            by_folder.setdefault(self._destination(outcome), []).append((pk, uid))
        for folder, rows in by_folder.items():
            self.mailbox.move_many([uid for _, uid in rows], folder)
            with db.transaction(self.engine) as session:
                ledger.mark_moved_many(session, [pk for pk, _ in rows], folder)
