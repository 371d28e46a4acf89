"""The last look before the sender is asked: never ask for what was sent.

An item goes on the sender's checklist only when nothing of its shape is written
anywhere in the message (its text, signature, subject and attachments). When something
is, but no reader could tell it plays that role, staff decide: the item becomes a
question on the case, with what was seen, and the sender is not asked again for
something he may well have given. This covers the items :mod:`roles` does not look for
by shape: an officer's DPS username and number, and the agency's name (the people and
the address: :mod:`given_people`).
"""

from __future__ import annotations

import re

from mailbot.intake.agency_name import in_full
from mailbot.intake.change_usernames import not_a_user
from mailbot.intake.given_people import people_questions
from mailbot.intake.model import Officer, ParseResult, StaffQuestion
from mailbot.intake.prose import number_mentions, sentences
from mailbot.intake.roster_usernames import signs_as
from mailbot.intake.rules import Rules, per_rules

MAX_CANDIDATES = 5
MAX_OFFICER_ITEMS = 20
"""Officer items looked for per message: each look reads the whole message, so a huge
roster with every number left out costs at most this many reads (the rest are asked)."""
_OFFICER_PATH = re.compile(r"^officers\[(\d+)\]\.(dps_username|officer_number)$")
_LOGIN = re.compile(r"(?<![\w@.\\-])([A-Za-z][A-Za-z0-9._-]{2,40})(?![\w-]|[\w.-]{0,64}@\w)")
"""A login-shaped word, not the start of an address ("nkinsman" of "nkinsman.pd@...")."""
_NUMBER = re.compile(r"(?<![\w-])(?=[A-Za-z0-9]*\d)([A-Za-z0-9]{3,7})(?![\w-])")


def staff_instead(
    result: ParseResult,
    texts: list[tuple[str, str]],
    rules: Rules,
    sender: tuple[str | None, str | None] = (None, None),
    note: str | None = None,
) -> dict[str, StaffQuestion]:
    """Questions for staff on the missing items of ``result`` of which ``texts`` (name,
    text) hold a value of the right shape; those items are not asked of the sender (the
    PoC, head and address items: :mod:`given_people`, which may fill a plain one; they
    also read the ``note`` a request was forwarded under)."""
    written = [*texts, ("forward note", note)] if note else texts
    out: dict[str, StaffQuestion] = people_questions(result, written, rules, sender)
    officer_items = 0
    for path in result.missing:
        m = _OFFICER_PATH.match(path)
        if m and int(m.group(1)) < len(result.officers):
            officer_items += 1
            if officer_items > MAX_OFFICER_ITEMS:
                continue
            officer = result.officers[int(m.group(1))]
            if m.group(2) == "dps_username":
                seen = _logins_of(officer, texts, result, rules)
                question = f"Is one of these the DPS username of {_name(officer)}?"
            else:
                seen = _numbers_beside(officer, texts, result)
                question = f"Is one of these the officer number of {_name(officer)}?"
        elif path == "officers":
            # "My info: Gary Pratt, Constable / LEO number 60417": a roster of one, unread
            seen = _numbers_said(texts, rules)
            question = "Whose officer number is this (the writer's own, or an officer's)?"
        elif path == "agency.judiciary_code":
            seen = _codes_of_any_length(texts, rules)
            stand_in = None if seen else _stand_in(path, texts, rules)
            if stand_in:
                result.agency.judiciary_code = stand_in  # "ORI: VT0060500": invalid
                continue
            question = "Is one of these the agency's judiciary code (not of 4 digits)?"
        elif path == "agency.name":
            seen = _agency_names(texts, rules)
            own = _one_of_its_own(seen, texts, sender[1], rules)
            if own:
                result.agency.name = own  # "Bristol Police Department - eticket"
                continue
            question = "Which is the agency's proper name to show on the e-ticket?"
        else:
            continue
        if seen:
            out[path] = {
                "field": path,
                "question": question,
                "candidates": [{"value": v, "where": w} for v, w in seen[:MAX_CANDIDATES]],
            }
    return out


def _name(officer: Officer) -> str:
    return " ".join(n for n in (officer.first_name, officer.last_name) if n) or "the officer"


def _made_from(login: str, officer: Officer) -> bool:
    """A login built from the officer's names, either way round (a roster may give
    them swapped)."""
    swapped = officer.model_copy(
        update={"first_name": officer.last_name, "last_name": officer.first_name}
    )
    return signs_as(login, officer) or signs_as(login, swapped)


def _given(result: ParseResult, field: str) -> set[str]:
    return {str(getattr(o, field) or "").lower() for o in result.officers} - {""}


