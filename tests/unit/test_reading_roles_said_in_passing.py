"""Who plays which role when the message says it in passing. The writer whose signature
block gives his role with another ("Corporal / e-Ticket PoC", "Records Supervisor, e-ticket
point of contact", the agency's line between name and role), under a first name signed
short, is the Point-of-Contact, on a roster change too; so is the officer who "remains our
e-ticket point of contact". The head a clerk writes for ("on behalf of Chief of Police Kyle
Roe", "on behalf of our Police Chief, William Marsh") is the head, not the clerk who signs;
a chief who forwards his sergeant's draft with "I have reviewed Sgt. Costa's information and
approve" is the head, not the draft's writer."""

from __future__ import annotations

from mailbot.intake.model import ParseResult
from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_SENDER = "Dana Moss <dmoss@riverbendvt.gov>"
_CHANGE = "Hi,\n\nPlease deactivate Officer Tom Reed, #RB114, who retired Friday.\n\n"


def _change(body: str, sender: str = _SENDER, **kw: str) -> ParseResult:
    result = parse_message(mail(body, sender=sender, subject="Retirement - Officer Reed", **kw))
    assert result.intent == "officer_maintenance"
    return result


def _contact(result: ParseResult) -> tuple[str | None, str | None]:
    return result.point_of_contact.name, result.point_of_contact.email


def test_rank_and_poc_on_one_line_under_a_first_name_signed_short() -> None:
    result = _change(
        _CHANGE + "Thanks,\nDana\n\n-- \nDana Moss\nCorporal / e-Ticket PoC\n"
        "Riverbend Police Department\n(802) 555-0190\n"
    )
    assert _contact(result) == ("Dana Moss", "dmoss@riverbendvt.gov")


def test_a_job_then_the_tracs_poc_after_a_bar() -> None:
    result = _change(
        _CHANGE + "Thank you,\nDana\n\nSgt. Dana Moss\nTraining Sergeant | TraCS Point of "
        "Contact\nRiverbend Police Department\ndmoss@riverbendvt.gov\n"
    )
    assert _contact(result) == ("Dana Moss", "dmoss@riverbendvt.gov")


def test_a_job_then_the_poc_after_a_comma() -> None:
    result = _change(
        _CHANGE + "Thanks,\nDana\n\nDana Moss\nRecords Supervisor, e-ticket point of contact\n"
        "Riverbend Police Department\n"
    )
    assert _contact(result) == ("Dana Moss", "dmoss@riverbendvt.gov")


def test_the_agency_line_between_the_name_and_the_role() -> None:
    result = _change(
        _CHANGE + "Thanks\nDana\n\n--\nSgt. Dana Moss\nRiverbend Police Department\n"
        "e-ticket PoC\n12 Elm Street, Riverbend, VT 05001\n"
    )
    assert _contact(result) == ("Dana Moss", "dmoss@riverbendvt.gov")


def test_a_role_line_alone_is_no_label_over_the_agency_below_it() -> None:
    """No sign-off word: "e-Ticket Point of Contact" under "Sgt. Dan Moss" is his role, so
    the PoC is not "Riverbend Police Department"; the From header writes him "Daniel"."""
    result = _change(
        "Please add our new officer, Ofc. Amy Hale, to TraCS. Her officer number is RB118."
        "\n\nDan\n\nSgt. Dan Moss\ne-Ticket Point of Contact\n"
        "Riverbend Police Department\n12 Elm Street, Riverbend, VT 05001\n",
        sender="Moss, Daniel <dmoss@riverbendvt.gov>",
    )
    assert _contact(result) == ("Dan Moss", "dmoss@riverbendvt.gov")


def test_a_role_line_under_another_persons_block_names_no_one_else() -> None:
    """The block's role line names someone else: not the sender."""
    result = _change(
        _CHANGE + "Thanks,\nDana\n\n--\nDana Moss\nPatrol Division\n"
        "TraCS questions: our e-ticket PoC is Lt. Jane Roe\n"
    )
    assert result.point_of_contact.email != "dmoss@riverbendvt.gov"
    assert result.point_of_contact.name != "Dana Moss"


def test_the_poc_who_remains_is_named_in_full_from_the_text() -> None:
    result = _change(
        "Hi,\n\nCorporal Dustin Lanier (LEO RB119) has been promoted to Sergeant effective "
        "June 1. Sgt. Lanier remains our e-ticket point of contact.\n\nThank you,\n"
        "Roger Marcoux\nSheriff\n",
        sender="Roger Marcoux <sheriff@riverbendvt.gov>",
    )
    assert result.point_of_contact.name == "Dustin Lanier"


