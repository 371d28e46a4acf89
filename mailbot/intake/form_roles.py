"""The people a change form names by its labels: a label that names a role within it
("Submitted by (Agency e-Ticket PoC): Lt. Amy Girard, agirard@town.vt.us", "Approved by
(Head of Department): Dana Roy, Chief of Police") gives that role's value as the role's
own label would; an approval line ("Authorized by:" over the signature "Dana Roy, Chief
of Police") gives the head, when the one who signs signs with a head's title."""

from __future__ import annotations

import re

from mailbot.intake.model import ParseResult
from mailbot.intake.parts import MessageParts
from mailbot.intake.rules import Rules

_POC = "point_of_contact.name"
_POC_EMAIL = "point_of_contact.email"
_HEAD = "head_of_department.name"
_SIGN_SPACE = 6
"""Lines below an approval label that may be left blank for the signature."""


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^\w#@.'’-]+", " ", text.lower()).split())


def _role_named(label: str, rules: Rules) -> str | None:
    """The role a form's label names in brackets ("Submitted by (Agency e-Ticket PoC)"),
    by the longest of the roles' own labels found there."""
    inside = re.search(r"\(([^()]*)\)", label)
    if inside is None:
        return None
    said = f" {_words(inside.group(1))} "
    best: tuple[int, str] | None = None
    for path in (_POC, _POC_EMAIL, _HEAD):
        for word in rules.labels.labels.get(path, []):
            w = _words(word)
            if w and f" {w} " in said and (best is None or len(w) > best[0]):
                best = (len(w), path)
    return best[1] if best else None


def _signs(label: str, rules: Rules) -> bool:
    """True when ``label`` is a form's approval line ("Authorized by", "Approved by")."""
    low = _words(label)
    return any(low == _words(w) for w in rules.labels.form_sections.signed)


def role_lines(text: str, rules: Rules) -> str:
    """The lines of ``text`` that name a role by their labels, written with the role's
    own label ("e-Ticket PoC: ...", "Head of Department: ..."): what the readers of an
    enrolment's labelled lines read."""
    from mailbot.intake.labelled_blocks import field_line

    own = {p: (rules.labels.labels.get(p) or [""])[0] for p in (_POC, _POC_EMAIL, _HEAD)}
    lines = text.split("\n")
    out: list[str] = []
    for i, line in enumerate(lines):
        m = field_line(line)
        if m is None:
            continue
        label, value = m.group(1).strip(), m.group(2).strip()
        role = _role_named(label, rules)
        if role is None and _signs(label, rules):
            role = _HEAD
            below = [x.strip() for x in lines[i + 1 : i + 1 + _SIGN_SPACE] if x.strip()]
            value = value or (below[0] if below else "")
        if role is not None and value:
            out.append(f"{own[role]}: {value}")
    return "\n".join(out)


def form_people(
    text: str, rules: Rules
) -> tuple[tuple[str | None, str | None], tuple[str | None, str | None]]:
    """((PoC name, email), (head name, title)) that ``text``'s labels name; the head
    only when he is named with a head's title."""
    from mailbot.intake.fields import read_fields
    from mailbot.intake.head_of_department import head_labelled, is_head_title
    from mailbot.intake.point_of_contact import point_of_contact

    lines = role_lines(text, rules)
    if not lines:
        return (None, None), (None, None)
    _values, labels = read_fields(lines, rules)
    contact: tuple[str | None, str | None] = (None, None)
    if _POC in labels or _POC_EMAIL in labels:
        said = point_of_contact(lines, rules, labels, [], (None, None), None, [])
        contact = (said.name, said.email)
    head = head_labelled((labels.get(_HEAD) or (0, ""))[1] or "", rules)
    if not (head[0] and is_head_title(head[1] or "", rules)):
        head = (None, None)
    return contact, head


def fill_from_forms(result: ParseResult, parts: MessageParts, rules: Rules) -> None:
    """Fill what ``result`` lacks of the judiciary code, the PoC and the head from the
    labelled fields of the forms attached (a PDF or Word form, a sheet of "Label |
    value" rows), as an enrolment form's labels fill them."""
    from mailbot.intake.attached_request import _is_form, _table_lines
    from mailbot.intake.change_documents import form_agency

    texts = [d.text for d in parts.documents]
    texts += ["\n".join(_table_lines(t)) for t in parts.tables if _is_form(t)]
    for text in texts:
        name, code = form_agency(text, rules)
        result.agency.name = result.agency.name or name
        result.agency.judiciary_code = result.agency.judiciary_code or code
        (poc, email), (head, title) = form_people(text, rules)
        contact = result.point_of_contact
        if not (contact.name or contact.email) and (poc or email):
            contact.name, contact.email = poc, email
        if not result.head_of_department.name and head:
            result.head_of_department.name = head
            result.head_of_department.title = title
