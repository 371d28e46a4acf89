"""Roster changes that were read as no request or as an enrolment: a change written only
in the subject line, a change asked as a question, a forward under a note whose
signature carries a confidentiality notice, a workbook whose tabs name the action, and
an attached CSV of changes under a signature with the agency's address and phone."""

from __future__ import annotations

import io
from email.message import EmailMessage

from mailbot.intake.parse import parse_message


def _message(
    subject: str, body: str, sender: str = "Pat Lund <plund@fairlee.test>"
) -> EmailMessage:
    m = EmailMessage()
    m["From"] = sender
    m["To"] = "dps.eticket@vermont.gov"
    m["Subject"] = subject
    m.set_content(body)
    return m


def _changes(raw: bytes) -> tuple[str, list[dict[str, object]]]:
    result = parse_message(raw)
    return result.intent, [c.model_dump(exclude_none=True) for c in result.changes]


def test_a_change_written_only_in_the_subject_line_is_read() -> None:
    m = _message("Remove Sgt. Kara Whitcomb FL207 - resigned 2/14 - Fairlee PD", "\n")
    intent, changes = _changes(bytes(m))
    assert intent == "officer_maintenance"
    assert changes and changes[0]["action"] == "deactivate"
    assert changes[0]["officer_number"] == "FL207"
    assert changes[0]["last_name"] == "Whitcomb"


def test_an_empty_reply_is_not_read_from_its_subject() -> None:
    m = _message("RE: Remove Sgt. Kara Whitcomb FL207", "\n")
    m["In-Reply-To"] = "<abc@vermont.gov>"
    _intent, changes = _changes(bytes(m))
    assert changes == []


def test_a_transfer_asked_as_a_question_is_a_request() -> None:
    body = (
        "Hello,\n\n"
        "Officer Marisol Quint started with Fairlee PD on Monday, coming from the Bradford "
        "Police Department. Her TraCS record is under Bradford, officer number BF112.\n\n"
        "Could her record be moved over to Fairlee Police Department with the same number? "
        "Also, do her pending citations stay with Bradford?\n\n"
        "Thanks,\nPat\n"
    )
    intent, changes = _changes(bytes(_message("Officer transfer", body)))
    assert intent == "officer_maintenance"
    assert [c["officer_number"] for c in changes] == ["BF112"]
    assert changes[0]["action"] == "update"


def test_a_forward_under_a_note_with_a_long_confidentiality_notice_is_unwrapped() -> None:
    notice = (
        "RESTRICTED - OFFICIAL USE: This transmission and anything attached to it is "
        "intended only for the individual to whom it is addressed and may hold material "
        "that is privileged or exempt from public disclosure. If you received this "
        "communication in error, tell the sender at once and erase it. Any review, use, "
        "copying or distribution by anyone else is not allowed and may be unlawful under "
        "state and federal law. Messages sent to and from this agency may be kept and "
        "reviewed as part of its records and are subject to the retention schedule that "
        "applies to them."
    )
    body = (
        "Hi,\n\nSending this on from the Lieutenant, see below.\n\n"
        "Tess Albee\nRecords Clerk\nFairlee Police Department\n"
        f"12 Main Street, Fairlee, VT 05045\n(802) 555-0142\n\n{notice}\n\n"
        "From: Grout, Evan <egrout@fairlee.test>\n"
        "Sent: Tuesday, March 4, 2025 9:12 AM\n"
        "To: Albee, Tess <talbee@fairlee.test>\n"
        "Subject: TraCS updates\n\n"
        "Tess, please send this to DPS.\n\n"
        "DPS, please make these changes for Fairlee PD:\n\n"
        "- Officer Noah Brink (FL031) retired 2/28. Please deactivate him.\n\n"
        "Lt. Evan Grout\n"
    )
    m = _message("FW: TraCS updates", body, "Tess Albee <talbee@fairlee.test>")
    intent, changes = _changes(bytes(m))
    assert intent == "officer_maintenance"
    assert [(c["action"], c["officer_number"]) for c in changes] == [("deactivate", "FL031")]


def test_a_workbook_whose_tabs_name_the_action_gives_each_row_that_action() -> None:
    from openpyxl import Workbook

    book = Workbook()
    hires = book.active
    hires.title = "New Hires"
    hires.append(["Fairlee PD - TraCS changes"])
    hires.append(["Last Name", "First Name", "Rank", "Officer #", "Username"])
    hires.append(["Varga", "Ilona", "Officer", "FL040", "ivarga"])
    gone = book.create_sheet("Separations")
    gone.append(["Officer #", "Last Name", "First Name", "Why"])
    gone.append(["FL018", "Tubb", "Oren", "Moved out of state"])
    data = io.BytesIO()
    book.save(data)
    m = _message("TraCS", "see attached\n")
    m.add_attachment(
        data.getvalue(),
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        filename="changes.xlsx",
    )
    intent, changes = _changes(bytes(m))
    assert intent == "officer_maintenance"
    assert [(c["action"], c["officer_number"]) for c in changes] == [
        ("add", "FL040"),
        ("deactivate", "FL018"),
    ]


def test_an_attached_csv_of_changes_under_a_full_signature_is_no_enrolment() -> None:
    body = (
        "Good morning,\n\nAttached are this month's e-ticket roster changes (one add, "
        "one retirement).\n\n"
        "Pat Lund\ne-Ticket Coordinator\nFairlee Police Department\n"
        "12 Main Street, Fairlee, VT 05045\n802-555-0142\n"
    )
    m = _message("Roster changes", body)
    csv = (
        "CHANGE TYPE,LEO NUMBER,LAST NAME,FIRST NAME,RANK,USERNAME\n"
        "ADD,FL044,MARSH,DEVIN,OFFICER,dmarsh\n"
        "DEACTIVATE,FL009,ROWE,ALMA,CORPORAL,\n"
    )
    m.add_attachment(csv.encode(), maintype="text", subtype="csv", filename="changes.csv")
    intent, changes = _changes(bytes(m))
    assert intent == "officer_maintenance"
    assert [(c["action"], c["officer_number"]) for c in changes] == [
        ("add", "FL044"),
        ("deactivate", "FL009"),
    ]
