"""A reply from a personal mailbox by the PoC the chief's quoted request named, who gives
his agency address as his own ("My email is dholm@quillfieldvt.org, I'm writing from my
Gmail"): the chief's request is his agency's, read as the request he completes, and the
PoC is reached at the address he gives, not the one he writes from."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_BODY = (
    "Hello, Dara Holm here, the chief asked me to take this over. My email is "
    "dholm@quillfieldvt.org (our town mail is down, so this comes from my Gmail).\n\n"
    "Holm | Dara | Sergeant | QF118 | dholm\nLind | Ola | Officer | QF121 | olind\n\n"
    "Thanks,\nDara\n\n"
    "On Mon, Nov 16, 2026 at 10:05 AM DPS eTicket <dps.eTicket@vermont.gov> wrote:\n\n"
    "> Chief Trask,\n>\n> Before we can build the agency record we still need:\n>\n"
    "> 1. Sgt. Holm's email address\n> 2. The officer list\n>\n"
    "> Thank you,\n> DPS e-Ticket Technical Staff\n>\n"
    "> On Fri, Nov 13, 2026 at 2:00 PM Hollis Trask <htrask@quillfieldvt.org> wrote:\n>\n"
    "> > Hello,\n> >\n> > Quillfield Police Department would like to use e-tickets. "
    "Sgt. Dara Holm will be our Point-of-Contact.\n> >\n> > Quillfield Police Department\n"
    "> > Judiciary code 0733\n> > 12 Mill Lane, Quillfield, VT 05999\n> > 802-555-0190\n"
    "> >\n> > Chief Hollis Trask\n"
)


def test_the_chiefs_request_completed_from_a_personal_mailbox() -> None:
    raw = mail(
        _BODY,
        sender="Dara Holm <dara.holm.vt@gmail.com>",
        subject="Re: Quillfield PD e-ticket",
        in_reply_to="<20261116.tracs.q4@vermont.gov>",
    )
    result = parse_message(raw)
    assert result.intent == "enrollment"
    assert result.agency.judiciary_code == "0733"
    assert result.agency.address == "12 Mill Lane, Quillfield, VT 05999"
    assert result.point_of_contact.email == "dholm@quillfieldvt.org"
    assert not {"agency.judiciary_code", "point_of_contact.email"} & set(result.missing)
