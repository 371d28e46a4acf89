"""What a message asks for, and the roster changes it gives: forwarded requests under a
signed note, agency details in a roster-change sender's signature, mail that asks for
nothing, and changes written in the words and layouts people use."""

from __future__ import annotations

import re
from email.message import EmailMessage
from typing import Any

import pytest

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_mail = mail


def _read(body: str, subject: str = "Roster", sender: str = "Kim Rowell <krowell@a.test>") -> Any:
    return parse_message(_mail(body, sender=sender, subject=subject))


# --- a forwarded request under a short, signed note ----------------------------------


def test_forwarded_enrolment_under_a_signed_note_is_read_whole() -> None:
    """The note's "Thanks, Kim" does not end the message: the forwarded request below it,
    with its own agency record and officers, is the enrolment."""
    result = _read(
        "Hi,\n\nThe chief asked me to pass his request along (below).\n\nThanks,\nKim\n"
        "Kim Rowell\nRecords Clerk, Tunbridge Police Department\n\n"
        "---------- Forwarded message ---------\n"
        "From: Alan Brisbin <abrisbin@tunbridgevt.test>\n"
        "Date: Mon, Nov 23, 2026 at 9:12 AM\nSubject: e-ticket request\n"
        "To: Kim Rowell <krowell@tunbridgevt.test>\n\n"
        "Tunbridge Police Department would like to participate in the e-ticket program.\n"
        "Judiciary code: 0561\nAddress: 271 Route 110, Tunbridge, VT 05077\n"
        "Phone: 802-889-5521\n\n"
        "Officers:\nBrisbin, Alan - Chief - TB001 - abrisbin\n"
        "Foss, Wendy - Officer - TB004 - wfoss\n\n"
        "Alan Brisbin\nChief of Police\n",
        subject="Fwd: e-ticket request",
    )
    assert result.intent == "enrollment"
    assert result.agency.judiciary_code == "0561"
    assert [o.officer_number for o in result.officers] == ["TB001", "TB004"]
    assert result.head_of_department.name == "Alan Brisbin"


_DRAFT = (
    "Chief,\n\nHere's the draft for DPS. If it looks OK just forward it to them.\n\n---\n\n"
    "To the DPS e-Ticket staff:\n\nPomfret Police Department would like to start issuing "
    "Vermont Civil Violation Complaints electronically. I am the e-ticket Point-of-Contact.\n\n"
    "Judiciary Code: 0577\nName to be displayed: Pomfret Police Department\n"
    "Address: 5218 Pomfret Road, Pomfret, VT 05067\nPhone: 802-555-0133\n\n"
    "Officers (Last, First, Title, Officer #, DPS Username):\n"
    "Okafor, Grace, Sergeant, PF2G4, gokafor\nLindqvist, Tom, Officer, PF6T1, tlindqvist\n\n"
    "Thank you,\n\nGrace Okafor\nSergeant / e-Ticket Coordinator\nPomfret Police Department\n"
)


def test_iphone_forward_of_a_staff_draft_under_the_chiefs_approval() -> None:
    """ "Sent from my iPhone" then "Begin forwarded message:" with the draft quoted: the
    draft is the request, and the chief who signs the note is its head."""
    quoted = "\n".join(("> " + line).rstrip() for line in _DRAFT.splitlines())
    result = _read(
        "Approved. Please set us up.\n\nChief Hale\n\nSent from my iPhone\n\n"
        "Begin forwarded message:\n\n"
        '> From: "Okafor, Grace" <gokafor@pomfretvt.test>\n'
        "> Date: March 2, 2026 at 4:52:31 PM EST\n"
        '> To: "Hale, Marcus" <mhale@pomfretvt.test>\n'
        "> Subject: e-ticket draft\n>\n" + quoted,
        subject="Fwd: e-ticket draft",
        sender="Marcus Hale <mhale@pomfretvt.test>",
    )
    assert result.intent == "enrollment"
    assert result.agency.judiciary_code == "0577"
    assert [o.officer_number for o in result.officers] == ["PF2G4", "PF6T1"]
    assert (result.head_of_department.name, result.head_of_department.title) == (
        "Marcus Hale",
        "Chief",
    )


