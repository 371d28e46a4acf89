"""An officer's record moved from one agency to another: the words that ask for the
move ("move her TraCS officer record from ... to ...") and those that turn a
switch-off away ("rather than deactivate it")."""

from __future__ import annotations

from tests.reading_mail import by_number, mail, roster_changes


def test_a_record_moved_by_name_of_both_agencies_is_an_update_there() -> None:
    body = (
        "Good morning,\n\nSergeant Tessa Albright started with Northfield PD this week, "
        "coming over from Berlin PD. Her VT LEO number is BN584 and her DPS username is "
        "still talbright. Could you move her TraCS officer record from Berlin Police "
        "Department to Northfield Police Department? Title stays Sergeant.\n\nThank you,\n"
        "Lt. Owen Fairbanks\nNorthfield Police Department\n"
    )
    raw = mail(body, sender="ofairbanks@northfield.test", subject="Officer record move")
    got = by_number(roster_changes(raw))
    assert set(got) == {"BN584"}
    assert got["BN584"]["action"] == "update"
    assert got["BN584"]["agency"] == "Northfield Police Department"


def test_a_move_asked_instead_of_a_deactivation_closes_no_record() -> None:
    body = (
        "Hi,\n\nTwo changes for Randolph PD:\n\n"
        "- Cpl. Grant Whitcomb (R2207) has transferred to the Bethel Police Department as "
        "of 3/2. He keeps his number - please move his record to Bethel Police rather than "
        "disable it.\n"
        "- Officer Lena Marsh (R1974) resigned, last day 2/27. Please deactivate.\n\n"
        "Thanks,\nSgt. Paula Dunmore\nRandolph Police Department\n"
    )
    raw = mail(body, sender="pdunmore@randolph.test", subject="Roster changes")
    changes = roster_changes(raw)
    got = by_number(changes)
    assert got["R2207"]["action"] == "update"
    assert got["R2207"]["agency"] == "Bethel Police Department"
    assert got["R1974"]["action"] == "deactivate"
    assert [c.action for c in changes if c.officer_number == "R2207"] == ["update"]


def test_an_officer_joining_with_a_record_elsewhere_has_it_moved_to_us() -> None:
    body = (
        "Hello,\n\nOfficer Dana Whitlock has joined the Swanton Police Department. She "
        "worked for the Highgate Police Department before and already has a TraCS record "
        "from there. Her VT LEO number is HG417.\n\nPlease move her record to our "
        "department and change her title to Officer. Sheriff Lamb in Highgate knows she "
        "has left.\n\nRegards,\n\nCapt. Neil Orcutt\nSwanton Police Department\n"
    )
    raw = mail(body, sender="norcutt@swantonvt.test", subject="Officer joining us")
    changes = roster_changes(raw)
    assert [c.action for c in changes] == ["update"]
    got = by_number(changes)["HG417"]
    assert got["agency"] == "Swanton Police Department"
    assert got["title"] == "Officer"


def test_the_writer_s_own_leaving_takes_no_other_officer_with_him() -> None:
    body = (
        "Good morning,\n\nI'm stepping down as chief on June 30. Sergeant Carla Mayhew will "
        "handle our e-ticket business from now on (cmayhew@craftsburypd.test).\n\n"
        "Please disable my TraCS account (Walter Greaves, CB002) as of June 30.\n\n"
        "Best,\nWalter Greaves\nChief of Police\nCraftsbury Police Department\n"
    )
    raw = mail(body, sender="wgreaves@craftsburypd.test", subject="Stepping down")
    changes = roster_changes(raw)
    assert [(c.action, c.officer_number) for c in changes] == [("deactivate", "CB002")]


def test_a_moved_record_keeps_the_title_it_says_is_still_his() -> None:
    body = (
        "Hello,\n\nDeputy Carl Ouellette transferred to Essex County Sheriff's Department "
        "from Orleans County Sheriff's Department as of Friday. His LEO # is EX219 and his "
        "DPS username couellette, same as before. Could you move his TraCS record over? "
        "Title is still Deputy.\n\nThanks\nLt. Gwen Baril\nEssex County Sheriff\n"
    )
    raw = mail(body, sender="gbaril@essexsheriff.test", subject="Transfer")
    got = by_number(roster_changes(raw))
    assert got["EX219"]["action"] == "update"
    assert got["EX219"]["title"] == "Deputy"


def test_a_record_asked_moved_with_him_to_a_named_agency_goes_there() -> None:
    body = (
        "Hi,\n\nSergeant Nora Labelle just came over to us from Stowe PD. She already has a "
        "TraCS officer record under Stowe (officer number ST804). Could you please move her "
        "to the Morristown Police Department and change her title from Officer to "
        "Sergeant? Her DPS username stays nlabelle.\n\n"
        "Thanks,\nJo\n\nJo Villeneuve\nOffice Manager\nMorristown Police Department\n"
    )
    raw = mail(body, sender="jvilleneuve@morristown.test", subject="Officer move")
    got = by_number(roster_changes(raw))
    assert got["ST804"]["action"] == "update"
    assert got["ST804"]["agency"] == "Morristown Police Department"


def test_a_move_to_an_agency_by_its_initials_takes_the_title_named_after_it() -> None:
    """ "move his TraCS record over to Colchester PD? Username is still dkelley, title
    Officer.": the agency ends with its sentence, the title is the one named."""
    body = (
        "Hi - Ofc Dan Kelley (WN207) lateraled to us from Winooski PD this week. Can you "
        "move his TraCS record over to Colchester PD? Username is still dkelley, title "
        "Officer.\n\nThanks,\nAmy\n\nSgt. Amy Lacross\nColchester Police Department\n"
    )
    raw = mail(body, sender="alacross@colchester.test", subject="Transfer - Kelley")
    got = by_number(roster_changes(raw))
    assert set(got) == {"WN207"}
    assert got["WN207"]["action"] == "update"
    assert got["WN207"]["title"] == "Officer"
    assert got["WN207"]["agency"] == "Colchester PD"
    assert got["WN207"]["dps_username"] == "dkelley"


def test_the_agency_a_subject_names_short_is_the_one_the_reply_writes_in_full() -> None:
    body = (
        "Hi Jen,\n\nYes, same person. Dana Rowe was a deputy with Orange County Sheriff's "
        "Dept until 5/9 and started with us 5/12. Her LEO number doesn't change, 6W213. Our IT "
        "set her up as drowe2. Title should be Officer.\n\n"
        "So please move her from OCSD over to Kelby Police Department.\n\nThanks,\nLisa\n\n"
        "On 5/13/2025 2:41 PM, DPS eTicket wrote:\n> Hi Lisa,\n>\n"
        "> Can you confirm this is the Dana Rowe at Orange County Sheriff's Department?\n>\n"
        "> Jen\n"
    )
    raw = mail(
        body,
        sender="Lisa Gale <lgale@kelbyvt.test>",
        subject="Re: TraCS - Dep. Rowe transferring to Kelby PD",
        in_reply_to="<desk-1@vermont.gov>",
    )
    got = by_number(roster_changes(raw))
    assert got["6W213"]["agency"] == "Kelby Police Department"
