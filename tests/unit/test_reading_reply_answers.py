"""Replies to the desk's checklist, read as answers: a code given alone (or said short,
"Code is 412", kept as given and found invalid), a phone the sender corrects above his
own quoted request, an officer the desk asked about whom the reply names without giving
his value; a question sent ahead of the request; a list row whose number is too short."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_SENDER = "Rita Bone <rbone@fairlee.test>"


def _desk(asks: str) -> str:
    """The desk's message, quoted as Outlook quotes it (a header block, no marks)."""
    return (
        "________________________________\n"
        "From: DPS eTicket <dps.eTicket@vermont.gov>\n"
        "Sent: Friday, March 8, 2024 3:02 PM\n"
        "To: Rita Bone <rbone@fairlee.test>\n"
        "Subject: Fairlee PD - TraCS agency record\n\n"
        "Sgt. Bone,\n\n"
        f"{asks}\n\n"
        "Regards,\n"
        "DPS e-Ticket Technical Staff\n"
    )


def _reply(body: str):
    raw = mail(
        body,
        sender=_SENDER,
        subject="RE: Fairlee PD - TraCS agency record",
        in_reply_to="<desk-7@vermont.gov>",
    )
    return parse_message(raw)


def test_a_code_alone_answers_the_desks_one_question() -> None:
    asks = "We have everything except the judiciary code. Can you send the 4-digit code?"
    result = _reply("0528\n\nRita Bone | Sergeant\nFairlee Police Department\n\n" + _desk(asks))
    assert result.intent == "enrollment"
    assert result.agency.judiciary_code == "0528"


def test_a_code_said_a_digit_short_is_kept_and_found_invalid() -> None:
    asks = "One thing is missing: the 4-digit judiciary code."
    result = _reply("Code is 528.\n\nRita\n\n" + _desk(asks))
    assert result.intent == "enrollment"
    assert result.agency.judiciary_code == "528"
    assert "agency.judiciary_code" in {i.field for i in result.invalid}
