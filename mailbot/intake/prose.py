"""Reading running text: the part that counts, sentences, people and sign-offs.

Pure functions over strings; the word lists come from :mod:`mailbot.intake.rules`.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

from mailbot.intake.bare_numbers import after_name as _after_name
from mailbot.intake.model import Officer
from mailbot.intake.names import surname_by_username
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


def header_addresses(text: str) -> list[tuple[str, str]]:
    """(display name, address) pairs on From/To/Cc lines quoted in a forwarded message."""
    from email.utils import getaddresses

    found: list[tuple[str, str]] = []
    for line in text.split("\n"):
        m = _HEADER_LINE.match(line)
        if m and m.group(1).lower() in {"from", "to", "cc"}:
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
    return bool(_HEADER_LINE.match(line))


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


@per_rules
def _rank_modifiers(rules: Rules) -> frozenset[str]:
    return frozenset(w.lower() for w in rules.language.people.rank_modifiers)


def split_rank(words: list[str], rules: Rules) -> tuple[str | None, list[str]]:
    """Drop leading rank words; return (their title, remaining words).

    A rank after a modifier word ("Patrol Officer", "Senior Trooper"), and ranks written
    together ("Chief Deputy", "Det. Sgt."), are one title."""
    title: str | None = None
    modifiers = _rank_modifiers(rules)
    if len(words) > 2 and words[0].lower().strip(".") in modifiers:
        # "Senior Trooper", "State Game Warden": a modifier before a rank of one or two words
        pair = rank_title(" ".join(words[1:3]), rules) if len(words) > 3 else None
        if pair:
            title = f"{words[0].strip('.')} {pair}"
            words = words[3:]
        elif rank_title(words[1], rules):
            title = f"{words[0].strip('.')} {rank_title(words[1], rules)}"
            words = words[2:]
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
    if ranks:
        # "Chief Deputy", "Det. Sgt.": two ranks written together are one title
        title = " ".join([title, *ranks] if title else ranks)
    return title, words


def split_name(full: str) -> tuple[str | None, str | None]:
    """(first, last) of a personal name in "Smith, John A." or "John A. Smith" form."""
    full = " ".join(full.split())
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


def person(text: str, rules: Rules) -> tuple[str | None, str | None, str | None]:
    """(title, first, last) of "Sgt. Jane Doe"-like text; rank words become the title."""
    words = text.split()
    title, rest = split_rank(words, rules)
    if len(rest) < 2:
        return title, None, None
    first, last = split_name(" ".join(rest))
    return title, first, last


def display_name(text: str, rules: Rules) -> str | None:
    """A person's name without rank prefix ("Sgt. Amy Lussier" -> "Amy Lussier")."""
    _, rest = split_rank(text.split(), rules)
    name = " ".join(rest).strip(" ,.;:")
    return name or None


_TRAILING_PUNCT = re.compile(r"[\s,(:\-–—]+$")
_DIGIT = re.compile(r"\d")
_POSSESSIVE_TAIL = re.compile(r"(?:['’]s)?\s*(?:VT\s*)?$")


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
    r"\s*(?:is\s+)?[:#]?\s*([A-Za-z0-9][A-Za-z0-9-]*)",
    re.I,
)
_USER_MENTION = re.compile(
    r"\b(?:DPS\s+)?(?:domain\s+)?(?:user\s*name|user\s*id|user|login)\b\s*(?:is\s+)?[:=]?\s*"
    r"([A-Za-z][\w.\-]*[A-Za-z0-9])",
    re.I,
)
_PAREN_NUMBER = re.compile(r"\(\s*(?:#\s*)?([A-Za-z]{0,3}\d[A-Za-z0-9]{2,6})\s*[),]")


def number_mentions(sentence: str) -> list[re.Match[str]]:
    """Officer-number mentions ("LEO number 12345", "badge HP204", "(HA022)")."""
    found = [m for m in _NUMBER_MENTION.finditer(sentence) if _DIGIT.search(m.group(1))]
    if not found:
        return list(_PAREN_NUMBER.finditer(sentence)) or _after_name(sentence)
    # "Officer A (officer number BN5R2, ...), Sergeant B (BN2T6, ...)": once the first is
    # labelled, the next ones in brackets, of the same length, are numbers too
    first = found[0]
    size = len(first.group(1))
    more = [
        m
        for m in _PAREN_NUMBER.finditer(sentence, first.end())
        if len(m.group(1)) == size and not any(f.start() <= m.start() < f.end() for f in found)
    ]
    return sorted(found + more, key=lambda m: m.start()) if more else found


def user_mention(sentence: str) -> str | None:
    m = _USER_MENTION.search(sentence)
    if not m:
        return None
    value = m.group(1).rstrip(".")
    if value.lower() in {"name", "id", "is", "and", "the"}:
        return None
    return value


