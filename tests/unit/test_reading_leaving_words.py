"""Words of leaving read where they are said of an officer, not of a login: a username
that "no longer works" closes no record, and an officer who "should be taken off" is
switched off even with no number given."""

from __future__ import annotations

from tests.reading_mail import by_number, mail, roster_changes


def test_an_old_login_that_no_longer_works_closes_no_record() -> None:
    body = (
        "Hi,\n\nOfficer Paula Gendron got married. Her name is now Paula Gendron-Ames. "
        "Her officer number stays the same, 30417. Our IT moved her DPS login to "
        "pgendronames on Monday, the old pgendron one no longer works.\n\nThanks,\nRuth\n"
    )
    raw = mail(
        body,
        sender="rcoutu@essexvt.test",
        subject="RE: name change - Officer Gendron",
        in_reply_to="<a1@vermont.test>",
    )
    got = by_number(roster_changes(raw))
    assert got["30417"]["action"] == "update"
    assert got["30417"]["last_name"] == "Gendron-Ames"
    assert got["30417"]["dps_username"] == "pgendronames"


def test_an_officer_who_should_be_taken_off_is_switched_off_without_a_number() -> None:
    body = (
        "Hello\n\nI was elected 1st Constable for the Town of Jay. Please add me:\n\n"
        "Constable Wayne Blais\nLEO number 2267\nusername wblais\n\n"
        "The former 1st constable Gary Tetreault moved to Florida in April so he should be "
        "taken off. I don't know his number.\n\nWayne Blais\nJay Town Constable\n"
    )
    raw = mail(body, sender="wblais@yahoo.test", subject="constable")
    changes = roster_changes(raw)
    gone = [c for c in changes if c.last_name == "Tetreault"]
    assert [c.action for c in gone] == ["deactivate"]
