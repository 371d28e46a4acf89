"""A rank change told as one rank becoming another, with none of the words of a
promotion ("Cpl Wheeler 3349C is now Sgt Wheeler eff today"): a roster change of his
title; a contact who "is now" someone of a rank is none."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_SENDER = "Dan Roy <droy.mpd@gmail.com>"


def test_a_rank_become_another_is_a_change_of_title() -> None:
    raw = mail(
        "Ofc Marsh 4417B is now Cpl Marsh as of today. Milton PD\n\nDan\n",
        sender=_SENDER,
        subject="Rank",
    )
    result = parse_message(raw)
    assert result.intent == "officer_maintenance"
    assert [c.model_dump(exclude_none=True) for c in result.changes] == [
        {"action": "update", "officer_number": "4417B", "last_name": "Marsh", "title": "Corporal"}
    ]


def test_a_contact_who_is_now_a_ranked_officer_is_no_change() -> None:
    raw = mail(
        "Our contact is now Sgt Ann Roy. Milton PD\n\nDan\n", sender=_SENDER, subject="Contact"
    )
    assert parse_message(raw).intent == "other"
