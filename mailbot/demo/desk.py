"""The demo's run: start the servers and the bot, tell the story, wait for Ctrl-C,
stop everything."""

from __future__ import annotations

import queue
import shutil
import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

import click

from mailbot.config import Settings, load_settings
from mailbot.demo.layout import (
    DESK_PASSWORD,
    DESK_USER,
    HOST,
    MARKER,
    POLL_SECONDS,
    DemoLayout,
    settings_toml,
    shown,
)
from mailbot.demo.servers import ServerProcess, claim_port, imap_server, smtp_server
from mailbot.demo.smtp_server import Delivery
from mailbot.demo.story import Story
from mailbot.errors import DemoError

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from mailbot.runner import Runner


@dataclass
class DemoOptions:
    folder: Path
    seed: bool = True
    exit_after_seed: bool = False
    imap_port: int = 0
    smtp_port: int = 0
    command: str = "mailbot"


class Demo:
    """Starts everything, tells the story, waits for Ctrl-C, stops everything."""

    def __init__(self, options: DemoOptions, echo: Callable[[str], None] = click.echo) -> None:
        self.options = options
        self.layout = DemoLayout(options.folder)
        self.echo = echo
        self.stop = threading.Event()
        self.events: queue.Queue[Delivery] = queue.Queue()
        self._imap: ServerProcess | None = None
        self._smtp: ServerProcess | None = None
        self._runner: Runner | None = None
        self._runner_thread: threading.Thread | None = None
        self._engine: Engine | None = None
        self.settings: Settings | None = None
        self.smtp_port = 0
        self.imap_port = 0

    def run(self) -> int:
        """The whole demo; 0 on a clean stop (or a finished story), 1 on a failure."""
        previous = {
            sig: signal.signal(sig, self._on_signal) for sig in (signal.SIGINT, signal.SIGTERM)
        }
        try:
            story = self._start()
            if self.stop.is_set():
                return 0
            if self.options.seed and not story.tell(self.smtp_port):
                return 0 if self.stop.is_set() else 1
            story.next_steps(
                self.options.command, self.imap_port, self.smtp_port, self.options.exit_after_seed
            )
            if self.options.exit_after_seed:
                return 0
            self._wait_until_stopped(story)
            return 0 if self._runner is None or not self._runner.fatal else 1
        finally:
            self._shutdown()
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    def _on_signal(self, _signum: int, _frame: FrameType | None) -> None:
        self.stop.set()
        if self._runner is not None:
            self._runner.stop.set()

    def _prepare_folder(self) -> None:
        root = self.layout.root
        if root.exists() and not (root / MARKER).exists() and any(root.iterdir()):
            raise DemoError(
                f"{root} exists and is not a mailbot demo folder; choose another with --dir"
            )
        root.mkdir(parents=True, exist_ok=True)
        (root / MARKER).write_text("Files written by `mailbot demo`.\n", encoding="utf-8")
        if self.options.seed:
            # The story starts from an empty desk: ETK-0001 is the first request.
            for suffix in ("", "-wal", "-shm", "-journal"):
                self.layout.database.with_name(self.layout.database.name + suffix).unlink(
                    missing_ok=True
                )
            shutil.rmtree(self.layout.mail, ignore_errors=True)
        self.layout.mail.mkdir(exist_ok=True)

    def _start(self) -> Story:
        from mailbot.adapters.imap import ImapMailbox
        from mailbot.runner import Runner
        from mailbot.service import build_desk
        from mailbot.store import db

        self.imap_port = claim_port(self.options.imap_port, "--imap-port")
        self.smtp_port = claim_port(self.options.smtp_port, "--smtp-port")
        self._prepare_folder()
        self.layout.config.write_text(
            settings_toml(self.layout, self.imap_port, self.smtp_port), encoding="utf-8"
        )
        settings = load_settings(self.layout.config)
        self.settings = settings
        self.echo(f"Demo folder: {shown(self.layout.root)}")

        db.upgrade(settings.database.url)
        self._engine = db.make_engine(settings.database.url)
        self.echo(f"  database     {shown(self.layout.database)} (SQLite, migrated)")

        self._imap = imap_server(self.layout, self.imap_port)
        self._imap.start()
        self.echo(
            f"  IMAP server  {HOST}:{self.imap_port} "
            f"(user {DESK_USER}, password {DESK_PASSWORD}, no TLS)"
        )
        self._adopt_new_inbox(settings)
        self._smtp = smtp_server(self.layout, self.smtp_port, self.events)
        self._smtp.start()
        self.echo(
            f"  SMTP server  {HOST}:{self.smtp_port} "
            f"(mail to {settings.smtp.from_address} goes to the desk's inbox; "
            f"everyone else's to {shown(self.layout.mail)}/ADDRESS/)"
        )

        story = Story(
            self.layout, self._engine, self.events, self.stop, self._bot_stopped, self.echo
        )
        desk = build_desk(settings)
        watcher = ImapMailbox(settings.mailbox, idle_renew_seconds=settings.poll.idle_renew_seconds)
        self._runner = Runner(desk, watcher, outbox_interval=settings.poll.interval_seconds)
        self._runner_thread = threading.Thread(
            target=self._runner.run, kwargs={"install_signals": False}, name="mailbot-desk"
        )
        self._runner_thread.start()
        self.echo(f"  the bot      watching the inbox (IMAP IDLE, else every {POLL_SECONDS} s)")
        self.echo(f"  settings     {shown(self.layout.config)}")
        self.echo("")
        return story

    def _adopt_new_inbox(self, settings: Settings) -> None:
        """The IMAP server keeps mail in memory, so every run starts a new inbox (a new
        UIDVALIDITY). Record it, so a kept database reads the new inbox from its first
        message instead of warning about a changed folder on every poll."""
        from datetime import UTC, datetime

        from mailbot.adapters.imap import ImapMailbox
        from mailbot.store import db, folders

        box = ImapMailbox(settings.mailbox)
        try:
            box.connect()
            state = box.select(settings.mailbox.folder)
        finally:
            box.close()
        assert self._engine is not None
        with db.transaction(self._engine) as session:
            folders.set_cursor(session, state.name, state.uidvalidity, 0, datetime.now(UTC))

    def _bot_stopped(self) -> str | None:
        """Why the bot stopped, or None while it runs."""
        if self._runner_thread is None or self._runner_thread.is_alive():
            return None
        assert self._runner is not None  # started with its thread
        return str(self._runner.fatal or "see the log above")

    def _shutdown(self) -> None:
        if self._imap is not None:
            self.echo("Stopping: the bot, the SMTP server, the IMAP server.")
        if self._runner is not None:
            self._runner.stop.set()
        if self._runner_thread is not None:
            self._runner_thread.join(timeout=15)
        if self._smtp is not None:
            self._smtp.stop()
        if self._imap is not None:
            self._imap.stop()
        if self._engine is not None:
            self._engine.dispose()
        if self._imap is not None:
            self.echo("Stopped.")

    def _wait_until_stopped(self, story: Story) -> None:
        while not self.stop.is_set():
            story.pump(0.25)
            reason = self._bot_stopped()
            if reason is not None:
                self.echo(f"The bot stopped: {reason}")
                return


def run_demo(options: DemoOptions, echo: Callable[[str], None] = click.echo) -> int:
    """Run ``mailbot demo``; returns the exit code. Raises :class:`DemoError` when it
    cannot start."""
    return Demo(options, echo).run()
