"""Officers described in running text, sentence by sentence ("Sgt. Jane Doe (badge HP204)")."""

from __future__ import annotations

import itertools
import re

from mailbot.intake.bare_numbers import bare_after_name, in_a_clause
from mailbot.intake.bracket_records import bracketed_records
from mailbot.intake.change_titles import shared_rank
from mailbot.intake.model import Officer
from mailbot.intake.named_earlier import named_earlier
from mailbot.intake.names import surname_by_username
from mailbot.intake.prose import (
    NAME_LETTERS,
    NAME_RUN,
    _rank_modifiers,
    last_name_run,
    listed_numbers,
    number_mentions,
    person,
    rank_title,
    sentences,
    split_rank,
    user_mention,
)
from mailbot.intake.rules import Rules, per_rules
from mailbot.intake.word_lists import lower_set

_POSSESSIVE_TAIL = re.compile(r"(?:['’]s)?\s*(?:VT\s*)?$")
_CLAUSE_TAIL = re.compile(r",[ \t]*[a-z]{2,10}(?:[ \t]+[a-z]{2,10})?[ \t]*$")
"""Lower-case words after a name's comma, before its number (", whose ")."""
_TITLE_AFTER = re.compile(r"\(\s*([A-Za-z][A-Za-z .'’-]{1,40}?)\s*\)[\s,:;-]*$")
"""A title in brackets after a name, before its number ("Nathan Ruel (Chief), LEO ...")."""


def _strip_instruction(run: str, rules: Rules) -> str | None:
    """``"Promote Jordan Hale"`` -> ``"Jordan Hale"``, ``"I'm Constable Hal Roy"`` ->
    ``"Constable Hal Roy"``, ``"FYI Officer Jo Roy"`` -> ``"Officer Jo Roy"``: leading
    instruction words, the words a writer introduces himself with and those opening an
    aside are not part of a name (``[people] instruction_words``, ``introductions``,
    ``aside_openers``)."""
    words = {w.lower() for w in rules.language.people.instruction_words}
    parts = run.split()
    while parts and parts[0].lower().strip(",.:;") in words:
        parts.pop(0)
    for intro in (*rules.language.people.aside_openers, *rules.language.people.introductions):
        said = intro.replace("’", "'").split()
        if (
            len(parts) > len(said)
            and [p.lower().replace("’", "'").strip(",.:;") for p in parts[: len(said)]] == said
        ):
            parts = parts[len(said) :]
            break
    return " ".join(parts) or None


_ABBREVIATIONS = frozenset({"st", "jr", "sr", "mt", "ft"})


def _after_sentence_end(run: str, rules: Rules) -> str:
    """``"Bennington Police Department. Officer Tyler Rushford"`` -> ``"Officer Tyler
    Rushford"``: the word ending a sentence (not "Sgt.", "St." or an initial) ends no name."""
    words = run.split()
    for i in range(len(words) - 2, -1, -1):
        key = words[i].rstrip(".").lower()
        ends = words[i].endswith(".") and len(key) > 1 and key not in _ABBREVIATIONS
        if ends and key not in rules.language.people.ranks:
            return " ".join(words[i + 1 :])
    return run


