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
"""

from __future__ import annotations

import dataclasses
import re

from mailbot.intake import prose
from mailbot.intake.own_thread import DESK, thread
from mailbot.intake.parts import MessageParts
from mailbot.intake.reply_reading import is_reply
from mailbot.intake.rules import Rules

_BULLET = re.compile(r"^\s*(?:[-*•·]|\d{1,2}[.)])\s+")
# "Who will be your e-ticket point of contact?": the question's subject is the label
_ASKING = re.compile(r"^(?:who|what|which|where|how)\b.{0,40}?\b(?:your|the)\s+(?=\S)", re.I)
_EMAIL = re.compile(r"\S+@\S+")
_CAPS_WORD = re.compile(r"\b[A-Z][A-Z'’]*[A-Z]\b")
_MAX_LINES = 200
"""Lines of the desk's message taken in."""


def with_inline_answers(parts: MessageParts, rules: Rules) -> MessageParts:
    """``parts`` with the answered checklist taken into its new text, or as it is."""
    if not is_reply(parts):
        return parts
    words = rules.language.intent
    paragraphs = parts.text.split("\n\n")
    at = next(
        (
            n
            for n, p in enumerate(paragraphs)
            if any(w in " ".join(p.lower().split()) for w in words.answers_inline)
        ),
        None,
    )
    if at is None:
        return parts
    desk = next((m for m in thread(parts) if DESK in m.author.lower()), None)
    if desk is None:
        return parts
    note = " ".join(paragraphs[at].lower().split())
    in_caps = any(w in note for w in words.answers_in_caps)
    body = prose.split_signature(desk.text, rules).body
    answered = _answered(body.split("\n")[:_MAX_LINES], in_caps)
    text = "\n\n".join([*paragraphs[: at + 1], answered, *paragraphs[at + 1 :]])
    return dataclasses.replace(parts, text=text, full_text=text)


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
        if question and len(answers) == 1 and (j >= len(lines) or not lines[j].strip()):
            label = _ASKING.sub("", _BULLET.sub("", line).rstrip(" ?:"))
            out.append(f"{label}: {_recased(answers[0]) if in_caps else answers[0]}")
            i = j
            continue
        out.append(_recased(line) if in_caps and _is_caps(line) else line)
        i += 1
    return "\n".join(out)


def _is_question(line: str) -> bool:
    return bool(line.strip()) and (line.rstrip().endswith("?") or bool(_BULLET.match(line)))


def _is_answer(line: str, in_caps: bool) -> bool:
    if in_caps:
        return _is_caps(line)
    return not _is_question(line)
