"""An agency's name in a message typed in capitals starts after the words that lead up
to it: a self-introduction and the writer named by rank ("THIS IS SHERIFF ANN ROY
LAMOILLE COUNTY SHERIFF'S OFFICE"), and a phrase that sets the name down ("THE NAME
SHOULD BE MAPLEFORD TOWN CONSTABLE")."""

from __future__ import annotations

from mailbot.intake.agency_lead_in import name_started
from mailbot.intake.parse import parse_message
from mailbot.intake.rules import load_rules
from tests.reading_mail import mail


def _name(body: str) -> str | None:
    result = parse_message(mail(body, sender="Ann Roy <aroy1961@gmail.com>", subject="E TICKETS"))
    return result.agency.name


def test_a_self_introduction_and_the_writer_are_no_part_of_the_name() -> None:
    body = (
        "HELLO,\n\nTHIS IS CHIEF ANN ROY GLENFORD POLICE DEPT. WE WANT TO START THE "
        "ELECTRONIC TICKETS. I WILL BE THE CONTACT. OUR JUDICIARY CODE IS 0755 AND WE "
        "ARE AT 4 MILL RD GLENFORD VT 05999, PHONE 802-555-0142.\n\nTHANKS\nANN\n"
    )
    assert _name(body) == "Glenford Police Dept."


def test_a_sheriff_introducing_himself_with_a_middle_initial() -> None:
    body = (
        "GOOD MORNING THIS IS SHERIFF ANN J ROY KESTREL COUNTY SHERIFF'S OFFICE WE WOULD "
        "LIKE TO START ISSUING TICKETS ELECTRONICALLY. I WILL BE THE POINT OF CONTACT. "
        "JUDICIARY CODE IS 0871 ADDRESS 9 COURT ST KESTREL VT 05998 PHONE 802-555-0187 "
        "THANK YOU\n"
    )
    assert _name(body) == "Kestrel County Sheriff's Office"


def test_the_words_setting_the_name_down_are_no_part_of_it() -> None:
    body = (
        "TO WHOM IT MAY CONCERN I AM THE CONSTABLE HERE AND WANT TO START DOING THE "
        "ELECTRONIC TICKETS. I WILL BE THE CONTACT PERSON. MY JUDICIARY CODE IS 977 FROM "
        "MY OLD TICKETS. THE NAME SHOULD BE MAPLEFORD TOWN CONSTABLE. ADDRESS IS 12 HILL "
        "RD MAPLEFORD VT 05997 AND THE PHONE IS 802 555 0199. THANK YOU ANN ROY\n"
    )
    assert _name(body) == "Mapleford Town Constable"


def test_a_title_alone_is_no_agency_name() -> None:
    rules = load_rules()
    assert name_started("Chief of Police", rules) is None
    said = "Chief Ann Roy of the Glenford Police Department"
    assert name_started(said, rules) == "Glenford Police Department"
    assert name_started("The Glenford Police Department", rules) == "Glenford Police Department"
