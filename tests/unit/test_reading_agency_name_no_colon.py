"""The agency's name after the word "Name" typed as a label without its colon, in a note
from a phone ("Jud code 0794. Name Town of Peacham Constable."): the label is no part of
the name."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail


def test_name_label_without_colon_is_not_part_of_the_name() -> None:
    body = (
        "Elmford constable would like to sign up for eticketing. Jud code 0588. Name Town "
        "of Elmford Constable. Im the only officer - Paul Dubuc, Constable, LEO 35110, "
        "username pdubuc.\n\nPaul\n"
    )
    got = parse_message(
        mail(body, sender="Paul Dubuc <pdubuc.elmford@gmail.com>", subject="Eticket")
    )
    assert got.agency.name == "Town of Elmford Constable"
