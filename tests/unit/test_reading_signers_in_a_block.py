"""A signature that lists several people a line each, each with an address or a phone
("Chief Hollis Trask | htrask@... | 802-..." / "Sgt. Dara Holm, Patrol | dholm@..."):
the head is the one who signs with a head's title, whoever sends the mail."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail


def test_the_head_among_several_people_signing() -> None:
    body = (
        "Good morning,\n\nQuillfield Police Department would like to start issuing tickets "
        "electronically. Sgt. Dara Holm will be our e-ticket Point-of-Contact.\n\n"
        "Judiciary code: 0733\n12 Mill Lane, Quillfield, VT 05999\nMain line: 802-555-0190\n\n"
        "Officers:\nHolm, Dara - Sergeant - QF118 - dholm\n"
        "Lind, Ola - Officer - QF121 - olind\n\nThank you,\n\nQuillfield Police Department\n"
        "Sgt. Dara Holm, Patrol | dholm@quillfieldvt.org | 802-555-0193\n"
        "Chief Hollis Trask | htrask@quillfieldvt.org | 802-555-0191\n"
        "Pat Orne, Records Clerk | records@quillfieldvt.org | 802-555-0190\n"
    )
    raw = mail(body, sender="QPD Records <records@quillfieldvt.org>", subject="e-ticket")
    result = parse_message(raw)
    assert result.head_of_department.name == "Hollis Trask"
    assert result.head_of_department.title == "Chief"
    assert "head_of_department.name" not in result.missing
