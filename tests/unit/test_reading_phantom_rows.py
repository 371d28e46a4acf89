"""Rows the email does not give: an ordinary word after "user" ("never had a TraCS user
record") read as a username, and a labelled line under a table ("Authorized: Sheriff
Dana Roy", the label taken into the name) read as an officer of the roster."""

from __future__ import annotations

import pytest

from mailbot.intake.parse import parse_message
from mailbot.intake.rules import load_rules
from mailbot.intake.tables import officers_from_grid
from tests.reading_mail import dumped, mail

_HEADING = ["Name (Last, First)", "Rank", "LEO Number", "DPS Username"]
_ROWS = [
    ["Greer, Paula", "Deputy", "14C02", "pgreer"],
    ["Mason, Eli", "Sergeant", "14C05", "emason"],
]


def test_the_noun_after_user_is_no_username() -> None:
    result = parse_message(
        mail(
            "Hello,\n\nSergeant Paul Greer of the Barnet Police Department resigned on "
            "March 3. Please close the TraCS user account of Sgt. Greer, there is nothing "
            "else to do.\n\nDana Hale\nTown Clerk\n",
            sender='"Hale, Dana" <dhale@barnetvt.test>',
            subject="Update",
        )
    )
    assert [c.get("dps_username") for c in dumped(result.changes)] == [None]


def test_a_username_after_user_is_still_read() -> None:
    result = parse_message(
        mail(
            "Hello,\n\nPlease add Dep. Tyler Gile #07c52 user tgile to our roster.\n\n"
            "Dana Hale\nTown Clerk\n",
            sender='"Hale, Dana" <dhale@barnetvt.test>',
            subject="Update",
        )
    )
    assert [c.get("dps_username") for c in dumped(result.changes)] == ["tgile"]


@pytest.mark.parametrize(
    "line", ["Authorized: Sheriff Dana Roy", "Prepared by: Sgt Ann Holt", "Signed by: Chief Roy"]
)
def test_a_labelled_line_under_a_table_is_no_officer(line: str) -> None:
    officers = officers_from_grid([_HEADING, *_ROWS, [line]], load_rules())
    assert [o.last_name for o in officers] == ["Greer", "Mason"]


def test_a_label_before_a_name_in_a_row_is_no_part_of_the_name() -> None:
    row = ["Name: Holt, Ann", "Sergeant", "14C07", "aholt"]
    officers = officers_from_grid([_HEADING, *_ROWS, row], load_rules())
    assert (officers[-1].first_name, officers[-1].last_name) == ("Ann", "Holt")


def test_an_officer_who_never_had_a_record_has_none_to_close() -> None:
    result = parse_message(
        mail(
            "Hello,\n\nSergeant Paul Greer of the Barnet Police Department retired on "
            "March 3. Sgt. Greer never had a TraCS account, so there is nothing to change "
            "for him.\n\nDana Hale\nTown Clerk\n",
            sender='"Hale, Dana" <dhale@barnetvt.test>',
            subject="Retirement",
        )
    )
    assert result.changes == []


def test_a_retirement_beside_another_who_never_had_a_record_is_still_read() -> None:
    result = parse_message(
        mail(
            "Hello,\n\nPlease deactivate Officer Mark Tessier, R0614, who retired on "
            "March 3. Our new clerk Ann Lowe never had a TraCS account and needs none.\n\n"
            "Dana Hale\nTown Clerk\n",
            sender='"Hale, Dana" <dhale@barnetvt.test>',
            subject="Retirement",
        )
    )
    assert [(c.action, c.last_name) for c in result.changes] == [("deactivate", "Tessier")]


def test_the_one_who_never_had_a_record_is_the_one_named_in_its_clause() -> None:
    result = parse_message(
        mail(
            "Good morning,\n\nPlease deactivate Officer Lee Vachon (WN114), who retired "
            "March 1, and set up Officer Rita Dube, officer # WN131, DPS username rdube - a "
            "lateral from Barre City PD (she never had a TraCS record there).\n\nThank you,"
            "\nSgt. Amy Roy\nWinooski Police Department\n",
            sender='"Roy, Amy" <aroy@winooskivt.test>',
            subject="Roster",
        )
    )
    assert ("deactivate", "Vachon") in [(c.action, c.last_name) for c in result.changes]
