"""Roster changes told plainly in ways the reader once missed: a transfer's login written
beside the officer, the agency he "starts with", a sentence opened by "FYI", a run-together
export heading, a writer introducing himself in lower case before the new officer, a hire
"added to TraCS" with a number of the wrong length, and a PDF's table of old and new
usernames printed a blank line apart."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.pdfs import text_pdf
from tests.reading_mail import by_number, dumped, mail, roster_changes


def test_a_transfer_keeps_the_login_written_beside_the_officer() -> None:
    body = (
        "Hi - Deputy Owen Pratt (03318, opratt) is leaving us and transferring to the "
        "Orange County Sheriff's Office as a Deputy starting 3/1. Please move his record "
        "to their agency.\n\nSgt. Lena Ward\nWindsor County Sheriff's Office\n"
    )
    raw = mail(body, sender="lward@wcso.test", subject="Officer transfer")
    got = by_number(roster_changes(raw))["03318"]
    assert got["action"] == "update"
    assert got["agency"] == "Orange County Sheriff's Office"
    assert got["dps_username"] == "opratt"


def test_the_agency_an_officer_starts_with_is_where_his_record_moves() -> None:
    body = (
        "Good morning,\n\nOfficer Tara Quinn (31207, tquinn) has left St. Albans PD and "
        "starts with the Franklin County Sheriff's Office on Monday as a Deputy. Please "
        "move her record over.\n\nLt. Paul Moss\nSt. Albans Police Department\n"
    )
    raw = mail(body, sender="pmoss@stalbans.test", subject="Officer transfer")
    got = dumped(roster_changes(raw))
    assert got == [
        {
            "action": "update",
            "officer_number": "31207",
            "last_name": "Quinn",
            "first_name": "Tara",
            "agency": "Franklin County Sheriff's Office",
            "title": "Deputy",
            "dps_username": "tquinn",
        }
    ]


def test_fyi_opening_the_sentence_is_no_part_of_the_name() -> None:
    body = (
        "Morning,\n\nFYI Officer Nora Blake (LEO # K3310, DPS user nblake) has left our "
        "department. Please remove her from our agency in TraCS.\n\nSgt. Ray Coe\n"
        "Ludlow Police Department\n"
    )
    raw = mail(body, sender="rcoe@ludlow.test", subject="Officer leaving")
    got = by_number(roster_changes(raw))["K3310"]
    assert got["action"] == "deactivate"
    assert got["first_name"] == "Nora"
    assert got["last_name"] == "Blake"


def test_a_title_heading_run_together_in_an_export_gives_the_title() -> None:
    sheet = (
        b"EmpID,LastName,FirstName,PositionTitle,LEO_Number,NetworkID,Status\n"
        b"20117,Marsh,Ivy,Police Officer,M0917,imarsh,NEW HIRE\n"
    )
    raw = mail(
        "Hello,\n\nAttached is the personnel action export for the Milford Police "
        "Department. Please add the officers in TraCS as listed.\n\nTown of Milford HR\n",
        sender="hr@milford.test",
        subject="Personnel actions for e-ticket",
        attachments=[("actions.csv", sheet, "text/csv")],
    )
    got = by_number(roster_changes(raw))["M0917"]
    assert got["action"] == "add"
    assert got["title"] == "Police Officer"


def test_a_new_officer_after_the_writer_s_own_introduction_in_lower_case_is_added() -> None:
    body = (
        "hello, this is Ed Marsh first constable for the Town of Elmore. we're already set "
        "up with you for tickets. the selectboard appointed a second constable, Jo Lane, "
        "her cert number is 05K21 and her DPS login is jlane. title should be Constable. "
        "can you add her?\n\nthank you\nEd Marsh\n"
    )
    raw = mail(body, sender="constable@elmore.test", subject="second constable")
    got = by_number(roster_changes(raw))["05K21"]
    assert got["action"] == "add"
    assert got["title"] == "Constable"


def test_a_lateral_hire_added_to_tracs_keeps_a_labelled_number_of_six_characters() -> None:
    body = (
        "Hi team,\n\nDover PD (0531) would like Officer Mia Holt added to TraCS. Officer "
        "number D40219, DPS username mholt. She's a lateral from NH so she might not be in "
        "your system yet.\n\nThanks\nAl Reed, Chief\nDover Police Department\n"
    )
    raw = mail(body, sender="chief@doverpd.test", subject="New officer")
    got = dumped(roster_changes(raw))
    assert [(c["action"], c["officer_number"], c["last_name"]) for c in got] == [
        ("add", "D40219", "Holt")
    ]


def test_a_pdf_table_of_new_usernames_printed_a_blank_line_apart_gives_updates() -> None:
    table = text_pdf(
        [
            ["Hyde Police Department - DPS username corrections"],
            [""],
            [""],
            ["Officer Number | Name | Old Username | New Username"],
            [""],
            [""],
            ["HX101 | Sgt. Evan Roy | eroy | eroy1"],
            [""],
            [""],
            ["HX117 | Ofc. Dana Moss | dmoss | dmoss2"],
        ]
    )
    raw = mail(
        "Hello,\n\nWe manage IT for the Hyde Police Department. During a DPS domain "
        "account cleanup two of their officers got new usernames, and TraCS still has the "
        "old ones so their logins fail. The attached PDF lists the officer number, old "
        "username and new username for each. Chief Roy is cc'd and approves.\n\n"
        "Thanks,\nJo Kent\n",
        sender="support@hydeit.test",
        subject="Hyde PD - DPS username changes",
        attachments=[("usernames.pdf", table, "application/pdf")],
    )
    result = parse_message(raw)
    got = by_number(result.changes)
    assert set(got) == {"HX101", "HX117"}
    assert got["HX101"]["action"] == "update"
    assert got["HX101"]["dps_username"] == "eroy1"
    assert got["HX117"]["dps_username"] == "dmoss2"
