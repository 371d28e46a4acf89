"""A reply whose answers are written into the desk's quoted checklist ("Answers below in
CAPS. Logo attached."): what the sender typed under each question is his, and is read
as if he had written the checklist out with its answers.

The desk's latest quoted message is taken in under the note that points to it, its
sign-off dropped. When the sender says his answers are in capitals, the lines written
in capitals are his: their words are read in ordinary case ("WETHERBY, AMY" is
Wetherby, Amy; "S7710" stays as written), and the other lines are the desk's questions,
each put in front of the one-line answer under it as its label ("Your judiciary code:
0452"). Without that word, a question (a line ending in "?", or a bullet) followed by
one line is joined the same way.

A client that quotes with ">" leaves the sender's answers unquoted between the desk's
quoted lines: those lines are his, each under the question quoted last above it (with
no note that says so, when two answers at the least have the desk's lines go on under
them). An answer that names the writer ("That will be me, see signature.") is "me". A
one-line answer is joined to its question; a longer one, or one written as sentences
("Working on it. I will send it next week."), stands as it was written. The desk's
quoted lines stay under them, for the values it recaps (:mod:`desk_recap`).
"""

from __future__ import annotations

import dataclasses
import re

from mailbot.intake import numbered_answers, prose
from mailbot.intake.own_thread import DESK, Quoted, is_desk, thread
from mailbot.intake.parts import MessageParts
from mailbot.intake.quoting import opening_end, quote_start
from mailbot.intake.reply_reading import is_reply
from mailbot.intake.rules import Rules

_BULLET = re.compile(r"^\s*(?:[-*•·]|\d{1,2}[.)])\s+")
_EMAIL = re.compile(r"\S+@\S+")
_CAPS_WORD = re.compile(r"\b[A-Z][A-Z'’]*[A-Z]\b")
_MAX_LINES = 200
"""Lines of the desk's message taken in."""
_QUOTED = re.compile(r"^[ \t]*>")
_QUOTE_MARKS = re.compile(r"^[ \t]*(?:>[ \t]?)+")


def with_inline_answers(parts: MessageParts, rules: Rules) -> MessageParts:
    """``parts`` with the answered checklist taken into its new text, or as it is."""
    if not is_reply(parts):
        return parts
    words = rules.language.intent
    paragraphs = parts.text.split("\n\n")
    at = _note_at(paragraphs, words.answers_inline)
    # "Answers below, same numbering:" over "1. 0419" / "2. ...": answered by number
    numbered = numbered_answers.by_number(parts)
    if numbered is not None:
        return numbered
    # "0412" / "10632 Route 116, ..." / ... under the desk's "1) Judiciary code" / "2) ..."
    ordered = numbered_answers.in_order(parts)
    if ordered is not None:
        return ordered
    in_caps = at is not None and any(
        w in " ".join(paragraphs[at].lower().split()) for w in words.answers_in_caps
    )
    # answers told apart by capitals are read from the desk's message; others typed
    # between its ">" lines are told apart by the marks: with no note that says so, when
    # the desk's quoted lines go on under two of them at the least
    least = 1 if at is not None else _MIN_PAIRS
    between = None if in_caps else _between_quotes(parts.full_text or parts.text, rules, least)
    if at is None and between is None:
        return _questions_answered(parts, rules)
    if between is not None:
        top, answered, quoted = between
        paragraphs = top.split("\n\n")
        at = _note_at(paragraphs, words.answers_inline)
        at = len(paragraphs) - 1 if at is None else at
        text = "\n\n".join([*paragraphs[: at + 1], answered, *paragraphs[at + 1 :]])
        return dataclasses.replace(parts, text=text, full_text=f"{text}\n\n{quoted}")
    desk = next((m for m in thread(parts) if DESK in m.author.lower()), None)
    if desk is None or at is None:
        return parts
    body = prose.split_signature(desk.text, rules).body
    answered = _answered(body.split("\n")[:_MAX_LINES], in_caps)
    text = "\n\n".join([*paragraphs[: at + 1], answered, *paragraphs[at + 1 :]])
    return dataclasses.replace(parts, text=text, full_text=text)


_MIN_PAIRS = 2
"""Quoted questions, each answered under it, that make a reply answered point by point."""
_YOU_ASKED = re.compile(
    r"^(?:is|are|will|would|should)\s+(?:the|your|our)\s+(?P<role>.{1,40}?)\s+"
    r"(?:still\s+|going\s+to\s+be\s+|be\s+|stay\s+)?(?:you|yourself)\s*\??$",
    re.I,
)
"""A question whether the writer is (still) something ("Is the PoC still you?")."""