def test_forward_note_signed_by_someone_else_names_no_head() -> None:
    """A note signed "Chief Hale" by a sender of another name is not taken as the head."""
    quoted = "\n".join(("> " + line).rstrip() for line in _DRAFT.splitlines())
    result = _read(
        "Passing this along.\n\nChief Hale\n\nSent from my iPhone\n\n"
        "Begin forwarded message:\n\n> From: Grace Okafor <gokafor@pomfretvt.test>\n"
        "> Date: March 2, 2026 at 4:52:31 PM EST\n> To: Dana Lee <dlee@pomfretvt.test>\n"
        "> Subject: e-ticket draft\n>\n" + quoted,
        subject="Fwd: e-ticket draft",
        sender="Dana Lee <dlee@pomfretvt.test>",
    )
    assert result.head_of_department.name != "Dana Lee"


def test_forwarded_roster_changes_under_a_signed_note() -> None:
    """A chief's changes forwarded by the PoC with "please make these changes" and her
    signature are read as the roster changes they are."""
    result = _read(
        "Forwarding from our Chief - please make these changes.\n\nThanks,\nKim Rowell\n"
        "Tunbridge Police Department\n\n"
        "---------- Forwarded message ---------\n"
        "From: Alan Brisbin <abrisbin@tunbridgevt.test>\nDate: Mon, Nov 23, 2026\n"
        "Subject: changes\nTo: Kim Rowell <krowell@tunbridgevt.test>\n\n"
        "Kim, please let DPS know:\n"
        "- Officer Wendy Foss (TB004, wfoss) has resigned.\n"
        "- Our new officer Ray Dunn needs a record: Officer, VT LEO TB009, DPS username rdunn.\n"
        "\nAlan\n",
        subject="Fwd: changes",
    )
    assert result.intent == "officer_maintenance"
    assert sorted((c.action, c.officer_number) for c in result.changes) == [
        ("add", "TB009"),
        ("deactivate", "TB004"),
    ]


# --- mail that asks for nothing carries no agency or people -------------------------


def test_question_signed_with_the_agency_record_is_other_mail() -> None:
    """A chief who asks whether part-time departments qualify, and signs with the
    department's address and phone, sends a question: no agency values are read."""
    result = _read(
        "Hello,\n\nWe are a small department, two part-time officers. Our judiciary code is"
        " 0733.\n\nDo part-time departments qualify for e-ticketing? And can TraCS run"
        " without a records system?\n\nAppreciate any guidance.\n\nChief Ada Moss\n"
        "Roxbury Police Department\n12 Main Street, Roxbury, VT 05669\n(802) 485-7711\n",
        subject="eligibility",
        sender="Ada Moss <amoss@roxburyvt.test>",
    )
    assert result.intent == "other"
    assert result.agency.model_dump() == {
        "name": None, "judiciary_code": None, "address": None, "phone": None, "logo": None
    }  # fmt: skip
    assert result.head_of_department.name is None
    assert result.point_of_contact.name is None


def test_thank_you_reply_signed_by_the_chief_carries_no_values() -> None:
    """A thank-you answering our confirmation, signed "Chief ... / ... Police Department
    / Judiciary code ...", gives the case nothing: its signature is no new value."""
    msg = EmailMessage()
    msg["From"] = "Ken Sousa <ksousa@barnetvt.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "Re: records created"
    msg["In-Reply-To"] = "<etk-0101.done@dps.eticket.invalid>"
    msg.set_content(
        "Hi,\n\nJust wanted to say thanks - everyone logged in this morning.\n\n"
        "Chief Ken Sousa\nBarnet Police Department\nJudiciary code 0119\n"
    )
    result = parse_message(msg.as_bytes())
    assert result.intent == "other"
    assert result.agency.name is None
    assert result.head_of_department.name is None


