"""One plain ``local@domain`` address: the check every address from a message passes
before it is trusted as a sender or used as a recipient. Pure: no mail is sent here."""

from __future__ import annotations

import re
from email.headerregistry import Address

from mailbot.errors import InvalidRecipient

_LOCAL = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$")
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
DOMAIN = re.compile(rf"^{_LABEL}(?:\.{_LABEL})*$")


def normalise_address(value: str) -> str:
    """One plain ``local@domain`` (ASCII, no display name, no comments), stripped.

    Raises :class:`InvalidRecipient` for anything else, e.g. ``a@b, c@d`` or
    ``"x <a@junk.com>"@agency.gov``.
    """
    candidate = value.strip() if isinstance(value, str) else ""
    local, at, domain = candidate.rpartition("@")
    if (
        not at
        or len(candidate) > 254
        or len(local) > 64
        or not _LOCAL.match(local)
        or not DOMAIN.match(domain)
    ):
        raise InvalidRecipient(f"not a single plain email address: {value!r:.80}")
    try:
        parsed = Address(addr_spec=candidate)
    except Exception as e:  # the email package raises ValueError or header defects
        raise InvalidRecipient(f"not a single plain email address: {value!r:.80}") from e
    if parsed.addr_spec != candidate:
        raise InvalidRecipient(f"not a single plain email address: {value!r:.80}")
    return candidate
