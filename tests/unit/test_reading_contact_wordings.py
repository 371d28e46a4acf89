"""The Point-of-Contact in wordings of second-language writers and of writers who send for
the head: "designate X like the PoC", the role said before the person ("As PoC I am
designating X"), "asked me to send the forms and to act as the PoC" (the writer)."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.intake.model import ParseResult
from mailbot.intake.parse import parse_message

_REST = (
    "Judiciary code: 0766\nName on ticket: Quarry Brook Police Department\n"
    "Address: 9 Ledge Road, Quarry Brook, VT 05999\nPhone: 802-555-0170\nLogo: attached\n\n"
    "Last Name\tFirst Name\tRank\tOfficer #\tDPS Username\n"
    "Pellerin\tOdile\tSergeant\tQB207\topellerin\n"
    "Marchetti\tLouis\tOfficer\tQB212\tlmarchetti\n\n"
)


def _parse(body: str, sender: str) -> ParseResult:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "e-ticket enrollment"
    msg.set_content(body)
    msg.add_attachment(
        b"\x89PNG\r\n\x1a\n" + b"\0" * 64, maintype="image", subtype="png", filename="logo.png"
    )
    return parse_message(msg.as_bytes())


def test_designated_like_the_point_of_contact() -> None:
    body = (
        "Hello,\n\nOur department want to begin the e-ticket. I designate Sergeant Odile "
        "Pellerin like the Point-of-Contact for the e-ticket, her email is "
        "opellerin@quarrybrookvt.org . She will do the tests.\n\n" + _REST + "Thank you,\n"
        "Armand Thibault\nChief of Police\n"
    )
    got = _parse(body, "Armand Thibault <athibault@quarrybrookvt.org>")
    assert got.point_of_contact.name == "Odile Pellerin"
    assert got.point_of_contact.email == "opellerin@quarrybrookvt.org"


def test_the_role_said_before_the_person_designated() -> None:
    body = (
        "Dear colleagues,\n\nWe are ready for the e-ticket program. As Point of Contact I am "
        "designating Sergeant Odile Pellerin. Her email is opellerin@quarrybrookvt.org.\n\n"
        + _REST
        + "Kind regards,\nArmand Thibault\nChief of Police\n"
    )
    got = _parse(body, "Armand Thibault <athibault@quarrybrookvt.org>")
    assert got.point_of_contact.name == "Odile Pellerin"
    assert got.point_of_contact.email == "opellerin@quarrybrookvt.org"


def test_asked_me_to_send_the_forms_and_to_act_as_the_contact() -> None:
    body = (
        "Hi,\n\nI'm the records clerk for Quarry Brook PD. The Chief asked me to mail in "
        "the forms and to act as the e-ticket point of contact (nlavoie@quarrybrookvt.org).\n\n"
        + _REST
        + "Thanks,\nNadia\n\n--\nNadia Lavoie-Brent\nRecords Clerk\n"
    )
    got = _parse(body, "Nadia Lavoie-Brent <nlavoie@quarrybrookvt.org>")
    assert got.point_of_contact.name == "Nadia Lavoie-Brent"
    assert got.point_of_contact.email == "nlavoie@quarrybrookvt.org"


def test_a_terse_note_sent_for_a_chief_it_does_not_name() -> None:
    """ "chief asked me to get this to u": the writer (the PoC) is not the head, whose
    name is asked for."""
    body = (
        "hi, chief asked me to get this to u before he goes on leave. im the point of "
        "contact (sgt odile pellerin), opellerin@quarrybrookvt.org\n\n" + _REST + "thx!\n"
    )
    got = _parse(body, "Odile Pellerin <odilep77@gmail.com>")
    assert got.head_of_department.name is None
    assert "head_of_department.name" in got.missing


def test_the_head_who_signs_an_attached_letter_under_a_staff_cover_note() -> None:
    """An office manager's cover note over the Sheriff's Word letter: the head is the one
    who signs the letter as Sheriff, not the office manager."""
    from tests.data import build

    letter = build.docx(
        [
            ["Last Name", "First Name", "Rank", "Officer Number", "DPS Username"],
            ["Pellerin", "Odile", "Sergeant", "QB207", "opellerin"],
            ["Marchetti", "Louis", "Deputy", "QB212", "lmarchetti"],
        ],
        [
            "To the e-Ticket staff:",
            "Quarry County Sheriff's Department would like to join e-ticketing. I have "
            "designated Sergeant Odile Pellerin (opellerin@quarrysheriff.org) as the "
            "e-ticket Point-of-Contact.",
            "Judiciary Code: 0766",
            "Proper name: Quarry County Sheriff's Department",
            "Address: 9 Ledge Road, Quarry Brook, VT 05999",
            "Phone: (802) 555-0170",
            "Sincerely,",
            "Harlan Whitcombe",
            "Sheriff",
        ],
    )
    msg = EmailMessage()
    msg["From"] = "Nadia Brent <nbrent@quarrysheriff.org>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "e-ticket request letter"
    msg.set_content(
        "Good morning,\n\nAttached is the Sheriff's letter asking to join e-ticketing, and "
        "our logo.\n\nThank you,\nNadia Brent\nOffice Manager\nQuarry County Sheriff's "
        "Department\n"
    )
    msg.add_attachment(
        letter,
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
        filename="request.docx",
    )
    msg.add_attachment(build.png(200, 200), maintype="image", subtype="png", filename="logo.png")
    got = parse_message(msg.as_bytes())
    assert (got.head_of_department.name, got.head_of_department.title) == (
        "Harlan Whitcombe",
        "Sheriff",
    )


_ROLL = (
    "Judiciary code: 0771\nName on ticket: Ferncliff Police Department\n"
    "Address: 14 Mill Lane, Ferncliff, VT 05998\nPhone: 802-555-0144\n\n"
    "Last Name\tFirst Name\tRank\tOfficer #\tDPS Username\n"
    "Varga\tIlona\tSergeant\tFC301\tivarga\n"
    "Okonjo\tBen\tOfficer\tFC309\tbokonjo\n\n"
)


def test_job_aside_with_a_word_in_brackets_before_the_poc_verb() -> None:
    body = (
        "Hello,\n\nFerncliff would like to start e-ticketing. Nadia Brandt, our records "
        "clerk (part-time), will be our e-ticket Point-of-Contact: nbrandt@ferncliffvt.org.\n\n"
        + _ROLL
        + "Thanks,\nIlona Varga\nChief of Police\n"
    )
    got = _parse(body, "Ilona Varga <ivarga@ferncliffvt.org>")
    assert (got.point_of_contact.name, got.point_of_contact.email) == (
        "Nadia Brandt",
        "nbrandt@ferncliffvt.org",
    )


def test_the_new_point_of_contact_is_the_plain_role() -> None:
    body = (
        "Good morning,\n\nAs of today Sergeant Ilona Varga is the new e-ticket "
        "Point-of-Contact for Ferncliff. Her email is ivarga@ferncliffvt.org.\n\n"
        + _ROLL
        + "Regards,\nOren Pike\nChief of Police\n"
    )
    got = _parse(body, "Oren Pike <opike@ferncliffvt.org>")
    assert (got.point_of_contact.name, got.point_of_contact.email) == (
        "Ilona Varga",
        "ivarga@ferncliffvt.org",
    )


def test_point_of_contact_in_full_then_a_name_and_address_without_a_colon() -> None:
    body = (
        "Enrolling Ferncliff PD for e-tickets\nPoint of contact Sgt Ilona Varga "
        "ivarga@ferncliffvt.org\n" + _ROLL + "Oren Pike, chief\n"
    )
    got = _parse(body, "Oren Pike <opike@ferncliffvt.org>")
    assert (got.point_of_contact.name, got.point_of_contact.email) == (
        "Ilona Varga",
        "ivarga@ferncliffvt.org",
    )


def test_writer_introducing_himself_with_the_poc_among_his_roles() -> None:
    body = (
        "Hi,\n\nOren Pike here, chief (and records clerk, and e-ticket PoC) for Ferncliff. "
        "We would like to enrol.\n\n" + _ROLL + "Thanks,\nOren\n"
    )
    got = _parse(body, "Oren Pike <opike@ferncliffvt.org>")
    assert (got.point_of_contact.name, got.point_of_contact.email) == (
        "Oren Pike",
        "opike@ferncliffvt.org",
    )


def test_an_introduction_with_a_clause_about_another_is_not_the_writer_made_poc() -> None:
    from mailbot.intake.poc_wording import self_introduced

    assert self_introduced("Oren Pike here, as Sgt Varga is our PoC for this") is None
    assert self_introduced("This is Oren Pike, chief and PoC for Ferncliff") is not None
