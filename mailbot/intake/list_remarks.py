"""Words in an officer's list line that are no field of his: a remark on why a value is
left out ("username not issued yet, HR is still processing it"), words about a username
still to come ("he can't recall his DPS login"), a nickname inside the name
('Bartholomew "Bart" Quist')."""

from __future__ import annotations

import re

from mailbot.intake.names import NAME_SUFFIXES, short_form_of
from mailbot.intake.not_given import not_given
from mailbot.intake.prose import rank_title
from mailbot.intake.rules import Rules, per_rules
from mailbot.intake.table_headings import column_key
from mailbot.intake.word_lists import alternation

_REMARK = re.compile(r"^[a-z][a-z'’]*(?:\s+[\w'’./-]+){1,12}[?!]?$")
"""Words in lower case after a value left out, saying why ("account still being set up")."""
_SENTENCE = re.compile(r"^[A-Z][\w'’]*(?:\s+[\w'’.?!-]+){2,20}$")
_LOWER_WORD = re.compile(r"\s(?!(?:de|da|del|la|le|van|von)\b)[a-z]{2,}")
"""A sentence after a value left out ("I'll find out and send it", "HR is still on
it", "I doubt he has one. can he get one?"; a question after it too): a capital first
word, then words in lower case (not a name's particles)."""
_NICKNAME = re.compile(
    r"(?<=[A-Za-z.])[ \t]+(?:\"([A-Z][a-z'’-]{1,20})\"|“([A-Z][a-z'’-]{1,20})”"
    r"|\(([A-Z][a-z'’-]{1,20})\))([ \t]+)(?=[A-Z][a-z])"
)
"""A nickname between a first and last name ('Bartholomew "Bart" Quist', "Theodora (Teddy)
Oyelaran"): not part of the name (a rank in brackets is kept: it is the title)."""
_LOGIN = re.compile(r"^[a-z][a-z0-9._-]{1,29}$")
_NOT_LOGIN = frozenset({"yet", "pending", "later", "soon", "tbd", "unknown", "none"})
_USER_IS = re.compile(r"\b(?:is|was|=)\s+\S|:\s*\S")


def remark(piece: str) -> bool:
    """True for words after a value left out that say why, in lower case or as a
    sentence with words in lower case."""
    return bool(
        _REMARK.match(piece) or (_SENTENCE.match(piece) and len(_LOWER_WORD.findall(piece)) > 1)
    )


def user_remark(piece: str, rules: Rules) -> bool:
    """True for words in lower case about the officer's username that do not give it
    ("he gets his username next week", "cant recall her login")."""
    if not _REMARK.match(piece) or len(piece.split()) < 3:
        return False
    words = piece.split()
    for i, word in enumerate(words):
        if column_key(word.strip(".,;:'’"), rules) == "dps_username" and word.islower():
            rest = words[i + 1 :]
            if len(rest) == 1 and _LOGIN.match(rest[0]) and rest[0] not in _NOT_LOGIN:
                return False  # "dps username gbouchard": the username, typed lower-case
            return not _USER_IS.match(" ".join(rest))
    return False


_ASIDE = re.compile(r"\s*\(([a-z][a-z'’-]*(?:[ \t]+[a-z][a-z'’-]*){1,5})\)")
"""Two to six words in lower case in brackets after a field ("Sgt. Lee Holt (patrol
supervisor), ...", "... hlee (point of contact)"): an aside on the officer, no field."""
_SELF_ASIDE = re.compile(r"\s*\((?i:me|myself|that'?s me|this is me)\)")
"""The writer pointing at his own row ("Chief Paul Ennis (me) -- LEO# ...")."""


def without_asides(body: str, rules: Rules) -> str:
    """``body`` without the asides in brackets (words saying a value is not given, "(not
    issued yet)", are kept: they are what the list says of the field)."""

    def _cut(m: re.Match[str]) -> str:
        words = m.group(1)
        if not_given(words, rules) or column_key(words, rules) is not None:
            return m.group(0)
        return ""

    return _ASIDE.sub(_cut, _SELF_ASIDE.sub("", body))


def without_nickname(body: str, rules: Rules) -> str:
    """``body`` with a nickname between first and last name taken out, one in quotes
    closing a cell of names, and one after the first name of "Last, First" that is a short
    form of it ("Hale, Robert (Bob) - ...") or any in quotes."""
    body = _NICKNAME.sub(lambda m: _unless_rank(m, rules), body)
    body = _NICKNAME_CELL.sub(lambda m: m.group(0) if rank_title(m[1] or m[2], rules) else "", body)
    if not any(c in body for c in '("“'):
        return body
    return _NICKNAME_AFTER.sub(lambda m: _nickname_cut(m, rules), body)


