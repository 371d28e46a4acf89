"""Roster changes told in a writer's own words: a username corrected in a clause after
the wrong one ("...; the correct one is X") or "should now be" X, a title of several
words after "title", a rank the officer keeps ("She stays a Corporal"), a lead-in that
runs to its colon before two officers, a lower-case list line with what is asked after
its number, and a record asked to be created for an officer who has his login now."""

from __future__ import annotations

from mailbot.intake.model import ParseResult
from mailbot.intake.parse import parse_message
from tests.reading_mail import by_number, mail


def _parse(body: str, sender: str, subject: str) -> ParseResult:
    return parse_message(mail(body, sender=sender, subject=subject))


def _by_number(result: ParseResult) -> dict[str | None, dict[str, object]]:
    return by_number(result.changes)


def test_a_username_corrected_in_the_clause_after_the_wrong_one() -> None:
    result = _parse(
        "Hello,\n\n1. Deputy Aaron Delacroix (4T071) - his last name printed as "
        '"Delacrox". It should be\n   DELACROIX. His DPS username was also entered as '
        "adelacrox; the correct one is adelacroix.\n\n2. Sgt. Lena Orcutt (4T052) - her title "
        "should be Sergeant.\n\nThanks,\nLt. Mark Pell\n",
        "Mark Pell <mpell@tunbridgesheriff.test>",
        "Corrections",
    )
    assert _by_number(result)["4T071"]["dps_username"] == "adelacroix"


def test_a_username_that_should_now_be_another_said_of_her() -> None:
    result = _parse(
        "Hello,\n\nOfficer Dana Pruitt got married and has changed her last name to Hale "
        "(Dana Hale). Her officer number stays the same, 30412.\n\nAlso, our IT folks "
        "changed her network login, so her DPS username should now be dhale instead of "
        "dpruitt.\n\nThank you,\nAnn Roe\n",
        "Ann Roe <aroe@ludlowvt.test>",
        "Name change",
    )
    got = _by_number(result)["30412"]
    assert got["last_name"] == "Hale"
    assert got["dps_username"] == "dhale"


def test_a_transfer_with_a_title_of_several_words() -> None:
    result = _parse(
        "Hi,\n\n- Kim Varney (VT LEO # V3301) has transferred to us from Barre Police "
        "Department. Please re-associate her existing TraCS officer record to Green "
        "Mountain College Public Safety, title Campus Safety Officer. Her DPS username "
        "(kvarney) doesn't change.\n\nThanks,\nSean Orr\n",
        "Sean Orr <sorr@gmc.test>",
        "Roster changes",
    )
    assert _by_number(result)["V3301"]["title"] == "Campus Safety Officer"


def test_a_forwarded_officers_rank_she_keeps() -> None:
    result = _parse(
        "See below. Liz just came over to us from Fair Haven PD, can you move her record "
        "to Benson PD? She stays a Sergeant.\n\nThanks,\nChief Al Dunn\nBenson Police "
        "Department\n\n---------- Forwarded message ---------\nFrom: Liz Crane "
        "<lcrane.vt@gmail.test>\nDate: Mon, Apr 14, 2025 at 9:47 PM\nSubject: tracs\n"
        "To: Al Dunn <adunn@bensonvt.test>\n\n\nChief here's my info\nLEO 7LC31\n"
        "DPS user lcrane\n",
        "Al Dunn <adunn@bensonvt.test>",
        "Fwd: tracs",
    )
    got = _by_number(result)["7LC31"]
    assert got["action"] == "update"
    assert got["title"] == "Sergeant"


def test_a_lead_in_to_its_colon_is_each_officers() -> None:
    result = _parse(
        "Please deactivate the two officers below from TraCS for Milton PD: Ofc. Rory "
        "Baird (M4410) and Ofc. Tess Collier (M4421). The notice is below.\n\nLt. Kay\n",
        "Lt. Joan Kay <jkay@miltonvt.test>",
        "Separations",
    )
    got = _by_number(result)
    assert got["M4421"]["action"] == "deactivate"
    assert got["M4421"]["last_name"] == "Collier"


def test_a_lower_case_list_line_with_its_ask_after_the_number() -> None:
    result = _parse(
        "hey,\n\ncouple changes in tracs:\n\n- ned fogg (WL451) got promoted to sergeant\n"
        "- rosa vidal (WL458) username is wrong, it should be rvidal2 not rvidal. she "
        "couldnt log in\n\nthx\nmo\n",
        "Mo Plante <mplante@westlakevt.test>",
        "tracs updates",
    )
    got = _by_number(result)["WL458"]
    assert got["dps_username"] == "rvidal2"
    assert (str(got["last_name"]).lower(), str(got["first_name"]).lower()) == ("vidal", "rosa")


def test_a_record_asked_to_be_created_once_his_login_has_come() -> None:
    result = _parse(
        "Thanks! And Paul Roux has his DPS account now, username is proux. Can you go "
        "ahead and create his record? Same info as before, Officer, R3340.\n\nNina\n",
        "Nina Hale <nhale@enosburgvt.test>",
        "Re: TraCS Agency Record",
    )
    assert _by_number(result)["R3340"]["action"] == "add"