def test_reply_labelling_a_new_contact_address_keeps_it_and_drops_its_signature() -> None:
    """A reply on a case that labels a value ("PoC Email: ...") sends it for the case
    (the desk then checks and holds it as a change); the agency it only signs with is
    who wrote it, not a value."""
    msg = EmailMessage()
    msg["From"] = "Ken Sousa <ksousa@barnetvt.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "RE: [ETK-0101]"
    msg["In-Reply-To"] = "<etk-0101.done@dps.eticket.invalid>"
    msg.set_content(
        "PoC Email: tlyle@barnetvt.test\n\n"
        "Chief Ken Sousa\nBarnet Police Department\nJudiciary code 0119\n"
    )
    result = parse_message(msg.as_bytes())
    assert result.intent == "other"
    assert result.point_of_contact.email == "tlyle@barnetvt.test"
    assert result.agency.name is None
    assert result.agency.judiciary_code is None
    assert result.head_of_department.name is None


def test_wanting_in_on_eticket_with_a_roster_is_an_enrolment() -> None:
    """ "eticket" written as one word names e-tickets like "e-tickets" does."""
    result = _read(
        "DPS - Barnet PD wants in on eticket.\n\nBarnet Police Department, judiciary 0119,"
        " ph 802-633-4410. poc is me.\n\nofficers (last, first, rank, leo, dps id):\n"
        "Sousa, Ken, Chief, BA001, ksousa\nLyle, Tina, Ofc, BA004, tlyle\n\nKen Sousa\n",
        subject="eticket",
        sender="Ken Sousa <ksousa@barnetvt.test>",
    )
    assert result.intent == "enrollment"
    assert [o.officer_number for o in result.officers] == ["BA001", "BA004"]


# --- a roster change signed with the agency's address and phone ----------------------


def test_roster_change_takes_the_agency_address_and_phone_from_the_signature() -> None:
    """A resignation signed with the department's street address and phone gives both;
    the officer's number is no judiciary code, the code written beside the request is."""
    result = _read(
        "Hello,\n\nOfficer Dana Pike has resigned from the Barton Police Department"
        " effective Friday. Her TraCS user (officer no. BT4D2, DPS username dpike) should"
        " be deactivated. We are code 0311 in TraCS.\n\nRegards,\n\nCapt. Lou Ferland\n"
        "Barton Police Department\n17 Church Street\nBarton, VT 05822\n"
        "Tel. 802.525.3311 ext. 2\n",
        sender="Lou Ferland <lferland@bartonvt.test>",
    )
    assert result.intent == "officer_maintenance"
    assert [(c.action, c.officer_number) for c in result.changes] == [("deactivate", "BT4D2")]
    assert result.agency.address is not None and "05822" in result.agency.address
    assert re.sub(r"\D", "", result.agency.phone or "").startswith("8025253311")
    assert result.agency.judiciary_code == "0311"


def test_agency_an_officer_is_leaving_for_is_not_the_senders() -> None:
    """ "is leaving us for the Vermont State Police" names where the officer goes; the
    agency is the one in the signature."""
    result = _read(
        "Hi,\n\nOfc. Cal Streeter is leaving us for the Vermont State Police (academy starts"
        " in January). Please deactivate his account, officer no. BN7C2, effective 12/31."
        "\n\nThank you,\nLt. Cam Rondo\nBarton Police Department\n",
        sender="Cam Rondo <crondo@bartonvt.test>",
    )
    assert result.intent == "officer_maintenance"
    assert result.agency.name == "Barton Police Department"


# --- enrolment or roster change ---------------------------------------------------------


