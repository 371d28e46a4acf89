"""Which message of a quoted thread is the sender's own, and whether the desk is in it.

A reply quotes the thread under it: the desk's checklist ("we need the judiciary code
and a username for Officer Brisson"), and under that, quoted once more, the sender's
own request. That request is the sender's, so what it gives is given; the desk's
message and anyone else's are history and give nothing.

Each quoted message opens with an attribution ("On ... <addr> wrote:", "Am ... schrieb
X:") or a header block ("From: X <addr>" / "Sent:" / "To:"). A message is the sender's
own when its opening names the sender's address or full name.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from mailbot.intake.parts import MessageParts
from mailbot.intake.quoting import opening_end, quote_start

_FROM = re.compile(r"^\s*(?:\*\s*)?(?:from|de|von|van)\s*(?:\*\s*)?:", re.I)
_MAILTO = re.compile(r"\[mailto:([^\]\s]{1,254})\]", re.I)
"""Outlook's "Name [mailto:addr]" on a quoted From line."""
_QUOTE_MARKS = re.compile(r"^[ \t]*(?:>[ \t]?)+", re.M)
DESK = "dps.eticket"
_DESK_NAME = re.compile(r"\bdps(?:[ \t._]*[-–—:][ \t]*|[ \t._]?)e[ -]?ticket\b", re.I)
"""The desk by its address or the name its mail goes out under ("DPS eTicket wrote:",
"From: DPS e-Ticket <dps.eTicket@...>", "DPS - eTicket wrote:")."""
_MAX_MESSAGES = 12
"""Quoted messages looked at in one thread."""
_NEAR = 3
"""Lines either side of the cut looked at for an attribution left above it."""


def is_desk(author: str) -> bool:
    """True when a quoted message's opening (its author) names the desk."""
    return DESK in author.lower() or _DESK_NAME.search(author) is not None


@dataclass(frozen=True)
class Quoted:
    """One message of the quoted thread: its opening lines and its text."""

    opening: str
    text: str
    under: str = ""
    """The lines of ``text`` quoted one level deeper than the message's own, with no
    opening of their own: the request its writer answered, quoted under the answer."""
    in_thread: bool = False
    """The desk's recap written as a sentence ("Your request for Elm PD is nearly complete
    (code 0123, ...)"): its values are the thread's enrolment, read as part of the reply."""

    @property
    def author(self) -> str:
        """The part of the opening that names who wrote it: a header block's "From:"
        line (not its "To:", which names the desk in every request), or the whole
        attribution."""
        for line in self.opening.split("\n"):
            if _FROM.match(line):
                return line
        return self.opening

    @property
    def writer(self) -> tuple[str, str] | None:
        """(display name, address) of a header block's "From:" line ("From: Chief Scott
        Hartley [mailto:shartley@...]"), or None."""
        from mailbot.intake.prose import header_addresses

        line = _MAILTO.sub(r"<\1>", self.author)
        found = header_addresses(line, frozenset({"from"})) if _FROM.match(line) else []
        return found[0] if len(found) == 1 else None


def thread(parts: MessageParts) -> list[Quoted]:
    """The quoted messages, outermost first, with every level of "> " marks removed.
    The first one's opening may be the last lines of the new text (an attribution the
    reply's own text ends with)."""
    return list(_thread(parts.quoted_text, parts.text))


@functools.lru_cache(maxsize=8)  # one message's thread is read by a dozen readers
def _thread(quoted_text: str, text: str) -> tuple[Quoted, ...]:
    raw = quoted_text.split("\n")
    lines = _QUOTE_MARKS.sub("", quoted_text).split("\n")
    starts: list[int] = []
    at = quote_start(lines)
    while at is not None and len(starts) < _MAX_MESSAGES:
        starts.append(at)
        at = quote_start(lines, opening_end(lines, at) + 1)
    out: list[Quoted] = []
    if not starts or any(line.strip() for line in lines[: starts[0]]):
        tail = text.rstrip().split("\n")[-_NEAR:]
        head = lines[: starts[0]] if starts else lines
        out.append(Quoted("\n".join(tail + head[:_NEAR]), "\n".join(head)))
    for n, start in enumerate(starts):
        end = opening_end(lines, start)
        stop = starts[n + 1] if n + 1 < len(starts) else len(lines)
        under = _deeper(raw[end + 1 : stop], lines[end + 1 : stop])
        opening = "\n".join(lines[start : end + 1])
        out.append(Quoted(opening, "\n".join(lines[end + 1 : stop]), under))
    return tuple(out)


