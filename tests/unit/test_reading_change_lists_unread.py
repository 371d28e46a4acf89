"""Roster changes whose officers are listed apart from the words that ask what to do
with them: a table under a lead-in with a remark after it, an attached sheet under a
note, a list under its lead-in after a blank line."""

from __future__ import annotations

from collections.abc import Sequence

from tests.reading_mail import dumped, mail, roster_changes


def _changes(
    body: str, attachments: Sequence[tuple[str, bytes, str]] = ()
) -> list[dict[str, object]]:
    sender = "Lt. Orla Fenwick <ofenwick@quarrytownvt.test>"
    raw = mail(body, sender=sender, subject="TraCS records", attachments=attachments)
    return dumped(roster_changes(raw))


def test_the_sentence_pointing_at_a_table_says_what_its_rows_are() -> None:
    got = _changes(
        "Hello,\n\nPlease create TraCS officer records for the following officers. Ofc. "
        "Marsh is a lateral from Danby PD, his number there was different.\n\n"
        "Last Name\tFirst Name\tRank\tOfficer #\tDPS Username\n"
        "Marsh\tTobin\tOfficer\tQT401\ttmarsh\n"
        "Quill\tAda\tCorporal\tQT402\taquill\n\n"
        "Thanks,\nOrla Fenwick\nQuarrytown Police Department\n"
    )
    assert [(c["action"], c["officer_number"]) for c in got] == [
        ("add", "QT401"),
        ("add", "QT402"),
    ]


def test_an_attached_sheet_takes_the_action_of_the_sentence_pointing_at_it() -> None:
    sheet = (
        b"Last,First,Rank,LEO#,Reason\n"
        b"Tremblay,Owen,Deputy,QT311,Resigned\n"
        b"Ashby,Nell,Deputy,QT318,Moved out of state\n"
    )
    got = _changes(
        "Hi,\n\nThe attached file lists two deputies who are no longer employed with our "
        "department. Thank you for taking care of it.\n\nOrla Fenwick\n",
        attachments=[("leavers.csv", sheet, "text/csv")],
    )
    assert [(c["action"], c["officer_number"]) for c in got] == [
        ("deactivate", "QT311"),
        ("deactivate", "QT318"),
    ]


def test_an_attached_form_of_labels_beside_values_is_one_officer() -> None:
    form = (
        b"Last Name,Halvorsen\n"
        b"First Name,Ingrid\n"
        b"Middle Initial,K\n"
        b"Rank,Officer\n"
        b"VT LEO Number,QT377\n"
        b"DPS Username,ihalvorsen\n"
        b"Phone,802-555-0142\n"
    )
    got = _changes(
        "Attached is the sheet for our new hire, she needs a TraCS officer record.\n\n"
        "Orla Fenwick\n",
        attachments=[("hire.csv", form, "text/csv")],
    )
    assert got == [
        {
            "action": "add",
            "officer_number": "QT377",
            "last_name": "Halvorsen",
            "first_name": "Ingrid",
            "title": "Officer",
            "dps_username": "ihalvorsen",
        }
    ]


def test_a_list_under_its_lead_in_after_a_blank_line_takes_its_action() -> None:
    got = _changes(
        "To the e-Ticket staff,\n\nThe officers below have resigned from the Quarrytown "
        "Police Department. Their records should be deactivated:\n\n"
        "    Officer Piers Yardley, officer number QT220\n"
        "    Officer Willa Strand, officer number QT231\n"
        "    Sergeant Hollis Dray (number not on file here; DPS username hdray)\n\n"
        "Respectfully,\nOrla Fenwick\n"
    )
    assert [(c["action"], c.get("officer_number"), c["last_name"]) for c in got] == [
        ("deactivate", "QT220", "Yardley"),
        ("deactivate", "QT231", "Strand"),
        ("deactivate", None, "Dray"),
    ]


def test_the_sentence_ending_in_a_colon_says_what_the_list_under_it_is() -> None:
    got = _changes(
        "Hi,\n\nWe hired a lateral from Danby PD last month. Please add:\n"
        "Cpl. Rhea Lindqvist, LEO number QT455, DPS username rlindqvist\n\n"
        "Thanks,\nOrla\n"
    )
    assert [(c["action"], c["officer_number"]) for c in got] == [("add", "QT455")]


def test_a_request_asked_as_whether_it_is_possible_is_read() -> None:
    got = _changes(
        "Hello,\n\nQuick question - is it possible to get a new officer added? He was "
        "sworn last week.\n\nOfficer Tobias Wren\nVT LEO # QT488\nDPS username twren\n\n"
        "Thanks!\nOrla\n"
    )
    assert [(c["action"], c["officer_number"], c["last_name"]) for c in got] == [
        ("add", "QT488", "Wren")
    ]


def test_a_hire_forwarded_as_an_accepted_position_is_an_add() -> None:
    got = _changes(
        "Passing this along - he's cleared, please get him into TraCS.\n\n"
        "---------- Forwarded message ---------\nFrom: Town HR <hr@quarrytownvt.test>\n"
        "Subject: Offer accepted\n\nChief,\n\nOfficer Tobias Wren has accepted the position "
        "of Patrol Officer. Certification # QT489. His DPS username will be twren.\n\nHR\n"
    )
    assert [(c["action"], c["officer_number"]) for c in got] == [("add", "QT489")]
