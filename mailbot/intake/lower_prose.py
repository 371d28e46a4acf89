"""Officers told in running text typed all in lower case ("officers are me - greg
bouchard, first constable, number AL4G1, dps username gbouchard. and my second constable
tina marsh, number AL7T3, she doesnt have the dps username yet"): each sentence holding
an officer number is read as a list line, its lead-in words and the remarks after the
number left out. A clerk writes the names and titles with capitals ("Greg Bouchard",
"First Constable").
"""

from __future__ import annotations

import functools
import itertools
import re

from mailbot.intake.lists import officer_on_line
from mailbot.intake.model import Officer
from mailbot.intake.prose import rank_title
from mailbot.intake.rules import Rules, per_rules

_MAX_TEXT = 20_000
_MAX_SENTENCE = 300
_SENTENCE_END = re.compile(r"[.;!?](?:\s+|$)")
_NUMBER = re.compile(r"(?<![\w-])(?=[A-Za-z]{1,4}\d)[A-Za-z0-9]{5}(?![\w-])")
# "officers are me - ", "officers: ", "and my ", "also "
_LEAD_IN = re.compile(
    r"^(?:.{0,60}?\b(?:officers|roster|deputies|constables|wardens)[ \t]+(?:are|is|will[ \t]+be)"
    r"[ \t]*:?[ \t]*|.{0,60}?\b(?:officers|roster)[ \t]*:[ \t]*)?"
    r"(?:(?:me|myself)(?:[ \t]*[-–—:,][ \t]*|[ \t]+))?(?:(?:and|also|plus)[ \t]+)?"
    r"(?:(?:my|our)[ \t]+)?"
)
_USER_PIECE = re.compile(
    r"^(?:(?:dps[ \t]+)?(?:user[ \t]*name|login|user)[ \t]+(?:is[ \t]+)?)?[a-z][a-z0-9._-]{1,29}$"
)
_LOWER_WORD = re.compile(r"^[a-z][a-z'’-]+$")
_LOWERCASE_SHARE = 0.97
"""A text typed in lower case: this share of its letters (outside officer numbers) at least."""


@functools.lru_cache(maxsize=64)
def typed_lower(text: str) -> bool:
    """True when ``text`` is typed (almost) all in lower case (asked of one message's
    texts several times)."""
    chars = _NUMBER.sub(" ", text[:_MAX_TEXT])
    letters = sum(map(str.isalpha, chars))
    if letters < 40:
        return False
    return sum(map(str.islower, chars)) >= _LOWERCASE_SHARE * letters


def officers_in_lower_prose(text: str, rules: Rules) -> list[Officer]:
    """Every officer a lower-case sentence of ``text`` describes with an officer number."""
    body = text[:_MAX_TEXT]
    if not typed_lower(body):
        return []
    found: list[Officer] = []
    for line in body.split("\n\n"):
        flat = " ".join(line.split())
        for sentence in _sentences(flat):
            several = _records(sentence, rules)
            if several:
                found.extend(_capitalised(o) for o in several)
                continue
            if len(sentence) > _MAX_SENTENCE or not _NUMBER.search(sentence):
                continue
            officer = officer_on_line(_as_list_line(sentence, rules), rules)
            if officer is not None:
                found.append(_capitalised(officer))
    return found


# "officers: " anywhere in a run-on sentence ("... phone 802 226 7131 officers: ...")
_ROSTER_LABEL = re.compile(
    r"\b(?:officers|roster|deputies|constables|wardens)(?:[ \t]*:|[ \t]+(?:are|will[ \t]+be)\b)"
)
_RECORD_GAP = re.compile(r"[ \t]+/[ \t]+|[ \t]*;[ \t]*")
_MAX_RECORDS = 4 * _MAX_SENTENCE


def _records(sentence: str, rules: Rules) -> list[Officer]:
    """ "... officers: roy ann chief bk301 aroy / hale tom officer bk310 thale": records
    one after another after the roster's label, apart by slashes or semicolons, each read
    as a list line; none unless there are two or more and every one holds its number."""
    label = _ROSTER_LABEL.search(sentence[:_MAX_RECORDS])
    rest = sentence[label.end() : _MAX_RECORDS] if label else sentence[:_MAX_RECORDS]
    pieces = [p for p in _RECORD_GAP.split(rest) if p.strip()]
    if label and len(pieces) == 1:
        # "officers are me chief dale brock 10442 and officer sam tewksbury 10451 i dont
        # know ...": records joined by "and", the writer's remark after the last one
        pieces = _apart_at_and(_remark_cut(pieces[0].strip()))
    if len(pieces) < 2 or any(len(_JOINED_NUMBER.findall(p)) != 1 for p in pieces):
        return []
    officers = [officer_on_line(_as_list_line(p, rules), rules) for p in pieces]
    if not all(o is not None and o.officer_number for o in officers):
        return []
    return [o for o in officers if o is not None]


_JOINED_NUMBER = re.compile(r"(?<![\w-])(?=[A-Za-z]{0,4}\d)[A-Za-z0-9]{5}(?![\w-])")
"""An officer number in a run of records, digits only too ("10442")."""
_AND = re.compile(r"[ \t]+and[ \t]+")
_TAIL_LOGIN = re.compile(
    r"^[ \t]*(?P<label>(?:dps[ \t]+)?(?:user[ \t]*name|login|user)[ \t]+(?:is[ \t]+)?)?"
    r"(?P<login>[a-z][a-z0-9._-]{1,29})(?![\w.@-])"
)
_NAME_PART = re.compile(r"[a-z'’-]{3,}")


