"""Automated mail (auto-replies, bounces, lists, our own replies) is recognised."""

from __future__ import annotations

from pathlib import Path

import pytest

from mailbot.errors import MessageError
from mailbot.intake.classify import automated_reason
from mailbot.intake.message import read_message
from tests.data import build

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"


@pytest.mark.parametrize(
    ("headers", "sender", "subject"),
    [
        ({"Auto-Submitted": "auto-replied"}, None, None),
        ({"Auto-Submitted": "auto-generated; owner-email=x@y"}, None, None),
        ({"Precedence": "bulk"}, None, None),
        ({"Precedence": "junk"}, None, None),
        ({"Precedence": "list"}, None, None),
        ({"Precedence": "auto_reply"}, None, None),
        ({"List-Id": "<chiefs.lists.example>"}, None, None),
        ({"List-Unsubscribe": "<mailto:u@x>"}, None, None),
        ({"Return-Path": "<>"}, None, None),
        ({}, "MAILER-DAEMON@mx.example", None),
        ({}, "postmaster@pd.example", None),
        ({"X-Autoreply": "yes"}, None, None),
        ({"X-Autorespond": "yes"}, None, None),
        ({"X-Auto-Response-Suppress": "OOF"}, None, None),
        ({"X-Auto-Response-Suppress": "All"}, None, None),
        ({"X-Mailbot-Loop": "dps-eticket"}, None, None),
        ({}, None, "Automatic reply: TraCS enrollment"),
        ({}, None, "Auto: TraCS"),
        ({}, None, "Out of Office: back Monday"),
        ({}, None, "Undeliverable: TraCS"),
        ({}, None, "Delivery Status Notification (Failure)"),
    ],
)
def test_automated_mail_is_recognised(
    headers: dict[str, str], sender: str | None, subject: str | None
) -> None:
    """Each RFC 3834 or common auto-mail sign gives a reason, so no reply is sent."""
    raw = build.eml(
        text="x",
        headers=headers,
        sender=sender or "Chief <chief@pd.example>",
        subject=subject or "TraCS enrollment",
    )
    reason = automated_reason(read_message(raw))
    assert reason and "\n" not in reason


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Auto-Submitted": "no"},
        {"Precedence": "first-class"},
        {"X-Auto-Response-Suppress": "DR, RN"},
    ],
)
def test_person_written_mail_is_not_automated(headers: dict[str, str]) -> None:
    """Ordinary mail from a chief, even with harmless headers, is answered."""
    raw = build.eml(text="Please enrol us.", headers=headers, subject="RE: Auto parts")
    assert automated_reason(read_message(raw)) is None


def test_custom_loop_header() -> None:
    """The loop header name is configurable."""
    raw = build.eml(text="x", headers={"X-Our-Bot": "1"})
    parts = read_message(raw)
    assert automated_reason(parts) is None
    assert automated_reason(parts, loop_header="X-Our-Bot")


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")
def test_corpus_bounces_are_automated() -> None:
    """Every bounce in the corpus (flanker, mail gem DSNs) is recognised as automated."""
    paths = sorted((CORPUS / "flanker" / "bounce").glob("*.eml"))
    paths += sorted(CORPUS.glob("mikel-mail/**/multipart_report_emails/*.eml"))
    assert paths
    missed = []
    for path in paths:
        try:
            parts = read_message(path.read_bytes())
        except MessageError:
            continue
        if automated_reason(parts) is None:
            missed.append(path.name)
    assert missed == []
