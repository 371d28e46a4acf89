"""A printed request form laid out in columns (a PDF's or a .txt's text): its labels
printed over their values, in sections named for a person ("PART B: HEAD OF
DEPARTMENT"), with the officer table in a section of its own and a signature block
after it. The labels are not an officer table's heading, nor the section headings and
the signature its rows."""

from __future__ import annotations

from mailbot.intake.form_layout import form_text, sections
from mailbot.intake.parse import parse_message
from mailbot.intake.rules import load_rules
from tests.reading_mail import mail

_FORM = """\
              TRACS AGENCY SET-UP FORM

PART A - AGENCY

Agency name as printed on tickets                      Judiciary Code
 Glover Constable Office                                0988

Street address                          Town              State    ZIP
 51 County Road                          Glover            VT       05839

Agency phone                    Fax
 (802) 555-0143                  (802) 555-0144

PART B - HEAD OF DEPARTMENT

Name                                        Title
 Marguerite Oyelaran                         First Constable

PART C - POINT OF CONTACT

Name                              Email                              Phone
 Dev Anand Sutter                  dsutter@glovervt.test              802-555-0145

PART D - USERS

Last Name        First Name     Title          Officer #     DPS Username

Oyelaran         Marguerite     Constable      GL001         moyelaran

Sutter           Dev Anand      Constable      GL002         dsutter

PART E - SIGNATURE
Signature                                                   Date
 /s/ Marguerite Oyelaran                                     03/04/2025
"""


def _mail(form: str) -> bytes:
    return mail(
        "Form attached, thanks.\n\nMarguerite\n",
        sender="Marguerite Oyelaran <moyelaran@glovervt.test>",
        subject="tracs form",
        attachments=[("form.txt", form.encode(), "text/plain")],
    )


def test_labels_over_values_are_written_before_them() -> None:
    text = form_text(_FORM, load_rules())
    assert "Agency name as printed on tickets: Glover Constable Office" in text
    assert "Judiciary Code: 0988" in text
    assert "HEAD OF DEPARTMENT: Marguerite Oyelaran, First Constable" in text
    assert "POINT OF CONTACT: Dev Anand Sutter, dsutter@glovervt.test, 802-555-0145" in text
    # the officer table stays a table, its rows together
    assert "Oyelaran         Marguerite     Constable      GL001         moyelaran\nSutter" in text
    assert len(sections(text, load_rules())) == 6


def test_a_form_in_sections_is_read_for_its_values_and_officers() -> None:
    result = parse_message(_mail(_FORM))
    assert result.intent == "enrollment"
    assert result.agency.name == "Glover Constable Office"
    assert result.agency.judiciary_code == "0988"
    assert result.point_of_contact.name == "Dev Anand Sutter"
    assert result.point_of_contact.email == "dsutter@glovervt.test"
    assert result.head_of_department.title == "First Constable"
    assert [
        (o.last_name, o.first_name, o.officer_number, o.dps_username) for o in result.officers
    ] == [
        ("Oyelaran", "Marguerite", "GL001", "moyelaran"),
        ("Sutter", "Dev Anand", "GL002", "dsutter"),
    ]


def test_a_table_of_one_row_is_no_label_row() -> None:
    text = "Last Name    First Name    Officer #\nDunn         Caleb         LV322\n"
    assert form_text(text, load_rules()) == text


_LETTER = """\
Agency name:            Stannard Town Constable
Judiciary Code:         0977
Address:                4 Stannard Mountain Road, Stannard, VT 05842
Telephone:              802-555-0191
Head of Department:     Ruth Abernathy-Kim, First Constable
Point of Contact:       Ruth Abernathy-Kim
PoC email:              rkim@stannardvt.test

Officers to be created:

Last Name        First Name     Title          Officer #     DPS Username
Abernathy-Kim    Ruth           Constable      ST001         rabernathykim

Whitcomb         Joel           Constable      ST004         jwhitcomb

Nakamura         Aiko           Constable      ST006         anakamura
"""


def test_rows_of_a_printed_table_apart_by_blank_lines_are_one_table() -> None:
    result = parse_message(_mail(_LETTER))
    assert [o.officer_number for o in result.officers] == ["ST001", "ST004", "ST006"]


def test_a_title_over_an_officer_tables_heading_is_no_label_row() -> None:
    text = (
        "EAST RIDGE PD              USER LIST\n\n"
        "NAME              RANK        LEO#\n"
        "----------------  ----------  -----\n"
        "DOE, JAN          OFFICER     ER101\n"
    )
    assert form_text(text, load_rules()) == text