def test_new_officers_under_the_agencys_code_are_a_roster_change() -> None:
    """An enrolled agency that sends two new officers in a table "under Barton PD
    (judiciary code 0311)" asks for records, not for an enrolment."""
    result = _read(
        "Good morning,\n\nWe have two new officers who finished FTO. Please create TraCS"
        " records for them under Barton PD (judiciary code 0311).\n\n"
        "Last Name\tFirst Name\tRank/Title\tOfficer Number\tDPS Username\n"
        "Kowal\tAdam\tOfficer\tBT2A7\takowal\nNadeau\tBria\tOfficer\tBT2B1\tbnadeau\n\n"
        "Thanks,\nLt. Lou Ferland\nBarton Police Department\n17 Church Street, Barton, VT"
        " 05822\n(802) 525-3311\n",
        sender="Lou Ferland <lferland@bartonvt.test>",
    )
    assert result.intent == "officer_maintenance"
    assert result.officers == []
    assert [(c.action, c.officer_number) for c in result.changes] == [
        ("add", "BT2A7"),
        ("add", "BT2B1"),
    ]
    assert result.agency.judiciary_code == "0311"


def test_name_that_should_read_as_the_agency_is_no_correction() -> None:
    """ "Name should be Barton Police Department" in a terse enrolment says how the name
    reads; with officers listed one after another in the sentence it is an enrolment,
    signed "Thx - Cal Sousa, Chief" by its head."""
    result = _read(
        "Hi - Barton PD wants to get on e tickets. Name should be Barton Police Department,"
        " 17 Church St Barton VT 05822, 802-525-3311. I'll email the logo once the town"
        " office sends it, and I need to look up our judiciary code. POC is Ofc Dana Pike"
        " dpike@bartonvt.test. Officers: Sgt. Lou Ferland BT004 lferland, Ofc Dana Pike"
        " BT011 dpike, Ofc Eli Roy BT015 eroy. Thx - Cal Sousa, Chief\n\nSent from my iPhone\n",
        subject="Barton e ticket",
        sender="Cal Sousa <csousa@bartonvt.test>",
    )
    assert result.intent == "enrollment"
    assert [(o.title, o.last_name, o.officer_number, o.dps_username) for o in result.officers] == [
        ("Sergeant", "Ferland", "BT004", "lferland"),
        ("Officer", "Pike", "BT011", "dpike"),
        ("Officer", "Roy", "BT015", "eroy"),
    ]
    assert (result.head_of_department.name, result.head_of_department.title) == (
        "Cal Sousa",
        "Chief",
    )


def test_new_officer_of_an_agency_that_already_has_its_record() -> None:
    """ "Barton PD already has our TraCS agency record" tells of the enrolment done;
    the new officer below it is a roster change."""
    result = _read(
        "Hi DPS e-Ticket,\n\nBarton PD already has our TraCS agency record. We hired a new"
        " officer who finished TraCS training last week. Please create an officer record"
        " for:\n\nOfficer Jake Hurd\nLEO #: BT125\nDPS username: jhurd\n\nThanks,\n"
        "Sgt. Kyle Trent\ne-Ticket PoC, Barton Police Department\n",
        sender="Kyle Trent <ktrent@bartonvt.test>",
    )
    assert result.intent == "officer_maintenance"
    assert [(c.action, c.officer_number, c.dps_username) for c in result.changes] == [
        ("add", "BT125", "jhurd")
    ]


def test_newest_officers_in_an_attached_csv_are_adds() -> None:
    """ "the list of our three newest officers who need officer records" with the list
    attached as CSV asks to add them."""
    msg = EmailMessage()
    msg["From"] = "Bea Lafond <blafond@bartonvt.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "New officer records"
    msg.set_content(
        "Hello,\n\nAttached is the list of our two newest officers who need TraCS officer"
        " records for Barton PD.\n\nRegards,\nBea Lafond\n"
    )
    msg.add_attachment(
        b"Employee ID,Rank,Last,First,VT LEO #,DPS Login\r\n"
        b"4471,Officer,Patno,Ethan,BT8E2,DPS\\epatno\r\n"
        b"4472,Officer,Sween,Mika,BT8M5,DPS\\msween\r\n",
        maintype="application",
        subtype="octet-stream",
        filename="officers.csv",
    )
    result = parse_message(msg.as_bytes())
    assert result.intent == "officer_maintenance"
    assert [(c.action, c.officer_number, c.dps_username) for c in result.changes] == [
        ("add", "BT8E2", "epatno"),
        ("add", "BT8M5", "msween"),
    ]


