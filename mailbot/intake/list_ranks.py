"""The rank words of an officer's list line (:mod:`lists`): a title of two or three words
("Patrol Officer"), a rank word that is the officer's surname, a rank before a name, and
the words on a rank or a departure that are no login."""

from __future__ import annotations

import re

from mailbot.intake.names import NAME_SUFFIXES
from mailbot.intake.prose import rank_title
from mailbot.intake.rules import Rules, per_rules, per_rules_text

_LOGIN = re.compile(r"^(?:[A-Za-z]{2,15}\\)?[a-z][a-z0-9._-]{1,29}$")


def unsuffixed(name: str) -> list[str]:
    """The words of ``name`` less a suffix after them ("Roy Jr." -> ["Roy"])."""
    words = name.split()
    if len(words) > 1 and words[-1].strip(".,").casefold() in NAME_SUFFIXES:
        return words[:-1]
    return words


# "St. Pierre", "Van Buren", "De la Cruz": a last name of two or three words, the first a
# particle
SURNAME_PARTICLE = re.compile(
    r"^(?i:st\.?|ste\.?|saint|sainte|van|von|de|da|del|della|di|du|la|le|mac|mc|o['’])"
    r"(?:\s+(?i:la|le|los|las|der|den))?\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?$"
)


def rank_as_surname(pieces: list[str], rules: Rules) -> int | None:
    """The index of a piece that is a rank word but is the officer's last name: another
    piece gives the title ("Constable | Harlan | First Constable | WS001 | hconstable"),
    and the username is made from the word (or it is the only such piece)."""
    ranked = [i for i, p in enumerate(pieces) if rank_title(p, rules) or is_rank_phrase(p, rules)]
    if len(ranked) < 2:
        return None
    words = [i for i in ranked if " " not in pieces[i] and not pieces[i].endswith(".")
             and len(pieces[i]) > 3 and pieces[i][:1].isupper()]  # fmt: skip
    users = [p.lower() for p in pieces if _LOGIN.match(p)]
    made = [i for i in words if any(pieces[i].lower() in u for u in users)]
    if len(made) == 1:
        return made[0]
    return words[0] if len(words) == 1 and len(ranked) > len(words) else None


def rank_off(text: str, rules: Rules) -> tuple[str | None, str | None]:
    words = text.split()
    if words and rank_title(words[0], rules):
        return rank_title(words[0], rules), " ".join(words[1:]) or None
    return None, text


@per_rules_text  # each line's words are tried as a rank group's heading by several readers
def is_rank_phrase(text: str, rules: Rules) -> bool:
    """ "Patrol Officer", "Senior Trooper", "Deputy Sheriff": a title of two or three words
    that ends (or starts) with a rank word."""
    words = text.split()
    if not 1 < len(words) <= 3:
        return False
    if " ".join(words).lower() in {t.lower() for t in rules.language.people.head_titles}:
        return True  # "Chief of Police", "Director of Public Safety"
    if rank_title(words[0], rules) and any(
        not rank_title(w, rules) and w.lower() not in row_modifiers(rules) for w in words[1:-1]
    ):
        return False  # "Officer Lee Sheriff": a ranked name, not a title
    roles = {w.lower() for w in rules.language.people.rank_roles}  # "Investigator Supervisor"
    return bool(rank_title(words[-1], rules)) or (
        bool(rank_title(words[0], rules)) and (words[-1][0].islower() or words[-1].lower() in roles)
    )


@per_rules
def row_modifiers(rules: Rules) -> frozenset[str]:
    """Words no login is: on a rank ("part-time"), of a departure ("07M33 - resigned")."""
    said = rules.language.people.rank_modifiers + rules.language.intent.deactivate
    return frozenset(w.lower() for w in said if " " not in w)
