"""Requests sent as a letter on paper: the head's signed letter attached as a PDF under a
clerk's short cover note, the note's sign-off naming the department."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.data import build
from tests.pdfs import text_pdf

_LETTER = [
    ["FAIRHAVEN POLICE DEPARTMENT"],
    ["7 Depot Street, Fairhaven, VT 05743 - (802) 555-0188"],
    ["Dear e-Ticket staff,"],
    ["The Fairhaven Police Department would like to begin issuing tickets electronically."],
    ["I have designated Corporal Ada Pryce as our Point-of-Contact, apryce@fairhaven.test."],
    ["Agency name: Fairhaven Police Department"],
    ["Judiciary code: 0592"],
    ["Address: 7 Depot Street, Fairhaven, VT 05743"],
    ["Phone: (802) 555-0188"],
    ["Please create officer records for:"],
    ["Marsh, Colin - Chief - F5901 - cmarsh"],
    ["Pryce, Ada - Corporal - F5912 - apryce"],
    ["Respectfully,"],
    ["Colin Marsh"],
    ["Chief of Police"],
]

_NOTE = """\
Hi,

Attached please find Chief Marsh's letter asking for e-ticket setup. Our seal is
attached too, as a png.

Thanks,
Lydia Venn
Office Manager
Fairhaven Police Department
"""


def test_a_letter_attached_under_a_note_signed_with_the_department_is_the_request() -> None:
    """The note's sign-off names the department, a value of its own: the attached
    letter, which carries the agency's values, is still the request to read."""
    raw = build.eml(
        text=_NOTE,
        sender="Lydia Venn <lvenn@fairhaven.test>",
        subject="Letter from the Chief - e-ticket",
        attachments=[
            ("Marsh letter.pdf", "application/pdf", text_pdf(_LETTER)),
            ("fairhaven_seal.png", "image/png", build.png(120, 120)),
        ],
    )
    got = parse_message(raw).to_json_dict()
    assert got["intent"] == "enrollment"
    agency = got["agency"]
    assert agency["judiciary_code"] == "0592"  # type: ignore[index]
    assert agency["address"] == "7 Depot Street, Fairhaven, VT 05743"  # type: ignore[index]
    assert [o["officer_number"] for o in got["officers"]] == ["F5901", "F5912"]  # type: ignore[union-attr]
    assert got["point_of_contact"] == {"name": "Ada Pryce", "email": "apryce@fairhaven.test"}
    assert got["missing"] == []
