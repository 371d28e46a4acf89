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


_MISSING_ROWS = """\
Lt. Brodeur,

We got the Fernhill Police Department enrollment from your chief. Here is what we have:

Agency name: Fernhill Police Department
Judiciary code: 0644
Address: 9 Mill Lane, Fernhill, VT 05150
Phone: 802-555-0121
Point of Contact: Lt. Paul Brodeur, pbrodeur@fernhillpd.test
Head of Department: Chief Rita Sousa

Officers:
Brodeur, Paul - Lieutenant - 06401 - DPS username: MISSING
Okonkwo, Ada - Officer - 06417 - DPS username: MISSING

Please send the DPS username for each officer.

DPS e-Ticket Technical Staff
"""


def _reply_to(recap: str, top: str) -> bytes:
    quoted = "\n".join(("> " + line).rstrip() for line in recap.splitlines())
    attribution = "On Tue, Mar 3, 2026 at 8:02 AM DPS eTicket <dps.eTicket@vermont.gov> wrote:"
    return mail(
        f"{top}\n\n{attribution}\n{quoted}\n",
        sender="Paul Brodeur <pbrodeur@fernhillpd.test>",
        subject="Re: Fernhill PD - usernames",
        in_reply_to="<desk-2@vermont.gov>",
    )


def test_recap_rows_that_leave_a_value_open_are_still_the_roster() -> None:
    """ "Okonkwo, Ada - Officer - 06417 - DPS username: MISSING": the row is the recap's,
    its open value is no value, and the answer above fills it."""
    top = "Paul Brodeur is pbrodeur and Ada Okonkwo is aokonkwo2 (aokonkwo was taken).\n\nPaul"
    result = parse_message(_reply_to(_MISSING_ROWS, top))
    assert result.intent == "enrollment"
    assert result.agency.judiciary_code == "0644"
    assert result.head_of_department.name == "Rita Sousa"
    got = [(o.last_name, o.officer_number, o.dps_username) for o in result.officers]
    assert got == [("Brodeur", "06401", "pbrodeur"), ("Okonkwo", "06417", "aokonkwo2")]
    assert not [p for p in result.missing if p != "agency.logo"]


_RECORDED = """\
Chief Sousa,

Thank you for your enrollment. We have recorded:

Agency: Fernhill Police Department
Judiciary code: 0644
Address: 9 Mill Lane, Fernhill, VT 05150
Phone: 802-555-0121
Officers:
  Brodeur, Paul - Lt. - 06401 - pbrodeur

Still needed:
  - Agency logo

DPS e-Ticket Technical Staff
"""


def test_what_the_desk_says_it_recorded_is_the_request_answered() -> None:
    top = "The phone is right. I will send the logo next week.\n\nRita"
    result = parse_message(_reply_to(_RECORDED, top))
    assert result.intent == "enrollment"
    assert result.agency.name == "Fernhill Police Department"
    assert result.agency.judiciary_code == "0644"
    assert [o.dps_username for o in result.officers] == ["pbrodeur"]
    assert [p for p in result.missing if p.startswith("agency.")] == ["agency.logo"]


_IN_BRACKETS = """\
Chief Marlow,
Your request for Quarry Hill Police Department is almost done
(code 0718, 14 Depot Street, Quarry Hill VT 05999, 802-555-0140, PoC Sgt. Rosa
Ibarra). Sgt. Ibarra's roster row has no LEO number. Can you send it?
"""


def test_a_recap_written_in_brackets_is_the_request_answered() -> None:
    """ "Your request for X is almost done (code ..., address, phone, PoC ...)": the values
    in brackets are the request's, and the desk's remark after them is none."""
    quoted = "\n".join(("> " + line).rstrip() for line in _IN_BRACKETS.splitlines())
    attribution = "On Mar 3, 2026, at 8:02 AM, DPS eTicket <dps.eTicket@vermont.gov> wrote:"
    top = "Here it is:\n\nIbarra | Rosa | Sergeant | QH214 | ribarra\n\nRosa"
    result = parse_message(
        mail(
            f"{top}\n\n{attribution}\n{quoted}\n",
            sender="Rosa Ibarra <ribarra@quarryhillvt.test>",
            subject="Re: TraCS - Quarry Hill",
            in_reply_to="<desk-3@vermont.gov>",
        )
    )
    assert result.intent == "enrollment"
    assert result.agency.name == "Quarry Hill Police Department"
    assert result.agency.judiciary_code == "0718"
    assert "Depot Street" in (result.agency.address or "")
    assert result.point_of_contact.name == "Rosa Ibarra"
    assert [o.officer_number for o in result.officers] == ["QH214"]
    assert not [
        p
        for p in result.missing
        if p.startswith(("agency.", "point_of_contact.")) and p != "agency.logo"
    ]


_STILL_NEED = (
    "Chief Okafor,\n\nThank you for your request for Elmore Police Department. To complete "
    "the Agency record we still need:\n- Judiciary code\n"
    "- DPS usernames for Officer Ines Varga (EL014) and Officer Per Lindqvist (EL022)\n\n"
    "We have: Elmore Police Department, 12 Pond Road, Elmore, VT 05657, 802-555-0131. "
    "POC: Chief Tobias Okafor.\n\nDPS e-Ticket Technical Staff\n"
)


def _partial_answer() -> bytes:
    quoted = "\n".join(("> " + line).rstrip() for line in _STILL_NEED.splitlines())
    return mail(
        "Hi,\n\nJudiciary code - 0533\n\nI am still waiting on the usernames from our IT "
        "person, I will send them when I have them.\n\nThanks,\nChief Tobias Okafor\n\n"
        "On Mon, Nov 2, 2026 at 3:14 PM DPS eTicket <dps.eTicket@vermont.gov> wrote:\n"
        f"{quoted}\n",
        sender="Tobias Okafor <tokafor@elmorevt.test>",
        subject="Re: Elmore PD e-ticket - information needed",
        in_reply_to="<desk-2@vermont.gov>",
    )


def test_a_recap_of_values_in_one_sentence_is_the_request_answered() -> None:
    """ "We have: Elmore Police Department, 12 Pond Road, ..., 802-555-0131. POC: Chief
    Tobias Okafor.": the values are given, the PoC named, none asked again."""
    result = parse_message(_partial_answer())
    assert result.intent == "enrollment"
    assert "Elmore, VT 05657" in (result.agency.address or "")
    assert result.point_of_contact.name == "Tobias Okafor"
    assert not {"agency.address", "agency.phone", "point_of_contact.name"} & set(result.missing)


def test_the_officers_the_desk_still_asks_about_are_the_roster() -> None:
    """The desk's "usernames for Officer Ines Varga (EL014) and ..." names the roster it
    holds: a reply that sends no roster keeps it, and only their usernames are asked."""
    result = parse_message(_partial_answer())
    assert [(o.last_name, o.officer_number) for o in result.officers] == [
        ("Varga", "EL014"),
        ("Lindqvist", "EL022"),
    ]
    assert "officers" not in result.missing
    assert {"officers[0].dps_username", "officers[1].dps_username"} <= set(result.missing)