# --- what a correction says is new ---------------------------------------------------


def _changes(body: str) -> list[dict[str, Any]]:
    result = _read(body, sender="Lt. Ben Gale <bgale@bartonvt.test>")
    assert result.intent == "officer_maintenance"
    return [c.model_dump(exclude_none=True) for c in result.changes]


def test_username_given_after_but_his_actual_login_is() -> None:
    """ "we gave you DPS\\jcourno as his username but his actual domain login is
    DPS\\jcour": the username is the actual one, not the word after "username"."""
    changes = _changes(
        "Hi,\n\nOfc Jake Courno can't get TraCS to sync. Looks like we gave you DPS\\jcourno"
        " as his username but his actual domain login is DPS\\jcour (it got truncated)."
        " Officer # BT2J8. Please fix.\n\nThx\nLt. Ben Gale\n"
    )
    assert [(c["officer_number"], c.get("dps_username")) for c in changes] == [("BT2J8", "jcour")]


def test_username_changed_from_old_to_new() -> None:
    """ "Her DPS username has also been changed from lcarr to lbeau" gives the new one."""
    changes = _changes(
        "Hello,\n\nOfficer Lena Carr (officer # BT118) recently married and has legally"
        " changed her name to Lena Beau. Her DPS username has also been changed from lcarr"
        " to lbeau. Could you please update her record?\n\nThanks,\nBen Gale\n"
    )
    assert changes[0]["last_name"] == "Beau"
    assert changes[0]["dps_username"] == "lbeau"


@pytest.mark.parametrize(
    "sentence",
    ["Her username stays the same.", "He gets a login error when he submits."],
)
def test_words_after_username_are_no_username(sentence: str) -> None:
    """ "username stays the same", "login error": no new username is read."""
    changes = _changes(
        "Hi,\n\nCpl. Dana Whit (officer # BT5D1) was promoted to Sergeant as of Monday."
        f" Can you change her title? {sentence}\n\nthanks!\nBen Gale\n"
    )
    assert changes == [
        {
            "action": "update",
            "officer_number": "BT5D1",
            "last_name": "Whit",
            "first_name": "Dana",
            "title": "Sergeant",
        }
    ]


def test_name_the_record_should_have_after_should_be() -> None:
    """ "We have him as "Mathew LaPlant" but it should be Matthew Laplante": the name
    after "should be" is the new one, first and last."""
    changes = _changes(
        'Good morning,\n\nOne of our guys is spelled wrong. We have him as "Mathew LaPlant"'
        " but it should be Matthew Laplante (two t's). Officer number is BT5L1.\n\n"
        "-Sgt. Ben Gale\n"
    )
    assert [(c.get("first_name"), c.get("last_name")) for c in changes] == [("Matthew", "Laplante")]


def test_name_and_username_after_should_be_with_a_slash() -> None:
    """ "His last name was entered as "Trembley" and his username as jtrembley. It should
    be Tremblay / jtremblay." corrects both."""
    changes = _changes(
        'Hi,\n\nOfficer Jon Tremblay\'s last name was entered as "Trembley" and his username'
        " as jtrembley. It should be Tremblay / jtremblay. His LEO number BT219 is correct."
        "\n\nThanks,\nSgt. Ben Gale\n"
    )
    assert [(c.get("last_name"), c.get("dps_username")) for c in changes] == [
        ("Tremblay", "jtremblay")
    ]


