"""Replies under the desk's own notices: a fix to the roster its "ready for use" notice
lists takes the number the notice gives; a corrected roster sent back because the desk
asked for it again completes the enrolment."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.intake.parse import parse_message

_READY = """\
Sgt. Pelletier,

The officer records below have been set up in TraCS and are ready for use.

Last Name | First Name | Title | Officer # | Username
Ashby | Colin | Corporal | WB011 | cashby
McAllister | Joanne | Officer | WB017 | jmcallister
D'Amato | Luca | Officer | WB023 | ldamato

Rene Thibault
DPS e-Ticket Technical Staff
"""


def test_a_fix_to_the_desks_ready_notice_takes_the_number_it_lists() -> None:
    """ "Luca D'Amato's username should be ldamato1": an update of the officer the
    desk's quoted notice lists, with the number it gives him."""
    quoted = "\n".join(("> " + line).rstrip() for line in _READY.splitlines())
    body = (
        "Hi Rene,\n\nThanks! One fix to the list below: Luca D'Amato's username should "
        "be ldamato1, not ldamato. The rest is right.\n\nGreg\n\n"
        "On Wed, Apr 9, 2025 at 9:02 AM DPS eTicket <dps.eTicket@vermont.gov> wrote:\n"
        f"{quoted}\n"
    )
    msg = EmailMessage()
    msg["From"] = "Greg Pelletier <gpelletier@westburyvt.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "Re: Westbury PD officer records ready"
    msg["In-Reply-To"] = "<desk-2@vermont.gov>"
    msg.set_content(body)
    result = parse_message(msg.as_bytes())
    assert result.intent == "officer_maintenance"
    got = [c.model_dump(exclude_none=True) for c in result.changes]
    assert len(got) == 1
    assert got[0]["action"] == "update"
    assert got[0]["officer_number"] == "WB023"
    assert got[0]["last_name"] == "D'Amato"
    assert got[0]["dps_username"] == "ldamato1"


def test_a_roster_sent_again_at_the_desks_asking_completes_the_enrolment() -> None:
    """The desk asked to resend the roster with full numbers: the corrected list that
    answers is the enrolment, not a roster change."""
    body = (
        "Rene,\n\nCorrected list below, numbers now in full.\n\n"
        "Ashby, Colin - Corporal - WB011 - cashby\n"
        "McAllister, Joanne - Officer - WB017 - jmcallister\n\n"
        "Greg Pelletier\nChief of Police\n\n"
        "-----Original Message-----\n"
        "From: DPS - eTicket <dps.eTicket@vermont.gov>\n"
        "Sent: Tuesday, April 8, 2025 10:00 AM\n"
        "To: Greg Pelletier <gpelletier@westburyvt.test>\n"
        "Subject: RE: Westbury PD e-ticket enrollment\n\n"
        "Chief Pelletier,\n\nThe officer numbers on your list are cut short. Please "
        "resend the list with the full 5-character numbers.\n\nRene Thibault\n\n"
        "-----Original Message-----\n"
        "From: Greg Pelletier <gpelletier@westburyvt.test>\n"
        "Sent: Monday, April 7, 2025 3:00 PM\n"
        "To: DPS - eTicket <dps.eTicket@vermont.gov>\n"
        "Subject: Westbury PD e-ticket enrollment\n\n"
        "Hello,\n\nWestbury Police Department would like to enroll in e-ticketing.\n"
        "Judiciary code: 0377\nAddress: 12 Mill Street, Westbury, VT 05600\n"
        "Phone: 802-555-0190\nPoint of contact: Cpl. Colin Ashby, cashby@westburyvt.test\n"
        "Roster:\nAshby, Colin - Corporal - 011 - cashby\n"
        "McAllister, Joanne - Officer - 017 - jmcallister\n\nGreg Pelletier\nChief of Police\n"
    )
    msg = EmailMessage()
    msg["From"] = "Greg Pelletier <gpelletier@westburyvt.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "RE: Westbury PD e-ticket enrollment"
    msg["In-Reply-To"] = "<desk-3@vermont.gov>"
    msg.set_content(body)
    result = parse_message(msg.as_bytes())
    assert result.intent == "enrollment"
    assert result.agency.judiciary_code == "0377"
    assert [o.officer_number for o in result.officers] == ["WB011", "WB017"]


