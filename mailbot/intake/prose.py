"""Reading running text: the part that counts, sentences, people and sign-offs (the
officers a sentence describes: :mod:`prose_officers`).

Pure functions over strings; the word lists come from :mod:`mailbot.intake.rules`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from mailbot.intake.bare_numbers import after_name as _after_name
from mailbot.intake.bare_numbers import capitalised_before, run_on, said_like
from mailbot.intake.rules import Rules, per_rules

_UPPER = "A-ZÀ-ÖØ-Þ"
NAME_WORD = rf"[{_UPPER}][\w'’\-]*\.?"
_PARTICLE = r"(?:de|da|del|della|di|du|la|le|van|von|der|den|St\.)"
# one word of a person's name: "O'Brien", "Moreau-Danforth", "Nuñez" (letters joined by an
# apostrophe or hyphen; "HB", "VT" in capitals are no name); PERSON_WORD also takes
# "St. Pierre" as one
NAME_LETTERS = rf"[{_UPPER}](?:[a-zß-öø-ÿ][^\W\d_]*+|(?=['’]))(?:['’-][^\W\d_]++)*+"
PERSON_WORD = rf"(?:St\.?[ \t]+)?{NAME_LETTERS}"
NAME_RUN = re.compile(rf"{NAME_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{NAME_WORD})*")

_HEADER_LINE = re.compile(r"^\s*\*?(From|Sent|Date|To|Cc|Subject)\*?:\s?(.*)$", re.I)


# a no-break space is a space; hyphen and no-break hyphen ("e‑ticket Point‑of‑Contact")
# are "-"
_PLAIN = str.maketrans({"\u00a0": " ", "\u2010": "-", "\u2011": "-"})


def new_text(text: str, subject: str = "", *, quotes_cut: bool = False) -> str:
    """The text a clerk reads: quoted replies cut, forwarded requests kept.

    The MIME layer already does this (``quotes_cut``); for parts built by hand the
    splitter runs here, so a quoted checklist is never read as data.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_PLAIN)
    if not quotes_cut:
        from mailbot.intake.quoting import split_message

        text = split_message(text, subject).text
    return "\n".join(line.rstrip() for line in text.split("\n"))


_ONE_ADDRESS = re.compile(r"([^<>@,;]{1,60},[^<>@,;]{1,60})<([^<>@\s]{1,64}@[^<>@\s]{1,255})>\s*$")


def header_addresses(
    text: str, fields: frozenset[str] = frozenset({"from", "to", "cc"})
) -> list[tuple[str, str]]:
    """(display name, address) pairs on From/To/Cc lines (``fields``) quoted in a
    forwarded message."""
    from email.utils import getaddresses

    found: list[tuple[str, str]] = []
    for line in text.split("\n"):
        m = _HEADER_LINE.match(line)
        if m and m.group(1).lower() in fields:
            one = _ONE_ADDRESS.match(m.group(2))
            if one:  # "Okafor, Grace <gokafor@...>": one person, named last name first
                found.append((one.group(1).strip('" '), one.group(2).lower()))
                continue
            for name, addr in getaddresses([m.group(2)]):
                if "@" in addr:
                    found.append((name, addr.lower()))
    return found


def is_header_line(line: str) -> bool:
    """True for a forwarded message's ``From:``/``Sent:``/``To:`` line."""
    return ":" in line and _HEADER_LINE.match(line) is not None


@per_rules
def _sign_off_re(rules: Rules) -> re.Pattern[str]:
    words = sorted(rules.language.people.sign_offs, key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in words)
    return re.compile(rf"^\s*(?:{alt})\s*[,.!]?\s*$", re.I)


@dataclass(frozen=True)
class Split:
    """A message's text cut at the sign-off: ``body`` before, ``signature`` after."""

    body: str
    signature: str


def split_signature(text: str, rules: Rules) -> Split:
    """Cut ``text`` at its last sign-off line ("Thank you,") or at a ``-- `` line."""
    lines = text.split("\n")
    sign = _sign_off_re(rules)
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    # "Thanks!" as the first line opens the message; it does not end it.
    signs = [i for i, line in enumerate(lines) if i > first and sign.match(line)]
    dashes = [i for i, line in enumerate(lines) if line.strip() == "--"]
    cut = signs[-1] if signs else (dashes[-1] if dashes else None)
    if cut is None:
        return Split(text, "")
    return Split("\n".join(lines[:cut]), "\n".join(lines[cut + 1 :]))


