"""Officers and numbers a roster change names without asking anything of them (a number
the officer had before, the writer on a memo's "FROM:" line), and a terse switch-off
after a request's opener ("Plz delete ..."); and a change table's unlabelled "DPS\\jroy"."""

from __future__ import annotations

from tests.reading_mail import by_number, mail, roster_changes


def test_an_earlier_number_told_beside_a_new_officer_is_no_officer_of_its_own() -> None:
    body = (
        "Please add Dana to Milton PD in TraCS, her details are below.\n\n"
        "Thanks,\nCpl. Owen Patch\nMilton Police Department\n\n"
        "From: Dana Whitcomb <dwhitcomb@miltonvt.org>\nSent: Tuesday, April 8, 2025\n"
        "Subject: my info\n\n"
        "Officer Dana L. Whitcomb\nLEO # M7731\nDPS username: dwhitcomb\n\n"
        "My previous number at Essex PD was E2208 in case you need it.\n\nDana\n"
    )
    raw = mail(body, sender="Owen Patch <opatch@miltonvt.org>", subject="FW: my info")
    changes = by_number(roster_changes(raw))
    assert list(changes) == ["M7731"]
    assert changes["M7731"]["action"] == "add"


def test_the_writer_on_a_memos_from_line_is_no_officer_to_add() -> None:
    memo = (
        "                 SHELBURNE POLICE DEPARTMENT\n\n"
        "MEMORANDUM\n"
        "TO:      DPS e-Ticket Desk\n"
        "FROM:    Sgt. Noreen Falk, TraCS Coordinator\n"
        "DATE:    June 2, 2025\n"
        "RE:      New officer records\n\n"
        "The officers below finished training and need Officer records with Shelburne "
        "Police Department.\n\n"
        "Last Name     First Name    Title      VT LEO #    DPS Username\n\n"
        "Ortega        Luis          Officer    SH410       lortega\n\n"
        "Baptiste      Renee         Officer    SH411       rbaptiste\n"
    )
    raw = mail(
        "Please see the attached memo about new officer records.\n\n"
        "Sgt. Noreen Falk\nShelburne Police Department\n",
        sender="Noreen Falk <nfalk@shelburnevt.org>",
        subject="New officer records",
        attachments=[("memo.txt", memo.encode(), "text/plain")],
    )
    changes = roster_changes(raw)
    assert sorted(c.last_name or "" for c in changes) == ["Baptiste", "Ortega"]
    assert all(c.action == "add" for c in changes)


def test_a_terse_pls_remove_with_a_number_is_a_switch_off() -> None:
    raw = mail(
        "Plz delete Cpl. Nina Brault 41207 from tracs, she finished up last week. Ty\n\n"
        "Chief Okafor\nWinooski PD\n\nSent from my iPhone\n",
        sender="Dan Okafor <dokafor@winooskivt.org>",
        subject="Brault",
    )
    changes = by_number(roster_changes(raw))
    assert changes["41207"]["action"] == "deactivate"
    assert changes["41207"]["last_name"] == "Brault"


def test_a_login_written_behind_the_dps_domain_in_a_change_tables_details_is_his() -> None:
    body = (
        "Hello,\n\nPlease make these changes for Essex Police Department:\n\n"
        "Change\tName\tLEO #\tDetails\n"
        "New officer\tOfc. Paula Greer\tE3301\tDPS\\pgreer\n"
        "Retired\tSgt. Hal Vickers\tE1107\tLast day 6/12\n\n"
        "Thank you,\nLt. Marco Denis\nEssex Police Department\n"
    )
    raw = mail(body, sender="Marco Denis <mdenis@essexvt.org>", subject="TraCS changes")
    changes = by_number(roster_changes(raw))
    assert changes["E3301"]["action"] == "add"
    assert changes["E3301"]["dps_username"] == "pgreer"
    assert changes["E1107"]["action"] == "deactivate"


def test_the_contact_named_beside_the_changes_is_no_change_of_her_own() -> None:
    """ "Questions may be directed to our e-ticket Point of Contact, Sgt. Renee Costa" in
    the paragraph that asks for the changes: she is who to ask, not an update."""
    body = (
        "Please process the following changes to Hartford Police Department officer "
        "records in TraCS. Questions may be directed to our e-ticket Point of Contact, "
        "Sgt. Renee Costa (rcosta@hartford.test).\n\n"
        "Deactivate Officer Brian Lacasse 48816\n\n"
        "Gregory Sheehan, Chief of Police\n"
    )
    raw = mail(body, sender="Gregory Sheehan <gsheehan@hartford.test>", subject="TraCS changes")
    changes = by_number(roster_changes(raw))
    assert list(changes) == ["48816"]
    assert changes["48816"]["action"] == "deactivate"


def test_a_contact_asked_to_be_added_is_still_a_change() -> None:
    body = (
        "Please add Sgt. Renee Costa, our new e-ticket Point of Contact, as an officer. "
        "Her number is 48820 and her username is rcosta.\n\nGregory Sheehan\nChief of Police\n"
    )
    raw = mail(body, sender="Gregory Sheehan <gsheehan@hartford.test>", subject="New officer")
    changes = by_number(roster_changes(raw))
    assert list(changes) == ["48820"]
    assert changes["48820"]["action"] == "add"


def test_the_new_contact_named_after_another_officers_retiring_is_no_switch_off() -> None:
    """ "With Lt. Gale retiring, Sgt. Renee Costa will be our e-ticket Point of Contact":
    the retiring is the lieutenant's; she is who to ask, no change of her own."""
    body = (
        "Two items for Hartford PD:\n\n"
        "1. Lt. Paul Gale (48801) retires May 30. Please deactivate his record then.\n\n"
        "2. With Lt. Gale retiring, Sgt. Renee Costa will be our e-ticket Point of Contact "
        "from now on - rcosta@hartford.test.\n\n"
        "Gregory Sheehan, Chief of Police\n"
    )
    raw = mail(body, sender="Gregory Sheehan <gsheehan@hartford.test>", subject="TraCS changes")
    changes = roster_changes(raw)
    assert [(c.action, c.last_name) for c in changes] == [("deactivate", "Gale")]


def test_an_officer_named_in_a_paragraph_asking_where_his_request_stands_is_no_change() -> None:
    body = (
        "Hi,\n\nJust checking in on the request I sent last month for Officer Ada Brill "
        "(48830). She still can't find her name in TraCS. Could you tell me where that "
        "stands?\n\nAlso, please create a record for our new hire:\n\n"
        "Officer Tom Hale\nOfficer number: 48841\nDPS username: thale\n\n"
        "Gregory Sheehan, Chief of Police\n"
    )
    raw = mail(body, sender="Gregory Sheehan <gsheehan@hartford.test>", subject="TraCS")
    changes = roster_changes(raw)
    assert [(c.action, c.officer_number) for c in changes] == [("add", "48841")]