def test_rank_after_an_arrow_or_is_now_is_the_new_title() -> None:
    """ "Cpl. Jay Bross, BT055 -> Sergeant" and "Cpl. Nat Gosse, VT LEO BT118, is now
    Sergeant." are title changes."""
    changes = _changes(
        "Hi,\n\nPlease update titles for Barton Police Department:\n"
        "- Cpl. Jay Bross, BT055 -> Sergeant\n\n"
        "Also: Cpl. Nat Gosse, VT LEO BT118, is now Sergeant. Username stays ngosse.\n\n"
        "Lt. Ben Gale\n"
    )
    assert [(c["officer_number"], c["action"], c.get("title")) for c in changes] == [
        ("BT055", "update", "Sergeant"),
        ("BT118", "update", "Sergeant"),
    ]
    # "Username stays ngosse": the login the record keeps, as written; none for Bross
    assert [c.get("dps_username") for c in changes] == [None, "ngosse"]


def test_labelled_new_officer_and_corrected_first_name() -> None:
    """ "New: Officer Simone Acht - Officer # BT512 - DPS username sacht" is an add;
    "her legal first name is Elle, not Ellie. Please correct." changes the first name
    only."""
    changes = _changes(
        "Barton Police Department officer record changes:\n\n"
        "1. New: Officer Simone Acht - Officer # BT512 - DPS username sacht\n"
        "2. Deputy Ellie Marsh (BT130) -- her legal first name is Elle, not Ellie."
        " Please correct.\n\nThanks,\nLt. Ben Gale\n"
    )
    assert changes == [
        {
            "action": "add",
            "officer_number": "BT512",
            "last_name": "Acht",
            "first_name": "Simone",
            "title": "Officer",
            "dps_username": "sacht",
        },
        {
            "action": "update",
            "officer_number": "BT130",
            "last_name": "Marsh",
            "first_name": "Elle",
            "title": "Deputy",
        },
    ]


def test_rows_under_a_request_to_update_their_titles() -> None:
    """ "can u update titles for these 2 ... title should just be Officer now" then two
    rows "last<tab>first<tab>number": two title changes to Officer."""
    changes = _changes(
        "Hi can u update titles for these 2, they went full time this month so title should"
        " just be Officer now (not PT Officer)\n\nLefe\tDerek\tBT5D3\nMosh\tAly\tBT5A8\n\n"
        "Thanks, Chief Ben Gale\nBarton PD\n"
    )
    assert changes == [
        {
            "action": "update",
            "officer_number": "BT5D3",
            "last_name": "Lefe",
            "first_name": "Derek",
            "title": "Officer",
        },
        {
            "action": "update",
            "officer_number": "BT5A8",
            "last_name": "Mosh",
            "first_name": "Aly",
            "title": "Officer",
        },
    ]


def test_table_under_please_deactivate_is_deactivations() -> None:
    """A pipe table under "Please deactivate the following TraCS users:" (with a reason
    column) deactivates each row's officer."""
    changes = _changes(
        "Hello,\n\nEnd-of-semester changes. Please deactivate the following TraCS users:\n\n"
        "| Name          | Title    | LEO #  | Username  | Reason            |\n"
        "|---------------|----------|--------|-----------|-------------------|\n"
        "| Tromb, Owen   | Officer  | BT2O4  | otromb    | lateral to Essex  |\n"
        "| Cast, Rosa    | Officer  | BT3R1  | rcast     | resigned          |\n\n"
        "Thanks,\nLt. Ben Gale\n"
    )
    assert [(c["action"], c["officer_number"]) for c in changes] == [
        ("deactivate", "BT2O4"),
        ("deactivate", "BT3R1"),
    ]


def test_chief_signing_on_the_sign_off_line_is_the_head() -> None:
    """ "Thanks, Chief Tom Pell" under a roster change names the head of department."""
    result = _read(
        "Hi can u deactivate Ofc Aly Mosh BT5A8, she resigned.\n\nThanks, Chief Tom Pell\n"
        "Barton PD\n\nSent from my Galaxy\n",
        sender="Tom Pell <bartonchief@bartonvt.test>",
    )
    assert result.intent == "officer_maintenance"
    assert (result.head_of_department.name, result.head_of_department.title) == (
        "Tom Pell",
        "Chief",
    )


