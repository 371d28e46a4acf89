"""Roster changes asked as questions, and requests beside a chase: "can you just switch
her off?" with a word between, "Can she be added too?" in the passive, and a check on an
earlier enrolment that also asks for a new officer."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import by_number, dumped, mail, roster_changes


def test_a_change_asked_as_a_question_with_a_word_between_is_a_request() -> None:
    """ "Quick question ... or can you just remove him?" under a departure and a number
    asks for the switch-off it names."""
    raw = mail(
        "Hello,\n\nQuick question. Deputy Rob Kittredge retired on the 28th after 22 years. "
        "Is there paperwork for that, or can you just remove him from TraCS? His number is "
        "OC7R2.\n\nSgt. Lena Morrow\nOrange County Sheriff's Department\n",
        sender="Lena Morrow <lmorrow@orangesheriff.test>",
        subject="Retirement",
    )
    changes = dumped(roster_changes(raw))
    assert [(c["action"], c["officer_number"]) for c in changes] == [("deactivate", "OC7R2")]


def test_a_chase_that_also_asks_for_a_new_officer_asks_for_him() -> None:
    """ "Following up on our enrollment ... Can she be added?" with her number: the new
    officer is asked for; the enrolment is only chased."""
    raw = mail(
        "Good morning,\n\nFollowing up on our enrollment from last month, we have not seen "
        "anything yet.\n\nWe also swore in Officer Tess Barbour this week. Can she be added "
        "too? Her number is BF044 and her username is tbarbour.\n\nDan Ouellette\n"
        "Bellows Falls Police Department\n",
        sender="Dan Ouellette <douellette@bellowsfalls.test>",
        subject="Enrollment + new officer",
    )
    result = parse_message(raw)
    assert result.intent == "officer_maintenance"
    changes = dumped(result.changes)
    assert [(c["action"], c["officer_number"]) for c in changes] == [("add", "BF044")]
    assert changes[0]["dps_username"] == "tbarbour"


def test_an_officer_signing_his_own_problem_report_is_no_roster() -> None:
    """A trooper's note about a scanner that fails, signed with his own rank, name and
    number, asks for nothing: his sign-off is no officer to enrol."""
    raw = mail(
        "Good evening,\n\nThe barcode scanner in cruiser 14 stopped reading licenses after "
        "last night's e ticket update. The camera works in other apps. Did anything change "
        "with the scanner profile?\n\nRegards,\nTpr. Owen Lachance #WL402\n"
        "Williston Police Department\n802-555-0144\n",
        sender="Owen Lachance <olachance@willistonpd.test>",
        subject="Scanner stopped working",
    )
    result = parse_message(raw)
    assert result.intent == "other"
    assert result.officers == []


def test_yes_to_the_desks_switch_off_question_switches_off_the_officers_it_named() -> None:
    """ "Yes, go ahead and deactivate them" under the desk's question naming two deputies
    with their numbers: both are switched off, by the numbers the desk gave."""
    body = (
        "Yes, go ahead and deactivate them. Pratt moved out of state and Corliss retired.\n\n"
        "Sheriff Gail Nadeau\nEssex County Sheriff's Department\n\n"
        "-----Original Message-----\n"
        "From: dps.eTicket <dps.eTicket@vermont.gov>\n"
        "Sent: Monday, June 2, 2025 9:12 AM\n"
        "To: Nadeau, Gail <gnadeau@essexsheriff.test>\n"
        "Subject: Unused TraCS records - Essex County SD\n\n"
        "Sheriff Nadeau,\n\n"
        "Dep. Rhea Pratt (EX3P1) and Dep. Colin Corliss (EX3C9) have not written a ticket "
        "in over a year. Are they still with your office? If not, we will deactivate "
        "their records.\n\nDPS e-Ticket Technical Staff\n"
    )
    raw = mail(
        body,
        sender="Gail Nadeau <gnadeau@essexsheriff.test>",
        subject="RE: Unused TraCS records - Essex County SD",
        in_reply_to="<desk-0602@vermont.gov>",
    )
    changes = dumped(roster_changes(raw))
    assert [(c["action"], c["officer_number"], c["last_name"]) for c in changes] == [
        ("deactivate", "EX3P1", "Pratt"),
        ("deactivate", "EX3C9", "Corliss"),
    ]


def test_a_reply_taking_back_one_officer_of_its_earlier_switch_offs_keeps_only_the_other() -> None:
    """ "Please ignore what I sent about Deputy Hall. She withdrew her resignation, so
    don't deactivate her." above the sender's own request for two switch-offs: only the
    other deputy is switched off."""
    body = (
        "Hello again,\n\nPlease ignore what I sent Tuesday about Deputy Mia Hall. She "
        "withdrew her resignation and is staying with us, so don't deactivate her.\n\n"
        "Deputy Ross Keel (WC4K8) is gone as planned, so please deactivate him.\n\n"
        "Thanks,\nLt. Abe Monroe\nWindsor County Sheriff's Office\n\n"
        "On Tue, May 6, 2025 at 10:02 AM Abe Monroe <amonroe@windsorsheriff.test> wrote:\n"
        "> Hi,\n>\n> Please deactivate these two deputies, both resigned:\n>\n"
        "> Deputy Mia Hall - WC4H1\n> Deputy Ross Keel - WC4K8\n>\n> Thanks\n> Lt. Abe Monroe\n"
    )
    raw = mail(
        body,
        sender="Abe Monroe <amonroe@windsorsheriff.test>",
        subject="Re: Deactivations - Hall / Keel",
        in_reply_to="<own-0506@windsorsheriff.test>",
    )
    changes = dumped(roster_changes(raw))
    assert [(c["action"], c["officer_number"]) for c in changes] == [("deactivate", "WC4K8")]


def test_a_question_about_an_officers_agency_that_asks_no_change_is_an_enquiry() -> None:
    """A court clerk asking which agency an officer (his number given) belongs to, since
    his tickets show another, asks a question: no change can be read, none is asked."""
    raw = mail(
        "Good afternoon,\n\nThree complaints filed this week by officer 21R07 (Ofc. Lee "
        "Harlow) show Vergennes PD as the agency, but our records list him with Bristol. "
        "Could you tell us which agency he is under in TraCS?\n\nWe are holding them "
        "meanwhile so no notice goes out with the wrong agency printed.\n\n"
        "Thank you,\nMara Fontaine\nCourt Operations Clerk\nAddison Unit\n",
        sender="Mara Fontaine <mara.fontaine@courts.test>",
        subject="Officer 21R07 agency",
    )
    result = parse_message(raw)
    assert result.intent == "other"
    assert result.changes == []


def test_a_reply_to_the_desks_roster_check_changes_the_listed_officers_it_names() -> None:
    """ "Looks right except: Dep. Kyle Marsh retired, so he can come off. And Ortiz made
    sergeant, so her title should be Sgt." above the desk's quoted roster table: Marsh is
    switched off and Ortiz promoted, each by the number the table lists."""
    body = (
        "Hi,\n\nLooks right except two things: Dep. Kyle Marsh retired in May, so he can "
        "come off. And Ortiz made sergeant in April so her title should be Sgt. now.\n\n"
        "Everything else is correct.\n\nSheriff Paul Ducharme\nGrand Isle County Sheriff\n\n"
        "From: DPS - eTicket <dps.eTicket@vermont.gov>\n"
        "Sent: Monday, June 9, 2025 8:30 AM\n"
        "To: Ducharme, Paul <pducharme@gisheriff.test>\n"
        "Subject: TraCS roster verification - Grand Isle County Sheriff\n\n"
        "Good morning,\n\nBelow are the officer records we hold for your office. Please "
        "reply with any changes.\n\n"
        "Last Name\tFirst Name\tTitle\tOfficer #\tDPS Username\n"
        "Ducharme\tPaul\tSheriff\tGI001\tpducharme\n"
        "Marsh\tKyle\tDeputy\tGI214\tkmarsh\n"
        "Ortiz\tLena\tDeputy\tGI233\tlortiz\n"
        "Bissonette\tRay\tDeputy\tGI240\trbissonette\n\n"
        "Thank you,\nDPS e-Ticket Technical Staff\n"
    )
    raw = mail(
        body,
        sender="Paul Ducharme <pducharme@gisheriff.test>",
        subject="RE: TraCS roster verification - Grand Isle County Sheriff",
        in_reply_to="<desk-0609@vermont.gov>",
    )
    changes = by_number(roster_changes(raw))
    assert set(changes) == {"GI214", "GI233"}
    assert changes["GI214"]["action"] == "deactivate"
    assert changes["GI233"]["action"] == "update"
    assert changes["GI233"]["title"] == "Sergeant"
