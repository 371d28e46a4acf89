"""A roster change asked in the subject line: the body only points to it ("see subject"),
or the subject gives the officer number the body's request leaves out."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_SENDER = "Lt. Mara Quist <mquist@eastwickvt.test>"


def test_a_switch_off_asked_in_the_subject_under_a_body_that_points_to_it() -> None:
    result = parse_message(
        mail(
            "per subject line - she moved out of state last week. thanks\n\nMara\n",
            sender=_SENDER,
            subject="Deactivate Ofc. Lena Brisco (4K217) - resigned",
        )
    )
    assert result.intent == "officer_maintenance"
    [change] = [c.model_dump(exclude_none=True) for c in result.changes]
    assert change["action"] == "deactivate"
    assert change["officer_number"] == "4K217"
    assert change["last_name"] == "Brisco"
    assert "dps_username" not in change  # "resigned" is why, not her login


def test_the_number_the_subject_gives_completes_the_add_the_body_asks() -> None:
    result = parse_message(
        mail(
            "Could you please add our new hire Ofc. Rowan Tisdale to TraCS. He started "
            "Tuesday.\n\nthx\nMara\n",
            sender=_SENDER,
            subject="Add Ofc Tisdale 6W802 - Eastwick",
        )
    )
    assert result.intent == "officer_maintenance"
    [change] = result.changes
    assert change.action == "add"
    assert change.officer_number == "6W802"


def test_a_question_under_a_subject_naming_an_officer_asks_for_no_change() -> None:
    result = parse_message(
        mail(
            "Is there a form we should fill out for this? Who do I ask?\n\nMara\n",
            sender=_SENDER,
            subject="Ofc. Lena Brisco 4K217",
        )
    )
    assert result.intent == "other"


_CSV = (
    b"Last,First,Rank,LEO Number,DPS Login\r\n"
    b"Okonjo,Rhea,Sergeant,4Q7B1,rokonjo\r\n"
    b"Falk,Ivo,Officer,4Q9C2,ifalk\r\n"
)
_LOGO = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00"
    b"\x00\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x9a\xa0"
    b"\xa0\x00\x00\x00\x00IEND\xaeB`\x82"
)


def test_an_enrolment_written_in_the_subject_over_a_one_line_body_is_that_enrolment() -> None:
    # the body says only that it sends things; the subject carries the request and values
    result = parse_message(
        mail(
            "Signed off. Seal and roster attached.\n\nB. Tamsin\nChief, Quillby PD\n",
            sender="Bryn Tamsin <btamsin@quillbyvt.test>",
            subject="TraCS enrollment - Quillby Police Department - Judiciary Code 0655"
            " - 18 Ferry Rd, Quillby VT 05999 - (802) 555-0164",
            attachments=[
                ("quillby_seal.png", _LOGO, "image/png"),
                ("roster.csv", _CSV, "text/csv"),
            ],
        )
    )
    assert result.intent == "enrollment"
    assert result.agency.judiciary_code == "0655"
    assert result.agency.phone is not None and result.agency.phone.endswith("555-0164")
    assert result.agency.address is not None and "05999" in result.agency.address
    assert {o.last_name for o in result.officers} == {"Okonjo", "Falk"}
    assert "agency.judiciary_code" not in result.missing


def test_a_subject_naming_enrolment_over_a_question_sending_nothing_stays_a_question() -> None:
    result = parse_message(
        mail(
            "Do we need to be a full-time department to do this? Thanks.\n\nBryn\n",
            sender="Bryn Tamsin <btamsin@quillbyvt.test>",
            subject="e-ticket enrollment question",
        )
    )
    assert result.intent == "other"
