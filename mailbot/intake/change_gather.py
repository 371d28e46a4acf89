"""Each roster change completed from everything the message says of its officer.

A change is read from the item that asks it; what the sender says of the same officer
elsewhere (the subject line "Add Ofc Kirby HB219", a sentence after the request "justice
system id 4471, dps username tbouchard", a line further down) belongs to the change too.
The mentions of an officer are the sentences (and the subject) that name him, by his
officer number, else his full name, else a last name no other change has, and that name
no other officer of the message. A value a mention gives is added where the change has
none; nothing the change has is replaced, and a mention never makes a change of its own.
"""

from __future__ import annotations

import re

from mailbot.intake.change_items import _NUMBER
from mailbot.intake.change_values import change_of, not_a_user
from mailbot.intake.model import Change, Officer
from mailbot.intake.prose import number_mentions, sentences, user_mention
from mailbot.intake.rules import Rules
from mailbot.intake.subject_only import said_in_subject

_NUMBER_SHAPE = re.compile(r"^(?=[A-Za-z0-9]*\d)[A-Za-z0-9]{3,7}$")
# the values a mention may give a change without one, by action: a username is what a
# new record or a closed one carries, an update's only as a change reads it ("username
# is now ..."); a title is a new record's or the new one an update gives, the agency the
# one a transfer moves him to
_GATHERED: dict[str, tuple[str, ...]] = {
    "add": ("officer_number", "dps_username", "title"),
    "deactivate": ("officer_number", "dps_username"),
    "update": ("officer_number", "dps_username", "title", "agency"),
}


def gathered(changes: list[Change], body: str, subject: str, rules: Rules) -> list[Change]:
    """``changes`` each given the officer number and username that the sentences of
    ``body`` and the ``subject`` naming its officer (and no other) write beside him."""
    if not changes:
        return changes
    said = _said_of(changes, body, subject)
    out = list(changes)
    for i, change in enumerate(changes):
        wanted = [f for f in _GATHERED.get(change.action, ()) if not _value(change, f)]
        if not wanted:
            continue
        others = [c for j, c in enumerate(changes) if j != i]
        found: dict[str, str] = {}
        for text in said[i]:
            read = _read(change, text, rules)
            for field in wanted:
                value = _told(field, text, others, rules, read)
                if value and field not in found:
                    found[field] = value
                elif value and found.get(field, "").lower() != value.lower():
                    found[field] = ""  # two values said of him: neither is taken
        more = {k: v for k, v in found.items() if v}
        if more:
            out[i] = Change.model_validate({**change.model_dump(exclude_none=True), **more})
    return out


def _said_of(changes: list[Change], body: str, subject: str) -> list[list[str]]:
    """The sentences said of each change's officer: those naming him and no other, and
    those after them in the same paragraph naming nobody ("Her record was removed in
    June - can you re-add her? Same username as before, rdion.")."""
    said: list[list[str]] = [[] for _ in changes]
    paragraphs = [said_in_subject(subject)] if subject.strip() else []
    paragraphs += re.split(r"\n[ \t]*\n|\n(?=[ \t]*(?:[-*•·]|\(?\d{1,2}[.)])[ \t])", body)
    for paragraph in paragraphs:
        at: int | None = None  # the officer the paragraph speaks of
        for sentence in sentences(paragraph):
            named = [i for i, c in enumerate(changes) if _names(sentence, c, changes)]
            if named:
                at = named[0] if len(named) == 1 else None
            if at is not None:
                said[at].append(sentence)
    return said


def _value(change: Change, field: str) -> str | None:
    value = getattr(change, field, None)
    return value if isinstance(value, str) and value.strip() else None


def _names(text: str, change: Change, changes: list[Change]) -> bool:
    """True when ``text`` names the officer of ``change``: by his number, else his full
    name, else his last name when no other change has it."""
    number = change.officer_number
    if number and re.search(rf"(?<![\w-]){re.escape(number)}(?![\w-])", text, re.I):
        return True
    last, first = _value(change, "last_name"), _value(change, "first_name")
    if not last or len(last) < 3:
        return False
    if not re.search(rf"(?<![\w'’-]){re.escape(last)}(?![\w-])", text):
        return False
    if first and re.search(rf"(?<![\w'’-]){re.escape(first)}(?![\w'’-])", text):
        return True
    same = [c for c in changes if (_value(c, "last_name") or "").lower() == last.lower()]
    return len(same) == 1


_USER_AFTER = re.compile(
    r"(?i:user\s*name|login)((?:[ \t]+[A-Za-z]+){1,3})[ \t]*[,:–-][ \t]*"
    r"([a-z][a-z0-9._-]{1,29})(?![\w@-])"
)


def _user_after_words(text: str, rules: Rules) -> str | None:
    """The username after "username" and ordinary words, set off by a comma or a colon
    ("Same username as before, rdion")."""
    for m in _USER_AFTER.finditer(text):
        words = m.group(1).split()
        if all(not_a_user(w, rules) for w in words) and not not_a_user(m.group(2), rules):
            return m.group(2)
    return None


def _read(change: Change, text: str, rules: Rules) -> dict[str, str]:
    """What ``text`` asks of a change such as ``change``, read as its own item would be
    ("She'll be Officer", "move him to the X Sheriff's Department")."""
    found = change_of(Officer(), change.action, text, rules).model_dump(exclude_none=True)
    return {k: v for k, v in found.items() if isinstance(v, str) and v.strip()}


def _told(
    field: str, text: str, others: list[Change], rules: Rules, read: dict[str, str]
) -> str | None:
    """The value of ``field`` ``text`` writes, when it is of no other change's officer."""
    if field in ("title", "agency"):
        return read.get(field)
    if field == "dps_username":
        said = user_mention(text, rules) if read.get("action") != "update" else None
        user = read.get(field) or said or _user_after_words(text, rules)
        taken = {(_value(o, "dps_username") or "").lower() for o in others}
        return user if user and user.lower() not in taken else None
    taken = {(o.officer_number or "").upper() for o in others}
    labelled = [m.group(1) for m in number_mentions(text)]
    # "justice system id 4471": a labelled number is kept as written, whatever its length
    numbers = [n for n in labelled if _NUMBER_SHAPE.match(n)]
    numbers = numbers or list(_NUMBER.findall(text))  # "Add Ofc Kirby HB219": bare
    numbers = [n for n in dict.fromkeys(numbers) if n.upper() not in taken]
    return numbers[0] if len(numbers) == 1 else None
