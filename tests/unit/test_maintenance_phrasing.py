"""Roster changes written as instructions, the way a PoC writes a list."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.intake.parse import parse_message


def request(body: str) -> bytes:
    m = EmailMessage()
    m["From"] = "Chief Dana Morse <dmorse@norwich.test>"
    m["To"] = "dps.eticket@vermont.gov"
    m["Subject"] = "Roster changes"
    m.set_content(body)
    return bytes(m)


def test_imperative_promote_and_add() -> None:
    """ "Promote X (NW002) to Sergeant" is a title change and "Add Officer ..." an add;
    the instruction word is not read as part of the name."""
    result = parse_message(
        request(
            "Please make these changes:\n\n"
            "- Promote Jordan Hale (NW002) to Sergeant.\n"
            "- Add Officer Casey Lee, LEO number NW003, DPS username clee.\n\n"
            "Thank you,\nDana Morse\nChief of Police\n"
        )
    )
    assert result.intent == "officer_maintenance"
    changes = [c.model_dump() for c in result.changes]
    assert changes == [
        {
            "action": "update",
            "officer_number": "NW002",
            "last_name": "Hale",
            "first_name": "Jordan",
            "title": "Sergeant",
        },
        {
            "action": "add",
            "officer_number": "NW003",
            "last_name": "Lee",
            "first_name": "Casey",
            "title": "Officer",
            "dps_username": "clee",
        },
    ]


def test_instruction_words_come_from_the_rules(tmp_path: object) -> None:
    """Without "promote" among the instruction words, the name keeps the word (the
    behaviour is data in rules/language.toml)."""
    import shutil
    from pathlib import Path

    from mailbot.intake.rules import load_rules
    from mailbot.resources import rules_dir

    folder = Path(str(tmp_path)) / "rules"
    shutil.copytree(rules_dir(), folder)
    language = folder / "language.toml"
    language.write_text(language.read_text().replace('"promote", ', ""))
    result = parse_message(
        request("Please add Promote Jordan Hale, LEO number NW002, username jhale.\n"),
        rules=load_rules(folder),
    )
    assert result.changes[0].model_dump()["first_name"] == "Promote Jordan"


def test_a_title_said_for_a_listed_group_goes_to_each_of_its_rows() -> None:
    """ "The three Patrolmen will carry the title "Police Officer". Please change their
    titles:" over rows of names and numbers: each row's update takes that title."""
    result = parse_message(
        request(
            "Good afternoon,\n\nUnder the new town charter the rank of Patrolman is gone. "
            'The three Patrolmen will carry the title "Police Officer". Please change '
            "their titles in TraCS:\n\n"
            "   Hale, Jordan  (NW002)\n"
            "   Lee, Casey  (NW003)\n"
            "   Moss, Tara  (NW007)\n\n"
            "Thank you,\nDana Morse\nChief of Police\n"
        )
    )
    assert result.intent == "officer_maintenance"
    got = {c.officer_number: (c.action, getattr(c, "title", None)) for c in result.changes}
    assert got == {
        "NW002": ("update", "Police Officer"),
        "NW003": ("update", "Police Officer"),
        "NW007": ("update", "Police Officer"),
    }
