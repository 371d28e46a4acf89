"""Never ask for the people or the place a message gave: a PoC named in an unusual
wording, a head who signs a forwarding note, a street and ZIP written without marks go to
staff (or are filled when plain), not to the sender (intake/given_people)."""

from __future__ import annotations

from mailbot.intake.given_somewhere import staff_instead
from mailbot.intake.model import Agency, ParseResult
from mailbot.intake.parse import parse_message
from mailbot.intake.rules import load_rules
from tests.reading_mail import mail

ROSTER = (
    "Officers (last, first, rank, number, login):\n"
    "Orvis, Dale, Sergeant, PW201, dorvis\nTeague, Lana, Officer, PW202, lteague\n"
)


def _asked(result: object) -> dict[str, list[str]]:
    return {q["field"]: [c["value"] for c in q["candidates"]] for q in result.questions}  # type: ignore[attr-defined]


def test_a_contact_named_in_an_unusual_wording_goes_to_staff_not_the_sender() -> None:
    body = (
        "Hello,\n\nThe Pawlet Police Department asks to join the e-ticket program.\n"
        "The person of contact for this shall be Mrs. Greta Voss, our office coordinator. "
        "Her courriel: gvoss@pawletvt.org .\n\n"
        "Judiciary code: 0412\nAddress: 12 School St, Pawlet, VT 05761\nPhone: 802-325-3309\n\n"
        f"{ROSTER}\nRegards,\nRuth Gage\nChief of Police\n"
    )
    result = parse_message(mail(body, sender="Ruth Gage <rgage@pawletvt.org>", subject="TraCS"))
    assert "point_of_contact.name" not in result.missing
    assert "point_of_contact.email" not in result.missing
    asked = _asked(result)
    if result.point_of_contact.name is None:
        assert asked["point_of_contact.name"] == ["Greta Voss"]
    if result.point_of_contact.email is None:
        assert asked["point_of_contact.email"] == ["gvoss@pawletvt.org"]


def test_a_lone_constable_who_is_his_own_contact_is_filled_not_asked() -> None:
    body = (
        "Hi,\n\nI am the town constable for Rupert and the only one here, so I figure I'd "
        "be the point of contact as well, write back to this address.\n\n"
        "Judiciary code: 0433\nName on ticket: Rupert Town Constable\n"
        "Address: 40 Main St, Rupert, VT 05768\nPhone: 802-394-7728\n\n"
        "Officer: Walt Hebert, Constable, RU001, whebert\n\nThanks\nWalt Hebert\nConstable\n"
    )
    result = parse_message(
        mail(body, sender="Walt Hebert <walt.hebert.rupert@gmail.com>", subject="e-ticket")
    )
    assert result.point_of_contact.name == "Walt Hebert"
    assert result.point_of_contact.email == "walt.hebert.rupert@gmail.com"
    assert not {"point_of_contact.name", "point_of_contact.email"} & set(result.missing)


def test_a_clerk_the_head_makes_the_contact_in_a_long_sentence_is_filled() -> None:
    body = (
        "Hi!\n\nWriting for Chief Ruth Gage, who is swamped this month. So the Chief would "
        "like me (Nell Ames, records) to be the point of contact for this, since I do our "
        "tech.\n\nJudiciary code: 0412\nAddress: 12 School St, Pawlet, VT 05761\n"
        f"Phone: 802-325-3309\n\n{ROSTER}\nThanks!\nNell\n"
    )
    result = parse_message(mail(body, sender="Nell Ames <names@pawletvt.org>", subject="TraCS"))
    assert result.point_of_contact.name == "Nell Ames"
    assert result.point_of_contact.email == "names@pawletvt.org"


def test_a_contact_named_with_no_address_anywhere_is_still_asked() -> None:
    body = (
        "Hello,\n\nPawlet PD would like to start e-tickets. I have named Sgt. Dale Orvis as "
        "our point of contact.\n\nJudiciary code: 0412\nAddress: 12 School St, Pawlet, VT "
        f"05761\nPhone: 802-325-3309\n\n{ROSTER}\nRuth Gage\nChief of Police\n"
    )
    result = parse_message(mail(body, sender="Ruth Gage <rgage@pawletvt.org>", subject="TraCS"))
    assert result.point_of_contact.name == "Dale Orvis"
    assert "point_of_contact.email" in result.missing


def test_a_street_and_zip_written_plainly_go_to_staff_not_the_sender() -> None:
    body = (
        "Pawlet PD wants e-tickets. PoC is me. JB code 0412. "
        "We're at 12 School St Pawlet 05761. Logo to follow.\n\n"
        f"{ROSTER}\nChief Gage\n"
    )
    result = parse_message(mail(body, sender="Ruth Gage <rgage@pawletvt.org>", subject="TraCS"))
    assert "agency.address" not in result.missing
    if result.agency.address is None:
        assert _asked(result)["agency.address"] == ["12 School St Pawlet 05761"]


def test_a_head_who_signs_the_note_she_forwards_a_request_under_is_the_head() -> None:
    result = ParseResult(intent="enrollment", agency=Agency())
    result.missing = ["head_of_department.name"]
    note = "See below from Sgt. Orvis.\n\nThank you,\nRuth Gage\nChief of Police\n"
    text = "Chief,\n\nHere is what DPS asks for.\n\nDale\n"
    sender = ("Ruth Gage", "rgage@pawletvt.org")
    asked = staff_instead(result, [("text", text)], load_rules(), sender, note)
    assert asked == {}
    assert result.head_of_department.name == "Ruth Gage"
    assert result.head_of_department.title == "Chief of Police"


def test_a_head_signed_by_someone_else_goes_to_staff() -> None:
    result = ParseResult(intent="enrollment", agency=Agency())
    result.missing = ["head_of_department.name"]
    text = "Please set us up.\n\nFor the department,\nRuth Gage\nChief of Police\n"
    sender = ("Nell Ames", "records@pawletvt.org")
    asked = staff_instead(result, [("text", text)], load_rules(), sender)
    assert [c["value"] for c in asked["head_of_department.name"]["candidates"]] == ["Ruth Gage"]
    assert result.head_of_department.name is None
