"""Rows of an enrolment roster that were lost or misread: a row ending in words about the
username not given yet, a nickname inside the name, a title with a modifier before a rank
of two words, a number after a label of other words; and lines under a printed roster
(its rule, its record count) that are not officers."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.intake.parse import parse_message

_REQUEST = """\
Good afternoon,

West Hollow Police Department would like to enrol in e-ticketing.

Judiciary code: 0419
Agency name: West Hollow Police Department
Address: 12 Mill Road, West Hollow, VT 05999
Phone: 802-555-0142
Our e-ticket Point-of-Contact is Sgt. Priya Castellano, pcastellano@westhollow.test.

{roster}
Regards,
Bruno Aldana
Chief of Police
"""


def _mail(body: str, txt: str | None = None) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Bruno Aldana <baldana@westhollow.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "e-ticket enrolment"
    msg.set_content(body)
    if txt is not None:
        msg.add_attachment(txt.encode(), maintype="text", subtype="plain", filename="staff.txt")
    return msg.as_bytes()


def _rows(result: object) -> list[tuple[str | None, ...]]:
    return [
        (o.last_name, o.first_name, o.title, o.officer_number, o.dps_username)
        for o in result.officers  # type: ignore[attr-defined]
    ]


def test_row_ending_in_words_about_the_username_keeps_the_officer() -> None:
    """The officer whose username is still to come is kept, and only it is asked for."""
    roster = (
        "Officers:\n"
        "Priya Castellano - Sergeant - WH2P4 - pcastellano\n"
        "Omar Lindqvist - Officer - WH5O1 - he can't recall his DPS login, I'll find out\n"
        "   - Ofc Tess Varga WH7T3 - she's getting her username next week, will forward\n"
        "Ines Mbeki - Officer - WH8I6 - username not issued yet, HR is still processing it\n"
    )
    result = parse_message(_mail(_REQUEST.format(roster=roster)))
    assert _rows(result) == [
        ("Castellano", "Priya", "Sergeant", "WH2P4", "pcastellano"),
        ("Lindqvist", "Omar", "Officer", "WH5O1", None),
        ("Varga", "Tess", "Officer", "WH7T3", None),
        ("Mbeki", "Ines", "Officer", "WH8I6", None),
    ]
    for i in (1, 2, 3):
        assert f"officers[{i}].dps_username" in result.missing
    assert "officers[0].dps_username" not in result.missing


def test_nickname_inside_the_name_is_not_part_of_it() -> None:
    roster = (
        "Officers:\n"
        '- Officer Bartholomew "Bart" Quist, WH3B9, DPS\\bquist\n'
        "- Theodora (Teddy) Oyelaran - Corporal - WH4T2 - toyelaran\n"
    )
    result = parse_message(_mail(_REQUEST.format(roster=roster)))
    assert _rows(result) == [
        ("Quist", "Bartholomew", "Officer", "WH3B9", "bquist"),
        ("Oyelaran", "Theodora", "Corporal", "WH4T2", "toyelaran"),
    ]


def test_modifier_before_a_two_word_rank_and_a_number_after_another_label() -> None:
    roster = (
        "Users:\n"
        "  •  State Game Warden Henrik Solberg — five-char #: WH6H1 — username DPS\\hsolberg\n"
        "  •  State Game Warden Ada Kinsella — WH9A2 — DPS\\akinsella\n"
    )
    result = parse_message(_mail(_REQUEST.format(roster=roster)))
    assert _rows(result) == [
        ("Solberg", "Henrik", "State Game Warden", "WH6H1", "hsolberg"),
        ("Kinsella", "Ada", "State Game Warden", "WH9A2", "akinsella"),
    ]
    assert not any(p.startswith("officers") for p in result.missing)


def test_rule_and_record_count_under_a_printed_roster_are_no_officers() -> None:
    txt = (
        "WEST HOLLOW PD                     STAFF REPORT\n\n"
        "NAME                    RANK         LEO#     USERNAME\n"
        "----------------------  -----------  -------  -----------\n"
        "CASTELLANO, PRIYA       SERGEANT     WH2P4    pcastellano\n"
        "LINDQVIST, OMAR         OFFICER      WH5O1    olindqvist\n"
        "----------------------  -----------  -------  -----------\n"
        "2 record(s) printed.\n"
    )
    body = _REQUEST.format(roster="Our roster is attached (staff.txt).\n")
    result = parse_message(_mail(body, txt))
    assert [o.officer_number for o in result.officers] == ["WH2P4", "WH5O1"]
    assert not any(p.startswith("officers") for p in result.missing)


def test_record_count_line_under_a_roster_in_the_body_is_no_officer() -> None:
    roster = (
        "NAME                     TITLE          VT LEO   NETWORK ID\n"
        "=======================  =============  =======  ==============\n"
        "CASTELLANO, PRIYA        SERGEANT       WH2P4    DPS\\pcastellano\n"
        "LINDQVIST, OMAR          OFFICER        WH5O1    DPS\\olindqvist\n"
        "=== 2 ROWS ===\n"
    )
    result = parse_message(_mail(_REQUEST.format(roster=roster)))
    assert [o.officer_number for o in result.officers] == ["WH2P4", "WH5O1"]
    assert not any(p.startswith("officers") for p in result.missing)


def test_needs_account_in_a_username_cell_is_a_username_still_to_come() -> None:
    roster = (
        "Officers:\n"
        "Officer\nRank\nVT LEO #\nDPS Username\n\n"
        "Priya Castellano\nSergeant\nWH2P4\npcastellano\n\n"
        "Omar Lindqvist\nOfficer\nWH5O1\n(needs account)\n\n"
    )
    result = parse_message(_mail(_REQUEST.format(roster=roster)))
    assert [o.dps_username for o in result.officers] == ["pcastellano", None]
    assert "officers[1].dps_username" in result.missing
    assert not any(p.startswith("officers") for p in result.invalid)


def test_login_beside_the_number_in_brackets_in_one_paragraph_is_read() -> None:
    body = (
        "Good afternoon, West Hollow Police Department would like to enrol in e-ticketing, "
        "our judiciary code is 0419, our address is 12 Mill Road, West Hollow, VT 05999 and "
        "our phone is 802-555-0142, I am designating Sergeant Priya Castellano as our "
        "e-ticket point of contact, and the officers are Sergeant Priya Castellano (WH2P4, "
        "pcastellano) and Officer Omar Lindqvist (WH5O1, olindqvist). Thank you, Bruno "
        "Aldana, Chief of Police\n"
    )
    result = parse_message(_mail(body))
    assert [(o.officer_number, o.dps_username) for o in result.officers] == [
        ("WH2P4", "pcastellano"),
        ("WH5O1", "olindqvist"),
    ]
    assert not any(p.startswith("officers") for p in result.missing)


def test_a_column_the_message_says_holds_the_login_is_read_as_the_username() -> None:
    txt = (
        "NAME                    RANK         LEO#     RMS CODE      PHONE EXT\n"
        "----------------------  -----------  -------  ------------  ---------\n"
        "CASTELLANO, PRIYA       SERGEANT     WH2P4    pcastellano   214\n"
        "LINDQVIST, OMAR         OFFICER      WH5O1    olindqvist    219\n"
    )
    body = _REQUEST.format(
        roster="The staff list is attached. The RMS Code column is each officer's DPS username.\n"
    )
    result = parse_message(_mail(body, txt))
    assert [(o.officer_number, o.dps_username) for o in result.officers] == [
        ("WH2P4", "pcastellano"),
        ("WH5O1", "olindqvist"),
    ]
    assert not any(p.startswith("officers") for p in result.missing)


def test_generational_suffix_written_with_the_name_stays_in_the_last_name() -> None:
    roster = (
        "Officers (name - LEO number - DPS username):\n"
        "- Sgt. Priya Castellano - WH2P4 - pcastellano\n"
        "- Ofc. Desmond Okafor Jr. - WH5D1 - dokafor\n"
        "- Ofc. Tobias Renner III - WH7T3 - trenner\n"
    )
    result = parse_message(_mail(_REQUEST.format(roster=roster)))
    assert [o.last_name for o in result.officers] == ["Castellano", "Okafor Jr.", "Renner III"]
    assert [o.first_name for o in result.officers] == ["Priya", "Desmond", "Tobias"]


def test_a_hash_before_words_is_a_number_still_to_come_and_the_row_is_kept() -> None:
    roster = (
        "Officers (name - LEO number - DPS username):\n"
        "- Sgt. Priya Castellano - WH2P4 - pcastellano\n"
        "- Ofc. Omar Lindqvist - # pending - olindqvist\n"
    )
    result = parse_message(_mail(_REQUEST.format(roster=roster)))
    assert _rows(result)[1] == ("Lindqvist", "Omar", "Officer", None, "olindqvist")
    assert "officers[1].officer_number" in result.missing
    assert "officers[1].dps_username" not in result.missing


def test_a_number_said_to_follow_in_brackets_keeps_the_row_without_a_number() -> None:
    roster = (
        "Roster:\n"
        "Sergeant Priya Castellano   WH2P4   pcastellano\n"
        "Officer Omar Lindqvist   (number to follow)   olindqvist\n"
    )
    result = parse_message(_mail(_REQUEST.format(roster=roster)))
    assert _rows(result) == [
        ("Castellano", "Priya", "Sergeant", "WH2P4", "pcastellano"),
        ("Lindqvist", "Omar", "Officer", None, "olindqvist"),
    ]
    assert "officers[1].officer_number" in result.missing
    assert "officers[1].dps_username" not in result.missing


def test_an_exports_headings_with_words_run_together_are_read() -> None:
    csv = (
        "LastName,FirstName,Rank,OfficerNumber,DPSUsername\n"
        "Castellano,Priya,Sergeant,WH2P4,pcastellano\n"
    )
    msg = EmailMessage()
    msg["From"] = "Bruno Aldana <baldana@westhollow.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "e-ticket enrolment"
    msg.set_content(_REQUEST.format(roster="Our roster is attached.\n"))
    msg.add_attachment(csv.encode(), maintype="text", subtype="csv", filename="roster.csv")
    result = parse_message(msg.as_bytes())
    assert _rows(result) == [("Castellano", "Priya", "Sergeant", "WH2P4", "pcastellano")]
    assert not any(p.startswith("officers") for p in result.missing)


def test_a_txt_roster_saved_as_utf16_is_read_with_its_accents() -> None:
    txt = "Name\tTitle\tOfficer #\tDPS username\r\nAnaïs Bérubé\tSergeant\tWH2A4\taberube\r\n"
    msg = EmailMessage()
    msg["From"] = "Bruno Aldana <baldana@westhollow.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "e-ticket enrolment"
    msg.set_content(_REQUEST.format(roster="Our roster is attached (staff.txt).\n"))
    data = txt.encode("utf-16")  # with its byte-order mark, as Notepad saves "Unicode"
    msg.add_attachment(data, maintype="text", subtype="plain", filename="staff.txt")
    result = parse_message(msg.as_bytes())
    assert _rows(result) == [("Bérubé", "Anaïs", "Sergeant", "WH2A4", "aberube")]


def test_a_txt_export_with_cells_apart_by_bars_is_read() -> None:
    txt = (
        "LAST|FIRST|RANK|LEO_NO|DPS_USER|STATUS\n"
        "CASTELLANO|PRIYA|SERGEANT|WH2P4|pcastellano|FT\n"
        "LINDQVIST|OMAR|OFFICER|WH5O1|olindqvist|PT\n"
    )
    body = _REQUEST.format(roster="Officer list attached.\n")
    result = parse_message(_mail(body, txt))
    assert [o.officer_number for o in result.officers] == ["WH2P4", "WH5O1"]
    assert [o.dps_username for o in result.officers] == ["pcastellano", "olindqvist"]
    assert not any(p.startswith("officers") for p in result.missing)


def test_a_memo_roster_aligned_with_extra_tabs_keeps_its_columns() -> None:
    roster = (
        "OFFICER RECORDS REQUESTED\n"
        "   Last Name\tFirst Name\tRank/Title\tOfficer No.\tDPS Username\n"
        "   Castellano\tPriya\t\tSergeant\tWH2P4\t\tpcastellano\n"
        "   Lu\t\tOmar\t\tOfficer\t\tWH5O1\t\tolu\n"
    )
    result = parse_message(_mail(_REQUEST.format(roster=roster)))
    assert _rows(result) == [
        ("Castellano", "Priya", "Sergeant", "WH2P4", "pcastellano"),
        ("Lu", "Omar", "Officer", "WH5O1", "olu"),
    ]


def test_officers_by_semicolons_inside_one_paragraph_are_read() -> None:
    body = (
        "hey - West Hollow PD wants e-tickets. Judiciary code 0419, phone 802-555-0142. "
        "Officers: me - Chief Bruno Aldana, WH1B1, baldana; Sgt. Priya Castellano, WH2P4, "
        "pcastellano; Ofc Omar Lu, WH5O1, olu. logo is on our website. thx, Bruno\n"
    )
    result = parse_message(_mail(body))
    assert _rows(result) == [
        ("Aldana", "Bruno", "Chief", "WH1B1", "baldana"),
        ("Castellano", "Priya", "Sergeant", "WH2P4", "pcastellano"),
        ("Lu", "Omar", "Officer", "WH5O1", "olu"),
    ]


def test_a_roster_table_nested_in_a_letterhead_layout_table_is_read() -> None:
    cells = "".join(
        f"<tr><td>{a}</td><td>{b}</td><td>{c}</td><td>{d}</td><td>{e}</td></tr>"
        for a, b, c, d, e in (
            ("Last Name", "First Name", "Rank", "Officer Number", "DPS Username"),
            ("Castellano", "Priya", "Sergeant", "WH2P4", "pcastellano"),
            ("Lu", "Omar", "Officer", "WH5O1", "olu"),
        )
    )
    text = _REQUEST.format(roster="Please set up these officers:").replace("\n", "<br>")
    html = (
        "<html><body><table><tr><td>WEST HOLLOW PD<br>Directory</td>"
        f"<td><p>{text}</p><table border=1>{cells}</table></td></tr></table></body></html>"
    )
    msg = EmailMessage()
    msg["From"] = "Bruno Aldana <baldana@westhollow.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "e-ticket enrolment"
    msg.set_content("see HTML")
    msg.add_alternative(html, subtype="html")
    result = parse_message(msg.as_bytes())
    assert [o.officer_number for o in result.officers] == ["WH2P4", "WH5O1"]
    assert [o.last_name for o in result.officers] == ["Castellano", "Lu"]


def test_tbd_with_a_reason_in_the_username_cell_is_a_username_still_to_come() -> None:
    roster = (
        "Name\tRank\tLEO #\tDPS Username\n"
        "Priya Castellano\tSergeant\tWH2P4\tpcastellano\n"
        "Omar Lu\tInvestigator\tWH5O1\tTBD - ADS account pending\n"
    )
    result = parse_message(_mail(_REQUEST.format(roster=roster)))
    assert _rows(result)[1] == ("Lu", "Omar", "Investigator", "WH5O1", None)
    assert "officers[1].dps_username" in result.missing
    assert not any("dps_username" in i.field for i in result.invalid)


def test_an_auxiliary_officers_rank_is_his_title_not_part_of_his_name() -> None:
    roster = "Officers:\n- Auxiliary Officer Mina Halvorsen - WH3M8 - mhalvorsen\n"
    result = parse_message(_mail(_REQUEST.format(roster=roster)))
    assert _rows(result) == [("Halvorsen", "Mina", "Auxiliary Officer", "WH3M8", "mhalvorsen")]


def test_rows_without_a_rank_take_the_title_the_chief_says_they_show() -> None:
    roster = (
        "Officers (name - LEO number - DPS username). Seasonal officers should just show as "
        '"Officer" on the ticket.\n\n'
        "FULL-TIME\n"
        "- Sgt. Priya Castellano - WH2P4 - pcastellano\n\n"
        "SEASONAL\n"
        "- Omar Lu - WH5O1 - olu\n"
        "- Tess Varga - WH7T3 - tvarga\n"
    )
    result = parse_message(_mail(_REQUEST.format(roster=roster)))
    assert [o.title for o in result.officers] == ["Sergeant", "Officer", "Officer"]
    assert not any(p.endswith(".title") for p in result.missing)


def test_a_title_said_of_one_named_officer_is_not_given_to_the_others() -> None:
    roster = (
        'Omar Lu should show as "Corporal" once his promotion goes through.\n\n'
        "- Sgt. Priya Castellano - WH2P4 - pcastellano\n"
        "- Tess Varga - WH7T3 - tvarga\n"
    )
    result = parse_message(_mail(_REQUEST.format(roster=roster)))
    assert [o.title for o in result.officers] == ["Sergeant", None]


def test_numbered_rows_under_a_heading_naming_title_and_name_apart_are_read() -> None:
    """ "1. Lieutenant Ada Brook, WH101, abrook" under "(rank, name, LEO #, login)": the
    item number is the list's, the rank its own cell before the name."""
    roster = (
        "Our officers (rank, name, LEO #, DPS login):\n"
        "1. Sergeant Priya Castellano, WH2P4, pcastellano\n"
        "2. Officer Omar Lindqvist, WH5O1, olindqvist\n"
        "3) Detective Tess Varga, WH7T3, tvarga\n"
    )
    result = parse_message(_mail(_REQUEST.format(roster=roster)))
    assert _rows(result) == [
        ("Castellano", "Priya", "Sergeant", "WH2P4", "pcastellano"),
        ("Lindqvist", "Omar", "Officer", "WH5O1", "olindqvist"),
        ("Varga", "Tess", "Detective", "WH7T3", "tvarga"),
    ]


