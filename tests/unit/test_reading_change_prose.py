"""Roster changes told in running prose: the officer a "His LEO number is" sentence speaks
of, an action told in an aside, a name change, a move between agencies."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.intake.model import Change, ParseResult
from mailbot.intake.parse import parse_message


def _parse(body: str, subject: str = "A couple of things") -> ParseResult:
    msg = EmailMessage()
    msg["From"] = "Chief Ada Quimby <aquimby@peachamvt.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = subject
    msg.set_content(body)
    return parse_message(msg.as_bytes())


def _changes(body: str, subject: str = "A couple of things") -> list[Change]:
    result = _parse(body, subject)
    assert result.intent == "officer_maintenance"
    return result.changes


def _by_number(changes: list[Change]) -> dict[str | None, dict[str, object]]:
    return {c.officer_number: c.model_dump(exclude_none=True) for c in changes}


def test_his_number_in_the_sentence_after_the_name_is_that_officer_s() -> None:
    got = _by_number(
        _changes(
            "Hello,\n\nPlease add our new full-time officer, Nadia Pelletier.  Her VT LEO # "
            "is 31207, title Officer, DPS username npelletier.\n\nBig news otherwise: Marco "
            "made the list, so he's Corporal Finney now. Could you change his title in "
            "TraCS? His LEO number is 31150.\n\nThanks,\nAda\n"
        )
    )
    assert got["31207"]["last_name"] == "Pelletier"
    assert got["31207"]["first_name"] == "Nadia"
    assert got["31150"]["last_name"] == "Finney"
    assert got["31150"]["action"] == "update"


def test_a_name_change_with_an_old_account_shut_off_in_brackets_is_an_update() -> None:
    got = _by_number(
        _changes(
            "Hi all,\n\nCorporal Renee Gagnon was married in June and has legally changed "
            "her last name to Whitcomb. Her new DPS username is rwhitcomb (the old rgagnon "
            "login was disabled by town IT on Friday). Her LEO number stays the same, "
            "44781. Could you update her record?\n\nThanks,\nAda\n"
        )
    )
    assert got["44781"]["action"] == "update"
    assert got["44781"]["last_name"] == "Whitcomb"
    assert got["44781"]["dps_username"] == "rwhitcomb"
