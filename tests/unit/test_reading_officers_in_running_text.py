"""Officers written in running text rather than a table: several records on one run-on
line or sentence, each read as one officer by the shapes of its values; an officer's own
texts pasted as chat lines under his name; a row whose name is written surname first or
led by the writer's word for himself."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_HEAD = """Hello,

Grafton PD would like to start issuing e-tickets.
Judiciary code 0555
12 Depot Rd, Grafton VT 05146
802-555-0142
Our logo is attached.

"""

_LOGO = [("badge.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png")]


def _officers(body: str, sender: str = "Chief Nora Bly <nbly@graftonvt.org>") -> list[tuple]:
    raw = mail(body, sender=sender, subject="e-ticket sign up", attachments=_LOGO)
    result = parse_message(raw)
    assert result.intent == "enrollment"
    return [
        (o.first_name, o.last_name, o.title, o.officer_number, o.dps_username)
        for o in result.officers
    ]


def test_comma_separated_records_on_one_run_on_line_are_one_officer_each() -> None:
    body = (
        "Chief Nora Bly Grafton Police Dept jud code 0555 12 Depot Rd Grafton VT 05146 "
        "ph 802 555 0142 im the poc nbly@graftonvt.org officers Nora Bly Chief G2N10 nbly, "
        "Owen Trask Officer G4T21 otrask, Lise Pare Sergeant G6P33 lpare logo attached\n"
    )
    assert _officers(body) == [
        ("Nora", "Bly", "Chief", "G2N10", "nbly"),
        ("Owen", "Trask", "Officer", "G4T21", "otrask"),
        ("Lise", "Pare", "Sergeant", "G6P33", "lpare"),
    ]


def test_second_officer_after_and_in_a_shouted_sentence_is_read() -> None:
    body = (
        _HEAD.upper()
        + "OFFICERS ARE MYSELF, CHIEF NORA BLY, LEO NUMBER 2NB40, DPS USERNAME NBLY AND "
        "OFFICER PETE ROY, LEO NUMBER 7PR11, DPS USERNAME PROY. PETE IS PART TIME.\n"
    )
    officers = _officers(body)
    assert [(o[1].casefold(), o[3], o[4].casefold()) for o in officers] == [
        ("bly", "2NB40", "nbly"),
        ("roy", "7PR11", "proy"),
    ]


def test_an_officers_chat_lines_under_his_name_are_one_record() -> None:
    body = (
        _HEAD
        + """Me: Chief Nora Bly, LEO # G2N10, DPS username nbly

My guys texted me their info:

Sam Hood: hi chief my leo # is 5SH20 and my dps login is shood3
Sam Hood: title is just officer

Tia Lord: 8TL42 user tlord
Tia Lord: put me down as Sgt

Thanks,
Nora
"""
    )
    assert _officers(body) == [
        ("Nora", "Bly", "Chief", "G2N10", "nbly"),
        ("Sam", "Hood", "Officer", "5SH20", "shood3"),
        ("Tia", "Lord", "Sergeant", "8TL42", "tlord"),
    ]


def test_a_name_written_surname_first_is_set_right_by_its_login() -> None:
    body = (
        _HEAD
        + """Officers (last, first, title, number, username):
Bly\tNora\tChief\tG2N10\tnbly
Trask\tOwen\tOfficer\tVT55512\totrask
"""
    )
    assert ("Owen", "Trask", "Officer", "VT55512", "otrask") in _officers(body)


def test_the_writers_word_for_himself_before_his_name_is_no_name() -> None:
    body = (
        _HEAD
        + """Officers:
Myself Nora Bly, Chief, LEO# G2N10, DPS username nbly
Owen - Officer Owen Trask, LEO# G4T21, DPS username otrask
"""
    )
    assert _officers(body) == [
        ("Nora", "Bly", "Chief", "G2N10", "nbly"),
        ("Owen", "Trask", "Officer", "G4T21", "otrask"),
    ]


def test_sentences_of_numbers_about_no_officer_give_no_row() -> None:
    body = (
        _HEAD
        + "Officers:\nSgt. Nora Bly, LEO # G2N10, username nbly\n\n"
        + "Two questions (Ofc. Trask, G4T21, and Ofc. Pare, G6P33) have no login yet, "
        "and our ORI is VT0555000, case 24CR118, file 7AB12 too.\n"
    )
    assert [o[1] for o in _officers(body)] == ["Bly"]


def test_a_lower_case_row_surname_first_with_its_rank_after_it() -> None:
    body = """hi - nora bly here, town constable for grafton. im the only one so im the poc
judiciary code 0555
address 12 depot rd grafton vt 05146 phone 802-555-0142
me: bly nora constable leo# G2N10 username nbly
logo attached
"""
    officers = _officers(body, sender="nora bly <nbly@graftonvt.org>")
    assert [(o[0].casefold(), o[1].casefold(), o[2], o[3], o[4]) for o in officers] == [
        ("nora", "bly", "Constable", "G2N10", "nbly")
    ]


def test_a_title_of_several_words_before_a_name_is_the_title_whole() -> None:
    body = _HEAD + (
        "Our inspectors:\n"
        "- Senior Commercial Vehicle Inspector Nora Bly, LEO number G2N10, username nora.bly\n"
        "- Commercial Vehicle Inspector Owen Trask, LEO number G4T21, username owen.trask\n"
    )
    assert _officers(body) == [
        ("Nora", "Bly", "Senior Commercial Vehicle Inspector", "G2N10", "nora.bly"),
        ("Owen", "Trask", "Commercial Vehicle Inspector", "G4T21", "owen.trask"),
    ]


def test_the_words_a_writer_introduces_himself_with_are_no_part_of_his_name() -> None:
    body = _HEAD + (
        "There are two of us. I'm Sergeant Nora Bly, LEO number G2N10, DPS username nbly. "
        "Owen is Officer Owen Trask, LEO number G4T21, DPS username otrask.\n"
    )
    assert _officers(body) == [
        ("Nora", "Bly", "Sergeant", "G2N10", "nbly"),
        ("Owen", "Trask", "Officer", "G4T21", "otrask"),
    ]


def test_two_officers_told_in_one_long_sentence_joined_by_and() -> None:
    body = (
        "hi this is Nora Bly for Grafton PD, judiciary code 0555, 12 Depot Rd Grafton VT "
        "05146 phone 802 555 0142, logo attached, the officers are me Nora Bly Chief number "
        "G2N10 username nbly and my deputy Owen Trask Deputy Constable number G4T21 username "
        "otrask, thanks Nora\n"
    )
    assert _officers(body) == [
        ("Nora", "Bly", "Chief", "G2N10", "nbly"),
        ("Owen", "Trask", "Deputy Constable", "G4T21", "otrask"),
    ]
