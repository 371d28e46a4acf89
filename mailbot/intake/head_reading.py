"""Who heads the agency: the name and title read from the whole message.

The sign-off first (its closing lines, then the tail, then "Chief Roy" signed under the
From header's "Tim Roy"), then what the writer says of the head ("on behalf of Chief
Beaudry", "Chief is Scott Tremblay", "Chief Ann Roy has designated me", "appointed Lt.
Ann Roy as Chief of Police", a label, a forwarder's note over the draft), then the
sender's own name; a short reply's signer is not thereby the head, and a name signed
short is written in full where the message gives it (not the roster's form of a name the
From header writes as he signs it).
"""

from __future__ import annotations

import re

from mailbot.intake import forwards
from mailbot.intake.head_acts import head_acting
from mailbot.intake.head_addressed import head_addressed
from mailbot.intake.head_in_text import head_by_title, head_named, head_on_behalf
from mailbot.intake.head_in_words import (
    head_spoken_of,
    head_titles,
    head_unnamed,
    sent_for_unnamed_head,
    title_before,
    title_of_writer,
    titled_in_headers,
    writer_named,
)
from mailbot.intake.head_of_department import (
    _signer,
    closing_lines,
    head_from_sender,
    head_in_tail,
    head_labelled,
    head_of_department,
    is_head_title,
)
from mailbot.intake.head_title_field import head_title_labelled, head_titled, title_in_roster
from mailbot.intake.list_remarks import without_nickname
from mailbot.intake.model import HeadOfDepartment, Officer
from mailbot.intake.names import fuller_name, name_in_full
from mailbot.intake.parts import MessageParts
from mailbot.intake.prose import Split, split_signature
from mailbot.intake.rules import Rules

_PERSON = re.compile(r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}")
"""A person's name as a sign-off writes it (not a line of prose, not a marked-up name)."""
_MAX_TITLE_WORDS = 4