def test_the_writer_pointing_at_his_own_row_is_read_with_the_others() -> None:
    """ "Chief Bruno Aldana (me) -- LEO# ...": the "(me)" is the writer's aside, no field."""
    roster = (
        "officers:\n"
        "- Sgt. Priya Castellano -- LEO# WH2P4 -- DPS user pcastellano\n"
        "- Chief Bruno Aldana (me) -- LEO# WH1B9 -- DPS user baldana\n"
    )
    result = parse_message(_mail(_REQUEST.format(roster=roster)))
    assert _rows(result) == [
        ("Castellano", "Priya", "Sergeant", "WH2P4", "pcastellano"),
        ("Aldana", "Bruno", "Chief", "WH1B9", "baldana"),
    ]


def test_a_bracketed_note_that_the_number_is_not_issued_keeps_the_row() -> None:
    """ "[LEO # not issued yet - came over from Maine, the academy is on it]": the note's
    first clause says the number is not given, the rest (commas and all) says why."""
    roster = (
        "Officers:\n"
        "Castellano, Priya, Sergeant, WH2P4, pcastellano\n"
        "Lindqvist, Omar, Officer, [LEO # not issued yet - came over from Maine, the academy"
        " is on it], olindqvist\n"
    )
    result = parse_message(_mail(_REQUEST.format(roster=roster)))
    assert _rows(result) == [
        ("Castellano", "Priya", "Sergeant", "WH2P4", "pcastellano"),
        ("Lindqvist", "Omar", "Officer", None, "olindqvist"),
    ]
    assert "officers[1].officer_number" in result.missing


