"""Which action a roster change asks, when its own words and the message's differ: a new
officer whose title is stated (no change of it), an officer leaving for another agency
whose record moves there, an item a PDF wrapped over lines."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from mailbot.intake.change_actions import title_as_named
from mailbot.intake.parse import parse_message
from mailbot.intake.rules import load_rules
from mailbot.resources import rules_dir
from tests.reading_mail import by_number, mail


def _changes(
    body: str, subject: str = "TraCS record request"
) -> dict[str | None, dict[str, object]]:
    result = parse_message(
        mail(body, sender="Sgt. Ann Roe <aroe@middleburyvt.test>", subject=subject)
    )
    assert result.intent == "officer_maintenance"
    return by_number(result.changes)


NEWEST = (
    "Good morning,\n\nPlease create a TraCS officer record for our newest officer. She "
    "finished the academy last month and goes solo on patrol Monday.\n\n"
    "Officer Kaitlyn M. Desrochers\nVT LEO #: 4D771\nDPS username: kdesrochers\n\n"
    'Her title on the ticket should just be "Officer". She has already done the TraCS '
    "training with me.\n\nThanks,\n\nSgt. Ann Roe\nMiddlebury Police Department\n"
)


def test_a_new_officer_s_title_stated_under_a_request_for_her_record_is_an_add() -> None:
    got = _changes(NEWEST)
    assert got["4D771"]["action"] == "add"
    assert got["4D771"]["title"] == "Officer"
    assert got["4D771"]["dps_username"] == "kdesrochers"


def test_a_title_other_than_the_rank_named_is_still_a_change() -> None:
    """ "Officer Jo Roy ... title should be Sergeant" under an add elsewhere: a promotion."""
    got = _changes(
        "Hi,\n\nPlease add our new hire, Officer Lee Park, LEO 5P101, username lpark.\n\n"
        "Officer Jo Roy (LEO 5P044) made the list. Her title on the ticket should be "
        "Sergeant.\n\nThanks,\nAnn\n"
    )
    assert got["5P101"]["action"] == "add"
    assert got["5P044"]["action"] == "update"
    assert got["5P044"]["title"] == "Sergeant"


def test_a_new_officer_of_an_ordinal_rank_is_added_with_the_title_stated() -> None:
    got = _changes(
        "hi its Ed constable in Sharon. couple changes for tracs\n\n"
        "Dave Whitney (officer # 2S114) retired end of march, pls shut his account off\n\n"
        "New 2nd constable is Ashley Poor, her cert # is 2S391, dps username apoor. Title "
        "on the tickets should be Constable\n\nthx\nEd\n"
    )
    assert got["2S114"]["action"] == "deactivate"
    assert got["2S391"]["action"] == "add"
    assert got["2S391"]["last_name"] == "Poor"
    assert got["2S391"]["title"] == "Constable"


def test_an_officer_leaving_to_join_another_agency_has_his_record_moved_there() -> None:
    got = _changes(
        "Good afternoon,\n\nThe Barre City Police Department requests the following TraCS "
        "changes:\n\n1.  Officer Kyle Drown (LEO 4B903) is leaving us 10/4 and joining the "
        "Barre Town Police Department. Chief LaPerle has spoken with Barre Town and they "
        "would like his record moved over to them rather than closed. Username kdrown "
        "stays the same.\n\n2.  Please add Officer Maria Santiago. LEO number 5B660, DPS "
        "username msantiago.\n\nThank you,\nTammy\n",
        subject="TraCS changes",
    )
    assert got["4B903"]["action"] == "update"
    assert got["4B903"]["agency"] == "Barre Town Police Department"
    assert got["4B903"]["dps_username"] == "kdrown"
    assert got["5B660"]["action"] == "add"


def test_a_numbered_item_wrapped_mid_sentence_onto_a_capital_goes_on() -> None:
    """A letter's item the PDF wrapped at "... to join the Bennington" / "Police
    Department. Chief ...": one item, its record moved to the agency he joins."""
    got = _changes(
        "Please make the following changes to the TraCS officer records associated with the "
        "Bennington County Sheriff's\nDepartment:\n\n"
        "1. Deputy Marcus Kent (Officer # 2N377) is leaving this Department on August 15, "
        "2025 to join the Bennington\nPolice Department. Chief Hanley has asked that his "
        "existing TraCS record be transferred to Bennington Police\nDepartment rather than "
        "closed. His DPS username, mkent, will not change.\n\n"
        "2. Deputy Olivia Stark (Officer # 0N612) retired on July 31, 2025. Please "
        "deactivate her record.\n\nSincerely,\nJames Whitlock\nSheriff\n",
        subject="TraCS officer changes",
    )
    assert got["2N377"]["action"] == "update"
    assert got["2N377"]["agency"] == "Bennington Police Department"
    assert got["0N612"]["action"] == "deactivate"


def test_the_words_stating_a_title_follow_the_rule_file(tmp_path: Path) -> None:
    """Without ``title_stated`` in language.toml, "title should just be" reads as a change."""
    text = 'Officer Kaitlyn Desrochers VT LEO #: 4D771. Her title should just be "Officer".'
    assert title_as_named(text, load_rules())
    target = tmp_path / "rules"
    shutil.copytree(rules_dir(), target)
    language = target / "language.toml"
    toml = language.read_text(encoding="utf-8")
    bare = re.sub(r"(?m)^title_stated = \[[^\]]*\]", "title_stated = []", toml)
    assert bare != toml
    language.write_text(bare, encoding="utf-8")
    assert not title_as_named(text, load_rules(target))


def test_a_newcomer_with_a_joined_surname_named_after_a_leaving_is_his_own_change() -> None:
    got = _changes(
        "Hi,\n\nOfficer Pell (MB072) left us last month, so his record can be shut off. "
        "We also have a new officer, Kofi Mensah-Arthur, who just finished training. His "
        "officer number is MB140 and his DPS username is kmensaharthur.\n\nAnn\n"
    )
    assert got["MB072"]["action"] == "deactivate"
    assert (got["MB140"]["action"], got["MB140"]["last_name"]) == ("add", "Mensah-Arthur")


def test_a_new_officer_called_by_the_kind_of_his_post_is_added() -> None:
    """ "New seasonal officer for the lake patrol: ..." opens an item with a new officer
    (the kind of his post between "new" and his rank), though the list says "changes"."""
    got = _changes(
        "Hello,\n\nA couple of roster changes for Middlebury PD:\n\n"
        "1. Officer Dan Pike (4D310) retired on Friday. Please remove him.\n\n"
        "2. New seasonal officer for the lake patrol: Officer Rita Vance, LEO number 4D812."
        " Her DPS login is still being set up; I will send it on when I have it.\n\n"
        "Thanks,\nSgt. Ann Roe\nMiddlebury Police Department\n"
    )
    assert got["4D310"]["action"] == "deactivate"
    assert got["4D812"]["action"] == "add"
    assert got["4D812"]["last_name"] == "Vance"
