"""A word standing before "username" names the username and is none ("BR207, DPS
username DPS\\mlaroche"): the value is the one written after it."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail


def test_the_word_before_username_is_no_username() -> None:
    body = (
        "Hello,\n\n- Please add Officer Marc Laroche - officer # BR207, DPS username "
        "DPS\\mlaroche. He starts Monday.\n\nThanks,\nInes Cote\nBarnet Police Department\n"
    )
    result = parse_message(
        mail(body, sender="Ines Cote <icote@barnetvt.test>", subject="New officer")
    )
    assert result.intent == "officer_maintenance"
    assert [c.model_dump().get("dps_username") for c in result.changes] == ["mlaroche"]
