"""Rosters of one- and two-officer towns written sparsely: the lone officer who names
his number by a word of its own ("My VCJC number is ..."), an agency that asks to get
on e-tickets, and a signer whose title is "First Constable" holding the rank Constable."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.intake.parse import parse_message

_LONE = """\
Hello. My name is Walter Ingram and I am the elected First Constable for the Town of
Maple Rock. The select board bought me a laptop so I would like to get on the e tickets.
It is only me here. Judiciary code is 0999. Town office is 12 Elm St Maple Rock VT 05999,
802-555-0144. My VCJC number is K5521. I will be the contact, use this email.

Walter Ingram
First Constable, Town of Maple Rock
"""


def _read(body: str) -> dict[str, object]:
    msg = EmailMessage()
    msg["From"] = "Walter Ingram <wingram@example.net>"
    msg["To"] = "dps.eticket@vermont.gov"
    msg["Subject"] = "constable e tickets"
    msg.set_content(body)
    return parse_message(msg.as_bytes()).model_dump()


def test_lone_officer_number_named_by_its_own_word() -> None:
    officers = _read(_LONE)["officers"]
    assert isinstance(officers, list) and len(officers) == 1
    row = officers[0]
    assert (row["last_name"], row["first_name"]) == ("Ingram", "Walter")
    assert row["officer_number"] == "K5521"


def test_first_constable_holds_the_rank_constable() -> None:
    officers = _read(_LONE)["officers"]
    assert isinstance(officers, list) and officers
    assert officers[0]["title"] == "Constable"


_GET_ON = """\
Hi, Cedar Falls Police Department would like to get on the e ticket system. Code is 0998.
Office phone 802-555-0101. My badge number is CF101 and I am the only officer.
Thanks
Chief Rosa Kent
"""


def test_get_on_e_tickets_with_a_badge_number_is_enrolment() -> None:
    assert _read(_GET_ON)["intent"] == "enrollment"


_BLOCK = """\
Hello,

I am the constable for the Town of Birch Hollow and would like to enroll in e-ticketing.
Our judiciary code is 0997.

My info:
Nora Quill, Constable
VT cert / LEO number 70215
I never had a DPS username.

Town of Birch Hollow
9 Mill Road
Birch Hollow VT 05997

Thank you
Nora Quill
Birch Hollow Town Constable
"""


def test_number_in_the_writers_own_block_is_hers() -> None:
    msg = EmailMessage()
    msg["From"] = "Nora Quill <nquill@example.net>"
    msg["To"] = "dps.eticket@vermont.gov"
    msg["Subject"] = "e tickets for constable"
    msg.set_content(_BLOCK)
    officers = parse_message(msg.as_bytes()).model_dump()["officers"]
    assert [(o["last_name"], o["officer_number"]) for o in officers] == [("Quill", "70215")]


_LISTS = """\
Morning, Fox Ridge Police Department would like to enroll in e-ticketing. I'm the chief
(Irene Holt) and will be the contact. Code is 0996. Office phone 802-555-0123. The crew
is myself, Cpl Dan Vesey and Officer Mia Soto. Numbers are F2201 me, F2214 Vesey, F2230
Soto and usernames iholt, dvesey and msoto. Logo to follow.

Irene
"""


def test_values_listed_apart_follow_the_officers_in_order() -> None:
    msg = EmailMessage()
    msg["From"] = "Irene Holt <iholt_frpd@example.net>"
    msg["To"] = "dps.eticket@vermont.gov"
    msg["Subject"] = "Fox Ridge PD etickets"
    msg.set_content(_LISTS)
    officers = parse_message(msg.as_bytes()).model_dump()["officers"]
    rows = [(o["last_name"], o["title"], o["officer_number"], o["dps_username"]) for o in officers]
    assert rows == [
        ("Holt", "Chief", "F2201", "iholt"),
        ("Vesey", "Corporal", "F2214", "dvesey"),
        ("Soto", "Officer", "F2230", "msoto"),
    ]