def _chase(top: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Maya Thornbury <mthornbury@danbyvt.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "Re: Remove Ofc. Gallant"
    msg["In-Reply-To"] = "<own-1@danbyvt.test>"
    msg.set_content(
        f"{top}\n\nMaya\n\n"
        "On Mar 3, 2025, at 9:10 AM, Maya Thornbury <mthornbury@danbyvt.test> wrote:\n"
        "> Please deactivate Ofc. Owen Gallant, DB017, as of today. He resigned.\n>\n"
        "> Lt. Maya Thornbury\n> Danby Police Department\n"
    )
    return msg.as_bytes()


def test_a_chase_on_the_senders_own_change_is_an_enquiry() -> None:
    """ "Following up on my email about Ofc. Owen Gallant (DB017): is it done?" asks
    where the earlier request stands; it is no new request."""
    result = parse_message(
        _chase(
            "Hi, following up on my email from March 3 about Ofc. Owen Gallant (DB017). "
            "His name still shows on our cruiser laptop. Has it gone through yet?"
        )
    )
    assert result.intent == "other"
    assert result.changes == []


def test_a_follow_up_that_gives_something_new_is_still_the_request() -> None:
    result = parse_message(
        _chase(
            "Following up on my email below: also deactivate Ofc. Lena Price, DB022. "
            "Did the first one go through?"
        )
    )
    assert result.intent == "officer_maintenance"


def test_an_answer_under_the_desks_restated_request_completes_it() -> None:
    """The desk restates the request it could not finish ("We received your request to
    add Officer Tessa Ruel, but her officer number was not included"); "Ruel is
    GR4K2" answers it: the add, with that number."""
    msg = EmailMessage()
    msg["From"] = "Paul Varney <pvarney@granbyvt.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "Re: TraCS add request - number needed"
    msg["In-Reply-To"] = "<desk-4@vermont.gov>"
    msg.set_content(
        "Ruel is GR4K2.\n\nPaul\n\n"
        "On Tue, Nov 4, 2025 at 9:20 AM DPS eTicket <dps.eTicket@vermont.gov> wrote:\n"
        "> Sgt. Varney,\n>\n"
        "> We received your request to add Officer Tessa Ruel to Granby Police "
        "Department, but her officer number was not included. Please send her "
        "5-character VT LEO number so we can create the record.\n>\n"
        "> Thank you,\n> Rene Thibault\n> DPS e-Ticket Technical Staff\n"
    )
    result = parse_message(msg.as_bytes())
    assert result.intent == "officer_maintenance"
    got = [c.model_dump(exclude_none=True) for c in result.changes]
    assert [(c["action"], c["officer_number"], c["last_name"]) for c in got] == [
        ("add", "GR4K2", "Ruel")
    ]


def test_a_number_written_beside_one_surname_goes_to_that_officer_only() -> None:
    """Two adds wait on numbers; "Ruel is GR4K2. Bixby starts next month, number to
    follow." numbers Ruel's add and leaves Bixby's as it was."""
    msg = EmailMessage()
    msg["From"] = "Paul Varney <pvarney@granbyvt.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "Re: New officers"
    msg["In-Reply-To"] = "<own-5@granbyvt.test>"
    msg.set_content(
        "Ruel is GR4K2. Bixby starts next month, I'll send his when I have it.\n\nPaul\n\n"
        "On Tue, Nov 4, 2025 at 9:20 AM Paul Varney <pvarney@granbyvt.test> wrote:\n"
        "> Please add Officer Tessa Ruel, username truel.\n>\n"
        "> Please add Officer Dean Bixby, username dbixby.\n>\n"
        "> Sgt. Paul Varney\n> Granby Police Department\n"
    )
    result = parse_message(msg.as_bytes())
    got = {c.model_dump()["last_name"]: c.officer_number for c in result.changes}
    assert got == {"Ruel": "GR4K2", "Bixby": None}


def test_a_username_written_beside_one_surname_goes_to_that_officer_only() -> None:
    """ "Ruel's username is truel2 (truel was taken). Still waiting on Bixby's." under
    the desk's question on the sender's two adds: Ruel's add takes it, Bixby's not."""
    msg = EmailMessage()
    msg["From"] = "Paul Varney <pvarney@granbyvt.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "RE: New officers"
    msg["In-Reply-To"] = "<desk-6@vermont.gov>"
    msg.set_content(
        "Ruel's username is truel2 (truel was taken). Still waiting on IT for Bixby's "
        "account, I'll send it when I have it.\n\nPaul\n\n"
        "________________________________\n"
        "From: DPS - eTicket <DPS.eTicket@vermont.gov>\n"
        "Sent: Tuesday, November 4, 2025 9:20 AM\n"
        "To: Varney, Paul <pvarney@granbyvt.test>\n"
        "Subject: RE: New officers\n\n"
        "Can you send their DPS usernames?\n\n"
        "________________________________\n"
        "From: Varney, Paul <pvarney@granbyvt.test>\n"
        "Sent: Monday, November 3, 2025 3:00 PM\n"
        "To: DPS - eTicket <DPS.eTicket@vermont.gov>\n"
        "Subject: New officers\n\n"
        "Good afternoon,\n\nPlease add the following new officers to Granby PD in TraCS:\n\n"
        "Officer Tessa Ruel - GR412\nOfficer Dean Bixby - GR415\n\nThank you,\nPaul Varney\n"
    )
    result = parse_message(msg.as_bytes())
    got = {c.officer_number: c.model_dump().get("dps_username") for c in result.changes}
    assert got == {"GR412": "truel2", "GR415": None}


def test_the_enrolment_sent_before_is_told_of_not_asked_again() -> None:
    """ "When we sent our enrollment the number was cut short": a roster change that
    tells of the enrolment done before asks for no new one."""
    msg = EmailMessage()
    msg["From"] = "Ines Cote <icote@barnetvt.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "Barnet PD - a retirement and a fix"
    msg.set_content(
        "Good morning,\n\nPlease deactivate Officer Roy Tabor (BT204), who retired "
        "Friday.\n\nAlso, Officer Ana Lugo's officer number should be 00418. When we "
        "sent our enrollment the leading zeros were lost.\n\nThank you,\n\nInes Cote\n"
        "Barnet Police Department\n12 Church Street, Barnet, VT 05821\n(802) 555-0123\n"
    )
    result = parse_message(msg.as_bytes())
    assert result.intent == "officer_maintenance"


def test_thanks_for_a_done_request_the_desk_restates_is_no_request() -> None:
    msg = EmailMessage()
    msg["From"] = "Paul Varney <pvarney@granbyvt.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "Re: TraCS add request"
    msg["In-Reply-To"] = "<desk-7@vermont.gov>"
    msg.set_content(
        "Thanks Rene, that was quick!\n\nPaul\n\n"
        "On Tue, Nov 4, 2025 at 9:20 AM DPS eTicket <dps.eTicket@vermont.gov> wrote:\n"
        "> Sgt. Varney,\n>\n"
        "> We received your request to add Officer Tessa Ruel (GR412, truel) and her "
        "record has been created in TraCS. It is ready for use.\n>\n"
        "> Rene Thibault\n> DPS e-Ticket Technical Staff\n"
    )
    result = parse_message(msg.as_bytes())
    assert result.intent == "other"
    assert result.changes == []


_MADE = """\
Hello,

The TraCS Agency record for Granby Police Department and the Officer records listed
in your request have been established and are ready for use.

DPS e-Ticket Technical Staff
"""


def _under_made(reply: str) -> bytes:
    from tests.reading_mail import mail

    quoted = "\n".join(("> " + line).rstrip() for line in _MADE.splitlines())
    return mail(
        f"{reply}\n\nOn Nov 4, 2025, at 9:20 AM, DPS eTicket <dps.eTicket@vermont.gov> "
        f"wrote:\n\n{quoted}\n",
        sender="Paul Varney <pvarney@granbyvt.test>",
        subject="Re: TraCS records ready - Granby Police Department",
        in_reply_to="<desk-8@vermont.gov>",
    )


def test_a_row_sent_under_the_desks_records_made_notice_is_an_add() -> None:
    """ "Could you add one more: Deputy ..." under the notice that the records are made:
    the enrolment is done, the row is a record to add, not a roster to enrol."""
    result = parse_message(
        _under_made(
            "Thanks! Could you add one more: Officer Tessa Ruel, GR412, username truel. "
            "She passed her TraCS class yesterday.\n\nSgt. Paul Varney\nGranby PD"
        )
    )
    assert result.intent == "officer_maintenance"
    assert result.officers == []
    got = [c.model_dump(exclude_none=True) for c in result.changes]
    assert [(c["action"], c["officer_number"], c.get("dps_username")) for c in got] == [
        ("add", "GR412", "truel")
    ]


def test_starting_to_issue_under_the_records_made_notice_is_no_enrolment() -> None:
    """ "We'll start issuing next week" thanks for records made: it asks for nothing."""
    result = parse_message(_under_made("Thank you! We'll start issuing next week.\n\nPaul"))
    assert result.intent == "other"
    assert result.missing == []
