"""A chief answers the desk's checklist in his own words, his request quoted below:
"For the logins, Jo's is jtessier, Bill's is wbrophy and Nate's is nquimby", a two-column
"Name / Username" table with a nickname ("Brophy, Bill" for William), "Nate - nquimby",
"nquimby for Nate", "Sgt Tessier: jtessier", a list in the roster's order. Both the
message read alone (its own quoted request completed) and the desk's follow-up read
against the open case place each username on the right officer, and ask for none."""

from __future__ import annotations

import copy
from email.message import EmailMessage
from typing import Any

import pytest

from mailbot import cases
from mailbot.intake.answers import Sent, read_answer
from mailbot.intake.model import Officer
from mailbot.intake.parse import parse_message
from mailbot.intake.parts import MessageParts
from mailbot.intake.roster_usernames import usernames_on_roster
from mailbot.intake.rules import load_rules

RULES = load_rules()

_REQUEST = """\
Good afternoon,

The Danby Police Department would like to join the e-ticket program. Sgt. Joanne
Tessier will be our point of contact, jtessier@danbyvt.test.

Agency name: Danby Police Department
Address: 130 Brook Road, Danby, VT 05739
Phone: 802-555-0188
Judiciary code: 0731

Officers:
Tessier, Joanne - Sergeant - T0311
Brophy, William - Officer - B0442
Quimby, Nathaniel - Officer - Q0519

Thank you,
Paul Gilmore
Chief of Police
"""

_DESK = """\
Chief Gilmore,

Thank you for the request. Before we can build the agency record we still need:

- Logo for the header of the warnings
- DPS username for each of the three officers

Thanks,
e-Ticket Technical Staff
"""


def _quoted(text: str) -> str:
    return "\n".join(("> " + line).rstrip() for line in text.splitlines())


def _reply(answer: str) -> bytes:
    body = (
        f"{answer}\n\nPaul\n\n"
        "On Tue, Nov 3, 2026 at 9:12 AM DPS eTicket <dps.eTicket@vermont.gov> wrote:\n\n"
        + _quoted(
            _DESK
            + "\nOn Mon, Nov 2, 2026 at 8:00 AM Paul Gilmore <pgilmore@danbyvt.test> wrote:\n\n"
            + _quoted(_REQUEST)
        )
    )
    msg = EmailMessage()
    msg["From"] = "Paul Gilmore <pgilmore@danbyvt.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "Re: TraCS enrollment - Danby Police Department"
    msg["In-Reply-To"] = "<checklist.31@dps.example>"
    msg.set_content(body)
    return msg.as_bytes()


ANSWERS = [
    "For the logins, Jo's is jtessier, Bill's is wbrophy and Nate's is nquimby.",
    "Here are the usernames:\n\nName               Username\n"
    "Tessier, Joanne    jtessier\nBrophy, Bill       wbrophy\nQuimby, Nate       nquimby",
    "Joanne - jtessier\nWilliam - wbrophy\nNathaniel - nquimby",
    "jtessier for Joanne, wbrophy for Bill, nquimby for Nate.",
    "Sgt Tessier: jtessier\nOfc Brophy: wbrophy\nOfc Quimby: nquimby",
    "Usernames in order: jtessier, wbrophy, nquimby",
    "The DPS usernames, same order as the list:\njtessier\nwbrophy\nnquimby",
    # a line of usernames alone, each made from another officer's name
    "jtessier, wbrophy, nquimby",
]

_USERS = ["jtessier", "wbrophy", "nquimby"]


@pytest.mark.parametrize("answer", ANSWERS)
def test_a_reply_alone_gives_each_officer_of_its_quoted_request_his_username(answer: str) -> None:
    """`mailbot parse` on the reply: the quoted roster, completed, asks for nothing."""
    result = parse_message(_reply(answer + "\n\nThe logo is attached."))
    assert result.intent == "enrollment"
    assert [
        (o.first_name, o.last_name, o.officer_number, o.dps_username) for o in result.officers
    ] == [
        ("Joanne", "Tessier", "T0311", "jtessier"),
        ("William", "Brophy", "B0442", "wbrophy"),
        ("Nathaniel", "Quimby", "Q0519", "nquimby"),
    ]
    assert not [p for p in result.missing if p.startswith("officers")]


def _officer(last: str, first: str, title: str, number: str) -> dict[str, Any]:
    return {
        "last_name": last,
        "first_name": first,
        "title": title,
        "officer_number": number,
        "dps_username": None,
    }


CASE: dict[str, Any] = {
    "intent": "enrollment",
    "agency": {
        "name": "Danby Police Department",
        "judiciary_code": "0731",
        "address": "130 Brook Road, Danby, VT 05739",
        "phone": "8025550188",
        "logo": "logo.png",
    },
    "point_of_contact": {"name": "Joanne Tessier", "email": "jtessier@danbyvt.test"},
    "head_of_department": {"name": "Paul Gilmore", "title": "Chief of Police"},
    "officers": [
        _officer("Tessier", "Joanne", "Sergeant", "T0311"),
        _officer("Brophy", "William", "Officer", "B0442"),
        _officer("Quimby", "Nathaniel", "Officer", "Q0519"),
    ],
    "missing": [f"officers[{i}].dps_username" for i in range(3)],
    "invalid": [],
}


