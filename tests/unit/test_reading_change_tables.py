"""Roster changes written as tables: a column of new values beside the old ones ("Old
login | New login"), a status column on a full roster, a table under a paragraph that
says what to do with its people."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.intake.model import Change
from mailbot.intake.parse import parse_message
from tests.data import build
from tests.reading_mail import by_number, mail, roster_changes


def _changes(body: str, subject: str = "Officer record updates") -> list[Change]:
    sender = "Sgt. Petra Lindahl <plindahl@norwichvt.test>"
    return roster_changes(mail(body, sender=sender, subject=subject))


_by_number = by_number


def test_a_new_username_column_beside_the_old_one_updates_each_row() -> None:
    got = _by_number(
        _changes(
            "Good morning,\n\nOur town moved to a new mail system and the DPS logins were "
            "reissued. Please update these officer records:\n\n"
            "Badge #   Officer              Previous login   New login\n"
            "N3310     Ofc. Tobias Rendell  trendell         tobias.rendell\n"
            "N3322     Cpl. Mina Oyelaran   moyelaran        mina.oyelaran\n\n"
            "Thank you,\nPetra Lindahl\n"
        )
    )
    assert got == {
        "N3310": {
            "action": "update",
            "officer_number": "N3310",
            "last_name": "Rendell",
            "first_name": "Tobias",
            "title": "Officer",
            "dps_username": "tobias.rendell",
        },
        "N3322": {
            "action": "update",
            "officer_number": "N3322",
            "last_name": "Oyelaran",
            "first_name": "Mina",
            "title": "Corporal",
            "dps_username": "mina.oyelaran",
        },
    }


def test_a_tab_table_with_an_updated_title_column_updates_the_title() -> None:
    got = _by_number(
        _changes(
            "Hi,\n\nPlease update the titles of these two officers:\n\n"
            "LEO #\tName\tExisting Title\tUpdated Title\n"
            "N4401\tHaskell, Ora\tOfficer\tSgt.\n"
            "N4415\tBrisebois, Lane\tOfficer\tCorporal\n\n"
            "Thanks,\nPetra\n"
        )
    )
    assert got["N4401"]["title"] == "Sergeant"
    assert got["N4415"]["title"] == "Corporal"
    assert got["N4401"]["last_name"] == "Haskell"
    assert "dps_username" not in got["N4401"]


def _with_attachment(body: str, name: str, data: bytes, subtype: str) -> list[Change]:
    msg = EmailMessage()
    msg["From"] = "Capt. Oren Maddox <omaddox@bristolvt.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "TraCS"
    msg.set_content(body)
    msg.add_attachment(data, maintype="application", subtype=subtype, filename=name)
    result = parse_message(msg.as_bytes())
    assert result.intent == "officer_maintenance"
    return result.changes


_XLSX = "vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_DOCX = "vnd.openxmlformats-officedocument.wordprocessingml.document"


def test_a_full_roster_whose_status_column_marks_the_rows_that_change() -> None:
    rows: list[list[object]] = [
        ["LEO #", "Last Name", "First Name", "Title", "Username", "Status"],
        ["B7001", "Quimby", "Alma", "Sergeant", "aquimby", ""],
        ["B7014", "Farrow", "Deshawn", "Officer", "dfarrow", "Resigned - please remove"],
        ["B7022", "Ilves", "Karl", "Officer", "kilves", "Active"],
        ["B7035", "Neary", "Tess", "Corporal", "tneary", "Promoted"],
        ["B7040", "Salcedo", "Ramon", "Officer", "rsalcedo", "New hire"],
    ]
    got = _by_number(
        _with_attachment(
            "Hello,\n\nThis is our whole roster as of today; the last column shows what is "
            "different from the records you have.\n\nOren Maddox\nBristol Police Department\n",
            "bristol roster.xlsx",
            build.xlsx(rows),
            _XLSX,
        )
    )
    assert set(got) == {"B7014", "B7035", "B7040"}
    assert got["B7014"]["action"] == "deactivate"
    assert got["B7035"] == {
        "action": "update",
        "officer_number": "B7035",
        "last_name": "Neary",
        "first_name": "Tess",
        "title": "Corporal",
        "dps_username": "tneary",
    }
    assert got["B7040"]["action"] == "add"
    assert got["B7040"]["dps_username"] == "rsalcedo"


def test_a_memo_attached_in_word_is_read_in_the_part_the_note_names() -> None:
    memo = build.docx(
        paragraphs=[
            "BRISTOL POLICE DEPARTMENT",
            "GENERAL ORDER 31",
            "Part 1 - Vehicle assignments",
            "Ofc. Wendell Pryce (B7102) - car 4, days",
            "Sgt. Alma Quimby (B7001) - car 1, nights",
            "Part 2 - Record changes",
            "1) Officer Deshawn Farrow (LEO B7014) resigned on 3/2. Remove his TraCS record.",
            "2) Corporal Tess Neary (LEO B7035) is acting shift lead; her title on tickets "
            'should read "Sergeant".',
            "Oren Maddox",
            "Captain",
            "Bristol Police Department",
        ]
    )
    got = _by_number(
        _with_attachment(
            "Attached is General Order 31. Please make the changes in Part 2; Part 1 is only "
            "for our patrol staff.\n\nCapt. Maddox\n",
            "GO 31.docx",
            memo,
            _DOCX,
        )
    )
    assert set(got) == {"B7014", "B7035"}
    assert got["B7014"]["action"] == "deactivate"
    assert got["B7035"]["action"] == "update"
    assert got["B7035"]["title"] == "Sergeant"


def test_a_table_without_numbers_under_a_paragraph_saying_they_left_is_deactivated() -> None:
    got = _changes(
        "Good afternoon,\n\nThe Town of Bristol payroll office confirms that the employees "
        "named below have separated from the police department. Please remove their "
        "access to state systems, TraCS included.\n\n"
        "Employee\tJob Title\tPayroll No.\tLast Day\n"
        "Wendell A. Pryce\tOfficer\tP-3391\t02/27/2026\n"
        "Gloria Mbeki\tSergeant\tP-2210\t03/03/2026\n\n"
        "Regards,\nIrma Castell\nPayroll Manager\n"
    )
    got_by_name = {getattr(c, "last_name", None): c.model_dump(exclude_none=True) for c in got}
    assert got_by_name == {
        "Pryce": {
            "action": "deactivate",
            "last_name": "Pryce",
            "first_name": "Wendell A.",
            "title": "Officer",
        },
        "Mbeki": {
            "action": "deactivate",
            "last_name": "Mbeki",
            "first_name": "Gloria",
            "title": "Sergeant",
        },
    }


def test_a_numbered_item_wrapped_onto_the_next_line_is_read_whole() -> None:
    got = _by_number(
        _changes(
            "Hello,\n\n"
            "1. Officer Hollis Brandvold (LEO N5120) has a new DPS account. His new\n"
            "username is hollis.brandvold. Please update his record.\n"
            "2. Officer Fern Ambrose (LEO N5133) resigned. Please deactivate her record.\n\n"
            "Petra Lindahl\n"
        )
    )
    assert got["N5120"]["action"] == "update"
    assert got["N5120"]["dps_username"] == "hollis.brandvold"
    assert got["N5133"]["action"] == "deactivate"


def test_an_agency_code_in_brackets_after_the_agency_is_no_officer_to_add() -> None:
    got = _by_number(
        _changes(
            "Hi,\n\nWe swore in a new officer last week. Please create his record under "
            "Norwich PD (0733):\n\n"
            "Officer Bram Castellanos - LEO# N6204 - DPS username bcastellanos\n\n"
            "Thanks,\nPetra\n"
        )
    )
    assert set(got) == {"N6204"}
    assert got["N6204"]["action"] == "add"


def test_a_memo_on_letterhead_is_read_only_in_the_part_the_note_names() -> None:
    """A memo whose letterhead gives the agency's address and phone is still a memo of
    changes: the patrol assignments of its other part add no one."""
    memo = build.docx(
        paragraphs=[
            "LINCOLN POLICE DEPARTMENT",
            "62 Quaker Street",
            "Lincoln, VT 05443",
            "Tel. (802) 453-2190",
            "PERSONNEL ORDER 2026-14",
            "Section 1 - Shift bids (new assignments)",
            "Pryce, Wendell | Officer | L7102 | days | car 4",
            "Quimby, Alma | Sergeant | L7001 | nights | car 1",
            "Section 2 - TraCS record changes",
            "a) Officer Deshawn Farrow (LEO L7014) resigned on 3/2. Remove his TraCS record.",
            "b) Corporal Tess Neary (LEO L7035) was promoted to Sergeant.",
            "Oren Maddox, Chief of Police",
        ]
    )
    got = _by_number(
        _with_attachment(
            "Attached is our personnel order. The changes for TraCS are in Section 2.\n\n"
            "Chief Maddox\n",
            "PO 2026-14.docx",
            memo,
            _DOCX,
        )
    )
    assert set(got) == {"L7014", "L7035"}
    assert got["L7014"]["action"] == "deactivate"
    assert (got["L7035"]["action"], got["L7035"]["title"]) == ("update", "Sergeant")


def test_an_action_table_printed_in_a_pdf_with_rows_apart_is_read_by_its_columns() -> None:
    """A personnel notice printed as a PDF: its columns kept apart by spaces, a blank line
    between its rows; each row's last and first name are those its headings say."""
    from tests.pdfs import text_pdf

    notice = text_pdf(
        [
            ["BRISTOL POLICE DEPARTMENT - TraCS USER CHANGES"],
            [""],
            ["Action", "Rank", "Last", "First", "LEO #", "DPS Username"],
            [""],
            ["ADD", "Officer", "Kemper", "Lowell", "B7311", "lkemper"],
            [""],
            ["REMOVE", "Sergeant", "Ardley", "Noreen", "B7204", "nardley"],
        ]
    )
    got = _by_number(
        _with_attachment(
            "Attached is this month's TraCS change notice. One add, one removal.\n\n"
            "Capt. Oren Maddox\n",
            "notice.pdf",
            notice,
            "pdf",
        )
    )
    assert got["B7311"] == {
        "action": "add",
        "officer_number": "B7311",
        "last_name": "Kemper",
        "first_name": "Lowell",
        "title": "Officer",
        "dps_username": "lkemper",
    }
    assert got["B7204"]["action"] == "deactivate"
    assert (got["B7204"]["last_name"], got["B7204"]["first_name"]) == ("Ardley", "Noreen")


