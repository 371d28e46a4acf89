"""What can be told of a message set aside without being read: who sent it, its
subject and Message-ID, read leniently from its header block."""

from __future__ import annotations

from email.header import decode_header, make_header
from email.parser import BytesHeaderParser
from email.policy import compat32
from email.utils import getaddresses


def header_summary(raw: bytes | None) -> tuple[str | None, str | None, str | None]:
    """(sender, subject, Message-ID) read leniently from a message's header block, for
    a message that is set aside without being read (staff must see who sent it).
    Never raises; anything it cannot make out is None."""
    if not raw:
        return None, None, None
    block = raw[: 64 * 1024]
    end = block.find(b"\r\n\r\n")
    if end < 0:
        end = block.find(b"\n\n")
    try:
        headers = BytesHeaderParser(policy=compat32).parsebytes(block[: end if end >= 0 else None])

        def text(name: str) -> str | None:
            value = headers.get(name)
            if value is None:
                return None
            try:
                decoded = str(make_header(decode_header(str(value))))
            except Exception:
                decoded = str(value)
            cleaned = "".join(c if c.isprintable() else " " for c in decoded).strip()
            return cleaned[:500] or None

        sender = None
        found = [a for _, a in getaddresses([text("From") or ""]) if "@" in a]
        if found:
            sender = found[0][:320]
        mid = text("Message-ID")
        return sender, text("Subject"), (mid.split()[0][:998] if mid else None)
    except Exception:
        return None, None, None
