"""The demo's servers on loopback (edges): the IMAP server process, the SMTP server
and its mail routing, and sending through it."""

from __future__ import annotations

import asyncio
import contextlib
import mailbox
import queue
import re
import smtplib
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import structlog

from mailbot.config import Settings
from mailbot.demo.layout import DESK_PASSWORD, DESK_USER, HOST, DemoLayout
from mailbot.demo.samples import envelope_recipients, sender_of
from mailbot.errors import DemoError, MailbotError

log = structlog.get_logger()


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


class ImapServer:
    """:mod:`mailbot.demo.imap_server` in a process of its own, with one account: the desk's."""

    def __init__(self, port: int, log_path: Path) -> None:
        self.port = port
        self.log_path = log_path
        self._process: subprocess.Popen[bytes] | None = None

    def command(self) -> list[str]:
        return [
            sys.executable,
            "-m",
            "mailbot.demo.imap_server",
            "--host",
            HOST,
            "--port",
            str(self.port),
            "--user",
            DESK_USER,
            "--password",
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
    wire = re.sub(rb"\r?\n", b"\r\n", raw)  # SMTP lines end in CRLF; samples may use LF
    with smtplib.SMTP(HOST, smtp_port, timeout=30) as client:
        client.sendmail(sender_of(raw), envelope_recipients(raw), wire)
