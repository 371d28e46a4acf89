"""Roster changes told in the shapes the thirty-second set showed: an add said as "also
adding" or "set up the following", a login written bare after the number, civilian staff
and a former rank noted in a change table's cells."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import by_number, mail


def _changes(body: str, subject: str = "roster") -> dict[str | None, dict[str, object]]:
    result = parse_message(
        mail(body, sender="Sgt. Ann Roe <aroe@middleburyvt.test>", subject=subject)
    )
    assert result.intent == "officer_maintenance"
    return by_number(result.changes)


def test_an_item_also_adding_an_officer_is_an_add() -> None:
    got = _changes(
        "Hello,\n\nTwo changes for Shelburne PD:\n\n"
        "1) Officer Dana Pike (31S07) was promoted to Sergeant, please update her title.\n"
        "2) Also adding Officer Ray Quinn, 52S11, username rquinn.\n\n"
        "Thanks,\nSgt. Ann Roe\n"
    )
    assert got["52S11"]["action"] == "add"
    assert got["52S11"]["dps_username"] == "rquinn"


def test_people_to_set_up_in_a_table_are_adds() -> None:
    got = _changes(
        "Hi,\nPlease set up the following new people under Shelburne PD.\n\n"
        "Last\tFirst\tTitle\tLEO #\tDPS Username\n"
        "Quinn\tRay\tOfficer\t52S11\trquinn\n"
        "Pike\tDana\tOfficer\t52S12\tdpike\n\n"
        "Thank you,\nAnn Roe\nChief of Police, Shelburne PD\n"
    )
    assert got["52S11"]["action"] == "add"
    assert got["52S12"]["last_name"] == "Pike"
