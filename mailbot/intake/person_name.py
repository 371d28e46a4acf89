"""A person's name read off the end of a phrase: rank and job words before it left off
("Admin. Assistant Garrett Lyman" -> "Garrett Lyman"), and a key to compare two
writings of the same name."""

from __future__ import annotations

from mailbot.intake.head_of_department import job_words
from mailbot.intake.list_remarks import without_nickname
from mailbot.intake.prose import display_name, rank_title
from mailbot.intake.rules import Rules


def person_name(text: str, rules: Rules) -> str | None:
    """The person's name at the end of ``text``, without rank or job words before it:
    "Admin. Assistant Garrett Lyman" -> "Garrett Lyman", "Sgt. Amy Lussier" -> "Amy Lussier"."""
    # "Jonathan "Jack" Whitaker": the nickname in quotes is not part of the name
    words = without_nickname(text, rules).replace('"', "").split()
    jobs = job_words(rules)
    tail: list[str] = []
    for word in reversed(words):
        bare = word.strip(",;:()")
        low = bare.rstrip(".").lower()
        initial = len(bare) == 2 and bare.endswith(".")
        if (
            not bare
            or low in jobs
            or rank_title(bare, rules) is not None
            or (bare.endswith(".") and not initial and tail and not _particle(bare, tail))
            or not bare[:1].isupper()
            or len(tail) >= 4
        ):
            if tail:
                break
            if not bare or not bare[:1].isupper():
                continue
            if low in jobs or rank_title(bare, rules) is not None:
                break
        if tail and rank_title(f"{bare} {tail[0]}", rules) is not None:
            tail.pop(0)  # "Officer First Class Brianna Colón": a rank of two words
            break
        tail.insert(0, bare.rstrip(",;:"))
    name = " ".join(tail).strip(" ,;:")
    if name.endswith(".") and name.split()[-1].rstrip(".").casefold() not in _SUFFIXES:
        name = name.rstrip(".")  # "Jr." keeps its dot, a sentence's end does not
    return name or display_name(text, rules)


_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
SAINT_ABBREVIATIONS = frozenset({"st.", "ste."})
"""A saint's abbreviation opening a surname ("St. Pierre", "Ste. Marie"): its dot ends
no sentence."""


def _particle(word: str, tail: list[str]) -> bool:
    """ "St." in "Marc St. Pierre": a saint's abbreviation before the rest of the surname."""
    return word.casefold() in SAINT_ABBREVIATIONS and len(tail) == 1


def name_key(name: str, rules: Rules) -> str:
    """ "first last", folded: the same person however the name is written."""
    shown = display_name(name.replace('"', ""), rules) or ""
    if "," in shown:
        last, _, first = shown.partition(",")
        shown = f"{first} {last}"
    words = [w.strip(".").lower() for w in shown.split() if len(w.strip(".")) > 1]
    return " ".join([words[0], words[-1]]) if words else ""
