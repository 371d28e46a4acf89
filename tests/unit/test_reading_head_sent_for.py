"""The head a request is sent for by someone else: "Chief Okafor asked me to send this"
with "Chief Marisol Okafor" in the sign-off among other people (the head in full, not
the one who writes), the same named nowhere in full (his last name, as written), and a
head named in full who "wants" the agency on e-tickets while a vendor writes."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_VALUES = (
    "Judiciary code: 0815\nName: Birch Hollow Police Department\n"
    "Address: 14 Mill Lane, Birch Hollow, VT 05999\nPhone: 802-555-0144\n\n"
)
_ROSTER = (
    "Officers (title, name, number, username):\nLieutenant Elliot Strand - BH104 - estrand\n"
    "Officer Nora Vale - BH109 - nvale\n\n"
)
_LOGO = [("logo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png")]


def _head(body: str, sender: str, **kw: str) -> tuple[str | None, str | None]:
    raw = mail(body, sender=sender, subject="e-ticket request", attachments=_LOGO, **kw)
    result = parse_message(raw)
    return result.head_of_department.name, result.head_of_department.title


def test_head_asking_by_last_name_is_named_in_full_by_the_shared_sign_off() -> None:
    body = (
        "Good morning,\n\nChief Okafor asked me to send this request for Birch Hollow to "
        "start e-ticketing. Lieutenant Strand will be the point of contact "
        "(estrand@birchhollowpd.test).\n\n" + _VALUES + _ROSTER + "Thank you!\n\n"
        "Chief Marisol Okafor | Lieutenant Elliot Strand | Pia Lund, Office Manager\n"
        "Birch Hollow Police Department\n"
    )
    assert _head(body, "Pia Lund <plund@birchhollowpd.test>") == ("Marisol Okafor", "Chief")


def test_head_asking_by_last_name_only_in_a_reply_is_the_head_as_written() -> None:
    body = (
        "Hello,\n\nThe logo is attached. The department's phone is 802-555-0144. Chief "
        "Okafor asked me to mention that the roster will follow next week.\n\n"
        "Best regards\nGlen Vaughn\nVaughn Computer Services\n\n"
        "On Mon, Nov 16, 2026 at 10:05 AM DPS eTicket <dps.eTicket@vermont.gov> wrote:\n"
        "> Mr. Vaughn,\n>\n> The logo came through too small; please send it again,\n"
        "> and the phone number of the department itself.\n>\n"
        "> DPS e-Ticket\n"
    )
    name, title = _head(
        body, "Glen Vaughn <glen@vaughncs.test>", in_reply_to="<desk-1116@vermont.gov>"
    )
    assert title == "Chief"
    assert name == "Okafor"


def test_head_named_in_full_who_wants_the_agency_on_e_tickets() -> None:
    body = (
        "Hi there,\n\nI'm the IT contractor for the town. Chief Marisol Okafor (cc'd) wants "
        "Birch Hollow PD on e-ticketing and has named me as the e-ticket point of contact."
        "\n\n" + _VALUES + _ROSTER + "Glen Vaughn\nVaughn Computer Services\n"
    )
    name, title = _head(
        body, "Glen Vaughn <glen@vaughncs.test>", cc="Marisol Okafor <mokafor@birchhollowpd.test>"
    )
    assert (name, title) == ("Marisol Okafor", "Chief")
