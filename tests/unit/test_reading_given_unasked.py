"""Values a sender gave in his own way, read so he is never asked for them again: a bare
code over the agency's address, the PoC named by what she will do, the writer's own row
in one sentence, questions quoted one by one with the answers under them, a roster
signed right under its last row and a roster typed with slashes between its cells."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.intake.model import ParseResult
from mailbot.intake.parse import parse_message


def _parse(body: str, sender: str, *, reply: bool = False, logo: bool = True) -> ParseResult:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = ("Re: " if reply else "") + "e-ticket enrollment"
    if reply:
        msg["In-Reply-To"] = "<desk-1@vermont.gov>"
        msg["References"] = "<desk-1@vermont.gov>"
    msg.set_content(body)
    if logo:
        msg.add_attachment(
            b"\x89PNG\r\n\x1a\n" + b"\0" * 64, maintype="image", subtype="png", filename="logo.png"
        )
    return parse_message(msg.as_bytes())


_ROSTER = (
    "Last Name\tFirst Name\tRank\tOfficer #\tDPS Username\n"
    "Marchand\tOdile\tSergeant\tQB207\tomarchand\n"
    "Fortin\tLouis\tOfficer\tQB212\tlfortin\n\n"
)


def test_a_bare_code_over_the_agency_name_and_address_is_its_code() -> None:
    body = (
        "Hello,\n\nQuarry Brook Police Department would like to start issuing tickets "
        "electronically. I have designated Sergeant Odile Marchand as the e-ticket "
        "Point-of-Contact (omarchand@quarrybrookvt.org).\n\n"
        "Below is the information for the agency record:\n"
        "0766\nQuarry Brook Police Department\n9 Ledge Road, Quarry Brook, VT 05999, 802-555-0170\n"
        "logo attached\n\n" + _ROSTER + "Thank you,\nArmand Thibault\nChief of Police\n"
    )
    got = _parse(body, "Armand Thibault <athibault@quarrybrookvt.org>")
    assert got.agency.judiciary_code == "0766"
    assert "agency.judiciary_code" not in got.missing


def test_a_year_alone_far_from_the_agency_values_is_no_code() -> None:
    body = (
        "Hello,\n\nQuarry Brook Police Department would like to start e-tickets.\n\n"
        "Budget year:\n2026\n\nAgency: Quarry Brook Police Department\n\n"
        "Address: 9 Ledge Road, Quarry Brook, VT 05999\nPhone: 802-555-0170\n\n"
        + _ROSTER
        + "Thank you,\nArmand Thibault\nChief of Police\n"
    )
    got = _parse(body, "Armand Thibault <athibault@quarrybrookvt.org>")
    assert got.agency.judiciary_code is None


def test_the_person_who_will_run_this_is_the_contact() -> None:
    body = (
        "Hi folks,\n\nWe're ready to start e-tickets at Quarry Brook Police Department.\n\n"
        "Sgt. Odile Marchand will run this for us -- testing, training the officers, calling "
        "you when something breaks. Her email is omarchand@quarrybrookvt.org.\n\n"
        "Judiciary code: 0766\nAddress: 9 Ledge Road, Quarry Brook, VT 05999\n"
        "Phone: 802-555-0170\n\n" + _ROSTER + "Chief Armand Thibault\n"
    )
    got = _parse(body, "Armand Thibault <athibault@quarrybrookvt.org>")
    assert got.point_of_contact.name == "Odile Marchand"
    assert got.point_of_contact.email == "omarchand@quarrybrookvt.org"
    assert not {"point_of_contact.name", "point_of_contact.email"} & set(got.missing)


def test_the_writers_own_row_said_in_one_sentence_after_his_number() -> None:
    body = (
        "Hi this is Gil Ravenel, constable for the Town of Quarry Brook. I'd like to sign up "
        "for e-tickets. I'm the only one writing tickets so I'll be the contact too.\n\n"
        "Judiciary code 0766\nQuarry Brook Town Constable\n9 Ledge Road, Quarry Brook VT 05999\n"
        "802-555-0170\nMy LEO # is QB014, DPS username gravenel. Title Constable.\n"
        "Logo pic attached\n\nGil\n"
    )
    got = _parse(body, "Gil Ravenel <gil.ravenel@example.net>")
    [officer] = got.officers
    assert officer.officer_number == "QB014"
    assert officer.dps_username == "gravenel"
    assert officer.title == "Constable"
    assert not [p for p in got.missing if p.startswith("officers")]


def test_questions_quoted_one_by_one_are_answered_under_each() -> None:
    body = (
        "Hi,\n\nAnswering your questions from Monday:\n\n"
        "> Officer Fortin's VT LEO number?\nQB212\n\n"
        "> Officer Fortin's DPS username?\nlfortin\n\n"
        "> Is the PoC still you?\nYes, me (omarchand@quarrybrookvt.org).\n\n"
        "Everything else was in the Chief's email: Quarry Brook Police Department, judiciary "
        "code 0766, 9 Ledge Road, Quarry Brook, VT 05999, 802-555-0170.\n\n"
        "Odile Marchand\nSergeant, Quarry Brook Police Department\n"
    )
    got = _parse(body, "Odile Marchand <omarchand@quarrybrookvt.org>", reply=True, logo=False)
    assert got.point_of_contact.name == "Odile Marchand"
    assert got.point_of_contact.email == "omarchand@quarrybrookvt.org"
    [officer] = got.officers  # his number and his username are one officer's
    assert (officer.last_name, officer.officer_number, officer.dps_username) == (
        "Fortin",
        "QB212",
        "lfortin",
    )


def test_a_name_signed_right_under_the_last_row_is_the_writers_sign_off() -> None:
    body = (
        "Hello. I am the elected First Constable for Quarry Brook and would like\n"
        "to start issuing tickets electronically. I'll be the contact myself.\n"
        "Judiciary code 0766, 9 Ledge Road, Quarry Brook, VT 05999, 802-555-0170.\n"
        "Me: Ravenel, Gilbert, First Constable, 8Q001, gravenel\n"
        "Deputy: Fortin, Louis, Second Constable, 8Q002, lfortin\n"
        "Gil Ravenel\n"
    )
    got = _parse(body, "Quarry Brook Town Constable <constable@quarrybrookvt.org>")
    assert [o.last_name for o in got.officers] == ["Ravenel", "Fortin"]
    assert got.point_of_contact.name == "Gilbert Ravenel"
    assert got.head_of_department.name == "Gilbert Ravenel"


def test_a_heading_typed_with_slashes_is_no_officer() -> None:
    body = (
        "Hi, this is Officer Marchand, Chief Thibault's designated PoC. The rest of what\n"
        "you asked for, with the code and the logo, is all in this message as you asked:\n\n"
        "- Judiciary code: 0766\n- Name: Quarry Brook Police Department\n"
        "- 9 Ledge Road, Quarry Brook, VT 05999 / 802-555-0170\n\n"
        "Officer Last Name / First / Rank / Officer Number / DPS Username\n"
        "Marchand / Odile / Officer / QB207 / omarchand\n"
        "Fortin / Louis / Sergeant / QB212 / lfortin\n\n"
        "Please use my work address omarchand@quarrybrookvt.org for anything official,\n"
        "the town email is down today.\n\nOdile\n"
    )
    got = _parse(body, "Odile Marchand <omarchand.qb@example.net>", reply=True)
    assert [(o.last_name, o.dps_username) for o in got.officers] == [
        ("Marchand", "omarchand"),
        ("Fortin", "lfortin"),
    ]
