"""Officer rows in the layouts senders use beside a plain table: a remark that asks a
question, a sentence before the first name, a title of a rank and a role, a template's
sample row, a form's head-of-department line under its officer table."""

from __future__ import annotations

from collections.abc import Sequence

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail


def _officers(
    body: str, attachments: Sequence[tuple[str, bytes, str]] = ()
) -> list[dict[str, object]]:
    raw = mail(body, sender="chief@grotonvt.org", subject="e-ticket", attachments=attachments)
    result = parse_message(raw)
    assert result.intent == "enrollment"
    return [o.model_dump() for o in result.officers]


_AGENCY = (
    "Please enroll the Groton Police Department in e-ticketing.\n"
    "Judiciary code: 0611\n"
    "Address: 1476 Scott Highway, Groton, VT 05046\n"
    "Phone: 802-584-3276\n\n"
)


def test_a_remark_asking_a_question_after_a_username_left_out_keeps_the_row() -> None:
    body = (
        _AGENCY + "Officers:\n"
        "Dale Spooner, Chief, # GR101, username dspooner\n"
        "Wendy Huntoon, Officer, # GR114, username - unknown, I doubt she ever had one."
        " can you make her one?\n\n"
        "Thanks\nDale\n"
    )
    rows = _officers(body)
    assert [o["last_name"] for o in rows] == ["Spooner", "Huntoon"]
    assert rows[1]["officer_number"] == "GR114"
    assert rows[1]["dps_username"] is None


def test_a_sentence_before_the_name_on_an_officer_line_is_no_part_of_it() -> None:
    body = (
        _AGENCY.upper() + "THAT IS EVERYONE WE HAVE. DALE SPOONER, CHIEF, OFFICER # GR101,"
        " USER NAME DSPOONER\n\nTHANKS\nDALE\n"
    )
    rows = _officers(body)
    assert len(rows) == 1
    assert (rows[0]["first_name"] or "").casefold() == "dale"
    assert (rows[0]["last_name"] or "").casefold() == "spooner"


def test_a_rank_and_a_role_written_together_are_the_title() -> None:
    body = (
        _AGENCY + "Investigators:\n"
        "Huntoon, Wendy - Investigator Supervisor - GR201 - DPS\\whuntoon\n"
        "Spooner, Dale - Investigator - GR214 - DPS\\dspooner\n\n"
        "Thanks\nDale\n"
    )
    rows = _officers(body)
    assert rows[0] == {
        "last_name": "Huntoon",
        "first_name": "Wendy",
        "title": "Investigator Supervisor",
        "officer_number": "GR201",
        "dps_username": "whuntoon",
    }
    assert len(rows) == 2


def test_a_sheets_sample_row_is_no_officer() -> None:
    sheet = (
        b"Last Name,First Name,Title,Officer Number,DPS Username\n"
        b"Sample: Roe,Richard,Officer,X9999,richard.roe\n"
        b"Spooner,Dale,Chief,GR101,dale.spooner\n"
    )
    body = _AGENCY + "The roster is attached.\n\nThanks\nDale Spooner\n"
    rows = _officers(body, attachments=[("roster.csv", sheet, "text/csv")])
    assert [o["last_name"] for o in rows] == ["Spooner"]


def test_a_head_of_department_line_under_the_officer_table_is_no_officer() -> None:
    body = (
        _AGENCY + "Last\tFirst\tTitle\tOfficer #\tDPS Username\n"
        "Spooner\tDale\tChief\tGR101\tdspooner\n"
        "Huntoon\tWendy\tOfficer\tGR114\twhuntoon\n"
        "Head of Department\tChief Dale Spooner\n\n"
        "Thanks\nDale\n"
    )
    rows = _officers(body)
    assert [o["last_name"] for o in rows] == ["Spooner", "Huntoon"]


