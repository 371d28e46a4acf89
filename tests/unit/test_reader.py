"""The isolated reader: a message that hangs or kills the parser gets a reason, and
the next message is read by a fresh child."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from mailbot.intake.limits import Limits
from mailbot.reader import IsolatedReader
from tests import faults

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "samples" / "sop-sample.eml"


def poisoned() -> bytes:
    return faults.poisoned(SAMPLE.read_bytes())


@pytest.fixture
def reader() -> Iterator[IsolatedReader]:
    r = IsolatedReader(Limits(), None, "X-Mailbot-Loop", timeout=20)
    yield r
    r.close()


@pytest.fixture
def hanging_reader() -> Iterator[IsolatedReader]:
    """A reader whose child never finishes a poisoned message."""
    r = IsolatedReader(Limits(), None, "X-Mailbot-Loop", timeout=20, read=faults.hang_on_poison)
    yield r
    r.close()


@pytest.fixture
def crashing_reader() -> Iterator[IsolatedReader]:
    """A reader whose child is killed by a poisoned message."""
    r = IsolatedReader(Limits(), None, "X-Mailbot-Loop", timeout=20, read=faults.crash_on_poison)
    yield r
    r.close()


def test_reads_in_a_child_process(reader: IsolatedReader) -> None:
    """A normal message comes back read, exactly as in-process."""
    reading = reader.read(SAMPLE.read_bytes())
    assert not isinstance(reading, str)
    parts, result = reading
    assert result.agency.judiciary_code == "0614" and parts.sender == "rtanner@hartfordvt.gov"
    assert reader.read(b"\x00 not an email") == (
        "not an email message (no RFC 5322 header at the start)"
    )


def test_hanging_message_times_out_and_the_next_is_read(hanging_reader: IsolatedReader) -> None:
    """A message the parser never finishes is given up after the time limit; the
    reader is replaced and reads the next one."""
    reader = hanging_reader
    assert not isinstance(reader.read(SAMPLE.read_bytes()), str)  # child started and warm
    reader.timeout = 1.5
    start = time.monotonic()
    assert reader.read(poisoned()) == "reading this message took longer than 1.5 s"
    assert time.monotonic() - start < 10
    reader.timeout = 20
    assert not isinstance(reader.read(SAMPLE.read_bytes()), str)


def test_crashing_message_is_reported_and_the_next_is_read(
    crashing_reader: IsolatedReader,
) -> None:
    """A message that kills the parser process is reported as such; a fresh child
    reads the next message."""
    reader = crashing_reader
    assert reader.read(poisoned()) == "reading this message crashed the reader"
    assert not isinstance(reader.read(SAMPLE.read_bytes()), str)


def test_messages_sent_ahead_are_answered_in_order(reader: IsolatedReader) -> None:
    """Messages sent ahead are read while the caller does other work and each answer
    goes to its own message; reading anything else first drops what was sent ahead
    and still answers correctly."""
    good = SAMPLE.read_bytes()
    other = good.replace(b"0614", b"0615")
    junk = b"\x00 not an email"
    reader.send_ahead([good, junk, other])
    first, second, third = reader.read(good), reader.read(junk), reader.read(other)
    assert not isinstance(first, str) and first[1].agency.judiciary_code == "0614"
    assert second == "not an email message (no RFC 5322 header at the start)"
    assert not isinstance(third, str) and third[1].agency.judiciary_code == "0615"
    reader.send_ahead([good, other])
    changed = reader.read(other)  # not the first sent ahead: read on its own
    assert not isinstance(changed, str) and changed[1].agency.judiciary_code == "0615"


def test_a_message_sent_ahead_that_kills_the_reader_is_the_only_one_blamed(
    crashing_reader: IsolatedReader,
) -> None:
    """Of messages sent ahead, the one whose reading kills the child gets the reason;
    the one before it keeps its reading and the one after is read by a fresh child."""
    reader = crashing_reader
    good = SAMPLE.read_bytes()
    poison = poisoned()
    after = good.replace(b"0614", b"0616")
    reader.send_ahead([good, poison, after])
    assert not isinstance(reader.read(good), str)
    assert reader.read(poison) == "reading this message crashed the reader"
    last = reader.read(after)
    assert not isinstance(last, str) and last[1].agency.judiciary_code == "0616"
