"""The demo's SMTP server: aiosmtpd on loopback. Mail for the desk is appended to its
IMAP inbox; every other recipient's copy goes to that recipient's Maildir under the
demo folder.

Run by the demo as ``python -m mailbot.demo.smtp_server --config DIR/mailbot.toml``
(the port and the desk's address are the settings' ``[smtp]``). It writes one JSON line
per accepted message on stdout (:meth:`Delivery.to_line`) and stops at end of file on
stdin, the pipe from the demo, or on SIGTERM.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import mailbox
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import structlog

from mailbot.config import Settings
from mailbot.demo.layout import HOST, DemoLayout
from mailbot.errors import MailbotError

if TYPE_CHECKING:
    from aiosmtpd.smtp import SMTP, Envelope, Session

log = structlog.get_logger()


@dataclass(frozen=True)
class Delivery:
    """One message the SMTP server accepted, and where it went."""

    data: bytes
    to_desk: bool
    local: tuple[str, ...]

    def to_line(self) -> str:
        return json.dumps(
            {
                "to_desk": self.to_desk,
                "local": list(self.local),
                "data": base64.b64encode(self.data).decode("ascii"),
            }
        )

    @classmethod
    def from_line(cls, line: str) -> Delivery:
        event = json.loads(line)
        return cls(base64.b64decode(event["data"]), bool(event["to_desk"]), tuple(event["local"]))


class MailRouter:
    """aiosmtpd handler: files each accepted message, then reports where it went."""

    def __init__(
        self,
        desk_address: str,
        append_to_desk: Callable[[bytes], None],
        layout: DemoLayout,
        report: Callable[[Delivery], None],
    ) -> None:
        self.desk_address = desk_address.lower()
        self.append_to_desk = append_to_desk
        self.layout = layout
        self.report = report

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

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        data = envelope.original_content or envelope.content
        if isinstance(data, str):
            data = data.encode("utf-8")
        assert data is not None  # aiosmtpd has read the content before calling this
        loop = asyncio.get_running_loop()
        try:
            delivery = await loop.run_in_executor(
                None, self.deliver, list(envelope.rcpt_tos), bytes(data)
            )
        except (MailbotError, OSError) as e:
            log.warning("demo_delivery_failed", error=str(e))
            return "451 4.3.0 Local delivery failed, try again later"
        self.report(delivery)
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


def _print_line(delivery: Delivery) -> None:
    sys.stdout.write(delivery.to_line() + "\n")
    sys.stdout.flush()


def main(argv: Sequence[str] | None = None) -> int:
    from aiosmtpd.controller import Controller

    from mailbot.config import load_settings
    from mailbot.logs import configure_logging

    parser = argparse.ArgumentParser(prog="python -m mailbot.demo.smtp_server")
    parser.add_argument("--config", required=True, type=Path, help="the demo's mailbot.toml")
    args = parser.parse_args(argv)
    settings = load_settings(args.config)
    configure_logging(settings.logging.level, "json")  # on stderr: stdout is for deliveries
    router = MailRouter(
        settings.smtp.from_address,
        append_to_desk(settings),
        DemoLayout(args.config.parent),
        _print_line,
    )
    controller = Controller(router, hostname=HOST, port=settings.smtp.port, ready_timeout=10)
    try:
        controller.start()
    except (OSError, TimeoutError, RuntimeError) as e:
        print(f"cannot listen on {HOST}:{settings.smtp.port}: {e}", file=sys.stderr)
        return 1
    signal.signal(signal.SIGTERM, lambda _signum, _frame: sys.exit(0))
    try:
        sys.stdin.buffer.read()
    finally:
        controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
