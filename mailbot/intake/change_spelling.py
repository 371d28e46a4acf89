"""A last or first name corrected by its spelling: "Desrochers, not Derochers", a word
spelled almost as the name on record, "last name has one f", "it should be Matthew
Laplante", "“Jon” Kessler should be Jonathan Kessler".

Pure functions over the text of one item of a roster-change message.
"""

from __future__ import annotations

import re

from mailbot.intake.prose import rank_title
from mailbot.intake.rules import Rules, per_rules

_NAME = r"(?<![\w'’.-])[A-Z][\w'’.-]*+(?:[ \t]+[A-Z][\w'’.-]*+)*+"

_CAP_TOKEN = re.compile(r"(?<![\w'’-])[A-ZÀ-Þ][\w'’-]*[\w]")
_NOT_THAT = re.compile(r"(?<![\w'’-])([A-ZÀ-Þ][\w'’-]+),?\s+(?i:not)\s+[\"“']?([A-ZÀ-Þ][\w'’-]+)")
_SAME_NAME = 0.7
"""How alike (difflib ratio, letters only) a respelling is to the name it corrects."""


def _letters(word: str) -> str:
    return "".join(c for c in word.casefold() if c.isalpha())


def _alike(a: str, b: str) -> bool:
    from difflib import SequenceMatcher

    x, y = _letters(a), _letters(b)
    return bool(x and y) and SequenceMatcher(None, x, y).ratio() >= _SAME_NAME


def respelled(text: str, current: str | None, first: str | None, rules: Rules) -> str | None:
    """The corrected spelling of a last name written in ``text``: "Desrochers, not
    Derochers", or the one word spelled almost as ``current`` but not the same (not one
    the record has: "spelled "Colburne" in TraCS")."""
    m = _NOT_THAT.search(text)
    # "her first name is Elle, not Ellie" corrects no last name "Marchessault"
    of_this = m is not None and (current is None or _alike(m.group(2), current))
    if m and of_this and _alike(m.group(1), m.group(2)) and m.group(1) != m.group(2):
        return m.group(1)
    if not current:
        return None
    found = None
    for t in _CAP_TOKEN.finditer(text[:MAX_RESPELL]):
        if on_record(text, t.end(), rules):
            continue
        token = re.sub(r"['’]s$", "", t.group(0))  # "Haskins's username"
        # "St. Onge" is not respelled by its own "Onge"
        if token not in (current, first, *current.split()) and _alike(token, current):
            found = token  # the last such word: the correction comes after the name
    return found


MAX_RESPELL = 600
_LETTER_BY_LETTER = re.compile(r"[A-Za-z](?:-[A-Za-z]){2,}")


def spelled_out(token: str) -> str:
    """ "L-A-V-A-L-L-E-E" -> "Lavallee": a name spelled letter by letter is the name it
    spells (in capitals, written as a name); any other word as is."""
    if not _LETTER_BY_LETTER.fullmatch(token):
        return token
    word = token.replace("-", "")
    return word.capitalize() if word.isupper() else word[0].upper() + word[1:]


@per_rules
def _record_words(rules: Rules) -> re.Pattern[str] | None:
    words = sorted(rules.language.corrections.on_record, key=len, reverse=True)
    alt = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
    return re.compile(rf"[\"”'’]?[ \t]*(?i:{alt})(?![\w'’-])") if words else None


def on_record(text: str, end: int, rules: Rules) -> bool:
    """True when the value ending at ``end`` is the one on record, not the one meant:
    'her last name is spelled "Colburne" in TraCS'."""
    pattern = _record_words(rules)
    return pattern is not None and pattern.match(text, end) is not None


@per_rules
def _letter_count(rules: Rules) -> re.Pattern[str]:
    """ "has one f", "two Ls", "drop the 'e'": a letter of a name counted or dropped
    (an unquoted "a" or "I" is a word, not a letter; "one is", "no as" are words: a bare
    plural "s" follows a capital only, "two l's" has its apostrophe)."""
    words = sorted(rules.language.intent.letter_counts, key=len, reverse=True)
    alt = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
    return re.compile(
        rf"(?<![\w'’-])(?i:{alt})\s+(?:[\"“'‘]([A-Za-z])[\"”'’]|(?![aI]\b)([A-Za-z]))"
        r"(?:['’]s|(?<=[A-Z])s)?(?![\w'’-])"
    )


def spelled_by_letters(text: str, rules: Rules) -> bool:
    """True when ``text`` corrects a spelling letter by letter ("last name has one f")."""
    return bool(rules.language.intent.letter_counts) and bool(_letter_count(rules).search(text))


def _name_value(text: str) -> str:
    """ "Castellano. Please update" -> "Castellano": a name ends with its sentence."""
    words: list[str] = []
    for word in text.split():
        words.append(word.rstrip(".,;"))
        if word.endswith((".", ",", ";")) and len(word.rstrip(".")) > 1:
            break
    return " ".join(words)


# "but it should be Matthew Laplante", "It should be Tremblay / jtremblay"
_SHOULD_BE = re.compile(
    rf"(?i:should\s+(?:be|read)|correct(?:ed)?\s+(?:to|is)|is\s+actually)\s+[\"“']?({_NAME})"
    r"(?:[\"”']?\s*/\s*((?:[A-Za-z]{2,15}\\)?[a-z][a-z0-9._-]{1,29}))?"
)


def _shortened(short: str, full: str) -> bool:
    """True when ``short`` is ``full`` cut short ("Jon" for "Jonathan", "Chris" for
    "Christopher"): the first name written in full corrects its short form."""
    a, b = _letters(short), _letters(full)
    return len(a) >= 2 and len(b) > len(a) and b.startswith(a)


def _first_corrected(word: str, first: str | None) -> bool:
    return bool(first) and (_alike(word, str(first)) or _shortened(str(first), word))


def corrected_name(text: str, last: str | None, first: str | None, rules: Rules) -> dict[str, str]:
    """The name a correction says the record should have ("We have him as "Mathew
    LaPlant" but it should be Matthew Laplante"): its last word when spelled almost as
    the last name, its first word when almost as the first name or that name in full
    ("Officer Jon Kessler should be Jonathan Kessler"), or when the whole name is
    written again with the same last name; a username after a slash goes with it.
    Empty when the words after "should be" are no such name."""
    from mailbot.intake.tables import bare_username

    out: dict[str, str] = {}
    for m in _SHOULD_BE.finditer(text[:MAX_RESPELL]):
        words = _name_value(m.group(1)).split()
        if not words or rank_title(words[0], rules):
            continue  # "title should be Sergeant"
        if last and _alike(words[-1], last):
            out["last_name"] = words[-1]
            again = len(words) == 2 and words[-1] == last  # "... should be Bob Kessler"
            if len(words) >= 2 and first and (again or _first_corrected(words[0], first)):
                out["first_name"] = words[0]
        elif len(words) == 1 and _first_corrected(words[0], first):
            out["first_name"] = words[0]
        else:
            continue
        if m.group(2):
            out["dps_username"] = bare_username(m.group(2).rstrip(".,;"), rules)
        return out
    return out
