"""Values the writer takes back.

A number taken back in the same breath ("add Officer Ann Roy, VT448 -- sorry, that should
be VT484, I transposed it") is replaced in the text before it is read (:func:`meant`).
A value corrected further on ("P.S. the code above is wrong, our judiciary code is
actually 0381", "Hale's number is S2P73, not S2P37", a reply fixing the mail it quotes) is
made to what was read (:func:`corrected`): the value meant stands wherever the one taken
back was read, the agency's code, an officer's row or a roster change alike."""

from __future__ import annotations

import bisect
import dataclasses
import difflib
import re
from typing import TypeVar

from mailbot.intake.model import Change, Officer, ParseResult
from mailbot.intake.parts import MessageParts
from mailbot.intake.prose import split_name
from mailbot.intake.rules import Rules, per_rules
from mailbot.intake.word_lists import has_any, lower_set

_NUMBER = r"(?<![\w-])(?=[A-Za-z]{0,4}\d)[A-Za-z0-9]{5}(?![\w-])"


@per_rules
def _fixed(rules: Rules) -> re.Pattern[str]:
    words = "|".join(
        r"[ \t]+".join(re.escape(w) for w in f.split()) for f in rules.language.dictation.self_fixes
    )
    return re.compile(
        rf"({_NUMBER})[ \t]*[-–—,;(]*[ \t]*(?:(?i:{words or '(?!)'})\b[ \t]*[,:-]?[ \t]*){{1,2}}"
        # "that should be", "it's", "it should read", "should have been"
        r"(?:(?i:(?:that|it|this)(?:['’]s|[ \t]+is)?[ \t]+)?"
        r"(?i:should[ \t]+(?:be|read|have[ \t]+been)|is|was)?[ \t]*[:,]?[ \t]*)?"
        rf"({_NUMBER})\)?"
    )


def meant(text: str, rules: Rules) -> str:
    """``text`` with each number its writer takes back replaced by the one he meant."""
    if not text or not has_any(text, rules.language.dictation.self_fixes):
        return text
    return _fixed(rules).sub(lambda m: m.group(2), text)


def with_numbers_meant(parts: MessageParts, rules: Rules) -> MessageParts:
    """``parts`` with its new text (and a forwarding note) read by :func:`meant`."""
    text, note = meant(parts.text, rules), meant(parts.forward_note, rules)
    if (text, note) == (parts.text, parts.forward_note):
        return parts
    return dataclasses.replace(parts, text=text, forward_note=note)


# A value the writer corrects further on: "Hale's number is S2P73, not S2P37" and "the
# code 0318 should be 0381" name the value taken back; "P.S. the code above is wrong - our
# judiciary code is actually 0381" and "his LEO number should read G1S21" name the value's
# kind and whose it is.

_VALUE = r"[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?"
_SHAPES = {
    "judiciary_code": r"\d{3,4}(?![\w-])",
    "officer_number": r"(?=[A-Za-z]{0,5}\d)[A-Za-z0-9]{3,8}(?![\w-])",
    "dps_username": r"[A-Za-z][A-Za-z0-9._-]*[A-Za-z0-9](?![\w@-])",
    "phone": r"\(?\d{3}\)?[ \t.-]?\d{3}[ \t.-]?\d{4}(?![\w-])",
}
_CLAUSE = 200  # the most of a line before a value's name read for whose value it is
_BEFORE = 2000  # the most of the text before a correction read for whom "his" is
_NOTE = 4000  # the most of a message read for whether it corrects an officer's value
_MAX_FIXES = 40  # corrections read from one message (a note corrects a few values)
_ITEM = re.compile(r"\s*(?:\d{1,2}[.)]|[a-z][.)]|[-*•·])\s")
_POSSESSIVE = re.compile(r"([A-Z][\w'’-]*?)(?:['’]s\b|(?<=s)['’](?!\w))")
_PRONOUN = re.compile(r"\b(?i:(his|her|their|my))\b")


@dataclasses.dataclass(frozen=True)
class Fix:
    """One value corrected: ``new`` in place of ``old`` where the writer names the value
    taken back, else in place of the ``field`` of ``owner`` (an officer's last or first
    name; ``None`` for the agency's code, "" for the officer named last before ``at``)."""

    new: str
    old: str | None = None
    field: str | None = None
    owner: str | None = None
    at: int = 0


def _words(words: list[str]) -> str:
    alts = sorted(words, key=len, reverse=True)
    return "|".join(r"[ \t]+".join(re.escape(p) for p in w.split()) for w in alts) or "(?!)"