def read_head(
    body: str,
    split: Split,
    parts: MessageParts,
    rules: Rules,
    *,
    addresses: list[tuple[str, str]],
    officers: list[Officer],
    labels: dict[str, tuple[int, str | None]],
    note: str | None,
    kind: str,
    is_reply: bool,
    agency_name: str | None,
    agency_values: list[str | None],
    signed: tuple[str | None, str | None] | None = None,
) -> tuple[str | None, str | None]:
    """The head of department's name and title (either may be None). ``signed`` is
    :func:`head_of_department` of the signature when the caller has it already."""
    hod_name, hod_title = signed or head_of_department(split.signature, rules)
    if hod_name is None:  # "Maria Lopez / Chief of Police" typed above a "--" signature
        hod_name, hod_title = head_of_department(closing_lines(body), rules)
    if hod_name is None:
        hod_name, hod_title = head_in_tail(split.signature, rules)
    if hod_name is None:
        hod_name, hod_title = head_in_tail(body, rules)
    if hod_name is None:  # "Chief Ann Roy | aroy@... | 802-..." among the people signing
        hod_name, hod_title = head_among_signers(split.signature, rules)
    elif not is_head_title(hod_title or "", rules):
        # an office manager's cover note under the Sheriff's attached letter ("Dean Dupuis
        # / Sheriff" closing it): the one who signs the letter as head
        signed = head_in_tail(body, rules)
        title = signed[1] or ""
        if (
            _PERSON.fullmatch(signed[0] or "")
            and len(title.split()) <= _MAX_TITLE_WORDS
            and is_head_title(title, rules)
        ):
            hod_name, hod_title = signed
    if hod_name is None:  # "Chief Ouellette" signed, "Tim Ouellette" in the From header
        sender = head_from_sender(parts.sender_name, rules)[0]
        hod_name, hod_title = signed_by_surname(
            f"{split.signature}\n{closing_lines(body)}", sender, rules
        )
    if not is_head_title(hod_title or "", rules):
        # an assistant's or the PoC's cover note over the chief's attached, signed letter:
        # the letter's signer (the writer signs as no head, or as one who serves him)
        letter = letter_signer(parts, rules, body)
        hod_name, hod_title = letter if letter[0] else (hod_name, hod_title)
    # "on behalf of Chief Beaudry" with "Beaudry, Harlan" copied: the people the headers
    # name on the sender's own domain
    colleagues = [
        head_from_sender(n, rules)[0] or ""
        for n, a in addresses
        if n and a.rpartition("@")[2].lower() == (parts.sender or "").rpartition("@")[2].lower()
    ]
    behalf = head_on_behalf(body, rules, colleagues, split.signature)
    if behalf[0] is None:  # "Point of contact is me, Sgt Ray Dumas. Chief is Scott Tremblay."
        behalf = head_named(body, rules)
    if behalf[0] is None:  # "Chief Ann Roy has designated me", "appointed Lt. Ann Roy as Chief"
        behalf = head_acting(body, rules)
    if behalf[0] is None and not (hod_title and is_head_title(hod_title, rules)):
        # "with Sheriff Quist's approval below" and Quist in the roster or the headers
        on_roster = [
            f"{o.first_name} {o.last_name}" for o in officers if o.first_name and o.last_name
        ]
        behalf = head_by_title(body, rules, [*colleagues, *on_roster], split.signature)
    if behalf[0] is None and note:  # "From: Chief Leonard Stell" over what staff forwards
        behalf = forwards.forwarded_head(parts, rules) or behalf
    labelled = head_labelled(labels.get("head_of_department.name", (0, ""))[1] or "", rules)
    if labelled[0] is not None and labelled[1] is None:  # "Head of Department title: ..."
        labelled = (labelled[0], head_title_labelled(body, rules))
    if labelled[0] is None:  # a form's "Sheriff: Trevor Quist"; a signature's "Chief of
        # Police: Jennifer Morrison" under the sergeant who signs
        labelled = head_titled(body, rules) or head_titled(split.signature, rules) or labelled
    if labelled[0] is not None:  # "Head of department: Director Anne Bouffard"
        behalf = labelled
    forwarder = forwards.note_head(note, parts.sender_name, rules) if note else None
    if forwarder is not None:  # "Approved. Please set us up." / "Chief Kroll" over the draft
        behalf = forwarder
    stated = False  # "Head of Department: Chief Phil Kasten": his name as set down for him
    if behalf[0] is not None:  # written for the head by someone else
        # "Director Whitmore asked me ..." over his own "Director of Police Services"
        # sign-off, "On behalf of Chief Keith Ashworth" over the letter he signs "Keith M.
        # Ashworth / Chief of Police": his name and title as he signs them
        signs = bool(hod_title) and fuller_name(behalf[0], hod_name, rules) == hod_name
        hod_name, hod_title = (hod_name, hod_title) if signs else behalf
        stated = not signs and len((behalf[0] or "").split()) >= 2
        if not signs:  # "Chief Ste. Marie asked me" with "Jacob Ste. Marie" in the headers
            hod_name = _in_full(hod_name, [head_from_sender(n, rules)[0] for n, _ in addresses])
    sent_for = behalf[0] is None and sent_for_unnamed_head(body, rules)
    if sent_for and not (hod_title and is_head_title(hod_title, rules)):
        hod_name = hod_title = None  # "the chief asked me to send this": not the writer
    if not is_head_title(hod_title or "", rules) and not (is_reply or sent_for or behalf[0]):
        # "im the chief, Kevin Roy" in a note signed with a nickname, "Pete Lavigne here,
        # chief for ..." over a roster change: the writer names himself as the head
        hod_name, hod_title = writer_named(body, rules) or (hod_name, hod_title)
    if hod_name is None and kind == "enrollment" and not is_reply and not sent_for:
        hod_name, hod_title = head_from_sender(parts.sender_name, rules)  # the From header
    if hod_name is None and hod_title is None and not (is_reply or sent_for or behalf[0]):
        # "THIS IS THE CHIEF AT BRADFORD PD" from the department's mailbox: the head, by
        # his title; his name is asked for
        hod_title = title_of_writer(body, rules)
    if hod_name and hod_title is None:  # "- Chief Olmstead" under the sender's full name
        hod_title = title_before(hod_name, body + "\n" + split.signature, rules)
    if hod_name and hod_title is None:  # "Robert Hale" / "Chief of Police" over a forward
        hod_title = title_signed_with(hod_name, body + "\n" + split.signature, rules)
    if hod_name and hod_title is None and behalf[0] is None:  # "I'm the chief of ..."
        hod_title = title_of_writer(body, rules)
    if hod_name and hod_title is None:  # the head's own row in the roster
        hod_title = title_in_roster(hod_name, officers, rules)
    if behalf[0] is None and (
        hod_name is None or not (hod_title and is_head_title(hod_title, rules))
    ):
        # a sergeant, or a writer with no title, who signs for "the Chief" (who "has
        # signed off"): the head is the Chief, by title only; his name is asked for
        unnamed = head_unnamed(body, rules)
        if unnamed is not None:
            # "Chief wants this sent to you directly" over the chain his own note is in,
            # "From: Chief Ray Goodrich <...>": the one the headers name with that title
            hod_name, hod_title = None, unnamed
            hod_name = titled_in_headers(unnamed, addresses, rules) or hod_name
        elif head_spoken_of(body, rules):  # "the Chief is out until next week": unnamed,
            hod_name = hod_title = None  # and no part in the request to give him his title
    # a reply that sends the request again names the agency above its sign-off
    closing = closing_lines(body)
    above = body[: body.rfind(closing)] if closing else body
    name = agency_name
    resent = name is not None and name in above and any(agency_values)
    addressed: tuple[str | None, str | None] = (None, None)
    if is_reply and behalf[0] is None and not is_head_title(hod_title or "", rules):
        # the one whose request the reply answers for ("Chief Hanley's original email")
        addressed = head_addressed(body, parts, rules) if kind == "enrollment" else addressed
    if addressed[0] is not None:
        hod_name, hod_title = addressed
    elif (
        is_reply and behalf[0] is None and not resent and not is_head_title(hod_title or "", rules)
    ):
        # whoever signs a short answer to the checklist is not thereby the head (unless
        # he signs as the head; a reply that sends the whole request again is read whole)
        hod_name = hod_title = None
    # "Bob Haskins" signed, "Robert Haskins" in the From header or the roster
    sender = head_from_sender(parts.sender_name, rules)[0]
    others = [n for n in (sender,) if n]
    # a roster cell writes the first name in full ("Robert" for "Bob"), but the middle
    # initial it adds is not how the head writes his name ("Ellen M. Drury" in the roster,
    # "Ellen Drury" signed)
    # (not when the From header writes his name as he signs it, "Walt Kessler" both:
    # the roster's "Walter" is the record's form, his own is the one he gives)
    as_sent = bool(sender and hod_name) and (sender or "").casefold() == (hod_name or "").casefold()
    # (nor when the message names him in full for the field: "I am sending this for Chief
    # Josh Elliott" over a roster's "Joshua": the name it gives is the one to use)
    as_sent = as_sent or stated
    others += [
        f"{o.first_name} {o.last_name}"
        for o in officers
        if o.first_name and o.last_name and not as_sent and not _adds_middle(hod_name, o.first_name)
    ]
    hod_name = name_in_full(hod_name and without_nickname(hod_name, rules), others, body, rules)
    hod_name = _in_name_order(hod_name, others)
    if hod_name is None and hod_title is None:
        # "Chief Tkaczyk asked me to mention ...", his name in full nowhere: as written
        hod_name, hod_title = head_on_behalf(body, rules, by_surname=True)
    return _as_introduced(hod_name, body, rules), hod_title


