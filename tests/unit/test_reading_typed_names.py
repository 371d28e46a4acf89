"""Enrolment requests typed fast on a phone in lower case: the names the message's own
addresses, logins and places vouch for are read with capitals, so the agency's name, the
Point-of-Contact and the head are read, not asked for again."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from mailbot.intake.rules import load_rules
from mailbot.intake.typed_names import capitalised
from tests.reading_mail import mail


def _read(body: str, sender: str = "Walt Brennan <wbrennan@maplewoodvt.test>") -> object:
    return parse_message(mail(body, sender=sender, subject="e tix"))


def test_a_name_its_address_vouches_for_is_a_name() -> None:
    rules = load_rules()
    text = "poc is cpl jo ferris jferris@maplewoodvt.test and also marcy gale m.gale@x.test"
    assert capitalised(text, None, rules) == (
        "poc is Cpl Jo Ferris jferris@maplewoodvt.test and also Marcy Gale m.gale@x.test"
    )
    # a login beside an officer number, the last name first
    row = "ferris joanne cpl MW114 jferris"
    assert capitalised(row, None, rules) == "Ferris Joanne cpl MW114 jferris"
    # the sender's own mailbox: his name signed under the message
    assert capitalised("chief walt brennan", "wbrennan@maplewoodvt.test", rules) == (
        "Chief Walt Brennan"
    )


def test_an_agency_named_by_its_place_is_a_name() -> None:
    rules = load_rules()
    text = "name should be town of maplewood police department, 12 elm st maplewood vt 05999"
    assert capitalised(text, None, rules) == (
        "name should be Town of Maplewood Police Department, 12 elm st maplewood vt 05999"
    )
    assert capitalised("hi its maplewood pd", "a@maplewoodvt.test", rules) == "hi its Maplewood PD"


def test_words_no_address_or_place_vouches_for_stay_as_written() -> None:
    rules = load_rules()
    text = "we are near bristol so we will send the records so you have them"
    assert capitalised(text, "records@bristolvt.test", rules) == text
    # the desk's own address names no agency's place
    desk = "we were with vermont state police before, dps.eticket@vermont.gov said to write"
    assert capitalised(desk, "jo@gmail.test", rules) == desk
    plain = "Our PoC is Sgt. Ann Hale (ahale@town.test). Chief Bo Dunn, Town Police Department"
    assert capitalised(plain, "bdunn@town.test", rules) == plain


def test_a_lower_case_enrolment_asks_for_nothing_it_gives() -> None:
    result = _read(
        "hi this is chief walt brennan maplewood pd we want to sign up for the e ticket"
        " program i am making cpl jo ferris the point of contact her email is"
        " jferris@maplewoodvt.test judiciary code is 0457 name on the ticket should be"
        " maplewood police department address is 12 elm st maplewood vt 05999 phone 802"
        " 555 0142 logo to follow\n\nofficers\nferris joanne cpl MW114 jferris\n"
        "brennan walter chief MW101 wbrennan\n"
    )
    assert result.intent == "enrollment"  # type: ignore[attr-defined]
    assert result.agency.name == "Maplewood Police Department"  # type: ignore[attr-defined]
    contact = result.point_of_contact  # type: ignore[attr-defined]
    assert (contact.name, contact.email) == ("Jo Ferris", "jferris@maplewoodvt.test")
    head = result.head_of_department  # type: ignore[attr-defined]
    # as he gives it himself, in the From header and his introduction ("Walt"), not the
    # roster's record of it ("Walter")
    assert (head.name, head.title) == ("Walt Brennan", "Chief")
    assert not {"agency.name", "point_of_contact.name", "point_of_contact.email"} & set(
        result.missing  # type: ignore[attr-defined]
    )


def test_a_phone_named_in_lower_case_and_the_contact_person_wanted() -> None:
    """ "i am the chief" under a phone's lower-case name for its owner, and "i want sgt ...
    to be the contact person": the head and the PoC."""
    result = _read(
        "hello\nmaplewood police dept would like to start doing e tickets. i am the chief and"
        " i want sgt nora pike to be the contact person, her email is npike@maplewoodvt.test."
        " court code 0457, 12 elm st maplewood vt 05999, 802 555 0142. roster to follow\n",
        sender="walt brennan <wbrennan.mpd@icloud.test>",
    )
    head = result.head_of_department  # type: ignore[attr-defined]
    assert (head.name, head.title) == ("Walt Brennan", "Chief")
    contact = result.point_of_contact  # type: ignore[attr-defined]
    assert (contact.name, contact.email) == ("Nora Pike", "npike@maplewoodvt.test")


