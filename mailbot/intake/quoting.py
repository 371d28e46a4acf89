"""Separate the new text of a message from what it quotes, and unwrap forwards.

A reply carries the old message under it ("On ... wrote:", "-----Original
Message-----", Outlook's "From: / Sent: / To: / Subject:" block, ``>`` lines): that
is cut off and kept apart. A forward is the opposite: when the sender only adds a
short note above "---------- Forwarded message ---------" (or Outlook's header
block under a "FW:" subject), the forwarded message IS the request.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from mailbot.intake.quoted_headers import (
    FROM_LINE,
    HEADER_LINE,
    UNDERSCORES,
    Heads,
    header_block,
    header_follows,
    next_is_header,
)

_ORIGINAL = re.compile(r"^\s*-{2,}\s*original message\s*-{2,}\s*$", re.I)
_FORWARD_MARK = re.compile(
    r"^\s*(?:-{2,}\s*(?:forwarded message|forwarded e-?mail|message transféré"
    r"|mensaje reenviado|weitergeleitete nachricht)\s*-{2,}|begin forwarded message:?)\s*$",
    re.I,
)
_WROTE_WORDS = r"(?:\bwrote|\ba écrit|\bschrieb|\bescribió|\bescreveu|\bschreef|\bha scritto)"
_WROTE = re.compile(rf"{_WROTE_WORDS}\s*:\s*$", re.I)
# "On Mon, 2 Nov 2026 at 09:00, DPS e-Ticket wrote" without the colon: only after an
# "On <date>" opening (a sentence that merely ends in "wrote" is not an attribution).
_WROTE_BARE = re.compile(rf"{_WROTE_WORDS}\s*$", re.I)
# "Am 14.01.26 um 10:02 schrieb Dana Keller:": German names the writer after the verb
# (only after an "Am <date>" opening)
_WROTE_NAME_AFTER = re.compile(r"\bschrieb\s[^\n:]{1,120}:\s*$", re.I)
_DATE_OR_ADDRESS = re.compile(r"\d:\d\d|\b(?:19|20)\d\d\b|@")
# The footer a phone adds under the new text; anything after it is an older message
# pasted without a header ("Sent from my iPhone", "Envoyé de mon iPhone", ...).
_MOBILE_FOOTER = re.compile(
    r"^\s*(?:sent from (?:my |the )?(?:iphone|ipad|android|samsung|galaxy|mobile|phone"
    r"|blackberry|smartphone|outlook for (?:ios|android)|yahoo mail|mail for windows)"
    r"|get outlook for (?:ios|android)|envoyé de mon (?:iphone|ipad|téléphone|mobile)"
    r"|von meinem (?:iphone|ipad|smartphone|handy) gesendet|enviado desde mi (?:iphone|ipad|móvil)"
    r"|verstuurd vanaf mijn (?:iphone|ipad))\b[^\n]{0,80}$",
    re.I,
)
_ON = re.compile(r"^\s*(?:on|le|am|el|em|op)\s\S", re.I)
# GroupWise's attribution: '>>> "DPS e-Ticket" <dps.eTicket@...> 2/18/2025 10:02 AM >>>',
# the quoted message under it without ">" marks
_GROUPWISE = re.compile(r"^[ \t]*>>>[ \t][^\n]{1,200}?@[^\n]{1,200}?[ \t]>>>[ \t]*$")
_FORWARD_SUBJECT = re.compile(r"^\s*(?:(?:re|aw|sv)\s*:\s*)*(?:fwd?|fw|tr|wg|rv|enc)\s*:", re.I)
SHORT_NOTE = 600
"""A note above a forward longer than this (in characters) is itself the request."""


@dataclass(frozen=True)
class Split:
    """``text`` is what the sender wrote now; ``quoted`` is what was cut off."""

    text: str
    quoted: str
    forwarded: bool = False
    note: str = ""
    """For a forward, the note written above it (the start of ``text``)."""
    notes: tuple[str, ...] = ()
    """For a forward of a forward, every note down the chain, outermost first (``note``
    first); each starts what ``text`` holds after the one before."""


def is_forward_subject(subject: str) -> bool:
    """True for "FW:", "Fwd:", "TR:", "WG:" subjects (also after "RE:")."""
    return bool(_FORWARD_SUBJECT.match(subject))


def quote_start(lines: list[str], start: int = 0) -> int | None:
    """Index of the first line that opens a quoted message (attribution, separator or
    header block), or ``None``. ``>`` lines are handled by :func:`split_reply`."""
    heads = Heads(lines)
    budget = [SECOND_OPINION_LINES]
    for i in range(start, len(lines)):
        line = lines[i]
        if not line.strip():
            continue
        if _ORIGINAL.match(line) or _FORWARD_MARK.match(line) or _GROUPWISE.match(line):
            return i
        if UNDERSCORES.match(line) and next_is_header(lines, i + 1, heads):
            return i
        if FROM_LINE.match(line) and header_block(lines, i, heads):
            return i
        if _MOBILE_FOOTER.match(line) and _more_text(lines, i + 1):
            return i  # an older message pasted under the phone's footer
        if _ON.match(line) or _wrote(line):
            end = _attribution_end(lines, i)
            if end is not None and not _next_is_quote(lines, end + 1):
                return i  # the quoted message follows without ">" marks
        elif _other_attribution(line, budget) and not _next_is_quote(lines, i + 1):
            return i
    return None


SECOND_OPINION_LINES = 10
"""Lines per message checked by mail-parser-reply (its patterns are not linear-time,
so only short candidate lines are given to it, and only this many)."""
_CANDIDATE = re.compile(r"(?:\d:\d\d|\b(?:19|20)\d\d\b|@)[^\n]{0,160}:\s*$")


def _colon_end(line: str) -> bool:
    """True when ``line`` ends with a colon (and blanks): :data:`_WROTE` and
    :data:`_CANDIDATE` can match only then, so most lines skip their scan."""
    return line.rstrip().endswith(":")


def _wrote(line: str) -> bool:
    """``_WROTE.search(line)``, tried only on a line that ends with a colon."""
    return _colon_end(line) and _WROTE.search(line) is not None


def _other_attribution(line: str, budget: list[int]) -> bool:
    """A reply attribution in a language or client we do not list ("Il giorno ... ha
    scritto:", "Den ... skrev ...:"), by mail-parser-reply's patterns: a second opinion."""
    if budget[0] <= 0 or len(line) > 160 or not _colon_end(line) or not _CANDIDATE.search(line):
        return False
    budget[0] -= 1
    return _mail_parser_reply_header(line.strip())


def _mail_parser_reply_header(line: str) -> bool:
    from mailparser_reply import EmailReplyParser
    from mailparser_reply.constants import MAIL_LANGUAGES

    try:
        parser = EmailReplyParser(languages=[k for k in MAIL_LANGUAGES if k != "david"])
        return any(reply.headers for reply in parser.read(line).replies)
    except Exception:  # a second opinion must never break reading
        return False


def split_reply(text: str) -> Split:
    """Cut the quoted part off ``text``. Every input line ends up in exactly one of
    ``text`` and ``quoted``, in order; nothing is rewritten."""
    lines = text.split("\n")
    return _split_at(lines, quote_start(lines))


def _split_at(lines: list[str], cut: int | None) -> Split:
    end = len(lines) if cut is None else cut
    keep: list[str] = []
    quoted: list[str] = []
    i = 0
    while i < end:
        line = lines[i]
        if line.lstrip().startswith(">"):
            quoted.append(line)
            i += 1
            continue
        last = _attribution_end(lines, i) if (_ON.match(line) or _wrote(line)) else None
        if last is not None and last < end and _next_is_quote(lines, last + 1):
            quoted.extend(lines[i : last + 1])
            i = last + 1
            continue
        keep.append(line)
        i += 1
    quoted.extend(lines[end:])
    return Split("\n".join(keep), "\n".join(quoted))


def split_message(text: str, subject: str = "", own: Callable[[str], str] | None = None) -> Split:
    """The new text of a message: forwards are unwrapped (see module doc), replies cut.
    ``own`` gives what a forward's note counts as written (default: without notices)."""
    lines = text.split("\n")
    cut = quote_start(lines)
    fwd = _unwrap_at(lines, cut, subject, own)
    if fwd is not None:
        return fwd
    return _split_at(lines, cut)


def unwrap_forward(text: str, subject: str = "") -> Split | None:
    """If ``text`` is a short note followed by a forwarded message, return the note and
    the forwarded body as ``text`` (its header block goes to ``quoted``); else ``None``."""
    lines = text.split("\n")
    return _unwrap_at(lines, quote_start(lines), subject)


def _unwrap_at(
    lines: list[str], i: int | None, subject: str, own: Callable[[str], str] | None = None
) -> Split | None:
    if i is None:
        return None
    note_end = i
    if _MOBILE_FOOTER.match(lines[i]):
        # "Sent from my iPhone" then "Begin forwarded message:": the footer ends the note;
        # so does "Sent from my Galaxy" over "-------- Original message --------" under a
        # "Fwd:" subject (the separator an Android phone forwards with), and "Get Outlook
        # for iOS" over the underscores and header block Outlook's phone app forwards with
        after = next((n for n in range(i + 1, min(i + 4, len(lines))) if lines[n].strip()), None)
        if after is not None and (
            _FORWARD_MARK.match(lines[after])
            or (is_forward_subject(subject) and quote_start(lines[after : after + 12]) == 0)
        ):
            i = after
    marker = lines[i]
    explicit = bool(_FORWARD_MARK.match(marker))
    note = "\n".join(lines[:note_end]).strip("\n")
    # a ticket desk's relay: "Ticket INC-4471 has been forwarded to you by Derek Allard."
    # over "Derek Allard wrote:" and the ticket (a reply's attribution, under no "RE:")
    relayed = _RELAY_NOTE.search(note) is not None and _wrote(marker) and not _ON.match(marker)
    if not explicit and not relayed and not is_forward_subject(subject):
        return None
    if not explicit and (_ON.match(marker) or _MOBILE_FOOTER.match(marker)):
        return None  # "On ... wrote:" quotes a reply, even under "Fwd:"
    if explicit and _all_quoted(lines[i + 1 :]):
        # Apple Mail forwards as a quote: "> From: ...", "> Subject: ...", "> Chief, ..."
        lines = lines[: i + 1] + [_ONE_QUOTE_MARK.sub("", line) for line in lines[i + 1 :]]
    if len((own or _without_notices)(note).strip()) > SHORT_NOTE:
        return None
    # skip the marker line(s) and the forwarded header block
    skip = explicit or relayed or _ORIGINAL.match(marker) or UNDERSCORES.match(marker)
    j = i + 1 if skip else i
    while j < len(lines) and not lines[j].strip():
        j += 1
    header_end = j
    while header_end < len(lines) and (
        HEADER_LINE.match(lines[header_end])
        or (
            header_end > j
            and lines[header_end].strip()
            and (
                lines[header_end].startswith((" ", "\t"))
                or (len(lines[header_end]) <= 120 and header_follows(lines, header_end + 1))
            )
        )
    ):
        header_end += 1
    body_lines = lines[header_end:]
    # a forward of a forward: the header block's "Subject: FW: ..." unwraps the next one
    inner = split_message("\n".join(body_lines).strip("\n"), _subject_in(lines[j:header_end]), own)
    header = "\n".join(lines[note_end:header_end])
    parts = [p for p in (note, inner.text.strip("\n")) if p]
    quoted = "\n".join(q for q in (header, inner.quoted) if q)
    chain = (note.strip("\n"), *(inner.notes or (inner.note,) if inner.forwarded else ()))
    return Split("\n\n".join(parts), quoted, forwarded=True, note=note.strip("\n"), notes=chain)


_SUBJECT_LINE = re.compile(
    r"^\s*(?:\*\s*)?(?:subject|objet|betreff|onderwerp|asunto|assunto)\s*(?:\*\s*)?:(.*)$", re.I
)


def _subject_in(header: list[str]) -> str:
    """The subject a forwarded header block names ("Subject: FW: e-ticket request")."""
    return next((m.group(1).strip() for h in header if (m := _SUBJECT_LINE.match(h))), "")


_NOTICE = re.compile(
    r"^\s*(?:(?:confidentiality|privacy|public\s+records?|legal)\s+(?:notice|statement)"
    r"|disclaimer|privileged\s+and\s+confidential|this\s+e-?mail(?:\s+message)?"
    r"(?:,|\s+and|\s+including)\s+(?:any\s+)?attachments)\b",
    re.I,
)

# a notice under any heading ("LAW ENFORCEMENT SENSITIVE: This communication ... is intended
# only for the person(s) to whom it is addressed. If you received this message in error")
_NOTICE_SAYS = re.compile(
    r"\bintended\s+(?:only|solely)\s+for\s+the\s+(?:use\s+of\s+the\s+)?"
    r"(?:person|individual|addressee|recipient|named)"
    r"|\breceived\s+this\s+(?:e-?mail|message|communication|transmission)\s+in\s+error",
    re.I,
)


def _without_notices(note: str) -> str:
    """``note`` without its signature's boilerplate (a confidentiality or public records
    notice): a note's length is what its writer wrote."""
    return "\n".join(
        line for line in note.split("\n") if not (_NOTICE.match(line) or _NOTICE_SAYS.search(line))
    )


# The line a ticket desk writes over a request it relays (the desk's own words, in its
# own notification, not the requester's).
_RELAY_NOTE = re.compile(
    r"\b(?:has\s+been|was|been)\s+forwarded\s+to\s+you\b"
    r"|\bforwarded\s+to\s+you\s+by\b|\bassigned\s+to\s+you\s+by\b",
    re.I,
)
_ONE_QUOTE_MARK = re.compile(r"^[ \t]{0,8}>[ \t]?")


def _all_quoted(lines: list[str]) -> bool:
    """True when every written line of ``lines`` is a "> " line (at least one)."""
    said = [line for line in lines if line.strip()]
    return bool(said) and all(line.lstrip().startswith(">") for line in said)


def _more_text(lines: list[str], i: int) -> bool:
    return any(line.strip() for line in lines[i : i + 50])


def _attribution_end(lines: list[str], i: int) -> int | None:
    """Where an "On <date>, <name> wrote:" line (wrapped over up to 3 lines) ends."""
    text = ""
    for j in range(i, min(i + 3, len(lines))):
        if j > i and not lines[j].strip():
            return None
        text += " " + lines[j].strip()
        if len(text) > 400:
            return None
        if _WROTE.search(text):
            return j
        if _ON.match(text.lstrip()) and _WROTE_NAME_AFTER.search(text):
            return j
        if _WROTE_BARE.search(text) and _ON.match(text.lstrip()) and _DATE_OR_ADDRESS.search(text):
            return j  # "On Mon, 2 Nov 2026, DPS e-Ticket wrote" (no colon)
    return None


def opening_end(lines: list[str], i: int) -> int:
    """The last line of the quoted message's opening at line ``i`` (as found by
    :func:`quote_start`): an attribution's last line, a header block's last header (or
    folded value), or ``i`` itself for a separator line."""
    if FROM_LINE.match(lines[i]):
        j = i
        while j + 1 < min(i + 14, len(lines)):
            nxt = lines[j + 1]
            if not (HEADER_LINE.match(nxt) or (nxt.strip() and nxt.startswith((" ", "\t")))):
                break
            j += 1
        return j
    if _ON.match(lines[i]) or _wrote(lines[i]):
        end = _attribution_end(lines, i)
        return i if end is None else end
    return i


def _next_is_quote(lines: list[str], i: int) -> bool:
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i < len(lines) and lines[i].lstrip().startswith(">")