def _questions_answered(parts: MessageParts, rules: Rules) -> MessageParts:
    """A reply that quotes the desk's questions one by one, each answered on the line
    under it ("> Officer Roy's DPS username?" / "aroy"), with no note that says so: each
    answer read with its question as its label, as if he had written "DPS username: aroy"."""
    lines = (parts.full_text or parts.text).split("\n")
    pairs: list[tuple[str, str]] = []
    for i, line in enumerate(lines[:-1]):
        question = _QUOTE_MARKS.sub("", line).strip()
        answer = lines[i + 1].strip()
        after = lines[i + 2] if i + 2 < len(lines) else ""
        if (
            _QUOTED.match(line)
            and question.endswith("?")
            and answer
            and not _QUOTED.match(lines[i + 1])
            and (not after.strip() or _QUOTED.match(after))
        ):
            pairs.append((question, answer))
    if len(pairs) < _MIN_PAIRS:
        return parts
    out = parts.text.split("\n")
    at = 0
    for question, answer in pairs:
        where = next((n for n in range(at, len(out)) if out[n].strip() == answer), None)
        if where is None:
            continue
        out[where] = _yes_to_you(question, answer, rules) or _joined(question, [answer])
        at = where + 1
    text = "\n".join(out)
    return dataclasses.replace(parts, text=text, full_text=text)


def _yes_to_you(question: str, answer: str, rules: Rules) -> str | None:
    """ "Is the PoC still you?" answered "Yes, me (x@...)": "PoC: me (x@...)"; None for
    any other question or answer."""
    asked = _YOU_ASKED.match(question)
    low = answer.casefold()
    yes = next((w for w in rules.language.intent.yes_words if low.startswith(w.casefold())), None)
    if asked is None or yes is None or low[len(yes) : len(yes) + 1].isalpha():
        return None
    rest = answer[len(yes) :].lstrip(" ,.!;:-–")
    rest = rest if _SELF.match(rest) else f"me {rest}".rstrip()
    return f"{asked.group('role')}: {rest}"


def _note_at(paragraphs: list[str], wordings: list[str]) -> int | None:
    """The paragraph that says the answers are written into the checklist."""
    for n, paragraph in enumerate(paragraphs):
        if any(w in " ".join(paragraph.lower().split()) for w in wordings):
            return n
    return None


def _is_caps(line: str) -> bool:
    """A line in capitals (an address in it aside), or of digits only ("0452")."""
    line = _EMAIL.sub("", line)
    letters = [c for c in line if c.isalpha()]
    if not letters:
        return any(c.isdigit() for c in line)
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _recased(line: str) -> str:
    return _CAPS_WORD.sub(lambda m: m.group(0).capitalize(), line)


def _answered(lines: list[str], in_caps: bool) -> str:
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i].rstrip()
        answers = []
        j = i + 1
        while j < len(lines) and lines[j].strip() and _is_answer(lines[j], in_caps):
            answers.append(lines[j].strip())
            j += 1
        question = _is_question(line) and not (in_caps and _is_caps(line))
        # the answer ends at a blank line, or at the next question when it is a value and
        # not the desk's own sentences under its bullet ("The LEA PoC is responsible ...")
        ends = j >= len(lines) or not lines[j].strip()
        ends = ends or (_is_question(lines[j]) and not _as_sentences(answers[:1]))
        if question and len(answers) == 1 and ends:
            label = numbered_answers.ASKING.sub("", _BULLET.sub("", line).rstrip(" ?:"))
            out.append(f"{label}: {_recased(answers[0]) if in_caps else answers[0]}")
            i = j
            continue
        out.append(_recased(line) if in_caps and _is_caps(line) else line)
        i += 1
    return "\n".join(out)


def _as_sentences(answers: list[str]) -> bool:
    """Lines written as sentences, not a value: more than one, or one ended as a sentence
    ("Sgt. William Hoyt - whoyt@..." is a value; its "Sgt." ends no sentence)."""
    line = answers[0].rstrip() if answers else ""
    return len(prose.sentences(line)) > 1 or (line.endswith((".", "!")) and len(line.split()) >= 3)


def _is_question(line: str) -> bool:
    return bool(line.strip()) and (line.rstrip().endswith("?") or bool(_BULLET.match(line)))


def _is_answer(line: str, in_caps: bool) -> bool:
    if in_caps:
        return _is_caps(line)
    return not _is_question(line)


