"""Never ask the sender for a value written beside its label or its person: a worksheet
row "Judiciary Code | 0412", an address in the sentence where the writer makes himself
"the contact", a chief's full name in the headers of the note he wrote are read (or go to
staff), not asked again."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.data.build import xlsx
from tests.reading_mail import mail

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ROSTER = "Officers:\nSgt. Dale Orvis - PW201 - dorvis\nOfc. Lana Teague - PW202 - lteague\n"


def test_a_judiciary_code_on_a_worksheet_of_labels_and_values_is_read() -> None:
    body = (
        "Hello,\n\nThe Pawlet Police Department would like to start writing e-tickets. We "
        "talked it over with the select board this spring and bought two laptops and two "
        "printers with a grant, and our vendor loaded the software last week, so we are "
        "ready to test whenever your staff is. The summer traffic on Route 133 is heavy "
        "and my officers spend a good part of every shift writing paper tickets by hand, "
        "which takes them off the road longer than it should. Everything you asked for on "
        "the agency side (the judiciary code, the name as it should print, our address "
        "and phone) is on the first tab of the attached sheet, and the officers are "
        "listed below with their numbers and usernames. The logo will follow.\n\n"
        "Point of contact: Sgt. Dale Orvis, dorvis@pawletvt.org\n\n"
        f"{ROSTER}\nRegards,\nRuth Gage\nChief of Police\n"
    )
    sheet = xlsx(
        [
            ["Field", "Value"],
            ["Agency name", "Pawlet Police Department"],
            ["Judiciary Code", "0412"],
            ["Physical address", "12 School St, Pawlet, VT 05761"],
            ["Main phone", "802-325-3309"],
        ],
        sheet="Agency Info",
    )
    result = parse_message(
        mail(
            body,
            sender="Ruth Gage <rgage@pawletvt.org>",
            subject="e-ticket request",
            attachments=[("agency.xlsx", sheet, XLSX)],
        )
    )
    assert result.agency.judiciary_code == "0412"
    assert "agency.judiciary_code" not in result.missing


def test_an_address_where_the_writer_makes_himself_the_contact_is_not_asked() -> None:
    body = (
        "Hi - the chief asked me to pass this along.\n\nJoan Platt\nTown Clerk\n\n"
        "---------- Forwarded message ---------\n"
        "From: Ray Dodge <ray.dodge.rupertpd@gmail.com>\n"
        "Date: Mon, May 12, 2025 at 8:41 PM\nSubject: e-tickets\n"
        "To: Joan Platt <clerk@rupertvt.us>\n\n"
        "To DPS - Rupert Police Department asks to be set up for e tickets. I am the chief "
        "and the contact, use my email ray.dodge.rupertpd@gmail.com. Judiciary code 0433. "
        "Address 40 Main St, Rupert VT 05768, phone 802-394-7728. Officers are me, Chief "
        "Ray Dodge # RU401 user rdodge, and Officer Lee Fahey # RU402 user lfahey.\n\n"
        "Ray Dodge\nChief of Police\n"
    )
    result = parse_message(
        mail(body, sender="Joan Platt <clerk@rupertvt.us>", subject="Fwd: e-tickets")
    )
    assert "point_of_contact.email" not in result.missing
    if result.point_of_contact.email is None:
        asked = {q["field"]: [c["value"] for c in q["candidates"]] for q in result.questions}
        assert asked["point_of_contact.email"] == ["ray.dodge.rupertpd@gmail.com"]
    else:
        assert result.point_of_contact.email == "ray.dodge.rupertpd@gmail.com"


def test_a_chief_named_by_surname_is_read_in_full_from_his_forwarded_note() -> None:
    body = (
        "Hello,\n\nChief Van Ness asked me to forward the information below. I'm their IT "
        "contractor and the e-ticket point of contact.\n\nThanks,\nDave Pell\n\n"
        "============ Forwarded message ============\n"
        "From: Peter Van Ness <pvanness@danbypd.org>\nTo: Dave Pell <dave@pellit.net>\n"
        "Date: Tue, 23 Apr 2024 17:10:02 -0400\nSubject: e-ticket info\n"
        "============ Forwarded message ============\n\n"
        "Dave,\n\nHere's everything DPS needs.\n\nName on ticket: Danby Police Department\n"
        "JB code: 0391\n\nOfficers\nSgt. Ryan Hood - D4412 - rhood\nand me - D4400 - "
        "pvanness\n\nThanks\nPete\n\nChief Peter Van Ness\nDanby Police Department\n"
        "12 Main Street, Danby, VT 05739\n(802) 293-1271\n"
    )
    result = parse_message(
        mail(body, sender="Dave Pell <dave@pellit.net>", subject="Fwd: e-ticket info")
    )
    assert result.head_of_department.name == "Peter Van Ness"
    own = [o for o in result.officers if o.officer_number == "D4400"]
    assert own and own[0].first_name == "Peter"
    assert not any(p.startswith("officers") for p in result.missing)
