"""Roster changes of a DPS username told without "username is" before the new value:
"was X, now Y" items under a lead-in, a correction in the sentence after the wrong one,
and an officer writing of his own login over his own LEO line."""

from __future__ import annotations

from mailbot.intake.model import ParseResult
from mailbot.intake.parse import parse_message
from tests.reading_mail import by_number, mail


def _parse(body: str, sender: str, subject: str) -> ParseResult:
    return parse_message(mail(body, sender=sender, subject=subject))


def _by_number(result: ParseResult) -> dict[str | None, dict[str, object]]:
    return by_number(result.changes)


def test_was_and_now_logins_under_a_lead_in_in_a_reply_signed_by_one_of_them() -> None:
    result = _parse(
        "Good morning,\n\nCounty IT switched everyone to first.last logins last week, so "
        "please update these in TraCS:\n\nNora Pike, P3318: was npike, now nora.pike\n"
        "Elliot Vance, P3321: was evance, now elliot.vance\n\nEverything else on the two "
        "records stays as it is.\n\nNora Pike\nSergeant / e-Ticket PoC\nPeacham Police "
        "Department\n",
        '"Pike, Nora" <npike@peachamvt.test>',
        "RE: logins",
    )
    assert result.intent == "officer_maintenance"
    got = _by_number(result)
    assert got["P3318"]["dps_username"] == "nora.pike"
    assert got["P3321"]["dps_username"] == "elliot.vance"
    assert got["P3321"]["last_name"] == "Vance"


def test_a_was_and_now_pair_of_words_is_no_username() -> None:
    result = _parse(
        "Hi,\n\nPlease update this one:\n\nMarta Quill, Q2201: was part-time, now "
        "full-time\n\nThanks,\nChief Ode\n",
        "Chief Ronan Ode <rode@danvillevt.test>",
        "Roster",
    )
    assert "dps_username" not in _by_number(result).get("Q2201", {})


def test_a_username_corrected_in_the_next_sentence_asked_as_a_question() -> None:
    result = _parse(
        "Hello,\n\nWhen Officer Tomas Ellery's record went in, his username was keyed as "
        '"tellrey". It should be tomas.ellery - the one on file does not work. Could you '
        "fix it?\n\nThanks,\nBea\n\nBea Morrow\nOffice Manager\nDanville Police Department\n",
        "Bea Morrow <bmorrow@danvillevt.test>",
        "Username fix",
    )
    assert result.intent == "officer_maintenance"
    [change] = result.changes
    assert change.model_dump(exclude_none=True) == {
        "action": "update",
        "last_name": "Ellery",
        "first_name": "Tomas",
        "title": "Officer",
        "dps_username": "tomas.ellery",
    }


def test_an_officer_writing_of_his_own_login_over_his_own_leo_line() -> None:
    result = _parse(
        "Hi there,\n\nWhen our office was enrolled the login sent for me was kwarrick, "
        "which is only my county email. My DPS username is actually kwarrick3 since "
        "another K. Warrick was already set up.\n\nDeputy Kurt Warrick, LEO W5512\n"
        "Caledonia County Sheriff's Office\n",
        "Kurt Warrick <kwarrick@caledoniasheriff.test>",
        "Wrong login in TraCS",
    )
    assert result.intent == "officer_maintenance"
    got = _by_number(result)
    assert got["W5512"]["dps_username"] == "kwarrick3"
    assert got["W5512"]["last_name"] == "Warrick"


def test_a_login_said_right_after_the_wrong_one_is_no_name_respelled() -> None:
    """ "her DPS username was entered as "ltran2". It should be LTran": the login is
    "LTran" (made from her name), her last name stays Tran."""
    result = _parse(
        "Hello,\n\nDetective Lisa Tran has not been able to log into TraCS since you set "
        'her up. Her DPS username was entered as "ltran2". It should be LTran (no 2 at the '
        "end). Her officer number 26650 is correct.\n\nCould you please fix that?\n\n"
        "Thank you,\nOfficer Mark Gagnon\nShelburne Police Department\n",
        "Mark Gagnon <mgagnon@shelburne.test>",
        "TraCS username wrong - Det. Tran",
    )
    change = by_number(result.changes)["26650"]
    assert change["action"] == "update"
    assert (change["last_name"], change["first_name"]) == ("Tran", "Lisa")
    assert change["dps_username"].lower() == "ltran"


def test_a_name_and_login_said_after_the_wrong_ones_correct_both() -> None:
    result = _parse(
        'Hi,\n\nOfficer Jon Tremblay\'s last name was entered as "Trembley" and his '
        "username as jtrembley. It should be Tremblay / jtremblay. His LEO number W0219 "
        "is correct.\n\nThanks,\nSgt. Lisa Yandow\nWilliston Police Department\n",
        "Lisa Yandow <lyandow@williston.test>",
        "Name correction",
    )
    change = by_number(result.changes)["W0219"]
    assert change["last_name"] == "Tremblay"
    assert change["dps_username"] == "jtremblay"
