"""Messages on the border of a request: a problem report that names officers, a heads-up
that a request will come, a request meant for another system than TraCS, a reply that
asks for roster changes after the records were made, and requests relayed by a ticket
desk."""

from __future__ import annotations

from email.message import EmailMessage
from typing import Any

from mailbot.intake.parse import parse_message


def _mail(body: str, *, sender: str, subject: str, reply_to_id: str | None = None) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = subject
    if reply_to_id:
        msg["In-Reply-To"] = reply_to_id
    msg.set_content(body)
    return msg.as_bytes()


def _read(
    body: str,
    subject: str = "TraCS",
    sender: str = "Dana Whitcomb <dwhitcomb@a.test>",
    reply_to_id: str | None = None,
) -> Any:
    return parse_message(_mail(body, sender=sender, subject=subject, reply_to_id=reply_to_id))


# --- a word followed by "is" is no letter counted ------------------------------------


def test_problem_report_naming_officers_with_one_is_asks_no_change() -> None:
    """ "the newest one is from Friday" counts no letter ("one i's"): a report of tickets
    that will not send, naming the officers it hits, asks for no roster change."""
    result = _read(
        "Since Monday three of our laptops show a sync failure when officers send tickets. "
        "The newest one is from Friday and the queue keeps growing. The officers involved "
        "are Sgt. Paul Ravenna and Ofc. Greta Lund. Is this on your side or ours?\n\n"
        "Chief Leo Marchand\nWolcott Police Department\n802-555-0143\n"
    )
    assert result.intent == "other"
    assert result.changes == []


# --- a heads-up that the request will come later ------------------------------------


def test_heads_up_before_the_formal_request_asks_for_nothing_yet() -> None:
    """A chief who writes ahead of his formal request, with his code and contact, and
    says nothing is to be set up from this email, has not asked to enrol yet."""
    result = _read(
        "Hello,\n\nWanted you to know that Hinesburg PD plans to join the e-ticket program. "
        "The formal request will follow after our budget vote on the 12th.\n\n"
        "Our judiciary code is 0533 and Sgt. Owen Pratt will be the point of contact. He "
        "will gather the roster and the logo. Please do not set anything up off this "
        "message yet.\n\nNo action needed from you yet.\n\n"
        "Chief Adele Fortier\nHinesburg Police Department\n"
        "10 Mechanicsville Road, Hinesburg, VT 05461\n802-555-0190\n",
        subject="Hinesburg PD - e-ticket request coming",
    )
    assert result.intent == "other"
    assert result.missing == []


# --- accounts asked for in another system than TraCS ---------------------------------


def test_new_officers_for_another_system_are_no_roster_change() -> None:
    """New deputies who need logins in the accident reporting system, and who already
    issue e-tickets in TraCS, ask the desk for no TraCS record."""
    result = _read(
        "Good morning,\n\nWe have two new deputies who need logins for the accident "
        "reporting system. Both of them already work in TraCS and their e-tickets go "
        "through fine.\n\nDeputy Carla Mennon - 71208\nDeputy Ross Albee - 71215\n\n"
        "If that system is handled elsewhere, could you tell me who to ask?\n\n"
        "Thanks,\nSgt. Irene Colby\nEssex County Sheriff's Department\n802-555-0177\n",
        subject="Logins for 2 new deputies",
    )
    assert result.intent == "other"
    assert result.changes == []


def test_new_officer_for_tracs_and_another_system_is_an_add() -> None:
    """A sentence that names TraCS beside the other system still asks for the record."""
    result = _read(
        "Please add our new officer to TraCS and to the accident reporting system:\n\n"
        "Officer Carla Mennon - 71208 - cmennon\n\n"
        "Thanks,\nSgt. Irene Colby\nEssex Police Department\n",
        subject="New officer",
    )
    assert result.intent == "officer_maintenance"
    assert [c.officer_number for c in result.changes] == ["71208"]


# --- a reply that asks for changes after the records were made -----------------------


