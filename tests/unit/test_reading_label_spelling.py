"""Labels typed with one letter wrong ("Point of contect:", "Cheif:") are read as the
labels they stand for; a word merely like a label word is not."""

from __future__ import annotations

from mailbot.intake.label_spelling import labels_respelled, one_typo
from mailbot.intake.parse import parse_message
from mailbot.intake.rules import load_rules
from tests.reading_mail import mail


def test_one_typo_changed_swapped_or_left_out() -> None:
    assert one_typo("contect", "contact")
    assert one_typo("cheif", "chief")
    assert one_typo("adress", "address")
    assert not one_typo("contract", "contact")  # a letter too many is another word
    assert not one_typo("xontact", "contact")  # the first letter as typed
    assert not one_typo("cnotatc", "contact")


def test_only_whole_labels_are_respelled() -> None:
    rules = load_rules()
    text = "Point of contect: Sgt Ann Roy\nCheif: Dale Morse\nContract: Blue Line IT\nnote: ok"
    assert labels_respelled(text, rules).split("\n") == [
        "Point of contact: Sgt Ann Roy",
        "Chief: Dale Morse",
        "Contract: Blue Line IT",
        "note: ok",
    ]


def test_misspelled_person_labels_give_the_poc_and_head() -> None:
    raw = mail(
        "Hi DPS\nSending our e-ticket setup.\n\nDept name: Holloway Police Dept.\n"
        "Judicial #: 0613\nAddress: 9 Quarry Rd Holloway VT 05990\nDept phone: 802 555 0121\n"
        "Point of contect (POC): Sgt Rhea Quint rquint@hollowaypd.example\n"
        "Cheif: Dale Morse\n\nOfficers:\nQuint, Rhea - Sergeant - 6H101 - rquint\n"
        "Amsel, Tod - Officer - 6H115 - tamsel\n\nLogo attached\nThx\n",
        sender="Rhea Quint <rquint@hollowaypd.example>",
        subject="eticket setup Holloway",
        attachments=[("logo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png")],
    )
    got = parse_message(raw)
    assert (got.point_of_contact.name, got.point_of_contact.email) == (
        "Rhea Quint",
        "rquint@hollowaypd.example",
    )
    assert got.head_of_department.name == "Dale Morse"
    assert not {"point_of_contact.name", "head_of_department.name"} & set(got.missing)


def test_point_person_is_a_poc_label() -> None:
    raw = mail(
        "Enrolment for Holloway PD.\nJudiciary code: 0613\nPoint person: me (Sgt Rhea Quint) "
        "rquint@hollowaypd.example\n\nOfficers:\nQuint, Rhea - Sergeant - 6H101 - rquint\n",
        sender="Rhea Quint <rquint@hollowaypd.example>",
        subject="e-ticket enrolment",
    )
    got = parse_message(raw)
    assert got.point_of_contact.name == "Rhea Quint"
    assert "point_of_contact.name" not in got.missing


def test_a_letter_typed_twice_and_a_short_word_beside_a_label_word() -> None:
    assert one_typo("contanct", "contact")  # its own "n" typed once more astray
    rules = load_rules()
    text = "Judical Cde: 0713\nPoint of Contanct: Sgt Lee Vance\nCde: 12"
    assert labels_respelled(text, rules).split("\n") == [
        "Judical Code: 0713",
        "Point of Contact: Sgt Lee Vance",
        "Cde: 12",
    ]


def test_misspelled_labels_and_headings_give_their_values() -> None:
    raw = mail(
        "Hello,\n\nPlease sign us up for e-tickets.\n\nAgancy Name: Marlow Police Department\n"
        "Judical Cde: 0713\nAdress: 4 Elm St, Marlow VT 05999\nPhone: 802 555 0190\n"
        "Point of Contanct: Sgt. Lee Vance  lvance@marlowvt.example\n\n"
        "Offcers:\nName            Rank       Offcer #   DPS Usernme\n"
        "Vance, Lee      Sergeant   30101      lvance\n"
        "Pratt, Ona      Officer    30117      opratt\n\nChief Will Dorr\n",
        sender="Marlow PD <office@marlowvt.example>",
        subject="e-ticket enrolment",
        attachments=[("logo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png")],
    )
    got = parse_message(raw)
    assert got.agency.judiciary_code == "0713"
    assert (got.point_of_contact.name, got.point_of_contact.email) == (
        "Lee Vance",
        "lvance@marlowvt.example",
    )
    assert [(o.officer_number, o.dps_username) for o in got.officers] == [
        ("30101", "lvance"),
        ("30117", "opratt"),
    ]
    assert "agency.judiciary_code" not in got.missing
    assert not [m for m in got.missing if m.startswith(("officers", "point_of_contact"))]


def test_a_name_beside_headings_is_no_heading() -> None:
    raw = mail(
        "Enrolment for Marlow PD, judiciary code 0713.\n\nOfficers:\n"
        "Last\tFirst\tTitle\tOfficer #\tDPS Username\n"
        "Vance\tLee\tSergeant\t30101\tlvance\nOkafor\tGrace\tOfficer\t30117\n",
        sender="Lee Vance <lvance@marlowvt.example>",
        subject="e-ticket enrolment",
    )
    got = parse_message(raw)
    assert [o.last_name for o in got.officers] == ["Vance", "Okafor"]
