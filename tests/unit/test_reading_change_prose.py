"""Roster changes told in running prose: the officer a "His LEO number is" sentence speaks
of, an action told in an aside, a name change, a move between agencies."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from mailbot.intake.model import Change, ParseResult
from mailbot.intake.parse import parse_message
from tests.reading_mail import by_number, mail


def _parse(body: str, subject: str = "A couple of things") -> ParseResult:
    sender = "Chief Ada Quimby <aquimby@peachamvt.test>"
    return parse_message(mail(body, sender=sender, subject=subject))


def _changes(body: str, subject: str = "A couple of things") -> list[Change]:
    result = _parse(body, subject)
    assert result.intent == "officer_maintenance"
    return result.changes


_by_number = by_number


def test_his_number_in_the_sentence_after_the_name_is_that_officer_s() -> None:
    got = _by_number(
        _changes(
            "Hello,\n\nPlease add our new full-time officer, Nadia Pelletier.  Her VT LEO # "
            "is 31207, title Officer, DPS username npelletier.\n\nBig news otherwise: Marco "
            "made the list, so he's Corporal Finney now. Could you change his title in "
            "TraCS? His LEO number is 31150.\n\nThanks,\nAda\n"
        )
    )
    assert got["31207"]["last_name"] == "Pelletier"
    assert got["31207"]["first_name"] == "Nadia"
    assert got["31150"]["last_name"] == "Finney"
    assert got["31150"]["action"] == "update"


def test_a_name_change_with_an_old_account_shut_off_in_brackets_is_an_update() -> None:
    got = _by_number(
        _changes(
            "Hi all,\n\nCorporal Renee Gagnon was married in June and has legally changed "
            "her last name to Whitcomb. Her new DPS username is rwhitcomb (the old rgagnon "
            "login was disabled by town IT on Friday). Her LEO number stays the same, "
            "44781. Could you update her record?\n\nThanks,\nAda\n"
        )
    )
    assert got["44781"]["action"] == "update"
    assert got["44781"]["last_name"] == "Whitcomb"
    assert got["44781"]["dps_username"] == "rwhitcomb"


def test_a_removal_asked_by_full_name_alone_is_a_deactivation() -> None:
    result = _parse(
        "Morning - please remove Wendell Spooner from Peacham's e-ticket roster. He moved "
        "out west last week. I can't find his LEO number right now, but he was our only "
        "Spooner.\n\nAda\n",
        subject="take off roster",
    )
    assert result.intent == "officer_maintenance"
    assert [c.model_dump(exclude_none=True) for c in result.changes] == [
        {"action": "deactivate", "last_name": "Spooner", "first_name": "Wendell"}
    ]


def test_a_new_constable_named_without_a_number_is_an_add_not_an_enrolment() -> None:
    result = _parse(
        "To the e-ticket desk:\n\nMavis Orcutt (LEO #52207) is no longer our Town "
        "Constable as of April 1st. Please remove her from the e-ticket system.\n\n"
        "The new constable is Gordon Trask. He has finished the TraCS training. His LEO "
        "number has not been issued yet and we will forward it. He would like to start "
        "using e-tickets right away.\n\nTown Clerk\n",
        subject="Constable change",
    )
    assert result.intent == "officer_maintenance"
    got = [c.model_dump(exclude_none=True) for c in result.changes]
    assert got[0]["action"] == "deactivate" and got[0]["officer_number"] == "52207"
    assert got[1] == {
        "action": "add",
        "last_name": "Trask",
        "first_name": "Gordon",
        "title": "Constable",
    }


def test_numbers_with_a_dash_or_space_inside_are_read_whole_under_a_new_rank_lead() -> None:
    got = _by_number(
        _changes(
            "Hello,\n\nNew constables (sworn in 3/3):\n"
            "  - Constable Hollis Vance, LEO PC-415, DPS username hvance\n"
            "  - Constable Greta Lind, LEO PC 433, DPS username glind\n\n"
            "Please deactivate First Constable Omar Petrie (PC-402). He moved away.\n\n"
            "Thanks,\nAda\n"
        )
    )
    assert set(got) == {"PC415", "PC433", "PC402"}
    assert got["PC415"]["action"] == got["PC433"]["action"] == "add"
    assert got["PC433"]["last_name"] == "Lind"
    assert got["PC402"]["action"] == "deactivate"
    assert got["PC402"]["last_name"] == "Petrie"


def test_a_lateral_whose_old_association_is_ended_is_a_deactivation_and_an_add() -> None:
    got = [
        c.model_dump(exclude_none=True)
        for c in _changes(
            "Good afternoon,\n\nOfficer Lucia Ferrand (VT LEO 27714) came to Peacham PD as "
            "a lateral from Danville PD on 2/3. Please end her association with Danville "
            "Police Department in TraCS and add her under Peacham Police Department.\n\n"
            "Her title here is Officer and her DPS username stays the same: lferrand.\n\n"
            "Thank you,\nAda\n"
        )
    ]
    assert {"action": "deactivate", "officer_number": "27714", "last_name": "Ferrand",
            "first_name": "Lucia"} in got  # fmt: skip
    add = next(c for c in got if c["action"] == "add")
    assert add["officer_number"] == "27714" and add["dps_username"] == "lferrand"


def test_labelled_lines_under_update_her_record_complete_the_update_told_above() -> None:
    got = _by_number(
        _changes(
            "Hi,\n\nCpl. Irene Baptiste (LEO 50917) has had her e-tickets rejected since "
            "Tuesday: she married in May and legally changed her name to Irene Coburn, "
            "and her DPS username was changed to icoburn.\n\n"
            "Can you please update her record:\n  Last name: Coburn\n  First name: Irene\n"
            "  DPS username: icoburn\nTitle stays Corporal, number stays 50917.\n\n"
            "Thanks,\nAda\n",
            subject="E-tickets rejected - name mismatch",
        )
    )
    assert got["50917"]["action"] == "update"
    assert got["50917"]["last_name"] == "Coburn"
    assert got["50917"]["title"] == "Corporal"


def test_a_username_fixed_by_rank_and_surname_in_a_reply_takes_the_quoted_number() -> None:
    msg = EmailMessage()
    msg["From"] = "Sgt. Ada Quimby <aquimby@peachamvt.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "Re: New officer - Peacham PD"
    msg["In-Reply-To"] = "<desk-confirm-77@vermont.gov>"
    msg.set_content(
        "Oops, a typo in my first email. Officer Lavigne's DPS username is tlavigne "
        "(with the e), not tlavign. Can you fix her record?\n\nAda\n\n"
        "On Mon, Mar 2, 2026 at 8:15 AM DPS eTicket <dps.eTicket@vermont.gov> wrote:\n"
        "> Sgt. Quimby,\n>\n> Officer Lavigne's record has been created.\n>\n"
        "> On Fri, Feb 27, 2026 at 2:40 PM Ada Quimby <aquimby@peachamvt.test> wrote:\n"
        ">> Hello, please create a TraCS record for our new officer:\n>>\n"
        ">> Officer Tessa Lavigne, LEO # 61093, DPS username tlavign\n>>\n"
        ">> Thanks,\n>> Sgt. Ada Quimby\n"
    )
    result = parse_message(msg.as_bytes())
    assert result.intent == "officer_maintenance"
    assert [c.model_dump(exclude_none=True) for c in result.changes] == [
        {
            "action": "update",
            "officer_number": "61093",
            "last_name": "Lavigne",
            "first_name": "Tessa",
            "title": "Officer",
            "dps_username": "tlavigne",
        }
    ]


def test_a_rank_told_with_now_after_the_name_is_the_new_title() -> None:
    got = _by_number(
        _changes(
            "Hi,\n\nGood news - Priya passed her boards, so she's Lieutenant Osei now. Please "
            "change her title in TraCS. Her LEO number is 31188.\n\nAda\n"
        )
    )
    assert got["31188"]["action"] == "update"
    assert got["31188"]["title"] == "Lieutenant"


def test_a_title_changed_on_the_tickets_from_one_rank_to_another() -> None:
    got = _by_number(
        _changes(
            "Hello,\n\nSgt. Rowan Ellery (PC417) now runs our night shift; please change his "
            "title in TraCS from Sergeant to Shift Commander.\n\nThanks,\nAda\n"
        )
    )
    assert got["PC417"]["action"] == "update"
    assert got["PC417"]["title"] == "Shift Commander"


@pytest.mark.parametrize(
    "said", ["I have been named Temporary Captain.", "Since June I am Interim Sheriff."]
)
def test_a_pronoun_or_a_title_before_the_writer_s_own_number_is_no_name(said: str) -> None:
    # "... Temporary Captain. My officer number is ...": "My" and the title name no one
    sender = "Tessa Braley <tbraley@fairleevt.test>"
    body = (
        f"Good morning,\n\n{said} My officer number is GX517 and my login is tbraley; "
        "please update my rank on the tickets.\n\nThank you,\nTessa Braley\n"
        "Fairlee Police Department\n"
    )
    result = parse_message(mail(body, sender=sender, subject="Rank change"))
    got = _by_number(result.changes)
    assert got["GX517"]["action"] == "update"
    assert got["GX517"].get("last_name") in (None, "Braley")
    assert got["GX517"].get("first_name") in (None, "Tessa")


def test_a_reply_giving_the_number_corrects_the_rank_its_request_wrote() -> None:
    # "he is a corporal, not a sergeant": the rank of the earlier add corrected
    sender = "Owen Labrie <olabrie@middlesexvt.test>"
    body = (
        "his leo number is K 2 7 1 9 and username rdufresne - oops he is a corporal, not "
        "a sergeant\n\nOn May 2, 2025, at 9:10 AM, Owen Labrie <olabrie@middlesexvt.test> "
        "wrote:\n\n> new officer starting monday sergeant remy dufresne he'll need tracs. "
        "will send\n> his number and username once i have them\n"
    )
    raw = mail(body, sender=sender, subject="Re: new hire", in_reply_to="<a1@middlesexvt.test>")
    got = _by_number(parse_message(raw).changes)
    assert got["K2719"]["action"] == "add"
    assert got["K2719"]["last_name"] == "Dufresne"
    assert got["K2719"]["title"] == "Corporal"


def test_a_reply_giving_the_one_officer_s_username_completes_the_add() -> None:
    # "Her login is tvance." under the desk's question and the request it answers
    sender = "Lt. Marc Ouellette <mouellette@shelburnevt.test>"
    body = (
        "Her login is tvance. My apologies.\n\nMarc\n\n"
        "From: dps.eTicket <dps.eTicket@vermont.gov>\nSent: Tuesday, April 8, 2025 9:12 AM\n"
        "To: Marc Ouellette <mouellette@shelburnevt.test>\nSubject: RE: New officer - Vance\n\n"
        "Hello Marc,\n\nThanks for the request to add Officer Tara Vance (S7731). We will "
        "need her DPS username to set up the record.\n\nDPS e-Ticket Technical Staff\n\n"
        "From: Marc Ouellette <mouellette@shelburnevt.test>\nSent: Monday, April 7, 2025 "
        "3:40 PM\nTo: dps.eTicket <dps.eTicket@vermont.gov>\nSubject: New officer - Vance\n\n"
        "Could you add Officer Tara Vance, LEO # S7731, to Shelburne PD in TraCS? She is "
        "new with us.\n\n"
        "Thank you,\nMarc\n"
    )
    raw = mail(body, sender=sender, subject="RE: New officer - Vance", in_reply_to="<b2@x.test>")
    got = _by_number(parse_message(raw).changes)
    assert got["S7731"]["action"] == "add"
    assert got["S7731"]["last_name"] == "Vance"
    assert got["S7731"]["dps_username"] == "tvance"


def test_a_bare_login_answering_the_desks_question_completes_the_add() -> None:
    # "Thats rlabonte" and nothing else, under the desk's "we need his username"
    sender = "Sgt. Paul Girard <pgirard@hinesburgvt.test>"
    body = (
        "Thats rlabonte\n\nSent from my phone\n\n"
        "On Apr 2, 2025, at 10:05 AM, DPS eTicket <dps.eTicket@vermont.gov> wrote:\n\n"
        "> Hi Paul,\n> We can add Officer Remi Labonte (H2Q58) to the Hinesburg PD roster, "
        "but we need his DPS domain username first.\n> DPS e-Ticket Technical Staff\n>\n"
        ">> On Apr 1, 2025, at 4:12 PM, Paul Girard <pgirard@hinesburgvt.test> wrote:\n"
        ">>\n>> Please add our new officer Remi Labonte, LEO# H2Q58, title Officer.\n"
        ">> Sgt Girard\n"
    )
    raw = mail(body, sender=sender, subject="Re: New officer", in_reply_to="<c3@x.test>")
    result = parse_message(raw)
    got = _by_number(result.changes)
    assert got["H2Q58"]["action"] == "add"
    assert got["H2Q58"]["dps_username"] == "rlabonte"
    assert "changes[0].dps_username" not in result.missing


def test_a_reply_correcting_the_one_officer_s_number_keeps_his_add() -> None:
    # "It's 4K312." under the desk's note that the number given had a digit too many
    sender = "Cpl. Anne Roque <aroque@vergennesvt.test>"
    body = (
        "Sorry, one digit too many. It's 4K312. His username is pmorin.\n\nAnne\n\n"
        "On Tue, May 6, 2025 at 2:10 PM dps.eTicket <dps.eTicket@vermont.gov> wrote:\n\n"
        "> Hi Anne,\n> The officer number you gave (4K3120) is 6 characters; VT LEO numbers "
        "are 5. We also need his DPS username.\n> DPS e-Ticket Support\n>\n"
        "> On Mon, May 5, 2025 at 9:00 AM Anne Roque <aroque@vergennesvt.test> wrote:\n"
        "> > Please add Officer Pierre Morin to TraCS for Vergennes PD, LEO # 4K3120.\n"
        "> > Thanks, Anne\n"
    )
    raw = mail(body, sender=sender, subject="Re: New officer", in_reply_to="<d4@x.test>")
    got = parse_message(raw).changes
    assert len(got) == 1
    assert got[0].action == "add"
    assert got[0].officer_number == "4K312"
    assert got[0].model_dump().get("last_name") == "Morin"
    assert got[0].model_dump().get("dps_username") == "pmorin"