def split_forward(text: str, note: str, rules: Rules) -> Split:
    """:func:`split_signature` of a forwarded request under a short note: the note's own
    sign-off ("Thanks, Megan") does not end the request below it, whose signature is the
    message's."""
    note = new_text(note, quotes_cut=True).strip("\n")
    if not note or not text.startswith(note) or not text[len(note) :].strip():
        return split_signature(text, rules)
    request = split_signature(text[len(note) :], rules)
    return Split(note + request.body, request.signature)


def rank_title(word: str, rules: Rules) -> str | None:
    """The e-ticket title for a rank word ("Sgt." -> "Sergeant"); None if not a rank."""
    key = word.strip().rstrip(".").lower()
    return rules.language.people.ranks.get(key)


_MAX_MODIFIERS = 3


@per_rules
def _rank_modifiers(rules: Rules) -> frozenset[str]:
    return frozenset(w.lower() for w in rules.language.people.rank_modifiers)


def split_rank(words: list[str], rules: Rules) -> tuple[str | None, list[str]]:
    """Drop leading rank words; return (their title, remaining words).

    A rank after a modifier word ("Patrol Officer", "Senior Trooper"), and ranks written
    together ("Chief Deputy", "Det. Sgt."), are one title."""
    title: str | None = None
    modifiers = _rank_modifiers(rules)
    lead = 0  # "Senior Motor Vehicle Inspector": modifiers written one after another
    while (
        lead < _MAX_MODIFIERS and lead < len(words) and words[lead].lower().strip(".") in modifiers
    ):
        lead += 1
    for k in range(lead, 0, -1):
        # "Senior Trooper", "State Game Warden": modifiers before a rank of one or two words
        said = " ".join(w.strip(".") for w in words[:k])
        pair = rank_title(" ".join(words[k : k + 2]), rules) if len(words) > k + 2 else None
        if pair:
            title = f"{said} {pair}"
            words = words[k + 2 :]
            break
        if len(words) > k + 1 and rank_title(words[k], rules):
            title = f"{said} {rank_title(words[k], rules)}"
            words = words[k + 1 :]
            break
    ranks: list[str] = []
    while words:
        # a rank of two words first ("Game Warden Jacob Pelletier")
        pair = rank_title(" ".join(words[:2]), rules) if len(words) > 2 else None
        if pair:
            ranks.append(pair)
            words = words[2:]
            continue
        if rank_title(words[0], rules) is None:
            break
        ranks.append(rank_title(words[0], rules) or "")
        words = words[1:]
    ranks = [r for r in ranks if r]  # "Mr." names no title
    roles = rules.language.people.rank_roles
    if ranks and len(words) > 2 and words[0].lower() in roles:
        ranks.append(words[0])  # "Investigator Supervisor Tom Keefe": the rank's role
        words = words[1:]
    if ranks:
        # "Chief Deputy", "Det. Sgt.": two ranks written together are one title
        title = " ".join([title, *ranks] if title else ranks)
    return title, words


def split_name(full: str) -> tuple[str | None, str | None]:
    """(first, last) of "Smith, John A." or "John A. Smith"; a possessive 's is no part."""
    full = POSSESSIVE_END.sub("", " ".join(full.split()))
    if not full:
        return None, None
    return _split_name(full)


@functools.lru_cache(maxsize=1024)
def _split_name(full: str) -> tuple[str | None, str | None]:
    # nameparser is slow per call; the same names recur in a request and its replies
    from nameparser import HumanName

    name = HumanName(full)
    first = " ".join(p for p in (name.first, name.middle) if p) or None
    last = name.last or None
    suffix = " ".join(name.suffix.replace(",", " ").split())
    if last and suffix and all(w.lower().rstrip(".") in _GENERATIONAL for w in suffix.split()):
        last = f"{last} {suffix}"  # "Luis Sanchez Jr.": the suffix is written with the name
    if last is None and first is not None and "," not in full:
        return None, first
    return first, last


_GENERATIONAL = frozenset({"jr", "sr", "ii", "iii", "iv"})
POSSESSIVE_END = re.compile(r"(?<=\w\w)['’]s$")


