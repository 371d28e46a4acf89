"""Printed forms: labelled pieces set side by side on one line, and a change form's own
agency lines over a cover note's signature."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.data import build
from tests.pdfs import text_pdf


def test_a_label_after_a_wide_gap_ends_the_value_before_it() -> None:
    """A form filled in on one line ("Point of Contact: Sgt. Dana Keel     Email: ..."):
    the contact's name stops where the e-mail's label starts."""
    raw = build.eml(
        text="Please enrol our department in TraCS.\n\n"
        "Agency: Thetford Police Department\n"
        "Judiciary Code: 0723\n"
        "Address: 3910 VT Route 113, Thetford, VT 05074\n"
        "Phone: (802) 785-2111\n"
        "Point of Contact: Sgt. Dana Keel      Email: dkeel@thetfordvt.test\n"
        "Logo: attached\n\n"
        "Last Name | First Name | Rank | Officer Number | DPS Username\n"
        "Keel | Dana | Sergeant | TF104 | dkeel\n"
        "Mott | Owen | Officer | TF107 | omott\n\n"
        "Chief Alan Birch\n",
        sender="Alan Birch <abirch@thetfordvt.test>",
        subject="TraCS enrollment",
    )
    result = parse_message(raw)
    assert result.point_of_contact.name == "Dana Keel"
    assert result.point_of_contact.email == "dkeel@thetfordvt.test"


def test_a_change_forms_agency_lines_name_the_agency_over_the_signatures_short_name() -> None:
    """A change form attached under a one-line note signed with the agency's short name:
    the form's "Agency:" and "Judiciary Code:" lines are the agency's name and code."""
    form = text_pdf(
        [
            ["TraCS Officer Record Change Request"],
            [""],
            ["Agency: Norwich University Police Services"],
            ["Judiciary Code: 0871"],
            ["Submitted by: Lena Ames, Records Manager (e-ticket PoC)"],
            ["Date: 11/18/2026"],
            [""],
            ["Request", "Last Name", "First Name", "Title", "VT LEO #", "DPS Username"],
            ["New user", "Greer", "Tomas", "Officer", "NU207", "tgreer"],
            ["Title change", "Dorsey", "Kim", "Sergeant", "NU180", ""],
        ]
    )
    raw = build.eml(
        text="Hi - filled out the change form, it's attached. Two items.\n\nLena\n\nLena Ames\n"
        "Records Manager\n"
        "NU Police Services\n158 Harmon Drive, Northfield VT 05663\n802-485-2525\n",
        sender="Lena Ames <lames@nu.test>",
        subject="Officer record change",
        attachments=[("change.pdf", "application/pdf", form)],
    )
    result = parse_message(raw)
    assert result.intent == "officer_maintenance"
    assert result.agency.name == "Norwich University Police Services"
    assert result.agency.judiciary_code == "0871"
    assert [(c.action, c.officer_number) for c in result.changes] == [
        ("add", "NU207"),
        ("update", "NU180"),
    ]
