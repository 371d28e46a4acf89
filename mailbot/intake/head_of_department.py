"""The head of department: the signer of a request, by name and title ("Robert Tanner" /
"Chief of Police"), the head a request is written for ("on behalf of Chief Dana
Whitcomb"), or the sender's own name.

Pure functions over the text of a message; titles come from ``rules/language.toml``.
"""

from __future__ import annotations

import re

from mailbot.intake.fields import _DIGIT, _EMAIL, MAX_LINE
from mailbot.intake.head_in_words import head_titles, spelled_ordinal, title_of_place
from mailbot.intake.head_title_words import (
    ends_with_surname_title,
    placed_head_title,
    role_after_title,
)
from mailbot.intake.model import HeadOfDepartment, ParseResult
from mailbot.intake.prose import rank_title, split_rank
from mailbot.intake.rules import Rules, per_rules, per_rules_text
from mailbot.intake.word_lists import any_in, whole_words

_ASIDE = re.compile(r"\([^()]{0,20}\)")
_SIGNATURE_LINES = 5
"""How many lines under the sign-off are searched for the signer's name."""


_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,4}$")


_ROMAN = frozenset({"II", "III", "IV", "VI"})


_NOT_NAME_WORDS = frozenset({"of", "the", "and", "for", "at", "&"})


def head_of_department(signature: str, rules: Rules) -> tuple[str | None, str | None]:
    """(name, title) from the lines after the sign-off ("Robert Tanner" / "Chief of Police").

    The first line that reads as a person's name is the signer: a lone first name,
    a ``--`` delimiter or an agency line ("St. Albans PD") above it is passed over.
    """
    lines = [ln.strip() for ln in signature.split("\n") if ln.strip()]
    for n, line in enumerate(lines[:_SIGNATURE_LINES]):
        found = _signer(line, lines[n + 1] if n + 1 < len(lines) else "", rules)
        if found is not None:
            if found[1] is None and n > 0 and _is_title_line(lines[n - 1], rules):
                return found[0], _title_only(lines[n - 1], rules)  # "Chief of Police" above
            return _head_served(found[1], rules) or found
    return None, None


@per_rules
def _serves_re(rules: Rules) -> re.Pattern[str]:
    _, alt = head_titles(rules)
    name = r"[A-Z][a-z'’-]++(?:[ \t]+[A-Z]\.)?(?:[ \t]+[A-Z][a-z'’-]++){1,2}"
    serving = "|".join(map(re.escape, rules.language.people.serving_words)) or "(?!)"
    return re.compile(rf"\b(?i:{serving})[ \t]+(?:the[ \t]+)?((?i:{alt}))[ \t]+({name})[ \t]*$")


def _head_served(title: str | None, rules: Rules) -> tuple[str, str] | None:
    """(name, title) of the head a signer works for ("Administrative Assistant to Chief
    Ingrid Vance"): the signer is not the head, the head is named in the title."""
    if not title or not any(w in rules.language.people.serving_words for w in title.split()):
        return None
    m = _serves_re(rules).search(title)
    return (m.group(2), m.group(1)) if m else None


_TAIL_LINES = 15
"""How many last lines of the text are searched for a signer with a title when no
sign-off word marks the signature."""


def head_in_tail(body: str, rules: Rules) -> tuple[str | None, str | None]:
    """(name, title) of a signer near the end of ``body`` that carries a head title,
    on its own lines ("Jenna Kimball" / "Chief of Police") or on one line, as HTML
    signatures flatten ("Rosalind Kemp Chief of Police East Albury Police Department");
    a signer on his own lines first (not the roster's "Gibeault Kevin, Chief, BR001" above
    "Kevin Gibeault" / "Chief of Police")."""
    lines = [ln.strip() for ln in body.split("\n") if ln.strip()][-_TAIL_LINES:]
    # "Thanks, Chief Tom Pelletier": the sign-off and the signer on one line
    lines = [_sign_off_lead(rules).sub("", ln) for ln in lines]
    first: tuple[str, str] | None = None  # the first read on one line
    for n, line in enumerate(lines):
        if len(line) > MAX_LINE:
            continue
        if _ALIGNED_ROW.search(line):
            # "Dunbar      Ray        Chief       01B02": a table's row; a signature's
            # cells ("Ruairi O'Cathain Chief of Police<TAB>Vergennes Police Department")
            # are read each on its own
            cells = (
                _head_inline(c, rules)
                for c in line.split("\t")
                if "\t" in line and not _SPACED.search(c)
            )
            first = first or next((c for c in cells if c is not None), None)
            continue
        nxt = lines[n + 1] if n + 1 < len(lines) else ""
        found = _signer(line, nxt, rules)
        if found is not None and found[1] is None and n > 0 and _is_title_line(lines[n - 1], rules):
            found = found[0], _title_only(lines[n - 1], rules)
        if found is not None:  # "Administrative Assistant to Chief Mark Fountain"
            found = _head_served(found[1], rules) or found
        if found is not None and found[1] and is_head_title(found[1], rules):
            return found
        first = first or _head_inline(line, rules)
    return first or (None, None)


