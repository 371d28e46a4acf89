"""Never ask for what was sent: an item of which the message writes something of the
right shape somewhere is put to staff, not asked of the sender (intake/given_somewhere)."""

from __future__ import annotations

from mailbot.intake.given_somewhere import staff_instead
from mailbot.intake.model import Agency, Officer, ParseResult
from mailbot.intake.parse import parse_message
from mailbot.intake.rules import load_rules
from tests.reading_mail import mail


def _result(missing: list[str], officers: list[Officer] | None = None) -> ParseResult:
    result = ParseResult(intent="enrollment", agency=Agency(), officers=officers or [])
    result.missing = missing
    return result


def test_a_login_made_from_the_officers_name_goes_to_staff() -> None:
    officer = Officer(last_name="Lyle", first_name="Owen", title="Officer")
    result = _result(["officers[0].dps_username"], [officer])
    text = "Logins are dpratt and olyle2. Owen starts Monday."
    asked = staff_instead(result, [("text", text)], load_rules())
    question = asked["officers[0].dps_username"]
    assert [c["value"] for c in question["candidates"]] == ["olyle2"]
    assert "Owen Lyle" in question["question"]


def test_a_login_of_another_officer_or_an_ordinary_word_is_no_candidate() -> None:
    officers = [
        Officer(last_name="Lyle", first_name="Owen", dps_username="olyle"),
        Officer(last_name="Lyle", first_name="Oscar"),
    ]
    result = _result(["officers[1].dps_username"], officers)
    text = "Owen's login is olyle; his brother Oscar has none yet, please change that."
    assert staff_instead(result, [("text", text)], load_rules()) == {}


def test_a_code_in_the_wrong_length_after_its_word_goes_to_staff() -> None:
    result = _result(["agency.judiciary_code"])
    text = "Court code: 412 (what the court gave us). Call 802 555 0101."
    asked = staff_instead(result, [("text", text)], load_rules())
    values = [c["value"] for c in asked["agency.judiciary_code"]["candidates"]]
    assert values == ["412"]


def test_an_agency_name_written_anywhere_goes_to_staff_but_not_the_desks() -> None:
    result = _result(["agency.name"])
    texts = [
        ("text", "To the Vermont Department of Public Safety:"),
        ("signature", "Investigator Kay Rowe\nVermont Division of Fish and Game Enforcement"),
    ]
    asked = staff_instead(result, texts, load_rules())
    values = [c["value"] for c in asked["agency.name"]["candidates"]]
    assert values == ["Vermont Division of Fish and Game Enforcement"]
    assert asked["agency.name"]["candidates"][0]["where"] == "signature"


def test_nothing_of_the_shape_anywhere_is_asked_of_the_sender() -> None:
    officer = Officer(last_name="Lyle", first_name="Owen")
    result = _result(["officers[0].dps_username", "agency.name"], [officer])
    text = "Owen has no login yet; we will send it when he has one."
    assert staff_instead(result, [("text", text)], load_rules()) == {}


def test_numbers_given_on_a_roster_the_reader_cannot_place_are_not_asked_again() -> None:
    body = (
        "Hello,\n\nTown of Pawlet Police Department would like to start on e-tickets.\n"
        "JB Code - 0412\nAddress 12 School St, Pawlet VT 05761, phone 802-325-3309\n"
        "I will be the point of contact myself.\n\n"
        "Officers (last, first, rank, number, login):\n"
        "Pratt Dana, Sergeant, P0412\nLyle Owen, Officer, P0413\n\nChief Ruth Gage\n"
    )
    result = parse_message(mail(body, sender="Ruth Gage <rgage@pawletvt.org>", subject="e-tickets"))
    for i in range(len(result.officers)):
        assert f"officers[{i}].officer_number" not in result.missing
    asked = {q["field"]: q for q in result.questions}
    assert {c["value"] for c in asked["officers[0].officer_number"]["candidates"]} == {"P0412"}


def test_a_huge_roster_is_looked_through_for_at_most_twenty_officer_items() -> None:
    officers = [
        Officer(last_name=f"Ly{chr(97 + i // 26)}{chr(97 + i % 26)}le", first_name="Owen")
        for i in range(30)
    ]
    result = _result([f"officers[{i}].dps_username" for i in range(30)], officers)
    text = " ".join(f"o{o.last_name.lower()}" for o in officers if o.last_name)
    asked = staff_instead(result, [("text", text)], load_rules())
    assert len(asked) == 20
    assert "officers[19].dps_username" in asked and "officers[20].dps_username" not in asked


def test_the_start_of_an_officers_mail_address_is_no_username_given() -> None:
    """ "Point of Contact will be Officer Nate Kinsman, nkinsman.pd@outlook.example" and
    "None of us have a DPS username": his username is asked for, like the others'."""
    raw = mail(
        "To the DPS eTicket staff,\n\nThe Pell Police Department would like to be set up for "
        "e-ticketing.\n\nPoint of Contact will be Officer Nate Kinsman, "
        "nkinsman.pd@outlook.example\n\nJudiciary Code: 0246\nAddress: 122 School Street, "
        "Pell, VT 05761\nPhone: 802-325-3309\n\nOfficers:\nChief Dennis Wyman - LEO# P2460\n"
        "Officer Nathan Kinsman - LEO# P2477\n\nNone of us have a DPS username that I know "
        "of.\n\nThank you,\n\nDennis Wyman\nChief of Police\n",
        sender="Dennis Wyman <pellchief@mail.example>",
        subject="eTicket setup Pell PD",
    )
    got = parse_message(raw)
    assert {"officers[0].dps_username", "officers[1].dps_username"} <= set(got.missing)
