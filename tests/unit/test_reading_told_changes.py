"""Roster changes told in sentences: an officer joining from another agency whose record
is asked to move, and an officer who holds his rank no more, named without a number."""

from __future__ import annotations

from tests.reading_mail import by_number, dumped, mail, roster_changes


def test_an_officer_who_left_another_agency_and_joined_ours_moves_his_record() -> None:
    body = (
        "Hello,\n\nDeputy Carla Vance (LEO # 9V318) has left Stowe PD and joined the "
        "Lamoille County Sheriff's Department as of May 2. Please move her TraCS record "
        "from Stowe to Lamoille County. Her username stays cvance.\n\n"
        "Thanks,\nRoger Marsh\nSheriff\nLamoille County Sheriff's Department\n"
    )
    raw = mail(body, sender="rmarsh@lamoillesheriff.example", subject="Transfer in")
    change = by_number(roster_changes(raw))["9V318"]
    assert change["action"] == "update"
    assert change["agency"] == "Lamoille County Sheriff's Department"


def test_an_officer_no_longer_holding_his_rank_is_switched_off_by_name() -> None:
    body = (
        "Hello from the Tinmouth town office. Dale Hurd is not constable anymore since "
        "the town meeting. The new constable is Gus Pratt, his number is 4P771.\n"
        "Thanks\nJune Kelley\nTown Clerk\n"
    )
    raw = mail(body, sender="tinmouthclerk@example.org", subject="Constable")
    changes = dumped(roster_changes(raw))
    assert {"action": "deactivate", "last_name": "Hurd", "first_name": "Dale"}.items() <= (
        changes[0].items()
    )
    assert changes[1]["action"] == "add"
    assert changes[1]["officer_number"] == "4P771"
    assert len(changes) == 2


def test_officers_named_in_one_list_and_their_numbers_in_another_pair_in_order() -> None:
    body = (
        "Got it, thanks. Also Fontaine, Ruiz and Whitaker all retired at the end of May, "
        "please deactivate them - 3F118, 3R240 and 3W007\n\nPat\n"
    )
    raw = mail(
        body,
        sender="pat.l@shelburnepd.example",
        subject="Re: Officer record created",
        in_reply_to="<confirm77@vermont.gov>",
    )
    changes = by_number(roster_changes(raw))
    assert {n: (c["action"], c.get("last_name")) for n, c in changes.items()} == {
        "3F118": ("deactivate", "Fontaine"),
        "3R240": ("deactivate", "Ruiz"),
        "3W007": ("deactivate", "Whitaker"),
    }


def test_a_reply_adds_one_officer_and_promotes_another_the_desk_listed() -> None:
    body = (
        "Thanks Ellen, all working.\n\n"
        "A couple more. We just hired Officer Tessa Brault (22B19), username tbrault. "
        "Also Dean Fortin got promoted to Corporal on Monday so his title should change.\n\n"
        "Walt\n\n"
        "On Mon, May 5, 2025 at 9:00 AM, DPS - eTicket <dps.eTicket@vermont.gov> wrote:\n"
        "> Chief Audet,\n>\n"
        "> The officer records for Swanton Police Department are ready (Dean Fortin\n"
        "> 22F04, Lucy Marsh 22M11). They can log in now.\n>\n"
        "> Ellen Price\n> DPS e-Ticket Technical Staff\n"
    )
    raw = mail(
        body,
        sender="waudet@swantonpd.example",
        subject="Re: Officer records ready - Swanton PD",
        in_reply_to="<ready55@vermont.gov>",
    )
    changes = by_number(roster_changes(raw))
    assert changes["22B19"]["action"] == "add"
    assert changes["22B19"].get("title") != "Corporal"
    assert (changes["22F04"]["action"], changes["22F04"]["title"]) == ("update", "Corporal")
    assert len(changes) == 2


def test_a_username_owed_for_an_officer_named_by_rank_and_surname_is_an_update() -> None:
    body = (
        "Hi,\n\n1) Sgt. Omar Beaulieu (12B07) retired May 1 - please deactivate him.\n\n"
        "Also, Officer Lindqvist's DPS username is elindqvist (sorry this took so long - "
        "she's 12L33).\n\nThanks,\nRae Dunham\nRecords Clerk\n"
    )
    raw = mail(body, sender="rdunham@stalbanspd.example", subject="Roster items")
    changes = by_number(roster_changes(raw))
    assert changes["12B07"]["action"] == "deactivate"
    assert changes["12L33"]["action"] == "update"
    assert changes["12L33"]["dps_username"] == "elindqvist"
    assert changes["12L33"]["last_name"] == "Lindqvist"


def test_a_username_is_never_the_verb_that_says_it_changes() -> None:
    body = (
        "Please process the following:\n\n"
        "- Officer Nadia Kerr (#4K210) will now be known as Officer Nadia Osei. "
        "DPS username changes to nosei.\n\nThank you,\nBen Tatro\nRecords\n"
    )
    raw = mail(body, sender="btatro@rutlandpd.example", subject="Name change")
    change = by_number(roster_changes(raw))["4K210"]
    assert (change["action"], change["dps_username"]) == ("update", "nosei")


def test_full_names_listed_before_their_numbers_pair_whole() -> None:
    body = (
        "Hi,\n\nPlease add our two new officers Nell Ashby and Theo Grant. Their numbers "
        "are 8A310 and 8G422.\n\nThanks\nRuth\n"
    )
    raw = mail(body, sender="ruth.c@miltonpd.example", subject="New officers")
    changes = by_number(roster_changes(raw))
    assert (changes["8A310"]["first_name"], changes["8A310"]["last_name"]) == ("Nell", "Ashby")
    assert (changes["8G422"]["first_name"], changes["8G422"]["last_name"]) == ("Theo", "Grant")
