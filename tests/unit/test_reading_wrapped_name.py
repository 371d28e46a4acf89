"""An agency's name that a plain-text mailer wrapped onto the next, indented line is
read whole (intake/wrapped_name)."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_BODY = """Good afternoon,

The Castleton Police Department would like to start issuing Vermont Civil
Violation Complaints electronically. I have designated Officer Jenna Moulton as
the e-ticket Point-of-Contact. Her e-mail is jmoulton@castletonvt.org.

  - The judiciary code assigned to the LEA:  0618
  - The proper name of the LEA to be displayed on the e-ticket:  {name}
  - The LEA's address and phone number:  263 Route 4A West, Castleton, VT
    05735 / 802-468-2202

Officer Last Name  Officer First Name  Officer Rank/Title  Officer Number  DPS Username
Caryl              Peter               Chief               CS101           pcaryl
Moulton            Jenna               Officer             CS114           jmoulton

Peter Caryl
Chief of Police
"""


def _name(name: str) -> str | None:
    raw = mail(
        _BODY.format(name=name),
        sender="Chief Peter Caryl <pcaryl@castletonvt.org>",
        subject="Request to establish TraCS agency record - Castleton PD",
    )
    return parse_message(raw).agency.name


def test_a_name_wrapped_onto_the_next_line_is_read_whole() -> None:
    assert _name("Castleton\n    Police Department") == "Castleton Police Department"


def test_a_whole_name_keeps_the_next_line_out() -> None:
    assert _name("Castleton Police Department\n    (as on our cruisers)") == (
        "Castleton Police Department"
    )
