"""Roster changes in a table whose column of new values names no field ("Now | Change
to"): each cell says what it changes, as a rank or after the field's own heading; and an
attached table with a column of new values read as the request a short note sends."""

from __future__ import annotations

from tests.data import build
from tests.reading_mail import by_number, mail, roster_changes

_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_a_change_to_column_gives_a_rank_or_the_field_its_cell_names() -> None:
    body = (
        "Good afternoon,\n\nCould you update these records in TraCS for us:\n\n"
        "Name\tBadge\tOn record now\tChange to\n"
        "Oren Vasquez\tP5512\tPatrol Officer\tCorporal (effective 4/1)\n"
        "Hana Liddell\tP5530\tLast name Liddell\tLast name Okoro (married) - username hokoro\n\n"
        "Thanks,\nSgt. Mira Tolland\nPutney Police Department\n"
    )
    sender = "Mira Tolland <mtolland@putneyvt.test>"
    got = by_number(roster_changes(mail(body, sender=sender, subject="Record updates")))
    assert got["P5512"]["action"] == "update"
    assert got["P5512"]["title"] == "Corporal"
    assert got["P5512"]["last_name"] == "Vasquez"
    assert got["P5530"]["action"] == "update"
    assert got["P5530"]["last_name"] == "Okoro"
    assert got["P5530"]["first_name"] == "Hana"
    assert got["P5530"]["dps_username"] == "hokoro"


def test_an_attached_table_of_new_titles_under_a_short_note_is_a_roster_change() -> None:
    sheet = build.xlsx(
        [
            ["Employee", "Badge No.", "Present Rank", "New Rank", "Effective"],
            ["Quill, Desmond", "K8801", "Officer", "Sergeant", "07/01/2025"],
            ["Abara, Tess", "K8815", "Officer", "Detective", "07/01/2025"],
        ]
    )
    raw = mail(
        "See attached personnel action, two officers.\n\nRob\n",
        sender="Rob Ketter <rketter@killingtonvt.test>",
        subject="rank updates",
        attachments=[("Personnel action.xlsx", sheet, _XLSX)],
    )
    got = by_number(roster_changes(raw))
    assert got["K8801"]["action"] == "update"
    assert got["K8801"]["title"] == "Sergeant"
    assert got["K8815"]["title"] == "Detective"
    assert got["K8815"]["last_name"] == "Abara"


def test_the_sentence_nearest_a_table_that_asks_something_gives_its_rows_action() -> None:
    body = (
        "Hello,\n\nA couple of roster changes for Pownal PD. Please add the two new hires "
        "below to our agency; both start on the road Monday:\n\n"
        "Last\tFirst\tTitle\tLEO #\tDPS Username\n"
        "Ferrante\tGiulia\tOfficer\tW6610\tgferrante\n"
        "Osei\tKwame\tOfficer\tW6618\tkosei\n\n"
        "Also, Officer Dale Prentiss (W5102) resigned last Friday. Please deactivate his "
        "record.\n\nThanks,\nSgt. Irene Maddox\nPownal Police Department\n"
    )
    sender = "Irene Maddox <imaddox@pownalvt.test>"
    got = by_number(roster_changes(mail(body, sender=sender, subject="Roster changes")))
    assert got["W6610"]["action"] == "add"
    assert got["W6610"]["dps_username"] == "gferrante"
    assert got["W6618"]["action"] == "add"
    assert got["W5102"]["action"] == "deactivate"


def test_officers_a_paragraph_each_under_a_lead_in_take_its_action() -> None:
    body = (
        "Hi Sgt. Lyle,\n\nFor the state when you have a chance - these two have left us "
        "and their records should be deactivated:\n\n"
        "Ofc. Marisol Quade (BR201)\n\n"
        "Cpl. Anton Fiske (BR188)\n\n"
        "Our new hire Ofc. Wren Talbot will also need a record, LEO # BR230, DPS username "
        "wtalbot.\n\nThanks,\nLt. Gus Herrold\nBrattleboro Police Department\n"
    )
    sender = "Gus Herrold <gherrold@brattleborovt.test>"
    got = by_number(roster_changes(mail(body, sender=sender, subject="Officer changes")))
    assert got["BR201"]["action"] == "deactivate"
    assert got["BR201"]["last_name"] == "Quade"
    assert got["BR188"]["action"] == "deactivate"
    assert got["BR230"]["action"] == "add"