def _logins_of(
    officer: Officer, texts: list[tuple[str, str]], result: ParseResult, rules: Rules
) -> list[tuple[str, str]]:
    """Tokens written anywhere that make a login of the officer's name and are no other
    officer's username already ("jdoe", "j.doe2", "DPS\\jdoe")."""
    if len((officer.last_name or "").strip()) < 2:
        return []
    taken = _given(result, "dps_username")
    seen: list[tuple[str, str]] = []
    for where, text in texts:
        for m in _LOGIN.finditer(text):
            token = m.group(1).rstrip("._-")  # "olyle2." ends its sentence
            low = token.lower()
            fits = _made_from(low, officer) and low not in taken and not not_a_user(low, rules)
            if fits and all(v.lower() != low for v, _ in seen):
                seen.append((token, where))
    return seen


def _numbers_beside(
    officer: Officer, texts: list[tuple[str, str]], result: ParseResult
) -> list[tuple[str, str]]:
    """Officer-number shapes on a line that names the officer by surname and is no
    other officer's number already."""
    last = (officer.last_name or "").lower()
    if len(last) < 2:
        return []
    taken = _given(result, "officer_number")
    seen: list[tuple[str, str]] = []
    pattern = re.compile(rf"(?<![\w-]){re.escape(last)}(?![\w-])")
    for where, text in texts:
        for line in text.split("\n"):
            if len(line) > 300 or not pattern.search(line.lower()):
                continue
            for m in _NUMBER.finditer(line):
                value = m.group(1)
                if value.isdigit() and len(value) != 5:  # a year, a phone's digit group
                    continue
                if value.lower() not in taken and all(v != value for v, _ in seen):
                    seen.append((value, where))
    return seen


def _numbers_said(texts: list[tuple[str, str]], rules: Rules) -> list[tuple[str, str]]:
    """Officer numbers written as such ("LEO number 60417", "badge HP204"), of the
    length of one: an officer the message gives, though no roster of it was read."""
    size = rules.formats.officer_number.length
    seen: list[tuple[str, str]] = []
    for where, text in texts:
        for sentence in sentences(text[:100_000]):
            for m in number_mentions(sentence):
                value = m.group(1)
                if len(value) == size and all(v != value for v, _ in seen):
                    seen.append((value, where))
    return seen


def _codes_of_any_length(texts: list[tuple[str, str]], rules: Rules) -> list[tuple[str, str]]:
    """A number of 2 to 6 digits right after a code word ("JB code 412", "Judiciary
    code is: 04127"): a code given in the wrong length is invalid, not missing."""
    pattern = _code_pattern(rules)
    seen: list[tuple[str, str]] = []
    for where, text in texts:
        for m in pattern.finditer(text[:100_000]):
            if all(v != m.group(1) for v, _ in seen):
                seen.append((m.group(1), where))
    return seen


@per_rules
def _code_pattern(rules: Rules) -> re.Pattern[str]:
    words = sorted(rules.language.evidence.code_words, key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?i:{alt})[ \t]*(?:is)?[ \t]*[:#-]?[ \t]*(\d{{2,6}})(?![\w-])")


def _stand_in(path: str, texts: list[tuple[str, str]], rules: Rules) -> str | None:
    """The value of another identifier given where the item is not, as written, when no
    two such values differ: on a line its label opens ("ORI: VT0060500" for the judiciary
    code), or said in a sentence that offers it for the item ("Our ORI number is VT0140500,
    I think that is what you need for the agency code?")."""
    line, said, item = _stand_in_patterns(rules).get(path, (_NONE, _NONE, _NONE))
    found: set[str] = set()
    for _, text in texts:
        text = text[:100_000]
        found.update(m.group(1) for m in line.finditer(text))
        for sentence in sentences(text) if said is not _NONE else ():
            for m in said.finditer(sentence):
                rest = sentence[: m.start()] + " " + sentence[m.end() :]
                if item.search(rest):
                    found.add(m.group(1))
    return found.pop() if len(found) == 1 else None


_NONE = re.compile(r"(?!x)x")
_STAND_IN_VALUE = r"(?=[A-Za-z-]{0,19}\d)([A-Za-z0-9][A-Za-z0-9-]{1,19})(?![\w-])"


@per_rules
def _stand_in_patterns(
    rules: Rules,
) -> dict[str, tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]]:
    """Per item: a line that starts with a stand-in label and gives a value with a digit;
    a stand-in label said to be a value in running text ("ORI # is VT0140500"); and the
    item's own labels (a sentence naming the item: "the agency code")."""
    out: dict[str, tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]] = {}
    links = rules.labels.stand_in_wording.links
    link = "|".join(
        rf"{re.escape(w)}[ \t]+" if w[-1:].isalnum() else rf"{re.escape(w)}[ \t]*"
        for w in sorted(links, key=len, reverse=True)
    )
    for path, words in rules.labels.stand_ins.items():
        alt = _alternation(words)
        if not alt:
            continue
        line = re.compile(
            rf"(?im)^[ \t]{{0,8}}(?:[-*•][ \t]{{0,3}})?(?:{alt})[ \t]{{0,3}}[:#=-]?[ \t]{{0,3}}"
            + _STAND_IN_VALUE
        )
        said = (
            re.compile(
                rf"(?i)(?<![\w-])(?:{alt})(?![\w-])[ \t]*(?:{link}){{1,2}}" + _STAND_IN_VALUE
            )
            if link
            else _NONE
        )
        own = _alternation(rules.labels.labels.get(path, []))
        item = re.compile(rf"(?i)(?<![\w-])(?:{own})(?![\w-])") if own else _NONE
        out[path] = (line, said, item)
    return out


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@per_rules
def _agency_pattern(rules: Rules) -> re.Pattern[str]:
    """A run of capitalised words (with "of", "and", "&" between) holding a word the
    rules' agency name endings are made of ("Police", "Division", "Sheriff's")."""
    people = rules.language.people
    endings = {*people.agency_suffixes, *people.typed_abbreviations}
    words = sorted({w for e in endings for w in e.split() if w[:1].isupper()}, key=len)
    alt = "|".join(re.escape(w) for w in reversed(words))
    word = r"(?:[A-Z][\w'’.-]*|of|and|&)"
    return re.compile(
        rf"((?:[A-Z][\w'’.-]*[ \t]+)(?:{word}[ \t]+){{0,6}}?(?:{alt})"
        rf"(?:[ \t]+(?:of|and|&)?[ \t]*[A-Z][\w'’.-]*){{0,3}}"
        # "... Fair Haven Police Dept": the words an agency's name ends with, to the last
        rf"(?:[ \t]+(?:{alt}))*)(?![\w'’])"
    )


