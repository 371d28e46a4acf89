"""The agency an officer joined, as a roster change names it ("has left Vergennes PD and
joined the Addison County Sheriff's Department"): where his record moves when the writer
asks for it "over to our agency"."""

from __future__ import annotations

import re

from mailbot.intake.agency_name import in_full
from mailbot.intake.rules import Rules, per_rules
from mailbot.intake.word_lists import alternation


@per_rules
def _joined(rules: Rules) -> re.Pattern[str]:
    """ "joined the Orleans County Sheriff's Department", "to join Barre City Police",
    "starts with the Caledonia County Sheriff's Department": the words naming it."""
    either = alternation(rules.language.people.joined_verbs)
    return re.compile(
        rf"(?<![\w-])(?i:{either})\s+(?i:the\s+)?"
        r"([A-Z][\w'’.-]*+(?:[ \t]+(?:of[ \t]+)?[A-Z][\w'’.-]*+)*+)"
        # "... Public Safety - Police Division": the unit of it after a dash
        r"(?:[ \t]+([-–])[ \t]+([A-Z][\w'’.-]*+(?:[ \t]+(?:of[ \t]+|&[ \t]+)?[A-Z][\w'’.-]*+)*+))?"
    )


def joined_agency(text: str, rules: Rules) -> str | None:
    """The agency ``text`` says the officer joined, when its name ends like an agency's
    ("... Sheriff's Department", "... PD", written in full where the text has it so)."""
    suffixes = [s.lower() for s in rules.language.people.agency_suffixes]
    short = [s.lower() for s in rules.language.people.agency_abbreviations]
    for m in _joined(rules).finditer(text):
        words = m.group(1).split()
        # "joining the Barre Town Police Department. Chief LaPerle has ...": the name ends
        # with the longest run of its words that ends like an agency's, not at the
        # capitals of the next sentence
        for end in range(len(words), 0, -1):
            named = " ".join(words[:end]).rstrip(".,;")
            low = named.lower()
            if any(low.endswith(s) for s in suffixes) or any(low.endswith(f" {s}") for s in short):
                unit = _unit(m.group(3), rules) if end == len(words) else None
                if unit:  # "joined the Westford Public Safety - Police Division"
                    return f"{named} {m.group(2)} {unit}"
                return in_full(named, text, rules)
    return None


def _unit(said: str | None, rules: Rules) -> str | None:
    """The unit of an agency named after a dash ("Police Division as an Officer" ->
    "Police Division"): its words up to the last that names a unit, or None."""
    words = (said or "").split()
    units = {w.lower() for w in rules.language.people.agency_units}
    for end in range(len(words), 0, -1):
        if words[end - 1].rstrip(".,;").lower() in units:
            return " ".join(words[:end]).rstrip(".,;")
    return None


def place_in_full(named: str | None, joined: str | None, text: str, rules: Rules) -> str | None:
    """``named``, the agency a record moves to, as the agency the officer joined when it
    is that agency's place alone ("joined the Northfield Police Department ... move his
    record from Berlin to Northfield"); else ``named``."""
    full = joined or joined_agency(text, rules)
    if named and full and full.lower().startswith(f"{named.lower()} "):
        return full
    return named
