"""A roster table whose name heading is a merged cell ("Officer Name" spanning two
columns, "Last" and "First" on the row under it, the other headings spanning both
rows), as Outlook and Word lay it out: the name is read from both columns and the
other columns keep their headings."""

from __future__ import annotations

from mailbot.intake.rules import load_rules
from mailbot.intake.tables import officers_from_grid, officers_from_text


def _rows(officers):  # type: ignore[no-untyped-def]
    return [
        (o.last_name, o.first_name, o.title, o.officer_number, o.dps_username) for o in officers
    ]


_EXPECTED = [
    ("Quimby", "Marta", "Deputy", "OC221", "mquimby"),
    ("Ostrowski", "Paul", "Sergeant", "OC207", "postrowski"),
]


def test_merged_name_heading_in_an_html_grid() -> None:
    grid = [
        ["Officer Name", "Rank", "LEO #", "DPS Login", "Remarks"],
        ["Last", "First"],
        ["Quimby", "Marta", "Deputy", "OC221", "mquimby", "Nights"],
        ["Ostrowski", "Paul", "Sergeant", "OC207", "postrowski"],
    ]
    assert _rows(officers_from_grid(grid, load_rules())) == _EXPECTED


def test_merged_name_heading_in_tab_separated_text() -> None:
    text = (
        "Officer Name\tRank\tLEO #\tDPS Login\tRemarks\n"
        "Last\tFirst\n"
        "Quimby\tMarta\tDeputy\tOC221\tmquimby\tNights\n"
        "Ostrowski\tPaul\tSergeant\tOC207\tpostrowski\n"
    )
    assert _rows(officers_from_text(text, load_rules())) == _EXPECTED


def test_an_ordinary_first_row_is_not_a_sub_heading() -> None:
    grid = [
        ["Officer Name", "Rank", "LEO #"],
        ["Marta Quimby", "Deputy", "OC221"],
    ]
    assert _rows(officers_from_grid(grid, load_rules())) == [
        ("Quimby", "Marta", "Deputy", "OC221", None)
    ]


def test_a_former_title_in_brackets_is_not_part_of_the_title() -> None:
    """ "Sergeant (was Cpl)" in a title cell: the title is Sergeant."""
    grid = [
        ["Last", "First", "Title", "LEO #"],
        ["Quimby", "Marta", "Sergeant (was Cpl)", "OC221"],
        ["Ostrowski", "Paul", "Lieutenant (formerly Sergeant)", "OC207"],
    ]
    assert [o.title for o in officers_from_grid(grid, load_rules())] == ["Sergeant", "Lieutenant"]


def _html_mail(table: str) -> bytes:
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["From"] = "Chief Ada Morrow <amorrow@eastfield.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "e-ticket enrolment"
    msg.set_content("see HTML")
    msg.add_alternative(
        "<html><body><p>Eastfield Police Department would like to enrol in e-ticketing."
        "</p><p>Judiciary code: 0521</p><p>Please set up these officers:</p>"
        f"{table}<p>Ada Morrow<br>Chief of Police</p></body></html>",
        subtype="html",
    )
    return msg.as_bytes()


def test_merged_cells_of_an_html_table_keep_every_column_in_place() -> None:
    from mailbot.intake.parse import parse_message

    table = (
        "<table><tr><td rowspan=2>#</td><td rowspan=2>&nbsp;</td><td colspan=3>Deputy</td>"
        "<td rowspan=2>Title</td><td rowspan=2>LEO #</td><td rowspan=2>DPS Login</td></tr>"
        "<tr><td>Last</td><td>First</td><td>M.I.</td></tr>"
        "<tr><td>1</td><td>&nbsp;</td><td>Quimby</td><td>Marta</td><td>J.</td>"
        "<td>Deputy</td><td>OC221</td><td>mquimby</td></tr>"
        "<tr><td>2</td><td>&nbsp;</td><td>Ostrowski</td><td>Paul</td><td></td>"
        "<td>Sergeant</td><td>OC207</td><td>postrowski</td></tr></table>"
    )
    assert _rows(parse_message(_html_mail(table)).officers) == _EXPECTED


def test_a_merged_name_heading_over_last_and_first_in_html() -> None:
    from mailbot.intake.parse import parse_message

    table = (
        "<table><tr><td colspan=2>Officer Name</td><td rowspan=2>Rank</td>"
        "<td rowspan=2>LEO #</td><td rowspan=2>DPS Login</td></tr>"
        "<tr><td>Last</td><td>First</td></tr>"
        "<tr><td>Quimby</td><td>Marta</td><td>Deputy</td><td>OC221</td><td>mquimby</td></tr>"
        "<tr><td>Ostrowski</td><td>Paul</td><td>Sergeant</td><td>OC207</td>"
        "<td>postrowski</td></tr></table>"
    )
    assert _rows(parse_message(_html_mail(table)).officers) == _EXPECTED


def test_a_heading_cell_spanning_two_rows_names_its_column() -> None:
    """ "Rank" spans both heading rows (an HTML rowspan) beside "Deputy" over "Last |
    First": its column is blank on the lower row and is read as the title."""
    grid = [
        ["Deputy", "", "Rank", "For TraCS", ""],
        ["Last", "First", "", "LEO #", "DPS Login"],
        ["Quimby", "Marta", "Deputy", "OC221", "mquimby"],
        ["Ostrowski", "Paul", "Sergeant", "OC207", "postrowski"],
    ]
    assert _rows(officers_from_grid(grid, load_rules())) == _EXPECTED


def test_a_merged_officer_cell_over_last_and_first_beside_a_grouped_number_cell() -> None:
    """ "Officer" merged over "Last | First" and "For Tickets" over "Badge # | DPS
    Login", "Rank" spanning both heading rows; the plain-text copy of the message lost
    the merged cells' columns: every officer's name, number and login are read."""
    from email.message import EmailMessage

    from mailbot.intake.parse import parse_message

    msg = EmailMessage()
    msg["From"] = "Chief Ada Morrow <amorrow@eastfield.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "e-ticket enrolment"
    msg.set_content(
        "Eastfield Police Department would like to enrol in e-ticketing.\n"
        "Judiciary code: 0521\n\n"
        "Officer\tRank\tFor Tickets\tRemarks\n"
        "Last\tFirst\tBadge #\tDPS Login\n"
        "Quimby\tMarta\tDeputy\tOC221\tmquimby\n"
        "Ostrowski\tPaul\tSergeant\tOC207\tpostrowski\tnights\n\n"
        "Ada Morrow\nChief of Police\n"
    )
    msg.add_alternative(
        "<html><body><p>Eastfield Police Department would like to enrol in e-ticketing."
        "</p><p>Judiciary code: 0521</p><table><tr><td colspan=2>Officer</td>"
        "<td rowspan=2>Rank</td><td colspan=2>For Tickets</td><td rowspan=2>Remarks</td>"
        "</tr><tr><td>Last</td><td>First</td><td>Badge #</td><td>DPS Login</td></tr>"
        "<tr><td>Quimby</td><td>Marta</td><td>Deputy</td><td>OC221</td><td>mquimby</td>"
        "<td></td></tr><tr><td>Ostrowski</td><td>Paul</td><td>Sergeant</td><td>OC207</td>"
        "<td>postrowski</td><td>nights</td></tr></table>"
        "<p>Ada Morrow<br>Chief of Police</p></body></html>",
        subtype="html",
    )
    result = parse_message(msg.as_bytes())
    assert _rows(result.officers) == _EXPECTED
    assert not [m for m in result.missing if m.startswith("officers")]
