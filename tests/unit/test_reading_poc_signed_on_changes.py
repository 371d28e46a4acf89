"""The writer who names himself the e-ticket Point-of-Contact gives the PoC on any mail, a
roster change as well as an enrolment: by the role line of his signature ("Sgt. Ryan
Paquette" / "e-Ticket Point of Contact"; under a "--" rule; with no sign-off word above
it; from an office mailbox), by the same signature in his own earlier message quoted under
a reply, by a sentence ("I'm the TraCS point of contact"), or as the memo he attaches names
him. A role line that names someone else, or the quoted message of another person, does not
make the sender the PoC."""

from __future__ import annotations

import shutil
from pathlib import Path

from mailbot.intake.model import ParseResult
from mailbot.intake.parse import parse_message
from mailbot.intake.rules import Rules, load_rules
from mailbot.resources import rules_dir
from tests.reading_mail import mail

_R17 = Path(__file__).resolve().parents[1] / "data" / "blind-r17-heldout"
_SENDER = "Dana Moss <dmoss@riverbendvt.gov>"
_CHANGE = "Hi,\n\nPlease deactivate Officer Tom Reed, #RB114, who retired Friday.\n\n"


def _read(body: str, sender: str = _SENDER, rules: Rules | None = None, **kw: str) -> ParseResult:
    subject = kw.pop("subject", "Retirement - Officer Reed")
    result = parse_message(mail(body, sender=sender, subject=subject, **kw), rules=rules)
    assert result.intent == "officer_maintenance"
    return result


def _contact(result: ParseResult) -> tuple[str | None, str | None]:
    return result.point_of_contact.name, result.point_of_contact.email


def test_a_roster_change_signed_by_the_point_of_contact_gives_him() -> None:
    result = _read(
        _CHANGE + "Thanks,\n\nSgt. Dana Moss\ne-Ticket Point of Contact\n"
        "Riverbend Police Department\n(802) 555-0190\n"
    )
    assert _contact(result) == ("Dana Moss", "dmoss@riverbendvt.gov")


def test_the_role_after_a_comma_on_the_signers_own_line() -> None:
    result = _read(
        _CHANGE + "Thanks,\nCpl. Dana Moss, e-ticket PoC\nChief Ray Gould\n"
        "Riverbend Police Department\n(802) 555-0190\n"
    )
    assert _contact(result) == ("Dana Moss", "dmoss@riverbendvt.gov")


def test_the_role_beside_the_agency_under_a_rule_line() -> None:
    result = _read(
        _CHANGE + "Thank you,\n\n--\nOfficer Dana Moss\n"
        "Riverbend Police Department | TraCS Point of Contact\n(802) 555-0190\n"
    )
    assert _contact(result) == ("Dana Moss", "dmoss@riverbendvt.gov")


def test_a_signature_with_no_sign_off_word_above_it() -> None:
    result = _read(
        "Hi,\n\nAttached are our changes. Please deactivate Officer Tom Reed, #RB114.\n\n"
        "Dana Moss\nAdministrative Assistant / e-Ticket PoC\nRiverbend Police Department\n"
    )
    assert _contact(result) == ("Dana Moss", "dmoss@riverbendvt.gov")


def test_an_office_mailbox_is_the_address_of_the_one_who_signs_as_poc() -> None:
    result = _read(
        _CHANGE + "Thanks,\nLt. Marcy Boisvert\ne-Ticket Point of Contact\nRiverbend PD\n",
        sender="Riverbend PD e-Ticket <rbpd.eticket@gmail.com>",
    )
    assert _contact(result) == ("Marcy Boisvert", "rbpd.eticket@gmail.com")


def test_a_role_line_naming_someone_else_does_not_make_the_sender_poc() -> None:
    result = _read(
        _CHANGE + "Thanks,\nSgt. Dana Moss\nPatrol Division\n"
        "TraCS questions: our e-ticket PoC is Lt. Jane Roe\nRiverbend Police Department\n"
    )
    assert result.point_of_contact.name != "Dana Moss"
    assert result.point_of_contact.email != "dmoss@riverbendvt.gov"


