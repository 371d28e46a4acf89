"""An officer's values given in a sentence that names him by first name only, the message
having named him with rank and full name before ("Lt. Shane Goss will be our
Point-of-Contact. ... Shane will also be a user - his LEO number is 05C02 ...")."""

from __future__ import annotations

from mailbot.intake.change_titles import rank_run, rank_words
from mailbot.intake.model import Officer
from mailbot.intake.prose import (
    NAME_RUN,
    number_mentions,
    person,
    rank_title,
    sentences,
    user_mention,
)
from mailbot.intake.rules import Rules


def _ranked_people(text: str, rules: Rules) -> dict[str, set[tuple[str, str, str]]]:
    """Each first name of the people the text names by rank, first and last name
    ("Lt. Shane Goss"): the (title, first, last) it names so."""
    out: dict[str, set[tuple[str, str, str]]] = {}
    for sentence in sentences(text):
        runs = list(NAME_RUN.finditer(sentence))
        for k, m in enumerate(runs):
            words = m.group(0).split()
            if len(words) == 2 and k and sentence[runs[k - 1].end() : m.start()].strip() == ",":
                # "Our Second Constable, Loretta Pickering, will be ...": the rank before
                title = rank_run(runs[k - 1].group(0).split(), rules, ending=True)
                if title and not rank_title(words[0], rules):
                    out.setdefault(words[0], set()).add((title, words[0], words[1]))
            if len(words) != 3:
                continue
            title, first, last = person(m.group(0), rules)
            if title and first and last and " " not in first:
                out.setdefault(first, set()).add((title, first, last))
    return out


def named_earlier(sentence: str, text: str, rules: Rules) -> Officer | None:
    """The officer a sentence starting with a first name alone gives a number to ("Shane
    will also be a user - his LEO number is 05C02 and his DPS username is sgoss"), when
    the text names one person only by rank and full name with that first name; None
    when it names no one so, or two."""
    mentions = number_mentions(sentence)
    words = sentence.split(None, 2)
    if not mentions or len(words) < 2 or not words[0].isalpha() or words[1][:1].isupper():
        return None
    first = words[0]
    between = NAME_RUN.finditer(sentence, len(first), mentions[0].start())
    if rank_title(first, rules) or any(not rank_words(m.group(0).split(), rules) for m in between):
        return None  # another name between him and the number (not "is Second Constable")
    named = _ranked_people(text, rules).get(first, set())
    if len(named) != 1:
        return None
    title, first, last = next(iter(named))
    number = mentions[0].group(1).rstrip(".")
    user = user_mention(sentence[mentions[0].end() :], rules)
    return Officer(
        last_name=last,
        first_name=first,
        title=title,
        officer_number=number,
        dps_username=user,
    )
