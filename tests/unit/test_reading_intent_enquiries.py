"""Mail that asks for nothing though it names officers, a code or the words of a change:
a status chase that recalls the officers of a request sent before, a reply asking for an
ETA over its own quoted request, a problem report naming the officer who saw it, a driver
asking to have his ticket fixed, and a report for another system attached by mistake."""

from __future__ import annotations

from typing import Any

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail


def _read(body: str, subject: str, sender: str, **kw: Any) -> Any:
    return parse_message(mail(body, sender=sender, subject=subject, **kw))


def test_a_status_chase_recalling_its_officers_is_no_enrolment() -> None:
    result = _read(
        "Hello,\n\nOur chief sent the enrollment request for the Lakeview Police Department "
        "(judiciary code 0517) in January, listing three officers:\n\n"
        "LK041 - Sgt. Rhea Santangelo\nLK044 - Ofc. Bram Eastwood\nLK047 - Ofc. Tova Lindqvist\n\n"
        "Can you tell me where our request stands?\n\n"
        "Thanks,\nSgt. Rhea Santangelo\nLakeview Police Department\n",
        "Lakeview enrollment - status?",
        "Rhea Santangelo <rsantangelo@lakeview.test>",
    )
    assert result.intent == "other"
    assert result.officers == []


def test_an_enrolment_that_also_asks_where_things_stand_is_still_one() -> None:
    result = _read(
        "Hello,\n\nPlease enroll the Lakeview Police Department in e-ticketing.\n"
        "Judiciary code: 0517\nAddress: 4 Mill St, Lakeview, VT 05999\nPhone: 802-555-0140\n\n"
        "Officers:\nLK041 - Sgt. Rhea Santangelo\nLK044 - Ofc. Bram Eastwood\n\n"
        "Our earlier email bounced, so could you also tell me where things stand?\n\n"
        "Thanks,\nChief Omar Vantongeren\n",
        "Lakeview e-ticket enrollment",
        "Omar Vantongeren <ovantongeren@lakeview.test>",
    )
    assert result.intent == "enrollment"
    assert len(result.officers) == 2


def test_a_problem_report_naming_the_officer_who_saw_it_changes_no_record() -> None:
    result = _read(
        "Hi,\n\nSince Monday the logo prints as a grey smear on our warnings. Ofc. Bram "
        "Eastwood (LK044) spotted it first and now it's happening in every cruiser. Did "
        "something change with our agency record? Is the logo meant to be a certain size?\n\n"
        "Thanks,\nTova Lindqvist\nLakeview Police Department\n",
        "Logo smeared on warnings",
        "Tova Lindqvist <tlindqvist@lakeview.test>",
    )
    assert result.intent == "other"
    assert result.changes == []


def test_two_questions_naming_an_officer_ask_for_nothing() -> None:
    result = _read(
        "Hi,\n\nTwo questions for you. Does the agency record hold the margins for the "
        "printed warnings? And Sgt. Rhea Santangelo (LK041) gets asked to sync forms at each "
        "login; is that expected?\n\nThanks,\nTova Lindqvist\nLakeview Police Department\n",
        "Printing and syncing",
        "Tova Lindqvist <tlindqvist@lakeview.test>",
    )
    assert result.intent == "other"
    assert result.officers == []


def test_a_driver_asking_to_have_his_ticket_fixed_asks_for_no_roster_change() -> None:
    result = _read(
        "hi i got a ticket from officer Eastwood on main st, his number on it is LK044. the "
        "plate is wrong and my last name is misspelled. can you fix it?\nDale Korhonen\n",
        "ticket wrong",
        "Dale Korhonen <dkorhonen1@mail.test>",
    )
    assert result.intent == "other"
    assert result.changes == []


def test_a_reply_asking_for_an_eta_over_its_quoted_request_is_a_chase() -> None:
    result = _read(
        "Hi - circling back on the below. Nobody has confirmed the agency record yet. Is "
        "there an ETA?\n\nOmar\n\n"
        "From: Vantongeren, Omar\nSent: Monday, March 3, 2025 9:00 AM\n"
        "To: DPS eTicket <dps.eticket@vermont.gov>\nSubject: Lakeview e-ticket enrollment\n\n"
        "Please enroll the Lakeview Police Department in e-ticketing.\n"
        "Judiciary code: 0517\nAddress: 4 Mill St, Lakeview, VT 05999\nPhone: 802-555-0140\n\n"
        "Officers:\nLK041 - Sgt. Rhea Santangelo\nLK044 - Ofc. Bram Eastwood\n\n"
        "Thanks,\nChief Omar Vantongeren\n",
        "RE: Lakeview e-ticket enrollment",
        "Omar Vantongeren <ovantongeren@lakeview.test>",
        in_reply_to="<earlier@lakeview.test>",
    )
    assert result.intent == "other"


def test_a_report_for_another_system_attached_by_mistake_asks_for_no_change() -> None:
    report = (
        b"VERMONT CRASH REPORT - CORRECTED\n\nCase number: 25LK00412\n\n"
        b"Reporting officer: Sgt. Rhea Santangelo  LK041\n\n"
        b"Correction: vehicle units swapped in the original submission.\n"
    )
    result = _read(
        "Good morning,\n\nAttached is the corrected crash report for case 25LK00412. The "
        "first version had the vehicles swapped. Kindly replace the earlier one.\n\n"
        "Reporting officer: Sgt. Rhea Santangelo (LK041)\n\n"
        "Thank you,\nSgt. Rhea Santangelo\nLakeview Police Department\n",
        "Crash report 25LK00412 - corrected",
        "Rhea Santangelo <rsantangelo@lakeview.test>",
        attachments=[("crash-25LK00412.txt", report, "text/plain")],
    )
    assert result.intent == "other"
    assert result.changes == []


def test_asking_for_an_update_on_the_enrolment_sent_before_is_a_chase() -> None:
    """ "we sent our enrollment ... (with the phone correction the day after). Any update
    on when the agency record will be ready?": it recalls a correction, it gives none."""
    result = _read(
        "Hello, we sent our enrollment for Pine Ridge PD last month (and the phone "
        "correction after it). Any update on when the agency record will be ready?\n"
        "Thanks, Vera Hollis",
        "checking in",
        "Vera Hollis <chief@pineridgevt.test>",
    )
    assert result.intent == "other"
    assert result.agency.name is None


def test_asking_off_the_desks_mailing_list_deactivates_no_one() -> None:
    """ "Please remove dispatch@... from your mailing list": the desk's mail, not an
    officer's record, even beside the ranked names who should get it."""
    result = _read(
        "Please remove dispatch@lakeview.test from your mailing list. This is a shared "
        "inbox and we keep getting the e-ticket update emails. Chief Vantongeren and Sgt. "
        "Santangelo are the ones who should get them.\n\nThank you,\nLakeview PD Dispatch\n",
        "unsubscribe",
        '"Dispatch - Lakeview PD" <dispatch@lakeview.test>',
    )
    assert result.intent == "other"
    assert result.changes == []
    assert result.agency.name is None
