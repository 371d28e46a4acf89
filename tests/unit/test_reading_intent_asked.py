"""Roster changes asked as questions, and requests beside a chase: "can you just switch
her off?" with a word between, "Can she be added too?" in the passive, and a check on an
earlier enrolment that also asks for a new officer."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import dumped, mail, roster_changes


def test_a_change_asked_as_a_question_with_a_word_between_is_a_request() -> None:
    """ "Quick question ... or can you just remove him?" under a departure and a number
    asks for the switch-off it names."""
    raw = mail(
        "Hello,\n\nQuick question. Deputy Rob Kittredge retired on the 28th after 22 years. "
        "Is there paperwork for that, or can you just remove him from TraCS? His number is "
        "OC7R2.\n\nSgt. Lena Morrow\nOrange County Sheriff's Department\n",
        sender="Lena Morrow <lmorrow@orangesheriff.test>",
        subject="Retirement",
    )
    changes = dumped(roster_changes(raw))
    assert [(c["action"], c["officer_number"]) for c in changes] == [("deactivate", "OC7R2")]


def test_a_chase_that_also_asks_for_a_new_officer_asks_for_him() -> None:
    """ "Following up on our enrollment ... Can she be added?" with her number: the new
    officer is asked for; the enrolment is only chased."""
    raw = mail(
        "Good morning,\n\nFollowing up on our enrollment from last month, we have not seen "
        "anything yet.\n\nWe also swore in Officer Tess Barbour this week. Can she be added "
        "too? Her number is BF044 and her username is tbarbour.\n\nDan Ouellette\n"
        "Bellows Falls Police Department\n",
        sender="Dan Ouellette <douellette@bellowsfalls.test>",
        subject="Enrollment + new officer",
    )
    result = parse_message(raw)
    assert result.intent == "officer_maintenance"
    changes = dumped(result.changes)
    assert [(c["action"], c["officer_number"]) for c in changes] == [("add", "BF044")]
    assert changes[0]["dps_username"] == "tbarbour"
