"""Build outgoing emails (RFC 5322 bytes) from rendered replies. Pure: no SMTP here.

Everything that may come from inbound mail (subject text, names, message ids,
addresses) is sanitised before it becomes a header: control characters are removed,
text that looks like an RFC 2047 encoded word is defused, addresses must be one plain
``local@domain`` each, and the finished message is parsed back to check that it has
exactly the headers we meant to write (RELIABILITY.md scenario 20).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import datetime
from email import policy as email_policy
from email.charset import QP, Charset
from email.header import Header
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.parser import BytesHeaderParser
from email.utils import format_datetime, formataddr
from functools import lru_cache

from mailbot.errors import InvalidRecipient, ReplyError
from mailbot.intake.classify import LOOP_HEADER
from mailbot.intake.mailbox_address import DOMAIN as _DOMAIN
from mailbot.intake.mailbox_address import normalise_address
from mailbot.replies import Rendered

MAX_REFERENCES = 10
MAX_MESSAGE_ID = 250
MAX_SUBJECT = 200

_ATEXT = r"A-Za-z0-9!#$%&'*+/=?^_`{|}~.-"
_MSG_ID = re.compile(rf"^<[{_ATEXT}]+@[{_ATEXT}\[\]:]+>$")
_BRACKETED = re.compile(r"<[^<>\s]*>")
_HEADER_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9-]{0,75}$")
_RE_PREFIX = re.compile(r"^(?:\s*re\s*(?:\[\d+\])?\s*:\s*)+", re.IGNORECASE)
# An RFC 2047 encoded word starts with "=?"; a literal one in our text could be
# decoded by the header machinery into a line break.
_ENCODED_WORD_START = re.compile(r"=\s*\?")


def sanitise_header_text(value: object, limit: int = MAX_SUBJECT) -> str:
    """Text safe for an unstructured header: one line, no control or format
    characters, no encoded-word syntax, at most ``limit`` characters."""
    text = "" if value is None else str(value)
    text = "".join(
        " " if ch.isspace() else ch
        for ch in text
        if ch.isspace() or unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn")
    )
    text = " ".join(text.split())
    text = _ENCODED_WORD_START.sub("= ?", text)
    return text[:limit].rstrip()


@lru_cache(maxsize=1024)
def _checked(address: str) -> str:
    return normalise_address(address)


def _plain(value: str) -> str:
    """:func:`normalise_address`, remembered for the addresses written to again and
    again (ours on every reply, a sender's on each of theirs); a refusal is not
    remembered, it is raised every time."""
    return _checked(value) if isinstance(value, str) else normalise_address(value)


def reply_recipients(sender: str, poc_email: str | None, include_poc: bool) -> list[str]:
    """Who a reply goes to: the sender, plus the designated PoC when ``include_poc``.

    Lower-case and de-duplicated; never any other address found in a message.
    Raises :class:`InvalidRecipient` when the sender (or the PoC, if used) is not
    one plain address.
    """
    recipients = [normalise_address(sender).lower()]
    if include_poc and poc_email:
        poc = normalise_address(poc_email).lower()
        if poc not in recipients:
            recipients.append(poc)
    return recipients


def make_message_id(key: str, domain: str, secret: str = "") -> str:
    """A deterministic ``<hmac@domain>`` for ``key`` (e.g. "ETK-0042.checklist.1"), so a
    resend after a crash carries the same Message-ID and can be recognised. Keyed with
    ``secret`` (HMAC-SHA256): without it, nobody can predict the ID of a reply."""
    if not _DOMAIN.match(domain):
        raise ReplyError(f"message id domain {domain!r} is not a plain domain name")
    mac = hmac.new(secret.encode("utf-8"), key.encode("utf-8"), hashlib.sha256)
    digest = mac.hexdigest()[:32]
    return f"<mailbot.{digest}@{domain.lower()}>"


def _message_id(value: str | None) -> str | None:
    if not value:
        return None
    candidate = value.strip()
    if "<" not in candidate:
        candidate = f"<{candidate}>"
    if len(candidate) > MAX_MESSAGE_ID or not _MSG_ID.match(candidate):
        return None
    return candidate


def thread_references(in_reply_to: str | None, references: Iterable[str]) -> list[str]:
    """The References chain for a reply: valid ids only, the parent last, at most
    ``MAX_REFERENCES`` (the thread's first id is kept, then the most recent)."""
    chain: list[str] = []
    for raw in references:
        for token in _BRACKETED.findall(str(raw)):
            ident = _message_id(token)
            if ident and ident not in chain:
                chain.append(ident)
    parent = _message_id(in_reply_to)
    if parent:
        if parent in chain:
            chain.remove(parent)
        chain.append(parent)
    if len(chain) > MAX_REFERENCES:
        chain = [chain[0], *chain[-(MAX_REFERENCES - 1) :]]
    return chain


def tagged_subject(subject: str, reference: str | None) -> str:
    """``[ETK-0042] subject``: one tag, never doubled; ``Re: Re:`` collapses to one
    ``Re:`` that stays in front of the tag."""
    text = sanitise_header_text(subject)
    tag = f"[{sanitise_header_text(reference, 40)}]" if reference else ""
    match = _RE_PREFIX.match(text)
    prefix = "Re: " if match else ""
    rest = text[match.end() :] if match else text
    if tag and tag.lower() not in rest.lower():
        rest = f"{tag} {rest}".strip()
    return f"{prefix}{rest}"[:MAX_SUBJECT].rstrip()


def build_email(
    *,
    rendered: Rendered,
    from_address: str,
    to: Sequence[str],
    cc: Sequence[str] = (),
    message_id: str,
    in_reply_to: str | None,
    references: Sequence[str],
    reference: str | None,
    loop_header: str = LOOP_HEADER,
    loop_value: str,
    date: datetime,
    from_name: str | None = None,
) -> bytes:
    """One multipart/alternative reply (plain text, then HTML) as CRLF bytes.

    ``date`` must be timezone-aware (inject the clock). Raises
    :class:`InvalidRecipient` for a bad address and :class:`ReplyError` for a bad
    Message-ID, loop header or an empty recipient list.
    """
    if date.tzinfo is None or date.utcoffset() is None:
        raise ReplyError("the Date of an outgoing email must be timezone-aware")
    if not _HEADER_NAME.match(loop_header):
        raise ReplyError(f"loop header name {loop_header!r} is not a valid header name")
    own_id = _message_id(message_id)
    if own_id is None:
        raise ReplyError(f"Message-ID {message_id!r:.80} is not of the form <id@domain>")
    sender = _plain(from_address)
    to_list = _unique(_plain(a) for a in to)
    to_lower = {a.lower() for a in to_list}
    cc_list = [a for a in _unique(_plain(a) for a in cc) if a.lower() not in to_lower]
    if not to_list:
        raise InvalidRecipient("an outgoing email needs at least one To address")
    parent = _message_id(in_reply_to)
    chain = thread_references(in_reply_to, references)

    # The compat32 MIME classes: every value below is already validated or sanitised
    # (and checked again after rendering), and they cost a fraction of EmailMessage's
    # header registry, which dominated the time to queue a reply.
    # A boundary derived from the Message-ID makes a resend byte-for-byte identical.
    msg = MIMEMultipart(
        "alternative", boundary="=_mailbot_" + hashlib.sha256(own_id.encode()).hexdigest()[:40]
    )
    display = sanitise_header_text(from_name, 80) if from_name else ""
    msg["From"] = formataddr((display, sender), charset="utf-8") if display else sender
    msg["To"] = ", ".join(to_list)
    if cc_list:
        msg["Cc"] = ", ".join(cc_list)
    # compat32 takes a Header object for non-ASCII text (typeshed says str only).
    msg["Subject"] = _encoded(tagged_subject(rendered.subject, reference))  # type: ignore[assignment]
    msg["Date"] = format_datetime(date)
    msg["Message-ID"] = own_id
    if parent:
        msg["In-Reply-To"] = parent
    if chain:
        msg["References"] = " ".join(chain)
    msg["Auto-Submitted"] = "auto-replied"
    msg[loop_header] = _encoded(sanitise_header_text(loop_value, 200) or "1")  # type: ignore[assignment]
    msg.attach(MIMEText(_body(rendered.text), "plain", _UTF8_QP))  # type: ignore[arg-type]
    msg.attach(MIMEText(_body(rendered.html), "html", _UTF8_QP))  # type: ignore[arg-type]
    data = msg.as_bytes(policy=_WIRE)
    _check_headers(data, expected=[name for name, _ in msg.items()])
    return data


# A header value that fits on its line as printable ASCII (tabs and spaces too): what
# compat32's folding writes for it is the value itself.
_ONE_LINE = re.compile(r"[\t -~]*")


class _Wire(email_policy.Compat32):
    """compat32 with CRLF line ends and 78-character lines. A header that already fits
    on its line in printable ASCII is written as it is: the same text compat32's
    folding gives (``tests/unit/test_outbound.py``), without building a Header object
    for each of the twenty headers of a reply."""

    def _fold(self, name: str, value: object, sanitize: bool) -> str:
        limit = self.max_line_length or 0
        if (
            isinstance(value, str)
            and len(name) + 2 + len(value) <= limit
            and _ONE_LINE.fullmatch(value)
        ):
            return f"{name}: {value}{self.linesep}"
        folded: str = super()._fold(name, value, sanitize)  # type: ignore[misc]
        return folded


_WIRE = _Wire(linesep="\r\n", max_line_length=78)
# Quoted-printable bodies: 7-bit clean, and still readable in the raw message.
_UTF8_QP = Charset("utf-8")
_UTF8_QP.body_encoding = QP


def _encoded(text: str) -> str | Header:
    """ASCII text as is; anything else as RFC 2047 encoded words (UTF-8)."""
    return text if text.isascii() else Header(text, "utf-8")


def _unique(addresses: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for a in addresses:
        if a.lower() not in (s.lower() for s in seen):
            seen.append(a)
    return seen


def _body(text: str) -> str:
    """Bodies are ours (rendered templates) but are cleaned of NUL and lone CRs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return text if text.endswith("\n") else text + "\n"


def _check_headers(data: bytes, expected: list[str]) -> None:
    """Refuse to hand over a message whose header set is not exactly what we wrote."""
    # Headers only (the body is ours): as strict about the header set, far cheaper.
    parsed = BytesHeaderParser(policy=email_policy.compat32).parsebytes(data)
    found = [name.lower() for name in parsed]
    if sorted(found) != sorted(n.lower() for n in expected) or parsed.defects:
        raise ReplyError("outgoing email failed its header check; not sending it")