@pytest.mark.parametrize("answer", ANSWERS)
def test_the_desk_places_each_username_on_the_cases_roster(answer: str) -> None:
    """The follow-up read against the open case fills the three asked usernames."""
    parts = MessageParts(
        sender="pgilmore@danbyvt.test",
        sender_name="Paul Gilmore",
        subject="Re: [ETK-0031] More information needed",
        in_reply_to="<mailbot.31@desk.test>",
        full_text=answer + "\n\nPaul",
        text=answer + "\n\nPaul",
        quotes_cut=True,
    )
    data, _ = read_answer(parts, Sent.of([_DESK]), CASE, RULES)
    for key in ("missing", "invalid", "sender", "intent"):
        data.pop(key, None)
    merged, _ = cases.merge(copy.deepcopy(CASE), data)
    assert [o["dps_username"] for o in merged["officers"]] == _USERS
    assert [o["first_name"] for o in merged["officers"]] == ["Joanne", "William", "Nathaniel"]
    assert len(merged["officers"]) == 3


_ROSTER = [
    Officer(last_name="Tessier", first_name="Joanne", officer_number="T0311"),
    Officer(last_name="Brophy", first_name="William", officer_number="B0442"),
    Officer(last_name="Quimby", first_name="Nathaniel", officer_number="Q0519"),
]


@pytest.mark.parametrize(
    "text",
    [
        # her e-mail address, not a username
        "Jo's email is jtessier@danbyvt.test if you need her.",
        # neither a word of usernames nor the officer named on the line
        "We will be at the training on the 12th.\njtessier",
        # a file's name beside the word "login"
        "The login steps are in tessier-notes.pdf",
        # a word, not a username
        "For the usernames, Jo's is pending.",
        # two usernames for one officer: staff decide
        "Usernames: jtessier, or maybe jtessier2 for Joanne",
    ],
)
def test_what_cannot_be_placed_for_sure_is_left(text: str) -> None:
    assert usernames_on_roster(text, _ROSTER, RULES) == {}


def test_two_officers_of_one_last_name_are_told_apart_by_initial() -> None:
    roster = [
        Officer(last_name="Brophy", first_name="William"),
        Officer(last_name="Brophy", first_name="Karen"),
    ]
    given = usernames_on_roster("Logins: kbrophy and wbrophy", roster, RULES)
    assert given == {0: "wbrophy", 1: "kbrophy"}


def test_an_ordered_list_of_usernames_made_from_no_name_is_placed_by_position() -> None:
    given = usernames_on_roster("DPS IDs, in that order: dps311, dps442, dps519", _ROSTER, RULES)
    assert given == {0: "dps311", 1: "dps442", 2: "dps519"}


def test_a_username_not_made_from_the_name_is_placed_when_the_answer_pairs_them() -> None:
    """ "For the usernames, Jo's is ... Bill's is bb2208": the digit tells a username
    from a word ("pending")."""
    text = "For the usernames, Bill's is bb2208 and Nate's is pending."
    assert usernames_on_roster(text, _ROSTER, RULES) == {1: "bb2208"}
    assert usernames_on_roster("Usernames: Q0519 - nq.vt", _ROSTER, RULES) == {2: "nq.vt"}


@pytest.mark.parametrize(
    "line",
    [
        "For the usernames, Bill's is bb2208, ",
        "Sgt Tessier: jtessier wbrophy nquimby ",
        "usernames in order: a1, ",
    ],
)
def test_placing_usernames_takes_time_in_line_with_the_text(line: str) -> None:
    """Four times the answer takes about four times as long (never sixteen), whatever
    the size of the roster."""
    import time

    roster = [
        Officer(last_name=f"Name{chr(97 + i % 26)}{i}", first_name=f"First{i}") for i in range(300)
    ]
    roster += _ROSTER

    def seconds(size: int) -> float:
        text = "".join(line + ("\n" if i % 8 == 7 else "") for i in range(size // len(line)))
        start = time.process_time()
        usernames_on_roster(text, roster, RULES)
        return time.process_time() - start

    small, large = seconds(50_000), seconds(200_000)
    assert large < max(8 * small, 0.5), (small, large)


@pytest.mark.parametrize("row", ["Tessier, Jo        jtessier", "Tessier, Dodie     jtessier"])
def test_a_first_name_no_list_knows_is_the_only_officer_of_that_last_name_by_username(
    row: str,
) -> None:
    """ "Tessier, Dodie  jtessier" in the answer's table: the only Tessier, and a username
    made from her name and her initial; both paths keep her as one officer."""
    answer = (
        "Here are the usernames:\n\nName               Username\n"
        f"{row}\nBrophy, Bill       wbrophy\nQuimby, Nate       nquimby"
    )
    result = parse_message(_reply(answer + "\n\nThe logo is attached."))
    assert [(o.first_name, o.dps_username) for o in result.officers] == [
        ("Joanne", "jtessier"),
        ("William", "wbrophy"),
        ("Nathaniel", "nquimby"),
    ]
    assert not [p for p in result.missing if p.startswith("officers")]
    parts = MessageParts(
        sender="pgilmore@danbyvt.test",
        subject="Re: [ETK-0031] More information needed",
        in_reply_to="<mailbot.31@desk.test>",
        full_text=answer,
        text=answer,
        quotes_cut=True,
    )
    data, _ = read_answer(parts, Sent.of([_DESK]), CASE, RULES)
    assert [o.get("dps_username") for o in data["officers"]] == _USERS
