"""Where a message speaks of the e-ticket Point-of-Contact ("Point-of-Contact", "PoC",
"myself", "I'll be the contact"): the only stretches :mod:`point_of_contact` reads for a
designation."""

from __future__ import annotations

import re

_POC_ANCHOR = re.compile(
    r"point[- \n]of[- \n]contact|point[ \n]person\b|\bPoC\b|\bmyself\b"
    r"|e-?ticket(?:ing)?[ \n](?:contact|coordinator|liaison)\b"
    r"|contact[ \n](?:person[ \n])?(?:for|on)[ \n](?:the[ \n]|our[ \n])?e-?ticket"
    r"|\bI(?:['’]?ll|[ \n]will|[ \n]am|['’]?m)[ \n]be[ \n](?:the|your|our)[ \n]contact\b"
    # "I'm the contact for this", "Im also the contact" (typed on a phone)
    r"|\bI(?:['’]?m|[ \n]am)[ \n](?:also[ \n])?(?:the|your|our)[ \n]contact\b"
    # "Lt. Ann Roy (aroy@...) is our contact for this"
    r"|\bis[ \n](?:the|our)[ \n](?:main[ \n]|primary[ \n])?contact\b"
    r"|will[ \n]coordinate\b|be[ \n](?:the|our)[ \n](?:main[ \n]|primary[ \n])?contact\b"
    r"|\band[ \n]the[ \n]contact[ \n]person\b"  # "I'd be the only user and the contact person"
    # "put me down as the contact person", "contact person - that's me"
    r"|\bme[ \n](?:down[ \n])?as[ \n](?:the|your|our)[ \n](?:main[ \n]|primary[ \n])?contact\b"
    r"|\bcontact[ \n]person(?:[^\w\n.]{1,3}(?:that|it|this)|[ \n](?:will[ \n]be|is)[ \n]me)\b",
    re.I,
)


_BEFORE, _AFTER = 300, 400
"""How much text around each mention of the PoC the designation patterns read."""


_POC_ANCHOR_LOWER = re.compile(
    r"point[- \n]of[- \n]contact|point[ \n]person\b|poc\b|myself\b"
    r"|e-?ticket(?:ing)?[ \n](?:contact|coordinator|liaison)\b"
    r"|contact[ \n](?:person[ \n])?(?:for|on)[ \n](?:the[ \n]|our[ \n])?e-?ticket"
    r"|\bi(?:['’]?ll|[ \n]will|[ \n]am|['’]?m)[ \n]be[ \n](?:the|your|our)[ \n]contact\b"
    r"|\bi(?:['’]?m|[ \n]am)[ \n](?:also[ \n])?(?:the|your|our)[ \n]contact\b"
    r"|\bis[ \n](?:the|our)[ \n](?:main[ \n]|primary[ \n])?contact\b"
    r"|will[ \n]coordinate\b|be[ \n](?:the|our)[ \n](?:main[ \n]|primary[ \n])?contact\b"
    r"|\band[ \n]the[ \n]contact[ \n]person\b"
    r"|\bme[ \n](?:down[ \n])?as[ \n](?:the|your|our)[ \n](?:main[ \n]|primary[ \n])?contact\b"
    r"|\bcontact[ \n]person(?:[^\w\n.]{1,3}(?:that|it|this)|[ \n](?:will[ \n]be|is)[ \n]me)\b"
)


def _poc_anchors(text: str) -> list[tuple[int, int]]:
    """The spans of :data:`_POC_ANCHOR` in ``text`` (ASCII text searched lower-cased)."""
    if not text.isascii():
        return [m.span() for m in _POC_ANCHOR.finditer(text)]
    low = text.lower()
    out = []
    for m in _POC_ANCHOR_LOWER.finditer(low):
        i, end = m.span()
        before = low[i - 1] if i else " "
        if low.startswith(("poc", "myself"), i) and (before.isalnum() or before == "_"):
            continue  # "PoC" and "myself" (not the other words) need a \b before
        out.append((i, end))
    return out


def names_contact(text: str) -> bool:
    """True when ``text`` speaks of the e-ticket Point-of-Contact at all."""
    return bool(_poc_anchors(text))


def _near_poc_words(text: str) -> str:
    """The stretches of ``text`` around each "PoC" / "myself", blanks folded: the only
    places a designation can be (the name patterns never scan a whole body)."""
    spans: list[list[int]] = []
    for m_start, m_end in _poc_anchors(text):
        start, end = max(0, m_start - _BEFORE), m_end + _AFTER
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    return " ¶ ".join(" ".join(text[a:b].split()) for a, b in spans)
