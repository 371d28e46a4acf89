"""The name the ticket is to carry, said in a sentence rather than on a labelled line of
its own ("... 0998. The name on the tickets will be Birch Falls Police Department."), or
after what the ticket is to say ("Tickets should say: Birch Falls Fish & Game Office"),
is the agency's name over the longer one the message opens with."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail


def _name(body: str) -> str | None:
    raw = mail(body, sender="Rosa Tellier <rtellier@birchfalls.test>", subject="e-ticket request")
    return parse_message(raw).agency.name


def test_a_name_label_inside_a_sentence_gives_the_ticket_name() -> None:
    body = (
        "Good day,\n\nThe Town of Birch Falls Police Department asks to begin e-ticketing. "
        "Our judiciary code is 0998. The name on the tickets will be Birch Falls Police "
        "Department. We are at 9 Elm Row, Birch Falls VT 05998.\n\nRosa Tellier\nChief\n"
    )
    assert _name(body) == "Birch Falls Police Department"


def test_a_name_label_with_a_colon_mid_line_gives_the_ticket_name() -> None:
    body = (
        "Hello, the Town of Birch Falls Police Department wants to start e-ticketing. "
        "Judiciary code 0998. Agency name: Birch Falls Police Department. Address 9 Elm "
        "Row, Birch Falls VT 05998.\n\nRosa Tellier\nChief\n"
    )
    assert _name(body) == "Birch Falls Police Department"


def test_what_the_tickets_should_say_is_the_name() -> None:
    body = (
        "Hello,\n\nThe Birch Falls Fish & Game Office, Enforcement Division, would like "
        "e-tickets.\n\nTickets should say: Birch Falls Fish & Game Office\n"
        "Judiciary code: 0998\nAddress: 9 Elm Row, Birch Falls, VT 05998\n\n"
        "Rosa Tellier\nChief Warden\n"
    )
    assert _name(body) == "Birch Falls Fish & Game Office"


def test_a_side_by_side_form_keeps_its_columns_apart() -> None:
    # "Department" ends the agency column, "Name:" opens the contact column: no label
    body = (
        "Birch Falls would like to join the e-ticketing program.\n\n"
        "AGENCY                                   CONTACT\n"
        "Name:   Birch Falls Police Department    Name:  Sgt. Rosa Tellier\n"
        "Code:   0998                             Email: rtellier@birchfalls.test\n"
        "Street: 7 Depot Street                   Cell:  802-555-0171\n"
        "Town:   Birch Falls, VT 05999\n"
        "Tel:    802-555-0170\n"
    )
    assert _name(body) == "Birch Falls Police Department"
