"""The agency's name in running text: "The Hartford Police Department would like ...",
"please list us as Stowbridge Village PD on the tickets"; never the agency an officer
moves to; a short form ("Wilmington Police Dept") as the message spells it out elsewhere.

Pure functions; the words come from ``rules/language.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from mailbot.intake.agency_in_full import cut_short, initials_spelled_out, one_word_on, wrapped_on
from mailbot.intake.agency_lead_in import ARTICLE, GREETING, name_started
from mailbot.intake.agency_shown import name_shown_as
from mailbot.intake.parts import MessageParts
from mailbot.intake.prose import split_signature
from mailbot.intake.rules import Rules, per_rules
from mailbot.intake.shouted import cased_line, typed_in_full
from mailbot.intake.word_lists import has_any

# "As Chief of Police I authorize the ...": "As" opens a clause, no agency's name
_GREETING, _ARTICLE = GREETING, ARTICLE


@per_rules
def _agency_name_re(rules: Rules) -> re.Pattern[str]:
    return _name_ending_in(rules.language.people.agency_suffixes)


@per_rules
def _short_name_re(rules: Rules) -> re.Pattern[str]:
    """An agency's name ending in a short form ("St. Johnsbury PD", "Orange County SO")."""
    return _name_ending_in(list(rules.language.people.agency_full_forms))


def _name_ending_in(endings: Sequence[str]) -> re.Pattern[str]:
    suffixes = sorted(endings, key=len, reverse=True)
    alt = "|".join(re.escape(s) for s in suffixes)
    # a word starts after a non-word character and is taken whole (possessive), so a
    # long capitalised token is tried once, not from each of its letters (the capital
    # first, then the check of the character before it: quick to scan for)
    word = r"[A-ZÀ-Þ](?<![\w'’.-].)[\w'’.-]*+"
    small = r"(?:of|and|the|&)"  # "Town of Hartford Police Department"
    # "Hinesburg Police Department's e-ticket contact": the name before its possessive
    end = r"(?:(?![\w'’])|(?=['’]s(?![\w'’])))"
    return re.compile(rf"({word}[ \t]+(?:(?:{word}|{small})[ \t]+){{0,6}}(?:{alt})){end}")


@per_rules
def _naming_re(rules: Rules) -> re.Pattern[str]:
    # "THE NAME SHOULD BE SUTTON TOWN CONSTABLE": the suffix in any case
    suffixes = sorted(rules.language.people.agency_suffixes, key=len, reverse=True)
    alt = "|".join(re.escape(s) for s in suffixes)
    name = _agency_name_re(rules).pattern.replace(f"(?:{alt}))", f"(?i:{alt}))", 1)
    return re.compile(
        rf"(?i:should\s+(?:be|read|say|show)|to\s+read|will\s+be)\s*(?::\s*)?[\"“]?(?={name})"
    )


def without_naming(text: str, rules: Rules) -> str:
    """``text`` without the words that say how the agency's name reads ("Name should be
    Brandon Police Department"): they change no officer's record."""
    return _naming_re(rules).sub(" ", text)


_HEADED_VALUE = re.compile(
    r"^\s*(?:\d{1,6}[A-Za-z]?\s+[A-Z0-9]|\(?\d{3}\)?[\s.-]*\d{3}[\s.-]\d{4})"
)
"""A line under a name heading that starts with a street number or a phone number."""


def name_heading_values(text: str, rules: Rules) -> str | None:
    """An agency name on a line of its own heading the agency's values ("St. Albans
    Police Department" above "Judiciary Code 0391" and the street address): the name as
    the agency writes it for its record, before any name in the prose around it."""
    pattern = _agency_name_re(rules)
    codes = [w.lower() for w in rules.language.evidence.code_words]
    lines = [line.strip().strip("*_").strip() for line in text.split("\n")]
    for i, line in enumerate(lines[:-1]):
        if not line or len(line) > 80:
            continue
        m = pattern.fullmatch(line)
        if m is None or _GREETING.match(line):
            continue
        below = lines[i + 1]
        low = below.lower()
        coded = any(w in low for w in codes) and re.search(r"\b\d{3,4}\b", below)
        if coded or _HEADED_VALUE.match(below):
            name = _ARTICLE.sub("", line)
            if agency_name_in(name, rules) != name:
                continue
            # "Brattleboro Police" heading, "Brattleboro Police Department" in the prose
            said = agency_name_in(text, rules) or ""
            longer = said.lower().startswith(name.lower()) and len(said) > len(name)
            return said if longer else name
    return None


_ITEM = re.compile(r"^\s*(?:[-*•·]|\(?\d{1,3}[.)])\s+\S")
"""A list's item: a bullet or an item number ("1. Corporal Jeremy Fortin ...")."""
_NAME_WORDS = 12


