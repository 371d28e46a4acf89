"""A one-line reply to the desk's checklist ("0611. usernames are jroy and mcaron."): the
four digits written as a sentence of their own answer the desk's ask for the judiciary
code, and the sender is not asked for it again. Without the desk asking for a code, a
bare number is nobody's code; and the code words come from the rules."""

from __future__ import annotations

import shutil
from pathlib import Path

from mailbot.intake.parse import parse_message
from mailbot.intake.rules import load_rules
from mailbot.resources import rules_dir
from tests.reading_mail import mail

_REQUEST = (
    "> On Mon, Mar 11, 2024 at 9:02 AM Tom Lyle <tlyle@fairlee.test> wrote:\n"
    ">\n"
    ">> Good morning,\n"
    ">>\n"
    ">> The Fairlee Police Department would like to start issuing Vermont Civil\n"
    ">> Violation Complaints electronically. I have designated Sgt. Rita Bone as our\n"
    ">> e-ticket Point-of-Contact (rbone@fairlee.test).\n"
    ">>\n"
    ">> Agency name for the ticket: Fairlee Police Department\n"
    ">> Address: 75 Main Street, Fairlee, VT 05045\n"
    ">> Phone: (802) 555-0177\n"
    ">>\n"
    ">> Officers:\n"
    ">> Bone, Rita - Sergeant - 14F02 - rbone\n"
    ">> Ross, Jay - Officer - 14F07 - jross\n"
    ">>\n"
    ">> Thank you,\n"
    ">> Tom Lyle\n"
    ">> Chief of Police\n"
)


def _reply(asks: str, rules=None):
    body = (
        "0611. logo attached again, try this one\n\n"
        "Tom\n\n"
        "On Tue, Mar 12, 2024 at 2:14 PM DPS eTicket <dps.eTicket@vermont.gov> wrote:\n\n"
        "> Chief Lyle,\n"
        ">\n"
        "> Thank you for your request. Before we can build the agency record we\n"
        "> still need:\n"
        f"> - {asks}\n"
        "> - the logo image came through as 0 KB, could you resend it?\n"
        ">\n"
        "> Thank you,\n"
        "> Dana Letourneau\n"
        "> e-Ticket Technical Staff\n"
        ">\n" + _REQUEST
    )
    raw = mail(
        body,
        sender="Tom Lyle <tlyle@fairlee.test>",
        subject="Re: Fairlee PD - TraCS agency request",
        in_reply_to="<desk-1@vermont.gov>",
        attachments=[("logo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png")],
    )
    return parse_message(raw, rules=rules)


def test_a_bare_code_answers_the_desks_ask() -> None:
    result = _reply("the 4-digit judiciary code for Fairlee PD")
    assert result.intent == "enrollment"
    assert result.agency.judiciary_code == "0611"
    assert "agency.judiciary_code" not in result.missing


def test_a_bare_number_the_desk_did_not_ask_for_is_no_code() -> None:
    result = _reply("a signed copy of the memorandum of understanding")
    assert result.agency.judiciary_code is None


def test_the_code_words_come_from_the_rules(tmp_path: object) -> None:
    """Without "judiciary" and "code" among the code words, the desk asked for no code
    (the behaviour is data in rules/language.toml)."""
    folder = Path(str(tmp_path)) / "rules"
    shutil.copytree(rules_dir(), folder)
    language = folder / "language.toml"
    language.write_text(
        language.read_text().replace('"judiciary", "judicial", ', "").replace('"code", ', "")
    )
    result = _reply("the 4-digit judiciary code for Fairlee PD", load_rules(folder))
    assert result.agency.judiciary_code is None
