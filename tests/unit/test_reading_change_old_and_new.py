"""Roster changes that tell an officer's record as it was and as it is to be: a new name
whose old login is to be shut off, a record moving to another agency named by its
initials, rows marked old and new, a status column headed as a question, and a reply
saying yes to switching off the officers the desk names last name first."""

from __future__ import annotations

from tests.reading_mail import DESK, by_number, mail, roster_changes

_SENDER = "Sgt. Petra Lindahl <plindahl@norwichvt.test>"


def test_shutting_off_the_old_login_of_a_renamed_officer_is_no_departure() -> None:
    """ "the old one dperrault will be shut off" beside a new legal name and username:
    an update to the new name and login, not a switch-off of the record."""
    raw = mail(
        "Hello,\n\nI was married in June and my legal name is now Dana Whitcomb (was Dana "
        "Perrault). IT already set me up with a new username, dwhitcomb - the old one "
        "dperrault will be shut off. My LEO number stays 7K220.\n\nThanks,\nDana Whitcomb\n",
        sender="Dana Whitcomb <dwhitcomb@norwichvt.test>",
        subject="Name change",
    )
    got = by_number(roster_changes(raw))
    assert list(got) == ["7K220"]
    assert got["7K220"]["action"] == "update"
    assert got["7K220"]["last_name"] == "Whitcomb"
    assert got["7K220"]["dps_username"] == "dwhitcomb"


def test_a_record_moved_to_an_agency_named_by_its_initials_is_an_update() -> None:
    """ "has left ... Please move his record from Windsor to Ludlow PD. His title at
    Ludlow will be Sergeant.": the record moves, with the title it has there."""
    raw = mail(
        "Hi,\n\nDeputy Owen Tracy (LEO WR118, DPS username otracy) has left our office and "
        "now works for the Ludlow Police Department. Please move his TraCS record from "
        "Windsor to Ludlow PD. His title at Ludlow will be Sergeant.\n\nThanks,\nPetra\n",
        sender=_SENDER,
        subject="Officer moving",
    )
    got = by_number(roster_changes(raw))
    assert got["WR118"]["action"] == "update"
    assert got["WR118"]["agency"] == "Ludlow Police Department"
    assert got["WR118"]["title"] == "Sergeant"


def test_a_record_moved_with_its_first_name_corrected_gives_the_name_in_full() -> None:
    """ "... going to Ludlow PD. Also his name on tickets should be Benjamin, not Ben.":
    the record moves with the first name written in full."""
    raw = mail(
        "Hi,\n\nDeputy Ben Tracy (WR118) is leaving us and going to Ludlow Police "
        "Department. Please move his TraCS record to Ludlow PD.\n\nAlso his name on tickets "
        "should be Benjamin, not Ben.\n\nThanks,\nPetra\n",
        sender=_SENDER,
        subject="Deputy moving",
    )
    got = by_number(roster_changes(raw))
    assert got["WR118"]["agency"] == "Ludlow Police Department"
    assert got["WR118"]["first_name"] == "Benjamin"


def test_rows_marked_old_and_new_are_an_update_to_the_new_row() -> None:
    """An empty heading over "OLD" and "NEW" beside the officer's cells: one update to
    the values of the new row."""
    html = (
        "<p>Please update this record, name changed by marriage.</p><table>"
        "<tr><th></th><th>Last Name</th><th>First Name</th><th>Title</th>"
        "<th>Officer #</th><th>DPS Username</th></tr>"
        "<tr><td>OLD</td><td>Quimby</td><td>Rhea</td><td>Corporal</td><td>8Q2R4</td>"
        "<td>rquimby</td></tr>"
        "<tr><td>NEW</td><td>Saltonstall</td><td>Rhea</td><td>Corporal</td><td>8Q2R4</td>"
        "<td>rsaltonstall</td></tr></table><p>Petra</p>"
    )
    raw = mail("see the table", sender=_SENDER, subject="Record update", html=html)
    assert by_number(roster_changes(raw)) == {
        "8Q2R4": {
            "action": "update",
            "officer_number": "8Q2R4",
            "last_name": "Saltonstall",
            "first_name": "Rhea",
            "title": "Corporal",
            "dps_username": "rsaltonstall",
        }
    }


