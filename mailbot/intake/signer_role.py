"""Whose a signature's role line is: the person named at the top of its block ("Dana Moss"
over "Corporal / e-Ticket PoC", "Sgt. Ray Dumas" over "Riverbend Police Department"
over "e-ticket PoC"), not a first name signed short above the block ("Dana", then a "--"
rule), nor the agency's line between the name and the role.

A label alone on its line ("e-Ticket Point of Contact") under a person's name and over no
person's name is such a role line, not a label whose value is the next line.

Also the person the From header names, unless it names an office, and the people the
To/Cc headers name."""

from __future__ import annotations

from collections.abc import Sequence

from mailbot.intake.fields import _next_value
from mailbot.intake.head_of_department import head_from_sender
from mailbot.intake.prose import rank_title
from mailbot.intake.rules import Rules

ROLE_REACH = 4
"""How many lines above a role line, in its block, the signer's name is looked for in."""


def block_signer(lines: list[str], at: int, rules: Rules) -> tuple[int, str] | None:
    """(line index, name) of the person whose signature block holds the role line
    ``lines[at]``: the first line of the block above it that names a person in full (a
    blank line or a "--" rule ends the block); ``None`` when none does."""
    start = at
    while start > 0 and at - start < ROLE_REACH:
        above = lines[start - 1]
        if not above.strip() or not any(c.isalpha() for c in above):
            break
        start -= 1
    for i in range(start, at):
        name = _person(lines[i], rules)
        if name is not None:
            return i, name
    return None


def title_not_label(lines: list[str], at: int, rules: Rules) -> bool:
    """True when the PoC label written alone on line ``at`` (no ":" after it) is the
    signer's role: a line of its block above names a person, the next line names none
    ("Sgt. Dan Moss" / "e-Ticket Point of Contact" / "Riverbend Police Department";
    "Kate Roy" / "Essex Police Department" / "e-Ticket Point of Contact" / a phone)."""
    if at <= 0 or lines[at].rstrip().endswith((":", "-")):
        return False
    if block_signer(lines, at, rules) is None:
        return False
    below = next((ln for ln in lines[at + 1 : at + 3] if ln.strip()), "")
    return _person(below, rules) is None


def _person(line: str, rules: Rules) -> str | None:
    """The person a line names in full ("Lt. Ann Tate"), not a job ("Support Services
    Lieutenant") nor an agency."""
    if len(line) > 60:
        return None
    name = head_from_sender(line.strip(), rules)[0]
    if name is None or len(name.split()) < 2:
        return None
    if any(rank_title(w, rules) is not None for w in name.split()):
        return None
    return name


def header_people(addresses: Sequence[tuple[str, str]], rules: Rules) -> list[str]:
    """The people the To/Cc headers name ("Roy, Ann <aroy@...>")."""
    people = (head_from_sender(name, rules)[0] for name, _ in addresses)
    return [p for p in people if p]


def _office_mailbox(name: str, address: str | None, rules: Rules) -> bool:
    """ "Elmore Constable <constable@elmorevt.gov>": a rank after the words of the town the
    sender's domain is named for names the office, not a person of that surname."""
    words = name.split()
    domain = (address or "").rpartition("@")[2].lower().rpartition(".")[0]
    return (
        len(words) >= 2
        and bool(domain)
        and rank_title(words[-1], rules) is not None
        and all(len(w) >= 3 and w.lower() in domain for w in words[:-1])
    )


def sender_person(
    display: str | None,
    labels: dict[str, tuple[int, str | None]],
    lines: list[str],
    rules: Rules,
    address: str | None = None,
) -> str | None:
    """The person the From display name names, unless it names an office: the town's
    mailbox (:func:`_office_mailbox`), or the words of the agency's own labelled name (a
    mailbox called "Wolcott Constable" is the office, not the constable, also for the
    agency "Town of Wolcott Constable")."""
    name = head_from_sender(display, rules)[0]
    if name is not None and _office_mailbox(name, address, rules):
        return None
    if name is None or "agency.name" not in labels:
        return name
    i, value = labels["agency.name"]
    agency = (value if value is not None else _next_value(lines, i)) or ""
    return None if set(name.lower().split()) <= set(agency.lower().split()) else name
