"""Roster changes and enrolment rows as people write them: a rank written once in the
plural for two officers, a title "on his tickets", a table's heading row under an add,
a last name starting with a lower-case particle, a row whose number is still pending
with the reason beside it."""

from __future__ import annotations

from mailbot.intake.model import Change, ParseResult
from mailbot.intake.parse import parse_message
from tests.reading_mail import by_number, mail


def _parse(body: str, subject: str = "Roster") -> ParseResult:
    sender = "Chief Ada Quimby <aquimby@peachamvt.test>"
    return parse_message(mail(body, sender=sender, subject=subject))


def _changes(body: str) -> list[Change]:
    result = _parse(body)
    assert result.intent == "officer_maintenance"
    return result.changes


def test_a_plural_rank_before_two_officers_is_each_one_s_title() -> None:
    got = by_number(
        _changes(
            "Hello,\n\nTroopers Nadia Pelletier (PC114) and Marco Finney (PC120) both "
            "resigned in May, please deactivate them.\n\nThanks,\nAda\n"
        )
    )
    assert got["PC114"]["first_name"] == "Nadia"
    assert got["PC114"]["title"] == "Trooper"
    assert got["PC120"]["title"] == "Trooper"
    assert got["PC120"]["action"] == "deactivate"


def test_the_title_his_tickets_should_read_is_the_new_one() -> None:
    got = by_number(
        _changes(
            "Hi,\n\n- Ofc. Ruel (PC052) is going to Investigations on 8/1, the title on "
            "his tickets should read Detective.\n\nAda\n"
        )
    )
    assert got["PC052"]["title"] == "Detective"


def test_a_tabbed_heading_row_under_an_add_is_no_officer() -> None:
    changes = _changes(
        "Hi Heather,\n\nCan you send this on? Two academy grads need TraCS officer "
        "records.\n\nNew Officers - Class 2025-02\n"
        "Officer Name\tTitle\tOfficer #\tDPS Username\n"
        "Lowe, Ada\tOfficer\tPC301\talowe\n"
        "Orr, Ben\tOfficer\tPC302\n\nThanks,\nAda\n"
    )
    assert sorted(c.officer_number or "" for c in changes) == ["PC301", "PC302"]


_ENROL = """\
Hello,

Peacham Police Department would like to enrol in e-ticketing.

Judiciary code: 0733
Agency name: Peacham Police Department
Address: 40 Birch Lane, Peacham, VT 05862
Phone: 802-555-0177
Our point of contact is Sgt. Ruth Ames, rames@peachamvt.test.

Officers:
* Quimby, Ada - Chief - PC001 - aquimby
* Ames, Ruth - Sgt. - PC010 - rames
* van der Berg, Anneke - Ofc. - PC017 - avanderberg
* Ofc. Lars Holm-Eriksen - number pending (lateral from Barton PD, starts 5/2) - lholmeriksen

Thanks,
Ada Quimby
Chief of Police
"""


def test_a_last_name_with_a_lower_case_particle_is_read() -> None:
    officers = {o.dps_username: o for o in _parse(_ENROL, "E-ticket enrolment").officers}
    assert officers["avanderberg"].last_name == "van der Berg"
    assert officers["avanderberg"].first_name == "Anneke"
    assert officers["avanderberg"].officer_number == "PC017"


def test_a_row_with_its_number_pending_and_the_reason_beside_it_is_kept() -> None:
    officers = {o.dps_username: o for o in _parse(_ENROL, "E-ticket enrolment").officers}
    assert officers["lholmeriksen"].last_name == "Holm-Eriksen"
    assert officers["lholmeriksen"].officer_number is None


def test_officers_typed_all_in_lower_case_one_a_line_are_each_read() -> None:
    body = (
        "hello\n\npeacham pd wants to do etickets. judiciary code 0733, address 40 birch "
        "ln peacham vt 05862, phone 802 555 0177. im the chief and the poc\n\n"
        "officers\nquimby ada chief pc001 dps\\aquimby\nmoreau luc officer pc014 dps\\lmoreau\n"
        "achebe ngozi sergeant pc022 dps\\nachebe\n\nada quimby\n"
    )
    officers = {o.dps_username: o for o in _parse(body, "etickets").officers}
    assert set(officers) == {"aquimby", "lmoreau", "nachebe"}
    assert (officers["nachebe"].last_name or "").lower() == "achebe"
    assert (officers["nachebe"].first_name or "").lower() == "ngozi"
    assert officers["lmoreau"].officer_number == "pc014"


