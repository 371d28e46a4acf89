"""Faults the tests install in the bot: a crash at a named step, a message whose
reading (or, for a reply, whose reading against its case) kills, hangs or slows the
reader. The bot is handed these through its constructor hooks (``reader``,
``checkpoint``; :class:`~mailbot.reader.IsolatedReader`'s ``read`` and ``answer``);
``tests/launcher.py`` installs them in a bot run as a process."""

from __future__ import annotations

import os
import time
from pathlib import Path

from mailbot.intake.limits import Limits
from mailbot.ports import Checkpoint
from mailbot.reader import (
    Answer,
    AnswerRequest,
    Reader,
    Reading,
    answer_in_process,
    read_in_process,
)

POISON_HEADER = b"X-Mailbot-Test-Poison:"
"""A message carrying this header is the one a poison fault acts on."""

CRASH_STATUS = 70
"""Exit status of a process a fault killed (as a crash would, without clean-up)."""


def poisoned(raw: bytes) -> bytes:
    """``raw`` marked as the message a poison fault acts on."""
    return POISON_HEADER + b" 1\r\n" + raw


def is_poisoned(raw: bytes) -> bool:
    return POISON_HEADER in raw[:4096]


def is_poisoned_reply(request: AnswerRequest) -> bool:
    """Whether the reply to read against its case is a poisoned message."""
    return POISON_HEADER.rstrip(b":").decode().lower() in request.parts.headers


def crash_at(step: str) -> Checkpoint:
    """A checkpoint that ends the process abruptly at ``step`` (``"recorded"``,
    ``"sent"``)."""

    def checkpoint(reached: str) -> None:
        if reached == step:
            os._exit(CRASH_STATUS)

    return checkpoint


def hang_on_poison(raw: bytes, limits: Limits, rules_dir: Path | None, loop_header: str) -> Reading:
    """The reader's read function, except that a poisoned message never finishes."""
    if is_poisoned(raw):
        time.sleep(3600)
    return read_in_process(raw, limits, rules_dir, loop_header)


def crash_on_poison(
    raw: bytes, limits: Limits, rules_dir: Path | None, loop_header: str
) -> Reading:
    """The reader's read function, except that a poisoned message kills its process."""
    if is_poisoned(raw):
        os._exit(71)
    return read_in_process(raw, limits, rules_dir, loop_header)


def hang_on_poisoned_answer(
    request: AnswerRequest, limits: Limits, rules_dir: Path | None, loop_header: str
) -> Answer:
    """The reader's answer function, except that a poisoned reply is never finished
    (the message itself is read as usual)."""
    if is_poisoned_reply(request):
        time.sleep(3600)
    return answer_in_process(request, limits, rules_dir, loop_header)


def crash_on_poisoned_answer(
    request: AnswerRequest, limits: Limits, rules_dir: Path | None, loop_header: str
) -> Answer:
    """The reader's answer function, except that a poisoned reply kills its process."""
    if is_poisoned_reply(request):
        os._exit(71)
    return answer_in_process(request, limits, rules_dir, loop_header)


class DyingReader:
    """Reads with ``inner``, except that a poisoned message kills this very process
    (the bot, not a reader child) while it is read."""

    def __init__(self, inner: Reader) -> None:
        self.inner = inner

    def read(self, raw: bytes) -> Reading:
        if is_poisoned(raw):
            os._exit(CRASH_STATUS)
        return self.inner.read(raw)

    def answer(self, request: AnswerRequest) -> Answer:
        return self.inner.answer(request)

    def close(self) -> None:
        self.inner.close()


class SlowReader:
    """Reads with ``inner``, taking ``seconds`` longer for each message."""

    def __init__(self, inner: Reader, seconds: float = 0.3) -> None:
        self.inner = inner
        self.seconds = seconds

    def read(self, raw: bytes) -> Reading:
        time.sleep(self.seconds)
        return self.inner.read(raw)

    def answer(self, request: AnswerRequest) -> Answer:
        return self.inner.answer(request)

    def close(self) -> None:
        self.inner.close()
