"""Text out of MIME bytes, by hand with fallbacks: charsets (the declared one, else UTF-8,
else Windows-1252), RFC 2047 header words, address headers, transfer encodings and
format=flowed. Nothing here raises on broken input.
"""

from __future__ import annotations

import codecs
import email
import email.header
import email.utils
import functools
import re
from email.message import Message
from typing import TypeAlias

MAX_HEADER_CHARS = 8192


_CTRL = re.compile(r"[\r\n\x00]+")


_SURROGATE = re.compile("[\udc80-\udcff]")


_LATIN = frozenset({"iso8859-1", "latin-1", "cp1252", "ascii"})


def decode_bytes(data: bytes, charset: str | None = None) -> str:
    """Text from ``data``: the declared charset when it fits, else UTF-8, else
    Windows-1252 (what undeclared 8-bit mail from Windows almost always is)."""
    cs = (charset or "").strip().strip('"').lower()
    if cs:
        try:
            cs = codecs.lookup(cs).name
        except LookupError:
            cs = ""
    if cs in ("", "ascii", "us-ascii") or cs in _LATIN:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data.decode("cp1252", errors="replace")
    try:
        return data.decode(cs)
    except (UnicodeDecodeError, LookupError):
        pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _unsurrogate(value: str) -> str:
    """compat32 keeps 8-bit header bytes as surrogates; read them as UTF-8 or cp1252."""
    if not _SURROGATE.search(value):
        return value
    return decode_bytes(value.encode("ascii", "surrogateescape"))


def decode_header_value(value: object) -> str:
    """A header value as text: RFC 2047 words decoded, CR/LF/NUL removed."""
    if isinstance(value, email.header.Header):
        value = str(value)
    text = _unsurrogate(str(value))[:MAX_HEADER_CHARS]
    if "=?" in text:
        try:
            chunks = email.header.decode_header(text)
            text = "".join(decode_bytes(c, cs) if isinstance(c, bytes) else c for c, cs in chunks)
        except Exception:  # malformed encoded words: keep the raw text
            pass
    return " ".join(_CTRL.sub(" ", text).split())


def _addresses(values: list[str]) -> list[tuple[str, str]]:
    if not values:  # no such header
        return []
    return list(_address_pairs(tuple(v[:MAX_HEADER_CHARS] for v in values)))


@functools.lru_cache(maxsize=256)
def _address_pairs(values: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """The (name, address) pairs of address headers, read once for the same header text
    (the desk's own address in To:, a correspondent's in From: and Cc:)."""
    out = []
    try:
        pairs = email.utils.getaddresses(list(values))
    except Exception:
        return ()
    for name, addr in pairs:
        addr = _CTRL.sub("", addr).strip().lower()
        if addr:
            out.append((decode_header_value(name), addr))
    return tuple(out)


def _headers(msg: Message) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for name, value in msg.items()[:500]:
        key = _unsurrogate(str(name)).strip().lower()
        out.setdefault(key, []).append(decode_header_value(value))
    return out


def _payload(part: Message) -> bytes:
    try:
        data = part.get_payload(decode=True)
    except Exception:
        data = None
    if isinstance(data, bytes):
        return data
    raw = part.get_payload()
    return raw.encode("utf-8", "surrogateescape") if isinstance(raw, str) else b""


# A Content-Type parameter's value: text, or (charset, language, text) in RFC 2231 form.
ParamValue: TypeAlias = str | tuple[str | None, str | None, str]


def _params(part: Message) -> dict[str, ParamValue]:
    """The Content-Type parameters, unquoted, by lower-case name (the first of each):
    what ``part.get_param(name)`` gives, with the header parsed once."""
    out: dict[str, ParamValue] = {}
    for name, value in part.get_params() or []:
        out.setdefault(name.lower(), value)
    return out


def _text_of(part: Message, params: dict[str, ParamValue] | None = None) -> str:
    params = _params(part) if params is None else params
    charset = params.get("charset")
    if isinstance(charset, tuple):  # RFC 2231 form
        charset = charset[2]
    text = decode_bytes(_payload(part), charset if isinstance(charset, str) else None)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    fmt = str(params.get("format") or "").lower()
    if fmt == "flowed" and part.get_content_subtype() == "plain":
        delsp = str(params.get("delsp") or "").lower() == "yes"
        text = unflow(text, delsp)
    return text


def unflow(text: str, delsp: bool = False) -> str:
    """Undo RFC 3676 format=flowed: join soft-broken lines (ending in a space) of the
    same quote depth; with ``delsp`` the soft-break space is removed."""
    out: list[str] = []
    current: str | None = None
    current_depth = -1
    for line in text.split("\n"):
        depth = len(line) - len(line.lstrip(">"))
        body = line[depth:]
        if body.startswith(" "):
            body = body[1:]  # space-stuffing (or the space after ">")
        if current is not None and depth == current_depth:
            current += body
        else:
            if current is not None:
                out.append(">" * current_depth + (" " if current_depth else "") + current)
            current, current_depth = body, depth
        if body.endswith(" ") and body != "-- ":
            if delsp:
                current = current[:-1]
        else:
            out.append(">" * current_depth + (" " if current_depth else "") + current)
            current, current_depth = None, -1
    if current is not None:
        out.append(">" * current_depth + (" " if current_depth else "") + current)
    return "\n".join(out)