_SPACED = re.compile(r"\S {2,}\S")
_ALIGNED_ROW = re.compile(r"\S(?: {2,}|\t)\S+(?: {2,}|\t)\S")
"""A table's row: cells aligned with blanks, or set apart by TABs."""


@per_rules
def _sign_off_lead(rules: Rules) -> re.Pattern[str]:
    words = sorted(rules.language.people.sign_offs, key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in words)
    return re.compile(rf"^(?i:{alt})\s*[,!.-]\s+(?=[A-Z])")


@per_rules_text  # asked of the same few titles by the head, signer and roster readers
def is_head_title(title: str, rules: Rules) -> bool:
    """True when ``title`` is the head's own: a head title in it that no word makes
    another's, neither one that serves the head ("Administrative Assistant to the Chief")
    nor one right before it ("Deputy Chief"), nor a rank right after it ("Chief Deputy")."""
    people = rules.language.people
    words = title.lower().split()
    cut = next((n for n, w in enumerate(words) if w in people.serving_words), len(words))
    own = f" {' '.join(words[:cut])}"
    for t in people.head_titles:
        at = own.find(t.lower())
        while at >= 0:
            before = own[:at].split()
            after = own[at + len(t) :].split()
            ranked = bool(after) and after[0].strip(".,") in people.ranks
            modified = bool(before) and before[-1].strip(".,") in people.not_head_modifiers
            if not modified and not ranked:
                return True
            at = own.find(t.lower(), at + 1)
    return False


def drop_rank_and_file_head(result: ParseResult, rules: Rules) -> None:
    """No head when the head read is the Point-of-Contact signing with a rank below the
    head's ("Cpl. Ryan Hale" who was "assigned as the e-ticket PoC"): he answers to a
    head the message does not name, whose name is asked for."""
    head, contact = result.head_of_department, result.point_of_contact
    title = (head.title or "").strip()
    ranks = {t.lower() for t in rules.language.people.ranks.values() if t}
    if (
        head.name
        and head.name == contact.name
        and title.lower() in ranks
        and not is_head_title(title, rules)
    ):
        result.head_of_department = HeadOfDepartment()


@per_rules
def _head_inline_re(rules: Rules) -> re.Pattern[str]:
    _, alt = head_titles(rules)
    # "O'Cathain", "LaRose", "McNeil": a capital inside a name word too
    word = r"[A-Z][a-z'’-]++(?:[A-Z][a-z'’-]++)?"
    name = rf"(?<![\w.'’-]){word}(?:[ \t]+[A-Z]\.)?(?:[ \t]+{word}){{1,2}}"
    # not "Wolcott Springs Constable's Office": a title before "'s" names an office
    return re.compile(rf"({name})[ \t,|]+((?:{alt})(?:[ \t]+of[ \t]+Police)?)\b(?!['’]s\b)")


@per_rules
def job_words(rules: Rules) -> frozenset[str]:
    """The words of a job, not a name ("Records", "Clerk"), lower-case."""
    return frozenset(w.lower() for w in rules.language.people.job_words)


@per_rules
def _place_words(rules: Rules) -> frozenset[str]:
    return frozenset(w.lower() for w in rules.language.people.place_words)


def _head_inline(line: str, rules: Rules) -> tuple[str, str] | None:
    m = _head_inline_re(rules).search(line)
    if m is None:
        return None
    words = m.group(1).split()
    if rank_title(words[0], rules) is not None and len(words) < 3:
        return None  # "this is Officer Pellerin, Chief Kiefer's PoC": a rank, one name word
    own = rules.language.evidence.first_person_words
    if any(w.lower().replace("’", "'") in own for w in words):
        return None  # "I'm Interim Chief for ...": the writer's words for himself, no name
    places = _place_words(rules)
    if is_agency_or_title(words, rules) or any(w.lower() in places for w in words):
        return None  # "Newbury Town Constable": a town's constable, not a person
    return m.group(1), m.group(2)


def _is_acronym(word: str, shouting: bool) -> bool:
    return not shouting and 1 < len(word) <= 4 and word.isupper() and not word.endswith(".")


