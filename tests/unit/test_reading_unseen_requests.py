"""Requests in wordings the reader had not met: an agency asking to be set up, a meeting
invitation whose agenda names enrolments, and a change form attached."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

# --- an agency asking to be set up ----------------------------------------------------


def test_agency_that_would_like_to_get_set_up_for_e_tickets_enrols() -> None:
    """ "Westford PD would like to get set up for e-tickets": an enrolment with nothing
    but its PoC and head, the rest to follow."""
    raw = mail(
        "Morning, Westford PD would like to get set up for e-tickets. Sgt. Dale Prue will be "
        "our point of contact and will send the roster and the other details.\n"
        "Chief Irwin Lacross\n",
        sender="Irwin Lacross <ilacross@westfordvt.test>",
        subject="tickets",
    )
    result = parse_message(raw)
    assert result.intent == "enrollment"
    assert result.point_of_contact.name == "Dale Prue"


def test_our_request_to_be_set_up_after_a_doubt_is_an_enrolment() -> None:
    """ "if so please treat this as our request to be set up": the doubt asks nothing
    that stops the request; the writer's own number makes him the one officer."""
    raw = mail(
        "Hi,\n\nI don't know whether a village constable can use e-tickets, but if so please "
        "treat this as our request to be set up. There is only me.\n\n"
        "Village of Orwell Constable\n12 Church Lane, Orwell VT 05760\n\n"
        "Gus Ploof, Constable, my number is 4R118. Do I need a judiciary code?\n\n"
        "Gus Ploof\n",
        sender="Gus Ploof <gploof@orwellvt.test>",
        subject="village constable",
    )
    result = parse_message(raw)
    assert result.intent == "enrollment"
    assert [(o.last_name, o.officer_number) for o in result.officers] == [("Ploof", "4R118")]
    assert "officers" not in result.missing


def test_department_requesting_to_be_set_up_beside_a_number_it_corrects() -> None:
    """ "... is requesting to be set up for e-ticketing" with the roster attached and one
    of its numbers corrected in the note ("it should be 00412"): an enrolment, no change."""
    roster = (
        "Last,First,Title,Officer Number,DPS Username\r\n"
        "Marsh,Owen,Chief,412,owen.marsh\r\n"
        "Tilley,Rhea,Officer,P7701,rhea.tilley\r\n"
    )
    raw = mail(
        "Hello,\n\nFor Chief Owen Marsh, Pittsford Police Department is requesting to be set "
        "up for e-ticketing.\n\nJudiciary Code 0488\nPittsford Police Department\n"
        "3 Plains Road, Pittsford VT 05763\n(802) 555-0188\n\n"
        "The officers are in the CSV. The chief's number should be 00412.\n\nThanks,\nAda Wolk\n",
        sender="Ada Wolk <awolk@pittsfordvt.test>",
        subject="Pittsford PD",
        attachments=[("roster.csv", roster.encode(), "text/csv")],
    )
    result = parse_message(raw)
    assert result.intent == "enrollment"
    assert result.changes == []
    assert {o.last_name for o in result.officers} == {"Marsh", "Tilley"}


def test_an_officer_who_would_like_to_be_set_up_asks_for_no_enrolment() -> None:
    raw = mail(
        "Ofc. Nina Drury would like to get set up for e-tickets on her new laptop, what "
        "does she need to do?\n\nLt. Sam Ober\n",
        sender="Sam Ober <sober@vergennes.test>",
        subject="laptop",
    )
    assert parse_message(raw).intent != "enrollment"


def test_asking_whether_an_agency_may_be_set_up_is_no_request() -> None:
    raw = mail(
        "We are a police department in Massachusetts near the state line. Can a department "
        "like ours be set up for e-tickets in Vermont? We have 6 officers.\n\n"
        "Chief Ray Tobin\n",
        sender="Ray Tobin <rtobin@hoosac.test>",
        subject="question",
    )
    assert parse_message(raw).intent == "other"


# --- a meeting invitation -------------------------------------------------------------


def test_meeting_invitation_whose_agenda_names_enrolments_is_no_request() -> None:
    calendar = (
        "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\n"
        "SUMMARY:TraCS working group\r\nDTSTART:20250610T140000Z\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    raw = mail(
        "TraCS working group. Agenda: enrollment queue (Derby, Troy), officer record "
        "clean-up, printer supplies.\n\nJoin the meeting: Meeting ID 555 0101\n",
        sender="Paula Seguin <paula.seguin@vermont.gov>",
        subject="TraCS working group - June",
        attachments=[("invite.ics", calendar.encode(), "text/calendar")],
    )
    result = parse_message(raw)
    assert result.intent == "other"
    assert result.missing == []


# --- a change form attached -----------------------------------------------------------


def test_attached_change_form_with_current_and_new_name_is_an_update() -> None:
    from tests.data import build

    form = build.docx(
        paragraphs=[
            "EMPLOYEE STATUS FORM",
            "Agency: Fair Haven Police Department",
            "Officer Number: FH204",
            "Current Name: Lena Gosselin",
            "New Name: Lena Barrows",
            "Reason: Marriage",
            "New DPS username: lena.barrows (old: lena.gosselin)",
        ]
    )
    raw = mail(
        "Hello,\n\nAttached is a status form for one of our officers; she married and has a "
        "new login.\n\nThanks,\nKim Ayer\n",
        sender="Kim Ayer <records@fairhaven.test>",
        subject="status form",
        attachments=[
            (
                "status form.docx",
                form,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            )
        ],
    )
    result = parse_message(raw)
    assert result.intent == "officer_maintenance"
    got = [c.model_dump(exclude_none=True) for c in result.changes]
    assert got == [
        {
            "action": "update",
            "officer_number": "FH204",
            "first_name": "Lena",
            "last_name": "Barrows",
            "dps_username": "lena.barrows",
        }
    ]


def test_a_new_hire_to_be_set_up_for_e_tickets_is_a_record_to_add() -> None:
    raw = mail(
        "Our new hire needs to be set up for e-tickets. Ofc. Lyle Bruce, number 6T430, "
        "username lbruce.\n\nSgt. Omar Tripp\nNorwich Police Department\n",
        sender="Omar Tripp <otripp@norwichpd.test>",
        subject="new officer",
    )
    assert parse_message(raw).intent == "officer_maintenance"
