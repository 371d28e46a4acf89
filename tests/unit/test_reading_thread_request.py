"""A reply that completes an enrolment whose request is quoted further down the thread:
the chief's request, sent from the town's domain but naming the writer (on her own mail
address) as the contact, or copying her; and the desk's recap asking to confirm the
details, which fills what the quoted request left out. A stranger's message sent to
the writer gives nothing."""

from __future__ import annotations

from mailbot.intake.model import ParseResult
from mailbot.intake.own_thread import is_desk
from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_CHIEF = """\
From: Walt Brenner <wbrenner@dunmorevt.test>
Sent: Tuesday, May 5, 2026 8:15 AM
To: DPS eTicket <dps.eTicket@vermont.gov>
{cc}Subject: e-Ticket request - Dunmore PD

Good morning,

Dunmore Police Department would like to start using e-tickets.
Cpl. Nadia Voss will be our point of contact{poc}.

Judiciary code: 0587
Name on e-ticket: Dunmore Police Department
Address: 7 Mill Road, Dunmore, VT 05733
Phone: 802-555-0143

Officers:
Brenner, Walt - Chief - 4D201 - wbrenner
Voss, Nadia - Corporal - 4D214 - TBD

Walt Brenner
Chief of Police
"""

_ASK = """\
Cpl. Voss,

Thanks for the request. We still need the DPS username for Cpl. Voss.

DPS e-Ticket Technical Staff

"""


def _reply(chief: str, sender: str = "Nadia Voss <nvoss.dunmore@gmail.com>") -> bytes:
    thread = _ASK + chief
    quoted = "\n".join(("> " + line).rstrip() for line in thread.splitlines())
    attribution = "On Wed, May 6, 2026 at 10:02 AM DPS eTicket <dps.eTicket@vermont.gov> wrote:"
    body = f"My username is nvoss2.\n\nCpl. Nadia Voss\n\n{attribution}\n{quoted}\n"
    return mail(
        body, sender=sender, subject="Re: e-Ticket request - Dunmore PD", in_reply_to="<d-1@x>"
    )


def _complete(result: ParseResult) -> None:
    assert result.intent == "enrollment"
    assert result.agency.judiciary_code == "0587"
    assert result.agency.phone is not None
    assert [o.officer_number for o in result.officers] == ["4D201", "4D214"]
    assert result.officers[1].dps_username == "nvoss2"
    assert not [p for p in result.missing if p != "agency.logo"]


def test_a_request_naming_the_writers_own_address_is_the_agencys() -> None:
    chief = _CHIEF.format(cc="", poc=" (nvoss.dunmore@gmail.com)")
    _complete(parse_message(_reply(chief)))


def test_a_request_to_the_desk_copying_the_writer_is_the_agencys() -> None:
    chief = _CHIEF.format(cc="Cc: Nadia Voss <nvoss.dunmore@gmail.com>\n", poc="")
    _complete(parse_message(_reply(chief)))


def test_a_strangers_message_only_sent_to_the_writer_gives_nothing() -> None:
    chief = _CHIEF.format(cc="", poc="").replace(
        "To: DPS eTicket <dps.eTicket@vermont.gov>", "To: Nadia Voss <nvoss.dunmore@gmail.com>"
    )
    result = parse_message(_reply(chief))
    assert result.agency.judiciary_code is None


def test_the_desk_is_known_by_its_name_with_a_spaced_dash() -> None:
    assert is_desk("On 11/4/2025 9:02 AM, DPS - eTicket wrote:")
    assert not is_desk("On 11/4/2025 9:02 AM, Dana Reed wrote:")


_CONFIRM = """\
Chief Holm,

We have everything we need. Before we build the records, please confirm the
details below:

  Agency name on e-ticket: Tarrow PD
  Judiciary code: 0418
  Address: 12 Pine Street, Tarrow, VT 05149
  Phone: 802-555-0190
  Point-of-Contact: Officer Lena Park (lpark@tarrowvt.test)
  Officers:
    Holm, Eric - Chief - 6T001 - eholm
    Park, Lena - Officer - 6T007 - lpark

DPS e-Ticket Technical Staff

>> On Mar 20, 2026, at 9:41 AM, Eric Holm <eholm@tarrowvt.test> wrote:
>>
>> Tarrow PD would like to do e-tickets. Officer Lena Park will be our PoC.
>> Code 0418. 12 Pine Street, Tarrow, VT 05149, 802-555-0190. Officers: me
>> and Ofc. Lena Park (6T007, lpark).
>>
>> Eric
"""


def test_the_desks_recap_to_confirm_fills_what_the_own_request_left_out() -> None:
    quoted = "\n".join(("> " + line).rstrip() for line in _CONFIRM.splitlines())
    attribution = "> On Mar 24, 2026, at 2:10 PM, DPS - eTicket <dps.eTicket@vermont.gov> wrote:"
    body = (
        'One change: please print it as "Town of Tarrow Police Department".\n\n'
        f"Eric Holm\nChief of Police\n\n{attribution}\n{quoted}\n"
    )
    result = parse_message(
        mail(
            body,
            sender="Eric Holm <eholm@tarrowvt.test>",
            subject="Re: Tarrow PD e-ticket",
            in_reply_to="<d-2@x>",
        )
    )
    assert result.intent == "enrollment"
    assert result.point_of_contact.email == "lpark@tarrowvt.test"
    assert sorted(o.officer_number or "" for o in result.officers) == ["6T001", "6T007"]
    assert "point_of_contact.email" not in result.missing
