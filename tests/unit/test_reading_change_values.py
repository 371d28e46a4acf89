"""The values inside a roster change: a username is never an ordinary word or a
contraction read after "username", the title written beside the officer names his
record, and an officer who asks to close his own account is the signer."""

from __future__ import annotations

from mailbot.intake.model import ParseResult
from mailbot.intake.parse import parse_message
from tests.reading_mail import by_number, mail


def _parse(body: str, sender: str, subject: str) -> ParseResult:
    return parse_message(mail(body, sender=sender, subject=subject))


def test_a_username_changed_from_one_to_another_is_the_second() -> None:
    result = _parse(
        "Hello,\n\nCorporal Wendell Ashby (GR204) took his wife's surname and is now "
        "Wendell Ashby-Lyle. County IT moved his DPS login from washby to washbylyle "
        "as well.\n\nPlease update his record.\n\nThanks,\nMara\n\nMara Quist\n"
        "Office Manager\nGroton Police Department\n",
        "Mara Quist <mquist@grotonvt.test>",
        "Record update",
    )
    change = by_number(result.changes)["GR204"]
    assert change["dps_username"] == "washbylyle"


def test_a_username_to_follow_is_no_word_of_the_sentence() -> None:
    result = _parse(
        "Hi,\n\nPlease set up a TraCS record for our new hire:\n\nName: Petra Lindqvist\n\n"
        "Title: Officer\n\nLEO number: GR233\n\nI will forward his DPS username after IT "
        "finishes the account.\n\nThanks,\nSgt. Olin Marsh\nGroton Police Department\n",
        "Olin Marsh <omarsh@grotonvt.test>",
        "New officer",
    )
    change = by_number(result.changes)["GR233"]
    assert change.get("dps_username") is None


def test_a_contraction_after_username_is_no_username() -> None:
    result = _parse(
        "Hello,\n\nPlease add these two to Groton Police Department:\n\n"
        "Ofc. Jonas Brandt - GR240 - jbrandt\n"
        "Ofc. Lise Okafor - GR241 - (username hasn't come through, will send later)\n\n"
        "Thanks,\nMara Quist\nGroton Police Department\n",
        "Mara Quist <mquist@grotonvt.test>",
        "two new officers",
    )
    got = by_number(result.changes)
    assert got["GR240"]["dps_username"] == "jbrandt"
    assert got["GR241"].get("dps_username") is None


def test_an_update_keeps_the_title_written_beside_the_officer() -> None:
    result = _parse(
        "Hello,\n\nDetective Rowan Achterberg (GR118) has changed her last name to Fisk "
        "after her wedding. Please update her TraCS record.\n\nThanks,\nMara Quist\n"
        "Groton Police Department\n",
        "Mara Quist <mquist@grotonvt.test>",
        "Name change",
    )
    change = by_number(result.changes)["GR118"]
    assert change["last_name"] == "Fisk"
    assert change["title"] == "Detective"


def test_a_new_officers_labelled_lines_each_under_a_blank_line_are_one_block() -> None:
    result = _parse(
        "Hello,\n\nPlease add a TraCS officer record for our new deputy:\n\n"
        "Name: Ansel Brightwater\n\nTitle: Deputy\n\nLEO number: GR260\n\n"
        "DPS username: abrightwater\n\nThank you,\nSgt. Olin Marsh\nGroton Police Department\n",
        "Olin Marsh <omarsh@grotonvt.test>",
        "New deputy",
    )
    assert by_number(result.changes)["GR260"] == {
        "action": "add",
        "officer_number": "GR260",
        "last_name": "Brightwater",
        "first_name": "Ansel",
        "title": "Deputy",
        "dps_username": "abrightwater",
    }


def test_a_new_officer_entered_as_a_rank_has_that_title() -> None:
    result = _parse(
        "Good morning,\n\nOne more for you: Imogen Sallow joined us Monday. Her officer "
        "number is GR271 and her DPS username is isallow. Please add her to our roster "
        "as a Deputy.\n\nThanks,\nMara Quist\nGroton Police Department\n",
        "Mara Quist <mquist@grotonvt.test>",
        "One more officer",
    )
    change = by_number(result.changes)["GR271"]
    assert change["title"] == "Deputy"
    assert change["last_name"] == "Sallow"