@per_rules
def _taken_back(rules: Rules) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """ "S2P73, not S2P37" (the value meant first) and "0318 should be 0381" (last)."""
    words = rules.language.corrections
    value = rf"(?<![\w\\@.'’-])(?i:dps\\)?({_VALUE})"
    end = r"(?![\w@\\'’-])"
    return (
        re.compile(
            rf"{value}[\"'”’)]?[ \t]*[,;]?[ \t]*(?i:{_words(words.instead)})[ \t]+"
            rf"(?i:dps\\)?({_VALUE}){end}"
        ),
        re.compile(
            rf"{value}[ \t]+(?i:{_words(words.replaced_by)})[ \t]*:?[ \t]*"
            rf"(?i:dps\\)?({_VALUE}){end}"
        ),
    )


@per_rules
def _named(rules: Rules) -> dict[str, re.Pattern[str]]:
    """Each value's names ("judiciary code", "LEO number", "DPS username")."""
    words = rules.language.corrections
    names = {"judiciary_code": words.code, "officer_number": words.number}
    names["dps_username"] = words.username
    names["phone"] = words.phone
    return {f: re.compile(rf"(?<![\w#])(?i:{_words(n)})(?!\w)") for f, n in names.items()}


@per_rules
def _stated(rules: Rules) -> dict[str, re.Pattern[str]]:
    """ "number should read G1S21", "code is actually 0381", and "it should be 0381"
    after the value's name."""
    links = _words(rules.language.corrections.links)
    return {
        field: re.compile(
            rf"(?:{named.pattern}|(?P<it>(?<!\w)(?i:it|that|this)(?=['’\s])))[ \t]*"
            rf"(?:(?i:{links})|['’]s)[ \t]*:?[ \t]*[\"“']?(?i:dps\\)?(?P<value>{_SHAPES[field]})"
        )
        for field, named in _named(rules).items()
    }


def _names_in(line: str, rules: Rules) -> list[tuple[int, str]]:
    """Where ``line`` names a value, and which, in order ("I typed the code wrong"); the
    "number" of "phone number" names the phone alone."""
    hits = [(m.start(), m.end(), f) for f, p in _named(rules).items() for m in p.finditer(line)]
    return sorted(
        (start, f)
        for start, end, f in hits
        if not any(s <= start and end <= e and e - s > end - start for s, e, _ in hits)
    )


@per_rules
def _not_new(rules: Rules) -> re.Pattern[str]:
    """Words before a value's name that make it the old value or another one."""
    words = rules.language.corrections
    return re.compile(rf"(?<!\w)(?i:{_words(words.old + words.other_values)})(?!\w)")


def _units(text: str, rules: Rules) -> list[tuple[int, str, bool]]:
    """Each line of ``text`` with its offset, and whether it corrects (its own words say
    so, or it is an item of a list a line saying so opens: "Two corrections:")."""
    marks = rules.language.corrections.marks
    out: list[tuple[int, str, bool]] = []
    at, opened = 0, False
    for line in text.split("\n"):
        said = has_any(line, marks)
        if line.strip() and not _ITEM.match(line):
            opened = said and line.rstrip().endswith(":")
        out.append((at, line, said or (opened and bool(_ITEM.match(line)))))
        at += len(line) + 1
    return out


def _clause(before: str) -> str:
    """The clause ``before`` ends: from its last stop, bracket or dash on."""
    cut = max(before.rfind(s) for s in (". ", "; ", "! ", "? ", "(", " - ", " – ", " — "))
    return before[cut + 1 :] if cut >= 0 else before


