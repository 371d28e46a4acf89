"""Plain requests written as people write them: a constable who wants to start writing
e-tickets, a roster column headed by where the title shows, a chief's note forwarded by
his IT staff."""

from __future__ import annotations

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