def test_a_sentence_naming_the_writer_the_tracs_point_of_contact() -> None:
    result = _read(
        _CHANGE + "I'm the TraCS point of contact for Riverbend PD now that Sgt. Hale has "
        "left.\n\nThanks,\nDana Moss\nRiverbend Police Department\n"
    )
    assert _contact(result) == ("Dana Moss", "dmoss@riverbendvt.gov")


def test_the_programs_a_poc_is_for_come_from_the_rules(tmp_path: Path) -> None:
    """Without "TraCS" among ``poc_programs`` the sentence names no PoC (the behaviour is
    data in rules/language.toml)."""
    folder = tmp_path / "rules"
    shutil.copytree(rules_dir(), folder)
    language = folder / "language.toml"
    language.write_text(
        language.read_text().replace('poc_programs = ["TraCS", ', "poc_programs = [")
    )
    result = _read(
        _CHANGE + "I'm the TraCS point of contact for Riverbend PD now that Sgt. Hale has "
        "left.\n\nThanks,\nDana Moss\nRiverbend Police Department\n",
        rules=load_rules(folder),
    )
    assert _contact(result) == (None, None)


_OWN_EARLIER = (
    "Hi,\n\nHis DPS username is mbell2. Sorry I left that off!\n\nDana\n\n"
    "On Mon, Feb 10, 2025 at 11:20 AM {who} wrote:\n"
    "> Hello,\n>\n> We have a new officer starting Monday. Can you please add him to TraCS?\n"
    ">\n> Officer Marcus Bell\n> Officer # RB117\n>\n> Thanks,\n> {name}\n"
    "> Administrative Coordinator / TraCS PoC\n> Riverbend Police Department\n"
)


def test_a_reply_under_his_own_request_signed_as_poc() -> None:
    body = _OWN_EARLIER.format(who="Dana Moss <dmoss@riverbendvt.gov>", name="Dana Moss")
    result = _read(body, subject="Re: New officer - Riverbend PD", in_reply_to="<a1@x>")
    assert _contact(result) == ("Dana Moss", "dmoss@riverbendvt.gov")


def test_a_quoted_message_of_another_person_does_not_make_the_sender_poc() -> None:
    body = _OWN_EARLIER.format(who="Jane Roe <jroe@riverbendvt.gov>", name="Jane Roe")
    result = parse_message(
        mail(body, sender=_SENDER, subject="Re: New officer - Riverbend PD", in_reply_to="<a>")
    )
    assert result.point_of_contact.name != "Dana Moss"
    assert result.point_of_contact.email != "dmoss@riverbendvt.gov"


def test_the_memo_attached_names_the_poc() -> None:
    """ic-011: "Questions may be directed to our e-ticket Point of Contact, Sgt. Renee Costa
    (rcosta@hartford-vt.org)" in the chief's PDF memo the sergeant sends on."""
    raw = (_R17 / "ic-011-pdf-memo-hartford.eml").read_bytes()
    result = parse_message(raw)
    assert result.intent == "officer_maintenance"
    assert _contact(result) == ("Renee Costa", "rcosta@hartford-vt.org")


def test_a_role_line_naming_the_agency_after_the_role_gives_the_writer_in_full() -> None:
    """ "e-Ticket PoC, Riverbend Police Department" under "Sgt. Dan Moss": the agency after
    the comma is no person; the writer is the PoC, his name as the From header writes it."""
    result = _read(
        "Hi,\n\nPlease deactivate Officer Tom Reed, #RB114. He retired Friday and turned "
        "in his gear with me yesterday. Thanks!\n\n"
        "Sgt. Dan Moss\ne-Ticket PoC, Riverbend Police Department\n",
        sender="Daniel Moss <dmoss@riverbendvt.gov>",
    )
    assert _contact(result) == ("Daniel Moss", "dmoss@riverbendvt.gov")
