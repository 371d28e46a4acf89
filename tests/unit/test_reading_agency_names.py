"""The agency's name as the ticket shows it: a short form ("Police Dept", "PD") read in
one place is the name the same message spells out in full elsewhere (its signature, the
desk's quoted answer, the next sentence); never spelled out when the message does not,
nor when the sender set the short form down as the name (under its label);
the agency an officer moves to in full the same way; and a forwarder's own sign-off
names his agency when the forwarded text does not."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import by_number, mail, roster_changes


def test_a_short_form_in_the_request_is_the_full_name_its_signature_writes() -> None:
    result = parse_message(
        mail(
            "Good morning,\n\nPeacham Police Dept. would like to start on e-tickets.\n\n"
            "Judiciary code 0877\nMain line 802-592-3310\n\n"
            "Officers:\nSgt. Orla Brennan  PC104  obrennan\n"
            "Officer Tobias Wendt  PC111  twendt\n\n"
            "Regards,\nOrla Brennan\nSergeant\nPeacham Police Department\n",
            sender="Orla Brennan <obrennan@peachamvt.test>",
            subject="e-ticket enrollment",
        )
    )
    assert result.intent == "enrollment"
    assert result.agency.name == "Peacham Police Department"


def test_a_town_of_short_form_is_the_name_the_signature_writes_in_full() -> None:
    result = parse_message(
        mail(
            "Hi,\n\nOne change for the Village of Ludgate Police Dept: Officer Hana Olsen "
            "(LG220) was promoted to Corporal.\n\nThank you,\nLt. Mara Quist\n"
            "Ludgate Police Department\n14 Mill St, Ludgate VT 05999\n",
            sender="Mara Quist <mquist@ludgatevt.test>",
            subject="Promotion",
        )
    )
    assert result.intent == "officer_maintenance"
    assert by_number(result.changes)["LG220"]["title"] == "Corporal"
    assert result.agency.name == "Ludgate Police Department"


def test_a_name_set_down_under_its_label_is_kept_as_the_sender_wrote_it() -> None:
    result = parse_message(
        mail(
            "Hello,\n\nWe would like to join the e-ticket program.\n\n"
            "Agency Name: Tamsin Falls Police Dept.\nJudiciary Code: 0866\n"
            "Address: 3 Birch Rd, Tamsin Falls VT 05996\nPhone: 802-555-0142\n\n"
            "Officers:\nChief Ezra Vance  TF001  evance\nOfficer Ida Cole  TF004  icole\n\n"
            "Thanks,\nChief Ezra Vance\nTamsin Falls Police Department\n",
            sender="Ezra Vance <evance@tamsinfallsvt.test>",
            subject="e-ticket enrollment",
        )
    )
    assert result.intent == "enrollment"
    assert result.agency.name == "Tamsin Falls Police Dept."


def test_a_signed_short_form_is_the_full_name_the_desk_s_quoted_answer_gives() -> None:
    result = parse_message(
        mail(
            "Thanks Pat, that was fast.\n\nAlso Ofc. Ivo Marsh was promoted to Sergeant. "
            "His number stays QX301. Can you change his title?\n\n"
            "Chief Lena Dubois\nQuarry Falls Police Dept\n\n"
            "From: DPS eTicket <dps.eTicket@vermont.gov>\nSent: Monday, May 6, 2024 9:00 AM\n"
            "To: Dubois, Lena <ldubois@quarryfallsvt.test>\nSubject: RE: TraCS enrollment\n\n"
            "Chief Dubois,\n\nThe records for the Quarry Falls Police Department are "
            "set up in TraCS.\n\nPat Ames\ne-Ticket Technical Staff\n",
            sender="Lena Dubois <ldubois@quarryfallsvt.test>",
            subject="RE: TraCS enrollment",
            in_reply_to="<desk-answer-1@vermont.gov>",
        )
    )
    assert result.intent == "officer_maintenance"
    assert result.agency.name == "Quarry Falls Police Department"


def test_a_short_form_never_spelled_out_is_left_as_written() -> None:
    result = parse_message(
        mail(
            "Hello,\n\nPlease deactivate Officer Rolf Egan (PX552), he resigned Friday.\n\n"
            "Thanks\nNell Pryor\nPaxton Police Dept\n12 Elm St, Paxton VT 05998\n",
            sender="Nell Pryor <npryor@paxtonvt.test>",
            subject="Resignation",
        )
    )
    assert result.intent == "officer_maintenance"
    assert result.agency.name == "Paxton Police Dept"


def test_the_agency_an_officer_moves_to_is_named_in_full_where_the_item_spells_it() -> None:
    changes = roster_changes(
        mail(
            "Hi,\n\nOfficer Wade Lund (KT418) is transferring to Marlow PD on the 15th. "
            "Please move his record over to Marlow Police Department instead of closing "
            "it.\n\nThanks,\nSgt. Ayla Ross\nKettle Police Department\n",
            sender="Ayla Ross <aross@kettlevt.test>",
            subject="Transfer",
        )
    )
    assert by_number(changes)["KT418"]["agency"] == "Marlow Police Department"


def test_a_forwarder_s_own_sign_off_names_the_agency_above_a_forward() -> None:
    result = parse_message(
        mail(
            "Please shut off Officer Dane Pike's TraCS access, see below from the town. "
            "His LEO number is OB771.\n\nThanks,\nJess\n\nCpl. Jessamy Thorne\n"
            "Oxbow Police Department\n9 Depot St, Oxbow VT 05997\n\n"
            "-----Original Message-----\nFrom: Payroll <payroll@oxbowvt.test>\n"
            "Sent: Monday, April 1, 2024 3:00 PM\nTo: Thorne, Jessamy <jthorne@oxbowvt.test>\n"
            "Subject: Separation - D. Pike\n\nAll,\n\nOfficer Dane Pike's last day with the "
            "Town of Oxbow is April 5. Please remove his system access by then.\n\n"
            "Gil Moreau\nPayroll\nTown of Oxbow\n",
            sender="Jessamy Thorne <jthorne@oxbowvt.test>",
            subject="FW: Separation - D. Pike",
        )
    )
    assert result.intent == "officer_maintenance"
    assert by_number(result.changes)["OB771"]["action"] == "deactivate"
    assert result.agency.name == "Oxbow Police Department"


def test_initials_before_the_suffix_are_the_name_the_signature_writes_in_full() -> None:
    """ "NCC Public Safety" in the request, "North Country College Public Safety" in the
    signature: the initials stand for the words written in full."""
    result = parse_message(
        mail(
            "Hello,\n\nTwo updates for NCC Public Safety:\n\n"
            "1. Officer Lina Pratt (NC014) was promoted to Sergeant.\n"
            "2. Officer Dov Hersh (NC022) has left; please deactivate him.\n\n"
            "Thanks,\nMarta Ivers\nRecords Clerk\nNorth Country College Public Safety\n"
            "12 College Road, Ashby, VT 05990\n",
            sender="Marta Ivers <mivers@ncc.test>",
            subject="Officer updates",
        )
    )
    assert result.intent == "officer_maintenance"
    assert result.agency.name == "North Country College Public Safety"


def test_initials_that_are_not_the_full_names_are_kept_as_written() -> None:
    """The signature names another agency whose capitals are not the initials: the
    name is left as the request writes it."""
    result = parse_message(
        mail(
            "Hello,\n\nOne update for NCC Public Safety: Officer Lina Pratt (NC014) was "
            "promoted to Sergeant.\n\nThanks,\nMarta Ivers\nLakeside County Public Safety\n",
            sender="Marta Ivers <mivers@ncc.test>",
            subject="Officer update",
        )
    )
    assert result.agency.name == "NCC Public Safety"


def test_a_signature_table_cell_beside_the_agency_is_not_part_of_its_name() -> None:
    """A signature laid out as a table (the signer's name and title in one cell, the
    department in the next, a TAB between them in the text): the name is the cell's."""
    result = parse_message(
        mail(
            "Hi,\n\nPlease deactivate Officer Tess Varga (TL033); she retired on Friday.\n\n"
            "Thanks,\nRuth\n\nRuth Okafor Chief of Police\tTilden Police Department\n",
            sender="Ruth Okafor <rokafor@tildenvt.test>",
            subject="Deactivation",
        )
    )
    assert result.agency.name == "Tilden Police Department"