def reads_as_name(value: str) -> bool:
    """Whether a line read under a label alone ("Department:" ending a wrapped sentence)
    may be an agency's name: not a list's item ("1. Corporal Ann Roy has been promoted
    ..."), nor a line as long as a sentence."""
    return _ITEM.match(value) is None and len(value.split()) <= _NAME_WORDS


_NAME_LABEL = re.compile(  # "Name ......... Bristol Police Department": dot leaders too
    r"^[ \t]*(?:[-*•][ \t]*)?Name[ \t]*(?:[:：]|[-–—][ \t]|\.{2,}[ \t]*[:：]?)"
    r"[ \t]*(.{3,80}?)[ \t.]*$",
    re.M,
)


def name_labelled_bare(text: str, rules: Rules) -> str | None:
    """ "Name: Bristol Police Department" among the agency's values: a line labelled
    only "Name" whose value is an agency's name (a person's "Name: ..." is not)."""
    if "Name" not in text:
        return None
    pattern = _agency_name_re(rules)
    for m in _NAME_LABEL.finditer(text):
        value = m.group(1).strip().strip("*_").strip()
        if pattern.fullmatch(value) and not _GREETING.match(value):
            return value
    return None


def _is_desk(name: str, rules: Rules) -> bool:
    """Whether ``name`` ends with the name of the desk's own department."""
    low = " ".join(name.lower().split())
    return any(low.endswith(d.lower()) for d in rules.language.people.desk_names)


@per_rules
def _move_words(rules: Rules) -> tuple[tuple[str, ...], tuple[str, ...]]:
    intent = rules.language.intent
    return tuple(w.lower() for w in intent.transfer), tuple(w.lower() for w in intent.leaving)


def agency_name_in(text: str, rules: Rules, short: bool = False) -> str | None:
    """An agency named in running text ("The Hartford Police Department would like ...");
    with ``short``, one named only by its short form ("Lt. R. Hale / St. Johnsbury PD")."""
    moved, leaving = _move_words(rules)
    weak = tuple(rules.language.people.weak_agency_suffixes)
    places = set(rules.language.people.place_words)
    found: list[str] = []
    pattern = _short_name_re(rules) if short else _agency_name_re(rules)
    for m in pattern.finditer(text):
        before = " ".join(text[max(0, m.start() - 40) : m.start()].lower().split())
        if any(w in before for w in moved) or _moved_to(text, m.start(), moved, leaving):
            continue  # the agency an officer moves to is not the sender's
        # "everything for Thetford. The Thetford Police Department": a sentence ends
        name = _SENTENCE_CUT.split(m.group(1))[-1]
        # "Harold Buonocore Chief of Police<TAB>Richmond Police Department": a signature
        # table's cells, side by side; the name is in the last cell
        name = name.rsplit("\t", 1)[-1]
        # "This is Chief Ray Tatro Wolcott PD": from where the name starts
        started = name_started(name, rules, text[max(0, m.start() - 30) : m.start()])
        if started is None:
            continue  # "Chief of Police", "Sergeant Police ..."
        name = started
        if name.endswith(weak) and not any(w in name.split() for w in places):
            continue  # "Harlan Constable" is a person; "Town of Roxford Constable" is not
        if _is_desk(name, rules):
            continue  # a letter's inside address: the desk's own department
        if len(name.split()) >= 2:
            found.append(name.strip())
            if len(found) >= 20:
                break
    if not found:
        return None
    # "Brattleboro Police" then "Brattleboro Police Department": the full name
    first = found[0]
    longer = [n for n in found if n != first and n.lower().startswith(first.lower())]
    return max(longer, key=len) if longer else first


# "send to DPS. Swanton Village Police Department": after an acronym too
_SENTENCE_CUT = re.compile(r"(?<=[a-z]{3})\.[ \t]+(?=[A-Z])|(?<=[A-Z]{3})\.[ \t]+(?=[A-Z][a-z])")
_CLAUSE_BACK = 160
_CLAUSE_START = re.compile(r"(?<=[a-z0-9)])(?<!\b[A-Z][a-z])[.!?]\s|\n\s*\n")
_TOWARDS = re.compile(r"\b(?:to|with|for|join(?:ed|ing|s)?)(?:\s+the)?$")


def _moved_to(text: str, start: int, moved: Sequence[str], leaving: Sequence[str] = ()) -> bool:
    """True when the agency named at ``start`` is where an officer goes ("has left St.
    Albans PD (its clause not cut at "St.") and transferred to the Windham County
    Sheriff's Office", "accepted a position with the Barre City Police Department", "is
    leaving us for the Vermont State Police")."""
    clause = text[max(0, start - _CLAUSE_BACK) : start]
    clause = " ".join(_CLAUSE_START.split(clause)[-1].lower().split())
    if _TOWARDS.search(clause) is None:
        return False
    return any(w in clause for w in moved) or any(
        w in clause and re.search(rf"(?<!\w){re.escape(w)}(?!\w)", clause) for w in leaving
    )


