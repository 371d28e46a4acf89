"""A line said to the head above the writer's name ("Chief, please reply-all to confirm."
over "Ian Roe" / "Tech Services") is no title of the writer's: the head is the Chief the
message names, not the contractor who signs."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail


def test_a_sentence_to_the_chief_over_the_signer_is_not_his_title() -> None:
    body = (
        "Hi e-Ticket team,\n\nI'm the IT contractor for the Elmford Police Department. "
        "Chief Ron Delorme (cc'd) has asked that the department be enrolled in e-ticketing "
        "and designated me as PoC - Ian Roe, iroe@northtech.com.\n\nAgency info:\n"
        "  Elmford Police Department\n  Judiciary code 0588\n"
        "  12 Mill Street, Elmford, VT 05999\n  802-555-0131\n\nUsers:\n"
        "  Delorme, Ron - Chief - EF001 - rdelorme\n  Dubuc, Paul - Officer - EF014 - pdubuc\n\n"
        "Chief, please reply-all to confirm.\n\nIan Roe\nNorth Tech Services\n"
    )
    got = parse_message(
        mail(
            body,
            sender="Ian Roe <iroe@northtech.com>",
            subject="Elmford PD - TraCS enrollment",
            cc="Ron Delorme <rdelorme@elmfordpd.org>",
        )
    )
    assert got.head_of_department.name == "Ron Delorme"
    assert got.head_of_department.title == "Chief"