def test_an_action_column_beside_old_and_new_titles_updates_only_its_change_rows() -> None:
    rows: list[list[object]] = [
        ["Action", "Badge", "Surname", "Given Name", "Prior Rank", "New Rank", "Login"],
        ["New hire", "F6031", "Okafor", "Lydia", "", "Officer", "lokafor"],
        ["Promote", "F4410", "Varga", "Dominic", "Officer", "Corporal", ""],
        ["Remove", "F3902", "Ashby", "Colleen", "Sergeant", "", ""],
    ]
    changes = _with_attachment(
        "Hi,\n\nOur changes for this month are on the attached sheet.\n\nOren Maddox\n"
        "Fair Haven Police Department\n",
        "fair haven changes.xlsx",
        build.xlsx(rows),
        _XLSX,
    )
    assert sorted((c.action, c.officer_number) for c in changes) == [
        ("add", "F6031"),
        ("deactivate", "F3902"),
        ("update", "F4410"),
    ]
    got = _by_number(changes)
    assert got["F6031"]["title"] == "Officer"
    assert got["F4410"]["title"] == "Corporal"


def test_a_sheet_s_own_badge_column_is_no_officer_number_beside_the_leo_column() -> None:
    sheet = (
        "Type,Badge,Surname,Given,Rank,New Rank,VT LEO #,Login\n"
        "NEW,41,Hebert,Yvonne,,Deputy,Q5512,yhebert\n"
        "PROMO,17,Caswell,Brody,Deputy,Sergeant,Q3308,\n"
        "TERM,23,Lindqvist,Omar,Deputy,,Q2904,\n"
    )
    changes = _with_attachment(
        "Hello,\n\nThis month's personnel changes are attached.\n\nOren Maddox\n"
        "Rutland County Sheriff's Office\n",
        "changes.csv",
        sheet.encode(),
        "csv",
    )
    assert sorted((c.action, c.officer_number) for c in changes) == [
        ("add", "Q5512"),
        ("deactivate", "Q2904"),
        ("update", "Q3308"),
    ]
    got = _by_number(changes)
    assert got["Q5512"]["title"] == "Deputy"
    assert got["Q3308"]["title"] == "Sergeant"


