"""Officer rows typed as ordinary lines, one detail off what the list readers match
(a "#" before the number, "user"/"username" labels, a number of the wrong length, a
sentence with "his number is", the writer's own "I am ..." line): read by the tolerant
line reader, in their lines' order, where no other reader read a row."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_HEAD = """Good afternoon,

The Windham County Sheriff's Office would like to start using e-tickets.
Judiciary code 0712
62 Elliot Street, Brattleboro VT 05301
802-254-2000
Name on tickets: Windham County Sheriff's Office
Lt. Paula Strand is our contact, pstrand@windhamsheriffvt.org
Our logo is attached.

"""

_LOGO = [("patch.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png")]


def _officers(
    body: str, sender: str = "Sheriff Owen Pike <opike@windhamsheriffvt.org>"
) -> list[dict[str, object]]:
    raw = mail(body, sender=sender, subject="e-ticket enrollment", attachments=_LOGO)
    result = parse_message(raw)
    assert result.intent == "enrollment"
    return [o.model_dump() for o in result.officers]


def test_labelled_rows_one_detail_off_are_read_in_order() -> None:
    body = (
        _HEAD
        + """Officers:
- Cpl. Dean Ashby #12W40 user dashby
- Dep. Rosa Klein #12W41
- Dep. Hugo Marsh #12w47 username hmarsh
- Dep. Ivy Borden #12W4 iborden

Thanks
Sheriff Owen Pike
"""
    )
    officers = _officers(body)
    assert [(o["last_name"], o["first_name"], o["title"]) for o in officers] == [
        ("Ashby", "Dean", "Corporal"),
        ("Klein", "Rosa", "Deputy"),
        ("Marsh", "Hugo", "Deputy"),
        ("Borden", "Ivy", "Deputy"),
    ]
    assert [o["officer_number"] for o in officers] == ["12W40", "12W41", "12W47", "12W4"]
    assert [o["dps_username"] for o in officers] == ["dashby", None, "hmarsh", "iborden"]


def test_sentences_and_the_writers_own_line_are_rows() -> None:
    body = """Hello,

I'm the Chief in Wardsboro and we'd like to sign up for the electronic tickets. I will be
the contact. Judiciary code is 0733, 12 Town Hall Rd, Wardsboro VT 05355, 802-896-1111.
The ticket should say Wardsboro Police Department. Logo attached.

The officers are
Cpl Lena Fisk, her number is 21m03 and her user name is lfisk
Officer Tom Vance 21M05 tvance (Thomas)

I am 21M01 and my username is nroberge, I'll use it too.

Thanks,
Neil

Neil Roberge
Chief of Police
Wardsboro Police Department
"""
    officers = _officers(body, sender="nroberge@wardsborovt.org")
    assert officers == [
        {
            "last_name": "Fisk",
            "first_name": "Lena",
            "title": "Corporal",
            "officer_number": "21M03",
            "dps_username": "lfisk",
        },
        {
            "last_name": "Vance",
            "first_name": "Thomas",
            "title": "Officer",
            "officer_number": "21M05",
            "dps_username": "tvance",
        },
        {
            "last_name": "Roberge",
            "first_name": "Neil",
            "title": "Chief of Police",
            "officer_number": "21M01",
            "dps_username": "nroberge",
        },
    ]


def test_lines_about_dates_agencies_and_phones_are_no_rows() -> None:
    body = (
        _HEAD
        + """Our Chief wrote to you on March 3rd for the Putney Police Department.
The dispatch number is 802 387 4700 and Sgt. Carl Dunn answers it.
We priced a Canon ZX-410 that runs with Vault Reports before the Chief approves it.

Officers:
Dep. Nora Quill, #12W50, username nquill

Thanks
Sheriff Owen Pike
"""
    )
    officers = _officers(body)
    assert [o["last_name"] for o in officers] == ["Quill"]


def test_a_record_in_brackets_among_run_on_records_is_read() -> None:
    body = (
        _HEAD
        + """Deputies to enroll: Nora Weld (Chief Deputy, WC310, nweld), Deputy Amos Finch \
WC322 afinch, and Deputy Lena Rusk WC335 lrusk.

Sheriff Owen Pike
"""
    )
    officers = _officers(body)
    assert [
        (o["last_name"], o["first_name"], o["title"], o["officer_number"], o["dps_username"])
        for o in officers
    ] == [
        ("Weld", "Nora", "Chief Deputy", "WC310", "nweld"),
        ("Finch", "Amos", "Deputy", "WC322", "afinch"),
        ("Rusk", "Lena", "Deputy", "WC335", "lrusk"),
    ]
