"""Roster changes that move an officer between agencies, and messages asking for changes
of several kinds: the receiving agency's own request to move a record, action-labelled
lines, a hire named after a departure, a marriage told by the new name, the writer's own
record, a memo or personnel notice attached beside the body's own change."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.data import build
from tests.pdfs import text_pdf
from tests.reading_mail import dumped, mail


def _read(body: str, sender: str = "Sgt. Ines Varga <ivarga@lowellvt.test>") -> tuple:
    result = parse_message(mail(body, sender=sender, subject="TraCS records"))
    assert result.intent == "officer_maintenance"
    return result.agency.name, dumped(result.changes)


def test_the_receiving_agency_asks_in_a_second_paragraph_to_move_the_record() -> None:
    """The officer is named in one paragraph, the request ("move her record to our
    agency") in the next: one update moving the record to the writer's agency, which is
    the message's agency too (not the one she comes from, named first)."""
    agency, got = _read(
        "Hello,\n\nOfficer Dana Quimby came to us from the Eden Police Department on "
        "March 3. Her officer number stays LW419 and her DPS username is unchanged "
        "(dquimby).\n\nPlease move her TraCS officer record to our agency and change her "
        "title from Officer to Deputy.\n\nThanks,\nInes Varga\nLamoille Valley Sheriff's "
        "Office\n12 Main Street, Lowell, VT 05847\n"
    )
    assert agency == "Lamoille Valley Sheriff's Office"
    assert got == [
        {
            "action": "update",
            "officer_number": "LW419",
            "last_name": "Quimby",
            "first_name": "Dana",
            "agency": "Lamoille Valley Sheriff's Office",
            "title": "Deputy",
            "dps_username": "dquimby",
        }
    ]


def test_an_officer_who_left_another_agency_and_joined_us_is_moved_not_deactivated() -> None:
    agency, got = _read(
        "Hi,\n\nDeputy Omar Baptiste has left the Jay Police Department and joined us as "
        "of 4/2. He keeps officer number 7JB21 and his DPS username stays obaptiste.\n\n"
        "Please move his TraCS officer record over to our agency.\n\nThank you,\n\nInes Varga\n"
        "Lamoille Valley Sheriff's Office\n"
    )
    assert agency == "Lamoille Valley Sheriff's Office"
    assert [(c["action"], c["officer_number"], c.get("agency")) for c in got] == [
        ("update", "7JB21", "Lamoille Valley Sheriff's Office")
    ]
    assert got[0]["dps_username"] == "obaptiste"


def test_action_labelled_lines_are_each_an_item() -> None:
    """ "ADD: ..." lines without bullets under a lead-in, one with a short number: each
    line is a change of its own, the label no part of the name."""
    _, got = _read(
        "Please make these changes:\n\n"
        "ADD: Ranger Tomas Ek, LR071, DPS username tek\n"
        "ADD: Ranger Ivy Sall, LR72, DPS username isall\n"
        "UPDATE: Ranger Mae Hollis is now Mae Hollis-Grant. Officer number LR044, "
        "username stays mhollis.\n"
        "DEACTIVATE: Ranger Lou Pratt, LR018 (retired)\n"
    )
    assert [(c["action"], c["officer_number"], c.get("last_name")) for c in got] == [
        ("add", "LR071", "Ek"),
        ("add", "LR72", "Sall"),
        ("update", "LR044", "Hollis-Grant"),
        ("deactivate", "LR018", "Pratt"),
    ]
    assert got[2]["dps_username"] == "mhollis"


def test_a_replacement_named_after_a_departure_is_added() -> None:
    _, got = _read(
        "Officer Rhea Tully (NW102) resigned, please deactivate her. Replacing her is "
        "Officer Sam Oduya, NW105, DPS username soduya.\n\nChief Lind\n"
    )
    assert [(c["action"], c["officer_number"]) for c in got] == [
        ("deactivate", "NW102"),
        ("add", "NW105"),
    ]


def test_an_appointed_constable_is_added() -> None:
    _, got = _read(
        "Hi,\n\nConstable Earl Mott (GT011) retired, so please remove him.\n\nThe "
        "Selectboard appointed Rosa Delgado-Finch as constable. Her officer number is GT014 "
        "and her DPS username is rdelgadofinch.\n"
    )
    assert [(c["action"], c["officer_number"]) for c in got] == [
        ("deactivate", "GT011"),
        ("add", "GT014"),
    ]


def test_a_marriage_told_by_the_new_name_is_an_update_beside_an_add() -> None:
    """A message that also asks to add someone: the officer who "is now Rosa
    Lind-Perry" is renamed, not added, and keeps the username written beside her."""
    _, got = _read(
        "Two changes.\n\nFirst, Deputy Rosa Lind (WS081) was married in May and is now "
        "Rosa Lind-Perry. Her DPS username is unchanged (rlind).\n\nSecond, please add "
        "our newest deputy, Deputy Kai Moss, officer number WS097, DPS username kmoss.\n"
    )
    assert [(c["action"], c["officer_number"]) for c in got] == [
        ("update", "WS081"),
        ("add", "WS097"),
    ]
    assert got[0]["last_name"] == "Lind-Perry"
    assert got[0]["dps_username"] == "rlind"


def test_an_item_updating_the_writers_own_record_carries_his_name() -> None:
    _, got = _read(
        "Good morning,\n\nAs of May 1 I lead the department, following Chief Hal Voss's "
        "retirement. Please make the following updates:\n\n"
        "1. Deactivate Chief Voss's officer record (DV001).\n"
        "2. Update my own record (DV014, now Lieutenant) to show my title as Chief.\n",
        sender="Nico Ferrante <nferrante@dovervt.test>",
    )
    assert [(c["action"], c["officer_number"]) for c in got] == [
        ("deactivate", "DV001"),
        ("update", "DV014"),
    ]
    assert (got[1]["first_name"], got[1]["last_name"]) == ("Nico", "Ferrante")


def test_an_item_about_the_writers_title_in_his_record_carries_his_name() -> None:
    _, got = _read(
        "Hello,\n\nTwo changes please:\n\n"
        "1. Deactivate Officer Hal Voss, DV001 (resigned).\n"
        "2. I already have a record (DV014), but my title there is still Officer. "
        "I made Corporal last month, so please update it.\n",
        sender="Nico Ferrante <nferrante@dovervt.test>",
    )
    assert (got[1]["officer_number"], got[1]["first_name"], got[1]["last_name"]) == (
        "DV014",
        "Nico",
        "Ferrante",
    )


def test_a_memo_attached_for_a_hire_beside_a_deactivation_in_the_body() -> None:
    memo = build.docx(
        paragraphs=[
            "MEMORANDUM",
            "Re: New hire",
            "Please have DPS create a TraCS officer record for our newest officer:",
            "Name: Pia Okafor-Lund",
            "Title: Officer",
            "VT LEO number: PX241",
            "DPS username: pokaforlund",
        ]
    )
    raw = build.eml(
        text="Hi,\n\nThe chief's memo is attached: please create a record for our new hire."
        "\n\nAlso, please deactivate Officer Ben Ruel (PX230). His last day was May 2.\n\n"
        "Sgt. Ines Varga\nPutney Police Department\n",
        sender="Ines Varga <ivarga@putneyvt.test>",
        subject="New hire and a departure",
        attachments=[("Memo.docx", "application/octet-stream", memo)],
    )
    got = dumped(parse_message(raw).changes)
    assert [(c["action"], c["officer_number"], c.get("last_name")) for c in got] == [
        ("deactivate", "PX230", "Ruel"),
        ("add", "PX241", "Okafor-Lund"),
    ]


def test_a_personnel_notice_set_out_double_spaced_is_the_request() -> None:
    """A notice whose labelled lines stand a blank line apart, under its letterhead: its
    one officer is deactivated, and the letterhead names the agency."""
    notice = text_pdf(
        [
            ["ESSEX COUNTY SHERIFF'S OFFICE"],
            [""],
            ["PERSONNEL ACTION NOTICE"],
            [""],
            ["Employee:  Rufus Okoro"],
            [""],
            ["Rank / Title:  Deputy Sheriff"],
            [""],
            ["Officer #:  EX027"],
            [""],
            ["DPS Username:  rokoro"],
            [""],
            ["Action:  Resignation"],
            [""],
            ["Systems:  TraCS - deactivate officer record"],
        ]
    )
    raw = build.eml(
        text="See attached. Okoro resigned, please shut off his access.\n\n-EQ\n",
        sender="Eli Quint <equint@essexsheriff.test>",
        subject="PAN",
        attachments=[("PAN.pdf", "application/pdf", notice)],
    )
    result = parse_message(raw)
    got = dumped(result.changes)
    assert [(c["action"], c["officer_number"], c.get("last_name")) for c in got] == [
        ("deactivate", "EX027", "Okoro")
    ]
    assert result.agency.name == "Essex County Sheriff's Office"


def test_a_tally_sentence_beside_a_named_chief_is_no_change_of_hers() -> None:
    """ "Chief Ada Roy asked me to send it over. Two new officers and one retirement.":
    the chief neither retires nor is hired."""
    sheet = build.xlsx(
        [
            ["Change", "Last", "First", "Title", "Officer No.", "DPS Username"],
            ["New", "Wynn", "Cole", "Officer", "CX301", "cwynn"],
            ["Separation", "Hale", "Norm", "Sergeant", "CX109", "nhale"],
        ]
    )
    raw = build.eml(
        text="Good morning,\n\nAttached is our quarterly roster update. Chief Ada Roy asked "
        "me to send it over. One new officer and one retirement.\n\nHanna Tran\nRecords\n"
        "Corinth Police Department\n",
        sender="Hanna Tran <htran@corinthvt.test>",
        subject="Roster update",
        attachments=[
            (
                "roster.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                sheet,
            )
        ],
    )
    got = dumped(parse_message(raw).changes)
    assert [(c["action"], c["officer_number"]) for c in got] == [
        ("add", "CX301"),
        ("deactivate", "CX109"),
    ]


def test_a_signature_line_of_two_cells_names_the_agency_in_its_own_cell() -> None:
    """ "Records Clerk<tab>Hollis Police Department": the title's cell is no part of the
    agency's name."""
    agency, _ = _read(
        "Hi,\n\nPlease deactivate Officer Ned Vale (HO230). He resigned.\n\nThanks,\n\n"
        "Ines Varga\nRecords Clerk\tHollis Police Department\n(802) 555-0110\n"
    )
    assert agency == "Hollis Police Department"


def test_a_sergeant_appointed_point_of_contact_is_no_new_officer() -> None:
    _, got = _read(
        "Hi,\n\nPlease deactivate Officer Ned Vale (HO230), he resigned.\n\nSgt. Ivy Roe "
        "(HO211) has been appointed as our e-ticket point of contact.\n\nThanks,\nInes\n"
    )
    assert [(c["action"], c["officer_number"]) for c in got] == [("deactivate", "HO230")]


def test_a_departure_told_in_its_own_short_sentence_is_kept() -> None:
    _, got = _read(
        "Hi,\n\nOfficer Jane Lusk has been with us since 2009. Retired Friday, please "
        "deactivate.\n\nInes\n"
    )
    assert [(c["action"], c.get("last_name")) for c in got] == [("deactivate", "Lusk")]


def test_a_constable_shutting_off_his_own_account_is_named_from_the_header() -> None:
    _, got = _read(
        "Hello,\nMy term as constable ends in May. Please shut off my e-ticket account, "
        "officer # RX041.\nThank you\nAmos Pell\n",
        sender="Amos Pell <apell1958@mail.test>",
    )
    assert got == [
        {
            "action": "deactivate",
            "officer_number": "RX041",
            "first_name": "Amos",
            "last_name": "Pell",
        }
    ]


def test_a_number_only_deactivation_beside_the_writers_own_login_trouble_is_not_his() -> None:
    _, got = _read(
        "Hi,\n\nPlease deactivate RX055, he resigned.\n\nAlso my login has stopped "
        "working since Monday.\n\nAmos\n",
        sender="Amos Pell <apell1958@mail.test>",
    )
    assert [(c["action"], c["officer_number"], c.get("last_name")) for c in got] == [
        ("deactivate", "RX055", None)
    ]
