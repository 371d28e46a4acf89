"""A Point-of-Contact named by a role only ("The Sheriff has designated our Chief Deputy
as the e-ticket Point of Contact", "Our sergeant will be the contact person for this"):
the head for a head's title ("The Chief will be the PoC himself"), else the one person
the message names with that rank, on the roster ("Chief Deputy Walt Brigham  OC002") or
in its text ("Sgt. Dale Whitcomb"); no one when nobody, or more than one, holds it.

Read by :mod:`point_of_contact`; rank words are the rules' ``[people] ranks``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mailbot.intake.poc_wording import _CONTACT_SAID, _POC_WORDS
from mailbot.intake.prose import rank_title, split_rank
from mailbot.intake.rules import Rules, per_rules
from mailbot.intake.word_lists import alternation

_ROLE_ONLY = re.compile(r"^(?i:the|our|my)\s+([A-Za-z]+(?:\s+[A-Za-z]+)?)\.?$")
"""A person named by a role only ("The Chief", "our Sheriff", "our Chief Deputy")."""


def role_is_head(raw: str, rules: Rules) -> bool:
    """Whether ``raw`` names a head's title only ("The Chief")."""
    m = _ROLE_ONLY.match(raw.strip())
    heads = {t.lower() for t in rules.language.people.head_titles}
    return m is not None and m.group(1).lower() in heads


def rank_of_role(raw: str, rules: Rules) -> str | None:
    """The title of the rank ``raw`` names a person by, and nothing else ("our Chief
    Deputy": "Chief Deputy"); None for a name or any other words."""
    m = _ROLE_ONLY.match(" ".join(raw.split()))
    title, rest = split_rank(m.group(1).split(), rules) if m else (None, [])
    return title if title and not rest else None


@per_rules
def _role_poc_re(rules: Rules) -> re.Pattern[str]:
    rank = alternation([r for r, t in rules.language.people.ranks.items() if t])
    ranks = rf"(?:{rank})\.?(?:\s+(?:{rank})\.?)?"  # "sergeant", "Chief Deputy"
    return re.compile(
        rf"(?<![\w'’-])(?i:(?P<role>(?:our|my|the)\s+{ranks}))\s+(?i:will\s+be"
        rf"|is\s+going\s+to\s+be|shall\s+be|is)\s+(?:{_POC_WORDS}|(?i:the|our)\s+(?i:{_CONTACT_SAID}))"
    )


def role_made_poc(
    flat: str, text: str, ranked: Sequence[tuple[str, str]], rules: Rules
) -> str | None:
    """ "Our sergeant will be the contact person for this" (in ``flat``): the one person
    of that rank (:func:`one_of_rank`)."""
    said = _role_poc_re(rules).search(flat)
    title = rank_of_role(said.group("role"), rules) if said else None
    return one_of_rank(title, text, ranked, rules) if title else None


_NAME_WORD = re.compile(r"^[A-Z][A-Za-z'’-]*\.?$")
_AFTER_RANK = 7
"""Words after a rank word where the name it stands before is looked for."""


def one_of_rank(
    title: str, text: str, ranked: Sequence[tuple[str, str]], rules: Rules
) -> str | None:
    """The one person of rank ``title``: on the roster (``ranked``: title and name of
    each officer), else named after the rank in ``text`` ("Sgt Dale Whitcomb"); None when
    no one or more than one is."""
    want = title.casefold()
    found = {" ".join(n.split()).casefold(): n for t, n in ranked if _title(t, rules) == want}
    if not found:
        for line in text.split("\n"):
            words = line.split()
            for i, word in enumerate(words):
                if rank_title(word, rules) is None or (i and rank_title(words[i - 1], rules)):
                    continue  # "Chief Deputy Walt Brigham" is read from "Chief" only
                said, after = split_rank(words[i : i + _AFTER_RANK], rules)
                name = _name_opening(after)
                if said and said.casefold() == want and len(name) >= 2:
                    found[f"{name[0]} {name[-1]}".casefold()] = " ".join(name)
    return next(iter(found.values())) if len(found) == 1 else None


def _title(written: str, rules: Rules) -> str:
    """A roster title as its rank's title ("Sgt." is "sergeant"), folded."""
    said, rest = split_rank(written.split(), rules)
    return (said if said and not rest else written).casefold()


def _name_opening(words: list[str]) -> list[str]:
    """The capitalised words a run of ``words`` opens with, to a comma (at most three)."""
    name: list[str] = []
    for w in words[:3]:
        if not _NAME_WORD.match(w.rstrip(",;:)")):
            break
        name.append(w.rstrip(",;:)"))
        if w[-1] in ",;:)":
            break
    return name
