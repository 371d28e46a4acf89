"""Plain requests written as people write them: a constable who wants to start writing
e-tickets, a roster column headed by where the title shows, a chief's note forwarded by
his IT staff, a reply that keeps an officer the desk asked about off for now, a roster
pasted one value a line, "Per Chief ...", "Officer X who is NUMBER", the writer who will
be the e-ticket coordinator, a PDF's table between slashes, a title "he should print as"."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail


def _read(body: str, subject: str = "e-tickets", sender: str = "Ann Roy <aroy@a.test>") -> Any:
    return parse_message(mail(body, sender=sender, subject=subject))


def test_wanting_to_start_writing_e_tickets_is_an_enrolment() -> None:
    """ "would like to start writing e-tickets" asks for the agency's enrolment, as "start
    issuing" does: the constable, his own number, are read."""
    result = _read(
        "Hi,\nI am the town constable for Elmore and would like to start writing "
        "e-tickets. It is only me. My LEO number is EL007.\nWhat do you need?\n"
        "Ann Roy\nElmore Town Constable\n",
    )
    assert result.intent == "enrollment"
    assert result.head_of_department.name == "Ann Roy"
    assert [o.officer_number for o in result.officers] == ["EL007"]


def _xlsx(rows: list[list[object]]) -> bytes:
    import io

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_a_title_on_ticket_column_gives_the_titles() -> None:
    """A sheet headed "Title on ticket" gives each officer's title."""
    book = _xlsx(
        [
            ["Name (Last, First)", "Title on ticket", "VT LEO", "DPS login"],
            ["Roy, Ann", "Chief", "EL001", "aroy"],
            ["Hale, Bo", "Corporal", "EL014", "bhale"],
        ]
    )
    raw = mail(
        "Elmore Police Department would like to start issuing e-tickets. Judiciary code "
        "0555, 12 Main St, Elmore, VT 05657, 802-555-0100. Roster attached.\n\nAnn Roy\n"
        "Chief of Police\n",
        sender="Ann Roy <aroy@a.test>",
        subject="e-tickets",
        attachments=[("users.xlsx", book, _XLSX)],
    )
    result = parse_message(raw)
    assert [(o.last_name, o.title) for o in result.officers] == [
        ("Roy", "Chief"),
        ("Hale", "Corporal"),
    ]


_FORWARDED_NOTE = (
    "Forwarding the Chief's note below with what you asked for.\n\nAnn Roy\n"
    "Town IT Coordinator (and e-ticket PoC)\n\n"
    "---------- Forwarded message ---------\n"
    "From: Chief Bo Hale <bhale@elmorevt.test>\n"
    "Date: Wed, Mar 4, 2026 at 2:18 PM\nSubject: e-ticket\n"
    "To: Ann Roy <aroy@elmorevt.test>\n\n"
    "Ann - send to DPS. Elmore Village Police Department, judiciary 0555, 12 Main St "
    "Elmore VT 05657, 802-555-0100. You're the contact.\n"
    "Officers: Hale, Bo - Chief - EL001 - bhale\n-Bo\n"
)


def _forwarded() -> Any:
    return _read(
        _FORWARDED_NOTE, subject="FW: e-ticket", sender="Elmore IT - Ann Roy <aroy@elmorevt.test>"
    )


def test_the_chief_who_wrote_the_forwarded_note_is_the_head() -> None:
    """IT forwards the chief's short note ("From: Chief Bo Hale <...>"): the head is the
    chief, by his name and the title his From line carries."""
    result = _forwarded()
    assert result.intent == "enrollment"
    assert (result.head_of_department.name, result.head_of_department.title) == (
        "Bo Hale",
        "Chief",
    )


def test_an_acronym_ending_the_sentence_before_the_agency_is_no_part_of_its_name() -> None:
    """ "send to DPS. Elmore Village Police Department, ...": the name starts after "DPS."."""
    assert _forwarded().agency.name == "Elmore Village Police Department"


def test_an_officer_the_desk_asked_about_whom_the_reply_leaves_off_is_no_row() -> None:
    """The desk asked for three usernames; the reply gives two and says to leave the third
    officer off for now: he is not on the roster, and his username is not asked for."""
    desk = (
        "________________________________\n"
        "From: DPS - eTicket <dps.eTicket@vermont.gov>\n"
        "Sent: Monday, March 2, 2026 9:12 AM\n"
        "To: Ann Roy <aroy@a.test>\n"
        "Subject: e-Ticket enrollment - Elmore Police Department - items still needed\n\n"
        "Thank you for your request. Before we can enrol Elmore Police Department we "
        "still need:\n"
        "1. the DPS username of Chief Ann Roy (EL001)\n"
        "2. the DPS username of Officer Bo Hale (EL014)\n"
        "3. the DPS username of Officer Cy Lamb (EL022)\n\n"
        "DPS e-Ticket technical staff\n"
    )
    raw = mail(
        "Usernames: Roy = aroy, Hale = bhale. Lamb hasn't got one yet, he starts the "
        "academy next month so leave him off for now.\n\nA. Roy\n\n" + desk,
        sender="Ann Roy <aroy@a.test>",
        subject="RE: e-Ticket enrollment - Elmore Police Department - items still needed",
        in_reply_to="<desk-1@vermont.gov>",
    )
    result = parse_message(raw)
    assert sorted(o.last_name or "" for o in result.officers) == ["Hale", "Roy"]
    assert not [p for p in result.missing if p.startswith("officers")]


