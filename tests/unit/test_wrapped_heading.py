"""A roster heading whose cells wrap onto a second line ("Officer" over "Number"), as a
PDF or a Word table prints a narrow column: one heading, its numbers read, no row of
heading words read as an officer."""

from __future__ import annotations

import pytest

from mailbot.intake.attachments import TextDocument
from mailbot.intake.limits import Limits
from mailbot.intake.officer_reading import read_officers
from mailbot.intake.rules import Rules, load_rules
from mailbot.intake.tables import officers_from_text
from mailbot.intake.wrapped_heading import joined_heading

ROSTER = """\
Officer Last Name     Officer First         Rank/Title         Officer            DPS Username
                      Name                                     Number
Benoit                Sarah                 Lieutenant         19374              sbenoit
Hutchins              Ryan                  Corporal           22105              rhutchins
"""

READ = [
    ("Benoit", "Sarah", "Lieutenant", "19374", "sbenoit"),
    ("Hutchins", "Ryan", "Corporal", "22105", "rhutchins"),
]


@pytest.fixture(scope="module")
def rules() -> Rules:
    return load_rules()


def _rows(officers: list) -> list[tuple[str | None, ...]]:
    return [
        (o.last_name, o.first_name, o.title, o.officer_number, o.dps_username) for o in officers
    ]


def test_a_wrapped_heading_in_text_is_one_heading(rules: Rules) -> None:
    assert _rows(officers_from_text(ROSTER, rules)) == READ


def test_a_wrapped_heading_in_an_attached_document_is_one_heading(rules: Rules) -> None:
    document = TextDocument("roster.txt", ROSTER.encode(), Limits())
    assert _rows(read_officers("See the attached roster.", [], rules, documents=[document])) == READ


def test_a_heading_wrapped_in_one_column_alone(rules: Rules) -> None:
    text = (
        "Rank/Title      Last Name       First Name      Officer      DPS Username\n"
        "                                                Number\n"
        "Sheriff         Tatro           Lorraine        05508        ltatro\n"
    )
    assert _rows(officers_from_text(text, rules)) == [
        ("Tatro", "Lorraine", "Sheriff", "05508", "ltatro")
    ]


@pytest.mark.parametrize(
    "below",
    [
        "Benoit                Sarah                 Lieutenant         19374              sbenoit",
        "Ng                    Bo                    Sgt",
        # two parts under one heading cell: no wrap of that cell
        "                                                               Num    Number",
    ],
)
def test_an_officer_row_is_no_wrapped_heading(below: str, rules: Rules) -> None:
    assert joined_heading(ROSTER.split("\n")[0], below, rules) is None


def test_the_joined_heading_keeps_each_cell_where_it_stood(rules: Rules) -> None:
    head, below = ROSTER.split("\n")[:2]
    joined = joined_heading(head, below, rules)
    assert joined is not None
    assert joined.index("Officer First Name") == head.index("Officer First")
    assert joined.index("Officer Number") == head.rindex("Officer")
