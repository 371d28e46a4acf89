"""The isolated reader: a message that hangs or kills the parser gets a reason, and
the next message is read by a fresh child. The same holds for a reply read against
its case."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from mailbot.domain.enums import CaseKind
from mailbot.domain.values import Json
from mailbot.intake.limits import Limits
from mailbot.reader import Answer, AnswerRequest, InProcessReader, IsolatedReader
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


def test_a_slow_start_of_the_reader_is_not_blamed_on_the_message() -> None:
    """A fresh reader that takes longer to start than a message may take to read (a
    loaded machine) still reads the message: its limit starts once the reader is ready."""
    from tests.slow_start import START_SECONDS, read_after_slow_start

    # the limit is shorter than the start, yet long enough for one read on a loaded machine
    r = IsolatedReader(
        Limits(), None, "X-Mailbot-Loop", timeout=START_SECONDS * 0.8, read=read_after_slow_start
    )
    try:
        reading = r.read(SAMPLE.read_bytes())
        assert not isinstance(reading, str), reading
        assert reading[1].agency.judiciary_code == "0614"
    finally:
        r.close()


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


def request_in_process(raw: bytes) -> AnswerRequest:
    """As :func:`reply_request`, read here (so the reader under test reads nothing)."""
    reading = InProcessReader(Limits(), None, "X-Mailbot-Loop").read(raw)
    assert not isinstance(reading, str)
    data = {"agency": {"name": "Hartford Police Department"}, "missing": ["agency.phone"]}
    return AnswerRequest(reading[0], (), CaseKind.ENROLLMENT, data)


def code_of(found: Answer) -> Json:
    """The judiciary code a reply read against its case gives its agency."""
    assert not isinstance(found, str)
    agency = found[0]["agency"]
    assert isinstance(agency, dict)
    return agency["judiciary_code"]


def test_a_reply_read_while_messages_are_sent_ahead_gets_its_own_answer(
    reader: IsolatedReader,
) -> None:
    """A reply read against its case while a group is queued in the child (a
    follow-up in the group being recorded, the next group sent ahead) gets its own
    answer, and every message sent ahead still gets its own, in order."""
    good = SAMPLE.read_bytes()
    other = good.replace(b"0614", b"0615")
    junk = b"\x00 not an email"
    request = request_in_process(good)
    expected = InProcessReader(Limits(), None, "X-Mailbot-Loop").answer(request)
    reader.send_ahead([good, junk])  # the group in hand
    first = reader.read(good)
    reader.send_ahead([other, good])  # the group after it, sent ahead
    assert reader.answer(request) == expected  # a follow-up in the group in hand
    assert reader.read(junk) == "not an email message (no RFC 5322 header at the start)"
    third = reader.read(other)
    assert not isinstance(third, str) and third[1].agency.judiciary_code == "0615"
    reader.send_ahead([junk])  # the group after that, while one of the last is unread
    assert reader.answer(request) == expected  # a follow-up in the group read ahead
    fourth = reader.read(good)
    assert not isinstance(first, str) and not isinstance(fourth, str)
    assert fourth[1].agency.judiciary_code == "0614" and code_of(expected) == "0614"
    assert reader.read(junk) == "not an email message (no RFC 5322 header at the start)"


def test_a_message_sent_ahead_that_kills_the_reader_before_a_reply_is_the_only_one_blamed(
    crashing_reader: IsolatedReader,
) -> None:
    """A message sent ahead that kills the child while a reply waits behind it gets
    the reason; the reply is read by a fresh child, the message before keeps its
    reading and the one after is read again."""
    reader = crashing_reader
    good = SAMPLE.read_bytes()
    poison = poisoned()
    after = good.replace(b"0614", b"0616")
    request = request_in_process(good)
    reader.send_ahead([good, poison, after])
    assert code_of(reader.answer(request)) == "0614"
    assert not isinstance(reader.read(good), str)
    assert reader.read(poison) == "reading this message crashed the reader"
    last = reader.read(after)
    assert not isinstance(last, str) and last[1].agency.judiciary_code == "0616"


def test_a_reply_that_kills_the_reader_blames_no_message_sent_ahead(
    crashing_answers: IsolatedReader,
) -> None:
    """A reply whose reading against its case kills the child gets the reason; the
    messages sent ahead of it keep their readings."""
    reader = crashing_answers
    good = SAMPLE.read_bytes()
    other = good.replace(b"0614", b"0615")
    reader.send_ahead([good, other])
    crash = reader.answer(request_in_process(poisoned()))
    assert crash == "reading this reply against its case crashed the reader"
    first, second = reader.read(good), reader.read(other)
    assert not isinstance(first, str) and first[1].agency.judiciary_code == "0614"
    assert not isinstance(second, str) and second[1].agency.judiciary_code == "0615"


def test_a_message_sent_ahead_that_hangs_before_a_reply_is_the_only_one_given_up(
    hanging_reader: IsolatedReader,
) -> None:
    """A message sent ahead that never finishes while a reply waits behind it is given
    up after the limit; the reply and the message after it are read by a fresh child."""
    reader = hanging_reader
    good = SAMPLE.read_bytes()
    poison = poisoned()
    after = good.replace(b"0614", b"0616")
    assert not isinstance(reader.read(good), str)  # child started and warm
    reader.timeout = 4
    reader.send_ahead([poison, after])
    start = time.monotonic()
    assert code_of(reader.answer(request_in_process(good))) == "0614"
    assert reader.read(poison) == "reading this message took longer than 4 s"
    last = reader.read(after)
    assert not isinstance(last, str) and last[1].agency.judiciary_code == "0616"
    assert time.monotonic() - start < 20
