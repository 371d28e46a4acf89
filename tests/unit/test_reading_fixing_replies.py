"""A message that fixes or completes an earlier request is a request of the same kind as
what it fixes: a value of an officer's record corrected is an update of that record, and
a reply giving the roster an enrolment said would follow completes that enrolment. A
question about the earlier request and a thank-you stay no request."""

from __future__ import annotations

from typing import Any

from mailbot.intake.parse import parse_message
from tests.reading_mail import dumped, mail

_SENDER = "Dana Whitcomb <dwhitcomb@hinesburgpd.test>"


def _read(body: str, subject: str, in_reply_to: str | None = None, sender: str = _SENDER) -> Any:
    return parse_message(mail(body, sender=sender, subject=subject, in_reply_to=in_reply_to))


def test_slipped_number_fixed_in_a_new_note_is_an_update_of_that_officer() -> None:
    """ "I swapped two digits ... I transposed it": the officer's record is updated with
    the number meant, his other values as the note gives them."""
    result = _read(
        "Hello,\n\nLast week I sent in Sgt. Tomas Keeler and I mistyped his number. I put"
        " 4H227 and the correct number is 4H272. The rest was right (Sergeant, username"
        " tkeeler).\n\nApologies!\n\nDana Whitcomb\nHinesburg Police Department\n",
        "Keeler officer number",
    )
    assert result.intent == "officer_maintenance"
    assert dumped(result.changes) == [
        {
            "action": "update",
            "officer_number": "4H272",
            "last_name": "Keeler",
            "first_name": "Tomas",
            "title": "Sergeant",
            "dps_username": "tkeeler",
        }
    ]


_CREATED = (
    "\n\nOn Mon, Mar 3, 2025 at 2:10 PM DPS eTicket <dps.eTicket@vermont.gov> wrote:\n"
    "> Good afternoon,\n>\n> These TraCS officer records are created for Hinesburg PD:\n>\n"
    "> Officer   Marisol   Quint    HP401  mquint\n"
    "> Officer   Devin     Farrar   HP402  dfarrar\n>\n"
    "> DPS e-Ticket Technical Staff\n"
)


def test_first_name_fixed_under_the_desks_list_is_an_update_of_that_record() -> None:
    """ "Quint's first name is Marisela, not Marisol" under the desk's list of records
    created: that officer's record (his number from the list) gets the name meant."""
    result = _read(
        "Thank you! One fix - Quint's legal first name is Marisela, not Marisol. My typo."
        "\n\nDana" + _CREATED,
        "Re: Hinesburg PD records created",
        in_reply_to="<created-1@vermont.gov>",
    )
    assert result.intent == "officer_maintenance"
    assert dumped(result.changes) == [
        {
            "action": "update",
            "officer_number": "HP401",
            "last_name": "Quint",
            "first_name": "Marisela",
        }
    ]


def test_question_or_thanks_under_the_desks_list_stays_other() -> None:
    for said in ("Thanks so much, all set here!", "Did Farrar's record go through yet?"):
        result = _read(
            said + "\n\nDana" + _CREATED,
            "Re: Hinesburg PD records created",
            in_reply_to="<created-1@vermont.gov>",
        )
        assert result.intent == "other", said
        assert result.changes == []


_ENROLMENT = (
    "\n\nFrom: DPS eTicket <dps.eTicket@vermont.gov>\nSent: Monday, June 2, 2025 1:00 PM\n"
    "To: Ward, Colin <cward@hinesburgpd.test>\nCc: Whitcomb, Dana <dwhitcomb@hinesburgpd.test>\n"
    "Subject: RE: Hinesburg PD - e-ticket enrollment\n\n"
    "Thank you Chief Ward. We have started on the agency record.\n\nDPS e-Ticket Support\n"
    "\nFrom: Ward, Colin <cward@hinesburgpd.test>\nSent: Monday, June 2, 2025 9:00 AM\n"
    "To: DPS eTicket <dps.eTicket@vermont.gov>\nCc: Whitcomb, Dana <dwhitcomb@hinesburgpd.test>\n"
    "Subject: Hinesburg PD - e-ticket enrollment\n\n"
    "Hello,\n\nHinesburg Police Department would like to start issuing e-tickets. Lt. Dana"
    " Whitcomb (dwhitcomb@hinesburgpd.test) is our e-ticket Point-of-Contact.\n\n"
    "Judiciary code: 0533\nName for the e-ticket: Hinesburg Police Department\n"
    "Address: 10632 Route 116, Hinesburg, VT 05461\nPhone: 802-482-2096\n\n"
    "Lt. Whitcomb will send the officer list separately.\n\n"
    "Colin Ward\nChief of Police\nHinesburg Police Department\n"
)


