"""A phone written beside a person's name on his line of details ("PoC: Ofc. Dan Kerr,
cell ...", "Sgt. Rita Bone, phone ...") is his, not the agency's, when the message writes
another number; when it writes no other, it is the agency's (as writers mean it), never
asked again."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_OPENING = (
    "Fairlee Police Department would like to start issuing e-tickets. Judiciary code 0611.\n\n"
)
_ROSTER = "\n\nOfficers:\nBone, Rita - Sergeant - 14F02 - rbone\n\n"
_SIGNED = (
    "Thanks,\nTom Lyle\nChief of Police\nFairlee Police Department\n"
    "75 Main Street, Fairlee, VT 05045\n"
)

_PERSON_LINES = (
    "PoC: Sgt. Rita Bone, phone 802-555-0133",
    "Sgt. Rita Bone, phone 802-555-0133",
    "Point of contact - Lt. Amy Fox - phone 802-555-0133 - afox@fairlee.test",
    "Point of Contact: Sgt. Rita Bone, rbone@fairlee.test, tel. 802-555-0133",
    "Contact: Rita Bone, Sergeant, ph 802-555-0133",
)


def _read(line: str, signature_phone: str):
    raw = mail(
        _OPENING + line + _ROSTER + _SIGNED + signature_phone,
        sender="Tom Lyle <tlyle@fairlee.test>",
        subject="e-ticket enrollment",
    )
    return parse_message(raw)


def test_a_phone_beside_a_persons_name_leaves_the_agencys_in_the_signature() -> None:
    for line in _PERSON_LINES:
        for phone in ("802-555-0171\n", "Phone: 802-555-0171\n"):
            result = _read(line, phone)
            assert result.intent == "enrollment", line
            assert result.agency.phone == "(802) 555-0171", (line, phone)


def test_the_only_phone_beside_a_persons_name_is_the_agencys() -> None:
    for line in _PERSON_LINES:
        result = _read(line, "")
        assert result.agency.phone == "(802) 555-0133", line
        assert "agency.phone" not in result.missing, line


def test_a_persons_line_number_with_an_extension_is_the_agencys_line() -> None:
    result = _read("PoC: Sgt. Rita Bone, phone 802-555-0171 x214", "802-555-0171\n")
    assert (result.agency.phone or "").startswith("(802) 555-0171")
    assert "agency.phone" not in result.missing


def test_an_agency_named_beside_its_phone_is_no_person() -> None:
    result = _read("Contact: Fairlee Police Department, phone 802-555-0133", "")
    assert result.agency.phone == "(802) 555-0133"
