"""Read messages in a separate process, with a time limit.

A message that makes a parser hang or crash must not stop the desk. The reader runs
the intake (:func:`mailbot.intake.message.read_message` and
:func:`mailbot.intake.parse.parse_parts`) in a long-lived child process; a message
that takes longer than the limit, or kills the child, gets a reason instead of a
result, the child is replaced, and the poll goes on with the next message.

The child is a fresh interpreter that imports the intake alone (not the program that
started it, as multiprocessing's spawn would). The poller starts it as soon as a poll
finds new mail, so its start-up overlaps the first fetch, and sends it the next group
ahead (:meth:`IsolatedReader.send_ahead`) so that reading overlaps recording.

A reply on an open case is read a second time, against the case
(:meth:`Reader.answer`: what we sent on it, what it asked for); that reading runs in
the same child, under the same limit, after the messages sent ahead of it (their
readings are taken first and kept for their turn). The caller fetches what it needs
from the database first: the child never sees the database.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
from collections import deque
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Protocol

import structlog

from mailbot.errors import MailbotError
from mailbot.intake.limits import Limits
from mailbot.intake.model import ParseResult
from mailbot.intake.parts import MessageParts
from mailbot.reader_answers import Answer, AnswerFunction, AnswerRequest, answer_in_process

log = structlog.get_logger()

__all__ = [
    "Answer",
    "AnswerFunction",
    "AnswerRequest",
    "InProcessReader",
    "IsolatedReader",
    "ReadFunction",
    "Reader",
    "ReaderUnavailable",
    "Reading",
    "answer_in_process",
    "make_reader",
    "read_in_process",
]


class ReaderUnavailable(MailbotError):
    """Raised when the reader process cannot be started (no message is at fault)."""


Reading = tuple[MessageParts, ParseResult] | str
"""A message read, or the one-line reason it could not be."""

ReadFunction = Callable[[bytes, Limits, Path | None, str], Reading]
"""How a message is read: :func:`read_in_process` (or another function of the same
signature, importable by name, for the isolated reader's child to run)."""


RECYCLE_AFTER_BYTES = 4 * 1024 * 1024

READY = "the message reader is ready"
"""What the child sends first, once the intake is imported and its rules loaded: a
message's time limit counts from there, not from the start of the interpreter."""

STARTUP_SECONDS = 120.0
"""How long a fresh reader may take to get ready (imports, rules) before the desk gives
up on it for this poll; no message is blamed, and a message's own limit starts after."""


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


def _send(conn: Connection, raws: Sequence[bytes]) -> None:
    """Send messages to the child in two writes (their sizes, then their bytes end to
    end), so a group wakes it once; a single message is sent without a copy."""
    conn.send([len(raw) for raw in raws])
    conn.send_bytes(raws[0] if len(raws) == 1 else b"".join(raws))


_PACKAGE_ROOT = str(Path(__file__).resolve().parents[1])
"""The directory holding the ``mailbot`` package, for the child's ``-m``."""

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
        self._process: subprocess.Popen[bytes] | None = None
        self._conn: Connection | None = None
        self._starting = False
        """The child has not yet said it is ready (its first answer is that it is)."""
        self._ahead: deque[bytes] = deque()
        """Messages sent ahead (:meth:`send_ahead`) whose answers the child still owes."""
        self._taken: deque[tuple[bytes, Reading]] = deque()
        """Messages sent ahead whose answers were taken early, to reach a reply's answer
        behind them (:meth:`answer`); they come before those in ``_ahead``."""

    def warm(self) -> None:
        """Start the child now, without waiting for it (its imports run meanwhile)."""
        self._start()

    def _start(self) -> Connection:
        if self._conn is not None and self._process is not None and self._process.poll() is None:
            return self._conn
        self._drop_child()
        parent, child = multiprocessing.Pipe()
        try:
            self._process = subprocess.Popen(
                [sys.executable, "-m", "mailbot.reader_child", str(child.fileno())],
                pass_fds=(child.fileno(),),
                stdin=subprocess.DEVNULL,
                # mailbot itself importable whatever the working directory
                env={**os.environ, "PYTHONPATH": _PACKAGE_ROOT},
            )
            self._conn = parent
            self._starting = True
            # The child's module path first (the read function may live anywhere the
            # parent can import from), then what it serves with.
            parent.send(list(sys.path))
            parent.send((self._read, self._answer, self.limits, self.rules_dir, self.loop_header))
        except OSError as e:
            self._drop_child()
            parent.close()
            # Not the message's fault: the poll fails and is retried, nothing is recorded.
            raise ReaderUnavailable(f"cannot start the message reader process: {e}") from e
        finally:
            child.close()
        return parent

    def send_ahead(self, raws: Sequence[bytes]) -> None:
        """Let the child read these messages while the caller does other work; each
        answer is taken when :meth:`read` is called with that very ``bytes`` object,
        in this order. A read of anything else first drops what was sent ahead (the
        child is replaced), so a change of plan costs time, never a wrong answer.
        Sends nothing if the child cannot be started (the reads will say why)."""
        if not raws:
            return
        try:
            _send(self._start(), raws)
            self._ahead.extend(raws)
        except (ReaderUnavailable, OSError):
            self.close()

    def read(self, raw: bytes) -> Reading:
        """The reading of ``raw``, or why it cannot be read (a crash, a time-out).

        A reader stopped from outside (a stop signal sent to the whole process group)
        is replaced and the message read again, once; then :class:`ReaderUnavailable`
        is raised, which blames nothing on the message."""
        try:
            return self._read_once(raw)
        except ReaderUnavailable:
            log.warning("reader_stopped_from_outside")
            return self._read_once(raw)

    def _read_once(self, raw: bytes) -> Reading:
        if self._taken and self._taken[0][0] is raw:
            return self._taken.popleft()[1]  # taken early, on the way to a reply's answer
        if not self._taken and self._ahead and self._ahead[0] is raw and self._conn is not None:
            # Sent ahead to this child, which answers in order: every earlier answer
            # is taken, so if it dies now, it died on this message.
            self._ahead.popleft()
            reading: Reading = self._take(self._conn, "this message")
        else:
            if self._taken or self._ahead:
                self.close()  # not what was sent ahead: start over
            reading = self._ask_once(lambda conn: _send(conn, [raw]), "this message")
        if len(raw) > RECYCLE_AFTER_BYTES and self._conn is not None:
            self._drop_child()  # a fresh child gives the memory of a large read back
        return reading

    def answer(self, request: AnswerRequest) -> Answer:
        """What a reply adds to its case, or why it cannot be read (a crash, a
        time-out); a reader stopped from outside is handled as in :meth:`read`.

        The child answers in order: the readings of messages sent ahead are taken
        first (each under its own limit, a crash or time-out blamed on that message)
        and kept for their :meth:`read`; then the reply is sent and its answer taken."""
        self._take_ahead()

        def send(conn: Connection) -> None:
            conn.send(request)

        what = "this reply against its case"
        try:
            answer: Answer = self._ask_once(send, what)
        except ReaderUnavailable:
            log.warning("reader_stopped_from_outside")
            answer = self._ask_once(send, what)
        return answer

    def _take_ahead(self) -> None:
        """Take the answers the child owes for messages sent ahead, in order, into
        ``_taken``. A message that kills the child or times out keeps the reason; the
        ones after it are dropped with the child (a later :meth:`read` sends each
        again). A child stopped from outside blames none of them."""
        large = False
        while self._ahead and self._conn is not None:
            raw = self._ahead.popleft()
            try:
                reading: Reading = self._take(self._conn, "this message")
            except ReaderUnavailable:
                log.warning("reader_stopped_from_outside")
                return  # ``raw`` and the ones after it are read again, in a fresh child
            self._taken.append((raw, reading))
            large = large or len(raw) > RECYCLE_AFTER_BYTES
        if large and self._conn is not None:
            self._drop_child()  # a fresh child gives the memory of a large read back

    def _ask_once(self, send: Callable[[Connection], None], what: str) -> Any:
        """The child's result for the request ``send`` sends, or the reason there is
        none (``what`` names what was being read)."""
        conn = self._start()
        try:
            send(conn)
        except OSError:
            return self._lost(what)
        # The first request also waits for the child's start-up (imports).
        return self._take(conn, what)

    def _take(self, conn: Connection, what: str) -> Any:
        """The child's next result, or the reason there is none: it crashed or took
        longer than the limit (the child is dropped). A fresh child's start-up is
        waited for first, outside the limit."""
        if self._starting:
            self._await_ready(conn)
        try:
            if conn.poll(self.timeout):
                return conn.recv()
        except (EOFError, OSError):
            return self._lost(what)
        self._drop_child()
        log.warning("reader_timed_out", seconds=self.timeout)
        return f"reading {what} took longer than {self.timeout:g} s"

    def _await_ready(self, conn: Connection) -> None:
        """Wait for a fresh child to say it is ready; raise :class:`ReaderUnavailable`
        (no message at fault) if it does not within :data:`STARTUP_SECONDS`."""
        try:
            if conn.poll(STARTUP_SECONDS) and conn.recv() == READY:
                self._starting = False
                return
        except (EOFError, OSError):
            pass
        status = self._exit_status()
        self._drop_child()
        raise ReaderUnavailable(f"the message reader did not start (exit status {status})")

    def _lost(self, what: str) -> str:
        """The reason when the child went away while reading ``what``; raises
        :class:`ReaderUnavailable` if it was stopped from outside, which says nothing
        about what it was reading."""
        status = self._exit_status()
        self._drop_child()
        if status in _STOPPED_BY_SIGNAL:
            raise ReaderUnavailable(f"the message reader was stopped (exit status {status})")
        log.warning("reader_crashed")
        return f"reading {what} crashed the reader"

    def _exit_status(self) -> int | None:
        """How the child ended (it closed its end of the pipe): None if it has not."""
        if self._process is None:
            return None
        try:
            return self._process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            return None

    def close(self) -> None:
        """Stop the child (killed if it does not stop at once) and forget what was
        sent ahead."""
        self._taken.clear()
        self._drop_child()

    def _drop_child(self) -> None:
        """Stop the child, with the messages it still owes answers for; the answers
        taken early are kept."""
        self._ahead.clear()
        conn, self._conn = self._conn, None
        process, self._process = self._process, None
        if conn is not None:
            conn.close()
        if process is not None:
            if process.poll() is None:
                process.kill()  # SIGTERM waits for the message in hand (see reader_child.serve)
            try:
                process.wait(timeout=2)
            except subprocess.TimeoutExpired:
                log.warning("reader_not_stopped", pid=process.pid)


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
