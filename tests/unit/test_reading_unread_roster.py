"""A roster sent as a picture or a scan no text is read from: given, so never asked of
the sender again; staff get a question naming the files to read."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.intake.parse import parse_message
from tests.data import build

_BODY = (
    "Hello,\n\nElm Falls Police Department would like to be set up for e-tickets. I am the "
    "Chief and I will also be the point of contact.\n\nJudiciary code 0903\n"
    "Elm Falls Police Department\n12 Main St, Elm Falls VT 05905\n802-555-0142\n\n"
    "{roster}\n\nChief Ann Roy\n"
)


def _mail(roster: str, photo: bool = True) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Ann Roy <aroy@elmfallsvt.test>"
    msg["To"] = "dps.eticket@vermont.gov"
    msg["Subject"] = "E-ticket enrollment"
    msg.set_content(_BODY.format(roster=roster))
    if photo:
        photo_of_list = build.image("JPEG", 640, 480)
        msg.add_attachment(photo_of_list, maintype="image", subtype="jpeg", filename="IMG_2041.jpg")
    return msg.as_bytes()


def test_a_roster_sent_as_a_photo_is_a_question_for_staff_not_asked_again() -> None:
    result = parse_message(_mail("Roster is in the picture, I took it of the whiteboard."))
    assert "officers" not in result.missing
    question = next(q for q in result.questions if q["field"] == "officers")
    assert [c["value"] for c in question["candidates"]] == ["IMG_2041.jpg"]


def test_a_scanned_officer_list_is_a_roster_pictured() -> None:
    result = parse_message(_mail("Scanned officer list is attached."))
    assert "officers" not in result.missing


def test_a_roster_promised_with_no_file_is_asked_for() -> None:
    result = parse_message(_mail("Roster is in the picture I will send tomorrow.", photo=False))
    assert "officers" in result.missing
