"""What a message's attached papers and the desk's own quoted words tell the reader: the
agency's name spelled out on a memo's letterhead, an enrolment form whose new hire is no
roster change, the sample row of the desk's form, the name a letter says is to be
displayed, and the items the desk says it still lacks."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.pdfs import text_pdf
from tests.reading_mail import mail
from tests.review_seed import png


def test_the_name_signed_short_is_spelled_out_as_the_memo_attached_heads_it() -> None:
    memo = text_pdf(
        [
            ["ORLEANS COUNTY SHERIFF'S DEPARTMENT"],
            [""],
            ["MEMORANDUM"],
            ["RE: TraCS officer record changes"],
            [""],
            ["Please make the following changes to our officer records in TraCS:"],
            ["1. Deputy Ray Hale (0R512) resigned effective 11/10. Please deactivate his record."],
            [""],
            ["Mark Benoit, Sheriff"],
        ]
    )
    raw = mail(
        "Please see attached memo.\n\nSheriff Mark Benoit\nOrleans County Sheriff's Dept\n"
        "802-555-0199\n",
        sender="Mark Benoit <sheriff@orleanssheriff.test>",
        subject="TraCS changes memo",
        attachments=[("changes memo.pdf", memo, "application/pdf")],
    )
    result = parse_message(raw)
    assert result.intent == "officer_maintenance"
    assert result.agency.name == "Orleans County Sheriff's Department"


def test_an_enrolment_form_attached_with_a_new_hire_on_its_roster_is_an_enrolment() -> None:
    form = text_pdf(
        [
            ["ELMORE POLICE DEPARTMENT"],
            ["12 Main Street, Elmore, VT 05657   Tel. 802-555-0140"],
            [""],
            ["e-Ticket / TraCS Participation Request"],
            [""],
            ["Agency name for e-ticket: Elmore Police Department"],
            ["Judiciary code: 0781"],
            ["Point of Contact: Sgt. Dana Roy, droy@elmorepd.test"],
            [""],
            ["Officers:"],
            ["1. Officer Paul Ames - LEO EL442 - DPS user pames"],
            ["2. Officer Rita Lund - LEO EL450 - DPS user (pending, new hire)"],
            [""],
            ["Authorized by: Carl Byrd, Chief of Police"],
        ]
    )
    raw = mail(
        "To whom it may concern,\n\nAttached is our signed request to join the e-ticket "
        "program.\n\nChief Carl Byrd\nElmore PD\n",
        sender="Carl Byrd <cbyrd@elmorepd.test>",
        subject="Elmore PD eticket request (signed)",
        attachments=[("request signed.pdf", form, "application/pdf")],
    )
    result = parse_message(raw)
    assert result.intent == "enrollment"
    assert result.changes == []
    assert [o.officer_number for o in result.officers] == ["EL442", "EL450"]
    assert result.agency.judiciary_code == "0781"


def test_the_sample_line_of_the_desks_form_is_no_officer() -> None:
    raw = mail(
        "Hello, Chief Byrd forwarded me your email below. I'm the point of contact.\n\n"
        "Judiciary code: 0950\n\nOfficers:\n"
        "Roy, Dana, Officer, 09011, droy\nLund, Rita, Corporal, 09017, rlund\n\n"
        "Owen Pratt\nIT Coordinator, Elmore Police Department\n\n"
        "---------- Forwarded message ---------\n"
        "From: Carl Byrd <cbyrd@elmorepd.test>\n"
        "Date: Tue, Nov 24, 2026 at 10:30 AM\nSubject: Fwd: e-Ticket enrollment\n"
        "To: Owen Pratt <opratt@elmorepd.test>\n\nOwen can you handle this?\n\n"
        "---------- Forwarded message ---------\n"
        "From: DPS eTicket <dps.eTicket@vermont.gov>\n"
        "Date: Tue, Nov 24, 2026 at 9:12 AM\nSubject: e-Ticket enrollment\n\n"
        "Before we can create the Agency record the following is still needed:\n\n"
        "  - judiciary code\n  - officer list\n\n"
        "Please send one line per officer in this form:\n"
        "  Last name, First name, Title, Officer number, DPS username\n"
        "  e.g.  Brown, Mary, Officer, 12345, mbrown\n\n"
        "Thank you,\nDPS e-Ticket Technical Staff\n",
        sender="Owen Pratt <opratt@elmorepd.test>",
        subject="Re: Fwd: e-Ticket enrollment",
        in_reply_to="<desk.1@vermont.gov>",
        cc="Carl Byrd <cbyrd@elmorepd.test>",
    )
    result = parse_message(raw)
    assert [o.last_name for o in result.officers] == ["Roy", "Lund"]


def test_the_name_a_letter_says_is_to_be_displayed_is_the_agencys() -> None:
    raw = mail(
        "Dear Department of Public Safety e-Ticket Technical Staff,\n\n"
        "Please accept this correspondence as the formal request of the Town of Elmore "
        "Police Department to participate in the electronic ticketing program.\n\n"
        "The judiciary code assigned to our agency is 0781. The name which should be "
        "displayed on the e-ticket is Elmore Police Department. Our address is 12 Main "
        "Street, Elmore, Vermont 05657, and the department may be reached at (802) "
        "555-0140.\n\nRespectfully submitted,\n\nCarl Byrd\nChief of Police\n",
        sender="Carl Byrd <cbyrd@elmorepd.test>",
        subject="Participation in Electronic Ticketing Program",
    )
    assert parse_message(raw).agency.name == "Elmore Police Department"


def test_a_reply_sending_what_the_desk_said_it_lacked_is_asked_for_nothing_more() -> None:
    raw = mail(
        "Here is the logo you asked for.\n\nDana\n\n"
        "> On Oct 13, 2026, at 9:12 AM, DPS eTicket <dps.eTicket@vermont.gov> wrote:\n>\n"
        "> Hi Dana, we have everything for Elmore Police Department except the logo for "
        "the warning header. Please send it when you can.\n",
        sender="Dana Roy <droy@elmorepd.test>",
        subject="Re: Elmore PD TraCS setup",
        in_reply_to="<desk.2@vermont.gov>",
        attachments=[("elmore-logo.png", png(), "image/png")],
    )
    result = parse_message(raw)
    assert result.intent == "enrollment"
    assert result.missing == []


def test_a_reply_the_desk_told_what_it_lacks_is_still_asked_for_that() -> None:
    raw = mail(
        "Here is the logo.\n\nDana\n\n"
        "> On Oct 13, 2026, at 9:12 AM, DPS eTicket <dps.eTicket@vermont.gov> wrote:\n>\n"
        "> Hi Dana, we have everything for Elmore Police Department except the logo and "
        "the judiciary code. Please send them when you can.\n",
        sender="Dana Roy <droy@elmorepd.test>",
        subject="Re: Elmore PD TraCS setup",
        in_reply_to="<desk.3@vermont.gov>",
        attachments=[("elmore-logo.png", png(), "image/png")],
    )
    assert parse_message(raw).missing == ["agency.judiciary_code"]


def test_a_forwarded_hire_the_note_asks_to_set_up_is_a_roster_change() -> None:
    raw = mail(
        "Can you guys set him up? Elmore PD, code 0781. His DPS username is tgale.\n\n"
        "Mike Wright\nLieutenant, Elmore Police Department\ne-ticket POC\n\n"
        "-----Original Message-----\nFrom: Stacy Perron <sperron@elmorepd.test>\n"
        "Sent: Monday, November 16, 2026 3:41 PM\nTo: Mike Wright <mwright@elmorepd.test>\n"
        "Subject: Start date\n\nMike,\nJust confirming Tom Gale starts 11/23 as a Police "
        "Officer. His POST certification came through, his LEO number is EL415. Can you "
        "get his e-ticket stuff going?\nStacy\n"
        "HR Coordinator, Town of Elmore\n",
        sender="Mike Wright <mwright@elmorepd.test>",
        subject="FW: Start date",
    )
    result = parse_message(raw)
    assert result.intent == "officer_maintenance"
    assert result.agency.judiciary_code == "0781"
    # the hire the HR mail names, his number there ("His POST certification" names no one)
    assert [(c.action, c.officer_number, c.first_name, c.last_name) for c in result.changes] == [
        ("add", "EL415", "Tom", "Gale")
    ]


def test_a_hire_said_to_start_on_a_date_as_a_rank_takes_that_title() -> None:
    raw = mail(
        "Hi,\n\nAnn Roy starts 12/1 as a Sergeant. Please add her, LEO number EL416, DPS "
        "username aroy.\n\nThanks,\nMike Wright\nElmore Police Department\n",
        sender="Mike Wright <mwright@elmorepd.test>",
        subject="New hire",
    )
    result = parse_message(raw)
    assert [(c.action, c.officer_number, c.title) for c in result.changes] == [
        ("add", "EL416", "Sergeant")
    ]