def test_a_number_the_writer_takes_back_gives_way_to_the_one_he_meant() -> None:
    changes = _changes(
        "Hi,\n\nPlease add Officer Tomas Rusk, PC561 -- oops, make that PC516, my "
        "fingers slipped -- DPS username trusk. He starts Monday.\n\nThanks,\nAda\n"
    )
    assert [c.officer_number for c in changes] == ["PC516"]
    assert changes[0].action == "add"


def test_a_number_said_sorry_about_in_another_sense_is_kept() -> None:
    changes = _changes(
        "Hi,\n\nSorry for the delay. Please add Officer Tomas Rusk, PC561, DPS username "
        "trusk.\n\nThanks,\nAda\n"
    )
    assert [c.officer_number for c in changes] == ["PC561"]


def test_a_removal_and_an_add_joined_by_and_in_one_sentence_are_two_changes() -> None:
    got = by_number(
        _changes(
            "Good morning,\n\nPlease remove Sgt. Ida Vance (PC207), who left for the state "
            "police last month, and create a record for Officer Joel Marsh, LEO # PC233, "
            "DPS username jmarsh - he comes to us from Barton PD.\n\nThanks,\nAda\n"
        )
    )
    assert got["PC207"]["action"] == "deactivate"
    assert got["PC207"]["last_name"] == "Vance"
    assert got["PC233"]["action"] == "add"
    assert got["PC233"]["last_name"] == "Marsh"
    assert got["PC233"]["dps_username"] == "jmarsh"


def test_a_removal_by_name_alone_before_another_with_a_number_is_kept() -> None:
    changes = _changes(
        "pls take Wes Korrigan off the eticket list, he quit last week. Also Dana Pruitt "
        "(PC044) is on maternity leave til spring, so turn hers off for now\n\nthx\nAda\n"
    )
    got = {c.last_name: c for c in changes if isinstance(c.last_name, str)}
    assert got["Korrigan"].action == "deactivate"
    assert got["Korrigan"].first_name == "Wes"
    assert got["Korrigan"].officer_number is None
    assert got["Pruitt"].action == "deactivate"
    assert got["Pruitt"].officer_number == "PC044"


def test_his_record_asked_for_under_the_story_of_a_missed_hire_is_one_add() -> None:
    changes = _changes(
        "Hello,\n\nTurns out Officer Wren Castellano-Diaz never got entered when she "
        "joined in the fall - I made an error there.\n\nCould you please create her record "
        "under Peacham Police Department?\nTitle: Officer\nOfficer #: PC388\n"
        "DPS username: wcastellanodiaz\n\nThanks,\nAda\n"
    )
    assert len(changes) == 1
    assert changes[0].action == "add"
    assert changes[0].officer_number == "PC388"
    assert getattr(changes[0], "last_name", None) == "Castellano-Diaz"
    assert getattr(changes[0], "first_name", None) == "Wren"


def test_a_court_docket_sent_to_the_desk_is_no_roster_change() -> None:
    result = _parse(
        "Hi Marcy,\n\nAttached below are the contested tickets set for the June 3 docket. "
        "Ofc. Ruel is at a training that day - could his hearing be moved to the June 17 "
        "docket?\n\nTicket #\tDefendant\tOfficer\tOfficer #\n"
        "VT2509911\tPRATT, LEO\tRuel, Dan\tPC052\n\nThank you,\nAda\n"
    )
    assert result.intent == "other"


def test_the_bureau_asking_about_tickets_it_holds_is_no_enrolment() -> None:
    result = _parse(
        "Hello e-Ticket team,\n\nThe Judicial Bureau has received four e-tickets from "
        "Peacham PD showing officer number PC05 instead of five characters; from the "
        "complaints they look like Ofc. Dan Ruel (PC052). A second batch from Sgt. Ruth "
        "Ames (PC010) was transmitted late. Could you check his TraCS record?\n\n"
        "Thanks,\nMarcy Hale\nVermont Judicial Bureau\nPO Box 607, White River Junction, "
        "VT 05001\n(802) 555-0101\n"
    )
    assert result.intent == "other"


