"""A surname opening with a saint's abbreviation ("Ste. Marie", "St. Pierre") is read
whole: its dot ends no sentence (intake/point_of_contact)."""

from __future__ import annotations

import pytest

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_BODY = """Dear DPS e-Ticket Technical Staff,

The University of Vermont Police Services would like to participate in e-ticketing.

I have designated {name}, our Records & Technology Manager, as the e-ticket
Point-of-Contact. {first} can be reached at {login}@uvm.edu or (802) 656-8122.

Our judiciary code is 0215.

Jonathan R. Maddox
Chief of Police & Director of Public Safety
"""


@pytest.mark.parametrize(
    ("written", "read", "login"),
    [
        ("Ms. Karen Ste. Marie", "Karen Ste. Marie", "karen.stemarie"),
        ("Officer Jean St. Pierre", "Jean St. Pierre", "jean.stpierre"),
    ],
)
def test_the_point_of_contacts_saint_surname_is_read_whole(
    written: str, read: str, login: str
) -> None:
    body = _BODY.format(name=written, first=read.split()[0], login=login)
    sender = "Jonathan R. Maddox <Jonathan.Maddox@uvm.edu>"
    result = parse_message(mail(body, sender=sender, subject="UVM Police Services - e-Ticket"))
    assert result.point_of_contact.name == read
    assert result.point_of_contact.email == f"{login}@uvm.edu"