def officer_in(
    sentence: str,
    rules: Rules,
    bare: bool = False,
    *,
    surname_only: bool = False,
    listed: bool = False,
) -> Officer | None:
    """An officer described in one sentence, or None when no officer number is given
    (``bare``: a piece of a run-on note, its number after the name unlabelled;
    ``surname_only``: an officer named by rank and last name, "Sgt. Marchetti", too;
    ``listed``: one of a sentence's list, his number unlabelled before his login)."""
    sentence = _reflexive(rules).sub("", sentence)  # "Chief Rowe himself (C1140, ...)"
    mentions = (listed_numbers if listed else number_mentions)(sentence) or (
        bare_after_name(sentence) if bare else []
    )
    if not mentions:
        return None
    m = mentions[0]
    head = sentence[: m.start()]
    # "Officer John Smith, LEO ..." -> the name run before the number.
    head = _POSSESSIVE_TAIL.sub("", head)
    # "Nathan Ruel (Chief), LEO number ...": the title in brackets after the name
    after = _TITLE_AFTER.search(head)
    bracketed = after.group(1) if after and _title_only(after.group(1), rules) else None
    head = head[: after.start()] if bracketed and after else head
    # "Officer Sam Roe, whose number is ...": the name before the clause that gives it
    run = last_name_run(head)
    if run is None and in_a_clause(m):
        run = last_name_run(_CLAUSE_TAIL.sub("", head))
    if run:
        run = _strip_instruction(_after_sentence_end(run, rules), rules)
    title = first = last = None
    if run and bracketed:
        _, first, last = person(run, rules)
        words = bracketed.split()
        title = rank_title(words[0], rules) if len(words) == 1 else " ".join(words)
    elif run and _title_only(run, rules):
        # "me, Walter Kinney, First Constable, officer number ...": the name before the title
        named = last_name_run(head[: head.rfind(run)])
        if named and not _title_only(named, rules):
            _, first, last = person(named, rules)
            title = run if first or last else None
    elif run and (trailing := _title_after_name(run, rules)):
        # "Raymond Tatro Chief number W1187": the title written after the full name
        named, title = trailing
        _, first, last = person(named, rules)
    elif run:
        title, first, last = person(run, rules)
        rest = split_rank(run.split(), rules)[1] if surname_only and title else []
        if len(rest) == 1 and first is None and last is None:
            last = rest[0].rstrip(".")  # "Sgt. Marchetti (LEO number ...)": named by rank
    if (first is None and last is None) or not_a_name(first, rules) or not_a_name(last, rules):
        return None  # "I have been named Interim Chief. My LEO number is ...": no one's name
    number = m.group(1).rstrip(".")
    # "(WH2P4, pcastellano)": a login after the number in the same brackets
    # (or after a labelled one: "(LEO 45-112, mhale)")
    comma = m.group(0).endswith((",", "/")) or sentence.startswith(",", m.end())
    paired = _PAIRED_USER.match(sentence, m.end() + (0 if m.group(0).endswith((",", "/")) else 1))
    paired = paired if comma else None
    user = (
        (paired.group(1) if paired else None)
        or user_mention(sentence[m.end() :], rules)
        or user_mention(head, rules)
    )
    first, last = surname_by_username(first, last, user)  # "Ada Red Cloud", "aredcloud"
    return Officer(
        last_name=last,
        first_name=first,
        title=title,
        officer_number=number,
        dps_username=user,
    )


@per_rules
def _reflexive(rules: Rules) -> re.Pattern[str]:
    """ "himself" right after a name, before its values in brackets or after a comma."""
    alt = "|".join(re.escape(w) for w in rules.language.people.name_reflexives) or "(?!)"
    return re.compile(rf"(?<=[A-Za-z.])[ \t]+(?i:{alt})(?=[ \t]*[(,:–-])")


def not_a_name(name: str | None, rules: Rules) -> bool:
    """True when ``name`` holds a pronoun or possessive ("My", ``[people] pronouns``) or is
    a title only ("Interim Chief."): a word no person is named by."""
    if not name:
        return False
    words = [w.strip(".,;:'’").lower() for w in name.split()]
    pronouns = lower_set(rules.language.people.pronouns)
    if any(w in pronouns for w in words):
        return True
    modifiers = _rank_modifiers(rules) | {
        w.lower() for w in rules.language.people.head_title_modifiers
    }
    return all(rank_title(w, rules) or w in modifiers for w in words)


def _title_only(run: str, rules: Rules) -> bool:
    """True when ``run`` is a title and no name ("First Constable", "Sergeant")."""
    words = [w.rstrip(".,") for w in run.split()]
    modifiers = _rank_modifiers(rules)
    return (
        bool(words)
        and bool(rank_title(words[-1], rules))
        and all(rank_title(w, rules) or w.lower() in modifiers for w in words)
    )