def test_an_add_asked_over_a_court_s_rejection_is_still_an_add() -> None:
    changes = _changes(
        "Hello,\n\nThe Judicial Bureau rejected two tickets transmitted under PC390 - "
        "please add Officer Cole Brandt, PC390, DPS username cbrandt.\n\nAda\n"
    )
    assert [c.action for c in changes] == ["add"]


def test_an_enrolment_told_as_sent_before_makes_no_enrolment_of_a_roster_change() -> None:
    result = _parse(
        "Good morning,\n\nPlease deactivate these two officers, both retired in May:\n\n"
        "Officer Tess Marlow (04417)\nCorporal Abe Lindqvist (04402)\n\nAlso Officer Joy "
        "Pruitt's number should be 04460 - it lost its zero when we submitted our "
        "enrollment spreadsheet.\n\nThank you,\n\nLt. Ada Quimby\nPeacham Police "
        "Department\n40 Birch Lane | Peacham, VT 05862\nO: (802) 555-0177\n"
    )
    assert result.intent == "officer_maintenance"
    got = by_number(result.changes)
    assert got["04417"]["action"] == "deactivate"
    assert got["04402"]["action"] == "deactivate"


def test_ranks_in_a_column_with_no_heading_of_its_own_are_the_titles() -> None:
    body = _ENROL.replace(
        "Officers:\n* Quimby, Ada - Chief - PC001 - aquimby\n* Ames, Ruth - Sgt. - PC010 - rames\n",
        "Roster:\n\nSurname\tGiven\t\tLEO #\tDPS username\n"
        "Quimby\tAda\tChief\tPC001\taquimby\nAmes\tRuth\tSergeant\tPC010\trames\n"
        "Lund\tPer\tPatrol Officer\tPC015\tplund\n\n",
    )
    officers = {o.dps_username: o for o in _parse(body, "E-ticket enrolment").officers}
    assert officers["rames"].title == "Sergeant"
    assert officers["plund"].title == "Patrol Officer"
    assert officers["plund"].officer_number == "PC015"


def test_a_lower_case_row_with_a_middle_initial_is_read() -> None:
    """ "1. ada m. quimby, chief, leo# pc001, username aquimby": a numbered row typed
    in lower case, the name with a middle initial."""
    body = (
        "hello\n\npeacham pd wants to do etickets. judiciary code 0733, address 40 birch "
        "ln peacham vt 05862, phone 802 555 0177. im the chief and the poc\n\n"
        "me and my officer\n1. ada m. quimby, chief, leo# pc001, username aquimby\n"
        "2. luc moreau, officer, leo# pc014, username lmoreau\n\nada\n"
    )
    officers = {o.dps_username: o for o in _parse(body, "etickets").officers}
    assert set(officers) == {"aquimby", "lmoreau"}
    assert (officers["aquimby"].last_name or "").lower() == "quimby"
    assert (officers["aquimby"].officer_number or "").upper() == "PC001"


def test_a_username_to_be_announced_is_left_out_and_its_row_kept() -> None:
    """ "username TBA, he's getting it set up this week": the officer is read, his
    username not given (asked for), never "TBA"."""
    body = (
        "Hello,\n\nPeacham Police Department would like to start e-ticketing.\n"
        "Judiciary code: 0733\nAddress: 40 Birch Ln, Peacham VT 05862\nPhone: 802-555-0177\n\n"
        "Officers:\nOfficer Luc Moreau #PC014 DPS\\lmoreau\n"
        "Tom Ahlberg - part-time officer - PC019 - username TBA, he's getting it set up "
        "this week\n\nThanks,\nChief Ada Quimby\n"
    )
    result = _parse(body, "E-ticket enrolment")
    officers = {o.officer_number: o for o in result.officers}
    assert set(officers) == {"PC014", "PC019"}
    assert officers["PC019"].last_name == "Ahlberg"
    assert officers["PC019"].dps_username is None
    assert "officers[1].dps_username" in result.missing
