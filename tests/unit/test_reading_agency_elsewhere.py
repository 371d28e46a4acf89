"""The writer's own agency on a roster change that names it only indirectly: a name
wrapped over two lines."""

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