def _title_after_name(run: str, rules: Rules) -> tuple[str, str] | None:
    """ "Raymond Tatro Chief", "Gary Pratt First Constable": a full name (two words at
    least, no rank before it) and the title after it, the title as the ticket writes it;
    None otherwise ("Harlan Constable" is a first name and a surname)."""
    words = run.split()
    if len(words) < 3 or rank_title(words[0].rstrip(".,"), rules):
        return None
    for k in (2, 1):
        said = " ".join(words[-k:])
        if len(words) - k >= 2 and _title_only(said, rules):
            title = rank_title(said, rules) if k == 1 else said
            return " ".join(words[:-k]), title or said
    return None


_PAIRED_USER = re.compile(r"[ \t]*(?:DPS\\)?([a-z][a-z0-9._-]{1,29})[ \t]*\)")


def officers_in_prose(text: str, rules: Rules) -> list[Officer]:
    """Officers described sentence by sentence ("Sgt. Jane Doe (badge HP204, DPS user jdoe)");
    one named by rank and last name ("Sgt. Marchetti") has the first name the text gives
    him elsewhere ("Our Sergeant, Ellen Marchetti, ...")."""
    found: list[Officer] = []
    for sentence in sentences(text):
        here = _in_sentence(sentence, text, rules)
        # "myself (Thomas Alcott, Chief, number P4401, ...), Cpl. Marcoux (Seth, ...)"
        records = bracketed_records(sentence, rules) if "(" in sentence else []
        found.extend(records if len(records) > len(here) else here)
    return _with_first_names(found, text, rules)


def _in_sentence(sentence: str, text: str, rules: Rules) -> list[Officer]:
    """The officers one sentence of ``text`` describes, each cut from the next."""
    parts, tail = _per_officer(sentence, rules)
    later = numberless_officer(tail, rules) if tail else None
    if tail and later is None:
        parts[-1] += tail  # no officer after all: the last one's words
    parts = _with_shared_rank(parts, rules)
    officers = [
        officer_in(part, rules, bare=len(parts) > 1, surname_only=True, listed=True)
        for part in parts
    ]
    found: list[Officer] = []
    if len(parts) > 1 and all(o is not None for o in officers):
        found.extend(o for o in officers if o is not None)
    else:
        # one part is the sentence itself, already read
        officer = officers[0] if len(parts) == 1 else officer_in(sentence, rules, listed=True)
        officer = officer or named_earlier(sentence, text, rules)
        if officer is None:
            return []
        found.append(officer)
    if later is not None:
        found.append(later)
    return found


def _with_shared_rank(parts: list[str], rules: Rules) -> list[str]:
    """The officers of one sentence, those after a rank written once in the plural given
    it ("..., and Deputies Rachel Farnham (05C17 / rfarnham) and Owen Lafont (...)")."""
    plurals = rules.language.people.rank_plurals
    for i, part in enumerate(parts[:-1]):
        shared = shared_rank(parts[i:], rules)
        if any(w.lower() in plurals for w in part.split()) and shared != parts[i:]:
            return parts[:i] + shared
    return parts


_NEXT_OFFICER = re.compile(
    r"(?:\)|\w)\s*(?:,\s*(?:(?i:and)\s+)?(?:for\s+)?|\s+(?i:and)\s+(?:for\s+)?|;\s*)(?=[A-Z])"
)
"""The words before the next officer of a sentence (", and for Officer Paul Roe ...")."""
_JOINED = re.compile(r"(?i:\band\b)|;")
"""A gap that joins two officers' records ("... jdoe AND OFFICER SAM ROE, ...")."""


# a run-on note's next officer, his rank right after the last one's values ("... username
# dpelkey Officer Mark Tessier R0614 ...")
_NEXT_RANK = re.compile(r"[ \t]+(?=([A-Z][a-z]{1,11})\.?[ \t]+[A-Z][a-z])")


