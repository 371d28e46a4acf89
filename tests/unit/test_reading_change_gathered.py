"""A roster change gathers what the whole message says of its officer: the number in
the subject line, a labelled number of another length kept as written, the username in a
sentence after the request; a line that asks nothing makes no change."""

from __future__ import annotations

from mailbot.intake.model import ParseResult
from mailbot.intake.parse import parse_message
from tests.reading_mail import mail


def _parse(body: str, sender: str, subject: str) -> ParseResult:
    return parse_message(mail(body, sender=sender, subject=subject))


def _only(result: ParseResult) -> dict[str, object]:
    assert len(result.changes) == 1
    return result.changes[0].model_dump(exclude_none=True)


def test_the_number_in_the_subject_is_the_new_officers() -> None:
    result = _parse(
        "Please set up our new hire in TraCS - Ptl. Wren Halvorsen, DPS user is "
        "whalvorsen. She starts Thursday.\n\nRegards\nIvo\n",
        "Ivo Stenqvist <istenqvist@pomfretpd.test>",
        "New officer Halvorsen PM604 - Pomfret PD",
    )
    change = _only(result)
    assert change["action"] == "add"
    assert change["officer_number"] == "PM604"
    assert change["dps_username"] == "whalvorsen"


def test_a_labelled_number_of_another_length_is_kept_as_written() -> None:
    result = _parse(
        "Could you add Ofc. Ezra Quimby to TraCS - justice system id 7720, dps username "
        "equimby. He is on nights from Monday.\n\nIvo\nPomfret PD\n",
        "Ivo Stenqvist <istenqvist@pomfretpd.test>",
        "add officer",
    )
    change = _only(result)
    assert change["officer_number"] == "7720"
    assert change["last_name"] == "Quimby"


def test_an_officer_told_for_information_only_gets_no_change() -> None:
    result = _parse(
        "Hi,\n\nTwo items for Pomfret Police Department:\n\n"
        "- NEW: Ofc. Lena Brask, LEO PM611, username lbrask\n"
        "- FYI only: Sgt. Aldo Perrin (PM590) moves to the day shift next month. I don't "
        "think that changes anything on your end.\n\nThanks,\nIvo\n",
        "Ivo Stenqvist <istenqvist@pomfretpd.test>",
        "roster updates",
    )
    change = _only(result)
    assert change["officer_number"] == "PM611"


def test_a_username_said_later_in_the_officers_item_is_his() -> None:
    result = _parse(
        "Hi all,\n\nTwo for Pomfret PD:\n\n1) Ofc. Hal Brekke (PM570) deploys with the "
        "Guard on Mar 3 for about a year. Please deactivate his TraCS record as of that "
        "date, we'll ask for it back when he returns.\n\n2) Ofc. Mira Solberg (PM577) is "
        "back from leave this week. Her record was removed in May when she went out - "
        "can you re-add her? Same username as before, msolberg, still Officer.\n\n"
        "Thanks!\nIvo\nPomfret Police Department\n",
        "Ivo Stenqvist <istenqvist@pomfretpd.test>",
        "Brekke deployment / Solberg return",
    )
    change = next(c for c in result.changes if c.officer_number == "PM577")
    assert change.action == "add"
    assert getattr(change, "dps_username", None) == "msolberg"


def test_a_short_first_name_over_a_forwarded_notice_is_its_officer() -> None:
    """ "Please update Jill's title ... Her number is 12V03." over a forwarded notice of
    "Cpl. Jillian Farnsworth"'s promotion: one change, her names and the number."""
    result = _parse(
        "Please update Jill's title in TraCS to Sergeant, see below. Her number is 12V03.\n\n"
        "Chief Mark Provost\nVergennes Police Department\n\n"
        "From: Ruth Shackett <rshackett@vergennes.test>\n"
        "Sent: Tuesday, February 27, 2024 2:10 PM\n"
        "To: Mark Provost <mprovost@vergennespd.test>\n"
        "Subject: Personnel Action - Farnsworth\n\nAll,\n\n"
        "Effective March 1, 2024, Cpl. Jillian Farnsworth is promoted to the rank of "
        "Sergeant, Vergennes Police Department. Please update your records accordingly.\n\n"
        "Ruth Shackett\nCity Manager's Office\n",
        "Mark Provost <mprovost@vergennespd.test>",
        "FW: Personnel Action - Farnsworth",
    )
    change = _only(result)
    assert change["officer_number"] == "12V03"
    assert (change["last_name"], change["first_name"]) == ("Farnsworth", "Jillian")
    assert change["title"] == "Sergeant"


def test_a_name_ending_its_sentence_leaves_the_period() -> None:
    """ "we hired a new ofc, Sofia Reyes. officer number 35640": "Reyes", not "Reyes."."""
    result = _parse(
        "Hi - one thing for Williston PD.\n\nAlso we hired a new ofc, Sofia Reyes. officer "
        "number 35640, user name sreyes. She's certified so she can start right away.\n\n"
        "Thanks\nSgt Kevin Brault\n",
        "Kevin Brault <kbrault@willistonvt.test>",
        "Roster changes",
    )
    change = _only(result)
    assert change["officer_number"] == "35640"
    assert (change["last_name"], change["first_name"]) == ("Reyes", "Sofia")