def test_reply_with_the_code_and_corrections_asks_for_roster_changes() -> None:
    """A reply under the desk's "records created" that names the agency's code and
    corrects two officers asks for changes: the code alone does not make it an
    enrolment answer."""
    result = _read(
        "Hi,\n\nTwo fixes for Lamoille Valley Police Department (judiciary code 0544) "
        "officer records:\n\n"
        "- Officer Neil Brault, 44K04: his DPS username was keyed as nbrualt. It should "
        "be nbrault.\n"
        "- Officer Tara Gile, 44K07: promoted to Corporal on May 2. Please change her "
        "title to Corporal.\n\nThank you,\n\nSgt. Lise Poulin\ne-Ticket Point of Contact\n"
        "Lamoille Valley Police Department\n12 Depot Street, Hardwick, VT 05843\n"
        "802-555-0161\n",
        subject="Re: TraCS officer records",
        reply_to_id="<desk-1@vermont.gov>",
    )
    assert result.intent == "officer_maintenance"
    assert [c.officer_number for c in result.changes] == ["44K04", "44K07"]
    assert result.officers == []


def test_reply_telling_of_promotions_with_old_and_new_titles_asks_for_updates() -> None:
    """ "We had two promotions ... was Officer, now Corporal" under the desk's earlier
    message: two title updates, not an officer list."""
    result = _read(
        "Hello Ann,\n\nAll is working well. We had two promotions at the council meeting "
        "last week, so their ranks on the tickets need to change:\n\n"
        "Jo Tatro (44K02) - was Officer, now Corporal\n"
        "Ben Ouimet (44K09) - was Corporal, now Sergeant\n\n"
        "Everything else stays the same.\n\nThanks,\nLise\n",
        subject="Re: officer records created",
        reply_to_id="<desk-2@vermont.gov>",
    )
    assert result.intent == "officer_maintenance"
    assert [(c.officer_number, c.action) for c in result.changes] == [
        ("44K02", "update"),
        ("44K09", "update"),
    ]
    assert [(c.model_extra or {}).get("title") for c in result.changes] == [
        "Corporal",
        "Sergeant",
    ]


# --- a request relayed by the agency's ticket desk -----------------------------------


def test_request_relayed_by_a_ticket_desk_is_read_from_the_ticket() -> None:
    """A help desk's notice ("Ticket SR-208 has been forwarded to you by ...") over
    "<technician> wrote:" and the ticket: the ticket's description is the request, and
    the form's "Department: Police" names no agency."""
    result = _read(
        "##- Reply above this line -##\n\nMilton Town IT\n\n"
        "Ticket SR-208 has been forwarded to you by Gail Bessette (Systems Admin).\n\n"
        "Gail Bessette wrote:\nForwarding this one from the PD. Thanks, Gail\n\n"
        "------------------------------\nTicket: SR-208\nRequester: Omar Kittell\n"
        "Department: Police\nPriority: Normal\n------------------------------\n\n"
        "Description:\nHello,\n\nPlease add our new officer to the Milton Police "
        "Department TraCS records (judiciary code 0522):\n\n"
        "Officer Maya Tourville\nVT LEO number: 52M17\nDPS username: mtourville\n\n"
        "Thanks,\nOmar Kittell\nRecords Clerk\nMilton Police Department\n",
        subject="[SR-208] New officer for TraCS",
        sender="Milton Town IT <helpdesk@miltonvt.test>",
    )
    assert result.intent == "officer_maintenance"
    assert [(c.action, c.officer_number) for c in result.changes] == [("add", "52M17")]
    assert result.agency.name == "Milton Police Department"
    assert result.agency.judiciary_code == "0522"


# --- an enrolment that also asks to close records held elsewhere ---------------------


def test_enrolment_that_closes_records_at_a_former_agency() -> None:
    """A new department's chief enrols his officers and lists, under "please deactivate
    those", the records they still hold at the agency they came from: those rows are
    deactivations, not officers to enrol."""
    result = _read(
        "Hello,\n\nThe Village of Greensboro has started its own police department and I "
        "am writing as its chief to ask that we participate in e-ticketing.\n\n"
        "Proper name: Greensboro Police Department\nJudiciary code: 0577\n"
        "Address: 12 Breezy Avenue, Greensboro, VT 05841\nPhone: 802-555-0122\n\n"
        "Point of Contact: Officer Jana Kittredge, jkittredge@greensborovt.test\n\n"
        "Officers:\nCoutu | Glenn | Chief | 57G01 | gcoutu\n"
        "Kittredge | Jana | Officer | 57G02 | jkittredge\n\n"
        "Jana and I still have records with the Orleans County Sheriff's Department from "
        "before. Please deactivate these so tickets are not filed under the old agency:\n"
        "  Deputy Glenn Coutu - 57G01\n  Deputy Jana Kittredge - 57G02\n\n"
        "Thank you,\nGlenn Coutu\nChief of Police\n",
        subject="New agency - Greensboro PD e-ticket setup",
        sender="Glenn Coutu <gcoutu@greensborovt.test>",
    )
    assert result.intent == "enrollment"
    assert [(o.officer_number, o.title) for o in result.officers] == [
        ("57G01", "Chief"),
        ("57G02", "Officer"),
    ]
    closed = [
        (c.action, c.officer_number, (c.model_extra or {}).get("title")) for c in result.changes
    ]
    assert closed == [("deactivate", "57G01", "Deputy"), ("deactivate", "57G02", "Deputy")]