def test_a_greeting_then_the_chief_named_introduces_the_head() -> None:
    result = _read(
        "Hi, chief Walt Brennan Maplewood PD. we want to get on e tickets, laptops are in."
        " point of contact is sgt nora pike npike@maplewoodvt.test. judiciary code 0457."
        " name on ticket Maplewood Police Department, 12 elm st maplewood vt 05999, 802 555"
        " 0142. logo attached later, sorry it is taking a while to find the right file and"
        " our officer list is coming from the sergeant when she is back on days next week"
        " since she keeps all of that on the office computer\n\nthx\nWalt\n"
    )
    head = result.head_of_department  # type: ignore[attr-defined]
    assert (head.name, head.title) == ("Walt Brennan", "Chief")


def test_signing_up_for_the_e_ticket_program_with_the_code_only_is_an_enrolment() -> None:
    result = _read(
        "hey chief walt brennan here maplewood pd wants to sign up for the e ticket program"
        " our judiciary code is 0457 and i will send the rest when im back in the office\n"
    )
    assert result.intent == "enrollment"  # type: ignore[attr-defined]
    assert result.agency.judiciary_code == "0457"  # type: ignore[attr-defined]


def test_a_lower_case_change_note_names_the_agency_its_place_vouches_for() -> None:
    """ "move his record to maplewood police department": the agency the officer moves to,
    its place in the sender's address; each item of the note read as before."""
    result = _read(
        "officer pat gile 5 1 2 3 4 came over to us from barre pd last week pls move his"
        " record to maplewood police department username pgile stays the same\n\n"
        "sgt nora pike\nmaplewood pd\n\nSent from my Galaxy",
        sender="Nora Pike <npike@maplewoodvt.test>",
    )
    assert result.intent == "officer_maintenance"  # type: ignore[attr-defined]
    [change] = result.changes  # type: ignore[attr-defined]
    assert (change.action, change.officer_number, change.agency) == (
        "update",
        "51234",
        "Maplewood Police Department",
    )


def test_a_name_given_capitals_keeps_a_lower_case_change_note_read_item_by_item() -> None:
    result = _read(
        "ok 3 things officer ray lamb H1035 resigned please take him off then add officer"
        " kim vail H1041 username kvail and jo dunn H1030 is now corporal thank you chief"
        " goss\n\nSent from my iPhone",
    )
    changes = result.changes  # type: ignore[attr-defined]
    assert [(c.action, c.officer_number, c.last_name) for c in changes] == [
        ("deactivate", "H1035", "Lamb"),
        ("add", "H1041", "Vail"),
        ("update", "H1030", "Dunn"),
    ]


def test_officers_told_in_lower_case_sentences_are_read_with_their_logins_vouching() -> None:
    """Each officer's login vouches for his name: the sentences are still read as typed
    in lower case, one officer each."""
    result = _read(
        "hi all. this is for the town of maplewood constables. officers are me - walt"
        " brennan, first constable, number MW1A1, dps username wbrennan. and my second"
        " constable nora pike, number MW2B2, username npike. also our deputy constable sam"
        " hale, number MW3C3, username shale. court code 0457, 12 elm st maplewood vt 05999,"
        " 802 555 0142. i will be the poc myself\n\nthanks\nwalt\n"
    )
    officers = result.officers  # type: ignore[attr-defined]
    assert [(o.first_name, o.last_name, o.title, o.dps_username) for o in officers] == [
        ("Walt", "Brennan", "First Constable", "wbrennan"),
        ("Nora", "Pike", "Second Constable", "npike"),
        ("Sam", "Hale", "Deputy Constable", "shale"),
    ]


def test_officers_one_after_another_in_a_run_on_note_are_each_read() -> None:
    """The first officer's number labelled, the next ones bare after their names, no
    stop or comma between them: each officer read."""
    result = _read(
        "hi this is chief walt brennan maplewood pd we want to start doing e tickets our"
        " judiciary code is 0457 address is 12 elm st maplewood vt 05999 phone 802 555 0142"
        " i will be the point of contact myself officers are cpl jo ferris number MW114"
        " username jferris officer sam hale MW120 username shale and officer nora pike MW125"
        " username npike logo to follow thanks\n"
    )
    officers = result.officers  # type: ignore[attr-defined]
    assert [(o.first_name, o.last_name, o.title, o.officer_number) for o in officers] == [
        ("Jo", "Ferris", "Corporal", "MW114"),
        ("Sam", "Hale", "Officer", "MW120"),
        ("Nora", "Pike", "Officer", "MW125"),
    ]
    assert [o.dps_username for o in officers] == ["jferris", "shale", "npike"]