def test_values_of_an_officer_line_parted_by_dot_leaders() -> None:
    """ "Cpl. Søren Aubé ........ WH512 .... saube": the dot leaders part the name, the
    number and the username as a comma would."""
    roster = (
        "Please set up these officers:\n\n"
        "    Cpl. Søren Aubé .................. WH512 .... saube\n"
        "    Officer Inès Morin-Dufour ........ WH538 .... imorindufour\n"
        "    Officer Élodie Tran ............... 00461 .... etran\n\n"
    )
    result = parse_message(_mail(_REQUEST.format(roster=roster)))
    assert _rows(result) == [
        ("Aubé", "Søren", "Corporal", "WH512", "saube"),
        ("Morin-Dufour", "Inès", "Officer", "WH538", "imorindufour"),
        ("Tran", "Élodie", "Officer", "00461", "etran"),
    ]


def test_a_suffix_after_the_last_name_of_a_last_first_row() -> None:
    """ "Delacroix Jr., Anselm - ...": the last name written first keeps its suffix, and
    the first name after the comma is the first name."""
    roster = (
        "Officers (Last, First - Rank - LEO# - login):\n"
        "Delacroix Jr., Anselm - Corporal - WH620 - adelacroix\n"
        "Okafor III, Tobenna - Officer - WH633 - tokafor\n\n"
    )
    result = parse_message(_mail(_REQUEST.format(roster=roster)))
    assert _rows(result) == [
        ("Delacroix Jr.", "Anselm", "Corporal", "WH620", "adelacroix"),
        ("Okafor III", "Tobenna", "Officer", "WH633", "tokafor"),
    ]


