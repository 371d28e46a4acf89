"""Roster changes and contacts in the shapes of the thirty-second set's misses: an
officer who "should be removed from TraCS" is switched off, and a head who "would like"
an officer, his address in brackets, "to be the new PoC" names the PoC."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.pdfs import text_pdf
from tests.reading_mail import by_number, mail, roster_changes


def test_an_officer_to_be_removed_from_tracs_is_switched_off() -> None:
    body = (
        "Hi,\n\nA couple of roster items:\n\n"
        "- Lt. Gail Brenner (LEO 41Q07) should be removed from TraCS.\n"
        "- Ofc. Tom Pike (LEO 41Q11) needs his title changed from Officer to Corporal.\n\n"
        "Thanks,\nDana Roe\nTown Administrator\n"
    )
    raw = mail(body, sender="droe@quillvt.test", subject="roster changes")
    got = by_number(roster_changes(raw))
    assert got["41Q07"]["action"] == "deactivate"
    assert got["41Q07"]["last_name"] == "Brenner"
    assert got["41Q11"]["action"] == "update"


def test_an_officer_a_head_would_like_as_the_new_poc_with_his_address_beside() -> None:
    body = (
        "Hello,\n\n- Chief Lyle Ober (LEO 41Q02) retired and should be removed.\n"
        "- Chief Marsh would like Corporal Ida Quinn (iquinn@quillvt.test) to be the new "
        "PoC going forward.\n\nThank you,\nDana Roe\nTown Administrator\n"
    )
    result = parse_message(mail(body, sender="droe@quillvt.test", subject="change of chief"))
    assert result.point_of_contact.name == "Ida Quinn"
    assert result.point_of_contact.email == "iquinn@quillvt.test"


def test_officers_added_to_the_named_agency_record_are_adds_not_an_enrolment() -> None:
    body = (
        "Good morning,\n\nPlease add the following game wardens to the Fish & Wildlife "
        "Warden Service agency record:\n\n"
        "Last Name\tFirst Name\tTitle\tLEO #\tDPS Username\n"
        "Ashby\tNora\tWarden\t71W01\tnashby\n"
        "Pelham\tOwen\tWarden\t71W02\topelham\n\n"
        "Thank you,\nCol. Dale Ferris\nVT Fish & Wildlife\n"
    )
    raw = mail(body, sender="dale.ferris@vermont.test", subject="Add wardens")
    got = by_number(roster_changes(raw))
    assert got["71W01"]["action"] == "add"
    assert got["71W02"]["last_name"] == "Pelham"


def test_a_row_with_a_six_character_number_and_a_doubting_aside_takes_the_lead_in() -> None:
    body = (
        "DPS,\n\nOur summer officers are done for the year. Please deactivate:\n\n"
        "  Ofc. Lena Marsh      44K219   (sorry if thats wrong, it is from her old badge)\n"
        "  Ofc. Cole Avery      44K22\n"
        "  Ofc. Ian Brook       44K23\n\n"
        "Sgt. Rob Tull\nQuillfield Police Dept.\n"
    )
    raw = mail(body, sender="rtull@quillvt.test", subject="Seasonal officers")
    got = by_number(roster_changes(raw))
    assert got["44K219"]["action"] == "deactivate"
    assert got["44K219"]["last_name"] == "Marsh"
    assert got["44K22"]["action"] == "deactivate"
    assert got["44K23"]["action"] == "deactivate"


def test_a_writer_who_resigned_as_a_rank_gives_it_as_his_records_title() -> None:
    body = (
        "To whom it concerns,\n\nI have resigned as Constable for the Town of Quillfield "
        "as of Oct 1. Please remove my e-ticket access. My number is 52Q07.\n\n"
        "Thank you\nWalt Emery\n"
    )
    raw = mail(body, sender='"Walt Emery" <w.emery1960@mail.test>', subject="remove me")
    got = by_number(roster_changes(raw))
    assert got["52Q07"] == {
        "action": "deactivate",
        "officer_number": "52Q07",
        "first_name": "Walt",
        "last_name": "Emery",
        "title": "Constable",
    }


def test_a_username_label_with_two_qualifiers_joined_by_a_slash_on_a_form() -> None:
    body = (
        "Hi,\n\nThe chief asked me to send the attached personnel action form so the new "
        "officer can get a TraCS record.\n\nPat Lowe\nIT Support\n"
    )
    form = text_pdf(
        [
            ["TOWN OF QUILLFIELD - PERSONNEL ACTION FORM"],
            ["Department: Quillfield Police Department"],
            ["Action: NEW HIRE (Sworn)"],
            ["Employee: Officer Mara Lind"],
            ["Position Title: Police Officer"],
            ["VT LEO Number: 52Q11"],
            ["Network/DPS Username: mlind"],
            ["Effective Date: 10/05/2026"],
            ["Approved: Chief Ron Tate"],
            ["Payroll Code: 2110-PD  Grade: P1 Step 1"],
        ],
        column_width=300,
    )
    raw = mail(
        body,
        sender="plowe@quilltech.test",
        subject="Quillfield PD - new officer TraCS record",
        attachments=[("PAF_Lind.pdf", form, "application/pdf")],
    )
    got = by_number(roster_changes(raw))
    assert got["52Q11"]["action"] == "add"
    assert got["52Q11"]["dps_username"] == "mlind"


def test_an_agency_joined_keeps_its_unit_named_after_a_dash() -> None:
    body = (
        "Good afternoon,\n\nDeputy Lou Park (QC118, lpark) has left Quill County Sheriff's "
        "Department and joined the Quillfield Public Safety - Police Division as an "
        "Officer as of 11/1. Can his TraCS officer record be moved to Quillfield? Same LEO "
        "number.\n\nSgt. Ada Munro\nQuillfield Public Safety\n"
    )
    raw = mail(body, sender="amunro@quillvt.test", subject="Officer transfer - L. Park")
    got = by_number(roster_changes(raw))
    assert got["QC118"]["action"] == "update"
    assert got["QC118"]["agency"] == "Quillfield Public Safety - Police Division"


def test_a_new_hire_given_a_former_officers_number_is_only_added() -> None:
    body = (
        "Hello,\n\nOdd one. The academy re-issued LEO number 00391 to our new hire, "
        "Officer Jay Pratt. That number used to belong to Sgt. Al Moss, who retired back "
        "in 2018 - he should already be inactive, but if his old record is still out there "
        "under 00391 please make sure it's closed out.\n\n"
        "Please add:\nOfficer Jay Pratt, 00391, username jpratt\n\n"
        "Thanks,\nChief Lena Cote\nQuillfield Police Department\n"
    )
    raw = mail(body, sender="lcote@quillvt.test", subject="LEO number reissued")
    changes = roster_changes(raw)
    assert [(c.action, c.officer_number) for c in changes] == [("add", "00391")]
