"""A request carried by the subject line.

A message written only in its subject line ("Please deactivate Dep. Ron Roe AB123 -
retired"), its body empty: the subject is read as its text. A subject that asks a roster
change the body only points to ("Deactivate Tom Roe #03318" over "see subject - he
retired friday") is the first line of the request. A subject that gives the number of the
officer the body asks to add ("Add Ofc Kirby HB219" over "Pls add Ofc Dana Kirby") gives
it to that change. A new message that asks nothing in its body ("Approved. Logo and
officer list attached.") under a subject that asks to enrol and gives the agency's values
("TraCS enrollment - Wolcott Police Department - Judiciary Code 0473 - ...") is that
enrolment, the subject its first line.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from mailbot.intake.model import Change, Intent
from mailbot.intake.parts import MessageParts
from mailbot.intake.rules import Rules

_PREFIX = re.compile(r"^(?:[ \t]*(?:re|fw|fwd|aw|tr)[ \t]*:[ \t]*)+", re.I)


def with_subject_as_text(parts: MessageParts) -> MessageParts:
    """``parts`` with the subject as its text when nothing else was written or sent:
    no body, no quoted text, no table, attachment or document."""
    if parts.text.strip() or parts.quoted_text.strip() or not parts.subject.strip():
        return parts
    if parts.tables or parts.attachments or parts.documents or parts.in_reply_to:
        return parts
    said = said_in_subject(parts.subject)
    return dataclasses.replace(parts, text=said) if said else parts


def said_in_subject(subject: str) -> str:
    """The subject without its "RE:" / "FW:" prefixes, on one line."""
    return " ".join(_PREFIX.sub("", subject).split())


def _subject_changes(subject: str, rules: Rules) -> list[Change]:
    from mailbot.intake.changes import read_changes

    said = said_in_subject(subject)
    return read_changes(said, rules, [], None) if said else []


def request_in_subject(
    kind: Intent,
    body: str,
    parts: MessageParts,
    is_reply: bool,
    rules: Rules,
    kind_of: Callable[[str, int], Intent],
    officers: int = 0,
) -> tuple[Intent, str]:
    """``kind`` and ``body``, or, for a new message that reads as asking nothing while
    its subject names an officer with a change ("Deactivate - Ofc. Ryan Roe (07M33) -
    resigned"), the roster change it asks and the body under its subject as first line;
    for one that sends something (``officers`` read, an attachment) under a subject that
    makes it an enrolment, that enrolment. ``kind_of`` reads the intent of a text naming
    that many officers."""
    if kind != "other" or is_reply or not parts.subject.strip():
        return kind, body
    titled = f"{said_in_subject(parts.subject)}\n\n{body}"
    asked = _subject_changes(parts.subject, rules)
    if asked and kind_of(titled, len(asked)) == "officer_maintenance":
        return "officer_maintenance", titled
    sends = officers or parts.attachments or parts.documents or parts.tables
    if not asked and sends and kind_of(titled, officers) == "enrollment":
        return "enrollment", titled
    return kind, body
