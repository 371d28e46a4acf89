"""The tolerant line reader: an officer's row typed as an ordinary line or sentence
("Dep. Tyler Gile #07c52 username tgile", "Sgt Mark Ellery, his number is 14k02 and his
user name is mellery", "Only officer is me, Gary LaBounty, Constable, number 4417, DPS
username glabounty"), read token by token where the list readers read no row for it.

A line is read when it holds an anchor, an officer-number-shaped token or a username
after its label; it gives a row only when it names a person (or the writer, "I am ...")
and gives at least two of rank, officer number and username, so signatures, phone lines,
addresses and prose about other people give none. A run-on sentence of several numbers
is read record by record, cut at its commas ("Dale Wells Chief D1W44 dwells, Kevin Pratt
Officer K7P02 kpratt"), each record's name the one written next to its rank and number;
chat lines under one person's name are one record (:mod:`spoken_lines`); words in rules/."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from mailbot.intake.bracket_values import tokens_of
from mailbot.intake.change_usernames import not_a_user
from mailbot.intake.loose_surname import fits, goes_on, holds, letters, may_name
from mailbot.intake.model import Officer
from mailbot.intake.names import fuller_name
from mailbot.intake.prose import split_line, split_name, split_rank
from mailbot.intake.rules import Rules, per_message_text, per_rules
from mailbot.intake.run_on_records import run_on_records
from mailbot.intake.spoken_lines import spoken_lines

_NUMBER = re.compile(
    r"[A-Za-z0-9]{3,7}|(?=[^-]*[A-Za-z])(?=(?:-?[A-Za-z0-9]){3,7}$)[A-Za-z0-9]+-[A-Za-z0-9]+"
)
_USER = re.compile(r"[a-z][a-z0-9._-]{1,29}")
_NAME_WORD = re.compile(r"[A-Z][A-Za-z'\u2019-]*\.?")
_END = "\x00"  # after the last word, so a rank's modifier at a line's end is read


@dataclass
class _Words:
    number_labels: frozenset[str]
    user_labels: frozenset[str]
    title_labels: frozenset[str]
    fillers: frozenset[str]
    not_names: frozenset[str]
    negations: frozenset[str]
    writer: re.Pattern[str]
    modifiers: frozenset[str]
    agency: frozenset[str]
    anchor: re.Pattern[str]  # a digit or a username label, in a line casefolded
    slashes: tuple[str, ...]  # the labels a login is written straight after ("dps\\")


@per_rules
def _words(rules: Rules) -> _Words:
    rows = rules.language.rows
    writer = "|".join(re.escape(w) for w in sorted(rows.writer_words, key=len, reverse=True))
    users = {w.casefold() for w in rows.user_labels}
    anchors = "|".join([r"\d", *(re.escape(u) for u in sorted(users, key=len, reverse=True))])
    return _Words(
        number_labels=frozenset(w.casefold() for w in rows.number_labels),
        user_labels=frozenset(w.casefold() for w in rows.user_labels),
        title_labels=frozenset(w.casefold() for w in rows.title_labels),
        fillers=frozenset(w.casefold() for w in rows.fillers),
        not_names=frozenset(w.casefold() for w in rows.not_names),
        negations=frozenset(w.casefold() for w in rows.negations),
        writer=re.compile(rf"(?i)(?<![\w'])(?:{writer or '(?!)'})(?![\w'])"),
        modifiers=frozenset(w.casefold() for w in rules.language.people.rank_modifiers),
        agency=frozenset(
            w.casefold()
            for suffix in rules.language.people.agency_suffixes
            for w in suffix.split()
            if w.casefold() not in {"of", "the", "and"}
        ),
        anchor=re.compile(anchors),
        slashes=tuple(u for u in users if u.endswith("\\")),
    )


@dataclass
class _Read:
    """What one sentence gives, token by token."""

    tokens: list[str] = field(default_factory=list)
    ranks: list[tuple[str, int, int]] = field(default_factory=list)  # title, its tokens
    numbers: list[str] = field(default_factory=list)
    number_at: list[int] = field(default_factory=list)  # each number's (label's) token
    titled: str | None = None  # a rank after its label ("title is just officer")
    user: str | None = None
    runs: list[list[str]] = field(default_factory=list)
    commas: set[int] = field(default_factory=set)  # runs followed by a comma
    spans: list[tuple[int, int]] = field(default_factory=list)  # each run's tokens
    remarks: list[str] = field(default_factory=list)
    plain: list[str] = field(default_factory=list)  # lower-case words, maybe a username


def _label(folded: list[str], i: int, labels: frozenset[str]) -> int:
    """How many tokens from ``i`` make a label of ``labels`` (two words first), or 0;
    ``folded``: the tokens casefolded, without a colon after."""
    if i + 1 < len(folded) and f"{folded[i]} {folded[i + 1]}" in labels:
        return 2
    return 1 if folded[i] in labels else 0


def _negated(tokens: list[str], label: int, words: _Words) -> bool:
    """Whether the clause before a username's label says it is not given ("dont have his
    dps login yet"): a negation among the few words before the label, none of them a comma."""
    before: list[str] = []
    for token in reversed(tokens[max(0, label - 8) : label]):
        if token in ",;":
            break
        before.insert(0, token.casefold())
    said = " ".join(before)
    return any(f" {w} " in f" {said} " for w in words.negations)


