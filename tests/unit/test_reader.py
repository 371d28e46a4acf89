"""The isolated reader: a message that hangs or kills the parser gets a reason, and
the next message is read by a fresh child. The same holds for a reply read against
its case."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from mailbot.domain.enums import CaseKind
from mailbot.intake.limits import Limits
from mailbot.reader import AnswerRequest, InProcessReader, IsolatedReader
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


@pytest.fixture
def hanging_answers() -> Iterator[IsolatedReader]:
    """A reader whose child never finishes reading a poisoned reply against its case."""
    r = IsolatedReader(
        Limits(), None, "X-Mailbot-Loop", timeout=20, answer=faults.hang_on_poisoned_answer
    )
    yield r
    r.close()


@pytest.fixture
def crashing_answers() -> Iterator[IsolatedReader]:
    """A reader whose child is killed reading a poisoned reply against its case."""
    r = IsolatedReader(
        Limits(), None, "X-Mailbot-Loop", timeout=20, answer=faults.crash_on_poisoned_answer
    )
    yield r
    r.close()


def reply_request(reader: IsolatedReader, raw: bytes) -> AnswerRequest:
    """``raw`` read by ``reader``, as a reply to an enrolment case that lacks a phone."""
    reading = reader.read(raw)
    assert not isinstance(reading, str)
    data = {"agency": {"name": "Hartford Police Department"}, "missing": ["agency.phone"]}
    return AnswerRequest(reading[0], (), CaseKind.ENROLLMENT, data)


def test_reply_is_read_against_its_case_in_the_child_as_in_process(
    hanging_answers: IsolatedReader,
) -> None:
    """A reply comes back read against its case exactly as in this process."""
    request = reply_request(hanging_answers, SAMPLE.read_bytes())
    found = hanging_answers.answer(request)
    assert not isinstance(found, str)
    assert found == InProcessReader(Limits(), None, "X-Mailbot-Loop").answer(request)
    data, _notes = found
    assert isinstance(data["agency"], dict) and data["agency"]["judiciary_code"] == "0614"


def test_hanging_reply_times_out_and_the_next_is_read(hanging_answers: IsolatedReader) -> None:
    """A reply whose reading against its case never finishes is given up after the
    time limit; a fresh child reads the next message and the next reply."""
    reader = hanging_answers
    request = reply_request(reader, poisoned())  # read as usual; only its answer hangs
    reader.timeout = 1.5
    start = time.monotonic()
    assert reader.answer(request) == "reading this reply against its case took longer than 1.5 s"
    assert time.monotonic() - start < 10
    reader.timeout = 20
    assert not isinstance(reader.answer(reply_request(reader, SAMPLE.read_bytes())), str)


def test_crashing_reply_is_reported_and_the_next_is_read(
    crashing_answers: IsolatedReader,
) -> None:
    reader = crashing_answers
    request = reply_request(reader, poisoned())
    assert reader.answer(request) == "reading this reply against its case crashed the reader"
    assert not isinstance(reader.read(SAMPLE.read_bytes()), str)
