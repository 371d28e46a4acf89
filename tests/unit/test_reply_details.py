"""Replies to our checklist that give officers' usernames in prose, one officer a line."""

from __future__ import annotations

import pytest

from mailbot import cases
from mailbot.intake.parse import parse_parts
from mailbot.intake.parts import MessageParts
from mailbot.intake.reply_details import officer_details
from mailbot.intake.rules import Rules, load_rules


@pytest.fixture
def rules() -> Rules:
    return load_rules()


def _rows(text: str, rules: Rules) -> list[dict[str, str]]:
    return [o.model_dump(exclude_none=True) for o in officer_details(text, rules)]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Jordan Hale's DPS username is jhale",
            [{"last_name": "Hale", "first_name": "Jordan", "dps_username": "jhale"}],
        ),
        (
            "Username for officer 2 (Hale): jhale",
            [{}, {"last_name": "Hale", "dps_username": "jhale"}],
        ),
        ("Hale - jhale", [{"last_name": "Hale", "dps_username": "jhale"}]),
        (
            "- Sgt. Amy Lussier – alussier",
            [
                {
                    "last_name": "Lussier",
                    "first_name": "Amy",
                    "title": "Sergeant",
                    "dps_username": "alussier",
                }
            ],
        ),
    ],
)
def test_one_officer_per_line(line: str, expected: list[dict[str, str]], rules: Rules) -> None:
    """Each way people write "this officer's username is X" gives the name and username."""
    assert _rows(line, rules) == expected


@pytest.mark.parametrize(
    "line",
    ["Thanks - bob", "Please - see below", "Hale - Sergeant", "Phone - 802-555-1212", "Regards"],
)
def test_lines_that_are_not_officer_details(line: str, rules: Rules) -> None:
    """Sign-offs, titles and numbers after a dash are not read as a username."""
    assert _rows(line, rules) == []


def test_reply_with_usernames_fills_the_case(rules: Rules) -> None:
    """A reply naming each officer with a username fills exactly those officers' gaps."""
    reply = MessageParts(
        sender="chief@town.vt.us",
        subject="RE: e-Ticket enrollment: information needed",
        in_reply_to="<checklist-1@mailbot>",
        text="Here you go:\n\nJordan Hale's DPS username is jhale\nPriya Shah - pshah\n",
    )
    result = parse_parts(reply, rules)
    assert result.intent == "enrollment"
    case = {
        "officers": [
            {"last_name": "Shah", "first_name": "Priya", "officer_number": "HA001"},
            {"last_name": "Hale", "first_name": "Jordan", "officer_number": "HA002"},
        ]
    }
    merged, _ = cases.merge(case, {"officers": result.to_json_dict()["officers"]})
    assert [(o["officer_number"], o.get("dps_username")) for o in merged["officers"]] == [
        ("HA001", "pshah"),
        ("HA002", "jhale"),
    ]


def test_username_lines_outside_a_reply_are_not_an_enrolment(rules: Rules) -> None:
    """A new message with only a "Name - username" line is not taken as an enrolment request."""
    parts = MessageParts(sender="a@b.org", subject="question", text="Hale - jhale\n")
    assert parse_parts(parts, rules).intent == "other"