def test_self_designated_contact_with_the_name_in_brackets() -> None:
    """ "I (Lt. Gary Stiles) will be the Point-of-Contact" designates the sender."""
    result = _read(
        "Hello,\n\nBarton Police Department would like to participate in the e-ticket"
        " program. I (Lt. Gary Stiles) will be the Point-of-Contact.\n\n"
        "Judiciary code: 0311\n17 Church Street, Barton, VT 05822\n802-525-3311\n\n"
        "Rank\tName\tOfficer Number\tDPS Username\nLieutenant\tGary Stiles\tBT003\tgstiles\n"
        "\nGary Stiles\nLieutenant, Barton Police Department\n",
        subject="e-ticket enrollment",
        sender='"Lt. Gary Stiles" <gstiles@bartonvt.test>',
    )
    assert result.intent == "enrollment"
    assert (result.point_of_contact.name, result.point_of_contact.email) == (
        "Gary Stiles",
        "gstiles@bartonvt.test",
    )
    assert "point_of_contact.name" not in result.missing


def test_ill_be_the_contact_myself_designates_the_sender() -> None:
    """A terse enrolment whose sender writes "I'll be the contact for this myself" names
    its PoC: the sender is not asked for one."""
    result = _read(
        "Hi. Barton PD wants to start doing e-tickets. Name on the ticket should read Barton"
        " Police Department.\nJudiciary code 0311\n17 Church St Barton VT 05822\n"
        "802 525 3311\nI'll be the contact for this myself.\nOfficers:\n"
        "Chief Dale Kim BT101 dkim\nOfc Amy Shore BT104 ashore\n\nDale\n",
        subject="eticket",
        sender="Dale Kim <chief.bartonpd@example.test>",
    )
    assert result.intent == "enrollment"
    assert (result.point_of_contact.name, result.point_of_contact.email) == (
        "Dale Kim",
        "chief.bartonpd@example.test",
    )


def test_forward_note_naming_the_poc_by_pronoun_takes_the_named_officer() -> None:
    """ "I've reviewed Sgt. Okafor's information below. She will be our Point of
    Contact.": the PoC is the officer named, in full, with her address from the
    forwarded header; the chief who signs the note is the head."""
    draft = _DRAFT.replace(" I am the e-ticket Point-of-Contact.", "")
    result = _read(
        "Please accept this as our request to enroll. I've reviewed Sgt. Okafor's "
        "information below and I approve. She will be our Point of Contact.\n\n"
        "Chief Marcus Hale\nPomfret Police Department\n\n"
        "From: Okafor, Grace <gokafor@pomfretvt.test>\nSent: Monday, March 2, 2026 4:12 PM\n"
        "To: Hale, Marcus <mhale@pomfretvt.test>\nSubject: e-ticket draft\n\n" + draft,
        subject="FW: e-ticket draft",
        sender="Hale, Marcus <mhale@pomfretvt.test>",
    )
    assert result.intent == "enrollment"
    assert (result.point_of_contact.name, result.point_of_contact.email) == (
        "Grace Okafor",
        "gokafor@pomfretvt.test",
    )
    assert result.head_of_department.name == "Marcus Hale"


def test_terse_phone_request_with_unlabelled_values_is_an_enrolment() -> None:
    """One paragraph from a phone: wants e-tickets, the code, address and phone written
    in its sentences, the officers to come later: an enrolment, its values read."""
    result = _read(
        "Hi - Cabot PD wants to get on e-tickets. Point of contact will be Sgt Ray Doane. "
        "Jud code 0467. Name on ticket: Cabot Police Department. 84 Main St, Cabot VT "
        "05647 / 802-555-0166. I'll have Ray send the officer list next week.\n\n"
        "Chief Lou Pratt\nCabot PD\n\nSent from my iPhone\n",
        subject="e-ticket sign up",
        sender="Lou Pratt <lpratt@cabotvt.test>",
    )
    assert result.intent == "enrollment"
    assert result.agency.judiciary_code == "0467"
    assert result.agency.phone is not None
    assert "agency.judiciary_code" not in result.missing


