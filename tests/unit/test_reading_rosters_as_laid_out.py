"""Rosters and labelled values in the layouts clients and writers give them: a paragraph
hard-wrapped at the client's margin, a login behind the DPS domain under a heading the
reader does not know, labelled lines run together onto one line (and two roster rows
with them), a table of the agency's labels over one row of its values, and a lower-case
note listing its officers after "officers:" apart by slashes."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail


def _rows(result: object) -> dict[str | None, dict[str, object]]:
    officers = result.officers  # type: ignore[attr-defined]
    return {o.officer_number: o.model_dump(exclude_none=True) for o in officers}


def test_a_roster_sentence_wrapped_at_the_margin_is_read_whole() -> None:
    body = (
        "Good morning,\n\n"
        "This is the Fernwick Police Department's request to be set up for the\n"
        "e-ticket program. Our printers and the TraCS software are in place now.\n\n"
        "Our judiciary code is 0871 and the ticket should read Fernwick Police\n"
        "Department. The station is at 42 Upper Ledge Road, Fernwick, Vermont\n"
        "05999 and the main line is 802-555-0190. The logo is attached here.\n\n"
        "The officers who will be writing e-tickets for us are: Lt. Marguerite\n"
        "Lindqvist (VT LEO number FW310, DPS username DPS\\mlindqvist), Officer\n"
        "Ansel Brightwater (FW322, DPS\\abrightwater), and Officer Joaquín\n"
        "Talbot (FW335, DPS\\jtalbot).\n\n"
        "Sincerely,\n\nPriya Vantongeren\nChief of Police\nFernwick Police Department\n"
    )
    result = parse_message(
        mail(body, sender="Priya Vantongeren <pvan@fernwick.test>", subject="e-ticket")
    )
    rows = _rows(result)
    assert rows["FW310"] == {
        "last_name": "Lindqvist",
        "first_name": "Marguerite",
        "title": "Lieutenant",
        "officer_number": "FW310",
        "dps_username": "mlindqvist",
    }
    assert rows["FW322"]["title"] == "Officer"
    assert rows["FW335"]["first_name"] == "Joaquín"
    assert rows["FW335"]["title"] == "Officer"
    assert "05999" in (result.agency.address or "")
    assert not [p for p in result.missing if p.startswith(("officers", "agency.address"))]


def test_lines_ended_by_their_writer_are_not_joined() -> None:
    from mailbot.intake.wrapped_lines import unwrapped

    text = (
        "We would like to join the e-ticket program as soon as it can be arranged.\n"
        "Judiciary Code: 0871\nPhone: 802-555-0190\n\n"
        "Officers who will write e-tickets are listed below with their numbers.\n"
        "Sgt. Ann Roy      FW310     aroy\nOfc. Tom Hale     FW322     thale\n\n"
        "Thanks,\nPriya Vantongeren\n"
    )
    assert unwrapped(text) == text
    roster = (
        "We would like to enroll the Fernwick Police Department in e-ticketing please\n"
        "and have listed each of the officers below, one officer on each line here:\n"
        "Lieutenant Marguerite Lindqvist, VT LEO number FW310, username mlindqvist\n"
        "Officer Ansel Brightwater-Jones, VT LEO number FW322, username abrightwater\n"
        "Sergeant Bartholomew Kingsley, VT LEO number FW341, username bkingsley\n"
    )
    assert unwrapped(roster).split("\n")[1:] == roster.split("\n")[2:]


def test_a_login_behind_the_dps_domain_is_the_username_whatever_its_heading() -> None:
    body = (
        "HELLO,\n\nWE WOULD LIKE TO START ON E-TICKETS.\n\nJUD. CODE: 0871\n"
        "PHONE: 802-555-0190\n\nOFFICERS\n"
        "NAME                  TITLE      LEO#     ACCT\n"
        "BRIGHTWATER, ANSEL    CHIEF      FW300    DPS\\ABRIGHTWATER\n"
        "TALBOT, JOAQUIN       OFFICER    FW335    DPS\\JTALBOT\n\n"
        "THANKS\nCHIEF ANSEL BRIGHTWATER\n"
    )
    result = parse_message(
        mail(body, sender="ANSEL BRIGHTWATER <abw@fernwick.test>", subject="E TICKETS")
    )
    rows = _rows(result)
    assert rows["FW300"]["dps_username"] == "ABRIGHTWATER"
    assert rows["FW335"]["dps_username"] == "JTALBOT"
    assert not [p for p in result.missing if p.endswith("dps_username")]


def test_labelled_lines_run_together_on_one_line_end_at_the_next_label() -> None:
    body = (
        "Hello, our chief asked me to send the enrollment details.\n\n"
        "Agency: Fernwick Police Department Judiciary Code: 0871 Address: 42 Ledge Rd, "
        "Fernwick VT 05999 Phone: 802-555-0190 Head of Dept: Chief Priya Vantongeren\n\n"
        "Officers (last, first / title / LEO# / username):\n"
        "Vantongeren, Priya / Chief / FW300 / pvantongeren Lindqvist, Marguerite / "
        "Lieutenant / FW310 / mlindqvist\n"
        "Talbot, Joaquin / Officer / FW335 / jtalbot\n\n"
        "Logo attached.\n"
    )
    result = parse_message(
        mail(body, sender="Marguerite Lindqvist <ml@fernwick.test>", subject="Enrollment")
    )
    assert result.agency.name == "Fernwick Police Department"
    assert result.agency.judiciary_code == "0871"
    rows = _rows(result)
    assert set(rows) == {"FW300", "FW310", "FW335"}
    assert rows["FW300"]["dps_username"] == "pvantongeren"
    assert rows["FW310"] == {
        "last_name": "Lindqvist",
        "first_name": "Marguerite",
        "title": "Lieutenant",
        "officer_number": "FW310",
        "dps_username": "mlindqvist",
    }


def test_a_lower_case_note_lists_its_officers_apart_by_slashes() -> None:
    body = (
        "hi. fernwick pd wants to get going on e tickets, printer is in. jud code 0871 "
        "phone 802 555 0190 address 42 ledge rd fernwick vt 05999 officers: vantongeren "
        "priya chief fw300 pvantongeren / talbot joaquin officer fw335 jtalbot / roy ann "
        "sergeant fw341 aroy. logo to follow. thanks\n"
    )
    result = parse_message(mail(body, sender="priya <pvantongeren@fernwick.test>", subject="e"))
    rows = _rows(result)
    assert set(rows) == {"fw300", "fw335", "fw341"}
    assert rows["fw335"]["last_name"].lower() == "talbot"
    assert rows["fw335"]["first_name"].lower() == "joaquin"
    assert rows["fw341"]["title"] == "Sergeant"
    assert rows["fw341"]["dps_username"] == "aroy"


def test_a_writer_naming_himself_after_his_title_is_the_head() -> None:
    body = (
        "hi. fernwick pd wants to get going on e tickets. im the chief, priya vantongeren. "
        "jud code 0871 phone 802 555 0190 officers: vantongeren priya chief fw300 "
        "pvantongeren / talbot joaquin officer fw335 jtalbot. thanks pri\n"
    )
    result = parse_message(mail(body, sender="pri <pvantongeren@fernwick.test>", subject="e"))
    assert result.head_of_department.name == "Priya Vantongeren"
    assert result.head_of_department.title == "Chief"
    assert "head_of_department.name" not in result.missing


def test_a_table_of_agency_labels_over_one_row_of_values_gives_each_value() -> None:
    table = (
        "<table><tr><td>Court Code</td><td>Department Name</td><td>Mailing Address</td>"
        "<td>Telephone</td></tr><tr><td>0733</td><td>Fernwick Police Department</td>"
        "<td>42 Upper Ledge Road, Fernwick, VT 05999</td><td>802-555-0190</td></tr></table>"
    )
    html = (
        "<p>The Town of Fernwick Police Department asks to be set up for e-tickets.</p>"
        f"{table}<p>Officer Ansel Brightwater, LEO number FW322, username abrightwater.</p>"
        "<p>Priya Vantongeren<br>Chief of Police</p>"
    )
    result = parse_message(
        mail("", html=html, sender="Priya Vantongeren <pvan@fernwick.test>", subject="e-ticket")
    )
    assert result.agency.judiciary_code == "0733"
    assert result.agency.name == "Fernwick Police Department"
    assert result.agency.address == "42 Upper Ledge Road, Fernwick, VT 05999"
    assert "agency.judiciary_code" not in result.missing