def _per_officer(sentence: str, rules: Rules) -> tuple[list[str], str | None]:
    """A sentence naming several officers, cut before each one after the first ("Sgt. Jane
    Doe (HP204, username jdoe) and Officer Sam Roe (HP210, username sroe)", "Sgt Dana
    Pelkey number R0611 username dpelkey Officer Mark Tessier R0614 ...")."""
    mentions = listed_numbers(sentence)
    if not mentions:
        return [sentence], None
    cuts: list[int] = []
    for before, m in itertools.pairwise(mentions):
        gaps = list(_NEXT_OFFICER.finditer(sentence, before.end(), m.start()))
        # "..., DPS USERNAME JDOE AND OFFICER SAM ROE, LEO NUMBER ...": where each comma
        # may start a capitalised word, the "and" between the records is the cut
        joined = [g for g in gaps if _JOINED.search(g.group(0))]
        gap = [g.end() for g in (joined[-1:] if len(gaps) > 1 and joined else gaps)]
        gap = gap or [
            g.end()
            for g in _NEXT_RANK.finditer(sentence, before.end(), m.start())
            if rank_title(g.group(1), rules)
        ]
        if not gap:
            return [sentence], None
        cuts.append(gap[-1])
    at = _numberless_cut(sentence, mentions[-1].end(), rules)
    end = len(sentence) if at is None else at
    parts = [sentence[a:b] for a, b in itertools.pairwise([0, *cuts, end])]
    return parts, (sentence[at:] if at is not None else None)


_MAX_PART = 300
_RANKED_NAME = re.compile(rf"(?:and\s+)?(?:for\s+)?({NAME_RUN.pattern})")


def _numberless_cut(sentence: str, start: int, rules: Rules) -> int | None:
    """Where the officer after the last numbered one begins, when the sentence goes on
    to a ranked officer given a username and no number ("..., and for Officer Kyle Rand,
    whose DPS username is krand"); None when it does not."""
    for gap in _NEXT_OFFICER.finditer(sentence, start):
        if numberless_officer(sentence[gap.end() : gap.end() + _MAX_PART], rules) is not None:
            return gap.end()
    return None


def numberless_officer(part: str, rules: Rules) -> Officer | None:
    """The officer a piece of a sentence names by rank and full name with his username
    and no number ("Officer Kyle Rand, whose DPS username is krand"; his number to come)."""
    m = _RANKED_NAME.match(part.lstrip(" ,;"))
    if m is None or listed_numbers(part):
        return None
    title, first, last = person(m.group(1), rules)
    user = user_mention(part, rules)
    if not (title and first and last and user) or not_a_name(first, rules):
        return None
    return Officer(last_name=last, first_name=first, title=title, dps_username=user)


_NAME_PAIR = re.compile(rf"(?=({NAME_LETTERS})[ \t]+({NAME_LETTERS})\b)")


def _first_names(text: str, rules: Rules) -> dict[str, str]:
    """Each last name the text writes after a first name ("Ellen Marchetti"), in one pass:
    the first such first name (no rank, no pronoun)."""
    out: dict[str, str] = {}
    for m in _NAME_PAIR.finditer(text):
        first, last = m.group(1), m.group(2)
        if last not in out and not rank_title(first, rules) and not not_a_name(first, rules):
            out[last] = first
    return out


def _with_first_names(found: list[Officer], text: str, rules: Rules) -> list[Officer]:
    """``found`` with an officer named by last name only given the first name the text
    writes before it ("Our Sergeant, Ellen Marchetti, will ...": Ellen); one the text
    never names in full is left out ("Cpl. Hoyt's number is ..., not ...": a correction
    of a record, no roster)."""
    if all(o.first_name or not o.last_name for o in found):
        return found
    names = _first_names(text, rules)
    return [
        o if o.first_name else o.model_copy(update={"first_name": names[o.last_name or ""]})
        for o in found
        if o.first_name or (o.last_name or "") in names
    ]
