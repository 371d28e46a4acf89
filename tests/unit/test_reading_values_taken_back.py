"""A value its writer corrects further on in the same message is read as corrected: a
postscript fixing the judiciary code, "jharlow2, not jharlow" for a roster's username, a
number "transposed" in a roster change, a number rechecked, a reply fixing the request
it quotes. A value said twice, or an old value named as old, changes nothing."""

from __future__ import annotations

from typing import Any

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_CHIEF = "Ruth Pike <rpike@essexjct.test>"
_CLERK = "Lt. Marcy Dunn <mdunn@springfield.test>"

_REQUEST = (
    "Hello,\n\nEssex Junction Police Department would like to start issuing Vermont Civil "
    "Violation Complaints electronically. I have designated Sgt. Dana Voss as our e-ticket "
    "point of contact (dvoss@essexjct.test).\n\nJudiciary code: 0527\nName on ticket: Essex "
    "Junction Police Department\nAddress: 81 Main Street, Essex Junction, VT 05452\n"
    "Phone: 802-878-8331\n\nOfficers:\nLast | First | Rank | Officer # | DPS username\n"
    "Voss | Dana | Sergeant | E4J12 | dvoss\nHarlow | Jon | Officer | E4J27 | jharlow\n"
    "Pike | Ruth | Chief | E4J01 | rpike\n\nThank you,\nRuth Pike\nChief of Police\n\n"
)


def _enrolment(postscript: str) -> Any:
    result = parse_message(mail(_REQUEST + postscript, sender=_CHIEF, subject="e-Ticket request"))
    assert result.intent == "enrollment"
    return result


def _rows(result: Any) -> dict[str, tuple[str | None, str | None]]:
    return {o.last_name: (o.officer_number, o.dps_username) for o in result.officers}


def _changes(body: str, **kw: Any) -> list[dict[str, Any]]:
    result = parse_message(mail(body, sender=_CLERK, subject="Roster changes", **kw))
    assert result.intent == "officer_maintenance"
    return [c.model_dump(exclude_none=True) for c in result.changes]


def test_a_code_said_wrong_in_a_postscript_is_read_as_corrected() -> None:
    result = _enrolment(
        "P.S. Sorry, I typed the code above wrong, I swapped two digits. Our judiciary code "
        "is actually 0572.\n"
    )
    assert result.agency.judiciary_code == "0572"
    assert "agency.judiciary_code" not in result.missing


def test_a_code_taken_back_with_not_is_read_as_corrected() -> None:
    result = _enrolment("P.S. my mistake: the code is 0572 not 0527.\n")
    assert result.agency.judiciary_code == "0572"


def test_a_username_taken_back_with_not_is_the_officers_username() -> None:
    result = _enrolment(
        "P.S. Jon's DPS username is jharlow2, not jharlow - IT says there is another one.\n"
    )
    assert _rows(result)["Harlow"] == ("E4J27", "jharlow2")
    assert _rows(result)["Voss"] == ("E4J12", "dvoss")


def test_an_officer_number_corrected_by_his_name_alone_is_his() -> None:
    result = _enrolment("P.S. Correction: Harlow's number is E4J72 (I transposed it).\n")
    assert _rows(result)["Harlow"] == ("E4J72", "jharlow")
    assert _rows(result)["Pike"] == ("E4J01", "rpike")


def test_a_value_said_again_or_named_as_old_changes_nothing() -> None:
    result = _enrolment(
        "P.S. Sorry, one more thing: our judiciary code is 0527, as above. Jon's old "
        "username was jharlow1 at his last department, in case it shows up.\n"
    )
    assert result.agency.judiciary_code == "0527"
    assert _rows(result)["Harlow"] == ("E4J27", "jharlow")


def test_a_number_rechecked_further_on_is_the_one_deactivated() -> None:
    changes = _changes(
        "Hi,\n\nDeputy Anna Roy retired last week, please deactivate her. Her number is "
        "S2P48 I believe.\n\nJust checked the roster - it's S2P84, not S2P48. Sorry!\n\n"
        "Thanks,\nMarcy Dunn\n"
    )
    assert [(c["action"], c["officer_number"]) for c in changes] == [("deactivate", "S2P84")]


def test_a_number_said_should_read_is_one_change_of_the_officer() -> None:
    changes = _changes(
        "Hi,\n\nPlease add Officer Jordan Hale, LEO# S2P37, DPS username jhale.\n\n"
        "Sorry - his LEO number should read S2P73, I misread his card.\n\n"
        "Thanks,\nMarcy Dunn\n"
    )
    assert changes == [
        {
            "action": "add",
            "officer_number": "S2P73",
            "last_name": "Hale",
            "first_name": "Jordan",
            "title": "Officer",
            "dps_username": "jhale",
        }
    ]


def test_a_reply_correcting_the_request_it_quotes_corrects_that_request() -> None:
    body = (
        "Correction to my mail below - Ofc. Hale's number is actually S2P73, not S2P37.\n\n"
        "Marcy\n\nOn Thu, May 15, 2025 at 9:40 AM Marcy Dunn <mdunn@springfield.test> wrote:\n"
        "> Hi,\n>\n> Please add Officer Jordan Hale, LEO# S2P37, DPS username jhale.\n>\n"
        "> Thanks,\n> Marcy Dunn\n"
    )
    changes = _changes(body, in_reply_to="<roster-1@springfield.test>")
    assert [(c["action"], c["officer_number"], c["last_name"]) for c in changes] == [
        ("add", "S2P73", "Hale")
    ]


def test_a_labelled_agency_name_taken_back_is_read_as_written_again() -> None:
    body = (
        "Hi,\n\nAnswers to your questions:\n\n1. Judiciary code - 0527\n"
        "2. Name for ticket - Chittenden County Sheriff? No sorry, we are the village... "
        "scratch that, it's: Village of Essex Junction Police Department\n"
        "3. Phone 802-878-8331\n\nRuth Pike\nChief of Police\n"
    )
    result = parse_message(mail(body, sender=_CHIEF, subject="RE: e-Ticket request"))
    assert result.agency.name == "Village of Essex Junction Police Department"
