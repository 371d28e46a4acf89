"""A forward whose note asks a change for an officer it names by first name alone ("Jen
just came over to us from Castleton PD, can you move her record to Poultney PD?") over a
mail that officer wrote herself ("From: Jen Moss", "here's my info ... LEO 9JM04 / DPS
user jmoss"): the change is hers, with the number and login her own mail gives."""

from __future__ import annotations

import re

from mailbot.intake.loose_rows import loose_rows
from mailbot.intake.model import Change
from mailbot.intake.parts import MessageParts
from mailbot.intake.prose import header_addresses, sentences, split_name
from mailbot.intake.rules import Rules

_OF_HER = re.compile(r"[ \t]*(?i:she|he|her|his)\b")
_MAX_LINES = 40
"""Lines of the forwarded mail read for its writer's own values."""
_OWN_MAIL = 2000
"""The most of those lines read as her row (a few short lines: "LEO 9JM04")."""


def _writer(parts: MessageParts) -> tuple[str, str] | None:
    """(first, last) of the one writer of the forwarded mail, not the sender himself."""
    writers = {(n, a) for n, a in header_addresses(parts.quoted_text, frozenset({"from"}))}
    if len(writers) != 1:
        return None
    name, address = writers.pop()
    if address == (parts.sender or "").lower():
        return None
    first, last = split_name(name or "")
    return (first, last) if first and last and " " not in first else None


def _own_values(text: str, full: str, rules: Rules) -> tuple[str | None, str | None]:
    """The officer number and username the writer's own mail gives (its lines read as
    one row of hers: "LEO 9JM04" over "DPS user jmoss")."""
    lines = [line.strip() for line in text.split("\n")[:_MAX_LINES] if line.strip()]
    rows = [row for _, row in loose_rows(", ".join([full, *lines])[:_OWN_MAIL], rules)]
    if len(rows) != 1:
        return None, None
    return rows[0].officer_number, rows[0].dps_username


def writers_changes(changes: list[Change], parts: MessageParts, rules: Rules) -> list[Change]:
    """``changes`` with the change the note asks for the forwarded mail's writer, when
    the note names her by first name alone and no change names her yet."""
    from mailbot.intake.changes import read_changes

    note = parts.forward_note.strip("\n")
    who = _writer(parts) if note and parts.text.startswith(note) else None
    if who is None:
        return changes
    first, last = who
    if any((getattr(c, "last_name", None) or "").casefold() == last.casefold() for c in changes):
        return changes
    alone = re.compile(rf"(?<![\w'’-]){re.escape(first)}(?![\w'’-])(?![ \t]+{re.escape(last)})")
    told = sentences(note)
    at = next((i for i, s in enumerate(told) if alone.search(s)), None)
    if at is None:
        return changes
    number, user = _own_values(parts.text[len(note) :], f"{first} {last}", rules)
    if number is None:
        return changes
    # "... can you move her record to Poultney PD? She stays a Corporal.": the sentences
    # right after, said of her, tell more of the same change
    said = [told[at]]
    for more in told[at + 1 :]:
        if not _OF_HER.match(more):
            break
        said.append(more)
    joined = ". ".join(s.rstrip(".?!") for s in said) + "."
    named = alone.sub(f"{first} {last} ({number})", joined, count=1)
    found = [
        c
        for c in read_changes(named, rules, [])
        if (c.officer_number or "").upper() == number.upper()
    ]
    if len(found) != 1:
        return changes
    have = found[0].model_dump(exclude_none=True)
    if user and not have.get("dps_username"):
        have["dps_username"] = user
    return [Change.model_validate(have), *changes]


_BELOW = 3000
"""The most of a forwarded mail read for the one number of an officer its note names."""


