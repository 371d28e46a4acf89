"""A message that gives the values of a request is that request even when it also asks
questions; one that only asks about an earlier request, whose values are only in the
original forwarded under it, is no request."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail


def test_a_one_man_enrolment_with_questions_is_an_enrolment() -> None:
    body = (
        "Hi there,\n\nMy name is Earl Demers, I'm the elected First Constable for the Town "
        "of Wolcott. Selectboard voted last month to let us do the e-ticket thing so I dont "
        "have to hand write everything anymore.\n\nI will be the contact person and right "
        "now Im the only one who would be writing tickets. My LEO number is 14K22 and my DPS "
        "login is edemers.\n\nShould show up as Wolcott Town Constable on the ticket. Mailing "
        "address is the town office, 28 Railroad St, Wolcott VT 05680. Phone 802-888-2746 "
        "(town office, they will take a message for me).\n\nI don't know what our judiciary "
        "code is, I asked the town clerk and she didn't know either. Who would I ask?\n\n"
        "Thanks\nEarl\n"
    )
    result = parse_message(
        mail(
            body,
            sender="Earl Demers <earl.demers.constable@gmail.com>",
            subject="eticket for Wolcott constable",
        )
    )
    assert result.intent == "enrollment"
    assert result.agency.phone == "(802) 888-2746"


def test_a_question_over_an_address_and_a_phone_is_no_enrolment() -> None:
    """Two of the agency's values beside a question, and nothing more of a request."""
    body = (
        "Hello,\n\nOur board asked for a short talk on the e-ticket program before they buy "
        "printers. Could someone from DPS join by video at their May 4 meeting?\n\n"
        "Thank you,\nDana Roe\nTown Manager, Town of Eastbrook\n"
        "12 Mill Road, Eastbrook, VT 05999\n(802) 555-0171\n"
    )
    result = parse_message(
        mail(body, sender="Dana Roe <droe@eastbrookvt.test>", subject="e-ticket talk")
    )
    assert result.intent == "other"


def test_a_forward_that_only_asks_where_its_request_stands_is_no_request() -> None:
    body = (
        "Good afternoon,\n\nI'm following up on the e-ticket enrollment request I sent on "
        "March 4th for the Eastbrook Police Department. I haven't heard anything back yet. "
        "Could you let me know where it stands, or whether you need anything else from us?"
        "\n\nThank you,\nChief Lee Varga\nEastbrook Police Department\n(802) 555-0171\n\n"
        "________________________________\n"
        "From: Varga, Lee <lvarga@eastbrookvt.test>\nSent: Monday, March 4, 2024 10:12 AM\n"
        "To: DPS - eTicket <dps.eTicket@vermont.gov>\n"
        "Subject: Eastbrook PD e-ticket enrollment\n\nGood morning,\n\n"
        "Please find attached our request letter and officer list to establish Eastbrook PD "
        "in TraCS. Lt. Ana Soto will be our point of contact.\n\nThank you,\nChief Lee Varga\n"
    )
    result = parse_message(
        mail(
            body,
            sender="Varga, Lee <lvarga@eastbrookvt.test>",
            subject="FW: Eastbrook PD e-ticket enrollment - status?",
        )
    )
    assert result.intent == "other"


def test_an_officer_number_given_in_prose_is_not_asked_again() -> None:
    """The writer's own row, written as prose under "My info:": his number is read as his
    row, and the writer is asked only for what he did not give (his username)."""
    body = (
        "Hello,\n\nI am the elected constable for the Town of Eastbrook and I would like to "
        "start writing e-tickets instead of paper.\n\nI dont know what our judiciary code "
        "is, could you look it up or tell me who to ask?\n\nMy info:\nGary Roe, Constable\n"
        "VT cert / LEO number 60417\n\nTown of Eastbrook\n12 Mill Road\nEastbrook VT 05999\n"
        "Town office 802-555-0171\n\nThank you\nGary Roe\n"
    )
    result = parse_message(
        mail(body, sender="Gary Roe <garyroe1@yahoo.test>", subject="e tickets for constable")
    )
    assert result.intent == "enrollment"
    assert "officers" not in result.missing
    assert [(o.last_name, o.first_name, o.officer_number) for o in result.officers] == [
        ("Roe", "Gary", "60417")
    ]
    assert [p for p in result.missing if p.startswith("officers")] == ["officers[0].dps_username"]
