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

from mailbot.intake.agency_name import in_full
from mailbot.intake.change_items import _NUMBER
from mailbot.intake.change_said import (
    first_named,
    full_first_name,
    heading_name,
    rank_named,
    right_user,
    user_stated,
)
from mailbot.intake.change_usernames import not_a_user
from mailbot.intake.change_values import change_of
from mailbot.intake.model import Change, Officer
from mailbot.intake.prose import number_mentions, sentences, user_mention
from mailbot.intake.rules import Rules
from mailbot.intake.subject_only import said_in_subject
from mailbot.intake.word_lists import may_contain

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


def gathered(
    changes: list[Change], body: str, subject: str, rules: Rules, signature: str = ""
) -> list[Change]:
    """``changes`` each given the officer number and username that the sentences of
    ``body`` and the ``subject`` naming its officer (and no other) write beside him, and
    the name a line of ``body`` or of the ``signature`` gives him beside his number."""
    if not changes:
        return changes
    changes = _headed(changes, f"{body}\n\n{signature}", rules)
    said = _said_of(changes, body, subject, rules)
    out = list(changes)
    for i, change in enumerate(changes):
        legal = next((n for t in said[i] if (n := full_first_name(t, rules))), None)
        if legal and legal != _value(change, "first_name") and _value(change, "last_name"):
            # "Ofc Becca Tourville ... Legal first name is Rebecca": the name on record
            data = {**change.model_dump(exclude_none=True), "first_name": legal}
            change = out[i] = Change.model_validate(data)
        last = _value(change, "last_name")
        first = (
            first_named(last, said[i], rules) if last and not _value(change, "first_name") else None
        )
        if first:
            # "Update Lt. Roy's record (X47)", "... appointed Lieutenant Ann Roy": his first name
            change = out[i] = Change.model_validate(
                {**change.model_dump(exclude_none=True), "first_name": first}
            )
        user = _value(change, "dps_username")
        right = right_user(user, said[i], rules) if user else None
        if right:
            # "record was set up with username akesler ... His DPS domain account is
            # akessler": the one he says is his over the one the record wrongly has
            data = {**change.model_dump(exclude_none=True), "dps_username": right}
            change = out[i] = Change.model_validate(data)
        wanted = [f for f in _GATHERED.get(change.action, ()) if not _value(change, f)]
        if not wanted:
            continue
        others = [c for j, c in enumerate(changes) if j != i]
        found: dict[str, str] = {}
        for text in said[i]:
            read = _read(change, text, rules)
            for field in wanted:
                value = _told(field, text, others, rules, read)
                if field == "title" and not value and _moved(change):
                    # "Deputy Chris Paradee is transferring to ...": the rank he moves with
                    last = _value(change, "last_name") or ""
                    value = rank_named(_value(change, "first_name"), last, text, rules)
                if value and field not in found:
                    found[field] = value
                elif value and found.get(field, "").lower() != value.lower():
                    found[field] = ""  # two values said of him: neither is taken
        more = {k: v for k, v in found.items() if v}
        if more.get("agency"):  # "transferring to Hartford PD" of "Hartford Police Department"
            more["agency"] = in_full(more["agency"], f"{body}\n{signature}", rules) or ""
        if more:
            out[i] = Change.model_validate({**change.model_dump(exclude_none=True), **more})
    return out


def _paragraphs(body: str) -> list[str]:
    return re.split(r"\n[ \t]*\n|\n(?=[ \t]*(?:[-*•·]|\(?\d{1,2}[.)])[ \t])", body)


def _headed(changes: list[Change], body: str, rules: Rules) -> list[Change]:
    """``changes`` without a name given the ranked full name heading the lines that give
    their officer's number ("Officer Tyler J. Brassard" over "VT LEO #: 2W418")."""
    out = list(changes)
    for paragraph in _paragraphs(body):
        named = [i for i, c in enumerate(changes) if _names(paragraph, c, changes)]
        change = changes[named[0]] if len(named) == 1 else None
        if change is None or _value(change, "last_name") or _value(change, "first_name"):
            continue
        heading = heading_name(paragraph, rules) or _signed(paragraph, change, rules)
        if heading:
            title, first, last = heading
            more = {"first_name": first, "last_name": last}
            if change.action != "deactivate" and not _value(change, "title") and title:
                more["title"] = title
            data = {**change.model_dump(exclude_none=True), **more}
            out[named[0]] = Change.model_validate(data)
    return out


