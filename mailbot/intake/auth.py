"""Sender verification from our own server's Authentication-Results (RFC 8601).

Only the topmost Authentication-Results header carrying the configured authserv-id
counts: anything below it, or under another id, may have been written by the sender.
"""

from __future__ import annotations

import re

from mailbot.intake.parts import MessageParts

_DMARC = re.compile(r"\bdmarc\s*=\s*([a-z]+)", re.IGNORECASE)


def sender_verified(parts: MessageParts, authserv_id: str) -> bool:
    """True when our mail server vouches for the From domain (``dmarc=pass``)."""
    if not authserv_id:
        return False
    for value in parts.headers.get("authentication-results", []):
        served_by = value.split(";", 1)[0].strip().split()[0:1]
        if served_by and served_by[0].lower() == authserv_id.lower():
            match = _DMARC.search(value)
            return match is not None and match.group(1).lower() == "pass"
    return False
