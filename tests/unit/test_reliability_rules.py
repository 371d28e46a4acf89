"""Pure rules behind the reliability guarantees: who is gone, what is a hard bounce,
and what staff see of a message set aside unread."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from datetime import UTC, datetime, timedelta

from mailbot import instance
from mailbot.service import header_summary
from mailbot.store.bounces import is_hard_bounce

NOW = datetime(2026, 11, 2, 14, 0, tzinfo=UTC)
MINUTE = timedelta(minutes=1)


def test_a_mark_of_a_live_process_is_not_a_death() -> None:
    """Rows written by this process, or by another live process on this host, are
    never taken for the remains of a dead bot."""
    me = instance.new_token()
    other_desk = instance.new_token()
    parent = f"{socket.gethostname()}:{os.getppid()}:abcd"
    assert not instance.is_gone(me, me, NOW, NOW, MINUTE)
    assert not instance.is_gone(other_desk, me, NOW, NOW, MINUTE)
    assert not instance.is_gone(parent, me, NOW, NOW, MINUTE)
    instance.retire(other_desk)
    instance.retire(me)


def test_a_mark_of_an_exited_process_is_a_death() -> None:
    """A row whose process has exited (or a retired desk of this process, as after a
    container restart with the same PID) is the mark of a death."""
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    dead = f"{socket.gethostname()}:{int(child.stdout)}:abcd"
    retired = instance.new_token()
    instance.retire(retired)
    me = instance.new_token()
    assert instance.is_gone(dead, me, NOW, NOW, MINUTE)
    assert instance.is_gone(retired, me, NOW, NOW, MINUTE)
    assert instance.is_gone(None, me, NOW, NOW, MINUTE)
    instance.retire(me)


def test_another_hosts_mark_counts_only_once_stale() -> None:
    """For a bot on another host only the mark's age tells: gone after the grace time."""
    remote = "elsewhere.invalid:123:abcd"
    assert not instance.is_gone(remote, "me", NOW, NOW + MINUTE / 2, MINUTE)
    assert instance.is_gone(remote, "me", NOW, NOW + MINUTE, MINUTE)


def test_hard_and_soft_bounces_are_told_apart() -> None:
    """A 5.x.x or `Action: failed` report is hard; a 4.x.x delay is not; a bounce with
    no machine-readable status counts as hard."""
    assert is_hard_bounce(b"Action: failed\r\nStatus: 5.1.1\r\n")
    assert not is_hard_bounce(b"Action: delayed\r\nStatus: 4.4.1\r\n")
    assert is_hard_bounce(b"Subject: Undeliverable\r\n\r\nUser unknown.\r\n")


def test_a_message_set_aside_unread_still_shows_who_sent_it() -> None:
    """Sender, subject and Message-ID are read leniently from the header block (encoded
    words decoded, control characters removed); garbage gives Nones, never an error."""
    raw = (
        b"From: =?utf-8?q?Jos=C3=A9_M=C3=BCller?= <jose@town.test>\r\n"
        b"Subject: =?utf-8?q?Enrolment_=E2=80=93_Town?=\x1b[31m\r\n"
        b"Message-ID: <m1@town.test>\r\n\r\nbody\r\n"
    )
    sender, subject, message_id = header_summary(raw)
    assert (sender, message_id) == ("jose@town.test", "<m1@town.test>")
    assert subject is not None and subject.startswith("Enrolment \u2013 Town")
    assert "\x1b" not in subject
    assert header_summary(b"\x00\xff garbage") == (None, None, None)
    assert header_summary(None) == (None, None, None)
