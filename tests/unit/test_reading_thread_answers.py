"""Replies on an enrolment thread whose values complete what the thread holds: a code
corrected, though the code taken back was given in a mail not quoted; the desk's recap
of the request ("Roster received:", "We have: PoC ..., address ...", "... is complete
(judiciary code ...)", "PoC (you)"), the agency it is of, the head it greets; usernames
a colleague lists by last name for the desk's list."""

from __future__ import annotations

from mailbot.intake.model import ParseResult
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


_QUARRY = "Nell Ashby <nashby@quarrytownvt.test>"


def _reply(top: str, desk: str) -> bytes:
    quoted = "\n".join(("> " + line).rstrip() for line in desk.splitlines())
    return mail(
        f"{top}\n\nOn Tue, Dec 1, 2026 at 1:52 PM DPS eTicket <dps.eTicket@vermont.gov> wrote:\n"
        f"{quoted}\n",
        sender=_QUARRY,
        subject="Re: e-ticket",
        in_reply_to="<desk-1201@vermont.gov>",
    )


_LIST_RECEIVED = """\
Chief Ashby -- to set up Quarrytown Police Department we still need your judiciary code,
the agency's address and phone, the logo, and a username for Officer Mott.
Roster received:
Ashby, Nell; Chief; 61Q01; nashby
Mott, Ray; Officer; 61Q04; (missing)

DPS e-Ticket Technical Staff
"""


def test_rows_under_received_are_the_roster_one_left_open_kept() -> None:
    """ "Roster received:" over the rows the desk holds: the roster given, the row whose
    username is "(missing)" kept without it, the username the reply gives filling it."""
    result = parse_message(
        _reply(
            "Code 0788. 14 Ledge Road, Quarrytown, VT 05999, 802-555-0142. Logo attached.\n"
            "Mott's username is rmott.",
            _LIST_RECEIVED,
        )
    )
    assert result.intent == "enrollment"
    rows = {o.last_name: o for o in result.officers}
    assert set(rows) == {"Ashby", "Mott"}
    assert rows["Mott"].first_name == "Ray"
    assert rows["Mott"].officer_number == "61Q04"
    assert rows["Ashby"].dps_username == "nashby"
    assert "officers" not in result.missing


_WE_HAVE = """\
Hello Chief Ashby,
Thank you for the enrollment request for the Quarrytown Police Department. We still need the
judiciary code and the logo.

{we_have}
Ashby, Nell, Chief, 61Q01, nashby
Mott, Ray, Officer, 61Q04, rmott

DPS e-Ticket Technical Staff
""".format(
    # one line, as a client that does not wrap sends it
    we_have="We have: PoC Sgt. Lena Voss (lvoss@quarrytownvt.test), address 14 Ledge Road, "
    "Quarrytown, VT 05999, phone 802-555-0142, and your roster of 2 officers:"
)


def _we_have() -> ParseResult:
    return parse_message(_reply("It's 0788. Logo attached.", _WE_HAVE))


def test_a_recap_sentence_over_rows_gives_its_values_and_the_rows() -> None:
    """ "We have: PoC ..., address ..., phone ..., and your roster of 2 officers:" over the
    rows: each value given (the address with its town and ZIP), the rows the roster."""
    result = _we_have()
    assert result.intent == "enrollment"
    assert result.agency.address == "14 Ledge Road, Quarrytown, VT 05999"
    assert result.agency.phone is not None and "555-0142" in result.agency.phone
    assert result.point_of_contact.name == "Lena Voss"
    assert result.point_of_contact.email == "lvoss@quarrytownvt.test"
    assert [o.last_name for o in result.officers] == ["Ashby", "Mott"]
    for path in ("agency.address", "agency.phone", "point_of_contact.name"):
        assert path not in result.missing


def test_the_agency_a_recap_is_of_is_named() -> None:
    """ "Thank you for the enrollment request for the Quarrytown Police Department" over
    the desk's recap: the agency the sender asked for, not asked for again."""
    result = _we_have()
    assert result.agency.name == "Quarrytown Police Department"
    assert "agency.name" not in result.missing