def _between_quotes(full: str, rules: Rules, least: int = 1) -> tuple[str, str, str] | None:
    """(the sender's text above the desk's quoted message, his answers typed between its
    ">" lines, each joined to its question), or None when fewer than ``least`` answers
    are typed there with the desk's quoted lines going on under them."""
    lines = full.split("\n")
    bare = [_QUOTE_MARKS.sub("", line) for line in lines]
    start = quote_start(bare)
    end = 0
    while start is not None:
        end = opening_end(bare, start)
        if is_desk(Quoted("\n".join(bare[start : end + 1]), "").author):
            break
        start = quote_start(bare, end + 1)
    if start is None:
        return None
    stop = quote_start(bare, end + 1) or len(lines)
    block = lines[end + 1 : min(stop, end + 1 + _MAX_LINES)]
    first = next((line for line in block if line.strip()), "")
    if not _QUOTED.match(first):
        return None  # the desk's message quoted without ">" marks (read as a whole)
    out: list[str] = []
    question: str | None = None
    run: list[str] = []
    ended = 0  # answers the desk's quoted lines go on under
    closed = False
    for line in [*block, ""]:
        if line.strip() and not _QUOTED.match(line):
            run.append(line.strip())
            continue
        if run:
            out.append(_joined(question, run, rules))
            question, run, closed = None, [], True
        if closed and _QUOTED.match(line):
            ended, closed = ended + 1, False
        if _QUOTED.match(line) and _QUOTE_MARKS.sub("", line).strip():
            question = _QUOTE_MARKS.sub("", line).strip()
    if not out or ended < least:
        return None
    # his sign-off under the whole quote, when an older message quoted deeper ends it
    last = max(n for n, line in enumerate(lines) if _QUOTED.match(line))
    tail = "\n".join(lines[last + 1 :]).strip("\n") if stop < len(lines) else ""
    out += [tail] if tail.strip() else []
    top = "\n".join(line for line in lines[:start] if not _QUOTED.match(line))
    # the desk's own quoted lines, its answered questions and recap among them
    quoted = "\n".join(line for line in lines[start:] if _QUOTED.match(line) or not line.strip())
    return top.rstrip(), "\n\n".join(out), quoted


def _joined(question: str | None, answers: list[str], rules: Rules | None = None) -> str:
    """One run of answer lines under the desk's line above it: "<question>: <answer>"
    for a one-line answer to a question, or "<label>: <answer>" under a line that opens
    with a field's label ("Judiciary code (4 digits):", "Point of contact email - you
    gave none."), else the lines as written."""
    # "Working on it. I'll send it Monday.": sentences, not a value ("Ofc. Amy Reed,
    # areed@...": a rank's stop ends no sentence)
    value = len(answers) == 1 and not _as_sentences(answers)
    if question and _is_question(question) and value:
        # without the question's note in brackets ("Your agency's e-ticket Point of
        # Contact (name and email address)")
        return f"{numbered_answers.item_label(_BULLET.sub('', question))}: {answers[0]}"
    opening = _label_opening(question, rules) if question and rules and value else None
    if opening:
        return f"{opening}: {answers[0]}"
    said = _self_said(answers[0], rules) if len(answers) == 1 else None
    if question and _is_question(question) and said is not None:
        # "Me for now. Use this email.", "That will be me, see signature." under
        # "Point-of-Contact (name and email)": the writer names himself; the question,
        # without its note in brackets, is its label
        return f"{numbered_answers.item_label(_BULLET.sub('', question))}: {said}"
    return "\n".join(answers)


_SELF = re.compile(r"(?i:me|myself)\b(?![\w'’-])")


def _self_said(answer: str, rules: Rules | None) -> str | None:
    """The answer from "me" on when it names the writer himself ("Me for now", "That
    will be me, see signature." -> "me, see signature."); None for any other answer."""
    if _SELF.match(answer):
        return answer
    low = answer.casefold()
    for lead in rules.language.intent.self_answer_leads if rules else []:
        rest = answer[len(lead) :].lstrip()
        if low.startswith(lead.casefold() + " ") and _SELF.match(rest):
            return rest
    return None


_AFTER_LABEL = re.compile(r"[ \t]*(?:\([^()\n]{0,40}\)[ \t]*)?(?:[:：]|[-–—][ \t]|$)")
"""What follows a label that heads a line: a note in brackets, then a colon, a dash or
the line's end ("Judiciary code (4 digits):", "Point of contact email - you gave none")."""


def _label_opening(line: str, rules: Rules) -> str | None:
    """The field's label that opens the desk's ``line``, followed by no more of the
    sentence than a note after a colon or a dash; None for any other line."""
    from mailbot.intake.fields import _any_label

    m = _any_label(rules).match(line)
    if m is None or _AFTER_LABEL.match(line, m.end()) is None:
        return None
    return _BULLET.sub("", line[: m.end()]).strip() or None
