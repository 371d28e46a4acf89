"""What a change message says beside its table or its attached order: a transfer row
moving a record to the sender's own agency, the code in a new request's subject, the
order's items the note picks, and a reply's bare number for the request it answers."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.intake.model import ParseResult
from mailbot.intake.parse import parse_message
from tests.data import build

_DOCX = "vnd.openxmlformats-officedocument.wordprocessingml.document"


def _mail(body: str, subject: str = "TraCS changes", attach: bytes | None = None) -> ParseResult:
    msg = EmailMessage()
    msg["From"] = "Lt. Gail Sorensen <gsorensen@lyndonvt.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = subject
    msg.set_content(body)
    if attach is not None:
        msg.add_attachment(attach, maintype="application", subtype=_DOCX, filename="order.docx")
    return parse_message(msg.as_bytes())


def test_an_update_row_moving_a_record_to_us_names_our_agency_in_full() -> None:
    sheet = build.docx(
        rows=[
            ["Action", "Officer #", "Last Name", "First Name", "Title", "Notes"],
            [
                "Update (transfer in)",
                "L2210",
                "Moreau",
                "Ines",
                "Officer",
                "Coming from Barton PD. Please move her record to Lyndon PD.",
            ],
        ],
        paragraphs=["TraCS Officer Record Change Request"],
    )
    result = _mail(
        "Hi,\n\nPlease see the attached change form.\n\nGail Sorensen\nLyndon Police Department\n",
        attach=sheet,
    )
    assert result.intent == "officer_maintenance"
    [change] = result.changes
    assert (change.officer_number, change.model_dump().get("agency")) == (
        "L2210",
        "Lyndon Police Department",
    )


def test_the_code_in_a_change_requests_subject_is_the_agencys() -> None:
    result = _mail(
        "Good morning,\n\nPlease deactivate Deputy Noel Farrand (3R114), he retired.\n\n"
        "Gail Sorensen\nLyndon Police Department\n",
        subject="TraCS roster change - LPD - Jud Code 0617",
    )
    assert result.intent == "officer_maintenance"
    assert result.agency.judiciary_code == "0617"


def test_the_note_picks_the_items_of_the_attached_order_that_change() -> None:
    order = build.docx(
        paragraphs=[
            "LYNDON POLICE DEPARTMENT",
            "PERSONNEL ORDER 12",
            "1. Officer Ada Quill (VT LEO 4L101) is promoted to the rank of Sergeant.",
            "2. Sergeant Omar Field (VT LEO 4L202) is reassigned to Investigations with the "
            "title of Detective.",
            "3. Officer Kit Barrow (VT LEO 4L303) will serve as range officer. No change in rank.",
            "By order of:",
            "Gail Sorensen",
        ]
    )
    result = _mail(
        "Hi,\n\nAttached is our personnel order. Two items affect TraCS:\n"
        "  - Quill's title changes to Sergeant\n"
        "  - Field's title changes to Detective\n\n"
        "Item 3 (Barrow) is not a rank change so nothing needed there.\n\n"
        "Gail Sorensen\nLyndon Police Department\n",
        attach=order,
    )
    got = sorted((c.action, c.officer_number, c.model_dump().get("title")) for c in result.changes)
    assert got == [("update", "4L101", "Sergeant"), ("update", "4L202", "Detective")]
