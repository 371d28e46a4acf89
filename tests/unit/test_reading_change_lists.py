"""Roster changes written as lists under headings of their own: each line one officer,
his cells split by dashes, last name first."""

from __future__ import annotations

from tests.reading_mail import by_number, mail, roster_changes


def test_a_dashed_list_line_with_the_last_name_first_names_its_officer() -> None:
    body = (
        "Hello,\n\nA few changes for Milton PD.\n\n"
        "NEW HIRES (please set up):\n"
        "  Okonkwo, Tariq - Officer - ML618 - tokonkwo\n"
        "  Brassard, Elise - Officer - ML619 - ebrassard\n\n"
        "PROMOTIONS:\n"
        "  Ofc. Wendell Sayer (ML402) to Corporal\n\n"
        "Thank you,\nLt. Joanna Pike\nMilton Police Department\n"
    )
    raw = mail(body, sender="jpike@miltonvt.test", subject="Milton PD TraCS changes")
    got = by_number(roster_changes(raw))
    assert got["ML618"] == {
        "action": "add",
        "officer_number": "ML618",
        "last_name": "Okonkwo",
        "first_name": "Tariq",
        "title": "Officer",
        "dps_username": "tokonkwo",
    }
    assert got["ML619"]["last_name"] == "Brassard"
    assert got["ML619"]["first_name"] == "Elise"
    assert got["ML402"]["action"] == "update"


def test_two_officers_joined_by_and_share_the_action_said_after_both() -> None:
    body = (
        "Hi,\n\nUpdates for Shelburne PD:\n\n"
        "1. Ofc. Nora Vickery (SH311) got her stripes and is now a Corporal.\n"
        "2. Lt. Amos Delacroix (SH104) and Det. Irene Kowal (SH227) have both resigned "
        "effective 3/31 - please disable their accounts.\n\n"
        "Thanks,\nMarla Tibbits\nShelburne Police Department\n"
    )
    raw = mail(body, sender="mtibbits@shelburnevt.test", subject="officer updates")
    got = by_number(roster_changes(raw))
    assert got["SH104"]["action"] == "deactivate"
    assert got["SH227"]["action"] == "deactivate"
    assert got["SH104"]["last_name"] == "Delacroix"


def test_an_aside_about_the_second_officer_alone_is_not_the_first_one_s() -> None:
    body = (
        "Hi,\n\nPlease update Ofc. Nora Vickery (SH311) and Ofc. Amos Delacroix (SH104), who "
        "resigned last week.\n\nThanks,\nMarla Tibbits\nShelburne Police Department\n"
    )
    raw = mail(body, sender="mtibbits@shelburnevt.test", subject="officer updates")
    got = by_number(roster_changes(raw))
    assert got.get("SH311", {}).get("action") != "deactivate"


def test_values_labelled_on_lines_indented_under_a_numbered_officer_are_his() -> None:
    body = (
        "Hello,\n\nTwo new officers need TraCS records under Richmond PD:\n\n"
        "1) Officer Zoë Beaulieu-Tremblay\n"
        "   LEO #: RM071\n"
        "   DPS username: zbeaulieu\n\n"
        "2) Officer Hamish Quirke\n"
        "   LEO #: RM072\n"
        "   DPS username: hquirke\n\n"
        "Both start Monday.\n\nSgt. Lionel Barto\nRichmond Police Department\n"
    )
    raw = mail(body, sender="lbarto@richmondvt.test", subject="New officers")
    got = by_number(roster_changes(raw))
    assert got["RM071"] == {
        "action": "add",
        "officer_number": "RM071",
        "last_name": "Beaulieu-Tremblay",
        "first_name": "Zoë",
        "title": "Officer",
        "dps_username": "zbeaulieu",
    }
    assert got["RM072"]["last_name"] == "Quirke"
    assert got["RM072"]["first_name"] == "Hamish"
