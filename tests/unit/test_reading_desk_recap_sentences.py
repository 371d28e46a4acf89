"""The desk's recap written as a sentence ("We have the judiciary code (0163), the address
(...), and we have noted you as the Point of Contact (ann@...)"), or under words that
recap nothing themselves ("We have everything we need for the ... record:"): the values
it names are the sender's own request, and he is not asked for them again."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_SENDER = "Nell Ashby <nashby@quarrytownvt.test>"


def _reply(top: str, desk: str) -> bytes:
    quoted = "\n".join(("> " + line).rstrip() for line in desk.splitlines())
    return mail(
        f"{top}\n\nOn Tue, Dec 1, 2026 at 1:52 PM DPS eTicket <dps.eTicket@vermont.gov> wrote:\n"
        f"{quoted}\n",
        sender=_SENDER,
        subject="Re: Quarrytown PD e-ticket enrolment",
        in_reply_to="<desk-1201@vermont.gov>",
    )


_ROSTER = "Officers:\nAshby, Nell - Chief - 61Q01 - nashby\nMott, Ray - Officer - 61Q04 - rmott\n"

_IN_BRACKETS = """\
Chief Ashby,

Thank you for the Quarrytown Police Department enrollment request. We have the judiciary
code (0788), the address (14 Ledge Road, Quarrytown, VT 05999), phone (802-555-0142) and
the logo, and we have noted you as the Point of Contact (nashby@quarrytownvt.test).

The only item we still need is the officer list.

DPS e-Ticket Technical Staff
"""


def test_values_in_brackets_after_their_labels_are_given() -> None:
    result = parse_message(_reply(_ROSTER, _IN_BRACKETS))
    assert result.agency.judiciary_code == "0788"
    assert "Ledge Road" in (result.agency.address or "")
    assert result.point_of_contact.email == "nashby@quarrytownvt.test"
    assert result.point_of_contact.name == "Nell Ashby"
    for field in ("agency.judiciary_code", "agency.address", "point_of_contact.name"):
        assert field not in result.missing


_YOUR_CONTACT = """\
Chief Ashby,

Thank you for your request. We have your Point of Contact (Sgt. Lena Voss,
lvoss@quarrytownvt.test), judiciary code 0788, agency name, address and phone. Before we
can establish the agency record in TraCS we still need the officer list.

DPS e-Ticket Technical Staff
"""


def test_a_contact_in_brackets_and_a_code_after_its_label_are_given() -> None:
    result = parse_message(_reply(_ROSTER, _YOUR_CONTACT))
    assert result.agency.judiciary_code == "0788"
    assert result.point_of_contact.name == "Lena Voss"
    assert result.point_of_contact.email == "lvoss@quarrytownvt.test"
    assert "point_of_contact.name" not in result.missing


_EVERYTHING = """\
Chief Ashby,

Thank you, we have everything we need for the Quarrytown Police Department record:

Point of Contact: Chief Nell Ashby (nashby@quarrytownvt.test)
Judiciary Code: 0788
Address: 14 Ledge Road, Quarrytown, VT 05999
Phone: 802-555-0142

Officers:
Ashby, Nell - Chief - 61Q01 - nashby
Mott, Ray - Officer - 61Q04 - rmott

Please confirm the above is correct and we will create the records.

DPS e-Ticket Technical Staff
"""


def test_everything_we_need_opens_the_recap() -> None:
    result = parse_message(_reply("Also the phone is really 802-555-0143.", _EVERYTHING))
    assert result.agency.judiciary_code == "0788"
    assert [o.officer_number for o in result.officers] == ["61Q01", "61Q04"]
    assert "officers" not in result.missing


_CONFIRM_BELOW = """\
Chief Ashby,

We have everything we need. Before we build the records, please confirm the
details below:

  Judiciary code: 0788
  Address: 14 Ledge Road, Quarrytown, VT 05999
  Phone: 802-555-0142
  Point-of-Contact: Chief Nell Ashby (nashby@quarrytownvt.test)

DPS e-Ticket Technical Staff
"""


def test_words_that_recap_nothing_leave_the_recap_to_the_words_further_on() -> None:
    result = parse_message(_reply(f"All correct.\n\n{_ROSTER}", _CONFIRM_BELOW))
    assert result.agency.judiciary_code == "0788"
    assert "Ledge Road" in (result.agency.address or "")
