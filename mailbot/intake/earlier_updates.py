"""What a reply changes on the roster of the sender's own quoted request ("Cpl. Dubois
was promoted to Sergeant last week, so please put Sergeant on his record", "Ofc.
Kinney's username is kkinney2, not kkinney"): the request is sent again with those
values, read as a roster change's would be.

Only a sentence that names one officer of the roster (by last name) changes him; one
naming two says nothing certain of either.
"""

from __future__ import annotations

import re

from mailbot.intake.change_values import change_of
from mailbot.intake.model import Officer
from mailbot.intake.prose import sentences
from mailbot.intake.rules import Rules

_FIELDS = ("title", "dps_username")


def _names(last: str, low: str) -> bool:
    word = last.lower()
    return word in low and re.search(rf"(?<![\w'-]){re.escape(word)}(?![\w-])", low) is not None


def updated(officers: list[Officer], text: str, rules: Rules) -> list[Officer]:
    """``officers`` with the title and username each sentence of ``text`` gives one of them."""
    out = list(officers)
    for sentence in sentences(text):
        low = sentence.lower()
        named = [i for i, o in enumerate(out) if o.last_name and _names(o.last_name, low)]
        if len(named) != 1:
            continue
        officer = out[named[0]]
        extra = change_of(officer, "update", sentence, rules).model_extra or {}
        values = {k: extra[k] for k in _FIELDS if isinstance(extra.get(k), str) and extra[k]}
        if values:
            out[named[0]] = officer.model_copy(update=values)
    return out
