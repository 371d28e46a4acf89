"""Values in odd shapes and places: officer numbers written in groups ("WD-214", "612 07"),
read whole when the groups are the roster's way of writing them; a WEBP or SVG logo found
(its format then judged by ``[logo] formats``); a code in the subject, a phone number
spelt in letters, a street and a PO box on lines of their own, an address a web form
gives part by part; a word on the rank in brackets that is no username."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.intake.model import ParseResult
from mailbot.intake.parse import parse_message

_AGENCY = (
    "Good morning,\n\nMaplewood Marine Patrol would like to begin issuing civil violation"
    " complaints electronically. Cpl. Hollis Brandt (hbrandt@maplewoodvt.test) will be our"
    " point of contact.\n\n"
    "Name on tickets: Maplewood Marine Patrol\nJudiciary code: 0482\n"
    "Address: 18 Harbor Lane, Maplewood, VT 05649\nPhone: 802-555-0188\n"
    "Logo: not attached, will follow\n\n"
)


def _mail(body: str, *, subject: str = "E-ticket enrollment") -> bytes:
    msg = EmailMessage()
    msg["From"] = "Capt. Ione Ferris <iferris@maplewoodvt.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = subject
    msg.set_content(body)
    return msg.as_bytes()


def _numbers(result: ParseResult) -> list[str | None]:
    return [o.officer_number for o in result.officers]


def test_dashed_numbers_of_the_whole_roster_are_read_whole() -> None:
    roster = (
        "Officers (numbers as our payroll prints them):\n\n"
        "  Last      First    Title       LEO #     DPS username\n"
        "  Brandt    Hollis   Corporal    WD-214    hollis.brandt\n"
        "  Ferris    Ione     Captain     WD-220    ione.ferris\n"
        "  Lasko     Pearl    Officer     WD-233    pearl.lasko\n\n"
        "Thank you,\nCapt. Ione Ferris\n"
    )
    result = parse_message(_mail(_AGENCY + roster))
    assert _numbers(result) == ["WD214", "WD220", "WD233"]
    assert not [i for i in result.invalid if i.field.startswith("officers")]


def test_one_dashed_number_among_plain_ones_is_left_for_staff() -> None:
    roster = (
        "Officers:\n\n"
        "  Last      First    Title       LEO #     DPS username\n"
        "  Brandt    Hollis   Corporal    WD214     hbrandt\n"
        "  Ferris    Ione     Captain     WD-220    iferris\n"
        "  Lasko     Pearl    Officer     WD233     plasko\n\n"
        "Thank you,\nCapt. Ione Ferris\n"
    )
    result = parse_message(_mail(_AGENCY + roster))
    assert _numbers(result) == ["WD214", "WD-220", "WD233"]
    assert "officers[1].officer_number" in {i.field for i in result.invalid}


def test_numbers_printed_with_a_blank_in_lines_without_a_heading() -> None:
    roster = (
        "Officers (numbers as printed on their academy certificates):\n\n"
        "Ferris, Ione        Captain      612 07    iferris\n"
        "Brandt, Hollis      Corporal     612 19    hbrandt\n\n"
        "Regards,\nCapt. Ione Ferris\n"
    )
    result = parse_message(_mail(_AGENCY + roster))
    assert [(o.last_name, o.officer_number, o.dps_username) for o in result.officers] == [
        ("Ferris", "61207", "iferris"),
        ("Brandt", "61219", "hbrandt"),
    ]
    assert "officers" not in result.missing


def test_dashed_numbers_in_brackets_in_running_text() -> None:
    prose = (
        "Please set up Cpl. Hollis Brandt (LEO 38-410, hbrandt), Officer Pearl Lasko"
        " (38-425, plasko) and Officer Tomas Vey (#38-431, tvey).\n\nThanks,\nIone Ferris\n"
    )
    result = parse_message(_mail(_AGENCY + prose))
    assert [(o.last_name, o.officer_number, o.dps_username) for o in result.officers] == [
        ("Brandt", "38410", "hbrandt"),
        ("Lasko", "38425", "plasko"),
        ("Vey", "38431", "tvey"),
    ]


# --- logos in other image formats -------------------------------------------------------

_LOGO_BODY = (
    "Hello,\n\nMaplewood Marine Patrol would like to begin issuing civil violation"
    " complaints electronically. Cpl. Hollis Brandt (hbrandt@maplewoodvt.test) will be our"
    " point of contact.\n\nName on tickets: Maplewood Marine Patrol\nJudiciary code: 0482\n"
    "Address: 18 Harbor Lane, Maplewood, VT 05649\nPhone: 802-555-0188\n"
    "Logo: attached ({name})\n\nOfficers:\n- Cpl. Hollis Brandt - MP201 - hbrandt\n\n"
    "Thank you,\nCapt. Ione Ferris\n"
)


def _with_image(name: str, data: bytes, subtype: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Capt. Ione Ferris <iferris@maplewoodvt.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "E-ticket enrollment"
    msg.set_content(_LOGO_BODY.format(name=name))
    msg.add_attachment(data, maintype="image", subtype=subtype, filename=name)
    return msg.as_bytes()


def test_a_webp_logo_is_the_logo() -> None:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (96, 80), (20, 40, 120)).save(out, format="WEBP")
    result = parse_message(_with_image("marine_patrol_badge.webp", out.getvalue(), "webp"))
    assert result.agency.logo == "marine_patrol_badge.webp"
    assert "agency.logo" not in result.missing  # sent: the format is judged, not asked for
    assert [i.field for i in result.invalid if "WEBP" in i.reason] == ["agency.logo"]


def test_an_svg_logo_is_the_logo_with_its_size_from_the_root_tag() -> None:
    svg = (
        b'<?xml version="1.0"?>\n<!-- drawn for the patrol -->\n'
        b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 180 120">'
        b'<rect width="180" height="120" fill="#123"/></svg>\n'
    )
    result = parse_message(_with_image("patrol_emblem.svg", svg, "svg+xml"))
    assert result.agency.logo == "patrol_emblem.svg"
    assert "agency.logo" not in result.missing
    assert [i.field for i in result.invalid if "SVG" in i.reason] == ["agency.logo"]
    assert result._logo_details is not None
    assert (result._logo_details["width"], result._logo_details["height"]) == (180, 120)


def test_an_svg_with_an_entity_is_not_expanded_and_not_a_logo() -> None:
    from mailbot.intake.vector_logo import svg_size

    bomb = b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaa">]><svg width="&a;">'
    assert svg_size(bomb) is None
    assert svg_size(b"<html><svg width='40' height='40'></svg></html>") is None
    assert svg_size(b'<svg width="64px" height="48">') == (64, 48)


# --- agency values written in other places and shapes -----------------------------------

_ROSTER = "Officers:\n- Cpl. Hollis Brandt - MP201 - hbrandt\n- Ofc. Pearl Lasko - MP204 - plasko\n"


def test_judiciary_code_given_only_in_the_subject() -> None:
    body = (
        "Good afternoon,\n\nMaplewood Marine Patrol asks to take part in e-ticketing."
        " Cpl. Hollis Brandt (hbrandt@maplewoodvt.test) will be our point of contact.\n\n"
        "Agency name for the e-ticket: Maplewood Marine Patrol\n"
        "Address: 18 Harbor Lane, Maplewood, VT 05649\nPhone: 802-555-0188\n\n"
        + _ROSTER
        + "\nRespectfully,\nCapt. Ione Ferris\n"
    )
    result = parse_message(
        _mail(body, subject="E-ticket request - Maplewood Marine Patrol (JC 0482)")
    )
    assert result.agency.judiciary_code == "0482"
    assert "agency.judiciary_code" not in result.missing


def test_a_phone_number_with_its_last_digits_spelt_in_letters() -> None:
    body = (
        "Hi,\n\nMaplewood Marine Patrol would like to get set up for electronic tickets."
        " I will be the point of contact myself.\n\nJudiciary Code - 0482\n"
        "Maplewood Marine Patrol\n18 Harbor Lane\nMaplewood, Vermont 05649\n"
        "802-555-BOAT (2628)\n\n" + _ROSTER + "\nThanks\nIone\n"
    )
    result = parse_message(_mail(body))
    assert result.agency.phone is not None
    assert "".join(c for c in result.agency.phone if c.isdigit())[-10:] == "8025552628"
    assert "agency.phone" not in result.missing


def test_street_and_po_box_on_their_own_lines_are_both_kept() -> None:
    body = (
        "Good morning,\n\nMaplewood Marine Patrol would like to start issuing VCVCs"
        " electronically. Cpl. Hollis Brandt is our e-ticket point of contact, his email is"
        " hbrandt@maplewoodvt.test.\n\nAgency JC# 0482\nMaplewood Marine Patrol\n"
        "18 Harbor Lane\nPO Box 311\nMaplewood, VT 05649\n802-555-0188\n\n"
        + _ROSTER
        + "\nThank you,\nCapt. Ione Ferris\n"
    )
    result = parse_message(_mail(body))
    assert result.agency.address == "18 Harbor Lane, PO Box 311, Maplewood, VT 05649"


def test_an_address_labelled_mailing_and_street_at_once() -> None:
    body = _AGENCY.replace("Address:", "Mailing/street address:").replace(
        "18 Harbor Lane,", "18 Harbor Lane, P.O. Box 311,"
    )
    result = parse_message(_mail(body + _ROSTER + "\nThanks,\nCapt. Ione Ferris\n"))
    assert result.agency.address == "18 Harbor Lane, P.O. Box 311, Maplewood, VT 05649"


def test_a_word_on_the_rank_in_brackets_is_no_username() -> None:
    body = _AGENCY + (
        "Officers (I left the DPS usernames off, we don't know them):\n"
        "  Capt. Ione Ferris - 52210\n  Officer Pearl Lasko - 52234 (reserve)\n\n"
        "Thank you,\nCapt. Ione Ferris\n"
    )
    result = parse_message(_mail(body))
    assert [(o.last_name, o.officer_number, o.dps_username) for o in result.officers] == [
        ("Ferris", "52210", None),
        ("Lasko", "52234", None),
    ]
    assert "officers[1].dps_username" in result.missing


def test_an_address_a_web_form_gives_field_by_field() -> None:
    body = (
        "Submitted values are:\n\nAgency name (as it should appear on e-ticket): Maplewood"
        " Marine Patrol\nJudiciary code: 0482\nStreet address: 18 Harbor Lane\n"
        "Town/City: Maplewood\nState: VT\nZIP code: 05649\nAgency phone: (802) 555-0188\n"
        "e-Ticket Point of Contact name: Cpl. Hollis Brandt\n"
        "e-Ticket Point of Contact email: hbrandt@maplewoodvt.test\n"
        "Officer list: will follow\n"
    )
    result = parse_message(_mail(body, subject="Webform submission: e-Ticket Agency Request"))
    assert result.agency.address == "18 Harbor Lane, Maplewood, VT 05649"
    assert not [i for i in result.invalid if i.field == "agency.address"]


def test_the_heads_title_a_web_form_gives_on_its_own_line() -> None:
    body = (
        "Submitted values are:\n\nAgency name (as it should appear on e-ticket): Maplewood"
        " Marine Patrol\nJudiciary code: 0482\nStreet address: 18 Harbor Lane\n"
        "Town/City: Maplewood\nState: VT\nZIP code: 05649\nAgency phone: (802) 555-0188\n"
        "Head of Department name: Ione Ferris\nHead of Department title: Harbor Master\n"
        "Head of Department email: iferris@maplewoodvt.test\n"
        "e-Ticket Point of Contact name: Cpl. Hollis Brandt\n"
        "e-Ticket Point of Contact email: hbrandt@maplewoodvt.test\n"
        "Officer list: will follow\n"
    )
    result = parse_message(_mail(body, subject="Webform submission: e-Ticket Agency Request"))
    assert result.head_of_department.name == "Ione Ferris"
    assert result.head_of_department.title == "Harbor Master"


def test_a_street_before_its_po_box_in_running_text_is_kept() -> None:
    body = (
        "Good morning,\n\nMaplewood Marine Patrol would like to enroll in e-ticketing."
        " Cpl. Hollis Brandt (hbrandt@maplewoodvt.test) will be our point of contact.\n\n"
        'Please show us on the ticket as "Maplewood Marine Patrol". Our judiciary code is'
        " 0482 and mail reaches us at 18 Harbor Lane, P.O. Box 311, Maplewood, VT 05649;"
        " the phone is 802-555-0188.\n\n" + _ROSTER + "\nThank you,\nCapt. Ione Ferris\n"
    )
    result = parse_message(_mail(body))
    assert result.agency.address == "18 Harbor Lane, P.O. Box 311, Maplewood, VT 05649"


def test_a_labelled_value_ends_where_the_next_labelled_piece_of_its_line_starts() -> None:
    body = (
        "Hello,\n\nRoxbury Police Department asks DPS to set up an agency record in TraCS."
        " Point of Contact: Cpl. Hollis Brandt (hbrandt@maplewoodvt.test)\n\n"
        "Agency: Roxbury Police Department | Judiciary code: 0377 | Address: 4 Mill Road,"
        " Roxbury, VT 05669 | Phone: 802-555-0141\n\n"
        "Officer records requested:\n\n"
        "Title: Officer | Last: Quimby | First: Nell | VT LEO #: 37R02 | DPS username: nquimby\n\n"
        "Thank you,\nIone Ferris\nChief of Police\n"
    )
    result = parse_message(_mail(body))
    assert result.agency.name == "Roxbury Police Department"
    assert result.agency.judiciary_code == "0377"


def test_a_code_in_brackets_after_the_agency_name_is_its_judiciary_code() -> None:
    body = (
        "Hi,\n\nWe swore in a new officer last week. Please create his record under "
        "Norwich PD (0733):\n\n"
        "Officer Bram Castellanos - LEO# N6204 - DPS username bcastellanos\n\n"
        "Thanks,\nPetra\n"
    )
    result = parse_message(_mail(body, subject="New officer"))
    assert result.intent == "officer_maintenance"
    assert result.agency.judiciary_code == "0733"


def test_a_picture_said_to_be_of_the_roster_is_not_the_logo() -> None:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (640, 480), (200, 200, 200)).save(out, format="JPEG")
    msg = EmailMessage()
    msg["From"] = "Capt. Ione Ferris <iferris@maplewoodvt.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "E-ticket enrollment"
    msg.set_content(
        "Hello,\n\nMaplewood PD wants to sign up for e-tickets.\n\nName on ticket: Maplewood "
        "Police Department\nJudiciary code 0482\n18 Harbor Lane, Maplewood, VT 05649\n"
        "802-555-0188\n\nA photo of our roster is attached.\n\nCapt. Ione Ferris\n"
    )
    msg.add_attachment(out.getvalue(), maintype="image", subtype="jpeg", filename="IMG_0042.JPG")
    result = parse_message(msg.as_bytes())
    assert result.agency.logo is None
    assert "agency.logo" in result.missing
