"""Titles of a state unit's people: a ranger's rank is no part of his name ("Ranger Ada
Brisk" as the PoC), and a signer's role after his rank and a comma ("Captain, Unit
Commander") is his title, where an agency after the comma is not ("Chief, Wexcombe
Police Department")."""

from __future__ import annotations

from mailbot.intake.head_of_department import head_of_department
from mailbot.intake.parse import parse_message
from mailbot.intake.rules import load_rules
from tests.reading_mail import mail

_BODY = (
    "Good afternoon,\n\n"
    "The Wexcombe State Lands Enforcement Unit would like to start issuing tickets\n"
    "electronically. I have designated Ranger Ada Brisk as the e-ticket Point-of-Contact;\n"
    "her address is ada.brisk@vermont.gov.\n\n"
    "Judiciary code: 0071\n"
    "Name on the ticket: Wexcombe State Lands Enforcement Unit\n"
    "Address: 4 Mill Road, Wexcombe, VT 05990\n"
    "Phone: 802-555-0170\n\n"
    "Last\tFirst\tTitle\tLEO #\tDPS Username\n"
    "Pell\tOsric\tCaptain\tWX001\topell\n"
    "Brisk\tAda\tRanger\tWX014\tabrisk\n\n"
    "Thank you,\n\n"
    "Osric Pell\n"
    "Captain, Unit Commander\n"
    "Wexcombe State Lands Enforcement Unit\n"
)


def test_a_rangers_rank_is_no_part_of_the_contacts_name() -> None:
    got = parse_message(mail(_BODY, sender="Osric Pell <osric.pell@vermont.gov>", subject="TraCS"))
    assert got.point_of_contact.name == "Ada Brisk"
    assert got.point_of_contact.email == "ada.brisk@vermont.gov"


def test_a_role_after_the_signers_rank_is_part_of_his_title() -> None:
    got = parse_message(mail(_BODY, sender="Osric Pell <osric.pell@vermont.gov>", subject="TraCS"))
    assert got.head_of_department.name == "Osric Pell"
    assert got.head_of_department.title == "Captain, Unit Commander"
    rules = load_rules()
    signed = "Osric Pell\nColonel, Chief Game Warden\nWexcombe Fish & Wildlife Department"
    assert head_of_department(signed, rules)[1] == "Colonel, Chief Game Warden"
    signed = "Osric Pell\nChief, Wexcombe Police Department"
    assert head_of_department(signed, rules)[1] == "Chief"
    signed = "Osric Pell\nSheriff, Wexcombe County Sheriff"
    assert head_of_department(signed, rules)[1] == "Sheriff"
