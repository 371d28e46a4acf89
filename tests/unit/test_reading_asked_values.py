"""Values a writer asks for in words of his own: a title he tells the desk to make or
set, a number he gives in reply to the desk's question for it."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail


def request(body: str, subject: str = "Roster update") -> bytes:
    return mail(body, sender="Sgt. Nora Keane <nkeane@elmridge.test>", subject=subject)


def test_title_made_or_set() -> None:
    """ "please make his title Lieutenant", "set her rank as Corporal": the new title."""
    result = parse_message(
        request(
            "Two updates for Elmridge PD:\n\n"
            "- Sgt. Omar Bright (EL204) was promoted, please make his title Lieutenant.\n"
            "- Ofc. Tess Varga (EL311) was promoted as well, please set her rank as Corporal.\n\n"
            "Nora Keane\nElmridge Police Department\n"
        )
    )
    assert result.intent == "officer_maintenance"
    titles = {c.officer_number: c.model_dump().get("title") for c in result.changes}
    assert titles == {"EL204": "Lieutenant", "EL311": "Corporal"}


def test_list_lines_by_surname_and_number() -> None:
    """A terse list, each line a surname and his five-digit number ("- drop Pryce 04417
    retired", "Nadeau 04482 now Sgt."), asks roster changes: the rank after "now" is the
    new title."""
    result = parse_message(
        request(
            "couple of updates\n"
            "- drop Pryce 04417 retired last week\n"
            "- Nadeau 04482 now Sgt. effective monday\n"
            "thx\n"
            "Keane\n",
            subject="updates",
        )
    )
    assert result.intent == "officer_maintenance"
    changes = [c.model_dump(exclude_none=True) for c in result.changes]
    assert changes == [
        {"action": "deactivate", "officer_number": "04417", "last_name": "Pryce"},
        {"action": "update", "officer_number": "04482", "last_name": "Nadeau", "title": "Sergeant"},
    ]


def test_change_cell_giving_the_rank_now() -> None:
    """A change table whose change cell says only "now Lieutenant" (or "→ Corporal")
    asks that record's title changed to that rank."""
    result = parse_message(
        request(
            "Two promotions this week, please update:\n\n"
            "Officer | LEO | Change\n"
            "Sgt. Omar Bright | EL204 | now Lieutenant\n"
            "Ofc. Tess Varga | EL311 | → Corporal\n\n"
            "Nora Keane\nElmridge Police Department\n"
        )
    )
    assert result.intent == "officer_maintenance"
    got = {(c.action, c.officer_number, c.model_dump().get("title")) for c in result.changes}
    assert got == {("update", "EL204", "Lieutenant"), ("update", "EL311", "Corporal")}


def test_first_name_said_to_stay() -> None:
    """ "new last name is Okafor-Lind, first name stays Priya": the update carries the
    first name it keeps."""
    result = parse_message(
        request(
            "Ofc. Okafor (EL318) got married. Her new last name is Okafor-Lind, "
            "first name stays Priya. Please update her record.\n\nNora Keane\n"
        )
    )
    changes = [c.model_dump(exclude_none=True) for c in result.changes]
    assert changes == [
        {
            "action": "update",
            "officer_number": "EL318",
            "last_name": "Okafor-Lind",
            "first_name": "Priya",
            "title": "Officer",
        }
    ]