def person(text: str, rules: Rules) -> tuple[str | None, str | None, str | None]:
    """(title, first, last) of "Sgt. Jane Doe"-like text; rank words become the title."""
    words = text.split()
    title, rest = split_rank(words, rules)
    if len(rest) < 2:
        return title, None, None
    particles = {w.casefold() for w in rules.language.people.surname_abbreviations}
    if len(rest) == 2 and rest[0].casefold() in particles:
        return title, None, " ".join(rest)  # "St. Pierre": a surname alone, its particle kept
    first, last = split_name(" ".join(rest))
    return title, first, last


def display_name(text: str, rules: Rules) -> str | None:
    """A person's name without rank prefix ("Sgt. Amy Lussier" -> "Amy Lussier")."""
    _, rest = split_rank(text.split(), rules)
    name = " ".join(rest).strip(" ,.;:")
    return name or None


_TRAILING_PUNCT = re.compile(r"[\s,(:\-–—]+$")
_DIGIT = re.compile(r"\d")


def last_name_run(prefix: str) -> str | None:
    """The run of capitalised words that ends ``prefix`` (ignoring trailing punctuation)."""
    stripped = _TRAILING_PUNCT.sub("", prefix)
    best = None
    for m in NAME_RUN.finditer(stripped):
        if m.end() == len(stripped):
            best = m.group(0)
    return best


_NUMBER_MENTION = re.compile(
    r"\b(?:(?:VT\s+)?LEO|badge|justice\s+system\s+id|JSID|officer)"
    r"(?:\s*(?:number|num\.?|no\.?|#|id))?(?<!officer)(?<!Officer)(?<!OFFICER)"
    # "Officer Number (5-character VT LEO number): 39M21": a note on the label before its colon
    r"(?:\s*\([^()\n]{1,60}\)(?=\s*:))?"
    r"\s*(?:is\s+)?[:#]?\s*([A-Za-z0-9][A-Za-z0-9-]*)",
    re.I,
)
_USER_MENTION = re.compile(
    r"\b(?:DPS\s+)?(?:domain\s+)?(?:user\s*name|user\s*id|user|login)\b\s*(?:is\s+)?[:=]?\s*"
    # "DPS username DPS\\jdoe": the login behind its domain
    r"(?:DPS\\)?([A-Za-z][\w.\-]*[A-Za-z0-9])(?!\w|['’][A-Za-z]|\\)"
    # "username is unchanged (rebersole)": the username in brackets after a word
    r"(?:[ \t]*\([ \t]*([a-z][a-z0-9._-]{1,29})[ \t]*\))?",
    re.I,
)
# "(HA022)", "(#45-121, ...)": a number in brackets, maybe written in groups
_PAREN_NUMBER = re.compile(r"\(\s*(?:#\s*)?([A-Za-z]{0,3}\d(?:-?[A-Za-z0-9]){2,6})\s*[),]")
# a list's officer given his number and login unlabelled: "Rachel Farnham (05C17 /
# rfarnham)", "Sgt. Dale Whitehill, 05C09, username dwhitehill"
_SLASH_NUMBER = re.compile(
    r"(?<=[a-z'’])[ \t]*\([ \t]*([A-Za-z]{0,3}\d(?:-?[A-Za-z0-9]){2,6})[ \t]*/"
    r"(?=[ \t]*[a-z][a-z0-9._-]{1,29}[ \t]*\))"
)
_COMMA_NUMBER = re.compile(
    r"(?<=[a-z'’]),[ \t]*([A-Za-z]{0,3}\d(?:-?[A-Za-z0-9]){2,6}),[ \t]*"
    r"(?=(?i:(?:DPS[ \t]+)?(?:user[ \t]*name|user[ \t]*id|login))\b)"
)

# "and Officer Priya Nadeau who is SJ245": the number said of the name before it
_WHO_IS_NUMBER = re.compile(
    r"(?<=[a-z'’]),?[ \t]+who(?:['’]s|[ \t]+is)[ \t]+"
    r"([A-Za-z]{1,3}\d(?:-?[A-Za-z0-9]){2,6})(?![\w-])"
)


