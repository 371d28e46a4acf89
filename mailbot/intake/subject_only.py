"""A message written only in its subject line ("Please deactivate Dep. Ron Roe AB123 -
retired"), its body empty: the subject is read as its text."""

from __future__ import annotations

import dataclasses
import re

from mailbot.intake.parts import MessageParts

_PREFIX = re.compile(r"^(?:[ \t]*(?:re|fw|fwd|aw|tr)[ \t]*:[ \t]*)+", re.I)


def with_subject_as_text(parts: MessageParts) -> MessageParts:
    """``parts`` with the subject as its text when nothing else was written or sent:
    no body, no quoted text, no table, attachment or document."""
    if parts.text.strip() or parts.quoted_text.strip() or not parts.subject.strip():
        return parts
    if parts.tables or parts.attachments or parts.documents or parts.in_reply_to:
        return parts
    said = " ".join(_PREFIX.sub("", parts.subject).split())
    return dataclasses.replace(parts, text=said) if said else parts