_INITIAL = re.compile(r"^[A-Z]\.?$")


def _without_person(name: str, rules: Rules) -> str | None:
    """``name`` without a rank and a person's name written before it ("Chief Dale Wells
    Town of Fair Haven Police Dept" is "Town of Fair Haven Police Dept"): up to the
    place word that opens the agency's name, else past a first and last name (and a
    middle initial). None when nothing of an agency's name is left."""
    people = rules.language.people
    titles = {*people.ranks, *(t.lower() for t in people.head_titles)}
    words = name.split()
    if len(words) < 2 or words[0].rstrip(".").lower() not in titles:
        return name
    places = {w for w in people.place_words if w[:1].isupper()}
    opens = next((i for i, w in enumerate(words[2:6], 2) if w in places), None)
    if opens is None:
        opens = 4 if len(words) > 2 and _INITIAL.match(words[2]) else 3
    rest = words[opens:]
    return " ".join(rest) if len(rest) >= 2 else None


def _agency_names(texts: list[tuple[str, str]], rules: Rules) -> list[tuple[str, str]]:
    """Capitalised names ending as an agency's name does ("Sudbury Town Constable",
    "Windsor County Sheriff's Office"), wherever they are written."""
    pattern = _agency_pattern(rules)
    desk = rules.language.people.desk_names
    seen: list[tuple[str, str]] = []
    for where, text in texts:
        for line in text.split("\n"):
            if len(line) > 300:
                continue
            for m in pattern.finditer(line):
                name = _without_person(" ".join(m.group(1).split()), rules) or ""
                if not name or any(d.lower() in name.lower() for d in desk):  # the desk's own
                    continue
                if all(v != name for v, _ in seen):
                    seen.append((name, where))
    return seen


def _one_of_its_own(
    seen: list[tuple[str, str]], texts: list[tuple[str, str]], sender: str | None, rules: Rules
) -> str | None:
    """The one agency written anywhere, in full, when it is the writer's own: every name
    seen is of one place ("Bristol PD" in the text, "Bristol Police Department - eticket"
    in the subject: the longest is the name), and that place is his mail domain's
    ("bristolvtpd.org") or the message speaks of it again ("1 South St Bristol VT").
    Names of two places, or of a place the message says nothing more of, go to staff."""
    places = {_place(v, _not_places(rules)) for v, _ in seen}
    if len(places) != 1 or None in places:
        return None
    place = str(places.pop())
    name = max((v for v, _ in seen), key=len)
    if not all(v.casefold() == name.casefold() or in_full(v, name, rules) == name for v, _ in seen):
        return None  # "Bristol PD" and "Bristol County Sheriff's Office": two agencies
    domain = (sender or "").rpartition("@")[2].lower()
    if place in domain:
        return name
    word = re.compile(rf"\b{re.escape(place)}\b", re.I)
    said = sum(len(word.findall(t)) for _, t in texts)
    return name if said > sum(len(word.findall(v)) for v, _ in seen) else None


def _place(name: str, not_places: frozenset[str]) -> str | None:
    """The first word of an agency's name that is its place ("Town of Bristol" -> bristol)."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]{3,}", name)]
    return next((w for w in words if w not in not_places), None)


@per_rules
def _not_places(rules: Rules) -> frozenset[str]:
    """Words of a name that say no place of its own: "Town", "of", and the words of the
    desk's own name ("Vermont": every agency writing in is in it)."""
    people = rules.language.people
    words = [*people.place_words, *(w for d in people.desk_names for w in d.split()), "the", "and"]
    return frozenset(w.lower() for w in words)
