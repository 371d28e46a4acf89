"""Labelled values, values in sentences, the Point-of-Contact and the sign-off."""

from __future__ import annotations

import pytest

from mailbot.intake.fields import labelled, read_fields
from mailbot.intake.head_of_department import head_of_department
from mailbot.intake.point_of_contact import point_of_contact
from mailbot.intake.prose import split_signature
from mailbot.intake.prose_officers import officers_in_prose
from mailbot.intake.rules import Rules, load_rules


@pytest.fixture(scope="module")
def rules() -> Rules:
    return load_rules()


@pytest.mark.parametrize(
    "line",
    [
        "Judiciary Code: 0614",
        "JB Code - 0614",
        "Court code: 0614",
        "• Judiciary Code (4 digits): 0614",
        "Our judiciary code is 0614.",
    ],
)
def test_judiciary_code_forms(rules: Rules, line: str) -> None:
    """The judiciary code is read whatever label or sentence introduces it, leading zero kept."""
    values, _ = read_fields(line, rules)
    assert values["agency.judiciary_code"] == "0614"


def test_no_code_from_street_number_or_ori(rules: Rules) -> None:
    """A street number, an ORI and a case number are never taken for the judiciary code."""
    text = "Address: 1450 Main Street, Hartford, VT 05047\nORI: VT0140000\nCase 24-CR-1187\n"
    values, _ = read_fields(text, rules)
    assert values["agency.judiciary_code"] is None


def test_labels_in_other_words(rules: Rules) -> None:
    """'Dept. name:', 'Tel.' and a two-line mailing address are read like the SOP labels."""
    text = (
        "Dept. name: Windsor Police Department\n"
        "Tel. 802-674-2185\n"
        "Mailing address:\n29 Union Street\nWindsor, VT 05089\n"
    )
    values, _ = read_fields(text, rules)
    assert values["agency.name"] == "Windsor Police Department"
    assert values["agency.phone"] == "802-674-2185"
    assert values["agency.address"] == "29 Union Street, Windsor, VT 05089"


def test_placeholder_is_not_a_value(rules: Rules) -> None:
    """'Judiciary Code: (missing)' counts as not given."""
    values, _ = read_fields("Judiciary Code: (missing)\nPhone: TBD\n", rules)
    assert values["agency.judiciary_code"] is None
    assert values["agency.phone"] is None


def test_agency_name_from_sentence(rules: Rules) -> None:
    """Without a label, the agency is read from 'The X Police Department would like ...'."""
    values, _ = read_fields("The Ludlow Police Department would like to join.", rules)
    assert values["agency.name"] == "Ludlow Police Department"


def test_poc_email_from_cc_display_name(rules: Rules) -> None:
    """A designated PoC's email is taken from the Cc address whose name matches."""
    text = "I have designated Sgt. Amy Lussier as the e-ticket Point-of-Contact for us."
    contact = point_of_contact(
        text,
        rules,
        labelled(text, rules),
        [("Robert Tanner", "rtanner@x.gov"), ("Lussier, Amy", "alussier@x.gov")],
        ("Robert Tanner", "rtanner@x.gov"),
    )
    assert (contact.name, contact.email) == ("Amy Lussier", "alussier@x.gov")


def test_poc_label_with_email(rules: Rules) -> None:
    """'Point of Contact: Sgt. Erin Pacheco (epacheco@...)' gives name without rank and email."""
    text = "Point of Contact: Sgt. Erin Pacheco (EPacheco@brattleboro.org)"
    contact = point_of_contact(text, rules, labelled(text, rules), [], (None, None))
    assert (contact.name, contact.email) == ("Erin Pacheco", "epacheco@brattleboro.org")


def test_sender_as_poc(rules: Rules) -> None:
    """'I will serve as the Point-of-Contact' makes the sender the PoC."""
    text = "I will serve as the e-ticket Point-of-Contact myself."
    contact = point_of_contact(text, rules, {}, [], ("Ruth Coe", "rcoe@richmondvt.gov"))
    assert (contact.name, contact.email) == ("Ruth Coe", "rcoe@richmondvt.gov")


@pytest.mark.parametrize(
    ("signature", "expected"),
    [
        (
            "Robert Tanner\nChief of Police\nHartford Police Department",
            ("Robert Tanner", "Chief of Police"),
        ),
        ("Chief Robert Tanner\nHartford Police Department", ("Robert Tanner", "Chief")),
        ("Robert Tanner, Chief of Police", ("Robert Tanner", "Chief of Police")),
        ("Bob", (None, None)),
    ],
)
def test_head_of_department_from_sign_off(
    rules: Rules, signature: str, expected: tuple[str | None, str | None]
) -> None:
    """The head of department's name and title are read from the lines under the sign-off."""
    split = split_signature(f"Please enrol us.\n\nThank you,\n{signature}\n", rules)
    assert head_of_department(split.signature, rules) == expected


def test_signature_cell_phone_is_not_agency_phone(rules: Rules) -> None:
    """The agency phone comes from the body, not the chief's cell in the signature."""
    text = "Phone: (802) 524-2166\n\nThank you,\nVictor Hale\nChief of Police\nCell: 802-370-4411\n"
    split = split_signature(text, rules)
    values, _ = read_fields(split.body, rules)
    assert values["agency.phone"] == "(802) 524-2166"


def test_officers_in_prose(rules: Rules) -> None:
    """Officers described in sentences are read with rank, number and username."""
    text = (
        "Officer John Smith, LEO number 12345, username jsmith.\n"
        "Sgt. Jane Doe (badge HP204, DPS user jdoe)\n"
        "We bought two printers in 2025.\n"
    )
    found = [
        (o.title, o.first_name, o.last_name, o.officer_number, o.dps_username)
        for o in officers_in_prose(text, rules)
    ]
    assert found == [
        ("Officer", "John", "Smith", "12345", "jsmith"),
        ("Sergeant", "Jane", "Doe", "HP204", "jdoe"),
    ]


def test_a_heading_over_dash_labelled_values_is_no_value(rules: Rules) -> None:
    """ "Agency information:" over "Court code – 0766" / "Name – ...": the line under the
    heading is a value of its own label, not the heading's."""
    text = (
        "Agency information:\nJudiciary code – 0766\nName – Quarry Brook Police Department\n"
        "Phone – 802-555-0170\n"
    )
    values, _ = read_fields(text, rules)
    assert values["agency.name"] == "Quarry Brook Police Department"
    assert values["agency.judiciary_code"] == "0766"
