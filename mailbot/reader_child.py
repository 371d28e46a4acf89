"""The reader's child process: a fresh interpreter that imports the intake alone and
serves the desk's requests in order (:class:`mailbot.reader.IsolatedReader` starts it as
``python -m mailbot.reader_child FD``).

It ignores Ctrl-C from its first line (a Ctrl-C is the parent's to handle), takes the
parent's module path (the read function may live anywhere the parent imports from),
then what it serves with.
"""

from __future__ import annotations

import signal

signal.signal(signal.SIGINT, signal.SIG_IGN)

import os  # noqa: E402
import queue  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402
from multiprocessing.connection import Connection  # noqa: E402
from pathlib import Path  # noqa: E402
from types import FrameType  # noqa: E402
from typing import TYPE_CHECKING  # noqa: E402

from mailbot.reader_answers import AnswerRequest  # noqa: E402

if TYPE_CHECKING:
    from mailbot.intake.limits import Limits
    from mailbot.reader import ReadFunction
    from mailbot.reader_answers import AnswerFunction


def serve(
    conn: Connection,
    read: ReadFunction,
    answer: AnswerFunction,
    limits: Limits,
    rules_dir: Path | None,
    loop_header: str,
) -> None:
    """The child: serve each request sent (a message to read, a reply to read against
    its case) with its result, in the order they were sent.

    A Ctrl-C or a service manager's stop reaches the whole process group, and a reader
    stopped that way would look like a message that crashes it: SIGINT is ignored
    here, and SIGTERM ends the child only between messages (the parent stops after the
    message in hand)."""
    from mailbot.logs import configure_logging
    from mailbot.reader import READY

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
    _warm(rules_dir)
    conn.send(READY)
    # Requests are taken in as they come (a thread), so the parent can send the next
    # group ahead while answers wait for it in the pipe: neither side blocks the other.
    inbox: queue.SimpleQueue[bytes | AnswerRequest | None] = queue.SimpleQueue()

    def take_in() -> None:
        try:
            while True:
                head: list[int] | AnswerRequest = conn.recv()
                if isinstance(head, AnswerRequest):
                    inbox.put(head)
                    continue
                sizes = head
                data = conn.recv_bytes()
                at = 0
                for size in sizes:
                    inbox.put(data if len(sizes) == 1 else data[at : at + size])
                    at += size
        except (EOFError, OSError):
            inbox.put(None)

    threading.Thread(target=take_in, name="reader-inbox", daemon=True).start()
    while True:
        request = inbox.get()
        if request is None:
            return
        busy = True
        if isinstance(request, bytes):
            conn.send(read(request, limits, rules_dir, loop_header))
        else:
            conn.send(answer(request, limits, rules_dir, loop_header))
        busy = False
        if stopping:
            os._exit(0)


def _warm(rules_dir: Path | None) -> None:
    """Import the intake and load its rules before the first message: on a loaded
    machine that takes seconds, which no message should be blamed for."""
    from mailbot.intake.message import read_message  # noqa: F401
    from mailbot.intake.parse import parse_parts  # noqa: F401
    from mailbot.intake.rules import load_rules

    load_rules(rules_dir)


def main(fd: int) -> None:
    conn = Connection(fd)
    sys.path[:] = conn.recv()
    serve(conn, *conn.recv())


if __name__ == "__main__":
    main(int(sys.argv[1]))
