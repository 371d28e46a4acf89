"""Lines near a roster that are not officers: the town, state and ZIP of the agency's
address (its ZIP shaped like an officer number), and an older list on another sheet of
the attached roster that names people already read; and a request written all in
capitals, whose agency name and head are read as in ordinary case."""

from __future__ import annotations

import io
from email.message import EmailMessage

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_SENDER = "Rosa Delgado <rdelgado@ludlowvt.test>"


def _rows(raw: bytes) -> list[tuple[str | None, ...]]:
    result = parse_message(raw)
    return [(o.last_name, o.first_name, o.officer_number, o.dps_username) for o in result.officers]


def test_town_state_and_zip_line_is_not_an_officer() -> None:
    """ "Ludlow VT 05149" above a roster of five-digit numbers reads as two words and a
    number, but a ZIP after the state is the address's: no officer, no username asked."""
    body = """\
Hi,

Ludlow PD would like to start with e-tickets. I am the point of contact, judiciary code 0742.

Ludlow Police Department
14 Depot Street
Ludlow VT 05149
802-555-0188

Roster
Sgt Tomas Ferreira 40122
Ofc Greta Lindqvist 40131

Usernames to follow.

Chief Rosa Delgado
"""
    raw = mail(body, sender=_SENDER, subject="e-ticket enrolment")
    assert _rows(raw) == [
        ("Ferreira", "Tomas", "40122", None),
        ("Lindqvist", "Greta", "40131", None),
    ]
    result = parse_message(raw)
    assert result.agency.address and "05149" in result.agency.address


def _workbook() -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Current"
    ws.append(["Rank", "Last", "First", "LEO Number", "DPS Username"])
    ws.append(["Chief", "Delgado", "Rosa", "LU310", "rdelgado"])
    ws.append(["Officer", "Lindqvist", "Greta", "LU318", "glindqvist"])
    old = wb.create_sheet("2019 list")
    old.append(["Last", "First"])
    old.append(["Delgado", "Rosa"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_older_sheet_naming_the_same_people_adds_no_row() -> None:
    """A second sheet listing by name only someone the roster already gives in full is an
    older copy of the list: it adds no officer (and no questions about one)."""
    msg = EmailMessage()
    msg["From"] = _SENDER
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "e-ticket enrolment - Ludlow PD"
    msg.set_content(
        "Ludlow Police Department would like to enrol in e-ticketing.\n"
        "Judiciary code: 0742\n\nRoster attached.\n\nRosa Delgado\nChief of Police\n"
    )
    msg.add_attachment(
        _workbook(),
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        filename="roster.xlsx",
    )
    raw = msg.as_bytes()
    assert _rows(raw) == [
        ("Delgado", "Rosa", "LU310", "rdelgado"),
        ("Lindqvist", "Greta", "LU318", "glindqvist"),
    ]
    assert not [m for m in parse_message(raw).missing if m.startswith("officers[2]")]


def test_request_in_capitals_gives_agency_name_and_head() -> None:
    """A request typed in capitals: the agency's name on its own line above its street
    (read in ordinary case, not asked for), and the head signing by title and last name
    with his full name in the roster."""
    body = """\
HELLO,

THE VILLAGE OF LUDLOW POLICE WANTS TO START USING E TICKETS. SGT TOMAS FERREIRA WILL BE OUR CONTACT.

JUDICIARY CODE 0742
LUDLOW POLICE DEPARTMENT
14 DEPOT STREET
LUDLOW VT 05149
802-555-0188

OFFICERS:
CHIEF ROSA DELGADO  LEO # LU310
SGT TOMAS FERREIRA  LEO # LU314

NO DPS LOGINS YET.

CHIEF DELGADO
LUDLOW PD
"""
    result = parse_message(mail(body, sender="rdelgado77@aol.test", subject="E TICKETS"))
    assert result.agency.name == "Ludlow Police Department"
    assert "agency.name" not in result.missing
    assert result.head_of_department.title == "Chief"
    assert (result.head_of_department.name or "").lower() == "rosa delgado"
    assert [o.last_name for o in result.officers] == ["DELGADO", "FERREIRA"]


def test_a_building_named_before_the_street_is_left_out_of_the_address() -> None:
    """ "Village Hall, 7 Tannery Lane" over "Orrin Falls, VT 05996-1234" under the
    agency's name: the street line with the building's name before it is the address's,
    read without that name, and the sender is not asked for it."""
    body = (
        "Hello,\n\nThe Orrin Falls Constable's Office would like to start e-ticketing. "
        "I will be the Point-of-Contact myself (ndrury@orrinfallsvt.test).\n\n"
        "Judiciary Code 0917\nOrrin Falls Constable's Office\nVillage Hall, 7 Tannery Lane\n"
        "Orrin Falls, VT 05996-1234\n802-555-0177\n\n"
        "Officers:\nNoel Drury, First Constable, VT LEO OF001, DPS\\ndrury\n"
        "Ada Kerr, Second Constable, VT LEO OF002, DPS\\akerr\n\n"
        "Thanks,\nNoel Drury\nFirst Constable, Orrin Falls\n"
    )
    result = parse_message(
        mail(body, sender="Noel Drury <ndrury@orrinfallsvt.test>", subject="e-ticketing")
    )
    assert result.agency.address == "7 Tannery Lane, Orrin Falls, VT 05996-1234"
    assert "agency.address" not in result.missing