def test_a_short_form_signed_on_a_reply_is_the_full_name_the_quoted_recap_gives() -> None:
    result = parse_message(
        mail(
            "Hello,\n\nHere are the two numbers you asked for.\n\n"
            "Rhea Quill - 7RQ42\nOtto Brand - 7OB51\n\nNew logo attached.\n\n"
            "--\nMoira Tate\nChief of Police, Fernvale Hollow PD\n\n"
            "On 3/2/2025 9:00 AM, DPS - eTicket wrote:\n"
            "> Chief Tate,\n>\n> We still need the officer numbers of Quill and Brand.\n>\n"
            "> What we have so far:\n>   Agency: Fernvale Hollow Police Department\n"
            ">   Judiciary code: 0933\n>\n> DPS e-Ticket Technical Staff\n",
            sender="Moira Tate <mtate@fernvalevt.test>",
            subject="Re: Fernvale Hollow PD - TraCS enrollment",
            in_reply_to="<desk-ask-7@vermont.gov>",
            attachments=[("fernvale.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png")],
        )
    )
    assert result.agency.name == "Fernvale Hollow Police Department"


def test_a_short_form_typed_in_lower_case_is_the_full_name_the_message_also_types() -> None:
    result = parse_message(
        mail(
            "hello. alderbrook police dept would like to start on e tickets. im the chief, "
            "nora pike. jud code 0871 name alderbrook police department address 9 elm st "
            "alderbrook vt 05997 phone 802 555 0148 officers: pike nora chief ab101 npike / "
            "voss ari officer ab107 avoss. logo to follow. thanks nora\n",
            sender="nora <npike@alderbrookvt.test>",
            subject="e tickets alderbrook",
        )
    )
    assert result.intent == "enrollment"
    assert result.agency.name == "Alderbrook Police Department"