def test_lines_labelled_old_and_new_are_an_update_not_an_add() -> None:
    raw = mail(
        "Good morning,\n\nPlease update the record below, name change by court order.\n\n"
        "OLD: Quimby, Rhea, Corporal, 8Q2R4, rquimby\n"
        "NEW: Saltonstall, Rhea, Corporal, 8Q2R4, rsaltonstall\n\nThank you,\nPetra\n",
        sender=_SENDER,
        subject="Record update",
    )
    got = by_number(roster_changes(raw))
    assert list(got) == ["8Q2R4"]
    assert got["8Q2R4"]["action"] == "update"
    assert got["8Q2R4"]["last_name"] == "Saltonstall"
    assert got["8Q2R4"]["dps_username"] == "rsaltonstall"


def test_a_status_column_headed_as_a_question_marks_the_row_that_leaves() -> None:
    """ "Change?" over "none" and "retired 10/2, deactivate": the one row that says to
    switch off is switched off, the others stay."""
    html = (
        "<p>Roster updates below.</p><table>"
        "<tr><th>Name</th><th>Rank</th><th>ID</th><th>User</th><th>Change?</th></tr>"
        "<tr><td>Hollis, Mark</td><td>Constable</td><td>3M7H2</td><td>mhollis</td>"
        "<td>none</td></tr>"
        "<tr><td>Ambler, Ruth</td><td>Second Constable</td><td>3R5A9</td><td>rambler</td>"
        "<td>retired 10/2, deactivate</td></tr></table><p>Mark</p>"
    )
    raw = mail("see the table", sender=_SENDER, subject="Constable update", html=html)
    got = by_number(roster_changes(raw))
    assert list(got) == ["3R5A9"]
    assert got["3R5A9"]["action"] == "deactivate"
    assert got["3R5A9"]["last_name"] == "Ambler"


def test_yes_to_the_desks_notice_naming_officers_last_name_first() -> None:
    """The desk's "Quimby, Rhea (8Q2R4) and Ambler, Ruth (3R5A9)" answered "Yes,
    deactivate both": a switch-off of each."""
    raw = mail(
        "Yes, please deactivate both. Quimby retired and Ambler moved out of state.\n\n"
        "Petra\n\n"
        f"On Mon, Nov 2, 2026 at 8:15 AM DPS eTicket <{DESK}> wrote:\n"
        "> Sgt. Lindahl, our records show two users with no tickets in a year:\n"
        "> Quimby, Rhea (8Q2R4) and Ambler, Ruth (3R5A9). Should these be deactivated?\n",
        sender=_SENDER,
        subject="Re: inactive users",
        in_reply_to="<desk-7@vermont.gov>",
    )
    got = by_number(roster_changes(raw))
    assert {k: (v["action"], v["last_name"]) for k, v in got.items()} == {
        "8Q2R4": ("deactivate", "Quimby"),
        "3R5A9": ("deactivate", "Ambler"),
    }


def test_rows_marked_no_change_in_the_action_column_are_no_updates() -> None:
    """A whole roster sent to be checked, "no change" beside most rows: only the rows
    whose cell asks for something change."""
    raw = mail(
        "Hello,\n\nYearly roster check, the changes are marked.\n\n"
        "Last | First | Title | LEO # | Username | Action\n"
        "Hollis | Mark | Constable | 3M7H2 | mhollis | No change\n"
        "Ambler | Ruth | Constable | 3R5A9 | rambler | Remove - retired\n"
        "Quimby | Rhea | Constable | 8Q2R4 | rquimby | no change - still active\n\n"
        "Mark Hollis\n",
        sender=_SENDER,
        subject="Roster check",
    )
    got = by_number(roster_changes(raw))
    assert {k: v["action"] for k, v in got.items()} == {"3R5A9": "deactivate"}


def test_the_name_after_formerly_outside_brackets_is_the_old_one() -> None:
    """ "Officer Dana Whitcomb was formerly Dana Perrault in TraCS": the update carries the
    name she has now, not the one after "formerly"."""
    raw = mail(
        "Hello,\n\nName update for Norwich PD: Officer Dana Whitcomb was formerly Dana "
        "Perrault in TraCS. Her LEO number 7K220 and username dwhitcomb are unchanged, "
        "but the name on her officer record needs to be updated.\n\nThanks,\n"
        "Petra Lindahl\n",
        sender=_SENDER,
        subject="Name change",
    )
    got = by_number(roster_changes(raw))
    assert list(got) == ["7K220"]
    assert got["7K220"]["action"] == "update"
    assert got["7K220"]["last_name"] == "Whitcomb"
