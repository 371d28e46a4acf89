"""Which attachment is the agency logo (the image for the TraCS agency record)."""

from __future__ import annotations

import hashlib
import io
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

from mailbot.intake.attachments import TINY_IMAGE_PIXELS
from mailbot.intake.image_facts import opened
from mailbot.intake.limits import Limits
from mailbot.intake.model import LogoFacts
from mailbot.intake.parts import Attachment
from mailbot.intake.rules import Rules, per_rules
from mailbot.intake.vector_logo import svg_size
from mailbot.intake.word_lists import alternation, may_hold, needles, word_start

# "Our badge is below" (not a badge number: "badge #", "badge numbers", "badge ID")
_LOGO_WORD = re.compile(
    r"\b(?:logo|patch|seal|emblem|insignia|badge(?![ \t]*(?:#|n(?:o|um|umber)s?\b|ids?\b)))\b",
    re.I,
)
_LOGO_NAME = re.compile(r"logo|patch|badge|seal|emblem|insignia|crest|shield", re.I)


@dataclass(frozen=True)
class LogoInfo:
    """The image chosen as logo, identified by its content."""

    filename: str
    format: str
    width: int
    height: int
    size_bytes: int
    sha256: str
    data: bytes

    def details(self, reason: str | None) -> LogoFacts:
        """What a case keeps of the logo (its bytes stay in the message), with the
        reason it is refused, if any."""
        return LogoFacts(
            filename=self.filename,
            format=self.format,
            width=self.width,
            height=self.height,
            size_bytes=self.size_bytes,
            sha256=self.sha256,
            reason=reason,
        )


def probe_image(data: bytes, limits: Limits) -> tuple[str, int, int] | None:
    """(format, width, height) of a PNG/JPEG/GIF/BMP/TIFF/WEBP or SVG image, or ``None``
    for anything else, including images over ``limits.max_image_pixels`` (decompression
    bombs)."""
    vector = svg_size(data)
    if vector is not None:
        width, height = vector
        if width > 0 and height > 0 and width * height <= limits.max_image_pixels:
            return "SVG", width, height
        return None

    image = opened(data, limits.max_image_pixels)
    if image is None or not image.verified:
        return None
    return image.format, image.width, image.height


def find_logo(
    attachments: list[Attachment],
    limits: Limits | None = None,
    notes: list[str] | None = None,
    *,
    said_inline: bool = False,
    text: str = "",
    rules: Rules | None = None,
) -> LogoInfo | None:
    """The attached image most likely to be the agency logo, or ``None``.

    Inline images (signatures shown in the HTML body) and tracking pixels are not
    the logo, unless no image is attached and the text says the logo is in the body
    (``said_inline``: "our logo is pasted below"), or the message ``text`` names the
    image's file ("Logo attached (WCSD_star.gif)"), however small it is (its size is
    then for the checks to judge). Among several images, a name saying
    logo/patch/badge/seal/emblem wins, then the largest picture."""
    limits = limits or Limits()
    later = _SAID_LATER.search(text)
    if rules is not None and roster_pictured(text, rules) and (later or not logo_named(text)):
        # "Picture of our officer list is attached": the image is the roster (one named
        # as a logo still may be), also where the logo is said to come later
        attachments = [a for a in attachments if _LOGO_NAME.search(a.filename)]
    seen = _Probes(limits)  # each attachment is opened once, however often it is looked at
    if rules is not None and not later and roster_pictured(text, rules):
        # "Roster is in the picture ... Logo attached too": the largest picture is the
        # roster's, the logo one of the others
        attachments = _without_largest(attachments, seen)
    found = _best(attachments, seen, notes, inline=False)
    if found is None and said_inline and not later:
        # "Our logo is pasted below: [cid:image001.png@...]": an image placed in the text
        # (not the signature's banner) is the one meant
        found = _best(attachments, seen, notes, inline=True, text=text)
    if found is None and text:
        # the file's name written in words, not an image's "[cid:image001.png@...]"
        # placeholder (a screenshot shown in the text is not thereby a logo)
        low = _CID_REF.sub(" ", text.lower())
        named = [a for a in attachments if len(a.filename) > 4 and a.filename.lower() in low]
        found = _best(named, seen, notes, inline=None)
    if found is None and _SAID_ATTACHED.search(text):
        # "Our star logo is attached", "Logo: see attached": an image sent as a file (no
        # HTML shows it, as it would a tracking pixel) is the one meant, however small
        sent = [a for a in attachments if a.inline and not a.content_id]
        found = _best(sent, seen, None, inline=None)  # each refusal is noted once
    return found


def _without_largest(attachments: list[Attachment], seen: _Probes) -> list[Attachment]:
    """``attachments`` without the largest of two or more attached pictures (none named
    as a logo), or as they are."""
    sized = []
    for att in attachments:
        probed = None if att.inline else seen.probe(att.data)
        if probed is not None:
            sized.append((probed[1] * probed[2], att))
    if len(sized) < 2 or any(_LOGO_NAME.search(a.filename) for _, a in sized):
        return attachments
    largest = max(sized, key=lambda s: s[0])[1]
    return [a for a in attachments if a is not largest]


