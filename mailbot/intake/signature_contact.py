"""The Point-of-Contact given under the sign-off of a request: labelled ("e-Ticket
contact:" then "Renee Gagnon, Administrative Assistant" and her address), or as the
signer's own title ("Lt. Mark Dufresne" / "e-Ticket Point of Contact", "Admin Assistant
/ e-ticket PoC"). The body names no PoC; the signature does."""

from __future__ import annotations

import re

from mailbot.intake.fields import labelled
from mailbot.intake.person_name import name_key, person_name
from mailbot.intake.point_of_contact import Contact, point_of_contact
from mailbot.intake.rules import Rules

_POC_TITLE = re.compile(
    r"(?<![\w-])(?:e-?ticket(?:ing)?\s+)?(?:point[- ]of[- ]contact|PoC)(?![\w-])"
    r"|(?<![\w-])e-?ticket(?:ing)?\s+(?:contact|coordinator|liaison)(?![\w-])",
    re.I,
)
_TITLE_LINES = 4
"""How many lines under the signer's name a title saying "PoC" is looked for in."""
_MAX_TITLE = 80


def contact_in_signature(
    signature: str,
    rules: Rules,
    addresses: list[tuple[str, str]],
    sender: tuple[str | None, str | None],
) -> Contact:
    """The PoC labelled under the sign-off, read as a labelled PoC in the body is, or
    the signer whose title says he is the PoC."""
    found = labelled(signature, rules)
    poc = {k: v for k, v in found.items() if k.startswith("point_of_contact.")}
    lines = signature.split("\n")
    if "point_of_contact.name" in poc:
        at, value = poc["point_of_contact.name"]
        if value or lines[at].rstrip().endswith((":", "-")):
            # "e-Ticket contact: Renee Gagnon", or the label alone and her name below it
            return point_of_contact(signature, rules, poc, addresses, sender)
    return _signer_titled(lines, rules, addresses, sender)


def _signer_titled(
    lines: list[str],
    rules: Rules,
    addresses: list[tuple[str, str]],
    sender: tuple[str | None, str | None],
) -> Contact:
    """The signer (the signature's first line) when a title line under the name says
    "e-ticket PoC" ("Lt. Ben Gagne" / "Essex Police Dept / e-ticket PoC")."""
    filled = [(i, ln) for i, ln in enumerate(lines) if ln.strip()]
    if not filled:
        return Contact()
    at, first = filled[0]
    titled = any(
        len(ln) <= _MAX_TITLE and _POC_TITLE.search(ln) and not ln.rstrip().endswith(".")
        for _, ln in filled[1 : 1 + _TITLE_LINES]
    )
    name = person_name(first, rules) if titled and len(first) <= 60 else None
    if name is None or len(name.split()) < 2:
        return Contact()
    contact = point_of_contact(
        "\n".join(lines), rules, {"point_of_contact.name": (at, name)}, addresses, sender
    )
    if sender[1] and name_key(name, rules) == name_key(sender[0] or "", rules):
        contact.email = sender[1].lower()  # the signer's own title: the sender's address
    return contact