def _value(tokens: list[str], i: int, words: _Words) -> tuple[str | None, int]:
    """The value after a label at ``i`` (fillers skipped) and the index after it."""
    while i < len(tokens) and tokens[i].casefold() in words.fillers:
        i += 1
    if i >= len(tokens) or tokens[i] in ",;":
        return None, i
    return tokens[i].rstrip(".:"), i + 1


def _number_shaped(token: str, *, labelled: bool) -> bool:
    """An officer number: letters and digits, 3-7 characters with a digit ("FH-0213",
    a hyphen between letters and digits, kept as written to be reported); unlabelled,
    it holds a letter too, written in capitals."""
    if not _NUMBER.fullmatch(token) or not any(c.isdigit() for c in token):
        return False
    if labelled:
        return True
    return any(c.isalpha() for c in token) and token.isupper()  # "7L344"; not "2nd", a day


@per_message_text  # a sentence is read by the record cutter and the row reader: read once
def _read(sentence: str, rules: Rules) -> _Read:
    words = _words(rules)
    tokens = tokens_of(sentence)
    folded = [t.casefold().rstrip(":") for t in tokens]
    read = _Read(tokens=tokens)
    run: list[str] = []

    def close(comma: bool = False) -> None:
        if run:
            read.runs.append(list(run))
            read.spans.append((i - len(run), i))
            if comma:
                read.commas.add(len(read.runs) - 1)
            run.clear()

    i = 0
    while i < len(tokens):
        token = tokens[i]
        low = token.casefold()
        if token in ",;":
            close(comma=token == ",")
            i += 1
            continue
        if token.startswith("("):
            close()
            read.remarks.append(token.strip("() "))
            i += 1
            continue
        slash = next((lab for lab in words.slashes if low.startswith(lab)), None)
        if slash is not None:  # "DPS\rcheney"
            close()
            value: str | None = token[len(slash) :].rstrip(".")
            read.user = read.user or (value if value and _USER.fullmatch(value) else None)
            i += 1
            continue
        if token.startswith("#") and len(token) > 1:  # "#07C31"
            close()
            value = token[1:].rstrip(".")
            if _number_shaped(value, labelled=True):
                read.numbers.append(value.upper())
                read.number_at.append(i)
            i += 1
            continue
        taken = _label(folded, i, words.user_labels)
        if taken:
            close()
            label = i
            value, i = _value(tokens, i + taken, words)
            if (
                value
                and _USER.fullmatch(value)
                and read.user is None
                and not not_a_user(value, rules)  # "user record": an ordinary word
                and not _negated(tokens, label, words)
            ):
                read.user = value
            continue
        taken = _label(folded, i, words.title_labels)
        if taken:
            close()
            value, at = _value(tokens, i + taken, words)
            # "is our second constable": the words of a rank, up to a comma
            ahead = [value or ""]
            while at + len(ahead) - 1 < len(tokens) and len(ahead) < 4:
                if tokens[at + len(ahead) - 1] in ",;":
                    break
                ahead.append(tokens[at + len(ahead) - 1].rstrip("."))
            title, rest = split_rank([*ahead, _END], rules) if value else (None, [])
            read.titled = read.titled or (
                title and " ".join(w[:1].upper() + w[1:] for w in title.split())
            )
            i = at + len(ahead) - len(rest) if title else at
            continue
        taken = _label(folded, i, words.number_labels)
        if taken:
            close()
            value, after = _value(tokens, i + taken, words)
            # "number is 802 387 4700": a group of a phone number is no officer's
            grouped = after < len(tokens) and tokens[after].isdigit()
            if value and _number_shaped(value, labelled=True) and not grouped:
                read.numbers.append(value.upper())
                read.number_at.append(i)  # the label: where the number's value begins
                i = after
            else:
                i += taken
            continue
        bare = token.rstrip(".")
        if _number_shaped(bare, labelled=False):
            close()
            read.numbers.append(bare.upper())
            read.number_at.append(i)
            i += 1
            continue
        # a rank in capitals, or in lower case right after a name ("Rand Mike constable")
        if (token[:1].isupper() or len(run) > 1) and (
            low.rstrip(".") in words.modifiers or rules.language.people.ranks.get(low.rstrip("."))
        ):
            ahead = [t.strip(",;") for t in tokens[i : i + 4] if t not in ",;"]
            title, rest = split_rank([*ahead, _END], rules)
            if title:
                close()
                taken = len(ahead) + 1 - len(rest)
                read.ranks.append((title, i, i + taken))
                i += taken
                continue
        if (
            _NAME_WORD.fullmatch(token)
            and (token[-1].islower() or token.endswith(".") or len(token) == 1)
            and low.rstrip(".") not in words.not_names
            and not (len(bare) > 1 and bare.isupper())
        ):
            run.append(token)  # "TraCS" is no name: a name ends in small letters
            i += 1
            continue
        close()
        if _USER.fullmatch(bare):
            read.plain.append(bare)
        i += 1
    close()
    return read


