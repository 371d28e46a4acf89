"""Roster changes written in sentences: a title to "read" a new rank, a constable's own
note typed in lower case with his number in lower case, and a town's newly elected
constable beside the one he replaces."""

from __future__ import annotations

from tests.reading_mail import by_number, mail, roster_changes


def test_a_title_asked_to_read_a_new_rank_is_an_update() -> None:
    body = (
        "Good afternoon,\n\n"
        "Deputy Marcus Ellery (LEO 7R404) joined our Investigations Unit this "
        'week. Could you have his title in the system read "Investigator" from now on?\n\n'
        "Everything else stays as it is.\n\n"
        "Thanks,\nCapt. Noreen Haskell\nGrafton County Sheriff's Office\n"
    )
    raw = mail(body, sender="nhaskell@graftonsheriff.example", subject="Ellery")
    assert by_number(roster_changes(raw)) == {
        "7R404": {
            "action": "update",
            "officer_number": "7R404",
            "last_name": "Ellery",
            "first_name": "Marcus",
            "title": "Investigator",
        }
    }


def test_a_lower_case_note_of_the_writers_own_record() -> None:
    body = (
        "hey its Dale Pettibone, constable up in wheelock. could you change my title "
        "on the tickets to first constable, they voted me in. my number is 4k118 and "
        "my login is dpettibone.\n\n"
        "also my last name has two t's, you had it as Petibone\n"
    )
    raw = mail(body, sender="dale pettibone <dpett77@fastmail.example>", subject="my title")
    changes = by_number(roster_changes(raw))
    assert list(changes) == ["4K118"]
    assert changes["4K118"]["action"] == "update"
    assert changes["4K118"]["last_name"] == "Pettibone"
    assert changes["4K118"]["first_name"].lower() == "dale"  # type: ignore[union-attr]


def test_an_elected_constable_and_the_one_he_replaces() -> None:
    body = (
        "Hello,\n\n"
        "At this year's town meeting Nadine Fortier was elected Second Constable for the "
        "Town of Orwell, replacing Gil Tremblay who did not run again. Nadine's LEO number "
        "is 5F309 and her DPS username is nfortier.\n\n"
        "Please also remove Gil (5T277) from the town's list.\n\n"
        "Regards,\nPatrice Wood\nOrwell Town Clerk\n"
    )
    raw = mail(body, sender="orwellclerk@townmail.example", subject="Orwell constable")
    assert by_number(roster_changes(raw)) == {
        "5F309": {
            "action": "add",
            "officer_number": "5F309",
            "last_name": "Fortier",
            "first_name": "Nadine",
            "dps_username": "nfortier",
        },
        "5T277": {
            "action": "deactivate",
            "officer_number": "5T277",
            "first_name": "Gil",
            "last_name": "Tremblay",
        },
    }