def test_an_officer_closing_his_own_account_is_the_writer() -> None:
    result = _parse(
        "Hi,\nI am retiring from the town at the end of the month. Please turn off my TraCS "
        "login, officer number GR019.\nThanks\nHollis Penrose\nConstable, Town of Groton\n",
        "Hollis Penrose <hpenrose1958@yahoo.test>",
        "retiring",
    )
    [change] = result.changes
    assert change.model_dump(exclude_none=True) == {
        "action": "deactivate",
        "officer_number": "GR019",
        "last_name": "Penrose",
        "first_name": "Hollis",
    }


def test_a_change_tables_remarks_column_is_each_changes_note() -> None:
    result = _parse(
        "Hello,\n\nThis month's changes for Groton Police Department:\n\n"
        "Action | Last Name | First Name | Rank | Officer # | DPS Username | Remarks\n"
        "Add | Vellacott | Aurelie | Officer | GR281 | avellacott | Academy class of June\n"
        "Deactivate | Stoddard | Kenji | Corporal | GR207 | kstoddard | Moved out of state\n"
        "Update | Ilves | Marten | Sergeant | GR215 | milves |\n\n"
        "Thanks,\nMara Quist\nGroton Police Department\n",
        "Mara Quist <mquist@grotonvt.test>",
        "Roster changes",
    )
    got = by_number(result.changes)
    assert got["GR281"]["note"] == "Academy class of June"
    assert got["GR207"]["note"] == "Moved out of state"
    assert got["GR207"]["action"] == "deactivate"
    assert "note" not in got["GR215"]


def test_an_attached_sheet_of_changes_names_its_agency_in_its_title_row() -> None:
    from email.message import EmailMessage
    from io import BytesIO

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for row in (
        ["Groton Police Department - officer changes for TraCS", None, None, None, None],
        [],
        ["Action", "Last Name", "First Name", "Officer #", "DPS Username"],
        ["Add", "Vellacott", "Aurelie", "GR281", "avellacott"],
        ["Deactivate", "Stoddard", "Kenji", "GR207", "kstoddard"],
    ):
        ws.append(row)
    data = BytesIO()
    wb.save(data)
    msg = EmailMessage()
    msg["From"] = "Mara Quist <mquist@grotonvt.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "changes"
    msg.set_content("\n")
    msg.add_attachment(
        data.getvalue(),
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        filename="changes.xlsx",
    )
    result = parse_message(msg.as_bytes())
    assert result.intent == "officer_maintenance"
    assert result.agency.name == "Groton Police Department"
    assert set(by_number(result.changes)) == {"GR281", "GR207"}


def test_a_username_said_unchanged_is_the_one_in_brackets() -> None:
    result = _parse(
        "Hello,\n\nPlease add Deputy Tamsin Rook (GR300) to our roster; her DPS username "
        "is unchanged (trook) from her time with the county.\n\nThanks,\nMara Quist\n"
        "Groton Police Department\n",
        "Mara Quist <mquist@grotonvt.test>",
        "New deputy",
    )
    assert by_number(result.changes)["GR300"]["dps_username"] == "trook"


def test_two_rank_words_before_a_name_are_one_title() -> None:
    result = _parse(
        "Good morning,\n\nPlease make these changes to our TraCS records:\n\n"
        "DEACTIVATE: Warden Corporal Lyle Ambrose, FW212 (retired 6/30)\n"
        "ADD: Game Warden Ines Calloway, FW288, DPS username icalloway\n\n"
        "Thank you,\nLt. Mara Quist\nGroton Police Department\n",
        "Mara Quist <mquist@grotonvt.test>",
        "Changes",
    )
    got = by_number(result.changes)
    assert got["FW212"]["title"] == "Warden Corporal"
    assert got["FW288"]["title"] == "Game Warden"


def test_a_new_hire_said_to_be_of_a_rank_has_that_title() -> None:
    result = _parse(
        "Hi, two things for Groton. Nell Ashgrove left in May so she can come off (GR150). "
        "We hired Rufus Penhallow in her place, he is Corporal, LEO number GR166, DPS "
        "username rpenhallow.\nThanks\nMara Quist\nGroton Police Department\n",
        "Mara Quist <mquist@grotonvt.test>",
        "changes",
    )
    assert by_number(result.changes)["GR166"]["title"] == "Corporal"


