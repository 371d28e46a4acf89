"""A word standing before "username" names the username and is none ("BR207, DPS
username DPS\\mlaroche"): the value is the one written after it."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.intake.parse import parse_message


def test_the_word_before_username_is_no_username() -> None:
    msg = EmailMessage()
    msg["From"] = "Ines Cote <icote@barnetvt.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "New officer"
    msg.set_content(
        "Hello,\n\n- Please add Officer Marc Laroche - officer # BR207, DPS username "
        "DPS\\mlaroche. He starts Monday.\n\nThanks,\nInes Cote\nBarnet Police Department\n"
    )
    result = parse_message(msg.as_bytes())
    assert result.intent == "officer_maintenance"
    assert [c.model_dump().get("dps_username") for c in result.changes] == ["mlaroche"]
