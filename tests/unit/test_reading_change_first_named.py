"""A roster change completed from the rest of the message: the title an update asks for
when "her title reads" it, and the first name written before the officer's last name
elsewhere ("... has appointed Lieutenant Ann Roy to succeed me")."""

from __future__ import annotations

from tests.reading_mail import by_number, mail, roster_changes


def test_update_title_that_reads_and_first_name_said_elsewhere() -> None:
    body = (
        "Good morning,\n\nI am retiring at the end of May. The Board has appointed "
        "Lieutenant Annette Roy to succeed me as Chief of Police as of June 1.\n\n"
        "For TraCS, please:\n- Deactivate my officer record (Hollis Trask, QF001) as of "
        'May 31.\n- Update Lt. Roy\'s officer record (QF014) so her title reads "Chief" '
        "starting June 1.\n\nHollis Trask\nChief of Police\nQuillfield Police Department\n"
    )
    raw = mail(body, sender="Hollis Trask <htrask@quillfieldvt.org>", subject="Retirement")
    changes = by_number(roster_changes(raw))
    assert changes["QF014"]["title"] == "Chief"
    assert changes["QF014"]["first_name"] == "Annette"
    assert changes["QF001"]["first_name"] == "Hollis"


def test_no_first_name_taken_from_a_rank_or_an_instruction() -> None:
    body = (
        "Hello,\n\nPlease update Officer Roy's record (QF014): her title should read "
        "Sergeant from June 1. Update Roy in TraCS when you can.\n\nHollis Trask\n"
        "Chief of Police\nQuillfield Police Department\n"
    )
    raw = mail(body, sender="Hollis Trask <htrask@quillfieldvt.org>", subject="Promotion")
    changes = by_number(roster_changes(raw))
    assert changes["QF014"]["title"] == "Sergeant"
    assert "first_name" not in changes["QF014"]
