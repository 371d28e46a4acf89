"""A number the writer takes back in the same breath ("add Officer Ann Roy, VT448 --
sorry, that should be VT484, I transposed it"): the number he meant stands in place of
the one he typed first, so that no reader takes the first for an officer's."""

from __future__ import annotations

import dataclasses
import re

from mailbot.intake.parts import MessageParts
from mailbot.intake.rules import Rules, per_rules
from mailbot.intake.word_lists import has_any

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
