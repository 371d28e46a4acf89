"""A roster laid out in columns keeps each value in its column: a row that leaves a cell
empty (no officer number yet) has its login read as the login, and rows whose officer
numbers start with a digit ("48N05") are never joined as lines a client wrapped."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_TXT = """\
Last Name        First Name       Rank/Title       Officer No.      DPS Username

Harlow           Gwen             Chief            36H01            gharlow

Ibarra           Luis             Officer                           libarra
"""


def test_an_empty_cell_leaves_the_login_in_its_own_column() -> None:
    raw = mail(
        "Hello,\n\nThe roster for Harlow Police Department is attached. Officer Ibarra has "
        "no VT LEO number yet.\n\nJudiciary code: 0455\nAddress: 3 Elm Street, Harlow, VT "
        "05999\nPhone: 802-555-0175\nPoint of Contact: Chief Gwen Harlow, "
        "gharlow@harlowvt.test\n\nThanks,\nGwen Harlow\nChief of Police\n",
        sender="Gwen Harlow <gharlow@harlowvt.test>",
        subject="Harlow PD e-ticket enrolment",
        attachments=[("roster.txt", _TXT.encode(), "text/plain")],
    )
    result = parse_message(raw)
    ibarra = next(o for o in result.officers if o.last_name == "Ibarra")
    assert ibarra.dps_username == "libarra"
    assert ibarra.officer_number is None
    assert "officers[1].officer_number" in result.missing


_WIDE = """\
Chief Marc Olin asks that we enrol the Dunmore Police Department
in e-ticketing. Judiciary code 0611, 9 Pond Road, Dunmore, VT
05999, phone 802-555-0133. Lt. Rosa Pellerin is the point of
contact for this.

Officers:
Olinski, Marc - Chief - 48D01 - molinski
Pellerin, Rosanna - Lieutenant - 48D02 - rpellerin
Gosselin, Julienne - Corporal - 48D05 - jgosselin
Tran, Kevin - Officer - 48D10 - ktran

Thanks,
Rosa Pellerin
"""


def test_rows_with_numbers_that_start_with_a_digit_are_not_joined() -> None:
    raw = mail(_WIDE, sender="Rosa Pellerin <rpellerin@dunmorevt.test>", subject="Dunmore PD")
    result = parse_message(raw)
    assert [o.officer_number for o in result.officers] == ["48D01", "48D02", "48D05", "48D10"]
