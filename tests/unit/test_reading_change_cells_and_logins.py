"""Roster changes told in the shapes the thirty-second set showed: a login written bare
after the number, civilian staff and a former rank noted in a change table's cells."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import by_number, mail


def _changes(body: str, subject: str = "roster") -> dict[str | None, dict[str, object]]:
    result = parse_message(
        mail(body, sender="Sgt. Ann Roe <aroe@middleburyvt.test>", subject=subject)
    )
    assert result.intent == "officer_maintenance"
    return by_number(result.changes)


def test_a_login_written_bare_after_the_number_is_the_new_officer_s_username() -> None:
    got = _changes("Pls add Ofc Ray Quinn 52S11 rquinn to Shelburne PD tracs. Thx\n", "new guy")
    assert got["52S11"]["action"] == "add"
    assert got["52S11"]["dps_username"] == "rquinn"


def test_a_word_after_the_number_made_from_no_name_is_no_username() -> None:
    got = _changes("Pls add Ofc Ray Quinn 52S11 tomorrow to Shelburne PD tracs. Thx\n", "new guy")
    assert "dps_username" not in got["52S11"]


def _memo_changes() -> dict[str | None, dict[str, object]]:
    from tests.data import build

    memo = build.docx(
        rows=[
            ["Action", "Name", "Position", "VT LEO #", "DPS User"],
            ["Hire", "Ray Quinn", "Officer", "52S11", "rquinn"],
            ["Hire", "Mia Ford", "Dispatcher (civilian)", "", ""],
            ["Promotion", "Dana Pike", "Sergeant (from Corporal)", "31S07", ""],
            ["Separation", "Lee Hart", "Records Clerk (part-time)", "", ""],
        ],
        paragraphs=["PERSONNEL MEMORANDUM", "The following personnel actions are effective."],
    )
    raw = mail(
        "Hi,\n\nAttached is our monthly personnel memo. Could you make the TraCS changes "
        "for the sworn folks please.\n\nThanks,\nAnn Roe\n",
        sender="Ann Roe <aroe@middleburyvt.test>",
        subject="personnel memo",
        attachments=[
            (
                "memo.docx",
                memo,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            )
        ],
    )
    result = parse_message(raw)
    assert result.intent == "officer_maintenance"
    return by_number(result.changes)


def test_civilian_staff_whose_title_carries_a_note_make_no_change() -> None:
    got = _memo_changes()
    assert sorted(str(n) for n in got) == ["31S07", "52S11"]


def test_a_new_title_noting_the_former_one_in_brackets_is_the_one_before_it() -> None:
    got = _memo_changes()
    assert got["31S07"]["action"] == "update"
    assert got["31S07"]["title"] == "Sergeant"


def test_a_removal_from_here_beside_an_association_with_the_new_agency_moves_the_record() -> None:
    got = _changes(
        "Hello,\n\nDeputy Ray Quinn, LEO 06033, has transferred from us to the Orange County "
        "Sheriff's Office as of Nov 16. Please remove him from Bradford PD and associate him "
        "with Orange County SO. His username stays rquinn.\n\nLt. Ann Roe\nBradford Police "
        "Department\n"
    )
    assert got["06033"]["action"] == "update"
    assert got["06033"]["dps_username"] == "rquinn"


def test_a_removal_from_here_of_an_officer_leaving_for_another_agency_closes_the_record() -> None:
    got = _changes(
        "Hello,\n\nDeputy Ray Quinn, LEO 06033, has left us for the Orange County Sheriff's "
        "Office as of Nov 16. Please remove him from Bradford PD.\n\nLt. Ann Roe\nBradford "
        "Police Department\n"
    )
    assert got["06033"]["action"] == "deactivate"


def test_a_number_forwarded_below_takes_the_rank_and_surname_the_note_names() -> None:
    got = _changes(
        "Please see below - can you deactivate Officer Pike's TraCS record? Thanks.\n\n"
        "Sgt. Ann Roe\nShelburne Police Department\n\n"
        "---------- Forwarded message ---------\n"
        "From: Chief Tom Hale <thale@shelburnevt.test>\n"
        "Date: Mon, Nov 2, 2026 at 4:12 PM\nSubject: FW: resignation\n"
        "To: Ann Roe <aroe@middleburyvt.test>\n\n"
        "Ann - Dana's last day was Friday. Can you have DPS pull her e-ticket access? "
        "Her LEO # is 31S07.\nTH\n\n"
        "-----Original Message-----\nFrom: Dana Pike <dpike@shelburnevt.test>\n"
        "Sent: Wednesday, October 28, 2026 9:03 AM\nTo: Tom Hale <thale@shelburnevt.test>\n"
        "Subject: resignation\n\nChief, please accept this as my notice. My last day will "
        "be Oct 30.\nDana\n",
        "Fwd: FW: resignation",
    )
    assert got["31S07"]["action"] == "deactivate"
    assert got["31S07"]["last_name"] == "Pike"
    assert got["31S07"]["title"] == "Officer"
