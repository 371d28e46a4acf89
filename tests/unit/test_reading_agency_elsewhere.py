"""The writer's own agency on a roster change that names it only indirectly: a name
wrapped over two lines, a sign-off of initials the message spells out, a reply under
the desk's notice of work done for his agency."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.intake.model import ParseResult
from mailbot.intake.parse import parse_message


def _parse(body: str, sender: str, subject: str) -> ParseResult:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = subject
    msg.set_content(body)
    return parse_message(msg.as_bytes())


def test_agency_name_wrapped_over_two_lines_is_read_whole() -> None:
    body = (
        "To the e-Ticket desk,\n\nThe following officer is no longer employed by the "
        "Quarry Brook Police\n"
        "Department. Please deactivate his TraCS officer record.\n\n"
        "  - Ofc. Dan Pike   #Q2241   resigned 05/02/2025\n\n"
        "--\nAnn Dube\nRecords Clerk\nQuarry Brook Police Department\n"
        "9 Ledge Rd, Quarry Brook VT 05999\n"
    )
    got = _parse(body, "Records <records@qbvt.org>", "Deactivate officer")
    assert got.intent == "officer_maintenance"
    assert got.agency.name == "Quarry Brook Police Department"


def test_agency_signed_by_its_initials_as_the_message_spells_them_out() -> None:
    body = (
        "Morning,\n\nDeputy Kyle Ames, LEO # Q3307, came over to us from another department "
        "as of Oct 1. Can you move his TraCS record to Quarry County Sheriff's Department "
        "and change his title to Deputy?\n\nThanks\nSgt. Dale Whit\nQCSD\n"
    )
    got = _parse(body, "Dale Whit <dwhit@qcsheriff.org>", "Transfer - Ames")
    assert got.intent == "officer_maintenance"
    assert got.agency.name == "Quarry County Sheriff's Department"


def test_agency_the_desks_quoted_notice_was_written_for() -> None:
    body = (
        "Thanks Mike. One more - Officer Kris Bouch (LEO 35B71) resigned effective Friday, "
        "please deactivate her.\n\nPete\n\n"
        "On 11/10/2026 2:14 PM, DPS eTicket wrote:\n"
        "> Pete,\n> The following changes are complete for Quarry Brook Police Department:\n"
        ">   - Added: Officer Ryan Dees (35D88, rdees)\n"
        "> Let me know if you need anything else.\n> Mike, DPS e-Ticket\n"
    )
    got = _parse(body, "Pete Lar <plar@qbpd.org>", "Re: TraCS officer records updated")
    assert got.intent == "officer_maintenance"
    assert got.agency.name == "Quarry Brook Police Department"
