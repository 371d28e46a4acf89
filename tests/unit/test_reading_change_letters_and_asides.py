"""Roster mail read as a careful clerk would: a letter asking the desk to take on an
officer who keeps the record he had elsewhere, a question about how long a request
takes, the e-ticket contact's role handed over from an officer who moved within the
department, and the sender's agency written short in a sentence but in full elsewhere."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.pdfs import text_pdf
from tests.reading_mail import by_number, mail, roster_changes

_SENDER = "Wanda Pike <wpike@lyndonvt.test>"

_LETTER = [
    ["LYNDON COUNTY SHERIFF'S OFFICE"],
    ["4 Mill Road, Lyndonville, VT 05851   Tel. 802-555-0131"],
    ["Re: TraCS officer record"],
    ["Please associate the following deputy with the Lyndon County Sheriff's Office in"],
    ["TraCS. Deputy Orrin Vail served with the Derby Police Department before and keeps his"],
    ["existing VT LEO number and DPS username."],
    [""],
    ["Last Name", "First Name", "Title", "Officer No.", "DPS Username"],
    [""],
    ["Vail", "Orrin", "Deputy", "7L2V4", "ovail"],
    [""],
    ["Sincerely,"],
    ["Harriet Coe"],
    ["Sheriff"],
]


def test_a_letter_taking_on_an_officer_who_keeps_his_record_is_an_update_of_it() -> None:
    raw = mail(
        "Please see the attached letter from Sheriff Coe.\n\n--\nWanda Pike\n"
        "Lyndon County Sheriff's Office\n",
        sender=_SENDER,
        subject="TraCS - Deputy Vail",
        attachments=[("Vail letter.pdf", text_pdf(_LETTER), "application/pdf")],
    )
    got = by_number(roster_changes(raw))
    assert list(got) == ["7L2V4"]
    assert got["7L2V4"]["action"] == "update"
    assert got["7L2V4"]["last_name"] == "Vail"
    assert got["7L2V4"]["dps_username"] == "ovail"


def test_asking_how_long_a_new_record_takes_is_a_question_not_an_add() -> None:
    raw = mail(
        "Hi,\n\nLast week we sent in a new officer for Lyndon PD (Officer Tess Arkwright). "
        "How long does it usually take for a new officer record to show up in TraCS? She "
        "wants to know when she can write e-tickets.\n\nThanks,\nWanda Pike\n",
        sender=_SENDER,
        subject="Question",
    )
    result = parse_message(raw)
    assert result.intent == "other"
    assert result.changes == []


def test_the_contact_role_handed_over_from_an_officer_asks_no_change_of_him() -> None:
    raw = mail(
        "Hello,\n\nI've taken over as Lyndon PD's e-ticket point of contact from Cpl. "
        "Dale Ostrander, who moved to the investigations unit. Please send TraCS questions "
        "to me now.\n\nOne roster change:\n- Please deactivate Officer Reid Malloy (LY441); "
        "he resigned.\n\nWanda Pike\nLyndon Police Department\n",
        sender=_SENDER,
        subject="New PoC and a change",
    )
    result = parse_message(raw)
    assert result.intent == "officer_maintenance"
    assert [c.officer_number for c in result.changes] == ["LY441"]
    assert result.point_of_contact.name == "Wanda Pike"
    assert result.point_of_contact.email == "wpike@lyndonvt.test"


def test_the_agency_written_short_in_a_sentence_is_read_as_written_in_full() -> None:
    raw = mail(
        "Hi,\n\nOfficer Ned Quill (LY512) has left Lyndon Police for another job. Please "
        "remove him from our roster in TraCS.\n\nThanks,\nSgt. Wanda Pike\n"
        "Lyndon Police Department\n",
        sender=_SENDER,
        subject="Removal",
    )
    result = parse_message(raw)
    assert result.agency.name == "Lyndon Police Department"