def fixes(text: str, rules: Rules, writer: str | None = None) -> list[Fix]:
    """The corrections ``text`` states, in the order written (``writer``: the last name
    "my number" is of)."""
    words = rules.language.corrections
    plain = lower_set(rules.formats.dps_username.plain_words)
    if not has_any(text, words.instead + words.replaced_by + words.marks):
        return []
    meant_first, meant_last = _taken_back(rules)
    out: list[Fix] = []
    for at, line, marked in _units(text, rules):
        pairs = [(m.start(), m.group(1), m.group(2)) for m in meant_first.finditer(line)]
        # "0318 should be 0381", not "the ticket should read Wolcott ...": a value mistyped
        pairs += [
            (m.start(), m.group(2), m.group(1))
            for m in meant_last.finditer(line)
            if _alike(m.group(1), m.group(2))
        ]
        for start, new, old in pairs:
            if new.lower() != old.lower() and not {new.lower(), old.lower()} & plain:
                out.append(Fix(new, old=old, at=at + start))
        if not marked:
            continue
        names = _names_in(line, rules)
        for field, pattern in _stated(rules).items():
            for m in pattern.finditer(line):
                start = m.start()
                if m.group("it"):  # "I typed the code wrong. It should be 0381."
                    before = names[: bisect.bisect_left(names, (start, ""))]
                    if not before or before[-1][1] != field:
                        continue
                    start = before[-1][0]
                clause = _clause(line[max(0, start - _CLAUSE) : start])
                if m.group("value").lower() in plain or _not_new(rules).search(clause):
                    continue  # "his old username is ...", "our phone number is ...", "cell"
                owners = _POSSESSIVE.findall(clause)
                pronoun = _PRONOUN.findall(clause)
                if field == "phone" and (owners or pronoun):
                    continue  # "Rita's phone number is ...": a person's, not the agency's
                owner: str | None = owners[-1] if owners else ""
                if not owners and pronoun and pronoun[-1].lower() == "my":
                    owner = writer or ""
                if field in ("judiciary_code", "phone"):
                    owner = None  # the agency's
                out.append(Fix(m.group("value"), field=field, owner=owner, at=at + start))
    return sorted(out, key=lambda f: f.at)[:_MAX_FIXES]


def corrects_officer(text: str, rules: Rules) -> bool:
    """Whether ``text`` corrects a value of an officer's ("I transposed his number ... the
    correct number is 3S181", "Rowe's first name is Jaclyn, not Jacqueline"): his number
    or username said to be another, or a value taken back for one spelt much like it
    that is a person's (the clause names whose) or an officer number. Such a note asks
    for what it corrects, whatever else it reads like; "Tuesday, not Wednesday" and the
    agency's code corrected are no officer's."""
    text = text[:_NOTE]
    for fix in fixes(text, rules):
        if fix.field == "phone" or len(re.sub(r"\D", "", fix.new)) >= _PHONE_DIGITS - 3:
            continue  # "802-555-0177, not 802-555-0171": the agency's phone
        if fix.field == "officer_number" and re.search(r"\d", fix.new):
            return True
        if fix.field == "dps_username":
            # "username should be jroy2", not "username jroy) noticed it ... it's happening"
            said = text[fix.at : text.find(fix.new, fix.at)]
            if not re.search(r"(?i)\b(?:it|that|this)\b", said):
                return True
        if fix.field is not None:
            continue
        old = fix.old or ""
        if not _alike(fix.new, old) or re.fullmatch(_SHAPES["judiciary_code"], fix.new):
            continue
        line = text[text.rfind("\n", 0, fix.at) + 1 : fix.at]
        clause = _clause(line[-_CLAUSE:])
        if re.search(r"\d", fix.new) or _POSSESSIVE.search(clause) or _PRONOUN.search(clause):
            return True
    return False


def _fits(value: str, field: str, old: str) -> bool:
    """Whether ``value`` can be ``field``'s in place of ``old``: of its shape, and for a
    username one spelt much like the one taken back ("klyons2" for "klyons"; never an
    ordinary word: "her username should be enough to find her")."""
    if re.fullmatch(_SHAPES[field], value) is None:
        return False
    return field != "dps_username" or _alike(value, old)


def _alike(one: str, other: str) -> bool:
    """Whether two values are spelt much alike (one a slip of the other's hand)."""
    return difflib.SequenceMatcher(None, one.casefold(), other.casefold()).ratio() >= 0.6


