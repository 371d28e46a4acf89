"""The Point-of-Contact in more wordings: the head who holds the role beside another ("I
will serve as both head of department and the e-ticket point of contact"), the PoC named
after her job ("I'd like our records sergeant, Ann Roy, to serve as ..."), a first name
said to hold the role already ("Annette has been our PoC since ..."), the person given the
e-ticket work ("Sgt. Roy will handle the e-ticket setup"), the writer's own address given
after he makes himself the PoC, and a mailbox named for a town's office."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_AGENCY = (
    "Agency name: Quillfield Police Department\nJudiciary code: 0917\n"
    "Address: 12 Mill Lane, Quillfield, VT 05999\nPhone: 802-555-0190\n"
)
_ROSTER = (
    "Officers:\nTrask, Hollis, Chief, QF001, htrask\nRoy, Annette, Sgt., QF014, aroy\n"
    "Birch, Tobin, Officer, QF022, tbirch\n"
)
_LOGO = [("logo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png")]


def _read(body: str, sender: str, **kw: str) -> tuple[str | None, str | None, list[str]]:
    raw = mail(body, sender=sender, subject="e-ticket enrollment", attachments=_LOGO, **kw)
    result = parse_message(raw)
    return result.point_of_contact.name, result.point_of_contact.email, result.missing


def test_head_serving_as_head_and_the_point_of_contact() -> None:
    body = (
        "Hello,\n\nQuillfield PD would like to start e-ticketing. Until a permanent chief "
        "is hired I will serve as both head of department and the e-ticket point of "
        "contact, so please send everything to me here.\n\n"
        + _AGENCY
        + "\n"
        + _ROSTER
        + "\nThanks,\n"
        "Hollis Trask\nActing Chief of Police\n"
    )
    name, email, missing = _read(body, "Hollis Trask <htrask@quillfieldvt.org>")
    assert (name, email) == ("Hollis Trask", "htrask@quillfieldvt.org")
    assert "point_of_contact.name" not in missing


def test_another_role_and_the_poc_words_before_a_verb_are_not_the_writer() -> None:
    body = (
        "Hello,\n\nQuillfield PD would like to start e-ticketing. I will be sending the "
        "roster and the e-ticket point of contact is Sgt. Annette Roy, aroy@quillfieldvt.org."
        "\n\n" + _AGENCY + "\n" + _ROSTER + "\nThanks,\nHollis Trask\nChief of Police\n"
    )
    name, email, _ = _read(body, "Hollis Trask <htrask@quillfieldvt.org>")
    assert (name, email) == ("Annette Roy", "aroy@quillfieldvt.org")


def test_poc_named_after_her_job_between_commas() -> None:
    body = (
        "Hello,\n\nWe would like to begin issuing tickets electronically. I'd like our "
        "records sergeant, Annette Roy, to serve as the e-ticket point of contact. You can "
        "reach her at aroy@quillfieldvt.org.\n\n" + _AGENCY + "\n" + _ROSTER + "\nHollis "
        "Trask\nChief of Police\n"
    )
    name, email, _ = _read(body, "Hollis Trask <chief.trask@quillfieldvt.org>")
    assert (name, email) == ("Annette Roy", "aroy@quillfieldvt.org")


def test_first_name_that_has_been_the_poc_on_a_roster_change() -> None:
    body = (
        "Good morning,\n\nI am retiring at the end of the month and the Board has appointed "
        "Lieutenant Annette Roy to follow me as Chief.\n\nPlease deactivate my officer record "
        "(Hollis Trask, QF001) as of May 31.\n\nAnnette has been our e-ticket point of contact "
        "for two years and she will stay in that role. Her email is aroy@quillfieldvt.org.\n\n"
        "Hollis Trask\nChief of Police\nQuillfield Police Department\n"
    )
    raw = mail(body, sender="Hollis Trask <htrask@quillfieldvt.org>", subject="Retirement")
    result = parse_message(raw)
    assert result.intent == "officer_maintenance"
    assert result.point_of_contact.name == "Annette Roy"
    assert result.point_of_contact.email == "aroy@quillfieldvt.org"


def test_person_given_the_e_ticket_work_is_the_poc() -> None:
    body = (
        "Hello,\n\nQuillfield Police Department is ready to start writing e-tickets.\n\n"
        "Sgt. Roy will handle the e-ticket setup and the testing with you; any problems on "
        "our end should go to her. I've copied her here.\n\n"
        + _AGENCY
        + "\n"
        + _ROSTER
        + "\nHollis Trask\nChief, Quillfield PD\n"
    )
    name, email, missing = _read(
        body, "Hollis Trask <chief@quillfieldvt.org>", cc="Annette Roy <aroy@quillfieldvt.org>"
    )
    assert (name, email) == ("Annette Roy", "aroy@quillfieldvt.org")
    assert "point_of_contact.name" not in missing


def test_writer_as_poc_gives_his_office_address_in_a_later_sentence() -> None:
    body = (
        "Good evening,\n\nQuillfield PD would like to start e-ticketing. I will be the "
        "e-ticket point of contact myself. I'm writing from home tonight; for anything "
        "e-ticket related please use my office address, htrask@quillfieldvt.org, not this "
        "one.\n\n" + _AGENCY + "\n" + _ROSTER + "\nThank you,\nHollis Trask\nChief of Police\n"
    )
    name, email, _ = _read(body, "Hollis Trask <hollis.t1961@freemail.test>")
    assert (name, email) == ("Hollis Trask", "htrask@quillfieldvt.org")


def test_mailbox_named_for_the_towns_office_is_not_a_person() -> None:
    body = (
        "Hi,\n\nI'm the constable for the Town of Quillfield and its only officer. I'll be "
        "the contact person for this.\n\nJudiciary code 0917\nAddress: 12 Mill Lane, "
        "Quillfield, VT 05999\nPhone: 802-555-0190\n\nMe: Constable Hollis Trask, officer "
        "number QF001, DPS username htrask\n\nThanks\n\nHollis Trask\nTown Constable, "
        "Quillfield VT\n"
    )
    name, email, _ = _read(body, "Quillfield Constable <constable@quillfieldvt.gov>")
    assert (name, email) == ("Hollis Trask", "constable@quillfieldvt.gov")


def test_poc_designated_as_the_agencys_named_point_of_contact() -> None:
    body = (
        "Hello,\n\nQuillfield PD would like to start e-ticketing. Sgt. Tobin Birch, who "
        "was our old PoC, left in May. I am designating Sgt. Annette Roy as Quillfield "
        "Police Department's TraCS Point-of-Contact; her email is aroy@quillfieldvt.org."
        "\n\n" + _AGENCY + "\n" + _ROSTER + "\nThanks,\nHollis Trask\nChief of Police\n"
    )
    name, email, _ = _read(body, "Hollis Trask <htrask@quillfieldvt.org>")
    assert (name, email) == ("Annette Roy", "aroy@quillfieldvt.org")


def test_point_of_contact_said_to_stay_the_same_person() -> None:
    body = (
        "Hello,\n\nQuillfield PD would like to start e-ticketing. The chief asked me to "
        "say that the point of contact stays Sgt. Annette Roy.\n\n"
        + _AGENCY
        + "\n"
        + _ROSTER
        + "\nThanks,\nHollis Trask\nChief of Police\n"
    )
    name, _, missing = _read(body, "Hollis Trask <htrask@quillfieldvt.org>")
    assert name == "Annette Roy"
    assert "point_of_contact.name" not in missing


def test_writer_not_the_point_of_contact_that_is_someone_else() -> None:
    body = (
        "Hello,\n\nI'm the IT vendor setting up TraCS for Quillfield PD. I am not the "
        "point of contact - that is Sgt. Annette Roy (aroy@quillfieldvt.org), copied.\n\n"
        + _AGENCY
        + "\n"
        + _ROSTER
        + "\nGlen Vaughn\nVaughn Computer Services\n"
    )
    name, email, missing = _read(body, "Glen Vaughn <glen@vaughncs.com>")
    assert (name, email) == ("Annette Roy", "aroy@quillfieldvt.org")
    assert "point_of_contact.name" not in missing


def test_first_name_reported_to_be_the_contact_with_the_writers_address() -> None:
    """A clerk writing for the town: "Annette says she'll be the contact but use my email
    for now": the one Annette listed is the PoC, reached at the clerk's own address."""
    body = (
        "Hello,\n\nWriting for our department, which would like to start e-ticketing.\n\n"
        + _AGENCY
        + "\n"
        + _ROSTER
        + "\nAnnette says she'll be the contact but use my email for now.\n"
        "Thanks, Mona Pike, Town Clerk\n"
    )
    name, email, missing = _read(body, "Town Clerk <clerk@quillfieldvt.org>")
    assert (name, email) == ("Annette Roy", "clerk@quillfieldvt.org")
    assert "point_of_contact.name" not in missing


def test_writer_asked_to_do_the_request_and_act_as_point_of_contact() -> None:
    """ "Chief Trask has asked me to submit our enrollment and act as point of contact":
    the writer, who signs, is the PoC at the address she writes from."""
    body = (
        "Hello,\n\nChief Hollis Trask has asked me to submit our enrollment and act as point"
        " of contact.\n\n" + _AGENCY + "\n" + _ROSTER + "\nRegards,\nSgt. Annette Roy\n"
    )
    name, email, _ = _read(body, "Sgt. Annette Roy <aroy@quillfieldvt.org>")
    assert (name, email) == ("Annette Roy", "aroy@quillfieldvt.org")


def test_person_said_to_be_the_writers_poc() -> None:
    """ "Sgt. Annette Roy is my POC, aroy@...": the head's own PoC, with her address."""
    body = (
        "Hi - Quillfield PD wants in on e-ticketing. Sgt. Annette Roy is my POC, "
        "aroy@quillfieldvt.org.\n\n" + _AGENCY + "\n" + _ROSTER + "\nChief Hollis Trask\n"
    )
    name, email, _ = _read(body, "Hollis Trask <htrask@quillfieldvt.org>")
    assert (name, email) == ("Annette Roy", "aroy@quillfieldvt.org")
