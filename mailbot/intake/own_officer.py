"""The writer as the department's one officer, his details in the first person ("I am
the Chief ... My officer number is S2204 and the username they gave me at DPS is
jcourcelle"): when no roster is read, the signer with his own number is the officer."""

from __future__ import annotations

import re

from mailbot.intake.model import Officer
from mailbot.intake.prose import rank_title, split_name
from mailbot.intake.rules import Rules

_OWN_NUMBER = re.compile(
    r"\bmy\s+(?:own\s+)?(?:VT\s+)?(?:officer|LEO|badge|justice(?:\s+system)?)\s*"
    r"(?:number|#|no\.?|id)\s*(?:is\s+|[:=#]\s*)((?=[A-Za-z]{0,4}\d)[A-Za-z0-9]{5})\b",
    re.I,
)
_OWN_USER = re.compile(
    r"\b(?:my\s+(?:DPS\s+)?(?:user\s*name|login)"
    r"|(?:DPS\s+)?(?:user\s*name|login)\s+(?:they\s+|DPS\s+)?(?:gave|issued|assigned)\s+"
    r"(?:to\s+)?me(?:\s+(?:at|by|from)\s+(?:the\s+)?DPS)?)"
    r"\s+(?:is\s+|[:=]\s*)([a-z][a-z0-9._-]{1,29})\b",
    re.I,
)


def signer_as_officer(
    body: str, name: str | None, title: str | None, rules: Rules
) -> list[Officer]:
    """The signer ``name`` (``title``) as the one officer when ``body`` gives his own
    officer number in the first person; else none."""
    number = _OWN_NUMBER.search(body)
    if name is None or number is None:
        return []
    first, last = split_name(name)
    if last is None:
        return []
    user = _OWN_USER.search(body)
    words = (title or "").split()
    rank = rank_title(words[0], rules) if words else None
    officer = Officer(
        last_name=last,
        first_name=first,
        title=rank or title,
        officer_number=number.group(1).upper(),
        dps_username=user.group(1).rstrip(".") if user else None,
    )
    return [officer]


_NAME_WORD = re.compile(r"^[A-ZÀ-Þ][a-zß-ÿ'’.-]*(?:-[A-ZÀ-Þ][a-zß-ÿ'’.-]*)?$")


def writer_name(display: str | None, rules: Rules) -> str | None:
    """The From header's display name when it is a person's ("Armand Duquette", or
    "Duquette, Armand" in the directory's order), for a roster row the writer marks as his
    own ("Myself - Chief, BN001, aduquette"); None for an office's name ("Brandon PD")."""
    if not display:
        return None
    last, comma, first = display.partition(",")
    name = f"{first} {last}" if comma else display
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(_NAME_WORD.match(w) for w in words):
        return None
    people = rules.language.people
    other = {w.lower() for w in (*people.job_words, *rules.language.evidence.agency_place_words)}
    if any(w.lower().strip(".") in other or rank_title(w, rules) for w in words):
        return None
    return " ".join(words)
