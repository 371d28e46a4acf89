"""An agency's addresses written kind by kind under a lone "Address:" label ("Physical:" /
"Mailing:"): the one a sentence picks for the tickets is read; with none picked, staff
choose between them and the sender is not asked again."""

from __future__ import annotations

from mailbot.intake.model import ParseResult
from mailbot.intake.parse import parse_message
from tests.reading_mail import mail


def _parse(address_block: str) -> ParseResult:
    body = (
        "Hello,\n\nQuarry Brook PD would like to join e-ticketing. The Point of Contact is "
        "Sgt. Odile Pellerin (opellerin@quarrybrookvt.org).\n\n"
        "Judiciary code: 0766\nName on ticket: Quarry Brook Police Department\n"
        f"{address_block}\nPhone: 802-555-0170\nLogo: attached\n\n"
        "Last Name\tFirst Name\tRank\tOfficer #\tDPS Username\n"
        "Pellerin\tOdile\tSergeant\tQB207\topellerin\n"
        "Marchetti\tLouis\tOfficer\tQB212\tlmarchetti\n\n"
        "Thank you,\nArmand Thibault\nChief of Police\n"
    )
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
    sender = "Armand Thibault <athibault@quarrybrookvt.org>"
    raw = mail(
        body,
        sender=sender,
        subject="e-ticket enrollment",
        attachments=[("logo.png", png, "image/png")],
    )
    return parse_message(raw)


_KINDS = (
    "Address:\n"
    "  Street:   12 Ledge Road\n"
    "            Quarry Brook, VT 05999\n"
    "  Postal:   P.O. Box 77\n"
    "            Quarry Brook, VT 05999\n"
)


def test_the_kind_of_address_a_sentence_picks() -> None:
    got = _parse(_KINDS + "(we'd like the postal address printed on the tickets)\n")
    assert got.agency.address == "P.O. Box 77, Quarry Brook, VT 05999"
    assert "agency.address" not in got.missing


def test_two_kinds_none_picked_are_left_to_staff() -> None:
    got = _parse(_KINDS)
    assert got.agency.address is None
    assert "agency.address" not in got.missing
    asked = [q for q in got.questions if q["field"] == "agency.address"]
    assert {c["value"] for c in asked[0]["candidates"]} == {
        "12 Ledge Road, Quarry Brook, VT 05999",
        "P.O. Box 77, Quarry Brook, VT 05999",
    }
