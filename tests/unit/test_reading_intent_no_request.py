"""Mail that asks or tells but requests no enrolment and no roster change, though it has
their words: a question about the process, a request wondered about, one sent before, new
hires named only to tell when, an agency leaving the program, a list asked of agencies that
have a record; and requests put as questions or after a request sent before, which stay
requests."""

from __future__ import annotations

from typing import Any

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail


def _read(body: str, subject: str = "e-tickets", sender: str = "Ana Roy <aroy@town.test>") -> Any:
    return parse_message(mail(body, sender=sender, subject=subject))


def test_an_enrolment_word_in_a_question_about_the_process_asks_for_none() -> None:
    result = _read(
        "Hi,\n\nWe may start on e-tickets next year in Lakeview. Should we get the "
        "scanners before we enroll, or after? Who at our end has to sign the request?\n\n"
        "Our judiciary code is 0733 in case it helps.\n\nThanks,\nChief Ed Lamb\n"
        "Lakeview Police Department\n"
    )
    assert result.intent == "other"


def test_a_request_wondered_about_is_no_request() -> None:
    result = _read(
        "Hello,\n\nOur town board asked me to learn whether the village should enroll on its "
        "own in e-ticketing or stays under the county's agency record, since the county "
        "deputies patrol here.\n\nThank you,\nMo Blake\nVillage Clerk\n"
    )
    assert result.intent == "other"


def test_a_question_about_a_request_sent_before_asks_for_no_new_record() -> None:
    result = _read(
        "Hi,\n\nWe sent over a new deputy last Tuesday (Deputy Kai Ferrand). How long does "
        "a new officer usually take to be set up in TraCS? He keeps asking me.\n\n"
        "Thanks,\nSheriff Lou Adair\n"
    )
    assert result.intent == "other"
    assert result.changes == []


def test_an_agency_leaving_the_program_asks_for_no_enrolment() -> None:
    result = _read(
        "Hello,\n\nThe council voted to close our police department at year end; the "
        "county will patrol the town.\n\nPlease remove Lakeview Police Department from the "
        "e-ticket program as of December 31 and close out our TraCS agency record.\n\n"
        "Regards,\nChief Ed Lamb\n"
    )
    assert result.intent == "other"


def test_a_wish_of_another_before_new_hires_start_and_a_status_question() -> None:
    result = _read(
        "Hi,\n\nCould you send me the latest TraCS quick guide? Lt. Moss would like to "
        "run a refresher for the patrol staff before the new hires start.\n\nAlso, we sent "
        "our roster changes on the 3rd - just wondering if they are in yet.\n\n"
        "Thanks,\nAna Roy\nOffice Manager\n"
    )
    assert result.intent == "other"


def test_a_printer_question_with_should_be_asks_for_no_change() -> None:
    result = _read(
        "Good morning,\n\nTwo of the officers are having trouble with warnings out of "
        "TraCS. On the printer in car 7 the bottom of each warning gets cut off, and on "
        "every car the logo prints smeared. Is there a paper size setting we should be "
        "checking?\n\nLt. Moss is away this week so I am passing it on.\n\nThank you,\n"
        "Ana Roy\nRecords Clerk\n"
    )
    assert result.intent == "other"


def test_a_list_of_agencies_that_have_a_record_asked_for_is_no_enrolment() -> None:
    result = _read(
        "To the records officer:\n\nUnder the public records law I ask for copies of the "
        "following:\n\n1. A list of the town police departments that have an agency record "
        "for electronic ticketing.\n\nThank you,\nDee Park\nReporter\n"
    )
    assert result.intent == "other"


def test_a_change_asked_as_a_question_stays_a_request() -> None:
    result = _read(
        "Hi,\n\nCan you add Officer Jo Tran (LV482) to our roster? She started Monday.\n\n"
        "Thanks,\nChief Ed Lamb\nLakeview Police Department\n"
    )
    assert result.intent == "officer_maintenance"


def test_a_correction_after_a_request_sent_before_stays_a_request() -> None:
    result = _read(
        "Hi,\n\nI sent over Officer Jo Tran's info yesterday and I typed her number "
        "wrong.\n\nThanks,\nChief Ed Lamb\nLakeview Police Department\n"
    )
    assert result.intent == "officer_maintenance"


def test_an_enrolment_taken_back_before_it_was_set_up_asks_for_none() -> None:
    result = _read(
        "Hello,\n\nLast month we sent our e-ticket enrollment for the Kestrel Falls "
        "Police Department (judiciary code 0841, three officers). The town council cut the "
        "equipment from the budget, so please withdraw our request; do not create the "
        "agency or the officers.\n\nWe will write again next year.\n\nChief Ivo Brandt\n"
        "Kestrel Falls Police Department\n12 Mill St, Kestrel Falls, VT 05999\n"
        "802-555-0190\n"
    )
    assert result.intent == "other"
    assert not result.officers and not result.missing