_ENROL_VALUES = (
    "Address 4 Elm St, Corwin VT 05999, phone 802-555-0100. Logo to follow.\n\n"
    "Roy, Ann, Sgt, CW201, aroy\nHale, Tom, Chief, CW202, thale\n\nChief Tom Hale\n"
)


def _enrolment_name(opening: str, signature: str = "") -> tuple[str | None, list[str]]:
    result = parse_message(
        mail(
            opening + "\n\n" + _ENROL_VALUES + signature,
            sender="Tom Hale <thale@corwinvt.test>",
            subject="eticket",
        )
    )
    assert result.intent == "enrollment"
    return result.agency.name, result.missing


def test_a_proper_name_said_in_a_sentence_ends_with_the_sentence() -> None:
    name, _ = _enrolment_name(
        "Corwin PD would like to join eticketing. Proper name is Corwin Police Department. "
        "Jud code 0619."
    )
    assert name == "Corwin Police Department"


def test_the_name_the_sender_asks_the_ticket_to_show_wins_over_a_longer_one() -> None:
    name, _ = _enrolment_name(
        "The Town of Corwin Police Department would like to issue tickets electronically. "
        'Our judiciary code is 0619. Please show the name as "Corwin Police Department" '
        "on the ticket."
    )
    assert name == "Corwin Police Department"


def test_a_sample_forms_slot_left_as_sent_is_no_name() -> None:
    name, missing = _enrolment_name(
        "Good morning,\n[Agency Name] would like to start issuing tickets electronically.\n"
        "* The judiciary code assigned to the LEA: 0619\n"
        "* The proper name of the LEA to be displayed on the e-ticket: [Agency Name]"
    )
    assert name is None
    assert "agency.name" in missing


def test_a_name_cut_short_before_an_ampersand_is_the_one_the_signature_writes() -> None:
    result = parse_message(
        mail(
            "Hi team,\n\nOne change for Boat Patrol & Marine Safety:\n\nPlease deactivate "
            "Officer Lena Voss (BP204), she retired.\n\nThanks,\nIra Moss\nCaptain, "
            "Vermont Boat Patrol & Marine Safety Division\n",
            sender="Ira Moss <ira.moss@vermont.gov>",
            subject="Roster change",
        )
    )
    assert result.intent == "officer_maintenance"
    assert result.agency.name == "Vermont Boat Patrol & Marine Safety Division"


def test_a_labelled_name_in_quotation_marks_is_the_name_without_them() -> None:
    for quoted in ("“Dorset Police Department”", '"Dorset Police Department"'):
        raw = mail(
            "Hello,\nDorset PD would like to enrol in e-ticketing.\n\nJudiciary code: 0811\n"
            f"Name on ticket: {quoted}\nAddress: 1 Main St, Dorset, VT 05819\n"
            "Phone: 802 555 0100\n\nOfficers:\nRoy, Ann - Officer - 11230 - aroy\n\n"
            "Chief Bo Dunn\n",
            sender="Bo Dunn <bdunn@dorset.example>",
            subject="e-ticket enrolment",
        )
        assert parse_message(raw).agency.name == "Dorset Police Department"


def test_an_officer_listed_under_two_headings_is_one_officer_as_first_listed() -> None:
    raw = mail(
        "Hi,\n\nDorset PD is ready to start e-ticketing. Judiciary code: 0811\n\n"
        "Supervisors\n  Sgt. Ann Roy        11201   aroy\n  Sgt. Lee Bond       11205   lbond\n\n"
        "Patrol\n  Ofc. Kit Dale       11230   kdale\n  Ofc. Ann Roy        11201   aroy\n\n"
        "Thanks,\nBo Dunn\nChief of Police\n",
        sender="Bo Dunn <bdunn@dorset.example>",
        subject="e-ticket enrolment",
    )
    got = parse_message(raw)
    assert [(o.last_name, o.title, o.officer_number) for o in got.officers] == [
        ("Roy", "Sergeant", "11201"),
        ("Bond", "Sergeant", "11205"),
        ("Dale", "Officer", "11230"),
    ]