_END = re.compile(r"(?<=[\w)])[.;!?](?=\s+[A-Z(\u00c0-\u00de])|;\s+")
_ABBREV = re.compile(
    r"(?:^|\s)(?:[A-Z]|St|Mt|Ft|No|Jr|Sr|Mr|Ms|Mrs|Dr|Sgt|Cpl|Lt|Capt|Det|Ofc|Tpr|Dep|Ptl)$"
)


def split_line(line: str) -> list[str]:
    """One line of running text cut into its sentences."""
    parts: list[str] = []
    start = 0
    for m in _END.finditer(line):
        if m.group(0) == "." and _ABBREV.search(line[max(start, m.start() - 6) : m.start()]):
            continue  # "Sgt. Jane Doe", "John A. Smith", "St. Albans"
        parts.append(line[start : m.start()])
        start = m.end()
    parts.append(line[start:])
    return [p.strip() for p in parts if p.strip()]


def sentences(text: str) -> list[str]:
    """Split running text into sentences and bullet lines (abbreviations kept whole)."""
    out: list[str] = []
    for line in text.split("\n"):
        line = line.strip(" \t•·*-")
        if line:
            out.extend(split_line(line))
    return out


def _strip_instruction(run: str, rules: Rules) -> str | None:
    """``"Promote Jordan Hale"`` -> ``"Jordan Hale"``: leading instruction words are
    not part of a name (``[people] instruction_words``)."""
    words = {w.lower() for w in rules.language.people.instruction_words}
    parts = run.split()
    while parts and parts[0].lower().strip(",.:;") in words:
        parts.pop(0)
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


def officer_in(sentence: str, rules: Rules) -> Officer | None:
    """An officer described in one sentence, or None when no officer number is given."""
    mentions = number_mentions(sentence)
    if not mentions:
        return None
    m = mentions[0]
    head = sentence[: m.start()]
    # "Officer John Smith, LEO ..." -> the name run before the number.
    head = _POSSESSIVE_TAIL.sub("", head)
    run = last_name_run(head)
    if run:
        run = _strip_instruction(_after_sentence_end(run, rules), rules)
    title = first = last = None
    if run and _title_only(run, rules):
        # "me, Walter Kinney, First Constable, officer number ...": the name before the title
        named = last_name_run(head[: head.rfind(run)])
        if named and not _title_only(named, rules):
            _, first, last = person(named, rules)
            title = run if first or last else None
    elif run:
        title, first, last = person(run, rules)
    if first is None and last is None:
        return None
    number = m.group(1).rstrip(".")
    # "(WH2P4, pcastellano)": a login after the number in the same brackets
    paired = _PAIRED_USER.match(sentence, m.end()) if m.group(0).endswith(",") else None
    user = (
        (paired.group(1) if paired else None)
        or user_mention(sentence[m.end() :])
        or user_mention(head)
    )
    first, last = surname_by_username(first, last, user)  # "Ada Red Cloud", "aredcloud"
    return Officer(
        last_name=last,
        first_name=first,
        title=title,
        officer_number=number,
        dps_username=user,
    )


def _title_only(run: str, rules: Rules) -> bool:
    """True when ``run`` is a title and no name ("First Constable", "Sergeant")."""
    words = [w.rstrip(".,") for w in run.split()]
    modifiers = _rank_modifiers(rules)
    return (
        bool(words)
        and bool(rank_title(words[-1], rules))
        and all(rank_title(w, rules) or w.lower() in modifiers for w in words)
    )


_PAIRED_USER = re.compile(r"[ \t]*(?:DPS\\)?([a-z][a-z0-9._-]{1,29})[ \t]*\)")


def officers_in_prose(text: str, rules: Rules) -> list[Officer]:
    """Officers described sentence by sentence ("Sgt. Jane Doe (badge HP204, DPS user jdoe)")."""
    found: list[Officer] = []
    for sentence in sentences(text):
        parts = _per_officer(sentence)
        officers = [officer_in(part, rules) for part in parts]
        if len(parts) > 1 and all(o is not None for o in officers):
            found.extend(o for o in officers if o is not None)
            continue
        # one part is the sentence itself, already read
        officer = officers[0] if len(parts) == 1 else officer_in(sentence, rules)
        if officer is not None:
            found.append(officer)
    return found


_NEXT_OFFICER = re.compile(r"(?:\)|\w)\s*(?:,\s*(?:and\s+)?|\s+and\s+|;\s*)(?=[A-Z])")


def _per_officer(sentence: str) -> list[str]:
    """A sentence naming several officers, cut before each one after the first ("Sgt. Jane
    Doe (HP204, username jdoe) and Officer Sam Roe (HP210, username sroe)")."""
    mentions = number_mentions(sentence)
    if len(mentions) < 2:
        return [sentence]
    cuts: list[int] = []
    for before, m in itertools.pairwise(mentions):
        gap = list(_NEXT_OFFICER.finditer(sentence, before.end(), m.start()))
        if not gap:
            return [sentence]
        cuts.append(gap[-1].end())
    bounds = [0, *cuts, len(sentence)]
    return [sentence[a:b] for a, b in itertools.pairwise(bounds)]
