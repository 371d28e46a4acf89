"""How a reply is read apart from a new request: whether it is one, where its signer's
own lines start, what it answers of a checklist, and which of its values it sends.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from mailbot.intake import candidates, fields, prose
from mailbot.intake.model import ParseResult
from mailbot.intake.parts import MessageParts
from mailbot.intake.point_of_contact import point_of_contact
from mailbot.intake.rules import Rules
from mailbot.intake.spaced_rows import NUMBER

_REPLY_SUBJECT = re.compile(r"^\s*(?:re|aw|sv)\s*:", re.I)


def answers_checklist(
    body: str, rules: Rules, labels: dict[str, tuple[int, str | None]], parts: MessageParts
) -> bool:
    """A reply that gives a postal address or a judiciary code in a sentence ("Here's our
    address - 210 Cross Street, Chester, VT 05143"), or names the Point-of-Contact, answers
    the checklist of an enrolment."""
    # "0417" alone over the desk's "Can you send the 4-digit judiciary code?"
    asked = candidates.desk_asked(parts, rules)
    found = candidates.find(
        [candidates.Source("text", body, asked)], rules, frozenset({"addresses", "codes"})
    )
    if found.addresses or found.codes:
        return True
    contact = point_of_contact(body, rules, labels, [], (parts.sender_name, parts.sender))
    return contact.name is not None and contact.email is not None


# A line that names someone by his officer number and tells a value after a colon
# ("Dana Reyes, R0412: was dreyes, now dana.reyes"): an item of a list, not a sign-off
_ITEM = re.compile(r"^[^:\n]{3,60}?[A-Za-z]*\d[\w-]*\)?[ \t]*:[ \t]*\S")

_WORD = re.compile(r"[A-Za-z'’-]{2,}")
_CELL_MARK = re.compile(r"[|,;\t]")
_SIGNER_TAIL = 12
_NAME_LINE = re.compile(r"[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){1,2}")
"""A line that is a person's name alone, as signed over his title."""
"""How many last lines of a reply are looked at for the sender's own name."""


def cut_at_signer(split: prose.Split, sender_name: str | None) -> prose.Split:
    """A reply signed without a sign-off word ("Got it, thank you!" then "Kim Rowell",
    her title, the agency's address): the signature starts at the sender's own name, or
    at the name signed alone over it when the From header gives a role ("Town Clerk")."""
    words = [w.lower() for w in _WORD.findall(sender_name or "")]
    if len(words) < 2:
        return split
    lines = split.body.rstrip("\n").split("\n")
    for i in range(len(lines) - 1, max(0, len(lines) - _SIGNER_TAIL), -1):
        first = _CELL_MARK.split(lines[i], maxsplit=1)[0]
        said = _WORD.findall(first.lower())
        if (
            len(first) <= 60
            and 2 <= len(said) <= 4
            and set(words) <= set(said)
            and not _ITEM.match(lines[i])
            and not _roster_row(lines, i)
        ):
            if len(said) > len(words) and _signed_above(lines, i):
                i -= 1  # "Marjorie Keel" over "Town Clerk / e-Ticket PoC": a role in From
            signature = "\n".join(lines[i:]) + ("\n" + split.signature if split.signature else "")
            return prose.Split(body="\n".join(lines[:i]) + "\n", signature=signature)
    return split


def _roster_row(lines: list[str], at: int) -> bool:
    """True when the line at ``at`` is a row of a roster laid out with blanks ("Sgt. Ann
    Roy   21T02   aroy" between "Chief ..." and "Ofc. ..."): it and a line next to it each
    hold an officer number. A sign-off holds none, or holds it alone."""

    def numbered(n: int) -> bool:
        return 0 <= n < len(lines) and any(NUMBER.match(w.lstrip("#")) for w in lines[n].split())

    return numbered(at) and (numbered(at - 1) or numbered(at + 1))


def _signed_above(lines: list[str], at: int) -> bool:
    """True when the line above ``at`` is a name alone, set apart from the text above."""
    return (
        at >= 1
        and _NAME_LINE.fullmatch(lines[at - 1].strip()) is not None
        and (at < 2 or not lines[at - 2].strip())
    )


_AGENCY_VALUES = ("agency.judiciary_code", "agency.phone", "agency.address")


def values_above_signer(
    body: str, split: prose.Split, parts: MessageParts, rules: Rules, found: list[str | None]
) -> int:
    """How many agency values the message gives, not counting the address and phone
    under the sender's own name at its end (a signature without a sign-off word: "Let me
    know if you need anything" then "Heather Pelkey", her title, the office's address)."""
    given = sum(1 for v in found if v)
    if given < 2 or is_reply(parts):
        return given
    signed = cut_at_signer(split, parts.sender_name)
    if signed.body == split.body:
        return given
    above, _ = fields.read_fields(signed.body, rules)
    return sum(1 for p in _AGENCY_VALUES if above.get(p))


def quotes_someone_else(quoted: str) -> bool:
    """True when quoted text is there and is not the desk's own message (whose roster,
    if any, is what DPS already has)."""
    return bool(quoted.strip()) and "dps.eticket" not in quoted[:2000].lower()


_QUOTE_MARKS = re.compile(r"^[ \t]*(?:>[ \t]?)+", re.M)
_SENT_ON = ("agency.judiciary_code", "agency.address", "agency.phone")


def with_quoted_values(
    values: dict[str, str | None], quoted: str, rules: Rules
) -> dict[str, str | None]:
    """``values`` with the agency's code, address and phone that its own text does not
    give taken from the message it sends on (a colleague's, quoted under it)."""
    if all(values.get(path) for path in _SENT_ON):
        return values
    sent_on, _ = fields.read_fields(unquote(quoted), rules)
    return values | {p: sent_on[p] for p in _SENT_ON if not values.get(p) and sent_on.get(p)}


def unquote(text: str) -> str:
    """Quoted text without its "> " marks."""
    return _QUOTE_MARKS.sub("", text)


def is_reply(parts: MessageParts) -> bool:
    return parts.in_reply_to is not None or bool(_REPLY_SUBJECT.match(parts.subject))


def keep_labelled(result: ParseResult, labels: Mapping[str, object]) -> None:
    """Clear the agency and contact values of ``result`` that no label gave."""
    for group in ("agency", "head_of_department", "point_of_contact"):
        model = getattr(result, group)
        for name in type(model).model_fields:
            if name != "logo" and f"{group}.{name}" not in labels:
                setattr(model, name, None)