def _signed(paragraph: str, change: Change, rules: Rules) -> tuple[str | None, str, str] | None:
    """(title, first, last) of a short line naming the officer of ``change`` by his
    number and full name ("Officer Adam Kessler #7C390" signing what he wrote)."""
    from mailbot.intake.change_officer import officer_named

    number = (change.officer_number or "").upper()
    for sentence in sentences(paragraph) if number else ():
        if len(sentence) > _SHORT or number not in sentence.upper():
            continue
        officer = officer_named(sentence, rules)
        same = officer is not None and (officer.officer_number or "").upper() == number
        if same and officer and officer.first_name and officer.last_name:
            return officer.title, officer.first_name, officer.last_name
    return None


_SHORT = 80


def _said_of(changes: list[Change], body: str, subject: str, rules: Rules) -> list[list[str]]:
    """The sentences said of each change's officer: those naming him and no other, and
    those after them in the same paragraph naming nobody ("Her record was removed in
    June - can you re-add her? Same username as before, rdion."), or in the paragraphs
    after it that go on of him, opening on "he" or "she" ("She also told me ...")."""
    said: list[list[str]] = [[] for _ in changes]
    paragraphs = [said_in_subject(subject)] if subject.strip() else []
    paragraphs += _paragraphs(body)
    at: int | None = None  # the officer the paragraph before spoke of last
    for paragraph in paragraphs:
        told = sentences(paragraph)
        if not told or not _goes_on(told[0], changes, rules):
            at = None
        for sentence in told:
            named = [i for i, c in enumerate(changes) if _names(sentence, c, changes)]
            if named:
                at = named[0] if len(named) == 1 else None
            if at is not None:
                said[at].append(sentence)
    return said


def _goes_on(sentence: str, changes: list[Change], rules: Rules) -> bool:
    """True when ``sentence`` names no officer and speaks of a third one by "he", "she",
    "his" or "her": it goes on of the officer spoken of before."""
    if any(_names(sentence, c, changes) for c in changes):
        return False
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", sentence)}
    return bool(words & set(rules.language.gathered.third_person))


def _moved(change: Change) -> bool:
    """True for a transfer of a named officer: an update moving him to another agency."""
    return change.action == "update" and bool(_value(change, "agency"))


def _value(change: Change, field: str) -> str | None:
    value = getattr(change, field, None)
    return value if isinstance(value, str) and value.strip() else None


def _names(text: str, change: Change, changes: list[Change]) -> bool:
    """True when ``text`` names the officer of ``change``: by his number, else his full
    name, else his last name when no other change has it."""
    number = change.officer_number
    # a number nowhere in the text: its pattern is not even compiled
    said = rf"(?<![\w-]){re.escape(number)}(?![\w-])" if number else None
    if said and may_contain(text, number or "") and re.search(said, text, re.I):
        return True
    last, first = _value(change, "last_name"), _value(change, "first_name")
    if not last or len(last) < 3:
        return False
    if last not in text or not re.search(rf"(?<![\w'’-]){re.escape(last)}(?![\w-])", text):
        return False
    if first and first in text and re.search(rf"(?<![\w'’-]){re.escape(first)}(?![\w'’-])", text):
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
        user = user or user_stated(text, rules)  # "his DPS log in was changed over to x"
        taken = {(_value(o, "dps_username") or "").lower() for o in others}
        return user if user and user.lower() not in taken else None
    taken = {(o.officer_number or "").upper() for o in others}
    labelled = [m.group(1) for m in number_mentions(text)]
    # "justice system id 4471": a labelled number is kept as written, whatever its length
    numbers = [n for n in labelled if _NUMBER_SHAPE.match(n)]
    numbers = numbers or list(_NUMBER.findall(text))  # "Add Ofc Kirby HB219": bare
    numbers = [n for n in dict.fromkeys(numbers) if n.upper() not in taken]
    return numbers[0] if len(numbers) == 1 else None