def _deeper(raw: list[str], lines: list[str]) -> str:
    """The lines (``lines``, their marks off) that ``raw`` quotes deeper than the
    message's own first lines, or "" when every line is quoted alike."""
    depth = [_depth(r) for r, line in zip(raw, lines, strict=True) if line.strip()]
    if not depth or max(depth) == depth[0]:
        return ""  # most messages quote nothing of their own
    kept = [
        line for r, line in zip(raw, lines, strict=True) if line.strip() and _depth(r) > depth[0]
    ]
    return "\n".join(kept)


def _depth(line: str) -> int:
    marks = _QUOTE_MARKS.match(line)
    return marks.group(0).count(">") if marks else 0


def _names(author: str, parts: MessageParts) -> bool:
    low = author.lower()
    if is_desk(author):
        return False
    name = " ".join((parts.sender_name or "").replace(",", " ").lower().split())
    if parts.sender and parts.sender.lower() in low:
        return True
    words = _unranked(name.split())
    if len(words) >= 2:
        flat = " ".join(low.replace(",", " ").replace('"', " ").split())
        return any(n in flat for n in {name, " ".join(words), " ".join(reversed(words))})
    return False


def _unranked(words: list[str]) -> list[str]:
    """A display name's words without the rank words before it ("Capt. Ron Giroux"
    signs his quoted request "From: Ron Giroux")."""
    from mailbot.intake.prose import split_rank
    from mailbot.intake.rules import load_rules

    title, rest = split_rank(words, load_rules())
    return rest if title is not None and len(rest) >= 2 else words


def _domain(address: str | None) -> str:
    address = (address or "").strip().strip("<>").lower()
    return address.rpartition("@")[2] if "@" in address else ""


def own_message(parts: MessageParts) -> Quoted | None:
    """The sender's own earlier message in the quoted thread (the outermost one), or
    ``None``. The outermost quoted message is also the sender's own when the reply
    answers a message sent from the sender's own domain and the desk is not in it."""
    found = own_messages(parts)
    return found[0] if found else None


def own_messages(parts: MessageParts) -> list[Quoted]:
    """The sender's own earlier messages in the quoted thread, outermost first (a
    "working on it" note may stand above the request it answers for)."""
    messages = thread(parts)
    named = [m for m in messages if _names(m.author, parts)]
    if named:
        return named
    own = _domain(parts.sender)
    if (
        messages
        and own
        and _domain(parts.in_reply_to) == own
        and DESK not in parts.quoted_text[:4000].lower()
    ):
        return messages[:1]
    return []


def latest_desk(parts: MessageParts) -> Quoted | None:
    """The desk's latest quoted message (the first of the thread the desk wrote), or None."""
    return next((q for q in thread(parts) if is_desk(q.author)), None)


def desk_in_thread(parts: MessageParts) -> bool:
    """True when the desk wrote one of the quoted messages (the request was answered)."""
    return any(is_desk(m.author) for m in thread(parts))


def answered_desk(parts: MessageParts) -> str:
    """The text of the message the reply answers when the desk wrote it (the outermost
    quoted one), else "": what it asks for, a bare value of the reply may answer. A
    separator or a phone's sign-off read as an opening of its own, with no text under it
    ("Sent from my Galaxy", "-------- Original message --------"), is no message."""
    messages = [m for m in thread(parts) if m.text.strip()]
    return messages[0].text if messages and is_desk(messages[0].author) else ""
