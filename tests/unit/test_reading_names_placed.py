"""Names read from prose: a possessive 's is no part of a person's name ("Mia Santerre's
is msanterre"); a short surname in capitals where a person's name stands ("OFFICER ANN
VERO", "ANN VERO <avero@...>") is a surname, not an agency's acronym (RCSD, BPD)."""

from __future__ import annotations

from mailbot.intake.head_of_department import is_agency_or_title
from mailbot.intake.parse import parse_message
from mailbot.intake.prose import split_name
from mailbot.intake.rules import load_rules
from tests.reading_mail import mail


def test_a_possessive_is_no_part_of_the_last_name() -> None:
    assert split_name("Mia Santerre's") == ("Mia", "Santerre")
    assert split_name("Mia Santerre’s") == ("Mia", "Santerre")
    assert split_name("Ann O'Shea") == ("Ann", "O'Shea")


def _request(poc: str) -> bytes:
    body = (
        "Hello,\n\n"
        "The Fairlee Police Department would like to enroll in e-ticketing.\n"
        f"Our point of contact will be {poc}, 802-555-0133.\n\n"
        "Judiciary code: 0611\n"
        "Address: 75 Main Street, Fairlee, VT 05045\n"
        "Phone: 802-555-0171\n\n"
        "Officers:\n"
        "Vero, Ann - Officer - 14F02 - avero\n"
        "Ross, Jay - Officer - 14F07 - jross\n\n"
        "Thanks,\n"
        "Tom Lyle\n"
        "Chief, Fairlee PD\n"
    )
    return mail(body, sender="Tom Lyle <tlyle@fairlee.test>", subject="Fairlee PD e-ticket")


def test_a_poc_named_in_capitals_keeps_a_four_letter_surname() -> None:
    for poc in ("OFFICER ANN VERO, avero@fairlee.test", "ANN VERO <avero@fairlee.test>"):
        result = parse_message(_request(poc))
        assert result.intent == "enrollment"
        assert (result.point_of_contact.name or "").casefold() == "ann vero", poc
        assert result.point_of_contact.email == "avero@fairlee.test", poc


def test_an_acronym_is_still_an_agency_where_no_person_stands() -> None:
    from mailbot.intake.names import in_persons_place

    rules = load_rules()
    assert is_agency_or_title(["RUTLAND", "RCSD"], rules)
    assert not in_persons_place("RUTLAND RCSD", "", "records@rutland.test", rules)
    assert not in_persons_place("UVM", "Officer", None, rules)
    assert in_persons_place("ANN VERO", "", "avero@fairlee.test", rules)
    assert in_persons_place("ANN VERO", "our PoC is OFFICER", None, rules)
    assert not is_agency_or_title(["ANN", "VERO"], rules, placed=True)


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
