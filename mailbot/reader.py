"""Read messages in a separate process, with a time limit.

A message that makes a parser hang or crash must not stop the desk. The reader runs
the intake (:func:`mailbot.intake.message.read_message` and
:func:`mailbot.intake.parse.parse_parts`) in a long-lived child process; a message
that takes longer than the limit, or kills the child, gets a reason instead of a
result, the child is replaced, and the poll goes on with the next message.

A reply on an open case is read a second time, against the case
(:meth:`Reader.answer`: what we sent on it, what it asked for); that reading runs in
the same child, under the same limit. The caller fetches what it needs from the
database first: the child never sees the database.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.context import SpawnProcess
from pathlib import Path
from types import FrameType
from typing import Any, Protocol

import structlog

from mailbot.domain.enums import CaseKind
from mailbot.domain.values import Json
from mailbot.errors import MailbotError
from mailbot.intake.limits import Limits
from mailbot.intake.model import ParseResult
from mailbot.intake.parts import MessageParts

log = structlog.get_logger()


class ReaderUnavailable(MailbotError):
    """Raised when the reader process cannot be started (no message is at fault)."""


Reading = tuple[MessageParts, ParseResult] | str
"""A message read, or the one-line reason it could not be."""

ReadFunction = Callable[[bytes, Limits, Path | None, str], Reading]
"""How a message is read: :func:`read_in_process` (or another function of the same
signature, importable by name, for the isolated reader's child to run)."""


@dataclass(frozen=True)
class AnswerRequest:
    """What reading a reply against its case needs, all of it picklable."""

    parts: MessageParts
    """The reply, as read (the first element of a :data:`Reading`)."""
    sent: tuple[bytes, ...]
    """The emails we sent on the case, as stored in the outbox (those whose body
    ``[retention]`` deleted are left out): lines repeating them are not read as data."""
    kind: CaseKind
    case_data: dict[str, Json]
    """The case's data (what it asked for, its roster)."""


Answer = tuple[dict[str, Json], list[str]] | str
"""What a reply adds to its case (data in the ``mailbot parse --json`` shape, notes
for staff), or the one-line reason it could not be read."""

AnswerFunction = Callable[[AnswerRequest, Limits, Path | None, str], Answer]
"""How a reply is read against its case: :func:`answer_in_process` (or another
function of the same signature, importable by name for the isolated reader's child)."""

RECYCLE_AFTER_BYTES = 4 * 1024 * 1024


def read_in_process(
    raw: bytes, limits: Limits, rules_dir: Path | None, loop_header: str
) -> Reading:
    """The intake, here and now: the result, or the reason the message is unreadable."""
    from mailbot.errors import MessageError
    from mailbot.intake.message import read_message
    from mailbot.intake.parse import parse_parts
    from mailbot.intake.rules import load_rules

    try:
        parts = read_message(raw, limits)
        return parts, parse_parts(parts, load_rules(rules_dir), limits, loop_header)
    except MessageError as e:
        return str(e)
    except Exception as e:  # a parser bug must not stop the desk
        log.exception("parser_crashed")
        return f"internal error while reading: {type(e).__name__}"


def answer_in_process(
    request: AnswerRequest, limits: Limits, rules_dir: Path | None, loop_header: str
) -> Answer:
    """A reply read against its case, here and now: for an enrolment, the answer read
    against what we sent and what the case asked for
    (:func:`mailbot.intake.answers.read_answer`); else the message as read again
    without our own quoted text. Or the reason it cannot be."""
    from mailbot.domain.case_data import CaseData
    from mailbot.errors import MessageError
    from mailbot.intake.answers import Sent, read_answer, sent_texts, without_sent
    from mailbot.intake.parse import parse_parts
    from mailbot.intake.rules import load_rules

    try:
        rules = load_rules(rules_dir)
        sent = Sent.of(text for raw in request.sent for text in sent_texts(raw))
        if request.kind != CaseKind.ENROLLMENT:
            reread = parse_parts(without_sent(request.parts, sent), rules, limits, loop_header)
            return CaseData.from_result(reread).stored(), list(reread.notes)
        return read_answer(request.parts, sent, request.case_data, rules, limits, loop_header)
    except MessageError as e:
        return str(e)
    except Exception as e:  # a parser bug must not stop the desk
        log.exception("answer_reader_crashed")
        return f"internal error while reading the reply against its case: {type(e).__name__}"


class Reader(Protocol):
    """What the desk reads messages with."""

    def read(self, raw: bytes) -> Reading: ...

    def answer(self, request: AnswerRequest) -> Answer: ...

    def close(self) -> None: ...


class InProcessReader:
    """The intake in this process (no time limit: ``read_timeout_seconds = 0``)."""

    def __init__(
        self,
        limits: Limits,
        rules_dir: Path | None,
        loop_header: str,
        read: ReadFunction | None = None,
        answer: AnswerFunction | None = None,
    ) -> None:
        self.limits = limits
        self.rules_dir = rules_dir
        self.loop_header = loop_header
        self._read = read or read_in_process
        self._answer = answer or answer_in_process

    def read(self, raw: bytes) -> Reading:
        return self._read(raw, self.limits, self.rules_dir, self.loop_header)

    def answer(self, request: AnswerRequest) -> Answer:
        return self._answer(request, self.limits, self.rules_dir, self.loop_header)

    def close(self) -> None:
        pass


_READ = b"read"
_ANSWER = b"answer"
"""The request kinds the child serves, each sent ahead of its request: a message's
bytes (sent as they are) or an :class:`AnswerRequest` (pickled)."""


def _serve(
    conn: Connection,
    read: ReadFunction,
    answer: AnswerFunction,
    limits: Limits,
    rules_dir: Path | None,
    loop_header: str,
) -> None:
    """The child: serve each request sent (a message to read, a reply to read against
    its case) with its result.

    A Ctrl-C or a service manager's stop reaches the whole process group, and a reader
    stopped that way would look like a message that crashes it: SIGINT is ignored
    here, and SIGTERM ends the child only between messages (the parent stops after the
    message in hand)."""
    from mailbot.logs import configure_logging

    busy = False
    stopping = False

    def on_term(_signum: int, _frame: FrameType | None) -> None:
        nonlocal stopping
        if not busy:
            os._exit(0)
        stopping = True

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, on_term)

    configure_logging("error", "json")
    while True:
        try:
            kind = conn.recv_bytes()
            request: bytes | AnswerRequest = conn.recv_bytes() if kind == _READ else conn.recv()
        except (EOFError, OSError):
            return
        busy = True
        if isinstance(request, bytes):
            conn.send(read(request, limits, rules_dir, loop_header))
        else:
            conn.send(answer(request, limits, rules_dir, loop_header))
        busy = False
        if stopping:
            os._exit(0)