def test_a_short_form_after_the_first_name_of_a_last_first_row() -> None:
    """ "Prescott, Katherine (Katie) – Sergeant – ...": the short form in brackets after
    the first name is no part of the name, and the row is read."""
    roster = (
        "Officers (Last, First – Rank – LEO# – login):\n"
        "Prescott, Katherine (Katie) – Sergeant – WH701 – kprescott\n"
        "Mbeki, Thandiwe – Officer – WH709 – tmbeki\n\n"
    )
    result = parse_message(_mail(_REQUEST.format(roster=roster)))
    assert _rows(result) == [
        ("Prescott", "Katherine", "Sergeant", "WH701", "kprescott"),
        ("Mbeki", "Thandiwe", "Officer", "WH709", "tmbeki"),
    ]


def test_rows_of_a_rank_take_the_fuller_title_the_chief_gives_them() -> None:
    """ "All deputies should show as "Deputy Sheriff" on the ticket": the deputies' rows
    take it; a sergeant's row keeps its own title."""
    roster = (
        "Officers:\n"
        "- Sgt. Pavla Novak, WH801, pnovak\n"
        "- Deputy Idris Kamau, WH806, ikamau\n"
        "- Deputy Lucie Fortier, WH812, lfortier\n\n"
        '(All deputies should show as "Deputy Sheriff" on the ticket.)\n\n'
    )
    result = parse_message(_mail(_REQUEST.format(roster=roster)))
    assert [o.title for o in result.officers] == ["Sergeant", "Deputy Sheriff", "Deputy Sheriff"]


def test_a_row_whose_number_is_said_not_given_keeps_the_officer() -> None:
    """ "Lindqvist, Omar - Officer - (none given) - olindqvist": the row gives his rank
    and login; the number it says is not given is asked for, not the whole officer."""
    roster = (
        "Officers:\n"
        "Castellano, Priya - Sergeant - WH2P4 - pcastellano\n"
        "Lindqvist, Omar - Officer - (none given) - olindqvist\n\n"
    )
    result = parse_message(_mail(_REQUEST.format(roster=roster)))
    assert _rows(result) == [
        ("Castellano", "Priya", "Sergeant", "WH2P4", "pcastellano"),
        ("Lindqvist", "Omar", "Officer", None, "olindqvist"),
    ]
    assert "officers[1].officer_number" in result.missing
