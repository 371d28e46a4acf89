"""Rosters sent as files: a spreadsheet's zero-padded numbers, its headings and its tabs,
a text export from Excel or a records system; and the people a roster's own notes keep
out."""

from __future__ import annotations

import io
from email.message import EmailMessage

from mailbot.intake.parse import parse_message

_BODY = """\
Good morning,

Birchfield Police Department would like to start issuing e-tickets.

Agency name: Birchfield Police Department
Judiciary code: 0877
Address: 12 Mill Road, Birchfield, VT 05999
Phone: 802-555-0142
Point of contact: Sgt. Nora Quill, nquill@birchfield.test
Our seal is attached.

{note}

Regards,
Martin Oakes
Chief of Police
"""

_PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x40\x00\x00\x00\x40\x08\x02\x00\x00"
    b"\x00%\x0b\xe6\x89" + b"\x00" * 300
)


def _mail(note: str, files: list[tuple[str, bytes, str, str]]) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Martin Oakes <moakes@birchfield.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "e-ticket enrolment"
    msg.set_content(_BODY.format(note=note))
    msg.add_attachment(_PNG, maintype="image", subtype="png", filename="seal.png")
    for name, data, maintype, subtype in files:
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return msg.as_bytes()


def _xlsx(sheets: dict[str, list[list[object]]], number_format: str | None = None) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
        if number_format:
            for cells in ws.iter_rows(min_row=2):
                for cell in cells:
                    if isinstance(cell.value, int):
                        cell.number_format = number_format
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


_XLSX = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def _officers(raw: bytes) -> list[tuple[str | None, ...]]:
    return [
        (o.last_name, o.first_name, o.officer_number, o.dps_username)
        for o in parse_message(raw).officers
    ]


def test_a_number_the_spreadsheet_pads_with_zeros_keeps_them() -> None:
    book = _xlsx(
        {
            "Officers": [
                ["Badge No.", "Rank", "Last", "First", "DPS User ID"],
                [3318, "Sgt.", "Quill", "Nora", "nquill"],
                [6120, "Ofc.", "Ferrand", "Luca", "lferrand"],
            ]
        },
        number_format="00000",
    )
    raw = _mail("The officers are in the workbook.", [("officers.xlsx", book, *_XLSX)])
    assert [o[2] for o in _officers(raw)] == ["03318", "06120"]


def test_a_training_council_number_heading_is_the_officer_number() -> None:
    book = _xlsx(
        {
            "Users": [
                ["BIRCHFIELD PD"],
                [],
                ["Name (First Last)", "Title", "VCJTC #", "DPS login"],
                ["Nora Quill", "Sergeant", 31180, "nquill"],
                ["Luca Ferrand", "Officer", 31192, "lferrand"],
            ]
        }
    )
    raw = _mail("Spreadsheet of our officers attached.", [("users.xlsx", book, *_XLSX)])
    result = parse_message(raw)
    assert [o.officer_number for o in result.officers] == ["31180", "31192"]
    assert not [p for p in result.missing if p.endswith("officer_number")]


def test_a_unicode_text_export_with_quoted_names_is_read_whole() -> None:
    text = (
        '"Name"\t"LEO #"\t"DPS Username"\r\n'
        '"Quill, Nora"\tB3318\tnquill\r\n'
        '"Ferrand, Luca"\tB6120\tlferrand\r\n'
        "\t\t\r\nTotal\t2\t\r\n"
    )
    data = b"\xff\xfe" + text.encode("utf-16-le")
    raw = _mail("Officer list attached as text.", [("officers.txt", data, "text", "plain")])
    assert _officers(raw) == [
        ("Quill", "Nora", "B3318", "nquill"),
        ("Ferrand", "Luca", "B6120", "lferrand"),
    ]