def test_officers_in_a_sentence_with_their_titles_in_brackets_after_the_names() -> None:
    body = (
        _AGENCY + "The officers who need accounts are myself, Dale Spooner (Chief), LEO number"
        " GR101, DPS username dspooner@vermont.gov; Wendy Huntoon (Patrol Officer) LEO GR114,"
        " username whuntoon@vermont.gov; and Cpl. Ross Tewksbury, LEO GR120, username"
        " rtewksbury@vermont.gov.\n\nThanks\nDale\n"
    )
    rows = _officers(body)
    assert [(o["first_name"], o["last_name"], o["title"]) for o in rows] == [
        ("Dale", "Spooner", "Chief"),
        ("Wendy", "Huntoon", "Patrol Officer"),
        ("Ross", "Tewksbury", "Corporal"),
    ]
    assert [o["dps_username"] for o in rows] == ["dspooner", "whuntoon", "rtewksbury"]


def test_a_letter_asking_for_records_officer_by_officer() -> None:
    body = (
        "Dear e-Ticket staff,\n\n"
        "Groton Police Department would like to join the program. Our Corporal, Wendy"
        " Huntoon, will be our point of contact (whuntoon@grotonvt.org).\n\n"
        "Our judiciary code is 0611; the station is at 1476 Scott Highway, Groton, VT 05046,"
        " 802-584-3276.\n\n"
        "I would ask that records be created for Cpl. Huntoon (LEO number GR114, DPS username"
        " whuntoon), for Officer Ross Tewksbury (LEO number GR120, username rtewksbury), and"
        " for Officer Nina Blodgett, whose DPS username is nblodgett. The Council has not yet"
        " issued her LEO number.\n\n"
        "Respectfully,\n\nDale Spooner\nChief of Police\n"
    )
    rows = _officers(body)
    assert rows == [
        {
            "last_name": "Huntoon",
            "first_name": "Wendy",
            "title": "Corporal",
            "officer_number": "GR114",
            "dps_username": "whuntoon",
        },
        {
            "last_name": "Tewksbury",
            "first_name": "Ross",
            "title": "Officer",
            "officer_number": "GR120",
            "dps_username": "rtewksbury",
        },
        {
            "last_name": "Blodgett",
            "first_name": "Nina",
            "title": "Officer",
            "officer_number": None,
            "dps_username": "nblodgett",
        },
    ]


def test_the_writer_and_his_one_officer_told_value_by_value() -> None:
    body = (
        "hello, Tom Glover here, first constable in the town of Groton. we would like to"
        " start on e tickets. JB code is 0611. its just me and my second constable Sara"
        " Kent. my number is GC301, hers is GC302. our usernames are tglover and skent."
        " you can reach me at this address. thanks\n"
    )
    raw = mail(body, sender="Tom Glover <tglover1962@gmail.com>", subject="e tickets")
    result = parse_message(raw)
    assert result.intent == "enrollment"
    assert [o.model_dump() for o in result.officers] == [
        {
            "last_name": "Glover",
            "first_name": "Tom",
            "title": "First Constable",
            "officer_number": "GC301",
            "dps_username": "tglover",
        },
        {
            "last_name": "Kent",
            "first_name": "Sara",
            "title": "Second Constable",
            "officer_number": "GC302",
            "dps_username": "skent",
        },
    ]


def test_a_labelled_value_written_like_a_row_is_no_officer() -> None:
    body = (
        "Please enroll the Groton Police Department in e-ticketing.\n\n"
        "Judiciary Code - 06110\n"
        "Phone - 802-584-3276\n\n"
        "Rowe, Dana - Chief - GR101 - drowe\n"
        "Pike, Owen - Officer - GR107 - opike\n"
    )
    assert [(o["last_name"], o["officer_number"]) for o in _officers(body)] == [
        ("Rowe", "GR101"),
        ("Pike", "GR107"),
    ]


def test_a_row_of_blanks_only_with_its_number_and_login_labelled() -> None:
    body = _AGENCY + (
        "Officers:\n"
        "Dana Rowe Chief number GR101 username drowe\n"
        "Owen Pike Patrol Officer number GR107 username opike\n"
    )
    assert [
        (o["first_name"], o["last_name"], o["title"], o["officer_number"], o["dps_username"])
        for o in _officers(body)
    ] == [
        ("Dana", "Rowe", "Chief", "GR101", "drowe"),
        ("Owen", "Pike", "Patrol Officer", "GR107", "opike"),
    ]