_Named = tuple[str | None, str | None, tuple[int, int]]


def _name(read: _Read, agency: frozenset[str], record: bool = False) -> _Named | None:
    """(first, last, its tokens) the sentence names; None when it names nobody or two
    people. ``record``: one record of a run-on list, whose name is the run written
    right before its rank and number ("... officers Dale Wells Chief D1W44 dwells")."""
    runs = [k for k, r in enumerate(read.runs) if 2 <= len(r) <= 4]
    if record:
        runs = [k for k in runs if read.number_at and _next_to_number(read, read.spans[k][1])]
    if any(w.casefold().rstrip(".") in agency for k in runs for w in read.runs[k]):
        return None  # "the Bristol Police Department": an agency, no person
    if len(runs) > 1:
        return None
    if runs:
        first, last = split_name(" ".join(read.runs[runs[0]]))
        return (first, last, read.spans[runs[0]]) if last else None
    singles = [
        k
        for k, r in enumerate(read.runs[:-1])
        if len(r) == 1 and len(read.runs[k + 1]) == 1 and k in read.commas
    ]
    if len(singles) != 1:
        return None
    k = singles[0]
    span = (read.spans[k][0], read.spans[k + 1][1])
    return read.runs[k + 1][0].rstrip("."), read.runs[k][0].rstrip("."), span  # "Lamb, Eric"


def _next_to_number(read: _Read, end: int) -> bool:
    """True when the token at ``end`` is the record's number, or a rank right before it
    (only commas or dashes between)."""
    at = read.number_at[0]

    def joined(a: int, b: int) -> bool:
        return a <= b and all(t in ",;:-–—" for t in read.tokens[a:b])

    return joined(end, at) or any(joined(end, s) and joined(e, at) for _, s, e in read.ranks)