def listed_numbers(sentence: str) -> list[re.Match[str]]:
    """Each officer number of a sentence listing officers: those :func:`number_mentions`
    reads and those written unlabelled right after a capitalised name, before the
    officer's login."""
    found = number_mentions(sentence)
    more = [
        m
        for pattern in (_SLASH_NUMBER, _COMMA_NUMBER, _WHO_IS_NUMBER)
        for m in pattern.finditer(sentence)
        if capitalised_before(sentence, m.start())
        and not any(f.start() <= m.start(1) < f.end() for f in found)
    ]
    return sorted(found + more, key=lambda m: m.start()) if more else found


def number_mentions(sentence: str) -> list[re.Match[str]]:
    """Officer-number mentions ("LEO number 12345", "badge HP204", "(HA022)")."""
    return list(_number_mentions(sentence))


def labelled_number(text: str) -> str | None:
    """The one officer number ``text`` gives under its label, whatever its length
    ("Officer number S40217"), or None when it gives none or several."""
    found = {m.group(1) for m in _NUMBER_MENTION.finditer(text) if _DIGIT.search(m.group(1))}
    return found.pop() if len(found) == 1 else None


@functools.lru_cache(maxsize=256)  # one message's sentences are asked of by several readers
def _number_mentions(sentence: str) -> tuple[re.Match[str], ...]:
    return tuple(_mentions_in(sentence))


def _mentions_in(sentence: str) -> list[re.Match[str]]:
    found = [m for m in _NUMBER_MENTION.finditer(sentence) if _DIGIT.search(m.group(1))]
    if not found:
        bracketed = list(_PAREN_NUMBER.finditer(sentence))
        named = [] if bracketed else _after_name(sentence)  # "Officer Dale Brook number WC77"
        return run_on(named, sentence) if named else bracketed
    # "Officer A (officer number BN5R2, ...), Sergeant B (BN2T6, ...)": once the first is
    # labelled, the next ones in brackets, of the same length, are numbers too
    first = found[0]
    size = len(first.group(1))
    more = [
        m
        for m in _PAREN_NUMBER.finditer(sentence, first.end())
        if len(m.group(1)) == size and not any(f.start() <= m.start() < f.end() for f in found)
    ]
    # "..., and Officer Sam Roe, whose number is 07902": a later one's said plainly
    more += [
        m
        for m in said_like(first, sentence)
        if not any(f.start() <= m.start(1) < f.end() for f in found + more)
    ]
    return run_on(sorted(found + more, key=lambda m: m.start()) if more else found, sentence)


def user_mention(sentence: str, rules: Rules) -> str | None:
    """The username written after "username" in ``sentence``; an ordinary word there
    ("username is unchanged (rebersole)", "username to follow") is none, but the
    username in brackets after it is."""
    from mailbot.intake.change_usernames import not_a_user

    m = _USER_MENTION.search(sentence)
    if not m:
        return None
    value = m.group(1).rstrip(".")
    if value.lower() in {"name", "id"} or not_a_user(value, rules):
        return m.group(2)
    return value


_END = re.compile(r"(?<=[\w)])[.;!?](?=\s+[A-Z(\u00c0-\u00de])|;\s+")
_ABBREV = re.compile(
    r"(?:^|[\s(\[/])(?:[A-Z]|St|Mt|Ft|No|Jr|Sr|Mr|Ms|Mrs|Dr|Sgt|Cpl|Lt|Capt|Det|Ofc|Tpr|Dep|Ptl)$"
)


def split_line(line: str) -> list[str]:
    """One line of running text cut into its sentences."""
    return list(_split_line(line))


@functools.lru_cache(maxsize=128)
def _split_line(line: str) -> tuple[str, ...]:
    """One message's lines are cut into sentences by several readers: once each."""
    parts: list[str] = []
    start = 0
    for m in _END.finditer(line):
        if m.group(0) == "." and _ABBREV.search(line[max(start, m.start() - 6) : m.start()]):
            continue  # "Sgt. Jane Doe", "John A. Smith", "St. Albans"
        parts.append(line[start : m.start()])
        start = m.end()
    parts.append(line[start:])
    return tuple(p.strip() for p in parts if p.strip())


def sentences(text: str) -> list[str]:
    """Split running text into sentences and bullet lines (abbreviations kept whole)."""
    return list(_sentences(text))


@functools.lru_cache(maxsize=64)  # one message's text is split by several readers
def _sentences(text: str) -> tuple[str, ...]:
    out: list[str] = []
    for line in text.split("\n"):
        line = line.strip(" \t•·*-")
        if line:
            out.extend(_split_line(line))
    return tuple(out)