_STOPPED_BY_SIGNAL = frozenset({0, -signal.SIGTERM, -signal.SIGINT, -signal.SIGHUP})
"""Exit statuses of a reader stopped from outside, not by the message it read."""


class IsolatedReader:
    """The intake in a child process, restarted after a hang or a crash."""

    def __init__(
        self,
        limits: Limits,
        rules_dir: Path | None,
        loop_header: str,
        timeout: float,
        read: ReadFunction | None = None,
        answer: AnswerFunction | None = None,
    ) -> None:
        """``read`` is run in the child for each message (default
        :func:`read_in_process`), ``answer`` for each reply read against its case
        (default :func:`answer_in_process`); both must be importable by name there."""
        self.limits = limits
        self._read = read or read_in_process
        self._answer = answer or answer_in_process
        self.rules_dir = rules_dir
        self.loop_header = loop_header
        self.timeout = timeout
        self._process: SpawnProcess | None = None
        self._conn: Connection | None = None

    def _start(self) -> Connection:
        if self._conn is not None and self._process is not None and self._process.is_alive():
            return self._conn
        self.close()
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        process = context.Process(
            target=_serve,
            args=(
                child,
                self._read,
                self._answer,
                self.limits,
                self.rules_dir,
                self.loop_header,
            ),
            name="mailbot-reader",
            daemon=True,
        )
        try:
            process.start()
        except OSError as e:
            parent.close()
            child.close()
            # Not the message's fault: the poll fails and is retried, nothing is recorded.
            raise ReaderUnavailable(f"cannot start the message reader process: {e}") from e
        child.close()
        self._process, self._conn = process, parent
        return parent

    def read(self, raw: bytes) -> Reading:
        """The reading of ``raw``, or why it cannot be read (a crash, a time-out).

        A reader stopped from outside (a stop signal sent to the whole process group)
        is replaced and the message read again, once; then :class:`ReaderUnavailable`
        is raised, which blames nothing on the message."""

        def send(conn: Connection) -> None:
            conn.send_bytes(_READ)
            conn.send_bytes(raw)

        reading: Reading = self._ask(send, "this message")
        if len(raw) > RECYCLE_AFTER_BYTES:
            self.close()  # a fresh child gives the memory of a large read back
        return reading

    def answer(self, request: AnswerRequest) -> Answer:
        """What a reply adds to its case, or why it cannot be read (a crash, a
        time-out); a reader stopped from outside is handled as in :meth:`read`."""

        def send(conn: Connection) -> None:
            conn.send_bytes(_ANSWER)
            conn.send(request)

        answer: Answer = self._ask(send, "this reply against its case")
        return answer

    def _ask(self, send: Callable[[Connection], None], what: str) -> Any:
        try:
            return self._ask_once(send, what)
        except ReaderUnavailable:
            log.warning("reader_stopped_from_outside")
            return self._ask_once(send, what)

    def _ask_once(self, send: Callable[[Connection], None], what: str) -> Any:
        """The child's result for the request ``send`` sends, or the reason there is
        none (``what`` names what was being read)."""
        conn = self._start()
        try:
            send(conn)
            # The first request also waits for the child's start-up (imports).
            if conn.poll(self.timeout):
                return conn.recv()
        except (EOFError, OSError):
            process = self._process
            self.close()
            if process is not None and process.exitcode in _STOPPED_BY_SIGNAL:
                # Stopped from outside (a stop signal to the process group): says
                # nothing about the message, which is read again.
                raise ReaderUnavailable(
                    f"the message reader was stopped (exit status {process.exitcode})"
                ) from None
            log.warning("reader_crashed")
            return f"reading {what} crashed the reader"
        self.close()
        log.warning("reader_timed_out", seconds=self.timeout)
        return f"reading {what} took longer than {self.timeout:g} s"

    def close(self) -> None:
        """Stop the child (killed if it does not stop at once)."""
        conn, self._conn = self._conn, None
        process, self._process = self._process, None
        if conn is not None:
            conn.close()
        if process is not None and process.is_alive():
            process.kill()  # SIGTERM waits for the message in hand (see _serve)
            process.join(timeout=2)
            if process.is_alive():
                process.kill()
                process.join(timeout=2)


def make_reader(
    limits: Limits,
    rules_dir: Path | None,
    loop_header: str,
    timeout: float,
    read: ReadFunction | None = None,
    answer: AnswerFunction | None = None,
) -> Reader:
    """The isolated reader with a time limit, or (``timeout`` 0) the intake in process."""
    if timeout > 0:
        return IsolatedReader(limits, rules_dir, loop_header, timeout, read, answer)
    return InProcessReader(limits, rules_dir, loop_header, read, answer)