def head_from_sender(name: str | None, rules: Rules) -> tuple[str | None, str | None]:
    """(name, title) of the From display name when it reads as a person ("Chief Dana
    Whitcomb", "Whitcomb, Dana"); the sender of an enrolment is its head by default."""
    if not name or "@" in name or _DIGIT.search(name):
        return None, None
    return _head_named(name, rules)


@per_rules_text  # asked of the From name by most readers of a message
def _head_named(name: str, rules: Rules) -> tuple[str | None, str | None]:
    if "," in name:
        last, _, first = name.partition(",")
        name = f"{first.strip()} {last.strip()}"
    words = name.replace('"', "").split()
    # "Deputy Chief Aaron Fiske", "Sgt. Ann Roy": ranks written together are one title
    title, ranked = split_rank(words, rules)
    words = (
        ranked
        if title is not None or (words and rank_title(words[0], rules) is not None)
        else words
    )
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return None, None
    jobs = job_words(rules)
    shouting = all(w.isupper() for w in words)  # "WHITCOMB, DANA"
    if any(w.lower().strip(".,") in jobs or _is_acronym(w, shouting) for w in words):
        return None, None  # "Hartford PD Records", "IT Helpdesk": not a person
    if is_agency_or_title(words, rules):
        return None, None
    return " ".join(words), title or None


def head_labelled(value: str, rules: Rules) -> tuple[str | None, str | None]:
    """(name, title) of a labelled head ("Head of department: Director Anne Bouffard",
    "Department head: Dana Morse, Chief of Police")."""
    if not value:
        return None, None
    value = _EMAIL.sub("", value).strip(" ,;(")
    name, _, after = value.partition(",")
    titles, _ = head_titles(rules)
    title = None
    for t in titles:
        if name.lower().startswith(t.lower() + " "):
            title, name = t, name[len(t) :]
            break
    if title is None:
        ranked, rest = split_rank(name.split(), rules)
        title, name = ranked, " ".join(rest)
    if title is None and after.strip():
        said = after.strip().rstrip(".")
        title = next((t for t in titles if said.lower() == t.lower()), None)
    words = name.split()
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return None, None
    return " ".join(words), title


def closing_lines(body: str) -> str:
    """The last paragraph of ``body`` when it is short (a name and title typed above a
    ``--`` signature, with no sign-off word); else ""."""
    paragraph = body.rstrip().rsplit("\n\n", 1)[-1].strip("\n")
    lines = [ln for ln in paragraph.split("\n") if ln.strip()]
    return paragraph if 0 < len(lines) <= 3 else ""


def _signer(line: str, next_line: str, rules: Rules) -> tuple[str, str | None] | None:
    """(name, title) when ``line`` names a person, else None."""
    line = _SIGNED_MARK.sub("", line)  # "/s/ Dana Quist": a typed signature's mark
    name_part, _, after = line.partition(",")
    # "Peter J. Lindqvist Jr., Chief of Police" (not "Tom Fields, im the constable for ...")
    titled = bool(_FOUR_NAMES.match(line)) and _is_title_line(after.strip(), rules)
    if _EMAIL.search(line) or _DIGIT.search(line) or (len(line.split()) > 6 and not titled):
        return None
    if _ALIGNED_ROW.search(line):
        return None  # "LAST        FIRST      TITLE": a table's heading or row
    if _greeting(rules).match(line):
        return None  # "Hi Alan,": the one written to, not a signer
    words = _ASIDE.sub(" ", name_part).split()  # "Colonel (Ret.) Frank Demers"
    prefix = rank_title(words[0], rules) if words else None
    if prefix is not None:  # "Sgt.", and "Dr." or "Mr." (no title of their own)
        words = words[1:]
        prefix = prefix or None
    if len(words) < 2 or not all(w[0].isupper() for w in words if w[0].isalpha()):
        return None
    if is_agency_or_title(words, rules):
        return None
    title: str | None = None
    if after.strip():
        title = _title_only(after, rules)
    again, comma, rest = next_line.partition(",")  # the name typed again, then ", Sheriff"
    if comma and _ASIDE.sub(" ", again).split()[-len(words) :] == words:
        next_line = rest.strip()
    if title is None and next_line and _is_title_line(next_line, rules):
        title = _title_only(next_line, rules)
    elif prefix:
        title = prefix
    return " ".join(words), title


_SIGNED_MARK = re.compile(r"^/s/[ \t]*", re.I)
_FOUR_NAMES = re.compile(r"^\s*[A-Z][\w.'’-]*+(?:[ \t]+[A-Z][\w.'’-]*+){1,3}\s*+,\s*+[A-Z]")