def test_a_question_naming_e_tickets_with_values_stays_an_enquiry() -> None:
    result = _read(
        "Hi - does Cabot PD qualify for e-tickets? Our code is 0467, we're at 3084 Main St, "
        "Cabot VT 05647, 802-555-0166.\n\nLou Pratt\n",
        subject="question",
        sender="Lou Pratt <lpratt@cabotvt.test>",
    )
    assert result.intent == "other"


# --- terse enrolments: one line, its officers to follow or attached ------------------


def test_terse_phone_note_with_code_phone_and_officers_to_follow_is_an_enrolment() -> None:
    """ "Sign X PD up for e ticket" with a code and a phone, officers to follow."""
    result = _read(
        "Chief here. Sign Lowell PD up for e ticket. Code 0788. 802 555 0190. Officers to"
        " follow\n\nSent from my iPhone\n",
        subject="eticket",
        sender="Dale Hurd <dhurd@lowellpd.test>",
    )
    assert result.intent == "enrollment"
    assert result.agency.judiciary_code == "0788"


def test_one_line_enrolment_naming_eticket_only_in_its_subject() -> None:
    """A one-line body "JC 0311, <address>, <phone>" under "Fairlee PD e-ticket"."""
    result = _read(
        "Chief Moss, Fairlee Police Department, JC 0311, 12 Main St, Fairlee VT 05045,"
        " 802-555-0133. Roster to follow. -PM\n",
        subject="Fairlee PD e-ticket",
        sender="Pat Moss <pmoss@fairleevt.test>",
    )
    assert result.intent == "enrollment"
    assert result.agency.address == "12 Main St, Fairlee VT 05045"
    assert "agency.judiciary_code" not in result.missing


def test_enrolment_with_every_agency_value_and_one_question_is_a_request() -> None:
    """All four agency values labelled, and a question about one officer's login."""
    result = _read(
        "We're ready to jump into e-ticketing!\n\n* Agency name: Vernon Police Department\n"
        "* Judiciary code: 0477\n* Address: 4 Pond Road, Vernon, VT 05354\n"
        "* Phone: 802-555-0178\n\nOne officer has no DPS login yet - how does she get one?\n"
        "\nThanks,\nWes\n",
        subject="Vernon PD ready for e-ticketing",
        sender="Wes Ordway <words@vernonvt.test>",
    )
    assert result.intent == "enrollment"
    assert result.agency.judiciary_code == "0477"


def test_terse_note_address_without_the_state_is_read() -> None:
    """ "12 Route 5 Fairlee 05045." (no "VT") as its own sentence: the address."""
    result = _read(
        "Chief here. Sign Fairlee PD up for e ticket. Code 0311. 12 Route 5 Fairlee 05045."
        " 802 555 0133. Officers to follow\n",
        subject="eticket",
        sender="Pat Moss <pmoss@fairleevt.test>",
    )
    assert result.agency.address == "12 Route 5 Fairlee, VT 05045"
    assert "agency.address" not in result.missing
    assert result.invalid == []


def test_terse_note_address_placed_with_were_at_and_no_state_is_read() -> None:
    """ "We're at 12 Route 5 Fairlee 05045." (no "VT"): the address after the words that
    place the agency."""
    result = _read(
        "Fairlee PD wants e tickets. Code 0311. We're at 12 Route 5 Fairlee 05045. "
        "802 555 0133. Officers to follow\n\nChief Moss\n",
        subject="eticket",
        sender="Pat Moss <pmoss@fairleevt.test>",
    )
    assert result.agency.address == "12 Route 5 Fairlee, VT 05045"
    assert "agency.address" not in result.missing