class _Probes:
    """:func:`probe_image`, :func:`_oversized` and the SHA-256 of attachment data, each
    worked out once per data object (the attachments of one message)."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self._probed: dict[int, tuple[bytes, tuple[str, int, int] | None]] = {}
        self._too_big: dict[int, tuple[bytes, str | None]] = {}
        self._sha256: dict[int, tuple[bytes, str]] = {}

    def probe(self, data: bytes) -> tuple[str, int, int] | None:
        hit = self._probed.get(id(data))
        if hit is None or hit[0] is not data:
            hit = self._probed[id(data)] = (data, probe_image(data, self.limits))
        return hit[1]

    def too_big(self, data: bytes) -> str | None:
        hit = self._too_big.get(id(data))
        if hit is None or hit[0] is not data:
            hit = self._too_big[id(data)] = (data, _oversized(data, self.limits))
        return hit[1]

    def sha256(self, data: bytes) -> str:
        hit = self._sha256.get(id(data))
        if hit is None or hit[0] is not data:
            hit = self._sha256[id(data)] = (data, hashlib.sha256(data).hexdigest())
        return hit[1]


_CID_REF = re.compile(r"\bcid:[^\s\]>\"']{0,300}")


# "Our logo will follow in a separate email", "logo to come later", "for the logo, pull
# it off our website", "Our logo is being redrawn by the town's designer, I will send it",
# "Logo: you can download it from the town website: https://...", "Will get you the logo
# next week": an image shown in the
# message (a signature's badge) is not the logo
_SAID_LATER = re.compile(
    # "\b(?:logo|patch|badge|seal|emblem|insignia)", quick to scan for (word_start)
    (word_start(["logo", "patch", "badge", "seal", "emblem", "insignia"]) or "(?!)")
    + r"\b[^.\n]{0,80}?"
    r"\b(?:to\s+follow|will\s+follow|follows?\s+(?:in|by|under)|separate(?:ly)?|later"
    r"|to\s+come|coming|will\s+(?:be\s+)?sen[dt]|web\s*(?:site|page)|download"
    r"|next\s+(?:week|month|time)|tomorrow"
    r"|https?(?=://)|www(?=\.))\b",
    re.I,
)


_SAID_ATTACHED = re.compile(
    r"\b(?:logo|patch|badge|seal|emblem|insignia)\b[^.\n]{0,40}?\battach"
    r"|\battach\w*[^.\n]{0,40}?\b(?:logo|patch|badge|seal|emblem|insignia)\b",
    re.I,
)


def _best(
    attachments: list[Attachment],
    seen: _Probes,
    notes: list[str] | None,
    *,
    inline: bool | None,
    text: str = "",
) -> LogoInfo | None:
    """The likeliest logo among ``attachments`` (inline ones or not; ``inline=None``: any,
    tracking-pixel sized ones too)."""
    limits = seen.limits
    best: tuple[tuple[int, int, int], LogoInfo] | None = None
    low = text.lower()
    for att in attachments:
        if inline is not None and att.inline != inline:
            continue
        if len(att.data) > limits.max_attachment_bytes:
            continue
        probed = seen.probe(att.data)
        if probed is None:
            too_big = seen.too_big(att.data)
            if too_big and notes is not None:
                notes.append(f"{att.filename}: not opened, {too_big}")
            continue
        fmt, width, height = probed
        if inline is not None and width <= TINY_IMAGE_PIXELS and height <= TINY_IMAGE_PIXELS:
            continue
        info = LogoInfo(
            filename=att.filename,
            format=fmt,
            width=width,
            height=height,
            size_bytes=len(att.data),
            sha256=seen.sha256(att.data),
            data=att.data,
        )
        placed = bool(low) and any(
            key and key.lower() in low for key in (att.content_id, att.filename)
        )
        rank = (1 if _LOGO_NAME.search(att.filename) else 0, int(placed), width * height)
        if best is None or rank > best[0]:
            best = (rank, info)
    return best[1] if best else None


def _oversized(data: bytes, limits: Limits) -> str | None:
    """Why an image was refused for its pixel count (a decompression bomb), or None."""
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with Image.open(io.BytesIO(data)) as im:
                width, height = int(im.size[0]), int(im.size[1])
    except Image.DecompressionBombError:
        return f"the image has more than {limits.max_image_pixels:,} pixels"
    except Exception:
        return None
    if width * height > limits.max_image_pixels:
        return (
            f"the image is {width:,} x {height:,} pixels, over the limit of "
            f"{limits.max_image_pixels:,}"
        )
    return None


def logo_named(text: str) -> bool:
    """True when ``text`` speaks of a logo ("Our badge is below", "patch attached")."""
    return _LOGO_WORD.search(text) is not None


def has_image(attachments: Sequence[Attachment]) -> bool:
    """True when an image is attached (not one shown inline, a signature's)."""
    return any(a.content_type.startswith("image/") and not a.inline for a in attachments)


@per_rules
def _roster_picture(rules: Rules) -> re.Pattern[str]:
    pictures, rosters = (
        alternation(rules.language.intent.picture_words, r"[ \t]+"),
        alternation(rules.language.intent.roster_words, r"[ \t]+"),
    )
    return re.compile(
        rf"\b(?:{pictures})s?[ \t]+of[ \t]+(?:(?:our|the|my)[ \t]+)?(?:{rosters})\b"
        rf"|\b(?:{rosters})[ \t]+(?:{pictures})s?\b"
        # "Scanned officer list and our logo are attached"
        rf"|\b(?:{pictures})(?:ned)?[ \t]+(?:{rosters})\b"
        # "Roster is in the picture", "the officers are on the attached photo"
        rf"|\b(?:{rosters})[ \t]+(?:(?:is|are)[ \t]+)?(?:in|on)[ \t]+(?:the|this|that|a)[ \t]+"
        rf"(?:attached[ \t]+)?(?:{pictures})s?\b",
        re.I,
    )


def roster_pictured(text: str, rules: Rules) -> bool:
    """True when ``text`` says an image is a picture of the roster ("Picture of our
    officer list is attached", "roster photo attached", "Roster is in the picture")."""
    if not may_hold(text, _picture_words(rules)):
        return False  # every match names a picture
    return _roster_picture(rules).search(text) is not None


@per_rules
def _picture_words(rules: Rules) -> tuple[str, ...]:
    return needles(rules.language.intent.picture_words)
