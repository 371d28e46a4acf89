"""An attached image opened once: its format and size (is it a tracking pixel?) and
whether its data verifies (can it be the logo?). Each question used to open it anew."""

from __future__ import annotations

import io
import threading
import warnings
from dataclasses import dataclass

FORMATS = frozenset({"PNG", "JPEG", "GIF", "BMP", "TIFF", "WEBP"})
"""Raster images opened with Pillow; an SVG's size is read from its root tag."""


@dataclass(frozen=True)
class Opened:
    """What Pillow read of an image's header, and whether its data verified: ``None``
    when not tried (not one of :data:`FORMATS`, no pixels, or more than allowed)."""

    format: str
    width: int
    height: int
    verified: bool | None


_opened: dict[int, tuple[bytes, int, Opened | None]] = {}
"""The last few images opened, by the identity of their bytes (kept alive here, so an id
is not reused): one message's attachment is looked at by the MIME layer and the logo."""
_KEEP = 16
_lock = threading.Lock()


def opened(data: bytes, max_pixels: int) -> Opened | None:
    """``data`` opened with Pillow (``None`` when it cannot be), verified when it is of
    :data:`FORMATS` with at most ``max_pixels`` pixels."""
    hit = _opened.get(id(data))
    if hit is not None and hit[0] is data and hit[1] == max_pixels:
        return hit[2]
    result = _open(data, max_pixels)
    with _lock:
        while len(_opened) >= _KEEP:
            del _opened[next(iter(_opened))]
        _opened[id(data)] = (data, max_pixels, result)
    return result


def _open(data: bytes, max_pixels: int) -> Opened | None:
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with Image.open(io.BytesIO(data)) as im:
                fmt = (im.format or "").upper()
                width, height = int(im.size[0]), int(im.size[1])
                verified = None
                if fmt in FORMATS and width > 0 and height > 0 and width * height <= max_pixels:
                    try:
                        im.verify()
                        verified = True
                    except Exception:
                        verified = False
    except Exception:  # Pillow raises many kinds (and DecompressionBombError) on junk
        return None
    return Opened(fmt, width, height, verified)
