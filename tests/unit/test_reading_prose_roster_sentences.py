"""Officers told in a paragraph typed as one line: a rank said of a named officer ("is
our constable"), values said of "her" in the next sentence, the writer's own row beside
the others', one named first with rank before the name and later by first name alone;
and a username written on the DPS directory's domain ("jdoe@dps.local") in a sheet."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_HEAD = (
    "Good morning,\n\nThe Pell Crossing Police Department would like to start issuing "
    "tickets electronically. Our judiciary code is 0411. The name on the ticket should "
    'read "Pell Crossing Police Department". We are at 12 Main Street, Pell Crossing, '
    "VT 05601, phone (802) 555-0110. Our logo is attached.\n\n"
)
_LOGO = [("patch.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png")]


def _officers(body: str, sender: str) -> list[dict[str, object]]:
    raw = mail(body, sender=sender, subject="e-ticket enrollment", attachments=_LOGO)
    result = parse_message(raw)
    assert result.intent == "enrollment"
    return [o.model_dump() for o in result.officers]


_SIGNED = "\n\nThank you,\n\nMara Brook\nChief of Police\nPell Crossing Police Department\n"
_WRITER = "Mara Brook <mbrook@pellcrossingvt.gov>"


def _rows(officers: list[dict[str, object]]) -> list[tuple[object, ...]]:
    return [(o["last_name"], o["title"], o["officer_number"], o["dps_username"]) for o in officers]


def test_a_rank_said_of_a_named_officer_is_his_title() -> None:
    body = _HEAD + (
        "As for the officers: Dale Fenn is our constable, number 4K302, login dfenn. "
        "Nora Pike will write tickets too - she is a Sergeant, number 4K118, username npike."
        + _SIGNED
    )
    assert _rows(_officers(body, _WRITER)) == [
        ("Fenn", "Constable", "4K302", "dfenn"),
        ("Pike", "Sergeant", "4K118", "npike"),
    ]


def test_values_said_of_her_in_the_next_sentence_are_the_named_officers() -> None:
    body = _HEAD + (
        "Dale Fenn is our constable, number 4K302, login dfenn. Our newest hire is "
        "Officer Nora Pike; her number is 4K415 and her DPS login is npike." + _SIGNED
    )
    assert ("Pike", "Officer", "4K415", "npike") in _rows(_officers(body, _WRITER))


def test_the_writers_own_row_beside_others_in_one_paragraph_is_read() -> None:
    body = _HEAD + (
        "Dale Fenn is our constable, number 4K302, login dfenn. I will be issuing tickets "
        "myself as well, as Chief, number 4K001, username mbrook." + _SIGNED
    )
    assert ("Brook", "Chief", "4K001", "mbrook") in _rows(_officers(body, _WRITER))


def test_an_officer_named_after_his_rank_then_by_first_name_gives_his_values() -> None:
    body = _HEAD + (
        "Our Second Constable, Wendy Ames, will be the point of contact for this.\n\n"
        "Wendy is Second Constable, her LEO number is 4K2W5 and her DPS username is "
        "wames. I am First Constable, number 4K1R8, username rcole.\n\n"
        "Thanks,\nRoy Cole\nFirst Constable, Pell Crossing\n"
    )
    officers = _officers(body, "Roy Cole <rcole@pellcrossingvt.gov>")
    ames = next(o for o in officers if o["last_name"] == "Ames")
    assert (ames["first_name"], ames["title"]) == ("Wendy", "Second Constable")
    assert (ames["officer_number"], ames["dps_username"]) == ("4K2W5", "wames")


def test_a_login_on_the_dps_directorys_domain_is_the_username() -> None:
    body = _HEAD + (
        "Our officers:\n\nName\tTitle\tLEO #\tDPS Username\n"
        "Dale Fenn\tOfficer\t4K302\tdfenn@dps.local\n"
        "Nora Pike\tSergeant\t4K415\tnpike@dps.local\n\n"
        "Point of contact: Sgt. Nora Pike, npike@pellcrossingvt.gov\n\n"
        "Mara Brook\nChief of Police\n"
    )
    raw = mail(
        body,
        sender="Mara Brook <mbrook@pellcrossingvt.gov>",
        subject="e-ticket enrollment",
        attachments=_LOGO,
    )
    result = parse_message(raw)
    assert [o.dps_username for o in result.officers] == ["dfenn", "npike"]
    assert not [i for i in result.invalid if i.field.endswith("dps_username")]


def test_the_last_of_a_listed_sentence_given_his_number_in_a_clause_is_read() -> None:
    body = _HEAD + (
        "Please set up Sgt. Dale Fenn (LEO number 4K302, username dfenn), Officer Nora "
        "Pike (4K118, username npike), and Officer Eli Marsh, whose number is 4K415. Eli "
        "has no DPS login yet; I will send it when he does." + _SIGNED
    )
    assert _rows(_officers(body, _WRITER)) == [
        ("Fenn", "Sergeant", "4K302", "dfenn"),
        ("Pike", "Officer", "4K118", "npike"),
        ("Marsh", "Officer", "4K415", None),
    ]