_NICKNAME_CELL = re.compile(
    r"(?<=[A-Za-z])[ \t]+(?:\"([A-Z][a-z'’-]{1,20})\"|“([A-Z][a-z'’-]{1,20})”)"
    r"(?=[ \t]*(?:[|;\t]|$))",
    re.M,
)
"""A quoted nickname closing a cell of names ('Lafrance | Michel "Mike" | Sergeant')."""
_NICKNAME_AFTER = re.compile(
    r"(,[ \t]*([A-Z][a-z'’-]{1,20}))[ \t]+(?:\(([A-Z][a-z'’-]{1,20})\)"
    r"|\"([A-Z][a-z'’-]{1,20})\"|“([A-Z][a-z'’-]{1,20})”)"
)
"""A bracketed or quoted word after the first name of "Last, First (Nick)"."""


def _nickname_cut(m: re.Match[str], rules: Rules) -> str:
    """The first name alone when the word after it is his nickname: a short form of it in
    brackets, or any name in quotes ('Tremblay, Robert "Bobby"'; a rank is kept)."""
    if m.group(3):
        return m.group(1) if short_form_of(m.group(3), m.group(2), rules) else m.group(0)
    quoted = m.group(4) or m.group(5) or ""
    return m.group(0) if rank_title(quoted, rules) else m.group(1)


def _unless_rank(m: re.Match[str], rules: Rules) -> str:
    word = m.group(1) or m.group(2) or m.group(3) or ""
    if rank_title(word, rules):
        return m.group(0)
    # "Gaudette, Philip (Phil)   Officer": the blanks parting two cells are kept
    gap = m.group(4)
    return gap if "\t" in gap or len(gap) >= 2 else " "


def number_remark(piece: str, rules: Rules) -> bool:
    """True for words in lower case after an officer number that remark on it ("LEO #
    WDS12A (that's what's on her card)"), not a labelled username."""
    bare = piece.strip("()[]").strip()
    words = bare.split()
    return (
        piece[:1].islower()
        and len(words) >= 3
        and _REMARK.match(bare) is not None
        and column_key(words[0], rules) is None
        and _USER_WORDS.match(bare) is None
    )


_USER_WORDS = re.compile(
    r"^(?:(?:his|her|their|my)\s+)?(?:DPS\s+)?(?:domain\s+)?(?:user\s*name|user\s*id|login)\b",
    re.I,
)
"""A username's label ("his DPS username is ..."): the username, no remark on the number."""


_BRACKETED = re.compile(r"\[([^\[\]\n]{1,200})\]")
_CELL_NOTE = re.compile(
    r"(?:(?<=[–—|][ \t])|(?<=\t)|(?<=[ \t]-[ \t]))\(([^()\n]{1,200})\)"
    r"(?=[ \t]*(?:[–—|\t]|[ \t]-[ \t]|$))"
)
"""A note in round brackets that is a whole field of a list line, between its dashes or
bars."""
_CLAUSE_END = re.compile(r"\s*[,;]\s*|\s+[-–—]+\s+")
_LABEL = re.compile(r"^[A-Za-z][\w .#]{0,25}?(?:#|number|no\.?|id|name|login)\s*[:#]?\s+", re.I)


def bracket_notes_cut(body: str, rules: Rules) -> str:
    """``body`` with a note in square brackets that says a value is not given cut to
    that clause ("[LEO # not issued yet - lateral from NH, the council is on it]" ->
    "[LEO # not issued yet]"): the rest says why, and its commas are no fields. A note
    after an arrow ("<- that's what is on her card") is cut off whole."""

    def _cut(m: re.Match[str]) -> str:
        first = _CLAUSE_END.split(m.group(1), maxsplit=1)[0]
        if first == m.group(1):
            return m.group(0)
        label = _LABEL.match(first)
        said = first[label.end() :] if label else first
        return f"{m.group(0)[0]}{first}{m.group(0)[-1]}" if not_given(said, rules) else m.group(0)

    body = _ARROW_NOTE.sub("", body) if "<" in body or "←" in body else body
    body = _BRACKETED.sub(_cut, body) if "[" in body else body
    # "... – Officer – (number coming, the academy hasn't issued it yet) – rroy": a field
    # that is a note in round brackets, cut to its first clause the same way
    return _CELL_NOTE.sub(_cut, body) if "(" in body else body


_ARROW_NOTE = re.compile(r"[ \t]+(?:<-+|<=+|←)[ \t]*[A-Za-z][^\n]*$")
"""A note pointed back at the line's values by an arrow ("cmenard  <- that's what is on
her card, I don't know about another digit"): it remarks on them and gives no field."""


_FIRST_FIELD_END = re.compile(r"[,;|\t/–—()]|\s-\s|\s{2,}|\.{3,}")
_SENTENCE_STOP = re.compile(r"(\S+)\.[ \t]+(?=[A-ZÀ-Þ])")