def corrected(result: ParseResult, text: str, rules: Rules, writer: str | None = None) -> None:
    """``result`` with each correction ``text`` states made to the values read: the value
    meant in place of the one taken back, whichever field (the agency's code, an officer's
    number or username, a roster change's) it was read into."""
    found = fixes(text, rules, split_name(writer)[1] if writer else None)
    for fix in found:
        rows: list[Officer | Change] = [*result.officers, *result.changes]
        code = result.agency.judiciary_code
        if code and (fix.field == "judiciary_code" or fix.old is not None):
            taken = fix.old is None or code.casefold() == fix.old.casefold()
            if taken and code != fix.new and _fits(fix.new, "judiciary_code", code):
                result.agency.judiciary_code = fix.new
        elif fix.field == "judiciary_code" and _fits(fix.new, "judiciary_code", ""):
            # "the judiciary code I gave you was wrong ... It is 0528": the code meant,
            # though the one taken back (in a mail not quoted, or not read) was not read
            result.agency.judiciary_code = fix.new
        phone = _phone_meant(result.agency.phone, fix, rules)
        result.agency.phone = phone or result.agency.phone
        if fix.field in ("judiciary_code", "phone") or phone:
            continue
        if fix.old is None:
            rows = _owned(rows, fix, text)
        fields = ("officer_number", "dps_username") if fix.field is None else (fix.field,)
        done = {id(r): _fixed_row(r, fix, fields) for r in rows}
        result.officers = [_as(o, done) for o in result.officers]
        result.changes = [_as(c, done) for c in result.changes]
    # "Sorry - her LEO number should read G1S21" read besides as a change of number alone:
    # the change it corrects now has that number, and the sentence asks nothing more
    meant = {f.new.casefold() for f in found}
    result.changes = [c for c in result.changes if not _restates(c, result.changes, meant)]


_PHONE_DIGITS = 10


def _phone_meant(phone: str | None, fix: Fix, rules: Rules) -> str | None:
    """The agency phone ``fix`` makes of ``phone`` ("the phone number I gave you was
    wrong, it is 802-555-0177", "802-555-0177, not 0171", "0177, not 0171"), or None."""
    from mailbot.intake.checks import normalize_phone

    have = re.sub(r"\D", "", phone or "")[-_PHONE_DIGITS:]
    new = re.sub(r"\D", "", fix.new)
    if len(have) != _PHONE_DIGITS or not new or new == have or re.search(r"[A-Za-z]", fix.new):
        return None
    if fix.field == "phone":
        return normalize_phone(fix.new, rules)
    old = re.sub(r"\D", "", fix.old or "")
    if fix.field is not None or len(old) < 4 or re.search(r"[A-Za-z]", fix.old or ""):
        return None  # a value taken back that is no phone's digits
    if not have.endswith(old):
        return None  # another number than the phone read
    if len(new) == _PHONE_DIGITS:
        return normalize_phone(fix.new, rules)
    # "0177, not 0171": the digits meant in place of those taken back
    return normalize_phone(have[: -len(old)] + new, rules) if len(new) == len(old) else None


def _restates(change: Change, changes: list[Change], meant: set[str]) -> bool:
    number = (change.officer_number or "").casefold()
    if change.action != "update" or number not in meant:
        return False
    if set(change.model_dump(exclude_none=True)) - {"action", "officer_number"}:
        return False
    return any(c is not change and (c.officer_number or "").casefold() == number for c in changes)


_Row = TypeVar("_Row", Officer, Change)


def _as(row: _Row, done: dict[int, Officer | Change | None]) -> _Row:
    fixed = done.get(id(row))
    return fixed if isinstance(fixed, type(row)) else row


def _fixed_row(row: Officer | Change, fix: Fix, fields: tuple[str, ...]) -> Officer | Change | None:
    """``row`` with ``fix`` made to the first of ``fields`` it applies to, or None. A
    change that already carries the value meant (as its new number) is left as read."""
    values = row.model_dump()
    if any(isinstance(v, str) and v.casefold() == fix.new.casefold() for v in values.values()):
        return None
    for field in fields:
        value = values.get(field)
        if not isinstance(value, str) or not value or not _fits(fix.new, field, value):
            continue
        if fix.old is None or value.casefold() == fix.old.casefold():
            return row.model_copy(update={field: fix.new})
    return None


def _owned(rows: list[Officer | Change], fix: Fix, text: str) -> list[Officer | Change]:
    """The rows ``fix`` speaks of: its owner's, or the officer's named last before it."""
    if fix.owner:
        who = fix.owner.casefold().rstrip("'’")
        return [r for r in rows if who in {(_name(r, k) or "").casefold() for k in _NAMES}]
    before = text[max(0, fix.at - _BEFORE) : fix.at]
    where: dict[str, int] = {}
    for row in rows:
        last = _name(row, "last_name")
        if last and last not in where:
            hits = list(re.finditer(rf"(?<!\w){re.escape(last)}(?!\w)", before, re.I))
            where[last] = hits[-1].start() if hits else -1
    named = max(where, key=lambda k: where[k], default=None)
    if named is None or where[named] < 0:
        return []
    return [r for r in rows if _name(r, "last_name") == named]


_NAMES = ("last_name", "first_name")


def _name(row: Officer | Change, key: str) -> str | None:
    value = getattr(row, key, None)
    return value if isinstance(value, str) else None
