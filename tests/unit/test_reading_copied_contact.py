"""The Point-of-Contact the body says is copied on the mail, naming no one ("Our e-ticket
point of contact is copied on this email"): the one person the Cc line names, also when
the Cc line writes "Last, First" without quotes."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_BODY = (
    "Good afternoon,\n\nQuillfield Police Department would like to start issuing tickets "
    "electronically. Our e-ticket point of contact is copied on this email; please work "
    "with him directly.\n\nJudiciary code: 0733\nAddress: 12 Mill Lane, Quillfield, VT 05999\n"
    "Phone: 802-555-0190\n\nOfficers:\nHolm, Dara - Sergeant - QF118 - dholm\n"
    "Lind, Ola - Officer - QF121 - olind\n\nThank you,\nChief Hollis Trask\n"
    "Quillfield Police Department\n"
)


def test_the_one_person_copied_is_the_contact_the_body_says_is_copied() -> None:
    raw = mail(
        _BODY,
        sender="Trask, Hollis <htrask@quillfieldvt.org>",
        subject="e-ticket enrollment",
        cc="Holm, Dara <dholm@quillfieldvt.org>",
    )
    result = parse_message(raw)
    assert result.point_of_contact.name == "Dara Holm"
    assert result.point_of_contact.email == "dholm@quillfieldvt.org"
    assert "point_of_contact.name" not in result.missing


def test_two_people_copied_leave_the_contact_to_staff() -> None:
    raw = mail(
        _BODY,
        sender="Trask, Hollis <htrask@quillfieldvt.org>",
        subject="e-ticket enrollment",
        cc="Holm, Dara <dholm@quillfieldvt.org>, Lind, Ola <olind@quillfieldvt.org>",
    )
    result = parse_message(raw)
    assert result.point_of_contact.name is None


def test_a_last_first_cc_is_one_mailbox() -> None:
    from mailbot.intake.message import read_message

    raw = mail(
        "Hi",
        sender="Hollis Trask <htrask@quillfieldvt.org>",
        subject="x",
        cc="Holm, Dara <dholm@quillfieldvt.org>, olind@quillfieldvt.org",
    )
    parts = read_message(raw)
    assert [a for _, a in parts.cc] == ["dholm@quillfieldvt.org", "olind@quillfieldvt.org"]
    assert parts.cc[0][0] == "Holm, Dara"