def title_signed_with(name: str, text: str, rules: Rules) -> str | None:
    """The head title the head signs under his name in full wherever the message has it:
    on the line below ("Robert Hale" / "Chief of Police" closing a note above the request
    he forwards) or after it on one line, as a flattened HTML signature writes it."""
    if len(name.split()) < 2:
        return None
    lines = [ln.strip() for ln in text.split("\n")]
    for n, line in enumerate(lines[:-1]):
        if line == name:
            title = head_of_department(f"{line}\n{lines[n + 1]}", rules)[1]
            if title and is_head_title(title, rules):
                return title
    for m in re.finditer(rf"(?<![\w'’-]){re.escape(name)}(?![\w'’-])", text):
        inline = head_in_tail(text[m.start() : m.end() + _INLINE_REACH], rules)
        if inline[0] == name and inline[1] and is_head_title(inline[1], rules):
            return inline[1]
    return None


_INLINE_REACH = 40
"""How far after the head's name a title on the same line is looked for."""


def signed_by_surname(text: str, sender: str | None, rules: Rules) -> tuple[str | None, str | None]:
    """(name, title) of a signer who signs with a head title and his last name alone
    ("Chief Ouellette" on its own line) when the From header's person has that last name
    ("Tim Ouellette"): his name in full as the header writes it, his title as he signs."""
    words = (sender or "").split()
    if len(words) < 2:
        return None, None
    titles, _ = head_titles(rules)
    for line in text.split("\n"):
        line = line.strip().lstrip("-–—~ ").rstrip(" .,")
        low = line.lower()
        for title in titles:
            if low.startswith(title.lower() + " ") and low[len(title) :].strip() == (
                words[-1].lower()
            ):
                return " ".join(words), title
    return None, None


