"""Who signed the request: the head of department under the sign-off or above a ``--``."""

from __future__ import annotations

import pytest

from mailbot.intake.head_of_department import head_of_department
from mailbot.intake.parse import parse_parts
from mailbot.intake.parts import MessageParts
from mailbot.intake.prose import split_signature
from mailbot.intake.rules import Rules, load_rules

REQUEST = (
    "The St. Albans Police Department would like to enroll in e-ticketing.\n"
    "Judiciary Code: 0923\n\n"
)


@pytest.fixture
def rules() -> Rules:
    return load_rules()


@pytest.mark.parametrize(
    ("closing", "expected"),
    [
        ("Thank you,\nMaria Lopez\nChief of Police\n\n--\nSt. Albans PD", "Maria Lopez"),
        ("Maria Lopez\nChief of Police\n\n-- \nSt. Albans PD\n30 Lake Street", "Maria Lopez"),
        ("Thanks,\n\nMaria\n\n--\nMaria Lopez\nChief of Police\nSt. Albans PD", "Maria Lopez"),
        ("Regards,\nSt. Albans PD\nMaria Lopez, Chief of Police", "Maria Lopez"),
    ],
)
def test_gmail_signature_agency_line_is_not_the_chief(
    closing: str, expected: str, rules: Rules
) -> None:
    """An agency line in the signature ("St. Albans PD") is never read as the head of department."""
    result = parse_parts(MessageParts(sender="m@x.org", text=REQUEST + closing), rules)
    assert result.head_of_department.name == expected
    assert result.head_of_department.title == "Chief of Police"


@pytest.mark.parametrize(
    "signature",
    ["St. Albans Police Department", "Bob\nHartford Police Department\nChief Of Police"],
)
def test_no_person_in_signature(signature: str, rules: Rules) -> None:
    """A signature naming only the agency or a title gives no head of department."""
    split = split_signature(f"Please enrol us.\n\nThanks,\n{signature}\n", rules)
    assert head_of_department(split.signature, rules) == (None, None)


def test_hand_built_parts_still_cut_quotes(rules: Rules) -> None:
    """Text handed to the field readers directly still has its quoted checklist ignored."""
    text = (
        "Our judiciary code is 0923.\n\n"
        "On Mon, 2 Mar 2026, e-Ticket desk <dps.eticket@vermont.gov> wrote:\n"
        "> Last Name\tFirst Name\tOfficer Number\n"
        "> Quoted\tOnly\tQQ999\n"
    )
    # an answer to the desk's checklist (mail that asks for nothing carries no values)
    parts = MessageParts(sender="m@x.org", text=text, in_reply_to="<etk-1@dps.eticket.invalid>")
    result = parse_parts(parts, rules)
    assert all(o.officer_number != "QQ999" for o in result.officers)
    assert result.agency.judiciary_code == "0923"
