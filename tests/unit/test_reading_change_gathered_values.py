"""A roster change gathers the other values the message says of its officer: the title a
new officer will have, the agency a transfer moves him to, a username corrected in the
sentence after the one saying it was wrong, a rank corrected of an officer of the
desk's quoted roster, and the title before a new officer's name."""

from __future__ import annotations

from mailbot.intake.model import ParseResult
from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_SENDER = "Ivo Stenqvist <istenqvist@pomfretpd.test>"


def _parse(body: str, subject: str, sender: str = _SENDER) -> ParseResult:
    return parse_message(mail(body, sender=sender, subject=subject))


def _of(result: ParseResult, number: str) -> dict[str, object]:
    found = [c for c in result.changes if c.officer_number == number]
    assert len(found) == 1
    return found[0].model_dump(exclude_none=True)


def test_the_title_a_new_officer_will_be_is_his() -> None:
    result = _parse(
        "Morning,\n\nWe swore in Tova Lindqvist on Friday. She'll be Sergeant, LEO PM622, "
        "username tlindqvist. Please set her up.\n\nIvo\nPomfret Police Department\n",
        "one more officer",
    )
    change = _of(result, "PM622")
    assert change["action"] == "add"
    assert change["title"] == "Sergeant"


def test_the_agency_a_transfer_moves_him_to_is_gathered() -> None:
    result = _parse(
        "Hello,\n\nDeputy Rolf Andersen (LEO# PM631) joined us from Norwich PD last week. "
        "His record still shows Norwich. Could you move him to the Windsor County "
        "Sheriff's Department? His username stays the same, randersen.\n\nThanks,\nIvo\n",
        "record move",
        sender="Ivo Stenqvist <istenqvist@windsorsheriff.test>",
    )
    change = _of(result, "PM631")
    assert change["action"] == "update"
    assert change["agency"] == "Windsor County Sheriff's Department"


def test_a_username_typed_wrong_is_corrected_to_the_one_said() -> None:
    result = _parse(
        "Hi,\n\nWhen my TraCS record was made the login was typed wrong. It is "
        "istenqvist not istenqvst. My number is PM640.\n\nThanks\nIvo Stenqvist\n",
        "login typo",
    )
    change = _of(result, "PM640")
    assert change["action"] == "update"
    assert change["dps_username"] == "istenqvist"


def test_a_rank_corrected_of_an_officer_of_the_desks_roster_is_an_update() -> None:
    result = _parse(
        "Thanks!\n\nOne more - we hired Ofc. Pia Norrby, LEO PM650, username pnorrby. "
        "Please add her.\n\nAlso Hagen should be Sergeant, not Officer. My error on the "
        "first list.\n\nIvo\n\n"
        "On Tue, Mar 4, 2025 at 9:02 AM DPS eTicket <dps.eTicket@vermont.gov> wrote:\n"
        "> Hi Ivo,\n"
        "> The Agency and Officer records for Pomfret Police Department are ready for use:\n"
        ">   Ofc. Lars Hagen  PM645  lhagen\n"
        ">   Ofc. Siri Moe  PM646  smoe\n"
        "> Please have each officer log in to TraCS Mobile.\n"
        "> DPS e-Ticket Technical Staff\n",
        "RE: Pomfret PD records",
    )
    assert _of(result, "PM650")["action"] == "add"
    change = _of(result, "PM645")
    assert change["action"] == "update"
    assert change["title"] == "Sergeant"


def test_the_rank_before_a_new_officers_name_is_her_title() -> None:
    result = _parse(
        "Hi,\n\nTown meeting was Tuesday. New Second Constable is Liv Aasen, her number "
        "is PM660. Please add her to TraCS, she has no DPS username yet.\n\n"
        "Ivo Stenqvist\nPomfret Town Constable\n",
        "new constable",
    )
    change = _of(result, "PM660")
    assert change["action"] == "add"
    assert change["title"] == "Second Constable"