@per_rules
def _greeting(rules: Rules) -> re.Pattern[str]:
    """A line opening with a greeting word ("Hi Alan,", "Good morning Chief Roy")."""
    return re.compile(rf"^\s*{whole_words(rules.language.people.greetings).pattern}", re.I)


_AGENCY_TAIL = re.compile(r"(?:(?<!\s)|(?!\s))(?:\s*[,|–—-]\s+|\s+at\s+)")
_OFFICE_OF = re.compile(r"^(?:the\s+)?office\s+of\s+(?:the\s+)?", re.I)


def _title_only(text: str, rules: Rules) -> str | None:
    """ "Chief, Brattleboro Police Department" -> "Chief"; an agency alone -> None;
    "OFFICE OF THE CHIEF OF POLICE" -> "Chief of Police"."""
    pieces = _AGENCY_TAIL.split(spelled_ordinal(text), maxsplit=2)
    first = pieces[0].strip(" ,.")
    if len(pieces) > 1 and role_after_title(pieces[1].strip(" ,."), rules):
        first = f"{first}, {pieces[1].strip(' ,.')}"  # "Captain, Unit Commander"
    if _OFFICE_OF.match(first):
        first = _OFFICE_OF.sub("", first)
        if first.isupper():
            first = " ".join(w if w in {"OF", "THE"} else w.capitalize() for w in first.split())
            first = first.replace(" OF ", " of ").replace(" THE ", " the ")
    suffixes, titles, _ = _title_words(rules)
    low = _unmodified(first.lower(), rules)
    if not first or (
        low.endswith(suffixes)
        and not any(low.startswith(t) for t in titles)
        and not placed_head_title(first, rules)
    ):
        return None
    return title_of_place(first, rules)


def _unmodified(low: str, rules: Rules) -> str:
    """A lower-case title without the word that opens it and keeps it the head's
    ("interim chief of police" -> "chief of police")."""
    head, _, rest = low.partition(" ")
    return rest if rest and head in rules.language.people.head_title_modifiers else low


def is_agency_or_title(words: list[str], rules: Rules, placed: bool = False) -> bool:
    """True for "St. Albans PD", "Hartford Police Department", "Of Police".

    The words of a name already read are an agency or a title, not a person: an agency
    ending or an acronym last (not when ``placed`` where a person's name stands, "OFFICER
    ANN VERO"), a head title or a joining word ("of", "and") anywhere.
    Not ``point_of_contact._an_agency``, which asks only whether raw text *opens* with an
    agency's name as the agency-name reader finds it; the two differ both ways ("St.
    Albans PD" and "Sgt. Dan Moss, Chief of Police" are True here and not there).
    """
    suffixes, titles, _ = _title_words(rules)
    low = " ".join(words).lower()
    if ends_with_surname_title(words, rules):
        return False  # "Harlan Constable"
    if low.endswith(suffixes) or any_in(low, titles):
        return True
    if any(w.lower() in _NOT_NAME_WORDS for w in words):
        return True
    last = words[-1]
    return not placed and bool(_ACRONYM.match(last)) and last not in _ROMAN


@per_rules
def _title_words(rules: Rules) -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]:
    """(agency suffixes, head titles, ranks that carry a title), lower-case."""
    people = rules.language.people
    return (
        tuple(s.lower() for s in people.agency_suffixes),
        tuple(t.lower() for t in people.head_titles),
        frozenset(r for r, v in people.ranks.items() if v),
    )


def _is_title_line(line: str, rules: Rules) -> bool:
    line = spelled_ordinal(line)
    if _EMAIL.search(line) or _DIGIT.search(line) or _SENTENCES.search(line):
        return False  # "Please see below. Chief wants this sent to you." over a name
    low = _OFFICE_OF.sub("", line.lower())
    suffixes, titles, ranks = _title_words(rules)
    if (
        low.endswith(suffixes)
        and not _unmodified(low, rules).startswith(titles)
        and not placed_head_title(line, rules)
    ):
        return False  # "Hartford Police Department", not "Director of Public Safety"
    first = low.split()[0].rstrip(".,") if low.split() else ""
    low = _POSSESSIVE.sub(" ", low)  # "Windsor County Sheriff's Dept.": the office, no title
    return any(t in low for t in titles) or first in ranks


_POSSESSIVE = re.compile(r"\w+['’]s\b")
_SENTENCES = re.compile(
    r"[a-z]{4}[.!?]\s+[A-Z]|^[^,\n]{1,40},[ \t]+[a-z][^\n]*[a-z]{3}[.!?][ \t]*$"
)
"""Prose, not a title: two sentences, or one said to him ("Chief, please reply-all.")."""
