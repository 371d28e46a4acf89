"""Agency values an answer to our checklist gives in its own words: "The phone is
802-555-0199 and our code is 0412", "Here's our address - 210 Cross Street, Chester,
VT 05143", only for what the case still asks for.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from mailbot.intake.answer_details import MAX_LINE, _clean_line
from mailbot.intake.rules import Rules

if TYPE_CHECKING:
    from mailbot.intake.answer_placing import Asked


_PHONE_WORDS = re.compile(r"\b(?:phone|telephone|tel|number|call|reach)\b", re.I)


_CODE = re.compile(r"\b(?:code|ORI|judiciary)\b", re.I)


_FOUR_DIGITS = re.compile(r"(?<![\d-])(\d{4})(?![\d-])")


_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9.\-]{1,253}\.[A-Za-z]{2,24}")


_ADDRESS_SAID = re.compile(
    r"\baddress\s+(?:is|:)\s+(?P<address>[^\n]{5,150}?\b(?:VT|Vermont)\.?,?\s+\d{5}(?:-\d{4})?)\b",
    re.I,
)


_CONTACT_WORDS = re.compile(r"\b(?:point[\s-]+of[\s-]+contact|poc|contact|e-?mail)\b", re.I)


def agency_values(body: str, asked: Asked, rules: Rules) -> dict[str, str]:
    """Values the case asked for, written in a sentence: "the phone is 802-555-0199",
    "our code is 0412", "her email is amy@town.vt.us". Paths -> values."""
    out: dict[str, str] = {}
    lines = [line for line in (_clean_line(raw) for raw in body.split("\n")) if line]
    if "agency.phone" in asked.paths:
        phone = _phone(lines, rules)
        if phone:
            out["agency.phone"] = phone
    if "agency.judiciary_code" in asked.paths:
        for line in lines:
            codes = _FOUR_DIGITS.findall(line)
            if len(codes) == 1 and (_CODE.search(line) or line.strip(" .") == codes[0]):
                out["agency.judiciary_code"] = codes[0]
                break
    if "agency.address" in asked.paths:
        for line in lines:
            m = _ADDRESS_SAID.search(line) if len(line) <= MAX_LINE else None
            if m:
                out["agency.address"] = m.group("address").strip(" ,")
                break
    if "point_of_contact.email" in asked.paths:
        emails = [(line, m.group(0)) for line in lines for m in _EMAIL.finditer(line)]
        named = [e for line, e in emails if _CONTACT_WORDS.search(line)]
        if len(set(named)) == 1:
            out["point_of_contact.email"] = named[0].lower()
        elif len({e.lower() for _, e in emails}) == 1:
            out["point_of_contact.email"] = emails[0][1].lower()
    return out


def _phone(lines: list[str], rules: Rules) -> str | None:
    import phonenumbers

    found: list[tuple[bool, str]] = []
    for line in lines[:200]:
        if len(line) > MAX_LINE:
            continue
        for match in phonenumbers.PhoneNumberMatcher(line, rules.formats.phone.region):
            found.append((bool(_PHONE_WORDS.search(line)), match.raw_string))
    said = [raw for labelled, raw in found if labelled]
    if len(set(said)) == 1:
        return said[0]
    if len({raw for _, raw in found}) == 1:
        return found[0][1]
    return None