def test_a_records_system_extract_with_its_end_banner() -> None:
    text = (
        "BIRCHFIELD PD        PERSONNEL LISTING          PAGE 1\r\n\r\n"
        "LEO#   LAST NAME     FIRST NAME   RANK  DPS USERID\r\n"
        "-----  ------------  -----------  ----  ----------\r\n"
        "B3318  QUILL         NORA         SGT   nquill\r\n"
        "B6120  FERRAND       LUCA         PTL   lferrand\r\n\r\n"
        "   2 RECORD(S) LISTED\r\n"
        "*** END OF REPORT ***\r\n"
    )
    raw = _mail("Extract attached.", [("EXTRACT.TXT", text.encode(), "text", "plain")])
    result = parse_message(raw)
    assert [(o[2], o[3]) for o in _officers(raw)] == [("B3318", "nquill"), ("B6120", "lferrand")]
    assert result.invalid == []


def test_officers_who_should_not_be_set_up_are_left_off() -> None:
    csv = (
        "Last,First,Rank,LEO #,DPS Username\n"
        "Quill,Nora,Sergeant,B3318,nquill\n"
        "Ferrand,Luca,Officer,B6120,lferrand\n"
        "Aubin,Cole,Officer,B6177,caubin\n"
    )
    note = (
        "Roster attached. Please note: the new hire at the bottom, Aubin, has not finished "
        "the academy and should NOT be set up at this time."
    )
    raw = _mail(note, [("roster.csv", csv.encode(), "text", "csv")])
    assert [o[0] for o in _officers(raw)] == ["Quill", "Ferrand"]


_HEAD = ["Justice ID", "Name", "Rank", "Username"]


def _divisions() -> bytes:
    return _xlsx(
        {
            "Road": [_HEAD, ["B3318", "Quill, Nora", "Sgt.", "nquill"]],
            "Dispatch Liaison": [_HEAD, ["B6120", "Ferrand, Luca", "Ofc.", "lferrand"]],
            "Marine Unit": [_HEAD, ["B6177", "Aubin, Cole", "Ofc.", "caubin"]],
        }
    )


def test_a_tab_the_chief_skips_is_left_off() -> None:
    note = (
        "Officers are in the workbook, one tab per unit. The Dispatch Liaison unit never "
        "writes tickets, so please skip that tab."
    )
    raw = _mail(note, [("units.xlsx", _divisions(), *_XLSX)])
    assert [o[0] for o in _officers(raw)] == ["Quill", "Aubin"]


def test_a_tab_named_as_held_is_left_off_when_the_chief_holds_its_people() -> None:
    book = _xlsx(
        {
            "Sworn": [_HEAD, ["B3318", "Quill, Nora", "Sgt.", "nquill"]],
            "Part-time (HOLD)": [_HEAD, ["B6120", "Ferrand, Luca", "Ofc.", "lferrand"]],
        }
    )
    note = "The part-timers on the other tab are not certified yet; hold them for now."
    raw = _mail(note, [("units.xlsx", book, *_XLSX)])
    assert [o[0] for o in _officers(raw)] == ["Quill"]


def test_every_tab_is_read_when_no_tab_is_held() -> None:
    note = "Officers are in the workbook, one tab per unit; please skip nobody."
    raw = _mail(note, [("units.xlsx", _divisions(), *_XLSX)])
    assert [o[0] for o in _officers(raw)] == ["Quill", "Ferrand", "Aubin"]


def test_a_row_whose_own_note_says_not_to_enroll_is_left_off() -> None:
    book = _xlsx(
        {
            "Roster": [
                ["Rank", "Last", "First", "Officer #", "DPS Username", "Notes"],
                ["Sgt.", "Quill", "Nora", "B3318", "nquill", "e-ticket contact"],
                ["Ofc.", "Ferrand", "Luca", "B6120", "lferrand", "Retiring 5/1 - do not enroll"],
                ["Ofc.", "Aubin", "Cole", "B6177", None, "In the academy. Do NOT add yet."],
                ["Ofc.", "Roy", "Ella", "B6181", "eroy", "field training - hold"],
            ]
        }
    )
    raw = _mail("Check the Notes column, two of them should wait.", [("r.xlsx", book, *_XLSX)])
    assert [o[0] for o in _officers(raw)] == ["Quill", "Roy"]