def head_as_signed(now: HeadOfDepartment, then: HeadOfDepartment, rules: Rules) -> bool:
    """The head named now by a short form ("Per Chief Roy", "Bill Roy" in the headers) as
    he signed the earlier request ``then`` ("William Roy" / "Chief of Police"): the same
    person, his name and his title as he wrote them there; True when changed."""
    if not (now.name and then.name) or now.name == then.name:
        return False
    if _more_said(now, then, rules):
        # "Walter Pierce, Constable" his row in the roster he sends now, "Walt Pierce" /
        # "First Constable" the request he signed: the head as he signed it
        now.name, now.title = then.name, then.title
        return True
    if fuller_name(now.name, then.name, rules) != then.name:
        return False
    now.name = then.name
    title, full = (now.title or "").lower().split(), (then.title or "").lower().split()
    if then.title and full[: len(title)] == title:
        now.title = then.title  # "Chief" said of him, "Chief of Police" signed
    return True


def _more_said(now: HeadOfDepartment, then: HeadOfDepartment, rules: Rules) -> bool:
    """True when ``then`` names the same head as ``now`` by a short form of his name, with
    a head title that says more than ``now``'s ("First Constable" over "Constable")."""
    if not (now.name and then.name and now.title and then.title):
        return False
    said, more = now.title.lower().split(), then.title.lower().split()
    return (
        fuller_name(then.name, now.name, rules) == now.name
        and len(more) > len(said)
        and more[-len(said) :] == said
        and is_head_title(then.title, rules)
    )


def letter_signer(
    parts: MessageParts, rules: Rules, cover: str = ""
) -> tuple[str | None, str | None]:
    """(name, title) of who signs the attached letter as head (the letter read as the
    request, else an attached document that ends in a sign-off), or (None, None). A
    signer whose title names no head is the head when the ``cover`` note sends the letter
    as his ("the participation letter from Chief Investigator Moulton")."""
    letters = [parts.letter] if parts.letter else [d.text for d in parts.documents]
    for text in letters:
        signed = head_of_department(split_signature(text, rules).signature, rules)
        if signed[0] is None:  # a memo closed by "Gregory Sheehan, Chief of Police" alone
            signed = head_in_tail(text, rules)
        if signed[0] and (
            is_head_title(signed[1] or "", rules) or _sent_as_his(signed, cover, rules)
        ):
            return signed
    return None, None


