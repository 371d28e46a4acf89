"""Roster changes written fast on a phone or dictated to it: all in lower case or all in
capitals, without stops, an officer number with blanks between its characters or said
in words, a username said in pieces; each read as a clerk would have typed it."""

from __future__ import annotations

from mailbot.intake.model import Change
from mailbot.intake.parse import parse_message
from tests.reading_mail import by_number, mail, roster_changes


def _changes(body: str, subject: str = "tracs") -> dict[str | None, dict[str, object]]:
    sender = "Gail Sorrell <gsorrell@miltonvt.test>"
    return by_number(roster_changes(mail(body, sender=sender, subject=subject)))


def test_lower_case_add_with_a_spaced_number() -> None:
    got = _changes(
        "can you add our new officer maria cote number B 4 1 2 7 username mcote she starts "
        "tuesday thanks\n\ngail\n\nSent from my iPhone\n"
    )
    assert got == {
        "B4127": {
            "action": "add",
            "officer_number": "B4127",
            "last_name": "Cote",
            "first_name": "Maria",
            "title": "Officer",
            "dps_username": "mcote",
        }
    }


def test_lower_case_deactivation_by_rank_and_last_name() -> None:
    got = _changes(
        "lt ferris retired last week please turn off his account his number is 3 1 5 0 8\n\ngail\n"
    )
    assert got["31508"]["action"] == "deactivate"
    assert got["31508"]["last_name"] == "Ferris"


def test_promotion_written_in_capitals() -> None:
    got = _changes(
        "CPL DANA WHITE HAS BEEN PROMOTED TO LIEUTENANT AS OF 5/15 HER NUMBER IS W 4 4 0 2 "
        "PLEASE UPDATE HER TITLE THANKS\n\nSGT G SORRELL\nMILTON POLICE\n\n"
        "Sent from my Verizon, Samsung Galaxy smartphone\n",
        subject="PROMOTION",
    )
    assert got["W4402"]["action"] == "update"
    assert got["W4402"]["title"] == "Lieutenant"


def test_three_changes_run_on_without_stops() -> None:
    got = _changes(
        "two things for milton officer gary ames M2201 quit please remove him then add "
        "officer lisa hart M 2 2 4 0 username lhart and tom beck M2207 is now sergeant "
        "thanks\n"
    )
    assert got["M2201"]["action"] == "deactivate"
    assert got["M2240"] == {
        "action": "add",
        "officer_number": "M2240",
        "last_name": "Hart",
        "first_name": "Lisa",
        "title": "Officer",
        "dps_username": "lhart",
    }
    assert got["M2207"]["action"] == "update"
    assert got["M2207"]["title"] == "Sergeant"
    assert "dps_username" not in got["M2201"]


def test_one_change_a_line_without_stops() -> None:
    got = _changes(
        "hi its gail at milton pd, the changes are below\n\n"
        "remove ofc ben frost W3310 he moved\n"
        "add ofc kim lake W3345 username klake\n"
        "rita moss W3302 promoted sgt to lt\n\nthanks\ngail\n"
    )
    assert got["W3310"]["action"] == "deactivate"
    assert got["W3310"]["last_name"] == "Frost"
    assert got["W3345"]["dps_username"] == "klake"
    assert got["W3345"]["last_name"] == "Lake"
    assert got["W3302"]["action"] == "update"
    assert got["W3302"]["title"] == "Lieutenant"


def test_number_said_in_words_and_username_in_pieces() -> None:
    got = _changes(
        "please add officer nora quinn her number is four four one zero six and her "
        "username is n quinn all one word. she did the tracs class with me today\n\nthanks\n"
    )
    assert got["44106"]["action"] == "add"
    assert got["44106"]["last_name"] == "Quinn"
    assert got["44106"]["dps_username"] == "nquinn"


def test_a_number_corrected_in_lower_case_is_one_officer() -> None:
    # no name before the second number: the same officer, not an item of its own
    result = parse_message(
        mail(
            "officer dan york's number was entered wrong it was D1234 please change it to "
            "D1243 thanks\n",
            sender="Gail Sorrell <gsorrell@miltonvt.test>",
            subject="wrong number",
        )
    )
    changes: list[Change] = result.changes
    assert len(changes) <= 1


def test_new_married_name_said_after_she_is() -> None:
    got = _changes(
        "hi sgt lori baker got married over the weekend shes lori hayes now. number S 5 5 1 2 "
        "can you fix her name in tracs thanks\n\ngail\n"
    )
    assert got["S5512"]["action"] == "update"
    assert got["S5512"]["last_name"] == "Hayes"


def test_number_and_username_sent_later_complete_the_own_earlier_add() -> None:
    body = (
        "his leo number is K 7 7 0 3 and username bmarsh\n\nSent from my iPhone\n\n"
        "> On Jun 2, 2025, at 9:15 AM, Gail Sorrell <gsorrell@miltonvt.test> wrote:\n>\n"
        "> new hire starting monday officer brian marsh he'll need tracs. will send his "
        "number and username once i have them\n>\n> Sent from my iPhone\n"
    )
    raw = mail(
        body,
        sender="Gail Sorrell <gsorrell@miltonvt.test>",
        subject="Re: new officer",
        in_reply_to="<first-note@miltonvt.test>",
    )
    got = by_number(roster_changes(raw))
    assert got["K7703"]["action"] == "add"
    assert got["K7703"]["last_name"] == "Marsh"
    assert got["K7703"]["dps_username"] == "bmarsh"
