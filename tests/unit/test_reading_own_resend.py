"""A reply to the sender's own earlier request ("I forgot the code, everything else is
below"): the quoted request is the sender's, so what it gives is not asked for again.
A quoted message from the desk is never read this way."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.intake.parse import parse_message

_EARLIER = """\
Hello,

Our department would like an e-ticket agency record. Our point of contact will be
Sgt. Nadia Perron, nperron@northfieldpd.test.

Name to display: Northfield Police Department
Address: 51 South Main Street, Northfield, VT 05663
Phone: (802) 555-0142

Officers:
Sgt. Nadia Perron - NF012 - nperron
Ofc. Owen Talbot - NF019 - otalbot

Regards,
Marc Bessette
Chief of Police
"""


def _quoted(text: str) -> str:
    return "\n".join(("> " + line).rstrip() for line in text.splitlines())


def _mail(body: str, in_reply_to: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Marc Bessette <mbessette@northfieldpd.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "Re: Northfield PD e-ticket"
    msg["In-Reply-To"] = in_reply_to
    msg.set_content(body)
    return msg.as_bytes()


def test_own_request_quoted_under_a_foreign_attribution_is_given() -> None:
    """ "Le ... a écrit :" naming the sender: the old request's values are read."""
    body = (
        "Hello,\n\nI forgot the judiciary code in my first message. It is 0412.\n"
        "Everything else is below.\n\nMarc Bessette\nChief of Police\n\n"
        "Le lun. 2 nov. 2026 à 10:05, Marc Bessette <mbessette@northfieldpd.test> a écrit :\n"
        + _quoted(_EARLIER)
    )
    result = parse_message(_mail(body, "<first.0412@mail.example>"))
    assert result.intent == "enrollment"
    assert result.agency.judiciary_code == "0412"
    assert result.agency.address == "51 South Main Street, Northfield, VT 05663"
    assert result.point_of_contact.email == "nperron@northfieldpd.test"
    assert result.head_of_department.name == "Marc Bessette"
    assert [o.officer_number for o in result.officers] == ["NF012", "NF019"]
    assert not {"agency.address", "agency.phone", "officers"} & set(result.missing)


def test_values_sent_now_are_completed_from_the_own_request() -> None:
    """Usernames sent now for officers of the quoted request (a reply to a message of
    the sender's own domain): each officer keeps the number the request gave."""
    body = (
        "Here are the usernames that were missing:\n\n"
        "Sgt. Nadia Perron - nperron\nOfc. Owen Talbot - otalbot\n\nMarc Bessette\n\n"
        "On Mon, Nov 2, 2026 at 10:05 AM Northfield Records wrote:\n" + _quoted(_EARLIER)
    )
    result = parse_message(_mail(body, "<first.0412@northfieldpd.test>"))
    by_name = {o.last_name: o for o in result.officers}
    assert by_name["Talbot"].officer_number == "NF019"
    assert by_name["Talbot"].dps_username == "otalbot"
    assert "agency.phone" not in result.missing


def test_the_desks_own_message_quoted_is_not_read_as_given() -> None:
    """The checklist quoted back from the desk gives nothing."""
    body = (
        "The code is 0412.\n\nMarc Bessette\n\n"
        "On Mon, Nov 2, 2026 at 10:05 AM DPS e-Ticket <dps.eticket@vermont.gov> wrote:\n"
        + _quoted(_EARLIER)
    )
    result = parse_message(_mail(body, "<etk-0101.checklist@dps.eticket.invalid>"))
    assert result.agency.address is None
    assert not result.officers
