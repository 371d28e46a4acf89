"""A login is matched to an officer's name by the name's letters without their accents:
"Léa" is "lea", so a word that holds only what is left of the name with its accent
dropped ("Clayton" for "la" of "Léa") is no candidate username, and an officer with no
username yet is asked for one."""

from __future__ import annotations

from mailbot.intake.model import Officer
from mailbot.intake.parse import parse_message
from mailbot.intake.roster_usernames import made_from
from tests.reading_mail import mail

_BODY = """\
Hello,

I am the chief of the Pine Hollow Police Department and I will be the point of contact.

Judiciary code: 0998
Name on ticket: Pine Hollow Police Department
Address: 40 Clayton Road, Pine Hollow, VT 05998
Phone: 802-555-0177

Our officers are in the attached file; nobody has a DPS username yet.

Léa Cormier
Chief of Police
"""


def test_a_place_word_is_no_username_of_an_accented_name() -> None:
    roster = "Last,First,Title,Officer Number\nCormier,Léa,Chief,PH001\nMarsh,Lee,Officer,PH014\n"
    raw = mail(
        _BODY,
        sender="Léa Cormier <chief@pinehollow.test>",
        subject="e-ticket request",
        attachments=[("roster.csv", roster.encode(), "text/csv")],
    )
    result = parse_message(raw)
    assert [o.last_name for o in result.officers] == ["Cormier", "Marsh"]
    assert "officers[0].dps_username" in result.missing


def test_a_login_typed_without_the_accent_is_made_from_the_name() -> None:
    officer = Officer(last_name="Bérubé", first_name="Anaïs")
    assert made_from("aberube", officer)
