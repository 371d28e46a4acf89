"""Where the head's title is found when his sign-off does not give it under his name:
said with a place word ("im the town constable"), after his name in a self-introduction,
under his name in a note above a forwarded request or after it on a flattened line, after
a rank title in his sign-off over his office ("Sheriff's Dept."), in an attached memo that
closes with "Name, Chief of Police"; a rank and a last name are no signer with a title."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.intake.head_in_words import title_before, title_of_writer
from mailbot.intake.head_of_department import head_in_tail, head_of_department
from mailbot.intake.head_reading import title_signed_with
from mailbot.intake.parse import parse_message
from mailbot.intake.rules import load_rules


def _head(body: str, sender: str, memo: str | None = None) -> tuple[str | None, str | None]:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "TraCS"
    msg.set_content(body)
    if memo is not None:
        msg.add_attachment(memo.encode(), maintype="text", subtype="plain", filename="memo.txt")
    hod = parse_message(msg.as_bytes()).head_of_department
    return hod.name, hod.title


def test_the_writer_is_the_town_constable() -> None:
    rules = load_rules()
    assert title_of_writer("hi, im the town constable here in tully", rules) == "Constable"
    assert title_of_writer("I am the county sheriff.", rules) == "Sheriff"


def test_a_title_after_the_name_the_writer_introduces_himself_by() -> None:
    rules = load_rules()
    text = "Hi this is Abe Quill, constable for the Town of Tully. Sign us up."
    assert title_before("Abe Quill", text, rules) == "Constable"
    text = "Hi this is Abe Quill, chief deputy for Tully County."
    assert title_before("Abe Quill", text, rules) is None


def test_the_title_under_the_head_name_above_a_forwarded_request() -> None:
    rules = load_rules()
    text = (
        "Please set us up.\n\nAbe Quill\nChief of Police\nTully PD\n\nChief,\n\nHere it is.\nKyle"
    )
    assert title_signed_with("Abe Quill", text, rules) == "Chief of Police"
    flat = "Respectfully, Abe Quill Chief of Police Tully Police Department"
    assert title_signed_with("Abe Quill", flat, rules) == "Chief of Police"
    assert title_signed_with("Abe Quill", "Abe Quill\nChief Deputy\nTully", rules) is None


def test_a_head_title_before_the_name_over_the_office_it_names() -> None:
    signed = "Sheriff Abe Quill\nTully County Sheriff's Dept."
    assert head_of_department(signed, load_rules()) == ("Abe Quill", "Sheriff")


def test_a_rank_and_a_last_name_before_another_head_is_no_signer() -> None:
    text = "Hi, this is Officer Quill, Chief Amsel's designated PoC.\n\nThanks"
    assert head_in_tail(text, load_rules()) == (None, None)


def test_a_memo_attached_closed_by_the_head_name_and_title() -> None:
    memo = (
        "MEMORANDUM\nTO: DPS\n\nPlease deactivate Officer Ned Amsel, T0041.\n\n\n"
        "Abe Quill, Chief of Police"
    )
    body = "Good morning,\n\nPlease see the attached memo.\n\nThanks,\nSgt. Rita Amsel\nTully PD"
    assert _head(body, "Rita Amsel <ramsel@tully.vt.us>", memo) == ("Abe Quill", "Chief of Police")


def test_the_writer_introduces_himself_by_his_title_alone() -> None:
    """ "THIS IS THE CHIEF AT TULLY PD" from the department's mailbox: the head by his
    title, his name not given."""
    body = (
        "THIS IS THE CHIEF AT TULLY PD. WE WANT TO START E TICKETS. POC WILL BE OFFICER "
        "ANN VERONE AVERONE@TULLY.VT.US. JUDICIARY CODE 0999. TULLY POLICE DEPARTMENT 12 MAIN "
        "ST TULLY VT 05999 PHONE 802 555 0100. OFFICERS: VERONE ANN PTL T7701 AVERONE, QUILL "
        "ABE PTL T7704 AQUILL\n\nTHANKS\nTULLY POLICE DEPT"
    )
    assert title_of_writer("THIS IS THE CHIEF AT TULLY PD.", load_rules()) == "Chief"
    assert _head(body, "Tully Police <tullypolice@tds.net>") == (None, "Chief")
