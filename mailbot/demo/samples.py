"""The sample emails the demo sends, and the replies it looks for (pure, no servers)."""

from __future__ import annotations

import mailbox
from datetime import datetime
from email import message_from_bytes
from email import policy as email_policy
from email.message import EmailMessage
from email.utils import format_datetime, getaddresses, make_msgid, parseaddr
from pathlib import Path

from mailbot.errors import DemoError
from mailbot.resources import samples_dir

COMPLETE_SAMPLE = "sop-sample.eml"
INCOMPLETE_SAMPLE = "demo-incomplete.eml"
REPLY_SAMPLE = "demo-reply.eml"


def load_sample(name: str) -> bytes:
    """The bytes of the sample email ``name`` shipped with mailbot."""
    path = samples_dir() / name
    try:
        return path.read_bytes()
    except OSError as e:
        raise DemoError(f"sample email {path} is missing ({e}); reinstall mailbot") from e


def _header_block(raw: bytes) -> tuple[bytes, bytes, bytes]:
    """Split ``raw`` into (headers, line ending, body) without touching the body."""
    for sep in (b"\r\n\r\n", b"\n\n"):
        head, found, body = raw.partition(sep)
        if found:
            return head, sep[: len(sep) // 2], body
    return raw, b"\r\n", b""


def restamp(raw: bytes, headers: dict[str, str]) -> bytes:
    """``raw`` with each named header replaced (or added); the body is kept byte for byte."""
    head, eol, body = _header_block(raw)
    wanted = {name.lower() for name in headers}
    kept: list[bytes] = []
    skipping = False
    for line in head.split(eol):
        if line[:1] in (b" ", b"\t"):
            if not skipping:
                kept.append(line)
            continue
        name = line.split(b":", 1)[0].strip().decode("ascii", "replace").lower()
        skipping = name in wanted
        if not skipping:
            kept.append(line)
    added = [f"{name}: {value}".encode() for name, value in headers.items()]
    return eol.join(added + kept) + eol + eol + body


def headers(raw: bytes) -> EmailMessage:
    """``raw`` parsed, for reading its headers."""
    parsed = message_from_bytes(raw, policy=email_policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def sender_of(raw: bytes) -> str:
    """The address in the From header of ``raw`` (empty when there is none)."""
    return parseaddr(str(headers(raw).get("From", "")))[1]


def fresh_identity(raw: bytes, now: datetime, **extra: str) -> tuple[bytes, str]:
    """``raw`` with a new Message-ID and Date (and any ``extra`` headers, e.g.
    ``In_Reply_To``), so each demo run sends new mail; returns (bytes, Message-ID)."""
    domain = sender_of(raw).rpartition("@")[2] or "example.org"
    message_id = make_msgid(domain=domain)
    stamped = {"Message-ID": message_id, "Date": format_datetime(now)}
    stamped.update({k.replace("_", "-"): v for k, v in extra.items()})
    return restamp(raw, stamped), message_id


def envelope_recipients(raw: bytes) -> list[str]:
    """Every To and Cc address of ``raw``, as a mail client would send it."""
    parsed = headers(raw)
    values = [str(v) for name in ("To", "Cc") for v in parsed.get_all(name, [])]
    return [addr for _, addr in getaddresses(values) if addr]


def plain_text(raw: bytes) -> str:
    """The text/plain body of ``raw`` (empty when there is none)."""
    body = headers(raw).get_body(preferencelist=("plain",))
    return str(body.get_content()) if body is not None else ""


def _norm_id(value: str | None) -> str:
    return (value or "").strip().strip("<>").lower()


def find_reply(maildir: Path, in_reply_to: str) -> bytes | None:
    """The message in ``maildir`` that answers ``in_reply_to``, if it has arrived."""
    if not maildir.is_dir():
        return None
    wanted = _norm_id(in_reply_to)
    box = mailbox.Maildir(maildir, create=False)
    try:
        keys = list(box.iterkeys())
    except OSError:  # the server is still creating the folder (new/, cur/, tmp/)
        return None
    for key in keys:
        try:
            raw = box.get_bytes(key)
        except (KeyError, OSError):
            continue
        if _norm_id(str(headers(raw).get("In-Reply-To", ""))) == wanted:
            return raw
    return None
