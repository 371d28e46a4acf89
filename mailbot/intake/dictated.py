"""A message dictated to a phone or typed the way it is said, read in its written forms.

- a number said digit by digit ("judiciary code is 1 4 0 6", "number R 0 6 1 1",
  "vt 0 5 4 6 1", "code is zero three eight one") is one number: "1406", "R0611", "05461",
  "0381";
- an address said aloud ("dpelkey at royaltonvt dot gov", "k dot marsh at bristolvt dot
  org") is the address: "dpelkey@royaltonvt.gov", "k.marsh@bristolvt.org";
- the marks a phone wrote out as words ("Hello comma this is ... period") are marks,
  when the text holds enough of them to be dictated.

Only these forms change; every other word stays as written.
"""

from __future__ import annotations

import dataclasses
import re

from mailbot.intake.parts import MessageParts
from mailbot.intake.rules import Rules, per_rules
from mailbot.intake.word_lists import word_start

# three digits or more said one by one, after at most two capital letters ("R 0 6 1 1",
# "O C 1 0 4")
_SPOKEN_DIGITS = re.compile(r"(?<![\w@.-])((?:[A-Z] ){0,2})(\d(?: \d){2,})(?![\w@-]|\.\d)")


@per_rules
def _spoken_address(rules: Rules) -> re.Pattern[str] | None:
    email = rules.formats.email
    if not (email.spoken_at and email.spoken_dot and email.spoken_endings):
        return None

    def alt(words: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    # a few dots each side: an address said aloud is short, and the scan stays linear
    dot = rf"[ \t]+(?:{alt(email.spoken_dot)})[ \t]+"
    piece = r"[A-Za-z0-9][\w-]*"
    return re.compile(
        rf"(?<![\w@.-])({piece}(?:{dot}{piece}){{0,4}})[ \t]+(?:{alt(email.spoken_at)})[ \t]+"
        rf"((?:{piece}{dot}){{1,4}}(?:{alt(email.spoken_endings)}))(?![\w@])",
        re.I,
    )


@per_rules
def _dot_word(rules: Rules) -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in rules.formats.email.spoken_dot) or r"(?!)"
    return re.compile(rf"[ \t]+(?:{words})[ \t]+", re.I)


@per_rules
def _spoken_mark(rules: Rules) -> re.Pattern[str] | None:
    marks = rules.language.dictation.marks
    if not marks:
        return None
    alt = "|".join(re.escape(w) for w in sorted(marks, key=len, reverse=True))
    return re.compile(rf"(?<![ \t])[ \t]*\b({alt})\b(?![ \t]*[:=])", re.I)


@per_rules
def _digit_words(rules: Rules) -> re.Pattern[str] | None:
    words = rules.language.dictation.digits
    if not words:
        return None
    ordered = sorted(words, key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in ordered)
    # the same as "\b(?:{alt})" where every word starts with a letter (word_start)
    lead = word_start(ordered, blank=r"\ ") or rf"\b(?:{alt})"
    return re.compile(rf"{lead}(?:[ \t]+(?:{alt})){{2,}}\b", re.I)


def _lowered(words: list[str]) -> set[str]:
    return {w.lower() for w in words}


def _digits(m: re.Match[str]) -> str:
    return m.group(1).replace(" ", "") + m.group(2).replace(" ", "")


def written(text: str, rules: Rules) -> str:
    """``text`` with the spoken forms above in their written forms."""
    low = text.lower()  # each form is looked for only where its words occur
    said = _digit_words(rules)
    if said is not None and any(
        w.lower() in low for w in rules.language.dictation.digits
    ):  # "zero three eight one": "0 3 8 1", joined below
        digits = {k.lower(): v for k, v in rules.language.dictation.digits.items()}
        text = said.sub(lambda m: " ".join(digits[w.lower()] for w in m.group(0).split()), text)
    text = _SPOKEN_DIGITS.sub(_digits, text)
    address = _spoken_address(rules)
    email = rules.formats.email
    tokens = set(low.split())
    if (
        address is not None
        and tokens & _lowered(email.spoken_at)
        and tokens & _lowered(email.spoken_dot)
    ):
        dot = _dot_word(rules)

        def joined(m: re.Match[str]) -> str:
            return f"{dot.sub('.', m.group(1))}@{dot.sub('.', m.group(2))}"

        text = address.sub(joined, text)
    mark = _spoken_mark(rules)
    marks_said = any(w.lower() in low for w in rules.language.dictation.marks)
    if (
        mark is not None
        and marks_said
        and len(mark.findall(text)) >= rules.language.dictation.min_marks
    ):
        marks = {k.lower(): v for k, v in rules.language.dictation.marks.items()}
        text = mark.sub(lambda m: marks[m.group(1).lower()], text)
    return text


def with_written_forms(parts: MessageParts, rules: Rules) -> MessageParts:
    """``parts`` with its new text (and a forwarding note) in written forms."""
    read: dict[str, str] = {}  # the full text is often the new text itself

    def once(said: str) -> str:
        if said not in read:
            read[said] = written(said, rules)
        return read[said]

    text, note, full = once(parts.text), once(parts.forward_note), once(parts.full_text)
    if (text, note, full) == (parts.text, parts.forward_note, parts.full_text):
        return parts
    return dataclasses.replace(parts, text=text, forward_note=note, full_text=full)
