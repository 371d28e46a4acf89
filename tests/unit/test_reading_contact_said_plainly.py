"""The Point-of-Contact said in the plainest words: "Lt. Ann Roy (aroy@...) is our contact
for this", and the writer's "Im also the contact" typed on a phone without an apostrophe."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_LOGO = [("logo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png")]


def test_a_named_person_is_our_contact_for_this() -> None:
    body = (
        "We would like to sign up for e-ticketing. Sgt. Nora Whitlock (nwhitlock@elmfordvt.org) "
        "is our contact for this.\n\nJudiciary code 0588. Elmford Police Department, "
        "12 Mill Street, Elmford, VT 05999, 802-555-0131.\n\n"
        "Officers:\nWhitlock Nora Sergeant EF011 nwhitlock\nDubuc Paul Officer EF019 pdubuc\n\n"
        "Gary Lessard\nChief of Police\n"
    )
    got = parse_message(
        mail(
            body,
            sender="Gary Lessard <glessard@elmfordvt.org>",
            subject="eticket",
            attachments=_LOGO,
        )
    )
    assert got.point_of_contact.name == "Nora Whitlock"
    assert got.point_of_contact.email == "nwhitlock@elmfordvt.org"
    assert "point_of_contact.name" not in got.missing


def test_im_also_the_contact_typed_without_an_apostrophe() -> None:
    body = (
        "Elmford constable wants to sign up for eticketing. Jud code 0588. Logo attached. "
        "Im the only officer - Paul Dubuc, Constable, LEO 35110, username pdubuc. "
        "Im also the contact.\n\nPaul\n\nSent from my phone\n"
    )
    got = parse_message(
        mail(
            body,
            sender="Paul Dubuc <pdubuc.elmford@gmail.com>",
            subject="Eticket",
            attachments=_LOGO,
        )
    )
    assert got.point_of_contact.name == "Paul Dubuc"
    assert got.point_of_contact.email == "pdubuc.elmford@gmail.com"
    assert "point_of_contact.email" not in got.missing


def test_the_verb_nearest_the_role_names_the_contact() -> None:
    body = (
        "Hello,\n\nChief Lessard asked me to answer this while he is away. The Chief of "
        "Police is Gary Lessard. He has designated Officer Nora Whitlock as our e-ticket "
        "point of contact, her email is nwhitlock@elmfordvt.org.\n\n"
        "Respectfully,\nLt. Paul Dubuc\nElmford Police Department\n"
    )
    got = parse_message(
        mail(body, sender="Paul Dubuc <pdubuc@elmfordvt.org>", subject="Re: e-Ticket")
    )
    assert got.point_of_contact.name == "Nora Whitlock"
    assert got.point_of_contact.email == "nwhitlock@elmfordvt.org"


def test_i_am_both_the_head_and_the_point_of_contact() -> None:
    body = (
        "Good morning,\n\nSince I am the only officer in Elmford, I suppose I am both the "
        "head of the department and the point of contact, so please send anything to me at "
        "this address. Our judiciary code is 0588. The name on the tickets should be "
        "Elmford Town Constable. Our address is 12 Mill Street, Elmford, VT 05999, phone "
        "802-555-0131. My LEO number is 07715 and my DPS username is pdubuc.\n\n"
        "Respectfully,\n\nPaul Dubuc\nTown Constable\n"
    )
    got = parse_message(
        mail(
            body,
            sender="Paul Dubuc <constable@elmfordvt.org>",
            subject="eticket",
            attachments=_LOGO,
        )
    )
    assert got.point_of_contact.name == "Paul Dubuc"
    assert got.point_of_contact.email == "constable@elmfordvt.org"
    assert "point_of_contact.name" not in got.missing
