"""A reply above the desk's recap of the request ("Below is what we have on file: ...
Still needed: ..."): the recap's values are the sender's own request as the desk read
it, so only what the desk still asked for is asked again, and nothing it recapped."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_RECAP = """\
Sheriff Okafor,

Thanks for writing in. Below is what we have on file for your agency:

Agency name: Lamoille County Sheriff's Department
Judiciary code: not yet received
Address: 88 Court Street, Hyde Park, VT 05655
Phone: (802) 555-0177
Point of contact: Deputy Ines Varga (ivarga@lamoillesheriff.test)

Officers:
Okafor, Tobias - Sheriff - LC001 - tokafor
Varga, Ines - Deputy - LC014 - ivarga
Lindqvist, Per - Deputy - LC022 - plindqvist

Still needed:
- your 4-digit judiciary code

Dana Morel
e-Ticket Technical Staff
Department of Public Safety
45 State Drive, Waterbury, VT 05671
"""


def _mail(body: str) -> bytes:
    return mail(
        body,
        sender="Tobias Okafor <tokafor@lamoillesheriff.test>",
        subject="Re: Lamoille County SD e-ticket record",
        in_reply_to="<desk-1@vermont.gov>",
    )


def _reply(top: str) -> bytes:
    quoted = "\n".join(("> " + line).rstrip() for line in _RECAP.splitlines())
    attribution = "On Mon, Nov 2, 2026 at 9:14 AM, DPS - eTicket <dps.eTicket@vermont.gov> wrote:"
    return _mail(f"{top}\n\n{attribution}\n{quoted}\n")


def test_the_desks_recap_is_the_request_answered() -> None:
    result = parse_message(_reply("Our code is 0533.\n\nTO\nSent from my phone"))
    assert result.intent == "enrollment"
    assert result.agency.judiciary_code == "0533"
    assert result.agency.name == "Lamoille County Sheriff's Department"
    assert "Hyde Park" in (result.agency.address or "")
    assert result.point_of_contact.email == "ivarga@lamoillesheriff.test"
    assert [o.officer_number for o in result.officers] == ["LC001", "LC014", "LC022"]
    assert not [p for p in result.missing if p != "agency.logo"]


def test_the_desks_own_address_and_its_asks_are_not_values() -> None:
    """The desk's signature (its Waterbury address) is not the agency's."""
    result = parse_message(_reply("Code is 0533."))
    assert "Waterbury" not in (result.agency.address or "")
    assert result.agency.address and "Hyde Park" in result.agency.address
