"""An officer list the sender says he sent as a picture or a scan ("Roster is in the
picture, I took it of the whiteboard list", "Scanned officer list and our logo are
attached"), in a file no text could be read from (a photo, a PDF of page images).

The officers were given: the desk cannot read them, a person can. The item becomes a
question for staff, with the files to look at, and the sender is never asked again for
the roster he sent. The words are ``rules/language.toml``'s ``[intent] picture_words``
and ``roster_words`` (:func:`mailbot.intake.logo.roster_pictured`).
"""

from __future__ import annotations

from mailbot.intake.logo import roster_pictured
from mailbot.intake.model import StaffQuestion
from mailbot.intake.parts import MessageParts
from mailbot.intake.rules import Rules

MAX_FILES = 5
QUESTION = (
    "The sender says the officer list is in an attached picture or scan, which could not "
    "be read as text: please read the officers from the file."
)


def _no_text(text: str) -> bool:
    """True when a document's text holds no word (a scan: page images only)."""
    return sum(c.isalpha() for c in text) < 20


def unread_roster(parts: MessageParts, logo: str | None, rules: Rules) -> StaffQuestion | None:
    """A question for staff on the officers when ``parts`` says its roster is a picture or
    scan and holds such a file no text was read from (an attached image that is not the
    ``logo``, a PDF without text); None otherwise."""
    if not roster_pictured(parts.text, rules):
        return None
    files = [
        a.filename
        for a in parts.attachments
        if a.content_type.startswith("image/") and not a.inline and a.filename != logo
    ]
    files += [d.filename for d in parts.documents if _no_text(d.text)]
    if not files:
        return None
    return {
        "field": "officers",
        "question": QUESTION,
        "candidates": [{"value": f, "where": "attachment"} for f in files[:MAX_FILES]],
    }