def test_rows_of_a_full_roster_marked_no_change_ask_for_nothing() -> None:
    got = _changes(
        "Hello,\n\nYearly check of our roster. Two changes; the others are listed so you "
        "can compare.\n\n"
        "Officer Name        Rank        Badge #   Login       Status\n"
        "Quill, Harlan       Sergeant    N7701     hquill      Unchanged\n"
        "Osei, Marisol       Corporal    N7705     mosei       no change - still active\n"
        "Brandvold, Ivo      Officer     N7712     ibrandvold  Remove - retired 10/1\n"
        "Tamsin, Reed        Officer     N7719     rtamsin     New - please add\n\n"
        "Petra Lindahl\n"
    )
    assert sorted((c.action, c.officer_number) for c in got) == [
        ("add", "N7719"),
        ("deactivate", "N7712"),
    ]


def test_a_title_cell_written_old_arrow_new_gives_the_new_title() -> None:
    got = _by_number(
        _changes(
            "Hi DPS,\n\nA few roster changes for Norwich Police Department:\n\n"
            "Change\tName\tRank\tOfficer #\tDPS username\n"
            "ADD\tMorse, Gabe\tOfficer\t14022\tgmorse\n"
            "CHANGE RANK\tSaunders, Julia\tOfficer → Corporal\t13995\tjsaunders\n\n"
            "Thanks,\nPetra Lindahl\n"
        )
    )
    assert got["13995"]["action"] == "update"
    assert got["13995"]["title"] == "Corporal"


