"""A one-officer department: the chief writes his own details in the first person and
no roster; he is the officer to set up, with the number and login he gives."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.data import build

_BODY = """\
Good day,

I'm Walt Ferrand, Constable for the Town of Lowell Falls, and it's just me here for now.
The agency is the Lowell Falls Constable's Office, 14 Church Street, Lowell Falls VT 05999,
phone 802-555-0133, and our judiciary code is 0612. I will be the contact myself. My LEO
number is LF301 and the username DPS gave me is wferrand. Nobody else here writes
tickets. Patch picture attached for the logo.

Walt Ferrand
Constable, Lowell Falls
"""


def test_the_writer_of_a_one_man_office_with_his_own_number_is_the_officer() -> None:
    raw = build.eml(
        text=_BODY,
        sender="walt ferrand <waltferrand@lowellfalls.test>",
        subject="e tickets",
        attachments=[("patch.jpg", "image/png", build.png(120, 120))],
    )
    got = parse_message(raw)
    assert [(o.last_name, o.officer_number, o.dps_username) for o in got.officers] == [
        ("Ferrand", "LF301", "wferrand")
    ]
    assert "officers" not in got.missing