def numbers_forwarded(changes: list[Change], parts: MessageParts, rules: Rules) -> list[Change]:
    """``changes`` with the one change whose officer the note names without a number
    given the one officer number the forwarded mail below writes, when that mail names
    him too ("His welcome letter from our HR is below, it has his LEO number" over "Dear
    Caleb, ... VT LEO number 12F08, DPS username cfoss"), and the username it writes."""
    from mailbot.intake.change_officer import user_said
    from mailbot.intake.prose import number_mentions

    note = parts.forward_note.strip("\n")
    if not note or not parts.text.startswith(note):
        return changes
    open_ = [
        i for i, c in enumerate(changes) if not c.officer_number and getattr(c, "last_name", None)
    ]
    if len(open_) != 1:
        return changes
    change = changes[open_[0]]
    below = parts.text[len(note) :][:_BELOW]
    said = (getattr(change, "last_name", None), getattr(change, "first_name", None))
    names = [str(n) for n in said if n]
    if not any(re.search(rf"(?<![\w'’-]){re.escape(n)}(?![\w'’-])", below) for n in names):
        return changes
    numbers = {m.group(1).upper() for m in number_mentions(below)}
    if len(numbers) != 1:
        return changes
    have = change.model_dump(exclude_none=True)
    have["officer_number"] = numbers.pop()
    user = user_said(below, rules) if "dps_username" not in have else None
    if user:
        have["dps_username"] = user
    out = list(changes)
    out[open_[0]] = Change.model_validate(have)
    return out


def names_from_note(changes: list[Change], parts: MessageParts, rules: Rules) -> list[Change]:
    """``changes`` with the one change the forwarded mail gives by officer number alone
    ("His LEO # is 39M14") named as the note above it names the officer by rank and
    surname, with no number ("can you deactivate Officer Kelley's TraCS record?" over a
    chain that names Michael Kelley), when the note names one such officer only."""
    from mailbot.intake.prose import number_mentions

    note = parts.forward_note.strip("\n")
    if not note or not parts.text.startswith(note) or number_mentions(note):
        return changes
    bare = [
        i
        for i, c in enumerate(changes)
        if c.officer_number
        and not getattr(c, "last_name", None)
        and not getattr(c, "first_name", None)
    ]
    if len(bare) != 1:
        return changes
    # the forwarded mail's words, and the names of those who wrote it ("From: Michael
    # Kelley")
    writers = header_addresses(parts.quoted_text, frozenset({"from"}))
    below = " ".join([parts.text[len(note) :][:_BELOW], *(n for n, _ in writers)])
    own = {w.casefold() for w in (parts.sender_name or "").split()}
    named = set()
    for sentence in sentences(note):
        if len(sentence) > _NOTE_SENTENCE:
            continue
        for title, first, last in _ranked_in(sentence, rules):
            if last.casefold() in own:
                continue
            if re.search(rf"(?<![\w'’-]){re.escape(last)}(?![\w'’-])", below):
                named.add((title, first, last))
    if len(named) != 1:
        return changes
    title, first, last = named.pop()
    have = changes[bare[0]].model_dump(exclude_none=True)
    have.update(
        {k: v for k, v in {"title": title, "first_name": first, "last_name": last}.items() if v}
    )
    out = list(changes)
    out[bare[0]] = Change.model_validate(have)
    return out


_NOTE_SENTENCE = 300
"""The longest sentence of the note read for the officer it names."""


_OWNER = re.compile(r"([A-Z][a-z'’-]+)['’]s\b")


def _ranked_in(sentence: str, rules: Rules) -> list[tuple[str, str | None, str]]:
    """(title, first, last) of each officer ``sentence`` names by rank and name ("Lt.
    Sandra Whitney"), or by rank and a surname owning a thing ("Officer Kelley's TraCS
    record")."""
    from mailbot.intake.change_names import _RANKED
    from mailbot.intake.change_officer import officer_named
    from mailbot.intake.prose import rank_title

    out: list[tuple[str, str | None, str]] = []
    officer = officer_named(sentence, rules)
    if officer and officer.title and officer.last_name:
        out.append((officer.title, officer.first_name, officer.last_name))
    for m in _RANKED.finditer(sentence):
        owner = _OWNER.match(m.group(2))
        title = rank_title(m.group(1).rstrip("."), rules)
        if owner and title:
            out.append((title, None, owner.group(1)))
    return out