def after_lead_sentence(body: str, rules: Rules) -> str:
    """``body`` from its officer's name on when a sentence ends before it in the same
    field ("I AM THE ONLY ONE. FRANK LAPOINTE, CONSTABLE, ...", "That is all of us. Ann
    Roy, ..."): the sentence is no part of the name. A rank ("Sgt."), an initial ("John
    A."), a name's suffix ("Jr.") or the start of a surname ("St.") ends no sentence."""
    end = _FIRST_FIELD_END.search(body)
    head = body[: end.start()] if end else body
    cut = None
    for m in _SENTENCE_STOP.finditer(head):
        word = m.group(1).casefold()
        if len(word) < 2 or word in rules.language.people.ranks or word in NAME_SUFFIXES:
            continue
        if f"{word}." in {w.casefold() for w in rules.language.people.surname_abbreviations}:
            continue
        cut = m.end()
    return body[cut:] if cut is not None and head[cut:].strip() else body


def after_roster_label(body: str, rules: Rules) -> str:
    """``body`` less a roster's heading as its label ("Officer: Foss, Ann - Constable -
    ..."): the row after it, not a name of the heading word."""
    m = _roster_label(rules).match(body)
    return body[m.end() :] if m else body


@per_rules
def _roster_label(rules: Rules) -> re.Pattern[str]:
    words = alternation(rules.language.people.roster_headings)
    return re.compile(rf"^(?i:{words})[ \t]*:[ \t]*(?=\S)")


# "he finished the academy in April but his number hasn't come through yet. DPS username
# rbarlow": a remark that the number is still to come, then the username in a sentence
_THEN_USER = re.compile(
    r"^(?P<said>[a-z].*?\S)\.\s+(?P<user>(?:DPS\s+)?(?:user\s*name|login)\b.*)$", re.I
)


def number_still_to_come(piece: str, rules: Rules) -> tuple[bool, str | None]:
    """(True, the labelled username after it or None) for words in lower case saying the
    officer's number has not come yet ("his number hasn't come through from the Council
    yet"); (False, None) for any other piece."""
    bare = piece.strip("()[]").strip()
    m = _THEN_USER.match(bare)
    said, user = (m.group("said"), m.group("user")) if m else (bare.rstrip("."), None)
    words = [w.strip(".,;:'’").lower() for w in said.split()]
    if not said[:1].islower() or not 3 <= len(words) <= 30:
        return False, None
    if any(c.isdigit() for c in said):
        return False, None  # "my number is 21W04. I don't have a DPS username": given
    about_number = any(w == "number" or column_key(w, rules) == "officer_number" for w in words)
    yet = set(rules.labels.placeholders.still_to_come)
    not_yet = any(w in yet or w.endswith("n't") for w in words)
    return (True, user) if about_number and not_yet else (False, None)


_SPACED_WORDS = re.compile(r"^[A-Za-z][A-Za-z'’.-]{0,29}(?:[ \t][A-Za-z][A-Za-z'’.-]{0,29}){1,2}$")
"""Two or three words of letters: a name, or a login typed with a blank in it."""
_NAME_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def spaced_login(piece: str, names: list[str], rules: Rules) -> bool:
    """True when ``piece``, in the login's place at the end of a row, is the officer's own
    name written there ("Cushing, Ryan - Sgt - NF330 - Ryan Cushing") or a login made
    from it with a blank in it ("Daniel St. Pierre - BN455 - dst pierre"): his username,
    as written (and so found invalid), not another field nor a remark ("DPS dmorey" is a
    label and a login). Its letters are his name's: a first name (or its initial) and a
    last name, in either order."""
    if not _SPACED_WORDS.match(piece) or rank_title(piece, rules) or not_given(piece, rules):
        return False
    words = [w.lower() for n in names for w in _NAME_WORD.findall(n) if not rank_title(w, rules)]
    words = [w for w in (re.sub(r"[^a-z]", "", w) for w in words) if w]
    letters = re.sub(r"[^a-z]", "", piece.lower())
    for k in range(1, len(words)):
        a, b = "".join(words[:k]), "".join(words[k:])
        if letters in {a + b, b + a, a[0] + b, b[0] + a, b + a[0], a + b[0]}:
            return True
    return False


_GLOSSED = re.compile(
    r"(?:^|(?<=[–—|;\t])|(?<=\s-\s))([ \t]*)([^\W\d_][\w'’.-]{1,20})[ \t]*"
    r"\([ \t]*([^\W\d_][\w'’.-]{1,20})[ \t]*\)(?=[ \t]*(?:[–—|;\t]|\s-\s|$))"
)
"""A cell of one word and its gloss in brackets, between a list line's dashes or bars
("— Sergent (Sergeant) —", "| Officer (Agente) |")."""


def rank_glossed(body: str, rules: Rules) -> str:
    """``body`` with a rank written in two languages, one in brackets ("Sergent
    (Sergeant)", "Agente (Officer)"), kept as the rank the ticket knows: the cell is
    one field, its title."""
    if "(" not in body:
        return body

    def _one(m: re.Match[str]) -> str:
        word, gloss = m.group(2).rstrip("."), m.group(3).rstrip(".")
        if rank_title(gloss, rules) and not rank_title(word, rules):
            return m.group(1) + gloss
        if rank_title(word, rules) and not rank_title(gloss, rules):
            return m.group(1) + word
        return m.group(0)

    return _GLOSSED.sub(_one, body)
