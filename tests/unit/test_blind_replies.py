"""Answers to the checklist written by people who never saw the parser (the blind
corpus's replies, tests/data/blind/bm-*): each fills exactly what its case asked for.

Each message is read as the bot reads a follow-up: against the checklist we would have
sent on a case like the one the message answers, then merged into that case. The
expected values come from the message's own expected-parse JSON.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest

from mailbot import casecheck, cases
from mailbot.checklist import describe
from mailbot.domain.paths import FieldPath
from mailbot.intake.answers import Sent, read_answer
from mailbot.intake.message import read_message
from mailbot.intake.rules import load_rules
from mailbot.replies import render

RULES = load_rules()
BLIND = Path(__file__).resolve().parents[1] / "data" / "blind"


def officer(last: str, first: str, title: str, number: str | None, user: str | None) -> dict:
    return {
        "last_name": last,
        "first_name": first,
        "title": title,
        "officer_number": number,
        "dps_username": user,
    }


def case(name: str, officers: list[dict], missing: list[str], **agency: Any) -> dict[str, Any]:
    values = {
        "name": name,
        "judiciary_code": "0100",
        "address": "1 Main Street, Town, VT 05001",
        "phone": "802-555-0100",
        "logo": "logo.png",
        **agency,
    }
    return {
        "intent": "enrollment",
        "agency": values,
        "point_of_contact": {"name": "Pat Doe", "email": "pdoe@town.test"},
        "head_of_department": {"name": "Pat Doe", "title": "Chief"},
        "officers": officers,
        "missing": missing,
        "invalid": [],
    }


# The case each reply answers, as its quoted checklist describes it.
CASES: dict[str, dict[str, Any]] = {
    "bm-038": case(
        "Hartford Police Department",
        [
            officer("Bellamy", "Mark", "Chief", "HA001", "mbellamy"),
            officer("Reyes", "Ana", "Sergeant", "HA050", "areyes"),
            officer("Okafor", "Samuel", "Officer", "HA117", None),
        ],
        ["agency.phone", "agency.logo", "officers[2].dps_username"],
        phone=None,
        logo=None,
    ),
    "bm-039": case(
        "Richford Police Department",
        [
            officer("Lussier", "Dawn", "Chief", "RF001", "dlussier"),
            officer("Brennan", "Kyle", "Officer", "RF006", None),
        ],
        ["officers[1].dps_username"],
    ),
    "bm-041": case(
        "Jericho Police Department",
        [officer("Hill", "Ann", "Chief", "JR001", "ahill")],
        ["agency.judiciary_code"],
        judiciary_code=None,
    ),
    "bm-042": case(
        "Georgia Police Department",
        [officer("Lemieux", "Andre", "Officer", None, None)],
        ["officers[0].officer_number", "officers[0].dps_username"],
    ),
    "bm-044": case(
        "Ludlow Police Department",
        [officer("Coolidge", "Brenda", "Chief", "LU001", "bcoolidge")],
        ["agency.phone", "agency.logo"],
        phone=None,
        logo=None,
    ),
    "bm-045": case(
        "Manchester Police Department",
        [
            officer("Foss", "Greg", "Lieutenant", "MN001", "gfoss"),
            officer("Sprague", "Owen", "Officer", "MN021", None),
            officer("Keel", "Ron", "Officer", "MN030", "rkeel"),
            officer("Ibarra", "Lucia", "Corporal", None, "libarra"),
        ],
        ["officers[1].dps_username", "officers[3].officer_number"],
    ),
    "bm-046": case(
        "Poultney Police Department",
        [officer("Simms", "Arthur", "Chief", "PO001", "asimms")],
        ["agency.address", "agency.phone"],
        address=None,
        phone=None,
    ),
    "bm-047": case(
        "Derby Police Department",
        [officer("Bean", "Curtis", "Sergeant", "DB004", "cbean")],
        ["agency.logo"],
        logo=None,
    ),
    "bm-053": case(
        "Royalton Police Department",
        [officer("Millhouse", "Kate", "Chief", "RY001", "kmillhouse")],
        ["agency.judiciary_code", "agency.logo"],
        judiciary_code=None,
        logo=None,
    ),
    "bm-055": case(
        "Rockingham Police Department",
        [officer("Whitney", "Carolyn", "Sergeant", None, "cwhitney")],
        ["officers[0].officer_number"],
    ),
}


def answered(key: str) -> tuple[dict[str, Any], dict[str, Any], list[cases.Revision]]:
    """(expected parse, case after the merge, revisions) for one blind reply."""
    before = CASES[key]
    [eml] = BLIND.glob(f"{key}-*.eml")
    expected = json.loads(eml.with_suffix(".json").read_text())
    checklist = describe(before["missing"], before["invalid"], before["officers"], before)
    sent = render(
        "checklist",
        reference="ETK-0042",
        agency_name=before["agency"]["name"],
        checklist=checklist,
    )
    parts = read_message(eml.read_bytes())
    new, _ = read_answer(parts, Sent.of([sent.text]), before, RULES)
    for name in ("missing", "invalid", "sender", "automated"):
        new.pop(name, None)
    new["intent"] = before["intent"]
    after, revisions = cases.merge(copy.deepcopy(before), new)
    return expected, casecheck.recheck(after, RULES), revisions


def _same(path: str, got: Any, want: Any) -> bool:
    if path.endswith("phone"):
        return re.sub(r"\D", "", str(got))[-10:] == re.sub(r"\D", "", str(want))[-10:]
    return " ".join(str(got).split()).casefold() == " ".join(str(want).split()).casefold()


@pytest.mark.parametrize("key", sorted(CASES))
def test_blind_reply_fills_what_the_case_asked_for(key: str) -> None:
    """Every value the reply gives lands on the case (officers on the right row), the
    checklist's example row is never read, and the case asks again only for what the
    reply did not give."""
    expected, after, revisions = answered(key)
    for name, want in expected["agency"].items():
        if want is not None:
            assert _same(f"agency.{name}", after["agency"][name], want), name
    before = CASES[key]
    assert len(after["officers"]) == len(before["officers"])
    for row in expected["officers"]:
        at = next(
            i
            for i, o in enumerate(before["officers"])
            if (row["last_name"] and o["last_name"] == row["last_name"])
            or (row["first_name"] and o["first_name"] == row["first_name"])
        )
        for name, want in row.items():
            if want is not None:
                assert _same(name, after["officers"][at][name], want), (at, name)
    assert "kbrown" not in json.dumps(after)
    # only asked-for values changed: no signature became the head of department
    changed = {FieldPath(r.path).root for r in revisions} - {"logo_info"}
    assert changed <= {"agency", "officers"}
    still = set(after["missing"])
    given = {f"agency.{k}" for k, v in expected["agency"].items() if v}
    assert not (still & given)


def test_logo_given_only_as_a_link_is_still_asked_for() -> None:
    """A logo offered as a web address is not a logo: the checklist still asks for it,
    while the code given in the same reply is taken."""
    _, after, _ = answered("bm-053")
    assert after["agency"]["judiciary_code"] == "0087"
    assert after["missing"] == ["agency.logo"]


def test_sentence_answer_leaves_the_promised_items_asked() -> None:
    """ "I'll get you the phone and logo by end of week": the username is taken, the
    phone and logo stay on the checklist."""
    _, after, _ = answered("bm-038")
    assert after["officers"][2]["dps_username"] == "sokafor"
    assert after["missing"] == ["agency.phone", "agency.logo"]


@pytest.mark.parametrize("key", ["bm-038", "bm-042", "bm-045", "bm-055"])
def test_reply_parsed_alone_gives_its_officer_details(key: str) -> None:
    """`mailbot parse` of a reply (no case known) reads the officer details it gives, as
    an enrolment answer, and nothing from the quoted checklist."""
    from mailbot.intake.parse import parse_message

    [eml] = BLIND.glob(f"{key}-*.eml")
    expected = json.loads(eml.with_suffix(".json").read_text())
    result = parse_message(eml.read_bytes(), rules=RULES).to_json_dict()
    assert result["intent"] == expected["intent"] == "enrollment"
    got = [(o["last_name"], o["officer_number"], o["dps_username"]) for o in result["officers"]]
    want = [(o["last_name"], o["officer_number"], o["dps_username"]) for o in expected["officers"]]
    assert got == want