def test_roster_sent_under_the_chiefs_enrolment_completes_the_enrolment() -> None:
    """A reply-all giving the officer list the chief's quoted enrolment said would follow
    is that enrolment, its agency values the chief's, though the desk answered the chief
    in between; not a set of roster adds. A row
    of the sender's own in a tab-separated list is a row, not her sign-off."""
    result = _read(
        "Good morning,\n\nHere is our officer list for TraCS. Our new hire has his DPS account now."
        "\n\n"
        "Last\tFirst\tTitle\tOfficer #\tDPS Username\n"
        "Ward\tColin\tChief\tHP100\tcward\n"
        "Whitcomb\tDana\tLieutenant\tHP120\tdwhitcomb\n"
        "Farrar\tDevin\tOfficer\tHP402\tdfarrar\n\n"
        "Thank you,\nDana\n\nLt. Dana Whitcomb\nHinesburg Police Department\n" + _ENROLMENT,
        "RE: Hinesburg PD - e-ticket enrollment",
        in_reply_to="<enrol-1@vermont.gov>",
        sender='"Whitcomb, Dana" <dwhitcomb@hinesburgpd.test>',
    )
    assert result.intent == "enrollment"
    assert result.changes == []
    assert [o.officer_number for o in result.officers] == ["HP100", "HP120", "HP402"]
    assert result.agency.judiciary_code == "0533"
    assert result.head_of_department.name == "Colin Ward"


def test_officer_named_by_first_name_in_a_forward_is_the_forwarded_mails_writer() -> None:
    """ "Can you move Kim's record to us?" over a mail Kim Ladue wrote herself with her
    number and login: the change is Kim Ladue's, with the number and login she gave."""
    body = (
        "See below. Kim came over to us full time from Brandon PD, can you move her record"
        " to Hinesburg PD?\n\nThanks,\nDana Whitcomb\nHinesburg Police Department\n\n"
        "---------- Forwarded message ---------\nFrom: Kim Ladue <kladue.home@gmail.test>\n"
        "Date: Mon, Apr 14, 2025 at 9:47 PM\nSubject: tracs\nTo: Dana Whitcomb"
        " <dwhitcomb@hinesburgpd.test>\n\n\nhere's my info for tracs\nLEO 4KL07\n"
        "DPS user kladue\n\nSent from my iPhone\n"
    )
    result = _read(body, "Fwd: tracs")
    assert result.intent == "officer_maintenance"
    [change] = dumped(result.changes)
    assert change["action"] == "update"
    assert (change["officer_number"], change["last_name"], change["first_name"]) == (
        "4KL07",
        "Ladue",
        "Kim",
    )
    assert change["dps_username"] == "kladue"


def test_officer_number_fixed_for_an_enrolment_sent_yesterday_is_that_enrolment() -> None:
    """The enrolment is still pending: the corrected officer is one of its roster, not a
    record of an enrolled agency to update."""
    result = _read(
        "Hi,\nI sent our enrollment yesterday and typed Officer Tessa Greaves's number "
        "wrong. I put 5M21, it's 5M214. Apologies.\nChief Dana Whitcomb\nHinesburg PD\n",
        "Re: Hinesburg PD e-ticket enrollment",
    )
    assert result.intent == "enrollment"
    assert not result.changes
    [officer] = result.officers
    assert (officer.first_name, officer.last_name, officer.officer_number) == (
        "Tessa",
        "Greaves",
        "5M214",
    )


def test_agency_phone_fixed_in_a_note_on_my_email_yesterday_is_that_enrolment() -> None:
    result = _read(
        "Hi,\nCorrection to my email yesterday about Hinesburg Police Department. The phone "
        "number I gave was wrong. It should be 802-555-0166 (not 0161). The rest is right.\n"
        "Dana Whitcomb, Chief\n",
        "Correction - Hinesburg PD phone",
    )
    assert result.intent == "enrollment"
    assert result.agency.phone and result.agency.phone.endswith("555-0166")
    assert result.head_of_department.name == "Dana Whitcomb"


def test_number_fixed_beside_a_retirement_is_a_roster_change() -> None:
    """ "When we sent our enrollment it was cut by Excel" beside officers to switch off:
    the agency is enrolled, its records are updated."""
    result = _read(
        "Please deactivate Officer Rob Tanner (07711), who retired.\n\nAlso, Officer Lia "
        "Brune's officer number should be 07302. When we sent our enrollment it was cut "
        "to 7302 by Excel. Sorry!\n\nDana Whitcomb\n",
        "Roster changes",
    )
    assert result.intent == "officer_maintenance"
    assert {c.officer_number for c in result.changes} == {"07711", "07302"}


def _clerks_fix(sign_off: str) -> Any:
    return _read(
        "Thank you! One correction, my typo: Officer Devin's last name is Farrow, not "
        "Farrar. His officer number HP402 is right.\n\n" + sign_off + _CREATED,
        "Re: Hinesburg PD records created",
        in_reply_to="<created-1@vermont.gov>",
        sender="Town Clerk <clerk@hinesburgvt.test>",
    )


def test_last_name_fixed_of_the_desks_row_keeps_the_first_name_the_reply_names() -> None:
    """ "Officer Devin's last name is Farrow": the record's first name, as the desk lists
    it and the reply names him, stays on the update."""
    result = _clerks_fix("Dana Whitcomb")
    assert result.intent == "officer_maintenance"
    [change] = dumped(result.changes)
    assert (change["officer_number"], change["last_name"]) == ("HP402", "Farrow")
    assert change["first_name"] == "Devin"


def test_a_name_signed_over_a_role_from_header_is_the_signer() -> None:
    """From "Town Clerk", signed "Dana Whitcomb" over "Town Clerk / e-Ticket PoC": the
    name above the role is who signs, and her role makes her the PoC."""
    result = _clerks_fix("Dana Whitcomb\nTown Clerk / e-Ticket PoC, Town of Hinesburg")
    assert result.point_of_contact.name == "Dana Whitcomb"
    assert result.point_of_contact.email == "clerk@hinesburgvt.test"
