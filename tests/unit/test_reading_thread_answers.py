"""Replies on an enrolment thread whose values complete what the thread holds: a code
corrected, though the code taken back was given in a mail not quoted."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_SENDER = "Dana Whitlock <dwhitlock@birchfieldpd.test>"

_CORRECTED_CODE = """\
Quick fix to my email of Saturday: I keyed our judiciary code wrong. It is 0617, not 0671.

Sgt. Dana Whitlock
Birchfield Police Department

-----Original Message-----
From: DPS eTicket <dps.eTicket@vermont.gov>
Sent: Friday, November 27, 2026 2:40 PM
To: Dana Whitlock <dwhitlock@birchfieldpd.test>
Subject: RE: Birchfield PD e-ticket

Thanks. We still need your judiciary code, address, phone and logo.

DPS e-Ticket Technical Staff

-----Original Message-----
From: Dana Whitlock <dwhitlock@birchfieldpd.test>
Sent: Friday, November 27, 2026 11:05 AM
To: dps.eTicket@vermont.gov
Subject: Birchfield PD e-ticket

Birchfield Police Department would like to start e-ticketing. I will be the contact.

Whitlock\tDana\tSergeant\t04417\tdwhitlock
Pryor\tSam\tOfficer\t04482\tspryor
"""


def test_a_code_corrected_is_the_code_though_the_one_taken_back_was_not_read() -> None:
    result = parse_message(
        mail(
            _CORRECTED_CODE,
            sender=_SENDER,
            subject="RE: Birchfield PD e-ticket",
            in_reply_to="<desk-1127@vermont.gov>",
        )
    )
    assert result.intent == "enrollment"
    assert result.agency.judiciary_code == "0617"
    assert "agency.judiciary_code" not in result.missing
