"""An officer's number told apart from the change asked of him: a clerk's note over a
forwarded list of changes giving the numbers the list lacks, and an officer's labelled
lines under the paragraph asking to move his record. One change each, of the action
asked, carrying the number."""

from __future__ import annotations

from mailbot.intake.model import ParseResult
from mailbot.intake.parse import parse_message
from tests.reading_mail import dumped, mail


def _parse(body: str, sender: str, subject: str) -> ParseResult:
    return parse_message(mail(body, sender=sender, subject=subject))


def test_numbers_looked_up_by_the_forwarder_go_to_the_quoted_changes() -> None:
    result = _parse(
        "Hello,\n\nSending this on for the Sheriff. I found the numbers he left out: "
        "Dale Kimura is 4R7T2 and Nina's is 4Q8W3.\n\nThanks,\nPam Ostrowski\nOffice "
        "Manager\nGrafton County Sheriff's Office\n\n-----Original Message-----\nFrom: "
        "Voss, Harold <hvoss@graftonsheriff.test>\nSent: Monday, March 2, 2026 9:10 AM\n"
        "To: Ostrowski, Pam <postrowski@graftonsheriff.test>\nSubject: roster\n\nPam - "
        "please send these to DPS:\n\n- new hire Evan Pruitt, LEO 4E1K6, set him up\n"
        "- Cpl. Dale Kimura retires Friday, take him off after that\n"
        "- Nina Sorel is now Nina Sorel-Hahn, she wants the new name on her tickets\n\n"
        "Harold\n",
        "Pam Ostrowski <postrowski@graftonsheriff.test>",
        "FW: roster",
    )
    assert result.intent == "officer_maintenance"
    got = {c["officer_number"]: c for c in dumped(result.changes)}
    assert set(got) == {"4E1K6", "4R7T2", "4Q8W3"}
    assert got["4E1K6"]["action"] == "add"
    assert got["4R7T2"]["action"] == "deactivate"
    assert got["4R7T2"]["last_name"] == "Kimura"
    assert got["4Q8W3"]["action"] == "update"
    assert (got["4Q8W3"]["first_name"], got["4Q8W3"]["last_name"]) == ("Nina", "Sorel-Hahn")


def test_an_officers_lines_under_the_paragraph_asking_to_move_her_record() -> None:
    result = _parse(
        "Good morning,\n\nOfficer Rita Okafor has joined the Dover Police Department "
        "after leaving Wilmington PD. She already has a TraCS record from Wilmington. "
        "Could you move her record over to our agency?\n\nName: Rita Okafor\nVT LEO "
        "number: 7J3N5\nDPS username: rokafor\nTitle: Officer\n\nThank you,\nGail Brandt\n"
        "Dover Police Department\n802-555-0142\n",
        "Gail Brandt <gbrandt@dovervt.test>",
        "Officer transfer - Okafor",
    )
    assert result.intent == "officer_maintenance"
    [change] = dumped(result.changes)
    assert change["action"] == "update"
    assert change["officer_number"] == "7J3N5"
    assert change["last_name"] == "Okafor"
    assert change["agency"] == "Dover Police Department"
    assert change["dps_username"] == "rokafor"