def test_the_head_greeted_by_last_name_is_named_as_his_row_gives_him() -> None:
    """ "Hello Sheriff Ashby," the desk's greeting, "Ashby, Nell, Chief" her row: the head
    named and titled as the roster the sender wrote gives her."""
    result = parse_message(
        _reply("It's 0788. Logo attached.", _WE_HAVE.replace("Chief Ashby", "Sheriff Ashby"))
    )
    head = result.head_of_department
    assert (head.name, head.title) == ("Nell Ashby", "Chief")


_COMPLETE = """\
Chief Ashby,
The agency information for the Quarrytown Police Department is complete (judiciary code 0788,
14 Ledge Road, Quarrytown, VT 05999, 802-555-0142, logo received). Please send the officer list
(last name, first name, rank/title, officer number, DPS username).
DPS e-Ticket Technical Staff
"""


def test_values_the_desk_says_are_complete_are_given() -> None:
    """ "The agency information for ... is complete (judiciary code 0788, 14 Ledge Road,
    ...)" over a reply sending the roster: the values in its brackets are given."""
    result = parse_message(_reply(_ROSTER_CSV_TEXT, _COMPLETE))
    assert result.intent == "enrollment"
    assert result.agency.judiciary_code == "0788"
    assert result.agency.address == "14 Ledge Road, Quarrytown, VT 05999"
    for path in ("agency.judiciary_code", "agency.address", "agency.phone"):
        assert path not in result.missing


_ROSTER_CSV_TEXT = """\
Here is the list.

Last,First,Title,Number,Username
Ashby,Nell,Chief,61Q01,nashby
Mott,Ray,Officer,61Q04,rmott
"""

_YOU_CONTACT = """\
Chief Ashby -- we still need the judiciary code, address and phone for Quarrytown Police
Department. Roster and Point of Contact (you) received:
Ashby, Nell, Chief, 61Q01, nashby
Mott, Ray, Officer, 61Q04, rmott
"""


def test_the_contact_the_desk_notes_as_you_is_the_sender() -> None:
    """ "Roster and Point of Contact (you) received:": the one the desk wrote to, the sender
    of the reply, is the Point of Contact, not asked for again."""
    result = parse_message(
        _reply("Code 0788, 14 Ledge Road, Quarrytown, VT 05999, 802-555-0142.", _YOU_CONTACT)
    )
    assert result.point_of_contact.email == "nashby@quarrytownvt.test"
    assert "point_of_contact.email" not in result.missing
    assert "point_of_contact.name" not in result.missing


_LOGINS_FORWARDED = """\
Below are the usernames from our records clerk. Anything else, let me know.

Chief Nell Ashby
Quarrytown Police Department

---------- Forwarded message ---------
From: Pat Kenney <pkenney@quarrytownvt.test>
Date: Mon, Nov 30, 2026 at 3:02 PM
Subject: logins
To: Nell Ashby <nashby@quarrytownvt.test>

Chief, the DPS usernames:
Ashby - nashby
Mott - rmott

Pat

---------- Forwarded message ---------
From: DPS eTicket <dps.eTicket@vermont.gov>
Date: Mon, Nov 30, 2026 at 9:40 AM
Subject: RE: Quarrytown PD enrollment
To: Nell Ashby <nashby@quarrytownvt.test>

Thank you, the agency record is ready. Before we can create the officer records we still
need the DPS username for each officer on your list:

Ashby, Nell - Chief - 61Q01
Mott, Ray - Officer - 61Q04

Agency: Quarrytown Police Department, judiciary code 0788, 14 Ledge Road, Quarrytown, VT
05999, 802-555-0142, logo received. PoC: Chief Nell Ashby.

DPS e-Ticket Technical Staff
"""


def test_usernames_a_colleague_lists_by_last_name_go_on_the_desks_list() -> None:
    """ "Ashby - nashby" in a colleague's note forwarded over the desk's list of officers
    still without usernames: each username on the officer it is made from."""
    result = parse_message(
        mail(
            _LOGINS_FORWARDED,
            sender=_QUARRY,
            subject="Fwd: logins",
            in_reply_to="<desk-1130@vermont.gov>",
        )
    )
    assert result.intent == "enrollment"
    users = {o.last_name: o.dps_username for o in result.officers}
    assert users == {"Ashby": "nashby", "Mott": "rmott"}
