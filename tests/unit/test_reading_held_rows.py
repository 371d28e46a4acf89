"""People of an enrolment roster the chief keeps out for now (named in his sentence, or by
the mark their rows carry) and civilian staff on an HR export are not officers to set up;
everyone else on the roster is."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.intake.parse import parse_message

_REQUEST = """\
Good afternoon,

Pine Ridge Police Department would like to enrol in e-ticketing.

Judiciary code: 0733
Agency name: Pine Ridge Police Department
Address: 40 Birch Lane, Pine Ridge, VT 05998
Phone: 802-555-0177
Our e-ticket Point-of-Contact is Lt. Dana Whitfield, dwhitfield@pineridge.test.

{note}

{roster}
Regards,
Oscar Velde
Chief of Police
"""

_CSV = """\
Emp,Last,First,Rank,Status,LEO Number,DPS Username,Notes
301,Velde,Oscar,Chief,FT,PR1V2,ovelde,
302,Whitfield,Dana,Lieutenant,FT,PR3W4,dwhitfield,
303,Kasprzak,Nina,Officer,P,PR5K6,nkasprzak,
304,Abara,Chidi,Officer,FT,PR7A8,cabara,
305,Soto,Ines,Officer,FT,PR9S1,isoto,field training - hold
306,Brandt,Lena,Dispatcher,FT,,,
"""


def _mail(body: str, csv: str | None = None) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Oscar Velde <ovelde@pineridge.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "e-ticket enrolment"
    msg.set_content(body)
    if csv is not None:
        msg.add_attachment(csv.encode(), maintype="text", subtype="csv", filename="roster.csv")
    return msg.as_bytes()


def _last_names(raw: bytes) -> list[str | None]:
    return [o.last_name for o in parse_message(raw).officers]


def test_rows_carrying_the_mark_the_chief_names_are_left_off() -> None:
    note = (
        'The probationary officers (Status "P") are to be left off until they finish '
        "training; we will send them later through Lt. Whitfield. Please also leave off "
        'anyone marked "field training - hold" in the Notes.'
    )
    raw = _mail(_REQUEST.format(note=note, roster="The roster is attached."), _CSV)
    # the held rows and the dispatcher are out; Whitfield, named only as the one who
    # sends them later, stays
    assert _last_names(raw) == ["Velde", "Whitfield", "Abara"]


def test_officers_the_chief_names_in_his_sentence_are_left_off() -> None:
    roster = (
        "Name\tRank\tLEO #\tDPS Login\n"
        "Velde, Oscar\tChief\tPR1V2\tovelde\n"
        "Whitfield, Dana\tLt\tPR3W4\tdwhitfield\n"
        "Kasprzak, Nina\tOfc\tPR5K6\tnkasprzak\n"
        "Abara, Chidi\tOfc\tPR7A8\tcabara\n"
    )
    note = "Please leave Ofc. Kasprzak off for now, she is out on leave until June."
    raw = _mail(_REQUEST.format(note=note, roster=roster))
    assert _last_names(raw) == ["Velde", "Whitfield", "Abara"]


def test_a_roster_with_no_one_held_keeps_everyone_but_civilian_staff() -> None:
    note = "Everyone on the sheet should be set up."
    raw = _mail(_REQUEST.format(note=note, roster="The roster is attached."), _CSV)
    assert _last_names(raw) == ["Velde", "Whitfield", "Kasprzak", "Abara", "Soto"]


def test_an_officer_who_holds_or_skips_something_stays_on_the_roster() -> None:
    """ "Hold", "skip" and "ignore" keep out whom they act on ("please hold Ofc. Soto",
    "Soto is held"), never their subject: a lieutenant who will hold the PoC role and
    an officer who can skip the training are set up like everyone else."""
    note = (
        "Lt. Whitfield will hold the e-ticket Point-of-Contact role for now. "
        "Officer Abara can skip the TraCS training, he used it in Barre. "
        "Sgt. Kasprzak held the same duties at her last department."
    )
    raw = _mail(_REQUEST.format(note=note, roster="The roster is attached."), _CSV)
    assert _last_names(raw) == ["Velde", "Whitfield", "Kasprzak", "Abara", "Soto"]
    for note in (
        "Please hold Ofc. Soto until she finishes field training.",
        "Officer Soto is currently held back pending certification.",
    ):
        raw = _mail(_REQUEST.format(note=note, roster="The roster is attached."), _CSV)
        assert _last_names(raw) == ["Velde", "Whitfield", "Kasprzak", "Abara"], note


def test_rows_under_a_line_that_keeps_them_out_are_left_off() -> None:
    """A roster in two blocks, the second under its own line saying "not these yet":
    the rows of that block are kept out, though the line names none of them."""
    roster = (
        "Sworn officers, please set up:\n"
        "Name\tRank\tLEO #\tDPS Login\n"
        "Velde, Oscar\tChief\tPR1V2\tovelde\n"
        "Whitfield, Dana\tLt\tPR3W4\tdwhitfield\n"
        "Abara, Chidi\tOfc\tPR7A8\tcabara\n"
        "\n"
        "Seasonal constables: please don't add these two until they are sworn in June.\n"
        "Name\tRank\tLEO #\tDPS Login\n"
        "Kasprzak, Nina\tConstable\tPR5K6\tnkasprzak\n"
        "Soto, Ines\tConstable\tPR9S1\tisoto\n"
    )
    raw = _mail(_REQUEST.format(note="", roster=roster))
    assert _last_names(raw) == ["Velde", "Whitfield", "Abara"]


def test_an_animal_control_officer_without_a_number_is_civilian_staff() -> None:
    """An HR export listing an animal control officer (or a crossing guard) with no
    officer number: titled "officer", but no one to set up for tickets."""
    csv = _CSV.replace(
        "306,Brandt,Lena,Dispatcher,FT,,,\n",
        "306,Brandt,Lena,Animal Control Officer,PT,,,\n307,Iwu,Ada,Crossing Guard,PT,,,\n",
    )
    note = "Everyone on the sheet should be set up."
    raw = _mail(_REQUEST.format(note=note, roster="The roster is attached."), csv)
    assert _last_names(raw) == ["Velde", "Whitfield", "Kasprzak", "Abara", "Soto"]