@per_rules
def agency_code_after_name(rules: Rules) -> re.Pattern[str]:
    """An agency's name with its judiciary code in brackets after it ("under Winooski PD
    (0519)"): group 3 is the code."""
    digits = rules.formats.judiciary_code.digits
    name = _agency_name_re(rules).pattern
    short = "|".join(re.escape(w) for w in rules.language.people.agency_abbreviations) or "(?!)"
    named = rf"(?:{name}|((?<![\w'’.-])[A-Z][\w'’.-]*+[ \t]+(?:{short})))"
    return re.compile(rf"{named}[ \t]*\([ \t]*(\d{{{digits}}})[ \t]*\)")


def code_after_name(text: str, rules: Rules) -> str | None:
    """The judiciary code written in brackets after the agency's name, or None."""
    m = agency_code_after_name(rules).search(text)
    return m.group(3) if m else None


def _core(stem: str, rules: Rules) -> list[str]:
    """The words of an agency's place, without the place words before it ("Town of
    Hartford" -> ["hartford"])."""
    places = {w.lower() for w in rules.language.people.place_words}
    words = [w.lower() for w in stem.replace("\u00a0", " ").split()]
    while words and words[0] in places:
        words = words[1:]
    return words


def in_full(name: str | None, text: str, rules: Rules) -> str | None:
    """``name`` as ``text`` writes it in full, when it ends with a short form ("Woodstock
    PD", "Town of Hartford Police Dept") and the message also names the same agency with
    the words the short form stands for ("Woodstock Police Department", "Hartford Police
    Department" in the signature): the proper name is the one spelled out. Otherwise
    ``name`` as read: a short form the message never spells out is left as written."""
    if not name:
        return name
    placed = _with_its_place(name, text, rules)
    if placed is not None:
        return placed
    written = _written(text, rules)
    forms = rules.language.people.agency_full_forms
    short = next((s for s in sorted(forms, key=len, reverse=True) if name.endswith(f" {s}")), None)
    if short is None:
        full = initials_spelled_out(name, written, rules) or cut_short(name, written, text)
        return full or wrapped_on(name, written, text) or one_word_on(name, written, rules) or name
    full = forms[short]
    place = _core(name[: -len(short)], rules)
    if not place:
        return name
    for m in _agency_name_re(rules).finditer(text):
        found = _ARTICLE.sub("", _GREETING.sub("", _SENTENCE_CUT.split(m.group(1))[-1]))
        if not found.lower().endswith(f" {full.lower()}"):
            continue
        if _core(found[: -len(full)], rules) == place:
            return found.strip()
    return typed_in_full(name, short, full, text)


def _with_its_place(name: str, text: str, rules: Rules) -> str | None:
    """ "County Sheriff's Office" (its place cut off where a line was wrapped) as the
    message also writes it with its place ("Bennington County Sheriff's Office" in the
    signature): a name of place words and a suffix alone names no agency. None when
    ``name`` has a place, or no longer name ends with it."""
    suffixes = sorted(rules.language.people.agency_suffixes, key=len, reverse=True)
    suffix = next((x for x in suffixes if name.endswith(f" {x}")), None)
    if suffix is None or _core(name[: -len(suffix)], rules):
        return None
    tail = f" {name.lower()}"
    for found in _written(text, rules):
        if found.lower().endswith(tail) and _core(found[: -len(suffix)], rules):
            return found
    return None


def _tells_of_move(text: str, rules: Rules) -> bool:
    """True when ``text`` tells of an officer's record moving between agencies."""
    words = rules.language.intent
    return has_any(text, words.transfer + words.moves_record)


def _written(text: str, rules: Rules) -> list[str]:
    """Every agency's name ``text`` writes, without the greeting, article or sentence
    before it, in order."""
    cut = (_SENTENCE_CUT.split(m.group(1))[-1] for m in _agency_name_re(rules).finditer(text))
    return [_ARTICLE.sub("", _GREETING.sub("", n)).rsplit("\t", 1)[-1].strip() for n in cut]


_SIGNED_WORDS = 8


def signed_in_one_case(signature: str, rules: Rules) -> str | None:
    """An agency's name on a line of its own in a sign-off typed all in capitals or all
    in lower case ("CHIEF PAUL GRENIER" over "ORLEANS POLICE DEPT", "wolcott police
    dept"): the whole line, as written, when with a clerk's capitals it is an agency's
    name."""
    for line in signature.split("\n"):
        written = " ".join(line.strip(" \t*_,").split())
        if not written or len(written.split()) > _SIGNED_WORDS:
            continue
        cased = cased_line(written, rules)
        if cased is None or (_GREETING.match(cased) and not _ARTICLE.match(cased)):
            continue
        name = agency_name_in(cased, rules)
        if name is not None and cased.endswith(name) and len(name.split()) >= 2:
            return " ".join(written.split()[-len(name.split()) :])
    return None


