"""A roster typed in the form's order (last name, first name, title, number, username)
with blanks only, whose number is a character short or long, is read in that order with
its username; and a misspelt "Judicary Code" label still labels the code."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail


def test_spaced_rows_with_a_short_or_long_number_keep_their_order() -> None:
    result = parse_message(
        mail(
            "Hello,\n\nJudicary Code: 781\nAgency name: Corbin Police Dept.\n"
            "Address: 5 Elm St, Corbin, VT 05998\n\n"
            "Officers:\nMaddox Irene Chief 44K1 imaddox\nSoto Felix Sergeant 44K102 fsoto\n"
            "Quarry Dale Officer 44K15 dquarry\n\nChief Irene Maddox\nCorbin Police Department\n",
            sender="Irene Maddox <imaddox@corbinpd.org>",
            subject="Re: e-ticket set up",
        )
    )
    assert [
        (o.last_name, o.first_name, o.officer_number, o.dps_username) for o in result.officers
    ] == [
        ("Maddox", "Irene", "44K1", "imaddox"),
        ("Soto", "Felix", "44K102", "fsoto"),
        ("Quarry", "Dale", "44K15", "dquarry"),
    ]
    assert result.agency.judiciary_code == "781"
    assert "agency.judiciary_code" not in result.missing
    assert not any(m.endswith("dps_username") for m in result.missing)


def test_a_username_after_a_number_said_to_be_pending_is_read() -> None:
    result = parse_message(
        mail(
            "hello\n\nthis is dot from pell, we would like to do e tickets.\n\n"
            "jud code 0871\nname Pell Town Constable\naddress 2 hill rd pell vt 05997\n\n"
            "our people\n"
            "1. dot moreau, constable, leo# p5510, username dmoreau\n"
            "2. ike lund, deputy constable, leo # pending he starts the academy in may, "
            "username ilund\n\ndot\n",
            sender="Dot Moreau <dmoreau51@hotmail.com>",
            subject="e tickets",
        )
    )
    users = {o.last_name.lower(): o.dps_username for o in result.officers if o.last_name}
    assert users.get("lund") == "ilund"
    assert not any(m.endswith("dps_username") for m in result.missing)
