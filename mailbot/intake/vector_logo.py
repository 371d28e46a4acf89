"""The size of an SVG logo, read from its root tag's ``width``/``height`` (or its
``viewBox``) without parsing the XML: no entity is expanded and nothing is fetched."""

from __future__ import annotations

import re

_HEAD = 4096
"""Bytes looked at for the root tag (an XML declaration and comments come first)."""
_ROOT = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]{0,200}\?>\s*)?"
    rb"(?:<!--.{0,1000}?-->\s*|<!DOCTYPE[^>\[]{0,300}>\s*)*<svg\b([^>]{0,2000})>",
    re.S,
)
_LENGTH = re.compile(rb"""\b(width|height)\s*=\s*["']\s*([0-9]+(?:\.[0-9]+)?)\s*(?:px)?\s*["']""")
_VIEWBOX = re.compile(
    rb"""\bviewBox\s*=\s*["']\s*-?[0-9.]+[\s,]+-?[0-9.]+[\s,]+([0-9.]+)[\s,]+([0-9.]+)\s*["']"""
)


def svg_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) of an SVG image, or ``None`` when ``data`` is not one (or says
    no size: lengths in other units than pixels, and no viewBox)."""
    m = _ROOT.match(data[:_HEAD])
    if m is None:
        return None
    attrs = m.group(1)
    sizes = {k.decode(): v for k, v in _LENGTH.findall(attrs)}
    try:
        if "width" in sizes and "height" in sizes:
            return round(float(sizes["width"])), round(float(sizes["height"]))
        box = _VIEWBOX.search(attrs)
        if box:
            return round(float(box.group(1))), round(float(box.group(2)))
    except ValueError:
        return None
    return None