def test_a_roster_pasted_one_value_a_line_is_read_row_by_row() -> None:
    """A phone's paste of a table, one value a line and no heading: every five lines
    (the officer number at the same place in each) are one officer's row."""
    result = _read(
        "Elmore Police Dept would like to do eticketing. Code 0555. 12 Main St Elmore VT "
        "05657 / 802-555-0100.\n\nRoy\nAnn\nChief\nEL001\naroy\nHale\nBo\nOfficer\nEL014\n"
        "bhale\n\nSent from my phone\n",
    )
    assert [
        (o.last_name, o.first_name, o.title, o.officer_number, o.dps_username)
        for o in result.officers
    ] == [
        ("Roy", "Ann", "Chief", "EL001", "aroy"),
        ("Hale", "Bo", "Officer", "EL014", "bhale"),
    ]


def test_per_the_chief_names_the_head_the_request_is_sent_for() -> None:
    """ "Per Chief Bo Hale, Elmore Police Department requests ..." written by a sergeant:
    the head is the chief."""
    result = _read(
        "Hello,\n\nPer Chief Bo Hale, Elmore Police Department requests to participate in "
        "e-ticketing.\n\nPhone 802-555-0100\nAddress: 12 Main St, Elmore, VT 05657\n"
        "Judiciary code 0555\nOfficers:\nRoy, Ann - Sergeant - EL009 - aroy\n\n"
        "Ann Roy | Sergeant | Elmore Police Dept\n",
    )
    assert (result.head_of_department.name, result.head_of_department.title) == (
        "Bo Hale",
        "Chief",
    )


def test_an_officer_said_to_be_his_number_is_read_with_it() -> None:
    """ "..., and Officer Cy Lamb who is EL022 - I'm not sure of his username": the third
    officer of the sentence, with his number."""
    result = _read(
        "Elmore Police Department would like to get set up for e-tickets. Code 0555, 12 Main "
        "St, Elmore, VT 05657, 802-555-0100.\n\nIt would be Cpl. Ann Roy (LEO# EL001, "
        "username aroy), Officer Bo Hale (EL014, bhale), and Officer Cy Lamb who is EL022 - "
        "I'm not sure of his DPS username.\n\nThanks,\nBo Hale\nChief of Police\n",
    )
    assert [(o.last_name, o.officer_number) for o in result.officers] == [
        ("Roy", "EL001"),
        ("Hale", "EL014"),
        ("Lamb", "EL022"),
    ]


def test_the_writer_who_will_be_the_e_ticket_coordinator_is_the_contact() -> None:
    """ "E-ticket coordinator will be me, Ann Roy (Admin. Assistant), aroy@...": the writer
    is the Point-of-Contact, and is not asked for."""
    result = _read(
        "Hello,\n\nOn behalf of Chief Bo Hale, please accept this as Elmore Police "
        "Department's request to participate in e-ticketing.\n\nCourt ID #: 0555\n"
        "Mailing: 12 Main St, Elmore, VT 05657\nMain line: 802-555-0100\n\n"
        "E-ticket coordinator will be me, Ann Roy (Admin. Assistant), aroy@a.test.\n\n"
        "Officers:\nHale, Bo - Chief - EL001 - bhale\n\nAnn Roy\nAdministrative Assistant\n",
    )
    assert (result.point_of_contact.name, result.point_of_contact.email) == (
        "Ann Roy",
        "aroy@a.test",
    )
    assert not [p for p in result.missing if p.startswith("point_of_contact")]


def test_a_pdf_table_of_values_between_slashes_is_read() -> None:
    """An attached PDF's lines "Last / First / Title / LEO # / DPS user" over its rows, a
    blank line apart as the PDF's text comes out: every row is an officer."""
    text = (
        "Elmore PD - e-ticket users\n\nLast / First / Title / LEO # / DPS user\n\n"
        "Roy / Ann / Deputy / EL210 / aroy\n\nHale / Bo / Sheriff / EL001 / bhale\n"
    )
    from mailbot.intake.officer_reading import read_officers
    from mailbot.intake.rules import load_rules

    @dataclass
    class _Pdf:
        filename: str
        text: str

    found = read_officers("Deputies attached.", [], load_rules(), [], [_Pdf("users.pdf", text)])
    assert [(o.last_name, o.title, o.officer_number, o.dps_username) for o in found] == [
        ("Roy", "Deputy", "EL210", "aroy"),
        ("Hale", "Sheriff", "EL001", "bhale"),
    ]


def test_a_promotion_said_as_the_title_he_should_print_as() -> None:
    """ "Bo Hale (EL231) was promoted, he should now print as Corporal": the new title."""
    result = _read(
        "Morning - a change for Elmore PD:\n\n1) Bo Hale (EL231) was promoted, he should now "
        "print as Corporal.\n\nAnn\n",
        subject="roster change",
    )
    assert result.intent == "officer_maintenance"
    assert [(c.action, c.officer_number, c.title) for c in result.changes] == [
        ("update", "EL231", "Corporal")
    ]
