"""The desk, wired from its parts: the poller (:mod:`mailbot.poller`), the recorder
(:mod:`mailbot.recorder`) and the outbox relay (:mod:`mailbot.relay`).

:func:`build_desk` is the composition root (real adapters from settings);
:func:`build_recorder` gives what ``mailbot reprocess`` needs, which is the database
alone.
"""

from __future__ import annotations

import threading

from sqlalchemy.engine import Engine

from mailbot import instance
from mailbot.config import Settings
from mailbot.errors import MailboxError
from mailbot.handling import Handler
from mailbot.intake.limits import Limits
from mailbot.intake.rules import Rules, load_rules
from mailbot.poll_steps import PollReport
from mailbot.poller import Poller
from mailbot.ports import Checkpoint, Clock, FolderState, Mailbox, Mailer, no_checkpoint
from mailbot.reader import Reader, make_reader
from mailbot.recorder import Recorder
from mailbot.relay import DeliveryReport, Relay
from mailbot.store import db
from mailbot.store.models import MessageOutcome
from mailbot.unread_headers import header_summary


def limits_of(settings: Settings) -> Limits:
    return Limits(**settings.limits.model_dump())


def reader_for(settings: Settings, limits: Limits | None = None) -> Reader:
    """The reader ``[limits] read_timeout_seconds`` calls for (0: in this process)."""
    return make_reader(
        limits or limits_of(settings),
        settings.bot.rules_dir,
        settings.bot.loop_header,
        settings.limits.read_timeout_seconds,
    )


def make_recorder(
    settings: Settings,
    engine: Engine,
    clock: Clock,
    *,
    rules: Rules | None = None,
    reader: Reader | None = None,
    token: str | None = None,
) -> Recorder:
    limits = limits_of(settings)
    reader = reader or reader_for(settings, limits)
    # The handler reads replies against their cases with the same reader.
    handler = Handler(settings, rules or load_rules(settings.bot.rules_dir), reader, clock)
    return Recorder(settings, engine, clock, handler, limits, reader, token or instance.new_token())


class Desk:
    """The bot's work, built from its edges (mailbox, mailer, database, clock).

    ``reader`` (default: from settings) reads each message; ``checkpoint`` is called
    at each step where a crash would leave work half done (see
    :data:`mailbot.ports.Checkpoint`)."""

    def __init__(
        self,
        settings: Settings,
        engine: Engine,
        mailbox: Mailbox,
        mailer: Mailer,
        clock: Clock,
        rules: Rules | None = None,
        *,
        reader: Reader | None = None,
        checkpoint: Checkpoint = no_checkpoint,
    ) -> None:
        self.settings = settings
        self.engine = engine
        self.clock = clock
        self.token = instance.new_token()
        self.recorder = make_recorder(
            settings, engine, clock, rules=rules, reader=reader, token=self.token
        )
        self.poller = Poller(
            settings, engine, mailbox, clock, self.recorder, self.token, checkpoint
        )
        self.relay = Relay(settings, engine, mailer, clock, checkpoint)
        self.lock = threading.Lock()

    @property
    def mailbox(self) -> Mailbox:
        return self.poller.mailbox

    @mailbox.setter
    def mailbox(self, mailbox: Mailbox) -> None:
        self.poller.mailbox = mailbox

    @property
    def mailer(self) -> Mailer:
        return self.relay.mailer

    @mailer.setter
    def mailer(self, mailer: Mailer) -> None:
        self.relay.mailer = mailer

    @property
    def reader(self) -> Reader:
        return self.recorder.reader

    def prepare(self) -> FolderState:
        return self.poller.prepare()

    def poll_once(self, stop: threading.Event | None = None, *, full: bool = False) -> PollReport:
        return self.poller.poll_once(stop, full=full)

    def deliver_due(
        self,
        limit: int | None = None,
        *,
        stop: threading.Event | None = None,
        budget_seconds: float | None = None,
    ) -> DeliveryReport:
        return self.relay.deliver_due(limit, stop=stop, budget_seconds=budget_seconds)

    def reprocess(self, ledger_id: int) -> tuple[MessageOutcome, str | None]:
        return self.recorder.reprocess(ledger_id)

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

    def close(self) -> None:
        """Log out of the mailbox and stop the reader process."""
        instance.retire(self.token)
        self.mailbox.close()
        self.reader.close()


def build_desk(
    settings: Settings,
    mailbox: Mailbox | None = None,
    mailer: Mailer | None = None,
    *,
    reader: Reader | None = None,
    checkpoint: Checkpoint = no_checkpoint,
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
        reader=reader,
        checkpoint=checkpoint,
    )


def build_recorder(settings: Settings, engine: Engine, reader: Reader | None = None) -> Recorder:
    """What reading a stored message again needs: the database, no mail server.
    Refuses an old schema."""
    from mailbot.ports import SystemClock

    db.check_schema(engine)
    return make_recorder(settings, engine, SystemClock(), reader=reader)


__all__ = [
    "DeliveryReport",
    "Desk",
    "MailboxError",
    "PollReport",
    "build_desk",
    "build_recorder",
    "header_summary",
]