def _rank_of(read: _Read, span: tuple[int, int] | None) -> str | None:
    """The rank written next to the name (before it, or after it past a comma or a
    dash: "Jolene Hatch, Second Constable"); the writer's, any rank he writes."""
    for title, start, end in read.ranks:
        if span is None or end == span[0]:
            return title
        if start >= span[1] and all(t in ",-–—" for t in read.tokens[span[1] : start]):
            return title
    return read.titled


def _row(
    sentence: str,
    rules: Rules,
    writer: tuple[str | None, str | None] | None,
    record: bool = False,
) -> Officer | None:
    read = _read(sentence, rules)
    numbers = list(dict.fromkeys(read.numbers))
    if len(numbers) > 1:
        return None  # two numbers: two officers, or a number that is no officer's
    named = _name(read, _words(rules).agency, record)
    if named is None and writer is not None and writer[0]:
        if any(len(r) > 1 for r in read.runs):
            return None  # a name the sentence gives that is not one
        if not _words(rules).writer.search(sentence):
            return None
        first, last = split_name(writer[0])
        rank = _rank_of(read, None)
        title = rank or writer[1]
    elif named is not None:
        first, last, span = named
        rank = title = _rank_of(read, span)
    else:
        return None
    if last is None:
        return None
    # a login made from the name, written unlabelled, of either order of its words
    user = read.user or next(
        (w for w in read.plain if fits(w, first, last) or (first and fits(w, last, first))),
        None,
    )
    if user and first and not fits(user, first, last) and fits(user, last, first):
        first, last = last, first  # "rand mike ... username mrand": surname first
    if sum(1 for v in (rank, numbers, user) if v) < 2:
        return None
    for remark in read.remarks:  # "Jen Pratt ... (Jennifer)": the first name in full
        if first and _NAME_WORD.fullmatch(remark):
            first = (fuller_name(f"{first} {last}", f"{remark} {last}", rules) or first).split()[0]
    return Officer(
        last_name=last,
        first_name=first,
        title=title,
        officer_number=numbers[0] if numbers else None,
        dps_username=user,
    )


def loose_rows(
    body: str,
    rules: Rules,
    writer: tuple[str | None, str | None] | None = None,
    surname: str | None = None,
) -> list[tuple[tuple[int, int], Officer]]:
    """The rows the lines of ``body`` give, each with its line's and sentence's index; with
    ``writer`` (name, title), the writer's own row too ("I am 14K01 and my username is
    hbrigham"); with ``surname``, only rows that may be of that surname (or the writer's)."""
    words = _words(rules)
    found: list[tuple[tuple[int, int], Officer]] = []
    for index, line in enumerate(spoken_lines(body.splitlines())):
        if not words.anchor.search(line.casefold()):
            continue  # no anchor: no digit, no username label
        # a sentence holds the surname only where its line does
        in_line = surname is not None and holds(letters(line), surname)
        before = None  # the sentence before, when it named someone and gave no row
        for k, sentence in enumerate(split_line(line)):
            if surname is not None and not may_name(sentence, surname, in_line, words.writer):
                continue
            records = [] if writer is not None else run_on_records(sentence, _measure_by(rules))
            for record in records:
                officer = _row(record, rules, None, record=True)
                if officer is not None:
                    found.append(((index, k), officer))
            officer = None if records else _row(sentence, rules, writer)
            if officer is None and before and writer is None and goes_on(sentence, rules):
                # "Our newest hire is Officer Tanya Roux; her number is 9H415 and her DPS
                # login is troux": his values said in the next sentence, of "her"
                officer = _row(f"{before}, {sentence}", rules, None)
            before = sentence if officer is None and not records else None
            if officer is not None:
                found.append(((index, k), officer))
    return found


def _measure_by(rules: Rules) -> Callable[[str], tuple[int, bool]]:
    """How many officer numbers a piece of a sentence holds, and whether it names someone."""

    def measure(piece: str) -> tuple[int, bool]:
        read = _read(piece, rules)
        return len(set(read.numbers)), any(2 <= len(r) <= 4 for r in read.runs)

    return measure
