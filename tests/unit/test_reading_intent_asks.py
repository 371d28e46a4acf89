"""What a short message asks for when its words are few: a login problem that ends by
asking for the officer to be added, a check on an earlier enrolment, a corrected officer
number, an officer named as leaving without a number, and a one-officer town's enrolment
written in a few sentences."""

from __future__ import annotations

from mailbot.intake.change_corrections import number_fix
from mailbot.intake.parse import parse_message
from tests.reading_mail import dumped, mail, roster_changes


def test_login_problem_that_asks_to_add_the_officer_is_a_roster_change() -> None:
    """A report that an officer can't log in, ending "Could you add her ...?" with her
    number and username, asks for her record to be added."""
    raw = mail(
        "Hi,\n\nDeputy Carla Menard can't log in to TraCS since last week. I think I forgot "
        "to send her over when she was sworn in, my fault.\n\n"
        "Dep Carla Menard\nOR417\nusername cmenard\n\n"
        "Could you add her to our agency?\n\nLt. Ross Keefe\nOrange County Sheriff's Department\n",
        sender="Ross Keefe <rkeefe@orangesheriff.test>",
        subject="Deputy cannot log in",
    )
    changes = dumped(roster_changes(raw))
    assert len(changes) == 1
    assert changes[0]["action"] == "add"
    assert changes[0]["officer_number"] == "OR417"
    assert changes[0]["last_name"] == "Menard"
    assert changes[0]["dps_username"] == "cmenard"


def test_checking_in_on_an_earlier_enrolment_asks_for_nothing_new() -> None:
    """A chief checking in on the enrolment she asked for weeks ago, asking whether more
    is needed, makes no new request."""
    raw = mail(
        "Good afternoon,\n\nJust checking in on the enrolment we requested in March for "
        "Fair Haven PD. Our sergeant says the officers still don't see the agency when they "
        "open TraCS. Do you need anything more from us?\n\nThanks,\nRita Gaudette\n"
        "Chief of Police\nFair Haven Police Department\n",
        sender="Rita Gaudette <rgaudette@fairhaven.test>",
        subject="Where are we with TraCS?",
    )
    assert parse_message(raw).intent == "other"


def test_a_number_sent_wrong_and_its_correct_one_is_an_update_to_the_correct_one() -> None:
    """ "I made a mistake on ... I typed X, her correct VT LEO number is Y": an update of
    that officer to the number she should have, not the wrong one."""
    raw = mail(
        "Hello,\n\nI made a mistake on the number for Officer Nina Faucher when I sent her "
        "in. I typed 4K2P9 but her correct VT LEO number is K42P9. Her tickets keep coming "
        "back rejected.\n\nPaul Brisson\nVergennes Police Department\n",
        sender="Paul Brisson <pbrisson@vergennes.test>",
        subject="Officer number mix-up",
    )
    changes = dumped(roster_changes(raw))
    assert len(changes) == 1
    assert changes[0]["action"] == "update"
    assert changes[0]["officer_number"] == "K42P9"
    assert changes[0]["last_name"] == "Faucher"


def test_a_corrected_number_is_read_with_the_state_named_before_it() -> None:
    assert number_fix("his correct Vermont LEO number is 7H2K4.") == "7H2K4"
    assert number_fix("the correct VT officer number is 3MN41") == "3MN41"


def test_an_officer_named_as_leaving_without_a_number_is_deactivated() -> None:
    """A sentence that opens with an officer's full name and tells of her leaving, with
    a request to take her out, asks for her record to be switched off by her name."""
    raw = mail(
        "Hello,\n\nLucy Tremblay retired as constable at the end of June and the town "
        "accepted it last week. Please take her out of TraCS for Guilford. I don't have her "
        "number handy, she is the only other one we have.\n\nThanks,\nOwen Slade\n"
        "Guilford Constable\n",
        sender="Owen Slade <oslade54@mail.test>",
        subject="constable retired",
    )
    assert dumped(roster_changes(raw)) == [
        {"action": "deactivate", "first_name": "Lucy", "last_name": "Tremblay"}
    ]


def test_a_job_title_opening_a_departure_is_no_officer() -> None:
    """ "Town Clerk resigned ..." names a job, not an officer: a question about the
    account is no roster change."""
    raw = mail(
        "Hi,\n\nTown Clerk resigned last month and she used to handle our e-ticket mail. "
        "Who should we talk to about our account now?\n\nMark Ellery\nLincoln Constable\n",
        sender="Mark Ellery <mellery@lincoln.test>",
        subject="question",
    )
    result = parse_message(raw)
    assert result.intent == "other"
    assert result.changes == []


def test_one_constable_signing_up_in_a_few_sentences_is_an_enrolment() -> None:
    """A constable who would like to sign up to use e-tickets, gives the agency, its code
    and his own LEO number, and says he'd be the only user and the contact person, asks
    to enrol, himself as its officer and its Point-of-Contact."""
    raw = mail(
        "hi, I'm the constable for Starksboro and would like to sign up to use e-tickets. "
        "Agency would be Town of Starksboro Constable, judiciary code 1507. My LEO number "
        "is SB318. I'd be the only user and the contact person. anything else you need?\n\n"
        "Ruth Baird\nStarksboro Constable\n",
        sender="Ruth Baird <ruthbaird.sb@mail.test>",
        subject="e-ticket signup",
    )
    result = parse_message(raw)
    assert result.intent == "enrollment"
    assert result.agency.judiciary_code == "1507"
    assert [(o.last_name, o.officer_number) for o in result.officers] == [("Baird", "SB318")]
    assert result.point_of_contact.name == "Ruth Baird"
    assert result.point_of_contact.email == "ruthbaird.sb@mail.test"
