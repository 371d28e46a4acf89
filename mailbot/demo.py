"""``mailbot demo``: the whole desk on one laptop, on loopback, with nothing else installed.

Started here, in this order: an IMAP server holding the desk's mailbox (pymap's
in-memory backend, a subprocess), an SMTP server (aiosmtpd) that files mail for the
desk into that mailbox and everybody else's copy into a Maildir per recipient under
the demo folder, a SQLite database, and the bot itself (:class:`~mailbot.runner.Runner`).
The demo then sends the procedure's sample emails through the SMTP server, like a
real sender would, and prints what happens. ``mailbot.toml`` in the demo folder
points at all of it, so the review commands work from another terminal.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import mailbox
import queue
import re
import shutil
import signal
import smtplib
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from email import message_from_bytes
from email import policy as email_policy
from email.message import EmailMessage
from email.utils import format_datetime, getaddresses, make_msgid, parseaddr
from pathlib import Path
from typing import Any, TypeVar

import click
import structlog

from mailbot.config import Settings, load_settings
from mailbot.errors import DemoError, MailbotError
from mailbot.resources import samples_dir

log = structlog.get_logger()

HOST = "127.0.0.1"
DESK_USER = "dps.eticket"
DESK_PASSWORD = "demo"
MARKER = ".mailbot-demo"
POLL_SECONDS = 2
STORY_TIMEOUT = 45.0

COMPLETE_SAMPLE = "sop-sample.eml"
INCOMPLETE_SAMPLE = "demo-incomplete.eml"
REPLY_SAMPLE = "demo-reply.eml"

_STATUS_TEXT = {
    "needs_info": "waiting for information",
    "in_review": "complete, waiting for staff review",
    "approved": "approved",
    "rejected": "rejected",
    "failed": "failed",
}
_TEMPLATE_TEXT = {
    "acknowledgement": "acknowledgement",
    "checklist": "checklist of what is missing",
    "complete": "request complete",
    "ready_for_use": "records ready for use",
    "rejected": "rejection",
}

T = TypeVar("T")


# --- layout and settings (pure) ------------------------------------------------------


@dataclass(frozen=True)
class DemoLayout:
    """Where the demo keeps its files."""

    root: Path

    @property
    def config(self) -> Path:
        return self.root / "mailbot.toml"

    @property
    def database(self) -> Path:
        return self.root / "mailbot.db"

    @property
    def mail(self) -> Path:
        return self.root / "mail"

    @property
    def imap_log(self) -> Path:
        return self.root / "imap-server.log"

    def maildir(self, address: str) -> Path:
        """The Maildir holding what ``address`` received."""
        safe = re.sub(r"[^a-z0-9@._+-]", "_", address.strip().lower()) or "_"
        return self.mail / safe


def settings_toml(layout: DemoLayout, imap_port: int, smtp_port: int) -> str:
    """The text of the demo's ``mailbot.toml``: the local servers and the demo database."""
    url = "sqlite:///" + str(layout.database.resolve())
    return f"""# Written by `mailbot demo`: the desk on the local servers the demo started.
# Valid while the demo runs, e.g.: mailbot --config {layout.config} queue

[mailbox]
host = "{HOST}"
port = {imap_port}
security = "none"
username = "{DESK_USER}"
password = "{DESK_PASSWORD}"
timeout_seconds = 10

[smtp]
host = "{HOST}"
port = {smtp_port}
security = "none"
timeout_seconds = 10

[database]
url = {json.dumps(url)}

[poll]
interval_seconds = {POLL_SECONDS}
idle = true
idle_renew_seconds = 3

[logging]
level = "warning"
"""


# --- sample emails (pure) ------------------------------------------------------------