def _same_place(name: str | None, other: str, rules: Rules) -> bool:
    """Whether two agency names are of one place, each in its own words ("Lakeside
    College Public Safety", "Lakeside College Department of Public Safety"): the same
    words before their endings, the first not the second cut short."""
    suffixes = sorted(rules.language.people.agency_suffixes, key=len, reverse=True)

    def place(n: str) -> list[str]:
        end = next((x for x in suffixes if n.endswith(f" {x}")), "")
        return _core(n[: len(n) - len(end)] if end else n, rules)

    if not name or other.lower().startswith(name.lower()):
        return False  # "St. Albans Police" and "St. Albans Police Department": cut short
    return bool(place(name)) and place(name) == place(other)


def _short_named(signature: str, parts: MessageParts, rules: Rules) -> str | None:
    """ "Lt. R. Hale / St. Johnsbury PD", "the e-ticket contact for Randolph PD": the
    agency the message names only in its short form, as written, or in full where the
    message (its subject, quotes, attachments) spells that agency out; None when it
    names another in full, or tells of a move ("from Brandon PD": the agency left)."""
    if _tells_of_move(parts.text, rules):
        return None
    documents = [d.text for d in parts.documents]
    cells = [" ".join(row) for grid in parts.tables for row in grid]
    whole = "\n".join([parts.subject or "", parts.full_text, parts.letter, *documents, *cells])
    short = agency_name_in(signature, rules, short=True) or agency_name_in(
        parts.text, rules, short=True
    )
    if agency_name_in(whole, rules) is None:
        return short
    # "Chief of Police, Fernvale PD" over the desk's quoted "Agency: Fernvale Police
    # Department": the short form's own agency, as the message writes it in full
    full = in_full(short, whole, rules)
    return full if full != short else None


def name_of_agency(
    values: Mapping[str, str | None],
    labels: Mapping[str, object],
    signature: str,
    parts: MessageParts,
    rules: Rules,
    request: bool = True,
) -> str | None:
    """The agency's name: as read from the body, else as its signature names it (on a
    ``request``, in its short form if the message has only that); in full where the
    message or a paper attached writes it so ("Wilmington Police Dept would like ..."
    signed "Wilmington Police Department"), unless the sender set it down as the name to
    use ("Agency Name: Fair Haven Police Dept.", "please list us as Stowbridge PD")."""
    signed = agency_name_in(signature, rules) or signed_in_one_case(signature, rules)
    named = values.get("agency.name") or signed
    moves = "agency.name" not in labels and _tells_of_move(parts.text, rules)
    if signed and moves and not _same_place(named, signed, rules):
        # "Deputy Ann Roy has come over to us from the Dover Police Department ... move
        # her record to our agency": the agency named in the body is the one she leaves;
        # the writer's own is the one he signs for (as he names it in the body, if he
        # does: "changes for Lakeside College Public Safety" signed "... Department of
        # Public Safety")
        named = signed
    if named is None and parts.forward_note:
        # "Please deactivate Officer Tran, see below from HR." over the forwarder's own
        # sign-off ("Sgt. Michael Donahue / Richmond Police Department"): his agency
        named = agency_name_in(split_signature(parts.forward_note, rules).signature, rules)
    if named is None and request:
        named = _short_named(signature, parts, rules)
    labelled = values.get("agency.name") if "agency.name" in labels else None
    given = (labelled, name_shown_as(parts.text, rules), name_labelled_bare(parts.text, rules))
    if named is not None and named in given:
        return named
    papers = [d.text for d in parts.documents]  # a memo headed with the name in full
    return in_full(named, "\n".join([parts.text, parts.full_text, *papers]), rules)


_RUN_ON = re.compile(r"\s*(?:[,;(]|\.\s|\s[-–—|]\s)")
"""What ends a name running on into its other values: a comma, bracket, sentence end, dash."""


_IN_QUOTES = re.compile(r"^[\"“”]([^\"“”\n]+)[\"“”]$")


def name_cut_at_end(value: str, rules: Rules) -> str:
    """The agency's name alone when a labelled value runs on into the agency's other
    values ("Northfield Police Department, 110 Wall Street, ... 802-485-9181. Judiciary
    code 0460. ..."): cut where the name ends, if what follows holds a number; the name
    without the quotation marks it is written in ("“St. Albans Police Department”")."""
    value = _IN_QUOTES.sub(r"\1", value)
    m = _agency_name_re(rules).match(value)
    if m is None or not _RUN_ON.match(value, m.end()):
        return value
    rest = value[m.end() :]
    return m.group(1) if any(c.isdigit() for c in rest) else value