def _apart_at_and(run: str) -> list[str]:
    """``run`` cut at the one "and" between each two officers' numbers (whole when two
    numbers stand with no single "and" between them)."""
    numbers = list(_JOINED_NUMBER.finditer(run))
    pieces, start = [], 0
    for before, after in itertools.pairwise(numbers):
        joins = list(_AND.finditer(run, before.end(), after.start()))
        if len(joins) != 1:
            return [run]
        pieces.append(run[start : joins[0].start()])
        start = joins[0].end()
    return [*pieces, run[start:]]


def _remark_cut(run: str) -> str:
    """``run`` up to its last officer number and that officer's login after it (labelled,
    or made from his name): the words after are the writer's remark ("i dont know ...")."""
    numbers = list(_JOINED_NUMBER.finditer(run))
    if not numbers:
        return run
    end = numbers[-1].end()
    tail = run[end:]
    if len(tail.split()) <= 1:
        return run
    login = _TAIL_LOGIN.match(tail)
    names = _NAME_PART.findall(run[: numbers[-1].start()].lower())
    if login and (login.group("label") or any(n in login.group("login") for n in names)):
        return run[: end + login.end()]
    return run[:end]


def _capitalised(officer: Officer) -> Officer:
    update = {
        key: _capital(value)
        for key in ("last_name", "first_name", "title")
        if isinstance(value := getattr(officer, key), str) and value.islower()
    }
    return officer.model_copy(update=update)


def _capital(value: str) -> str:
    """ "jean-luc o'neil" -> "Jean-Luc O'Neil"."""
    return re.sub(r"(?<![\w'’])[a-z]|(?<=[-'’])[a-z]", lambda m: m.group(0).upper(), value)


def _sentences(flat: str) -> list[str]:
    out, start = [], 0
    for m in _SENTENCE_END.finditer(flat):
        out.append(flat[start : m.start()])
        start = m.end()
    out.append(flat[start:])
    return [s.strip() for s in out if s.strip()]


def _as_list_line(sentence: str, rules: Rules) -> str:
    """ "and my second constable tina marsh, number AL7T3, she doesnt have ..." ->
    "tina marsh, second constable, number AL7T3"."""
    lead = _LEAD_IN.match(sentence)
    rest = sentence[lead.end() :] if lead else sentence
    pieces = [p.strip() for p in rest.split(",") if p.strip()]
    kept: list[str] = []
    numbered = False
    for piece in pieces:
        if numbered and not _USER_PIECE.match(piece):
            break  # "she doesnt have the dps username yet": a remark, not a field
        kept.append(piece)
        numbered = numbered or bool(_NUMBER.search(piece))
    if kept:
        kept[:1] = _title_after(kept[0], rules)
    return ", ".join(kept)


def _title_after(piece: str, rules: Rules) -> list[str]:
    """ "second constable tina marsh" -> ["tina marsh", "second constable"]: a title typed
    before the name goes after it, as in a list line."""
    words = piece.split()
    cut = 0
    while cut < len(words) and (
        rank_title(words[cut], rules) or words[cut].lower() in _modifiers(rules)
    ):
        cut += 1
    name = words[cut:]
    if cut == 0 or not rank_title(words[cut - 1], rules) or not 2 <= len(name) <= 3:
        return [piece]
    if not all(_LOWER_WORD.match(w) for w in name):
        return [piece]
    return [" ".join(name), " ".join(words[:cut])]


@per_rules
def _modifiers(rules: Rules) -> frozenset[str]:
    return frozenset(w.lower() for w in rules.language.people.rank_modifiers)


# "tyler pearce left us for the sheriffs dept": two words opening a sentence, then what
# the officer did
_OPENING_PAIR = re.compile(
    r"^(?:(?:hi|hello|hey|morning)[ \t,!]+)?([a-z][a-z'’-]+)[ \t]+([a-z][a-z'’-]+)[ \t]+(.+)"
)
_NOT_NAMES = frozenset(
    {"i", "we", "he", "she", "they", "it", "my", "our", "his", "her", "their", "the", "a",
     "an", "this", "that", "so", "and", "but", "just", "also", "one", "two", "both", "who"}
)  # fmt: skip


def departed_named(text: str, rules: Rules) -> dict[str, str]:
    """First and last name of the officer a lower-case message says left ("tyler pearce
    left us for the sheriffs dept ... his number is H4519"), capitalised; empty when the
    text is not typed in lower case or no sentence opens with such a name."""
    from mailbot.intake.change_names import instruction_words

    if not typed_lower(text):
        return {}
    words = rules.language.intent
    told = [w.lower() for w in (*words.deactivate, *words.leaving)]
    for line in text[:_MAX_TEXT].split("\n"):
        for sentence in _sentences(" ".join(line.split())):
            m = _OPENING_PAIR.match(sentence)
            if m is None or not any(m.group(3).startswith(w) for w in told):
                continue
            first, last = m.group(1), m.group(2)
            if any(
                w in _NOT_NAMES or w in instruction_words(rules) or rank_title(w, rules)
                for w in (first, last)
            ):
                continue
            return {"first_name": _capital(first), "last_name": _capital(last)}
    return {}