def test_a_payroll_export_s_record_type_column_gives_each_row_its_action() -> None:
    """An export whose action column is headed "Transaction Type" ("HIRE", "PROMOTION",
    "SEPARATION"): each row takes its own action, not the add of the first."""
    data = (
        b"Transaction Type,Eff Date,Surname,Given Name,Position,LEO Number,DPS Login\r\n"
        b"HIRE,11/02/2026,Pruitt,Dana,Officer,B8101,dpruitt\r\n"
        b"PROMOTION,11/09/2026,Okafor,Lena,Sergeant,B7710,lokafor\r\n"
        b"SEPARATION,11/15/2026,Varga,Milo,Officer,B6620,mvarga\r\n"
    )
    got = _by_number(
        _with_attachment(
            "Hello,\n\nAttached is this month's personnel export. Please make the TraCS "
            "changes for the rows listed.\n\nOren Maddox\nBristol Police Department\n",
            "bristol export.csv",
            data,
            "csv",
        )
    )
    assert {n: c["action"] for n, c in got.items()} == {
        "B8101": "add",
        "B7710": "update",
        "B6620": "deactivate",
    }


def test_civilian_staff_without_a_number_on_an_hr_separation_list_is_no_change() -> None:
    """An HR list of leavers forwarded for TraCS names a dispatcher with no LEO number
    beside the officers: only the officers' records are switched off."""
    got = _by_number(
        _changes(
            "DPS - passing on our HR list. Please deactivate the two officers in TraCS. "
            "Remove access for the following employees:\n\n"
            "Emp#  Name                 Position         LEO#    Last day\n"
            "2210  Farrow, Deshawn      Police Officer   B7014   11/20/2026\n"
            "2231  Neary, Tess          Corporal         B7035   11/24/2026\n"
            "2290  Salcedo, Ramon       Dispatcher       --      11/18/2026\n\n"
            "Petra Lindahl\n"
        )
    )
    assert set(got) == {"B7014", "B7035"}
    assert all(c["action"] == "deactivate" for c in got.values())


def test_the_ticket_title_column_wins_over_an_hr_position_title() -> None:
    """A sheet with both "Position Title" and "Ticket Title" columns: the title on the
    e-ticket is the ticket column's; a sheet with only "Position Title" gives that one."""
    both: list[list[object]] = [
        ["Action", "Last Name", "First Name", "Position Title", "Ticket Title", "LEO #"],
        ["Hire", "Pruitt", "Dana", "Campus Safety Officer II", "Officer", "B8101"],
    ]
    only: list[list[object]] = [
        ["Action", "Last Name", "First Name", "Position Title", "Prev Title", "LEO #"],
        ["Promotion", "Okafor", "Lena", "Police Sergeant", "Police Officer", "B7710"],
    ]
    note = "Hello,\n\nPlease make these TraCS changes.\n\nOren Maddox\nBristol Police Department\n"
    got = _by_number(_with_attachment(note, "hires.xlsx", build.xlsx(both), _XLSX))
    assert got["B8101"]["title"] == "Officer"
    got = _by_number(_with_attachment(note, "changes.xlsx", build.xlsx(only), _XLSX))
    assert got["B7710"]["action"] == "update"
    assert got["B7710"]["title"] == "Police Sergeant"
