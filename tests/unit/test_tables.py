"""Officer tables in every shape a sender pastes them."""

from __future__ import annotations

import pytest

from mailbot.intake.model import Officer
from mailbot.intake.officer_fields import OFFICER_FIELDS
from mailbot.intake.rules import Rules, load_rules
from mailbot.intake.table_headings import column_key
from mailbot.intake.tables import officers_from_grid, officers_from_text


@pytest.fixture(scope="module")
def rules() -> Rules:
    return load_rules()


def rows(officers: list[Officer]) -> list[tuple[str | None, ...]]:
    return [
        (o.last_name, o.first_name, o.title, o.officer_number, o.dps_username) for o in officers
    ]


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("Officer Last Name", "last_name"),
        ("Surname", "last_name"),
        ("Given", "first_name"),
        ("Rank/Title", "title"),
        ("Job Title", "title"),
        ("LEO #", "officer_number"),
        ("Badge #", "officer_number"),
        ("Justice System ID", "officer_number"),
        ("VT LEO Number", "officer_number"),
        ("DPS Username", "dps_username"),
        ("Domain username", "dps_username"),
        ("Legal Name", "full_name"),
        ("Date of birth", None),
    ],
)
def test_column_headings_are_recognised(rules: Rules, heading: str, key: str | None) -> None:
    """Common column headings map to the officer field they name; others are ignored."""
    assert column_key(heading, rules) == key


def test_first_name_and_middle_initial_column(rules: Rules) -> None:
    """A records system's "FIRST / MI" column is the first name (its initial kept), in a
    fixed-width block under a dashed rule: no officer is asked for his first name."""
    text = (
        "SURNAME        FIRST / MI     RANK        LEO NO.   DPS USER\n"
        "-------------- -------------- ----------- --------- ----------\n"
        "TREMBLAY       MARC A.        SERGEANT    WD014     mtremblay\n"
        "NGUYEN         LINH           OFFICER     WD031     lnguyen\n"
    )
    assert rows(officers_from_text(text, rules)) == [
        ("TREMBLAY", "MARC A.", "SERGEANT", "WD014", "mtremblay"),
        ("NGUYEN", "LINH", "OFFICER", "WD031", "lnguyen"),
    ]
    assert column_key("First Name & MI", rules) == "first_name"


def test_tab_table(rules: Rules) -> None:
    """A table pasted from Word (TAB-separated) is read row by row, blank cells as None."""
    text = (
        "Officer Last Name\tOfficer First Name\tOfficer Rank/Title\tOfficer Number\tDPS Username\n"
        "Lussier\tAmy\tSergeant\tHA014\talussier\n"
        "Brown\tKevin\t\tHA022\tkbrown\n"
    )
    assert rows(officers_from_text(text, rules)) == [
        ("Lussier", "Amy", "Sergeant", "HA014", "alussier"),
        ("Brown", "Kevin", None, "HA022", "kbrown"),
    ]


def test_space_aligned_table_with_blank_cell(rules: Rules) -> None:
    """Columns aligned with spaces are cut at the heading positions, so a blank cell stays blank."""
    text = (
        "Last Name   First Name   Rank       LEO #    Username\n"
        "Smith       John         Officer    12345    jsmith\n"
        "Doe         Jane                    HP204    jdoe\n"
    )
    assert rows(officers_from_text(text, rules)) == [
        ("Smith", "John", "Officer", "12345", "jsmith"),
        ("Doe", "Jane", None, "HP204", "jdoe"),
    ]


def test_pipe_table_with_separator(rules: Rules) -> None:
    """A markdown table is read and its |---| separator row skipped."""
    text = "| Surname | Given | Badge # |\n|---|---|---|\n| Roy | Luc | AB123 |\n"
    assert rows(officers_from_text(text, rules)) == [("Roy", "Luc", None, "AB123", None)]


def test_one_cell_per_line(rules: Rules) -> None:
    """Outlook's plain text of a table (one cell per line) is regrouped into rows."""
    text = (
        "Last Name\nFirst Name\nTitle\nOfficer Number\nDPS Username\n"
        "Abbott\nKim\nSergeant\nST501\nkabbott\n\n"
        "Lavoie\nMarc\nOfficer\nST502\nmlavoie\n\n"
        "Thank you,\nPaul Russo\n"
    )
    assert rows(officers_from_text(text, rules)) == [
        ("Abbott", "Kim", "Sergeant", "ST501", "kabbott"),
        ("Lavoie", "Marc", "Officer", "ST502", "mlavoie"),
    ]


@pytest.mark.parametrize("name", ["Smith, John A.", "John A. Smith"])
def test_legal_name_column_is_split(rules: Rules, name: str) -> None:
    """A single Legal Name column is split into last and first name in either order."""
    text = f"Legal Name\tBadge #\n{name}\tAB123\n"
    assert rows(officers_from_text(text, rules)) == [("Smith", "John A.", None, "AB123", None)]


