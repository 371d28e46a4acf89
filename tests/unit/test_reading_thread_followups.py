"""Follow-ups and forwards inside an enrolment's thread: an answer written under the
desk's quoted checklist that names the officer by first name only, a phone's forward
under "-------- Original message --------", a forward whose note corrects the PoC, a
chief's authorization pasted into a reply ("As Chief of Police I authorize ..."), and a
clerk's "Hi Alan," reply over the chief's quoted request."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_LOGO = [("logo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png")]


def test_first_name_answer_takes_the_desks_full_name() -> None:
    body = (
        "Our code is 0912.\n"
        "Marco's username is mfontaine.\n\n"
        "Thanks\n"
        "--\n"
        "Chief Ada Quimby\n"
        "Birchfield Police Department\n\n"
        "On Wed, Mar 4, 2026 at 9:40 AM DPS - eTicket <dps.eTicket@vermont.gov> wrote:\n"
        "> Chief Quimby,\n"
        ">\n"
        "> Thanks for your request. We still need:\n"
        ">\n"
        ">   - your 4-digit judiciary code\n"
        ">   - the DPS username for Corporal Marco Fontaine\n"
        ">\n"
        "> DPS e-Ticket Technical Staff\n"
    )
    raw = mail(
        body,
        sender="Ada Quimby <aquimby@birchfieldvt.test>",
        subject="Re: Birchfield PD e-ticket enrollment",
        in_reply_to="<desk-1@vermont.gov>",
    )
    result = parse_message(raw)
    assert result.intent == "enrollment"
    [officer] = result.officers
    assert (officer.first_name, officer.last_name) == ("Marco", "Fontaine")
    assert officer.title == "Corporal"
    assert officer.dps_username == "mfontaine"


def test_android_forward_under_original_message_is_the_request() -> None:
    body = (
        "Chief's letter below. Logo attached.\n\n"
        "Dana\n\n"
        "Sent from my Galaxy\n\n\n"
        "-------- Original message --------\n"
        "From: Rhea Stanhope <rstanhope@millbrookvt.test>\n"
        "Date: 3/2/26 6:15 PM (GMT-05:00)\n"
        "To: Dana Pruitt <dpruitt@millbrookvt.test>\n"
        "Subject: e-ticket letter\n\n"
        "Good evening,\n\n"
        "Millbrook Police Department would like to participate in e-ticketing. I have "
        "designated Officer Dana Pruitt (dpruitt@millbrookvt.test) as our e-ticket "
        "Point-of-Contact.\n\n"
        "Judiciary code: 0338\n"
        "Address: 14 Mill Lane, Millbrook, VT 05999\n"
        "Phone: 802-555-0177\n\n"
        "The officer roster will follow separately.\n\n"
        "Rhea Stanhope\n"
        "Chief of Police\n"
    )
    raw = mail(
        body,
        sender="Dana Pruitt <dpruitt@millbrookvt.test>",
        subject="Fwd: e-ticket letter",
        attachments=_LOGO,
    )
    result = parse_message(raw)
    assert result.intent == "enrollment"
    assert result.agency.judiciary_code == "0338"
    assert result.point_of_contact.name == "Dana Pruitt"
    assert result.head_of_department.name == "Rhea Stanhope"


def test_forward_note_correcting_the_contact_wins() -> None:
    body = (
        "One change to my request below: our e-ticket Point-of-Contact will be Cpl. Ines "
        "Varga (ivarga@hollisvt.test), not Sgt. Brandt. Everything else stands.\n\n"
        "Owen Marsh\n"
        "Chief of Police\n\n"
        "From: Owen Marsh\n"
        "Sent: Monday, March 2, 2026 10:30 AM\n"
        "To: dps.eTicket@vermont.gov\n"
        "Subject: Hollis PD - e-ticket participation\n\n"
        "Good morning,\n\n"
        "Hollis Police Department would like to start e-ticketing. I have designated "
        "Sergeant Paul Brandt as the e-ticket Point-of-Contact (pbrandt@hollisvt.test).\n\n"
        "Judiciary code: 0461\n"
        "Address: 2 Green Street, Hollis, VT 05998\n"
        "Phone: 802-555-0190\n\n"
        "Thank you,\n"
        "Owen Marsh\n"
        "Chief of Police\n"
    )
    raw = mail(
        body,
        sender="Owen Marsh <omarsh@hollisvt.test>",
        subject="FW: Hollis PD - e-ticket participation",
    )
    result = parse_message(raw)
    assert result.intent == "enrollment"
    assert result.point_of_contact.name == "Ines Varga"
    assert result.point_of_contact.email == "ivarga@hollisvt.test"


def test_as_chief_of_police_is_no_agency_name() -> None:
    body = (
        "Hi Alan,\n\n"
        "Here is the chief's authorization, pasted below.\n\n"
        "To DPS e-Ticket staff: As Chief of Police I authorize the Cedar Falls Police "
        "Department to participate in e-ticketing, and I designate Sgt. Mia Thorne as "
        "our e-ticket Point-of-Contact.\n\n"
        "Victor Lang\n"
        "Chief of Police\n\n"
        "Mia Thorne\n"
        "Sergeant\n"
    )
    raw = mail(
        body,
        sender="Mia Thorne <mthorne@cedarfallsvt.test>",
        subject="RE: Cedar Falls PD e-ticket request",
        in_reply_to="<desk-2@vermont.gov>",
    )
    assert parse_message(raw).agency.name == "Cedar Falls Police Department"


def test_greeting_line_is_no_signer_and_the_head_is_as_he_signed() -> None:
    body = (
        "Hi Alan,\n\n"
        "Per Chief Lacroix, here is our logo as a PNG file. Sorry it was left off.\n\n"
        "Jo Reade\n"
        "Office Manager\n"
        "Elmwood Police Department\n\n"
        "From: DPS - eTicket <dps.eTicket@vermont.gov>\n"
        "Sent: Friday, August 15, 2025 11:37 AM\n"
        "To: Bill Lacroix <blacroix@elmwoodvt.test>\n"
        "Subject: RE: Elmwood PD e-ticket request\n\n"
        "Chief,\n\n"
        "Everything looks complete except the logo. Can you resend it?\n\n"
        "Alan Greer\n"
        "DPS e-Ticket Technical Staff\n\n"
        "From: Bill Lacroix <blacroix@elmwoodvt.test>\n"
        "Sent: Thursday, August 14, 2025 3:50 PM\n"
        "To: DPS - eTicket <dps.eTicket@vermont.gov>\n"
        "Subject: Elmwood PD e-ticket request\n\n"
        "Good afternoon,\n\n"
        "Elmwood Police Department would like to start e-ticketing. I have designated "
        "Sergeant Nina Ruiz as the e-ticket Point-of-Contact (nruiz@elmwoodvt.test).\n\n"
        "- Judiciary code: 0542\n"
        "- Address: 9 Oak Street, Elmwood, VT 05997\n"
        "- Phone: 802-555-0133\n\n"
        "Last Name  First Name  Rank/Title  Officer Number  DPS Username\n"
        "Ruiz       Nina        Sergeant    5EW04           nruiz\n"
        "Hale       Tom         Officer     5EW10           thale\n\n"
        "Thank you,\n"
        "William Lacroix\n"
        "Chief of Police\n"
    )
    raw = mail(
        body,
        sender="Jo Reade <jreade@elmwoodvt.test>",
        subject="RE: Elmwood PD e-ticket request",
        in_reply_to="<desk-3@vermont.gov>",
        cc="Bill Lacroix <blacroix@elmwoodvt.test>",
        attachments=_LOGO,
    )
    result = parse_message(raw)
    assert result.intent == "enrollment"
    assert result.head_of_department.name == "William Lacroix"
    assert result.head_of_department.title == "Chief of Police"


def _answer_under_desk_ask(top: str) -> bytes:
    body = (
        f"{top}\n\n"
        "Lena Marsh\n"
        "Westbury PD\n\n"
        "On Thu, Apr 2, 2026 at 10:05 AM DPS eTicket <dps.eTicket@vermont.gov> wrote:\n"
        "> Hi Lena,\n"
        "> We can set up Westbury PD once we have the following:\n"
        "> - DPS username for Sgt. Omar Vance (7K210)\n"
        "> Thanks,\n"
        "> DPS e-Ticket technical staff\n"
    )
    return mail(
        body,
        sender="Lena Marsh <lmarsh@westburypd.test>",
        subject="Re: Westbury PD TraCS",
        in_reply_to="<desk-7@vermont.gov>",
    )


def test_an_answer_with_an_aside_after_a_dash_gives_the_username() -> None:
    """ "Sgt. Vance's username is ovance3 - he kept his old account.": the aside after
    the dash is no part of the value."""
    raw = _answer_under_desk_ask("Sgt. Vance's username is ovance3 - he kept his old account.")
    result = parse_message(raw)
    assert result.intent == "enrollment"
    [officer] = result.officers
    assert (officer.last_name, officer.dps_username) == ("Vance", "ovance3")


def test_an_answer_with_an_aside_in_brackets_gives_the_username() -> None:
    """ "Omar Vance is ovance3 (ovance was taken).": the bracketed aside is no value."""
    result = parse_message(_answer_under_desk_ask("Omar Vance is ovance3 (ovance was taken)."))
    assert result.intent == "enrollment"
    assert [(o.last_name, o.dps_username) for o in result.officers] == [("Vance", "ovance3")]