def _sent_as_his(signed: tuple[str | None, str | None], cover: str, rules: Rules) -> bool:
    """Whether the cover note calls the letter the signer's, by his title and last name
    ("letter from Chief Investigator Moulton")."""
    name, title = signed
    words = rules.language.people.head_letter_words
    if not name or not title or len(name.split()) < 2 or not words:
        return False
    paper = "|".join(re.escape(w) for w in words)
    who = rf"{re.escape(title)}\s+(?:{re.escape(name)}|{re.escape(name.split()[-1])})\b"
    said = rf"\b(?:{paper})\b[^.\n]{{0,40}}?\bfrom\s+{who}"
    return re.search(said, cover, re.I) is not None


def _as_introduced(name: str | None, body: str, rules: Rules) -> str | None:
    """``name`` as the writer introduces himself ("My name is Ann Roy" over "Sheriff Ann
    L. Roy" signed): without the middle initial he leaves out there."""
    words = (name or "").split()
    if len(words) != 3 or len(words[1].rstrip(".")) != 1:
        return name
    short = f"{words[0]} {words[2]}"
    intro = "|".join(re.escape(w) for w in rules.language.people.introductions)
    if intro and re.search(rf"(?i:\b(?:{intro}))[ \t]+{re.escape(short)}\b", body):
        return short
    return name


def _in_name_order(name: str | None, others: list[str]) -> str | None:
    """``name`` read from a "Last First" row ("Kingsley Dale Chief") as the roster or the
    From header orders it ("Dale Kingsley"): the same two words the other way round."""
    words = (name or "").split()
    if len(words) != 2 or any(o.casefold() == (name or "").casefold() for o in others):
        return name
    swapped = f"{words[1]} {words[0]}".casefold()
    return next((o for o in others if o.casefold() == swapped), name)


def _adds_middle(name: str | None, first: str) -> bool:
    """True when a roster's first name cell is ``name``'s first name with middle words."""
    words = first.split()
    return bool(name) and len(words) > 1 and words[0] == (name or "").split()[0]


def _in_full(surname: str | None, names: list[str | None]) -> str | None:
    """The one name of ``names`` (the headers' people) that ends in ``surname`` with more
    words before it ("Jacob Ste. Marie" for "Ste. Marie"), else ``surname``."""
    if not surname:
        return surname
    tail = " " + " ".join(surname.split()).casefold()
    full = {
        " ".join(n.split())
        for n in names
        if n
        and (" " + " ".join(n.split())).casefold().endswith(tail)
        and len(n.split()) > len(surname.split())
    }
    return full.pop() if len(full) == 1 else surname


_CELLS = re.compile(r"[|\t]")
_CONTACT_CELL = re.compile(r"@|\d{3}\D{0,2}\d{3}\D?\d{4}")


def head_among_signers(signature: str, rules: Rules) -> tuple[str | None, str | None]:
    """The head where a signature lists several people a line each, each with his
    address or phone ("Chief Ann Roy | aroy@... | 802-555-0101" / "Lt. Bo Lee, Operations
    | blee@..."): the first one who signs with a head's title; else (None, None)."""
    for line in signature.split("\n")[:_SIGNER_LINES]:
        cells = [c.strip() for c in _CELLS.split(line.strip())]
        if len(cells) < 2 or not any(_CONTACT_CELL.search(c) for c in cells[1:]):
            continue
        found = _signer(cells[0], "", rules)
        if found is not None and found[1] and is_head_title(found[1], rules):
            return found
    return None, None


_SIGNER_LINES = 12
"""Lines of a signature looked at for its people."""
