"""A rank of several words in a roster change: the one a transferring officer is named
with ("Deputy Sheriff Ron Gale"), the new one an officer "is now" ("Acting Sergeant",
no surname), one quoted after "title to"; and a transfer row whose note only says where
the officer is going."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import by_number, mail


def _changes(body: str) -> dict[str, dict[str, object]]:
    raw = mail(body, sender="Ann Hale <ahale@pellsheriff.test>", subject="roster changes")
    return by_number(parse_message(raw).changes)


def test_a_transferring_officer_keeps_the_rank_of_two_words_he_is_named_with() -> None:
    changes = _changes(
        "Good afternoon,\n\nDeputy Sheriff Ron Gale (71C40) has transferred to the "
        "Corliss Police Department effective 11/30. Please move his TraCS record over to "
        "Corliss PD.\n\nRegards,\n\nSheriff Ann Hale\nPell County Sheriff's Office\n"
    )
    assert changes["71C40"]["title"] == "Deputy Sheriff"
    assert changes["71C40"]["agency"] == "Corliss Police Department"


def test_an_officer_now_of_a_modified_rank_keeps_his_surname() -> None:
    changes = _changes(
        "Hello,\n\n1. Officer Erin Maple (G3302) is now Acting Sergeant. Please update "
        'her title to "Acting Sgt."\n2. Officer Paul Dion (G3290) resigned. Please '
        "deactivate his record.\n\nThank you,\nAnn Hale\nPell County Sheriff's Office\n"
    )
    assert changes["G3302"]["last_name"] == "Maple"
    assert changes["G3302"]["title"] == "Acting Sergeant"


def test_a_quoted_title_after_title_to_is_the_new_one() -> None:
    changes = _changes(
        "Hello,\n\nCpl. Erin Maple (G3302): please change her title to \u201cSergeant\u201d "
        "as of Monday.\n\nThank you,\nAnn Hale\nPell County Sheriff's Office\n"
    )
    assert changes["G3302"]["title"] == "Sergeant"


def test_a_transfer_row_going_to_an_agency_moves_the_record_there() -> None:
    changes = _changes(
        "Hello,\n\nBelow are our changes.\n\n"
        "Action\tOfficer\tLEO #\tTitle\tUsername\tNotes\n"
        "Left agency\tIsaac Fenn\t5Q3F6\tOfficer\tifenn\tresigned 11/24\n"
        "Transfer\tHolly Dunn\t5Q2D4\tCorporal\thdunn\tgoing to Corliss County Sheriff's "
        "Department 12/7\n\nThank you,\nAnn Hale\n"
    )
    assert changes["5Q3F6"]["action"] == "deactivate"
    assert changes["5Q2D4"]["action"] == "update"
    assert changes["5Q2D4"]["agency"] == "Corliss County Sheriff's Department"
