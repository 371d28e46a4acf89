"""Officers of one sentence, each named and then given his values in brackets, the
values being any of his name, title, number and login, apart by commas: "myself (Thomas
Alcott, Chief, number P4401, username talcott), Cpl. Marcoux (Seth, P4415, smarcoux) and
Officer Jillian Cross (P4438, jcross)". A careful reader takes each bracket as one
officer's record: a capitalised name in it is his (his first name, when the words
before it give his surname), a rank his title, the word with a digit his number and the
lower-case word his login.

Pure functions; the words come from ``rules/language.toml``.
"""

from __future__ import annotations

import re

from mailbot.intake.model import Officer
from mailbot.intake.prose import last_name_run, person, rank_title, split_rank
from mailbot.intake.rules import Rules, per_rules
from mailbot.intake.word_lists import whole_words

_BRACKET = re.compile(r"\(([^()\n]{3,120})\)")
_NUMBER = re.compile(r"^(?:#[ \t]*)?([A-Za-z]{0,4}\d[A-Za-z0-9-]{1,9})$")
_LOGIN = re.compile(r"^[a-z][a-z0-9._-]{1,29}$")
_NAME = re.compile(r"^[A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+){0,2}$")
_BEFORE = 60


@per_rules
def _labels(rules: Rules) -> re.Pattern[str]:
    """A value's label at the start of a piece ("number P4401", "username talcott")."""
    row = rules.language.rows
    words = [w for w in (*row.number_labels, *row.user_labels) if w[:1].isalpha()]
    return re.compile(
        rf"^(?:dps[ \t]+)?{whole_words(words).pattern}[ \t]*(?:is[ \t]+)?[:#]?[ \t]*", re.I
    )


def _record(pieces: list[str], rules: Rules) -> dict[str, str] | None:
    """The values of one bracket, by kind; None when a piece is of no kind or two are
    of one kind (no officer's record)."""
    out: dict[str, str] = {}
    for piece in pieces:
        value = _labels(rules).sub("", piece)
        if (m := _NUMBER.match(value)) and any(c.isdigit() for c in value):
            kind, said = "number", m.group(1)
        elif _LOGIN.match(value):
            kind, said = "login", value
        elif rank_title(value.rstrip("."), rules):
            kind, said = "title", rank_title(value.rstrip("."), rules) or value
        elif _NAME.match(value):
            kind, said = "name", value
        else:
            return None
        if kind in out:
            return None
        out[kind] = said
    return out if "number" in out else None


def _named_before(sentence: str, at: int, rules: Rules) -> tuple[str | None, list[str]]:
    """The title and the name words written right before a bracket ("Cpl. Marcoux"),
    none for the writer himself ("myself")."""
    run = last_name_run(sentence[max(0, at - _BEFORE) : at]) or ""
    title, rest = split_rank(run.split(), rules)
    return title, [w for w in rest if w.lower() not in _not_names(rules)]


@per_rules
def _not_names(rules: Rules) -> frozenset[str]:
    return frozenset(w.lower() for w in rules.language.rows.not_names)


def bracketed_records(sentence: str, rules: Rules) -> list[Officer]:
    """The officers of a sentence that gives each his record in brackets after his name
    (two of them at least); empty unless every bracket with a number is one officer's
    whole record, named in full."""
    found: list[Officer] = []
    for m in _BRACKET.finditer(sentence):
        pieces = [p.strip() for p in m.group(1).split(",") if p.strip()]
        record = _record(pieces, rules)
        if record is None:
            if any(c.isdigit() for c in m.group(1)):
                return []
            continue
        title, before = _named_before(sentence, m.start(), rules)
        named = record.get("name", "").split()
        first: str | None
        last: str | None
        if len(before) == 1 and len(named) == 1:
            first, last = named[0], before[0]  # "Cpl. Marcoux (Seth, ...)"
        elif len(named) >= 2 and not before:
            _, first, last = person(" ".join(named), rules)  # "myself (Thomas Alcott, ...)"
        elif len(before) >= 2 and not named:
            _, first, last = person(" ".join(before), rules)
        else:
            return []
        if not (first and last):
            return []
        found.append(
            Officer(
                last_name=last,
                first_name=first,
                title=record.get("title") or title,
                officer_number=record["number"],
                dps_username=record.get("login"),
            )
        )
    return found if len(found) >= 2 else []
