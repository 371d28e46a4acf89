"""The Point-of-Contact given under the sign-off of a request: labelled ("e-Ticket
contact:" then "Renee Gagnon, Administrative Assistant" and her address), or as the
signer's own title ("Lt. Mark Dufresne" / "e-Ticket Point of Contact", "Admin Assistant
/ e-ticket PoC"). The body names no PoC; the signature does."""

from __future__ import annotations

import re

from mailbot.intake.fields import labelled
from mailbot.intake.head_of_department import head_from_sender
from mailbot.intake.names import fuller_name
from mailbot.intake.person_name import name_key, person_name
from mailbot.intake.poc_plain_words import as_eticket
from mailbot.intake.point_of_contact import Contact, point_of_contact
from mailbot.intake.rules import Rules
from mailbot.intake.signer_role import block_signer

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
    mailbox_is_writers: bool = False,
) -> Contact:
    """The PoC labelled under the sign-off, read as a labelled PoC in the body is, or
    the signer whose title says he is the PoC (with the sender's address when the From
    display name is his, or, ``mailbox_is_writers``, names no person)."""
    found = labelled(signature, rules)
    poc = {k: v for k, v in found.items() if k.startswith("point_of_contact.")}
    lines = signature.split("\n")
    if "point_of_contact.name" in poc:
        at, value = poc["point_of_contact.name"]
        if value or lines[at].rstrip().endswith((":", "-")):
            # "e-Ticket contact: Renee Gagnon", or the label alone and her name below it
            return point_of_contact(signature, rules, poc, addresses, sender)
    return _signer_titled(lines, rules, addresses, sender, mailbox_is_writers)


def _signer_titled(
    lines: list[str],
    rules: Rules,
    addresses: list[tuple[str, str]],
    sender: tuple[str | None, str | None],
    mailbox_is_writers: bool = False,
) -> Contact:
    """The signer (the signature's first line) when a title line under the name says
    "e-ticket PoC" ("Lt. Ben Gagne" / "Essex Police Dept / e-ticket PoC")."""
    # the name is the first line with words: a "--" or "___" rule over it is no name
    filled = [(i, ln) for i, ln in enumerate(lines) if ln.strip()]
    while filled and not any(c.isalpha() for c in filled[0][1]):
        filled.pop(0)
    if not filled:
        return Contact()
    at, first = filled[0]
    titles = [ln for _, ln in filled[1 : 1 + _TITLE_LINES] if _role_line(ln, rules)]
    named, comma, role = first.partition(",")
    if comma and _role_line(role, rules) and person_name(named, rules):
        # "Cpl. Jess Amidon, e-ticket PoC": the title on the name's own line
        first, titles = named, [role]
    name = person_name(first, rules) if titles and len(first) <= 60 else None
    if name is None or len(name.split()) < 2:
        # "Dana" signed short, then "--" and "Dana Moss" / "Corporal / e-Ticket PoC":
        # the role line's own block names the signer
        roles = [i for i, ln in filled if _role_line(ln, rules)]
        signer = block_signer(lines, roles[0], rules) if roles else None
        if signer is None:
            return Contact()
        (at, name), titles = signer, [lines[roles[0]]]
    for line in titles:
        # "TraCS questions: our e-ticket PoC is Jane Roe": the line names someone else,
        # not the signer's role (staff decide)
        said = point_of_contact(line, rules, {}, addresses, (None, None)).name
        other = head_from_sender(said, rules)[0]  # a person, not "Brattleboro PD"
        if other and name_key(other, rules) != name_key(name, rules):
            return Contact()
    contact = point_of_contact(
        "\n".join(lines), rules, {"point_of_contact.name": (at, name)}, addresses, sender
    )
    owner = head_from_sender(sender[0], rules)[0]
    # "Dan Moss" signed, "Moss, Daniel" in the From header: the same man
    own = name_key(name, rules) == name_key(sender[0] or "", rules) or (
        owner is not None and fuller_name(name, owner, rules) == owner
    )
    if sender[1] and (own or (mailbox_is_writers and owner is None)):
        # the signer's own title: the sender's address (a mailbox named for the office,
        # or for no one, is the writer's who signs)
        contact.email = sender[1].lower()
    return contact


def _role_line(line: str, rules: Rules) -> bool:
    """A title line that says "e-ticket PoC" ("Corporal / e-Ticket PoC", "Sgt. | TraCS
    PoC", "Records Supervisor, e-ticket point of contact"), not a sentence."""
    return (
        len(line) <= _MAX_TITLE
        and _POC_TITLE.search(as_eticket(line, rules)) is not None  # "TraCS Coordinator" too
        and not line.rstrip().endswith(".")
    )
