"""The Point-of-Contact given by a clerk who writes for the head, or an address given to
the PoC in so many words ("her email is ...", "She can be reached at ...")."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_ROSTER = "Constables:\nAl Perkins, First Constable, #5C101, username aperkins\n"


def test_clerk_asked_to_be_the_contact_person_is_the_poc_at_her_address() -> None:
    raw = mail(
        "Hello,\n\nI am writing for our constable, Al Perkins. The Town of Roxbury would "
        "like to enrol in e-ticketing. Al has asked that I be the contact person for this "
        "(I keep the town's records), my email is this one.\n\nJudiciary code 0812\n"
        "Name on ticket: Roxbury Town Constable\nAddress: 2 Lake Road, Roxbury VT 05669\n\n"
        f"{_ROSTER}\nThanks,\nMaura Flint\nRoxbury Town Clerk\n",
        sender="Maura Flint <roxbury.clerk@mailbox.test>",
        subject="Roxbury constable",
    )
    result = parse_message(raw)
    assert result.point_of_contact.name == "Maura Flint"
    assert result.point_of_contact.email == "roxbury.clerk@mailbox.test"
    assert not {"point_of_contact.name", "point_of_contact.email"} & set(result.missing)


def test_poc_address_said_to_be_hers_on_another_domain() -> None:
    raw = mail(
        "This is Al Perkins, First Constable of Roxbury; we want to enrol in e-ticketing. "
        "Our town manager Edie Varnum will act for us as the point of contact, she is "
        "copied, her email is roxbury.manager@townmail.test.\n\nJudiciary code 0812\n"
        "Name on ticket: Roxbury Town Constable\nAddress: 2 Lake Road, Roxbury VT 05669\n\n"
        f"{_ROSTER}\nAl Perkins\n",
        sender="aperkins77@freemail.test",
        cc="roxbury.manager@townmail.test",
        subject="Roxbury constable",
    )
    result = parse_message(raw)
    assert result.point_of_contact.name == "Edie Varnum"
    assert result.point_of_contact.email == "roxbury.manager@townmail.test"


def test_poc_who_can_be_reached_at_the_office_mailbox_has_that_address() -> None:
    raw = mail(
        "The Town of Roxbury Constable would like to start issuing tickets electronically. "
        "I have designated Maura Flint, Town Clerk, as the e-ticket Point-of-Contact. She "
        "can be reached at\nclerk@roxburyvt.test.\n\nJudiciary Code: 0812\n"
        "Address: 2 Lake Road, Roxbury VT 05669\n\n"
        f"{_ROSTER}\nAl Perkins, First Constable\n",
        sender="Al Perkins <aperkins@roxburyvt.test>",
        subject="Roxbury constable",
    )
    result = parse_message(raw)
    assert result.point_of_contact.name == "Maura Flint"
    assert result.point_of_contact.email == "clerk@roxburyvt.test"
    assert "point_of_contact.email" not in result.missing


def test_poc_who_signs_from_an_office_mailbox_writes_from_her_own_address() -> None:
    """A mailbox named for an office ("Town of Elmore Clerk"), the note signed by the
    person the constable made PoC: her address is the one she writes from."""
    raw = mail(
        "Hello,\n\nConstable Reg Amsden asked me to send in our request for e-tickets. He has "
        "named me, Jo Reed, as the point of contact.\n\nJudiciary Code: 0861\n"
        "Name on ticket: Town of Elmore Constable\nAddress: 1 Beach Road, Elmore VT 05657\n"
        "Phone: 802-555-0170\n\nConstables:\nReg Amsden, Constable, #3E101, username ramsden\n"
        "\nThanks,\nJo Reed\nTown Clerk, Town of Elmore\n",
        sender="Town of Elmore Clerk <clerk@elmorevt.test>",
        subject="Elmore constable e-tickets",
    )
    result = parse_message(raw)
    assert result.point_of_contact.name == "Jo Reed"
    assert result.point_of_contact.email == "clerk@elmorevt.test"
    assert "point_of_contact.email" not in result.missing


def test_poc_address_made_from_an_accented_name_is_theirs() -> None:
    raw = mail(
        "Roxbury would like to enrol in e-ticketing.\n\nJudiciary code: 0812\n"
        "Name on ticket: Roxbury Town Constable\nAddress: 2 Lake Road, Roxbury VT 05669\n"
        "Point of Contact: Cpl. Élodie Varnum\n\n"
        f"{_ROSTER}\nYou can also reach Cpl. Élodie Varnum evarnum@roxburyvt.test.\n\n"
        "Al Perkins\n",
        sender="aperkins77@freemail.test",
        subject="Roxbury constable",
    )
    result = parse_message(raw)
    assert result.point_of_contact.name == "Élodie Varnum"
    assert result.point_of_contact.email == "evarnum@roxburyvt.test"


def test_an_address_alone_for_the_poc_names_whoever_owns_it() -> None:
    raw = mail(
        "Hello,\n\nRoxbury Town Constable would like to enrol in e-ticketing.\n\n"
        "Judiciary code: 0812\nAddress: 2 Lake Road, Roxbury VT 05669\n"
        "Point of Contact: roxbury.manager@townmail.test\n\n"
        f"{_ROSTER}\nThanks,\nAl Perkins\n",
        sender="Al Perkins <aperkins@roxburyvt.test>",
        cc="Edie Varnum <roxbury.manager@townmail.test>",
        subject="Roxbury constable",
    )
    result = parse_message(raw)
    assert result.point_of_contact.email == "roxbury.manager@townmail.test"
    assert result.point_of_contact.name == "Edie Varnum"
    assert "point_of_contact.name" not in result.missing