# --- one more request in a thread whose earlier request the desk has done ------------


def test_new_officer_asked_in_a_reply_after_the_earlier_add_was_done() -> None:
    """The desk added the officer the sender asked for; his reply thanks it and asks
    for one more, "same agency": only the new officer is added, the done one not again."""
    result = _read(
        "Thanks Ruth, Sam logged in fine this morning.\n\n"
        "One more for you while I have you - Officer Nell Varney started Tuesday. "
        "LEO 48812, DPS username nvarney. Same agency (Bristol PD, 0411).\n\n"
        "Thanks,\nPaul\n\n"
        "From: DPS eTicket <dps.eTicket@vermont.gov>\n"
        "Sent: Monday, June 2, 2025 1:10 PM\n"
        "To: Paul Devine <pdevine@bristolvt.test>\nSubject: RE: New officer - Bristol PD\n\n"
        "Hi Paul,\n\nSamuel Ayer (48790) has been added to Bristol PD in TraCS.\n\nRuth\n\n"
        "From: Paul Devine <pdevine@bristolvt.test>\n"
        "Sent: Friday, May 30, 2025 3:55 PM\n"
        "To: DPS eTicket <dps.eTicket@vermont.gov>\nSubject: New officer - Bristol PD\n\n"
        "Hi,\n\nPlease add Officer Samuel Ayer to Bristol PD:\n"
        "Ayer, Samuel - Officer - LEO 48790 - sayer\n\nThanks,\nPaul\n",
        subject="RE: RE: New officer - Bristol PD",
        sender="Paul Devine <pdevine@bristolvt.test>",
        reply_to_id="<desk-3@vermont.gov>",
    )
    assert result.intent == "officer_maintenance"
    assert [(c.action, c.officer_number) for c in result.changes] == [("add", "48812")]


def test_reply_answering_with_the_code_and_a_name_typo_continues_the_enrolment() -> None:
    """An answer to the checklist that gives the code and fixes a name, naming no
    officer number, still continues the enrolment."""
    result = _read(
        "Hi,\n\nOur judiciary code is 0468. Also sorry, there was a typo in Officer "
        "Hale's last name, it should be Hall.\n\nThanks,\nMona\n",
        subject="Re: Your e-ticket enrolment request",
        reply_to_id="<desk-4@vermont.gov>",
    )
    assert result.intent == "enrollment"


def test_new_chief_telling_of_his_predecessor_enrols_with_his_roster() -> None:
    """ "I became chief after Chief Rainville resigned" over the agency's address, phone
    and a numbered roster: the departure is told in passing, no record changes; an
    enrolment."""
    body = (
        "Hello,\n\nDana Whitcomb here. I became chief in Pittsford last fall after Chief "
        "Rainville resigned, and I am finishing the e ticket setup he began.\n\n"
        "Our tickets should read Pittsford Police Department. We are at 426 Plains Road, "
        "Pittsford, VT 05763, phone 802-555-0139. Our badge is attached for the logo.\n\n"
        "Officers who need accounts:\n"
        "Chief Dana Whitcomb, LEO# P4410, DPS username dwhitcomb\n"
        "Officer Luis Ferreira, LEO# P4426, DPS username lferreira\n\n"
        "Thanks,\nDana\n"
    )
    result = parse_message(
        _mail(body, sender="Pittsford Police <pittsfordpd@gmail.com>", subject="TraCS - Pittsford")
    )
    assert result.intent == "enrollment"
    assert [o.officer_number for o in result.officers] == ["P4410", "P4426"]
    assert not result.changes