def test_a_username_that_will_be_sent_later_is_none() -> None:
    result = _parse(
        "Hi,\n\nPlease add:\n\nOfc. Bram Okonjo - GR404 - username will be sent later\n"
        "Ofc. Ada Kimura - GR405 - username will be provided by IT\n\n"
        "Thanks,\nMara Quist\nGroton Police Department\n",
        "Mara Quist <mquist@grotonvt.test>",
        "two adds",
    )
    got = by_number(result.changes)
    assert "dps_username" not in got["GR404"]
    assert "dps_username" not in got["GR405"]
    assert got["GR405"]["last_name"] == "Kimura"


def test_a_remarks_cell_of_a_whole_page_is_kept_as_a_short_note() -> None:
    """A remark cell pasted full of text is a note staff can read, not the whole page."""
    page = "Moved out of state; " * 400
    result = _parse(
        "Hello,\n\nThis month's changes for Groton Police Department:\n\n"
        "Action | Last Name | First Name | Rank | Officer # | DPS Username | Remarks\n"
        f"Deactivate | Stoddard | Kenji | Corporal | GR207 | kstoddard | {page}\n\n"
        "Thanks,\nMara Quist\nGroton Police Department\n",
        "Mara Quist <mquist@grotonvt.test>",
        "Roster changes",
    )
    note = by_number(result.changes)["GR207"]["note"]
    assert isinstance(note, str) and note.startswith("Moved out of state;")
    assert len(note) <= 300


def test_a_change_tables_action_words_are_the_rules(tmp_path: object) -> None:
    """The words of an action cell are read from rules/columns.toml: a desk that adds
    "Enlist" there has such rows read as adds."""
    import shutil
    from pathlib import Path

    from mailbot.intake.rules import load_rules
    from mailbot.resources import rules_dir
    from tests.reading_mail import mail

    folder = Path(str(tmp_path)) / "rules"
    shutil.copytree(rules_dir(), folder)
    columns = folder / "columns.toml"
    columns.write_text(columns.read_text().replace('add = ["add", ', 'add = ["enlist", "add", '))
    raw = mail(
        "Hello,\n\nThis month's changes for Groton Police Department:\n\n"
        "Action | Last Name | First Name | Rank | Officer # | DPS Username\n"
        "Deactivate | Stoddard | Kenji | Corporal | GR207 | kstoddard\n"
        "Enlist | Vellacott | Aurelie | Officer | GR281 | avellacott\n\n"
        "Thanks,\nMara Quist\nGroton Police Department\n",
        sender="Mara Quist <mquist@grotonvt.test>",
        subject="Roster changes",
    )
    assert by_number(parse_message(raw).changes).get("GR281", {}).get("action") is None
    changes = parse_message(raw, rules=load_rules(folder)).changes
    assert by_number(changes)["GR281"]["action"] == "add"


def test_a_promotion_written_in_lower_case_gives_the_rank() -> None:
    result = parse_message(
        mail(
            "hey all,\n\nfew changes for our pd in tracs:\n\n- lena marsh (QR311) got "
            "promoted to corporal, can you update her title\n- pete kray (QR318) username "
            "is wrong, it should be DPS\\pkray3 not DPS\\pkray. he cant log in\n\nthx\nbo pratt\n"
            "halifax pd\n",
            sender="Bo Pratt <bpratt@halifaxvt.test>",
            subject="tracs",
        )
    )
    assert by_number(result.changes)["QR311"]["title"] == "Corporal"


def test_the_title_where_a_moved_officer_now_serves() -> None:
    result = parse_message(
        mail(
            "Hello,\n\nWe hired Dana Frey as a lateral from Putney PD; her VT LEO number "
            "stays 3H8M2 and her DPS username is still dfrey.\n\nPlease move her TraCS "
            "record from Putney Police Department to Halifax Police Department. Her title "
            "here is Patrol Officer.\n\nThank you,\nBo Pratt\nHalifax Police Department\n",
            sender="Bo Pratt <bpratt@halifaxvt.test>",
            subject="Lateral hire - Frey",
        )
    )
    change = by_number(result.changes)["3H8M2"]
    assert change["action"] == "update"
    assert change["title"] == "Patrol Officer"
