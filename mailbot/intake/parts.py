"""What the MIME layer hands to the field readers: plain data, no parsing objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


class Document(Protocol):
    """An attached document (PDF) whose text is read only when the message needs it
    (:class:`mailbot.intake.attachments.Document`)."""

    @property
    def filename(self) -> str: ...

    @property
    def text(self) -> str: ...

    def grid(self) -> list[list[str]]: ...


@dataclass(frozen=True)
class Attachment:
    """One attached file, decoded. ``inline`` is true for images the HTML body shows
    (signature images, tracking pixels): those are never the agency logo."""

    filename: str
    content_type: str
    data: bytes
    inline: bool = False
    content_id: str | None = None


@dataclass
class MessageParts:
    """A message reduced to what a clerk reads.

    ``text`` is the new text of the message only: quoted replies (``>`` lines,
    "From: ... Sent: ..." blocks, "On ... wrote:") are cut off, and an inline
    forward is unwrapped so the forwarded request is read. HTML-only mail is turned
    into text; HTML tables are also kept cell by cell in ``tables``. Tables found in
    attachments (CSV, XLSX, DOCX, also inside winmail.dat) are added to ``tables``.
    """

    sender: str | None = None
    sender_name: str | None = None
    subject: str = ""
    message_id: str | None = None
    in_reply_to: str | None = None
    references: list[str] = field(default_factory=list)
    to: list[tuple[str, str]] = field(default_factory=list)
    cc: list[tuple[str, str]] = field(default_factory=list)
    reply_to: list[tuple[str, str]] = field(default_factory=list)
    headers: dict[str, list[str]] = field(default_factory=dict)
    """Lower-case header name -> every value, decoded, in order."""
    content_type: str = "text/plain"
    text: str = ""
    quoted_text: str = ""
    """What was cut off as quoted (kept for staff, never read as data)."""
    tables: list[list[list[str]]] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    mailto: list[tuple[str, str]] = field(default_factory=list)
    """(link text, address) of the HTML body's ``mailto:`` links."""
    documents: list[Document] = field(default_factory=list)
    """Attached documents (PDF) with ``filename``, ``text`` and ``grid()``, read only
    when the message needs them (:class:`mailbot.intake.attachments.Document`)."""
    notes: list[str] = field(default_factory=list)
    """Things skipped on purpose (over a limit, unreadable attachment), in plain words."""
    full_text: str = ""
    """The body as read, before quotes were cut (answers to our replies are read from
    it once our own text is recognised in it, whatever the quoting style)."""
    quotes_cut: bool = False
    forward_note: str = ""
    """The short note written above a forwarded request (``text`` starts with it); the
    note and the request each end in their own sign-off."""
    """True when ``text`` already had its quotes cut and forwards unwrapped (the MIME
    layer sets it); parts built by hand are split again by the field readers."""
    letter: str = ""
    """An attached letter or form read as the request under a cover note (``text`` starts
    with it): its signer is the head, whoever sends it on."""
    inner_notes: list[str] = field(default_factory=list)
    """A forward of a forward: the notes of the forwards inside, outermost first ("Denise,
    can you send this on to DPS?" over the chief's request), each with its own sign-off."""

    def header(self, name: str) -> str | None:
        values = self.headers.get(name.lower())
        return values[0] if values else None
