"""Two kinds a fresh set was misread on: the roster sent as a plain-text file typed in
columns (roster.txt), and "I designate Sgt. X as our e-ticket contact" (the designation
worded with "e-ticket contact" rather than "Point-of-Contact")."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.intake.parse import parse_message

_REQUEST = """\
Hello,

{designation}

Agency name: Lamoille Valley Police Department
Judiciary code: 0733
Address: 9 Portland Street, Morrisville, VT 05661
Phone: 802-555-0177
{roster}
Respectfully,
Dana Whitcomb
Chief of Police
"""


def _mail(body: str, txt: str | None = None) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Dana Whitcomb <dwhitcomb@lvpd.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "e-ticket agency request"
    msg.set_content(body)
    if txt is not None:
        msg.add_attachment(txt.encode(), maintype="text", subtype="plain", filename="users.txt")
    return msg.as_bytes()


def test_roster_in_a_plain_text_attachment_is_read() -> None:
    txt = (
        "Users for e-ticket\n\n"
        "Rank        Last        First     Officer #  Username\n"
        "Corporal    Labrecque   Simone    LV310      slabrecque\n"
        "Officer     Dunn        Caleb     LV322      cdunn\n"
    )
    body = _REQUEST.format(
        designation="Our e-ticket Point-of-Contact will be Cpl. Simone Labrecque, "
        "slabrecque@lvpd.test.",
        roster="The list of users is attached (users.txt).\n",
    )
    result = parse_message(_mail(body, txt))
    assert [(o.last_name, o.officer_number, o.dps_username) for o in result.officers] == [
        ("Labrecque", "LV310", "slabrecque"),
        ("Dunn", "LV322", "cdunn"),
    ]
    assert "officers" not in result.missing


def test_designated_as_our_e_ticket_contact() -> None:
    body = _REQUEST.format(
        designation="I designate Cpl. Simone Labrecque as our e-ticket contact, "
        "slabrecque@lvpd.test.",
        roster="\nOfficers:\n- Cpl. Simone Labrecque, LV310, slabrecque\n"
        "- Ofc. Caleb Dunn, LV322, cdunn\n",
    )
    result = parse_message(_mail(body))
    assert result.point_of_contact.name == "Simone Labrecque"
    assert result.point_of_contact.email == "slabrecque@lvpd.test"


def test_designated_as_the_departments_point_of_contact_with_an_apposition() -> None:
    """ "I hereby designate Lt. X, our Records Supervisor, as the Department's e-ticket
    Point-of-Contact": the person named, not the words before the label."""
    body = _REQUEST.format(
        designation="I hereby designate Lieutenant Simone Labrecque, our Records Supervisor, "
        "as the Department’s e-ticket Point-of-Contact. She may be reached at "
        "slabrecque@lvpd.test.",
        roster="\nOfficers:\n- Lt. Simone Labrecque, LV310, slabrecque\n"
        "- Ofc. Caleb Dunn, LV322, cdunn\n",
    )
    result = parse_message(_mail(body))
    assert result.point_of_contact.name == "Simone Labrecque"
    assert result.point_of_contact.email == "slabrecque@lvpd.test"


def test_dot_leaders_then_a_colon_part_label_and_value() -> None:
    """ "Judiciary Code.....: 0733": the colon after the dot leaders is no part of the value."""
    body = (
        _REQUEST.format(
            designation="Our e-ticket Point-of-Contact will be Cpl. Simone Labrecque, "
            "slabrecque@lvpd.test.",
            roster="\nOfficers:\n- Cpl. Simone Labrecque, LV310, slabrecque\n",
        )
        .replace("Judiciary code: 0733", "Judiciary Code.....: 0733")
        .replace("Address: 9", "Address...........: 9")
    )
    result = parse_message(_mail(body))
    assert result.agency.judiciary_code == "0733"
    assert result.agency.address == "9 Portland Street, Morrisville, VT 05661"


def test_a_vendors_first_name_mailbox_is_the_contacts() -> None:
    """A contractor named PoC "can be reached at nils@vendor": a mailbox made of the
    first name alone, on the vendor's domain, is theirs."""
    body = _REQUEST.format(
        designation="Our IT is handled by Ridgeline Computing, and I am designating their "
        "technician, Nils Garvey, as our e-ticket point of contact. He can be reached at "
        "nils@ridgelinecomputing.test or 802-555-0101.",
        roster="\nOfficers:\n- Cpl. Simone Labrecque, LV310, slabrecque\n",
    )
    result = parse_message(_mail(body))
    assert result.point_of_contact.name == "Nils Garvey"
    assert result.point_of_contact.email == "nils@ridgelinecomputing.test"


def test_a_list_line_with_a_quoted_nickname_keeps_the_officer() -> None:
    """'Ofc. Thomas “Tommy” Baird – LV6T3 – tbaird': the name he goes by, quoted between
    his first and last name, does not lose his row."""
    body = _REQUEST.format(
        designation="Sgt. Ana Ruiz will be our e-ticket Point-of-Contact (aruiz@lvpd.test).",
        roster=(
            "Officers:\nSgt. Ana Ruiz – LV2A4 – aruiz\nOfc. Thomas “Tommy” Baird – LV6T3 – tbaird\n"
            'Ofc. Lee "Scooter" Park – LV8L2 – lpark\n'
        ),
    )
    result = parse_message(_mail(body))
    assert [(o.first_name, o.last_name, o.officer_number) for o in result.officers] == [
        ("Ana", "Ruiz", "LV2A4"),
        ("Thomas", "Baird", "LV6T3"),
        ("Lee", "Park", "LV8L2"),
    ]


def test_a_list_line_titled_with_a_head_title_of_several_words_is_read() -> None:
    """ "Whitcomb, Dana – Chief of Police – LV1D2 – dwhitcomb": a head's full title as the
    title cell keeps the row."""
    body = _REQUEST.format(
        designation="Sgt. Ana Ruiz will be our e-ticket Point-of-Contact (aruiz@lvpd.test).",
        roster=(
            "Officers:\nWhitcomb, Dana – Chief of Police – LV1D2 – dwhitcomb\n"
            "Ruiz, Ana – Sergeant – LV2A4 – aruiz\n"
        ),
    )
    result = parse_message(_mail(body))
    assert [(o.last_name, o.title, o.officer_number) for o in result.officers] == [
        ("Whitcomb", "Chief of Police", "LV1D2"),
        ("Ruiz", "Sergeant", "LV2A4"),
    ]