_AGENCY = (
    "Agency record information:\nJudiciary Code: 0590\n"
    "Name as it should appear: Riverbend Police Department\n"
    "Address: 12 Elm Street, Riverbend, VT 05001\nPhone: 802-555-0190\n\n"
    "Officers:\nRoe, Kyle - Chief - RB001 - kroe\nMoss, Dana - Officer - RB114 - dmoss\n\n"
)


def _enrol(body: str, sender: str, subject: str = "Riverbend PD e-ticket request") -> ParseResult:
    result = parse_message(mail(body, sender=sender, subject=subject))
    assert result.intent == "enrollment"
    return result


def _head(result: ParseResult) -> tuple[str | None, str | None]:
    return result.head_of_department.name, result.head_of_department.title


def test_written_on_behalf_of_the_chief_of_police_by_the_town_manager() -> None:
    result = _enrol(
        "Good morning,\n\nI am writing on behalf of Chief of Police Kyle Roe, who is away at "
        "training this week. The Riverbend Police Department would like to begin issuing "
        "tickets electronically, and the Chief has designated Officer Dana Moss as the "
        "e-ticket point of contact (dmoss@riverbendvt.gov).\n\n" + _AGENCY + "Thank you,\n\n"
        "Ellen Tate\nTown Manager\nTown of Riverbend\n",
        sender="Ellen Tate <etate@riverbendvt.gov>",
    )
    assert _head(result) == ("Kyle Roe", "Chief of Police")
    assert _contact(result) == ("Dana Moss", "dmoss@riverbendvt.gov")


def test_on_behalf_of_our_police_chief_with_a_comma() -> None:
    result = _enrol(
        "Good afternoon,\n\nI am writing on behalf of our Police Chief, Kyle Roe, who is the "
        "Town's only officer. Chief Roe will serve as the e-ticket Point of Contact. He can be "
        "reached at kroe@riverbendvt.gov.\n\n" + _AGENCY + "Regards,\n\nEllen Tate\n"
        "Town Manager\nTown of Riverbend\n",
        sender="Ellen Tate <manager@riverbendvt.gov>",
    )
    assert _head(result) == ("Kyle Roe", "Police Chief")
    assert _contact(result) == ("Kyle Roe", "kroe@riverbendvt.gov")


_DRAFT = (
    "________________________________\nFrom: Moss, Dana <dmoss@riverbendvt.gov>\n"
    "Sent: Tuesday, March 18, 2025 3:41 PM\nTo: Roe, Kyle <kroe@riverbendvt.gov>\n"
    "Subject: DPS eTicket request - draft for your approval\n\nChief,\n\n"
    "Here is what DPS needs. If it looks good can you forward it to them?\n\n"
    "Judiciary Code: 0590\nAgency Name: Riverbend Police Department\n"
    "Address: 12 Elm Street, Riverbend, VT 05001\nPhone: (802) 555-0190\n"
    "Logo: attached\nPoC: Sgt. Dana Moss, dmoss@riverbendvt.gov\n\nOfficers:\n\n"
    "Last Name\tFirst Name\tRank/Title\tOfficer Number\tDPS Username\n"
    "Roe\tKyle\tChief of Police\tRB001\tkroe\nMoss\tDana\tSergeant\tRB015\tdmoss\n"
    "Hale\tAmy\tOfficer\tRB033\tahale\nLord\tIan\tCorporal\tRB028\tilord\n"
    "Wu\tLily\tOfficer\tRB036\tlwu\n\nThanks,\nDana\n\nDana Moss\n"
    "Sergeant | Riverbend Police Department\nDesk (802) 555-0190 x1142 | Cell (802) 555-3307\n"
)


def test_a_chief_who_forwards_and_approves_his_sergeants_draft_is_the_head() -> None:
    result = _enrol(
        "Good morning,\n\nPlease see below. I have reviewed Sgt. Moss's information and "
        "approve Riverbend PD's participation in e-ticketing. Please set us up.\n\n"
        "Regards,\n\nKyle Roe\nChief of Police\nRiverbend Police Department\n\n" + _DRAFT,
        sender="Roe, Kyle <kroe@riverbendvt.gov>",
        subject="FW: DPS eTicket request - draft for your approval",
    )
    assert _head(result) == ("Kyle Roe", "Chief of Police")
    assert _contact(result) == ("Dana Moss", "dmoss@riverbendvt.gov")


def test_a_lieutenant_who_passes_the_draft_on_is_not_made_the_chief() -> None:
    result = _enrol(
        "Good morning,\n\nPlease see below. I have reviewed Sgt. Moss's information and "
        "approve of it. Please set us up.\n\nRegards,\n\nKyle Roe\nLieutenant\n"
        "Riverbend Police Department\n\n" + _DRAFT,
        sender="Roe, Kyle <kroe@riverbendvt.gov>",
        subject="FW: DPS eTicket request - draft for your approval",
    )
    assert result.head_of_department.title != "Chief of Police"