def _header_block(raw: bytes) -> tuple[bytes, bytes, bytes]:
    """Split ``raw`` into (headers, line ending, body) without touching the body."""
    for sep in (b"\r\n\r\n", b"\n\n"):
        head, found, body = raw.partition(sep)
        if found:
            return head, sep[: len(sep) // 2], body
    return raw, b"\r\n", b""


def restamp(raw: bytes, headers: dict[str, str]) -> bytes:
    """``raw`` with each named header replaced (or added); the body is kept byte for byte."""
    head, eol, body = _header_block(raw)
    wanted = {name.lower() for name in headers}
    kept: list[bytes] = []
    skipping = False
    for line in head.split(eol):
        if line[:1] in (b" ", b"\t"):
            if not skipping:
                kept.append(line)
            continue
        name = line.split(b":", 1)[0].strip().decode("ascii", "replace").lower()
        skipping = name in wanted
        if not skipping:
            kept.append(line)
    added = [f"{name}: {value}".encode() for name, value in headers.items()]
    return eol.join(added + kept) + eol + eol + body


def fresh_identity(raw: bytes, now: Any, **extra: str) -> tuple[bytes, str]:
    """``raw`` with a new Message-ID and Date (and any ``extra`` headers, e.g.
    ``In_Reply_To``), so each demo run sends new mail; returns (bytes, Message-ID)."""
    sender = parseaddr(str(_headers(raw).get("From", "")))[1]
    domain = sender.rpartition("@")[2] or "example.org"
    message_id = make_msgid(domain=domain)
    headers = {"Message-ID": message_id, "Date": format_datetime(now)}
    headers.update({k.replace("_", "-"): v for k, v in extra.items()})
    return restamp(raw, headers), message_id


def _headers(raw: bytes) -> EmailMessage:
    parsed = message_from_bytes(raw, policy=email_policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def envelope_recipients(raw: bytes) -> list[str]:
    """Every To and Cc address of ``raw``, as a mail client would send it."""
    parsed = _headers(raw)
    values = [str(v) for name in ("To", "Cc") for v in parsed.get_all(name, [])]
    return [addr for _, addr in getaddresses(values) if addr]


def plain_text(raw: bytes) -> str:
    """The text/plain body of ``raw`` (empty when there is none)."""
    parsed = _headers(raw)
    body = parsed.get_body(preferencelist=("plain",))
    return str(body.get_content()) if body is not None else ""


def _norm_id(value: str | None) -> str:
    return (value or "").strip().strip("<>").lower()


def find_reply(maildir: Path, in_reply_to: str) -> bytes | None:
    """The message in ``maildir`` that answers ``in_reply_to``, if it has arrived."""
    if not maildir.is_dir():
        return None
    wanted = _norm_id(in_reply_to)
    box = mailbox.Maildir(maildir, create=False)
    for key in box.iterkeys():
        try:
            raw = box.get_bytes(key)
        except (KeyError, OSError):
            continue
        if _norm_id(str(_headers(raw).get("In-Reply-To", ""))) == wanted:
            return raw
    return None


# --- the servers (edges) -------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        port: int = s.getsockname()[1]
        return port


def claim_port(port: int, option: str) -> int:
    """``port`` if it is free on loopback (0: any free port); else a one-line DemoError."""
    if port == 0:
        return free_port()
    with socket.socket() as s:
        try:
            s.bind((HOST, port))
        except OSError:
            raise DemoError(
                f"port {port} on {HOST} is in use; pick another with {option} or leave it out"
            ) from None
    return port


# pymap's entry point, plus a watchdog: stdin is a pipe from the demo, so when the demo
# dies without stopping the server (kill -9), EOF on stdin ends the server too.
_PYMAP_MAIN = """
import os, sys, threading
def _watch():
    sys.stdin.buffer.read()
    os._exit(0)
threading.Thread(target=_watch, daemon=True).start()
from pymap.main import main
sys.argv[0] = "pymap"
sys.exit(main())
"""


class ImapServer:
    """pymap's in-memory IMAP server in a subprocess, with one account: the desk's."""

    def __init__(self, port: int, log_path: Path) -> None:
        self.port = port
        self.log_path = log_path
        self._process: subprocess.Popen[bytes] | None = None

    def command(self) -> list[str]:
        return [
            sys.executable,
            "-c",
            _PYMAP_MAIN,
            "--host",
            HOST,
            "--port",
            str(self.port),
            "--no-tls",
            "dict",
            "--demo-user",
            DESK_USER,
            "--demo-password",
            DESK_PASSWORD,
        ]

    def start(self, timeout: float = 20.0) -> None:
        with self.log_path.open("wb") as out:
            # A session of its own: Ctrl-C in the terminal reaches the demo, which
            # stops this server last, after the bot.
            self._process = subprocess.Popen(
                self.command(),
                stdin=subprocess.PIPE,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise DemoError(f"the IMAP server did not start: {self._last_log_line()}")
            with contextlib.suppress(OSError), socket.create_connection((HOST, self.port), 0.5):
                return
            time.sleep(0.1)
        self.stop()
        raise DemoError(
            f"the IMAP server did not answer on {HOST}:{self.port} within {timeout:.0f} s; "
            f"see {self.log_path}"
        )

    def _last_log_line(self) -> str:
        with contextlib.suppress(OSError):
            lines = self.log_path.read_text("utf-8", "replace").strip().splitlines()
            if lines:
                return lines[-1][:200]
        return f"see {self.log_path}"

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        if process.stdin is not None:
            process.stdin.close()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


@dataclass(frozen=True)
class Delivery:
    """One message the SMTP server accepted, and where it went."""

    data: bytes
    to_desk: bool
    local: tuple[str, ...]


class MailRouter:
    """aiosmtpd handler: mail for the desk is appended to its IMAP inbox; every other
    recipient's copy goes to that recipient's Maildir under the demo folder."""

    def __init__(
        self,
        desk_address: str,
        append_to_desk: Callable[[bytes], None],
        layout: DemoLayout,
        events: queue.Queue[Delivery],
    ) -> None:
        self.desk_address = desk_address.lower()
        self.append_to_desk = append_to_desk
        self.layout = layout
        self.events = events

    def deliver(self, recipients: Sequence[str], data: bytes) -> Delivery:
        to_desk = any(r.lower() == self.desk_address for r in recipients)
        if to_desk:
            self.append_to_desk(data)
        local = tuple(
            dict.fromkeys(r.lower() for r in recipients if r.lower() != self.desk_address)
        )
        for address in local:
            path = self.layout.maildir(address)
            path.parent.mkdir(parents=True, exist_ok=True)
            mailbox.Maildir(path, create=True).add(data)
        return Delivery(data, to_desk, local)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        data = envelope.original_content or envelope.content
        if isinstance(data, str):
            data = data.encode("utf-8")
        loop = asyncio.get_running_loop()
        try:
            delivery = await loop.run_in_executor(
                None, self.deliver, list(envelope.rcpt_tos), bytes(data)
            )
        except (MailbotError, OSError) as e:
            log.warning("demo_delivery_failed", error=str(e))
            return "451 4.3.0 Local delivery failed, try again later"
        self.events.put(delivery)
        return "250 OK"


def append_to_desk(settings: Settings) -> Callable[[bytes], None]:
    """Deliver into the desk's IMAP inbox, as a mail server's local delivery would."""
    from mailbot.adapters.imap import ImapMailbox

    lock = threading.Lock()

    def append(data: bytes) -> None:
        with lock:
            box = ImapMailbox(settings.mailbox)
            try:
                box.connect()
                box.append(settings.mailbox.folder, data)
            finally:
                box.close()

    return append


class SmtpServer:
    """The demo's aiosmtpd server on loopback."""

    def __init__(self, router: MailRouter, port: int) -> None:
        from aiosmtpd.controller import Controller

        self.port = port
        self._controller = Controller(router, hostname=HOST, port=port, ready_timeout=10)
        self._running = False

    def start(self) -> None:
        try:
            self._controller.start()
        except (OSError, TimeoutError, RuntimeError) as e:
            raise DemoError(f"the SMTP server could not start on {HOST}:{self.port}: {e}") from e
        self._running = True

    def stop(self) -> None:
        if self._running:
            self._running = False
            self._controller.stop()


def send(smtp_port: int, raw: bytes) -> None:
    """Send ``raw`` through the demo's SMTP server to its To and Cc addresses."""
    sender = parseaddr(str(_headers(raw).get("From", "")))[1]
    wire = re.sub(rb"\r?\n", b"\r\n", raw)  # SMTP lines end in CRLF; samples may use LF
    with smtplib.SMTP(HOST, smtp_port, timeout=30) as client:
        client.sendmail(sender, envelope_recipients(raw), wire)


# --- the demo ------------------------------------------------------------------------


@dataclass
class DemoOptions:
    folder: Path
    seed: bool = True
    exit_after_seed: bool = False
    imap_port: int = 0
    smtp_port: int = 0
    command: str = "mailbot"


@dataclass
class _Seen:
    ledger_id: int = 0
    held: list[Delivery] = field(default_factory=list)


class Demo:
    """Starts everything, tells the story, waits for Ctrl-C, stops everything."""

    def __init__(self, options: DemoOptions, echo: Callable[[str], None] = click.echo) -> None:
        self.options = options
        self.layout = DemoLayout(options.folder)
        self.echo = echo
        self.stop = threading.Event()
        self.events: queue.Queue[Delivery] = queue.Queue()
        self._seen = _Seen()
        self._imap: ImapServer | None = None
        self._smtp: SmtpServer | None = None
        self._runner: Any = None
        self._runner_thread: threading.Thread | None = None
        self._engine: Any = None
        self.settings: Settings | None = None
        self.smtp_port = 0
        self.imap_port = 0

    # -- lifecycle ----------------------------------------------------------------------

    def run(self) -> int:
        """The whole demo; 0 on a clean stop (or a finished story), 1 on a failure."""
        previous = {
            sig: signal.signal(sig, self._on_signal) for sig in (signal.SIGINT, signal.SIGTERM)
        }
        try:
            self._start()
            if self.stop.is_set():
                return 0
            if self.options.seed and not self._story():
                return 0 if self.stop.is_set() else 1
            self._next_steps()
            if self.options.exit_after_seed:
                return 0
            self._wait_until_stopped()
            return 0 if self._runner is None or not self._runner.fatal else 1
        finally:
            self._shutdown()
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    def _on_signal(self, _signum: int, _frame: Any) -> None:
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

    def _start(self) -> None:
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
        self.echo(f"Demo folder: {self._shown(self.layout.root)}")

        db.upgrade(settings.database.url)
        self._engine = db.make_engine(settings.database.url)
        self.echo(f"  database     {self._shown(self.layout.database)} (SQLite, migrated)")

        self._imap = ImapServer(self.imap_port, self.layout.imap_log)
        self._imap.start()
        self.echo(
            f"  IMAP server  {HOST}:{self.imap_port} "
            f"(user {DESK_USER}, password {DESK_PASSWORD}, no TLS)"
        )
        self._adopt_new_inbox(settings)
        router = MailRouter(
            settings.smtp.from_address, append_to_desk(settings), self.layout, self.events
        )
        self._smtp = SmtpServer(router, self.smtp_port)
        self._smtp.start()
        self.echo(
            f"  SMTP server  {HOST}:{self.smtp_port} "
            f"(mail to {settings.smtp.from_address} goes to the desk's inbox; "
            f"everyone else's to {self._shown(self.layout.mail)}/ADDRESS/)"
        )

        self._seen.ledger_id = self._last_ledger_id()
        desk = build_desk(settings)
        watcher = ImapMailbox(settings.mailbox, idle_renew_seconds=settings.poll.idle_renew_seconds)
        self._runner = Runner(desk, watcher, outbox_interval=settings.poll.interval_seconds)
        self._runner_thread = threading.Thread(
            target=self._runner.run, kwargs={"install_signals": False}, name="mailbot-desk"
        )
        self._runner_thread.start()
        self.echo(f"  the bot      watching the inbox (IMAP IDLE, else every {POLL_SECONDS} s)")
        self.echo(f"  settings     {self._shown(self.layout.config)}")
        self.echo("")

    def _adopt_new_inbox(self, settings: Settings) -> None:
        """The IMAP server keeps mail in memory, so every run starts a new inbox (a new
        UIDVALIDITY). Record it, so a kept database reads the new inbox from its first
        message instead of warning about a changed folder on every poll."""
        from datetime import UTC, datetime

        from mailbot.adapters.imap import ImapMailbox
        from mailbot.store import db, ledger

        box = ImapMailbox(settings.mailbox)
        try:
            box.connect()
            state = box.select(settings.mailbox.folder)
        finally:
            box.close()
        with db.transaction(self._engine) as session:
            ledger.set_cursor(session, state.name, state.uidvalidity, 0, datetime.now(UTC))

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

    def _wait_until_stopped(self) -> None:
        while not self.stop.is_set():
            self._pump(0.25)
            if self._runner_thread is not None and not self._runner_thread.is_alive():
                self.echo(f"The bot stopped: {self._runner.fatal or 'see the log above'}")
                return

    # -- the story ----------------------------------------------------------------------

    def _sample(self, name: str) -> bytes:
        path = samples_dir() / name
        try:
            return path.read_bytes()
        except OSError as e:
            raise DemoError(f"sample email {path} is missing ({e}); reinstall mailbot") from e

    def _story(self) -> bool:
        from datetime import UTC, datetime

        now = datetime.now(UTC)
        complete, complete_id = fresh_identity(self._sample(COMPLETE_SAMPLE), now)
        incomplete, incomplete_id = fresh_identity(self._sample(INCOMPLETE_SAMPLE), now)

        self._step(1, "A chief emails a complete enrolment request (the procedure's sample).")
        self._send(complete)
        self._step(2, "Another chief emails one with gaps: no phone, no logo, one officer")
        self.echo("   without a DPS username.")
        self._send(incomplete)

        checklist = self._wait_for(
            "the checklist reply", lambda: self._reply_to(incomplete, incomplete_id)
        )
        ack = self._wait_for("the acknowledgement", lambda: self._reply_to(complete, complete_id))
        if checklist is None or ack is None:
            return False

        self._step(3, "The second chief answers the checklist with the missing items.")
        head = _headers(checklist)
        checklist_id = str(head.get("Message-ID", "")).strip()
        answer, answer_id = fresh_identity(
            self._sample(REPLY_SAMPLE),
            now,
            In_Reply_To=checklist_id,
            References=f"{incomplete_id} {checklist_id}",
            Subject="Re: " + str(head.get("Subject", "")),
        )
        self._send(answer)
        done = self._wait_for("the confirmation", lambda: self._reply_to(answer, answer_id))
        if done is None:
            return False
        self._pump(0.5)
        self._step(4, "The review queue, as `mailbot queue` shows it:")
        self._print_queue()
        return True

    def _step(self, number: int, text: str) -> None:
        self.echo(f"{number}. {text}")

    def _send(self, raw: bytes) -> None:
        head = _headers(raw)
        send(self.smtp_port, raw)
        self.echo(
            f"   sent: {parseaddr(str(head.get('From', '')))[1]} -> "
            f'{", ".join(envelope_recipients(raw))}: "{head.get("Subject", "")}"'
        )

    def _reply_to(self, raw: bytes, message_id: str) -> bytes | None:
        sender = parseaddr(str(_headers(raw).get("From", "")))[1]
        return find_reply(self.layout.maildir(sender), message_id)

    def _wait_for(self, what: str, probe: Callable[[], T | None]) -> T | None:
        deadline = time.monotonic() + STORY_TIMEOUT
        while not self.stop.is_set():
            self._pump(0.25)
            found = probe()
            if found is not None:
                self._pump(0)
                return found
            if time.monotonic() > deadline:
                self.echo(
                    f"   {what} did not arrive within {STORY_TIMEOUT:.0f} s; "
                    "run again with --log-level info to see why"
                )
                return None
            if self._runner_thread is not None and not self._runner_thread.is_alive():
                self.echo(f"   the bot stopped: {self._runner.fatal or 'see the log above'}")
                return None
        return None

    # -- what happened --------------------------------------------------------------------

    def _pump(self, wait: float) -> None:
        """Print deliveries to the desk, what the bot read, then the replies it sent."""
        with contextlib.suppress(queue.Empty):
            self._seen.held.append(
                self.events.get(timeout=wait) if wait else self.events.get_nowait()
            )
            while True:
                self._seen.held.append(self.events.get_nowait())
        replies = []
        for delivery in self._seen.held:
            if delivery.to_desk:
                head = _headers(delivery.data)
                self.echo(f'   delivered to the desk\'s inbox: "{head.get("Subject", "")}"')
            if delivery.local and not delivery.to_desk:
                replies.append(delivery)
        self._seen.held = []
        self._print_read()
        for delivery in replies:
            self._print_reply(delivery)

    def _last_ledger_id(self) -> int:
        from sqlalchemy import func, select

        from mailbot.store import db
        from mailbot.store.models import Message

        with db.transaction(self._engine) as session:
            return int(session.scalar(select(func.max(Message.id))) or 0)

    def _print_read(self) -> None:
        from sqlalchemy import select

        from mailbot.store import db
        from mailbot.store.models import Case, Message

        with db.transaction(self._engine) as session:
            rows = session.execute(
                select(Message, Case)
                .outerjoin(Case, Case.id == Message.case_id)
                .where(Message.id > self._seen.ledger_id)
                .order_by(Message.id)
            ).all()
            lines = []
            for message, case in rows:
                self._seen.ledger_id = message.id
                line = f"   the bot read the email from {message.sender or '(unknown)'}: " + (
                    message.reason or message.outcome.value
                )
                if case is not None:
                    status = _STATUS_TEXT.get(case.status.value, case.status.value)
                    line += f"; {case.reference} is {status}"
                lines.append(line)
        for line in lines:
            self.echo(line)

    def _print_reply(self, delivery: Delivery) -> None:
        from sqlalchemy import select

        from mailbot.store import db
        from mailbot.store.ledger import normalize_message_id
        from mailbot.store.models import OutboxMessage

        head = _headers(delivery.data)
        message_id = str(head.get("Message-ID", "")).strip()
        with db.transaction(self._engine) as session:
            template = session.scalars(
                select(OutboxMessage.template).where(
                    OutboxMessage.message_id == normalize_message_id(message_id)
                )
            ).first()
        label = _TEMPLATE_TEXT.get(template or "", template or "email")
        where = ", ".join(self._shown(self.layout.maildir(a)) for a in delivery.local)
        self.echo(f'   the desk sent ({label}): "{head.get("Subject", "")}"')
        self.echo(f"     to {', '.join(delivery.local)}, in {where}")
        if template == "checklist":
            for line in plain_text(delivery.data).strip().splitlines():
                self.echo(f"     | {line}")

    def _print_queue(self) -> None:
        from rich.console import Console

        from mailbot.cli.render import print_queue
        from mailbot.review.queue import review_queue
        from mailbot.store import db

        with db.transaction(self._engine) as session:
            entries = review_queue(session)
        print_queue(entries, Console() if sys.stdout.isatty() else Console(width=120))

    def _next_steps(self) -> None:
        from sqlalchemy import select

        from mailbot.cases import CaseStatus
        from mailbot.store import db
        from mailbot.store.models import Case

        with db.transaction(self._engine) as session:
            ready = [
                (c.reference, c.poc_email)
                for c in session.scalars(
                    select(Case).where(Case.status == CaseStatus.IN_REVIEW).order_by(Case.id)
                )
            ]
        config = self._shown(self.layout.config)
        mb = f"{self.options.command} --config {config}"
        ref, poc = ready[0] if ready else ("REF", None)
        self.echo("")
        if self.options.exit_after_seed:
            self.echo(
                f"The demo stops now. To approve, start it again with --no-seed --dir "
                f"{self._shown(self.layout.root)} (the cases stay), then in another terminal:"
            )
        else:
            self.echo("What to type next, in another terminal (the bot keeps running here):")
        self.echo(f"  {mb} queue")
        self.echo(f"  {mb} case show {ref}")
        self.echo(f'  {mb} approve {ref} --by "Your Name"')
        if poc:
            self.echo(
                f'Within seconds the "ready for use" notice arrives for {poc}, in '
                f"{self._shown(self.layout.maildir(poc))}/new/"
            )
        self.echo("")
        self.echo("Send your own email to the desk, with any mail client or swaks:")
        self.echo(
            f"  swaks --server {HOST}:{self.smtp_port} --to dps.eTicket@vermont.gov "
            "--from you@example.org --header 'Subject: e-ticket enrolment' --body request.txt"
        )
        self.echo(
            f"  replies land in {self._shown(self.layout.mail)}/you@example.org/new/ ; the desk's "
            f"mailbox is IMAP {HOST}:{self.imap_port}, user {DESK_USER}, password {DESK_PASSWORD}"
        )
        if not self.options.exit_after_seed:
            self.echo("Press Ctrl-C to stop.")
        self.echo("")

    def _shown(self, path: Path) -> str:
        """``path`` relative to the working directory when it is below it."""
        resolved = path.resolve()
        try:
            return str(resolved.relative_to(Path.cwd()))
        except ValueError:
            return str(resolved)


def run_demo(options: DemoOptions, echo: Callable[[str], None] = click.echo) -> int:
    """Run ``mailbot demo``; returns the exit code. Raises :class:`DemoError` when it
    cannot start."""
    return Demo(options, echo).run()
