"""Roster changes laid out the way people write them by hand: a promotion's new rank
after "- now", an officer's old and new record in words under the line that gives his
number, an officer's values as a label beside each ("New rank | Lieutenant"), and a
number of the wrong length after its label on one officer's line of a list."""

from __future__ import annotations

from tests.reading_mail import by_number, mail, roster_changes

_SENDER = "Lt. Mara Quenneville <mquenneville@fairhavenvt.test>"


def test_the_rank_after_now_is_the_new_title_not_the_one_before_the_name() -> None:
    raw = mail(
        "Hello,\n\nAfter the promotion board, please update these titles in TraCS for "
        "Fairhaven PD:\n\n"
        "Officer Tobias Wren, FH221 - now Corporal\n"
        "Corporal Ines Parmenter, FH118 - now Sergeant\n\nNothing else.\n\nMara\n",
        sender=_SENDER,
        subject="Title changes",
    )
    got = by_number(roster_changes(raw))
    assert got["FH221"]["title"] == "Corporal"
    assert got["FH118"]["title"] == "Sergeant"
    assert {c["action"] for c in got.values()} == {"update"}


def test_old_and_new_records_in_words_under_the_number_are_one_update_each() -> None:
    raw = mail(
        "Hi,\n\nTwo record fixes for Fairhaven PD:\n\n"
        "1) Officer number FH305\n"
        "   OLD: Officer Cyrus Bellweather\n"
        "   NEW: Sergeant Cyrus Bellweather\n\n"
        "2) Officer number FH306\n"
        "   OLD: Officer Nadia Corliss, username ncorliss\n"
        "   NEW: Officer Nadia Farrow, username nfarrow\n\nThanks,\nMara\n",
        sender=_SENDER,
        subject="Record fixes",
    )
    got = by_number(roster_changes(raw))
    assert got == {
        "FH305": {
            "action": "update",
            "officer_number": "FH305",
            "last_name": "Bellweather",
            "first_name": "Cyrus",
            "title": "Sergeant",
        },
        "FH306": {
            "action": "update",
            "officer_number": "FH306",
            "last_name": "Farrow",
            "first_name": "Nadia",
            "title": "Officer",
            "dps_username": "nfarrow",
        },
    }


def test_an_officers_values_each_beside_its_label_with_a_new_rank() -> None:
    html = (
        "<p>Please update this officer, he was promoted.</p><table>"
        "<tr><td><b>Name</b></td><td>Ashby, Lionel</td></tr>"
        "<tr><td><b>Officer #</b></td><td>FH412</td></tr>"
        "<tr><td><b>Old rank</b></td><td>Corporal</td></tr>"
        "<tr><td><b>New rank</b></td><td>Lieutenant</td></tr>"
        "<tr><td><b>Effective</b></td><td>3/2/2027</td></tr></table><p>Mara</p>"
    )
    raw = mail("see below", sender=_SENDER, subject="Promotion", html=html)
    assert by_number(roster_changes(raw)) == {
        "FH412": {
            "action": "update",
            "officer_number": "FH412",
            "last_name": "Ashby",
            "first_name": "Lionel",
            "title": "Lieutenant",
        }
    }


def test_labelled_values_on_lines_with_colons_with_a_new_rank() -> None:
    raw = mail(
        "Hello,\n\nPlease update the officer below in TraCS.\n\n"
        "Name: Ashby, Lionel\nOfficer #: FH412\nCurrent title: Corporal\n"
        "New title: Lieutenant\n\nMara\n",
        sender=_SENDER,
        subject="Promotion",
    )
    got = by_number(roster_changes(raw))
    assert got["FH412"]["title"] == "Lieutenant"
    assert got["FH412"]["last_name"] == "Ashby"


def test_a_labelled_number_of_the_wrong_length_keeps_its_line_an_officer_of_its_own() -> None:
    raw = mail(
        "Hi,\n\nFairhaven PD has two new officers who need TraCS records please:\n\n"
        "Officer Remy Strand - officer number FH510 - username rstrand\n"
        "Officer Gita Oakes - officer number FH5110 - username goakes\n\nMara\n",
        sender=_SENDER,
        subject="New officers",
    )
    got = by_number(roster_changes(raw))
    assert set(got) == {"FH510", "FH5110"}
    assert got["FH5110"]["last_name"] == "Oakes"
    assert got["FH5110"]["action"] == "add"


def test_a_title_labelled_as_it_appears_on_the_vcvc_is_the_title_not_a_name() -> None:
    raw = mail(
        "Hello,\n\nPlease create a record for our new hire at Fairhaven PD:\n\n"
        "  Officer Tobias K. Wren-Addo\n"
        "  Title on the VCVC: Patrol Officer\n"
        "  Officer number: FH240\n"
        "  DPS username: twrenaddo\n\nThanks,\nMara\n",
        sender=_SENDER,
        subject="New officer",
    )
    got = by_number(roster_changes(raw))["FH240"]
    assert (got["action"], got["last_name"], got["title"]) == ("add", "Wren-Addo", "Patrol Officer")
