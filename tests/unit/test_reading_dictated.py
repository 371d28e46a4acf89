"""Messages dictated to a phone or typed the way they are said: numbers said digit by
digit, addresses said aloud, marks written out as words."""

from __future__ import annotations

from mailbot.intake.dictated import written
from mailbot.intake.parse import parse_message
from mailbot.intake.rules import load_rules
from tests.reading_mail import mail


def test_a_number_said_digit_by_digit_is_one_number() -> None:
    rules = load_rules()
    text = "court code is 2 8 0 7 and badge T 4 4 1 9, station at 3 1 main st"
    assert written(text, rules) == "court code is 2807 and badge T4419, station at 3 1 main st"


def test_groups_of_digits_and_words_stay_as_written() -> None:
    rules = load_rules()
    text = "call 802 555 0142 x 12, room 4 of 2, steps 1 2 then done"
    assert written(text, rules) == text


def test_an_address_said_aloud_is_the_address() -> None:
    rules = load_rules()
    said = "contact is j dot whitcomb at thetfordvt dot gov or call. meet at noon"
    assert written(said, rules) == "contact is j.whitcomb@thetfordvt.gov or call. meet at noon"
    caps = "EMAIL MOREY AT LINCOLNVT DOT ORG THANKS"
    assert written(caps, rules) == "EMAIL MOREY@LINCOLNVT.ORG THANKS"
    # "at" between words that do not end an address: left alone
    assert written("we met at the town dot hall", rules) == "we met at the town dot hall"


def test_marks_said_as_words_are_read_as_marks_only_when_dictated() -> None:
    rules = load_rules()
    said = "Hi comma this is Sergeant Ames period We are ready period Thanks comma Ann"
    assert written(said, rules) == "Hi, this is Sergeant Ames. We are ready. Thanks, Ann"
    typed = "The grace period ends Friday. Period: two weeks."
    assert written(typed, rules) == typed


_RUNON = (
    "hello this is chief owen marcotte thetford pd we are ready for e tickets our point of "
    "contact will be sgt lena farrar her email is lfarrar at thetfordvt dot gov judiciary "
    "code is 2 8 0 7 name on the ticket thetford police department address 4 2 0 1 route "
    "113 thetford vt 05074 phone 802 785 2200 officers: sgt lena farrar T 4 4 1 9 username "
    "lfarrar and officer noah pike T4423 username npike logo coming later\n"
)


def test_a_run_on_dictated_enrolment_reads_its_code() -> None:
    result = parse_message(
        mail(_RUNON, sender="Owen Marcotte <omarcotte@gmail.com>", subject="e tickets")
    )
    assert result.intent == "enrollment"
    assert result.agency.judiciary_code == "2807"
    assert "agency.judiciary_code" not in result.missing + result.invalid


def test_a_message_in_capitals_reads_the_contact_address_said_aloud() -> None:
    body = (
        "THIS IS THE CHIEF AT LINCOLN PD. WE WOULD LIKE E TICKETS. POINT OF CONTACT IS SGT "
        "TARA MOREY TMOREY AT LINCOLNVT DOT ORG. JUDICIARY CODE 0 4 1 8. LINCOLN POLICE "
        "DEPARTMENT 62 QUAKER ST LINCOLN VT 05443 PHONE 802 453 2980. LOGO TO FOLLOW.\n"
    )
    result = parse_message(mail(body, sender="lincolnpd@yahoo.com", subject="E TICKETS"))
    assert result.point_of_contact.email == "tmorey@lincolnvt.org"
    assert result.agency.judiciary_code == "0418"


def test_a_dictated_message_with_its_marks_as_words_reads_its_officers() -> None:
    body = (
        "Hello comma this is Chief Dale Rowe from the Fairlee Police Department period We "
        "would like to start e ticketing period Judiciary code is 0 7 7 3 period Our address "
        "is 75 Main Street Fairlee VT 0 5 0 4 5 period Phone is 802 333 4100 period Officers "
        "are Sergeant Nell Viens number F 3 3 0 1 comma Officer Abe Gould F 3 3 0 7 period "
        "Usernames to follow period thank you\n"
    )
    result = parse_message(mail(body, sender="drowe@fairleevt.org", subject="e ticket"))
    assert result.agency.judiciary_code == "0773"
    assert ("Viens", "F3301") in [(o.last_name, o.officer_number) for o in result.officers]
    assert result.agency.address is not None and result.agency.address.endswith("05045")


def test_digits_said_as_words_are_digits() -> None:
    rules = load_rules()
    said = "CODE IS ZERO SEVEN SEVEN THREE BADGE W R ONE ONE SIX. ONE OF TWO CARS"
    assert written(said, rules) == "CODE IS 0773 BADGE WR116. ONE OF TWO CARS"
