"""The demo's servers on loopback (edges): their ports, their processes, and sending
mail through the SMTP server."""

from __future__ import annotations

import contextlib
import queue
import re
import smtplib
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from mailbot.demo.layout import DESK_PASSWORD, DESK_USER, HOST, DemoLayout
from mailbot.demo.samples import envelope_recipients, sender_of
from mailbot.demo.smtp_server import Delivery
from mailbot.errors import DemoError


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


class ServerProcess:
    """One of the demo's servers, run as ``python -m MODULE ARGS`` in a session of its
    own, its stderr (and stdout, unless ``on_line`` takes each line of it) in
    ``log_path``. Its stdin is a pipe from the demo: closing it stops the server, and so
    does the demo's death."""

    def __init__(
        self,
        name: str,
        module: str,
        args: Sequence[str],
        port: int,
        log_path: Path,
        on_line: Callable[[str], None] | None = None,
    ) -> None:
        self.name = name
        self.module = module
        self.args = list(args)
        self.port = port
        self.log_path = log_path
        self.on_line = on_line
        self._process: subprocess.Popen[bytes] | None = None
        self._reader: threading.Thread | None = None

    def command(self) -> list[str]:
        return [sys.executable, "-m", self.module, *self.args]

    def start(self, timeout: float = 20.0) -> None:
        with self.log_path.open("wb") as out:
            # A session of its own: Ctrl-C in the terminal reaches the demo, which
            # stops this server last, after the bot.
            self._process = subprocess.Popen(
                self.command(),
                stdin=subprocess.PIPE,
                stdout=out if self.on_line is None else subprocess.PIPE,
                stderr=out,
                start_new_session=True,
            )
        if self.on_line is not None:
            self._reader = threading.Thread(
                target=self._read_lines, name=f"demo-{self.name.lower()}-output", daemon=True
            )
            self._reader.start()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise DemoError(f"the {self.name} server did not start: {self._last_log_line()}")
            with contextlib.suppress(OSError), socket.create_connection((HOST, self.port), 0.5):
                return
            time.sleep(0.1)
        self.stop()
        raise DemoError(
            f"the {self.name} server did not answer on {HOST}:{self.port} within "
            f"{timeout:.0f} s; see {self.log_path}"
        )

    def _read_lines(self) -> None:
        process = self._process
        assert process is not None and process.stdout is not None and self.on_line is not None
        for line in process.stdout:
            if line.strip():
                self.on_line(line.decode("utf-8"))

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
        if process.stdin is not None:
            process.stdin.close()
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
        if self._reader is not None:
            self._reader.join(5)


def imap_server(layout: DemoLayout, port: int) -> ServerProcess:
    """pymap's in-memory IMAP server (:mod:`mailbot.demo.imap_server`) with one
    account, the desk's."""
    args = ["--host", HOST, "--port", str(port), "--user", DESK_USER, "--password", DESK_PASSWORD]
    return ServerProcess("IMAP", "mailbot.demo.imap_server", args, port, layout.imap_log)


def smtp_server(layout: DemoLayout, port: int, deliveries: queue.Queue[Delivery]) -> ServerProcess:
    """The SMTP server (:mod:`mailbot.demo.smtp_server`) on ``[smtp] port`` of the
    demo's settings; each message it accepts is put on ``deliveries``."""
    return ServerProcess(
        "SMTP",
        "mailbot.demo.smtp_server",
        ["--config", str(layout.config)],
        port,
        layout.smtp_log,
        on_line=lambda line: deliveries.put(Delivery.from_line(line)),
    )


def send(smtp_port: int, raw: bytes) -> None:
    """Send ``raw`` through the demo's SMTP server to its To and Cc addresses."""
    wire = re.sub(rb"\r?\n", b"\r\n", raw)  # SMTP lines end in CRLF; samples may use LF
    with smtplib.SMTP(HOST, smtp_port, timeout=30) as client:
        client.sendmail(sender_of(raw), envelope_recipients(raw), wire)
