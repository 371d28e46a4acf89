"""Names read from prose: a possessive 's is no part of a person's name ("Mia Santerre's
is msanterre")."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from mailbot.intake.prose import split_name
from mailbot.intake.rules import load_rules
from tests.reading_mail import mail


def test_a_possessive_is_no_part_of_the_last_name() -> None:
    assert split_name("Mia Santerre's") == ("Mia", "Santerre")
    assert split_name("Mia Santerre’s") == ("Mia", "Santerre")
    assert split_name("Ann O'Shea") == ("Ann", "O'Shea")


def test_a_name_in_the_possessive_is_no_new_last_name() -> None:
    from mailbot.intake.change_renamed import renamed_to
    from mailbot.intake.model import Officer

    rules = load_rules()
    text = "Also Sgt Lena Marsh's username changed to lmarsh2 after the IT move. Her # is 19M11"
    officer = Officer(first_name="Lena", last_name="Marsh", officer_number="19M11")
    assert renamed_to(text, officer, rules) is None
    raw = mail(
        "Please remove Ofc Carl Dunn 19D44 from our list, he left.\n\n"
        + text
        + "\n\nThx\nLt. Ed Poe\n",
        sender="Ed Poe <epoe@fairlee.test>",
        subject="roster changes",
    )
    changes = parse_message(raw).changes
    assert [(c.first_name, c.last_name, c.officer_number) for c in changes][-1] == (
        "Lena",
        "Marsh",
        "19M11",
    )