def test_numbered_rows_a_mailer_wrapped_are_read_whole_with_their_asides() -> None:
    note = (
        "Officers to be entered - title, name, VT LEO number, DPS username:\n\n"
        "1. Sergeant Nora Quill, VT LEO # 31B02, DPS username nquill (point of\n"
        "contact)\n"
        "2. Officer Luca Ferrand (night shift lead), VT LEO # 31B07, DPS\n"
        "username lferrand\n"
        "3. Officer Cole Aubin, VT LEO # 31B11, DPS username - not\n"
        "issued yet\n"
    )
    raw = _mail(note, [])
    result = parse_message(raw)
    assert _officers(raw) == [
        ("Quill", "Nora", "31B02", "nquill"),
        ("Ferrand", "Luca", "31B07", "lferrand"),
        ("Aubin", "Cole", "31B11", None),
    ]
    assert "officers[2].dps_username" in result.missing


def test_officer_lines_of_labelled_pairs_between_pipes_with_other_labels() -> None:
    note = (
        "Officer records requested:\n\n"
        "Title: Sergeant | Last: Quill | First: Nora | VT LEO #: 31B02 | DPS username: "
        "DPS\\nquill | email: nquill@birchfield.test | notes: Car 1 / days, also FTO\n"
        "Title: Officer | Last: Ferrand | First: Luca | Middle: Jean | VT LEO #: 31B07 | "
        "DPS username: DPS\\lferrand | notes: Car 2 / nights, part-time = 24 hrs\n"
    )
    raw = _mail(note, [])
    assert _officers(raw) == [
        ("Quill", "Nora", "31B02", "nquill"),
        ("Ferrand", "Luca", "31B07", "lferrand"),
    ]


def _form() -> bytes:
    import docx

    doc = docx.Document()
    doc.add_paragraph("e-Ticket Agency & Officer Request")
    agency = doc.add_table(rows=0, cols=2)
    for label, value in (
        ("Agency name (as on e-ticket)", "Larchmont Police Department"),
        ("Judiciary code", "0964"),
        ("Street address", "7 Depot Square"),
        ("City / State / ZIP", "Larchmont, VT 05998"),
        ("Main phone", "802-555-0190"),
        ("e-Ticket Point of Contact", "Sgt. Ivy Marsh"),
        ("PoC email", "imarsh@larchmont.test"),
    ):
        cells = agency.add_row().cells
        cells[0].text, cells[1].text = label, value
    roster = doc.add_table(rows=0, cols=5)
    for row in (
        ("Last Name", "First Name", "Rank/Title", "Officer Number", "DPS Username"),
        ("Marsh", "Ivy", "Sgt.", "L4402", "imarsh"),
        ("Okonjo", "Femi", "Ofc.", "L4419", "fokonjo"),
    ):
        cells = roster.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = value
    doc.add_paragraph("Authorized by: Harold Grebe, Chief of Police")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_a_request_form_attached_under_a_cover_note_is_read() -> None:
    msg = EmailMessage()
    msg["From"] = "Hal Grebe <hgrebe@larchmont.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "form"
    msg.set_content("Our filled-in form and the patch are attached.\n\nHal\n\nSent from my phone\n")
    msg.add_attachment(
        _form(),
        maintype="application",
        subtype=_XLSX[1].replace("spreadsheetml.sheet", "wordprocessingml.document"),
        filename="request.docx",
    )
    msg.add_attachment(_PNG, maintype="image", subtype="png", filename="patch.png")
    result = parse_message(msg.as_bytes())
    assert result.intent == "enrollment"
    assert result.agency.name == "Larchmont Police Department"
    assert result.agency.judiciary_code == "0964"
    assert result.agency.address == "7 Depot Square, Larchmont, VT 05998"
    assert result.point_of_contact.email == "imarsh@larchmont.test"
    assert [o.officer_number for o in result.officers] == ["L4402", "L4419"]


def test_a_body_with_its_own_request_is_read_as_written() -> None:
    msg = EmailMessage()
    msg["From"] = "Martin Oakes <moakes@birchfield.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "e-ticket enrolment"
    msg.set_content(_BODY.format(note="Officers: see the attached form."))
    msg.add_attachment(
        _form(),
        maintype="application",
        subtype=_XLSX[1].replace("spreadsheetml.sheet", "wordprocessingml.document"),
        filename="request.docx",
    )
    result = parse_message(msg.as_bytes())
    assert result.agency.name == "Birchfield Police Department"
    assert result.agency.judiciary_code == "0877"
