"""The head who introduces himself by his title alone ("I'm Interim Chief for ..."): the
writer's words for himself are no name; the head is the one who signs."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail


def test_writers_own_words_before_a_title_are_not_the_heads_name() -> None:
    body = (
        "Hello,\n\nI'm Interim Chief for Quillfield PD. We would like to enroll in "
        "e-ticketing.\n\nJudiciary Code - 0917\nQuillfield Police Department\n"
        "12 Mill Lane, Quillfield, VT 05999\n802-555-0190\n\n"
        "Trask, Hollis - Officer - QF001 - htrask\nRoy, Ann - Sergeant - QF014 - aroy\n\n"
        "Hollis Trask\n"
    )
    result = parse_message(
        mail(body, sender="Hollis Trask <htrask@quillfieldvt.org>", subject="enrollment")
    )
    assert result.head_of_department.name == "Hollis Trask"