def test_table_ends_at_blank_line(rules: Rules) -> None:
    """Text after the table (a blank line, then prose) is not read as officers."""
    text = "Last\tFirst\tBadge\nRoy\tLuc\tAB123\n\nThanks\tfor\tyour help\n"
    assert rows(officers_from_text(text, rules)) == [("Roy", "Luc", None, "AB123", None)]


def test_prose_with_tabs_is_not_a_table(rules: Rules) -> None:
    """A line of prose that happens to contain tabs is not taken for a table heading."""
    text = "Please\tfind the last name\tbelow\nRoy\tLuc\tAB123\n"
    assert officers_from_text(text, rules) == []


def test_grid_from_attachment(rules: Rules) -> None:
    """A spreadsheet grid is read from its heading row, in any column order."""
    grid = [
        ["Roster", "", ""],
        ["DPS User", "Badge #", "Name"],
        ["lroy", "AB123", "Luc Roy"],
        ["", "", ""],
    ]
    assert rows(officers_from_grid(grid, rules)) == [("Roy", "Luc", None, "AB123", "lroy")]


def test_an_officer_row_has_the_procedures_fields_in_its_order(rules: Rules) -> None:
    """An officer of `mailbot parse --json` and an officer read from a table carry the
    same fields, in the procedure's order."""
    assert list(Officer().model_dump()) == list(OFFICER_FIELDS)
    grid = [
        ["Last Name", "First Name", "Rank/Title", "Officer Number", "DPS Username"],
        ["Smith", "John", "Officer", "HP001", "jsmith"],
    ]
    (read,) = officers_from_grid(grid, rules)
    assert list(read.model_dump()) == list(OFFICER_FIELDS)
    assert read.model_dump() == dict(zip(OFFICER_FIELDS, grid[1], strict=True))


def test_a_heading_with_a_note_in_brackets(rules: Rules) -> None:
    """ "DPS Login (state.vt account)": the heading before its bracketed note."""
    grid = [
        ["Last", "First", "Rank", "LEO #", "DPS Login (state.vt account)"],
        ["Quimby", "Marta", "Deputy", "OC221", "mquimby"],
    ]
    assert rows(officers_from_grid(grid, rules)) == [
        ("Quimby", "Marta", "Deputy", "OC221", "mquimby")
    ]
    assert column_key("Notes (optional)", rules) is None


def test_a_labelled_heading_on_a_bulleted_line(rules: Rules) -> None:
    """The label before the column names stands on a list's line ("* List of officers:
    Job Title, ..."): the columns are still the heading's, the title among them."""
    text = (
        "  *   List of officers: Job Title, Legal Name, Justice system ID, DPS domain username\n"
        "      Sergeant William Hoyt, R8230, DPS\\whoyt\n"
        "      Deputy Kathleen Mayo, R8244, DPS\\kmayo\n"
    )
    assert rows(officers_from_text(text, rules)) == [
        ("Hoyt", "William", "Sergeant", "R8230", "whoyt"),
        ("Mayo", "Kathleen", "Deputy", "R8244", "kmayo"),
    ]


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("Trooper #", "officer_number"),
        ("Constable No.", "officer_number"),
        ("Working Title", "title"),
        ("Official Rank", "title"),
        ("Previous Rank", None),  # the value on record, not the officer's to read
        ("Cell Phone #", None),
    ],
)
def test_a_known_heading_under_a_rank_or_a_qualifier_keeps_its_field(
    rules: Rules, heading: str, key: str | None
) -> None:
    assert column_key(heading, rules) == key


def test_a_ranked_number_column_and_a_working_title_are_read(rules: Rules) -> None:
    text = (
        "Member\tWorking Title\tRanger #\tDPS Login\n"
        "Voss, Tamsin\tPark Ranger II\tPR441\ttvoss\n"
        "Lund, Oskar\tPark Ranger I\tPR507\tolund\n"
    )
    rows = officers_from_text(text, rules)
    assert [(o.last_name, o.title, o.officer_number) for o in rows] == [
        ("Voss", "Park Ranger II", "PR441"),
        ("Lund", "Park Ranger I", "PR507"),
    ]


def test_the_ticket_title_is_read_beside_an_hr_position_title(rules: Rules) -> None:
    grid = [
        ["LAST", "FIRST", "POSITION_TITLE", "TICKET_TITLE", "VT_LEO", "DPS_USERNAME"],
        ["Marr", "Ilse", "SECURITY OFFICER II", "Officer", "HQ311", "imarr"],
    ]
    [row] = officers_from_grid(grid, rules)
    assert row.title == "Officer"
