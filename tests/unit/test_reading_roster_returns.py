"""Officers who come back, stay or are corrected away: a reinstated, rehired or returning
officer is added again (the contract has no reactivation); one the message keeps as he
is gets no change; a correction to the sender's own earlier roster change replaces what
it got wrong."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import dumped, mail, roster_changes


def _mail(body: str, in_reply_to: str | None = None) -> bytes:
    subject = "Re: Roster" if in_reply_to else "Roster"
    sender = "Sgt. Odile Brassard <obrassard@wilmingtonvt.test>"
    return mail(body, sender=sender, subject=subject, in_reply_to=in_reply_to)


def _changes(body: str, in_reply_to: str | None = None) -> list[dict[str, object]]:
    return dumped(roster_changes(_mail(body, in_reply_to)))


def _quoted(text: str) -> str:
    return "\n".join(("> " + line).rstrip() for line in text.splitlines())


def test_a_reinstated_officer_is_added_again_not_deactivated() -> None:
    got = _changes(
        "Hello,\n\nAfter the grievance hearing, Sergeant Tobias Wendt has been reinstated "
        "to the Wilmington Police Department. His record was deactivated in January "
        "(officer number WM3T7, DPS username twendt).\n\nPlease reinstate his record, "
        "title Sergeant.\n\nThanks,\nOdile\n"
    )
    assert got == [
        {
            "action": "add",
            "officer_number": "WM3T7",
            "last_name": "Wendt",
            "first_name": "Tobias",
            "title": "Sergeant",
            "dps_username": "twendt",
        }
    ]


def test_a_rehired_officer_told_over_two_paragraphs_is_added_with_her_username() -> None:
    got = _changes(
        "Hi,\n\nWe have rehired former Officer Priya Lachance, who left us two years ago "
        "for a job in Maine. She starts back Monday.\n\nHer old record should still be "
        "there -- officer number WM8P2, DPS username plachance. Please reactivate her.\n\n"
        "Odile\n"
    )
    assert len(got) == 1
    assert got[0]["action"] == "add"
    assert got[0]["officer_number"] == "WM8P2"
    assert got[0]["dps_username"] == "plachance"


def test_an_officer_moved_within_the_agency_gets_no_change() -> None:
    got = _changes(
        "Good morning,\n\n1. Please deactivate Officer Lyle Paradis (WM1L5), he resigned.\n\n"
        "2. Officer Gina Moretti is moving from the day shift over to our Readsboro "
        "contract. Same agency, so nothing has to change on your end.\n\nOdile\n"
    )
    assert [(c["action"], c.get("officer_number")) for c in got] == [("deactivate", "WM1L5")]


_EARLIER = (
    "Hi, please deactivate Officer Dana Roux from Wilmington PD, she resigned today.\n\n"
    "Sgt. Odile Brassard\nWilmington Police Department\n"
)
_EARLIER_ADD = (
    "Hi,\n\nPlease add our new hire:\n\nOfficer Colm Fairley\nOfficer number WM5C3\n"
    "DPS username cfairley\n\nThanks,\nOdile\n"
)


def test_a_correction_keeps_the_officer_wrongly_named_before() -> None:
    body = (
        "Correction to my email last night: I named the wrong officer. It should have been "
        "Officer Dana Rouleau, WM6D4. She resigned effective yesterday.\n\n"
        "Dana Roux is still with us and should stay active! Please don't touch her record."
        "\n\nOdile\n\nOn Mar 3, 2026, at 9:41 PM, Odile Brassard "
        "<obrassard@wilmingtonvt.test> wrote:\n\n" + _quoted(_EARLIER)
    )
    got = _changes(body, "<roux.1@wilmingtonvt.test>")
    assert [(c["action"], c.get("officer_number"), c.get("last_name")) for c in got] == [
        ("deactivate", "WM6D4", "Rouleau")
    ]


def test_a_correction_between_two_officers_of_one_surname_keeps_the_one_by_number() -> None:
    earlier = (
        "Hi, please deactivate Officer Roux (WM2R1), he moved out of state.\n\n"
        "Sgt. Odile Brassard\nWilmington Police Department\n"
    )
    body = (
        "Sorry, wrong Roux! The one leaving is Officer Paul Roux, WM2R7. Please deactivate "
        "WM2R7.\n\nOfficer Ned Roux (WM2R1) is not leaving and should stay active. Please "
        "disregard my request for WM2R1.\n\nOdile\n\nOn Mar 3, 2026, at 9:41 PM, Odile "
        "Brassard <obrassard@wilmingtonvt.test> wrote:\n\n" + _quoted(earlier)
    )
    got = _changes(body, "<roux.2@wilmingtonvt.test>")
    assert [(c["action"], c.get("officer_number"), c.get("first_name")) for c in got] == [
        ("deactivate", "WM2R7", "Paul")
    ]


def test_a_correction_of_an_earlier_add_gives_the_number_it_should_have() -> None:
    body = (
        "Correction to my last email -- I mistyped Colm's officer number. It should read:\n\n"
        "Officer Colm Fairley, officer # WM5C8, DPS username cfairley\n\nNOT WM5C3. "
        "Sorry!\n\nOdile\n\nOn Tue, Feb 17, 2026 at 2:05 PM Odile Brassard "
        "<obrassard@wilmingtonvt.test> wrote:\n\n" + _quoted(_EARLIER_ADD)
    )
    got = _changes(body, "<fairley.1@wilmingtonvt.test>")
    assert [(c["action"], c.get("officer_number")) for c in got] == [("add", "WM5C8")]


def test_an_officer_turned_back_on_after_leave_is_added() -> None:
    got = _changes(
        "Morning - Deputy Ruth Okafor is back from maternity leave Monday. Can you turn "
        "her TraCS back on? Same number and username as before (WM2R9 / rokafor).\n\nThx\n"
    )
    assert [(c["action"], c.get("officer_number")) for c in got] == [("add", "WM2R9")]


def test_a_title_change_with_a_move_inside_the_agency_is_an_update() -> None:
    got = _changes(
        "Hi,\n\nPlease change Officer Wendell Achebe's title to Detective -- he moved to "
        "the detective bureau on 2/1. His number is WM4W1.\n\nOdile\n"
    )
    assert got == [
        {
            "action": "update",
            "officer_number": "WM4W1",
            "last_name": "Achebe",
            "first_name": "Wendell",
            "title": "Detective",
        }
    ]


def test_a_retirement_told_then_asked_by_number_is_one_deactivation() -> None:
    got = _changes(
        "Good morning,\n\nCapt. Hollis Marchand, our point of contact for years, retired on "
        "May 2. Sgt. Ivy Tamura takes over as point of contact.\n\n"
        "Please deactivate Capt. Marchand's TraCS officer record (WM9H3).\n\nOdile\n"
    )
    assert got == [
        {
            "action": "deactivate",
            "officer_number": "WM9H3",
            "last_name": "Marchand",
            "first_name": "Hollis",
            "title": "Captain",
        }
    ]


def test_a_numbered_item_leading_its_own_list_gives_its_action() -> None:
    got = _changes(
        "A few roster updates:\n\n"
        "1. Two new deputies start Monday on our Halifax contract. Please create records "
        "for:\n"
        "  *   Deputy Sheriff Arlo Brandt, officer # WM2A8, DPS username abrandt\n"
        "  *   Deputy Sheriff June Okonkwo, officer # WM3J1, DPS username jokonkwo\n\n"
        "2. Deputy Tess Rainville is moving from the Halifax contract over to our Whitingham "
        "contract. Same agency, so nothing has to change on your end.\n\nOdile\n"
    )
    assert [(c["action"], c.get("officer_number"), c.get("title")) for c in got] == [
        ("add", "WM2A8", "Deputy Sheriff"),
        ("add", "WM3J1", "Deputy Sheriff"),
    ]


def test_a_lateral_whose_record_exists_moves_it() -> None:
    got = _changes(
        "Hi,\n\nOfficer Bram Kowalczyk has joined Wilmington Police as of today (lateral "
        "from Dover PD). He already has a TraCS officer record under Dover, officer number "
        "WM7B5. Could you change his affiliation to Wilmington PD instead of creating a new "
        "record? His DPS username stays the same: bkowalczyk. Title on the VCVC should be "
        "Officer.\n\nOdile\n"
    )
    assert len(got) == 1
    assert got[0]["action"] == "update"
    assert got[0]["officer_number"] == "WM7B5"
    assert got[0]["dps_username"] == "bkowalczyk"
    assert got[0]["title"] == "Officer"


def test_an_agency_named_with_a_possessive_is_read_whole() -> None:
    result = parse_message(
        _mail(
            "Good morning,\n\nCapt. Hollis Marchand, who has been Wilmington Police "
            "Department's e-ticket contact for years, retired on May 2. Please deactivate "
            "Capt. Marchand's TraCS officer record (WM9H3).\n\nThank you,\n\nOdile Brassard\n"
            "Chief of Police\nWilmington Police Department\n2 Beaver Street, Wilmington, VT "
            "05363\n"
        )
    )
    assert result.intent == "officer_maintenance"
    assert result.agency.name == "Wilmington Police Department"


def test_an_officer_on_leave_told_for_information_with_no_need_to_deactivate_stays() -> None:
    got = _changes(
        "Hello,\n\nPlease update Officer Lyle Paradis (WM1L5) to Corporal.\n\n"
        "Also, Officer Gina Moretti (WM3G2) is on maternity leave until spring. No need to "
        "deactivate her, I wanted you to know in case her tickets stop for a while.\n\n"
        "Odile\n"
    )
    assert [(c["action"], c.get("officer_number")) for c in got] == [("update", "WM1L5")]
