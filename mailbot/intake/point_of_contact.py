"""The e-ticket Point-of-Contact: who is designated ("I have designated Sgt. Kyle Brennan
as the e-ticket Point-of-Contact", "I will be the PoC myself") and their address.

Pure functions over the text of a message; only the stretches around the words
"Point-of-Contact", "PoC" and "myself" are searched for a designation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from mailbot.intake.fields import _EMAIL, _next_value
from mailbot.intake.head_of_department import head_from_sender, is_agency_or_title
from mailbot.intake.list_remarks import without_nickname
from mailbot.intake.names import by_last_name, fuller_name, in_persons_place, short_form_of
from mailbot.intake.person_name import SAINT_ABBREVIATIONS, name_key, person_name
from mailbot.intake.poc_anchors import _near_poc_words, names_contact
from mailbot.intake.poc_by_rank import one_of_rank, rank_of_role, role_is_head, role_made_poc
from mailbot.intake.poc_email import (
    COPIED,
    SENTENCE_END,
    _said_copied,
    _said_later,
    _same_domain,
    in_same_sentence,
    own_address_later,
)
from mailbot.intake.poc_plain_words import (
    as_eticket,
    poc_words_respelled,
    ranks_capitalised,
    unqualified,
    unquoted_poc_words,
)
from mailbot.intake.poc_wording import (
    _CAP_RUN,
    _POC_BARE_NAMED,
    _POC_COORDINATES,
    _POC_DESIGNATED,
    _POC_FIRST_NAME,
    _POC_IS_NAMED,
    _POC_LIKE,
    _POC_MADE,
    _POC_PRONOUN,
    _POC_ROLE_FIRST,
    _POC_TERSE,
    _POC_THAT,
    _POC_WILL_ACT,
    _POC_WILL_BE,
    _POC_YOU,
    _SELF_POC,
    _WHOSE,
    _referent,
    duty_named,
    nearest_designation,
    ranked_people,
    self_introduced,
)
from mailbot.intake.prose import rank_title
from mailbot.intake.rules import Rules, per_rules
from mailbot.intake.signer_role import header_people, sender_person, title_not_label
from mailbot.intake.word_lists import may_hold

_POC_SAID = ("poc", "contact", "point person", "coordinat", "liaison")
_NAME_END = re.compile(r"[,(<;]|\s[-–]\s|\b(?:at|of|from|with)\b")


@dataclass
class Contact:
    name: str | None = None
    email: str | None = None


def point_of_contact(
    text: str,
    rules: Rules,
    labels: dict[str, tuple[int, str | None]],
    addresses: list[tuple[str, str]],
    sender: tuple[str | None, str | None],
    head: str | None = None,
    roster: Sequence[str] = (),
    addressed: Sequence[tuple[str, str]] = (),
    writer: str | None = None,
    ranked: Sequence[tuple[str, str]] = (),
) -> Contact:
    """The designated e-ticket Point-of-Contact: name without rank, and email.

    The email is the one written with the name, else the To/Cc address whose display
    name matches, else (when the sender designates themself) the sender's address.
    """
    text = _plain_poc_words(rules).sub("point of contact", text)  # "person of contact"
    text = poc_words_respelled(text)  # "point of contatc"
    lines = text.split("\n")
    contact = Contact()
    raw: str | None = None
    you = False
    if "point_of_contact.name" in labels:
        i, value = labels["point_of_contact.name"]
        # "Sgt. Dan Moss" / "e-Ticket Point of Contact" / "Riverbend PD": his role, no label
        if value is not None or not title_not_label(lines, i, rules):
            raw = (value if value is not None else _next_value(lines, i)) or None
        if raw is not None and not any(c.isalpha() for c in raw):
            raw = None  # "802-555-0128" under the label: a phone number names no one
    if raw is None:
        flat = unquoted_poc_words(_near_poc_words(as_eticket(text, rules)))
        flat = unqualified(without_nickname(ranks_capitalised(flat, rules), rules), rules)
        poc_said = may_hold(flat, _POC_SAID)  # each wording (not _SELF_POC) needs one of them
        own = _SELF_POC.search(flat) or (self_introduced(flat) if poc_said else None)
        # "Tim Hale" in the From header, "Chief Timothy Hale" signed: the name in full
        self_name = fuller_name(
            sender_person(sender[0], labels, lines, rules, sender[1]), head, rules
        )
        # a mailbox named for the office: the one who signs ("Thank you, / Bonnie Sheltra /
        # Town Clerk"), who is not the head she writes for
        # ("CHIEF G. LAFLEUR" signed, "CHIEF GARY LAFLEUR" the head: in full)
        self_name = (self_name or fuller_name(writer, head, rules) or head) if own else None
        if own and own.group("own") and person_name(own.group("own"), rules):
            self_name = person_name(own.group("own"), rules)  # "I (Sgt. Corinne Tatro) will"
        # "... as PoC (Bonnie Sheltra, ...)", "Chief Hurd wants me (Lt. Bev Roy) as PoC"
        aside = (_OWN_ASIDE.match(flat, own.end()) or _OWN_ASIDE.search(own[0])) if own else None
        if aside and len((person_name(aside.group(1), rules) or "").split()) >= 2:
            # "put me down as the contact person (Bonnie Sheltra, this email address)": the
            # writer names herself (a clerk writing for the head is not the head)
            self_name = person_name(aside.group(1), rules)
        # "e-Ticket PoC, Riverbend Police Department": a role line, no name (another
        # wording may name him: "Lt. Ann Roy, e-Ticket PoC, Riverbend Police Department")
        found = (x.search(flat) for x in _wordings() if poc_said)
        m = next((x for x in found if x is not None and not _an_agency(x.group(1), rules)), None)
        m = nearest_designation(m) if m is not None and m.re is _POC_DESIGNATED else m
        if m is not None and _pronoun_named(m, flat):
            m = None  # "She will be our PoC": a pronoun is no name; whom it refers to is
        copied = m is not None and COPIED.search(m.group(1)) is not None
        if m is not None and copied and len((_named_sentence(m.group(1), rules) or "").split()) < 2:
            m = None  # "use the officer I've copied on this email as our PoC": the Cc line's
        dutied = False
        if m is None and not own and not names_contact(text):
            # "Lt. Amy Roy will run this for us -- testing, training": no PoC words at all
            whole = ranks_capitalised(" ".join(as_eticket(text, rules).split()), rules)
            m = duty_named(whole, rules)
            dutied = m is not None
            flat = whole if dutied else flat
        if m is None and not own:
            # "... Lt. Ruiz-Albright's information below. She will be our Point of Contact."
            said = _POC_PRONOUN.search(flat)
            raw = _referent(flat[: said.start()], roster, rules) if said else None
            raw = raw or role_made_poc(flat, text, ranked, rules)  # "Our sergeant will be"
        if m is None and not own and raw is None:
            # "Darlene is gonna be the point of contact": a first name alone, of one of
            # the officers listed
            alone = _POC_FIRST_NAME.search(flat)
            # ... or of the people the message names in full (no roster on a change)
            people = [*roster] or [*ranked_people(text, rules), *header_people(addresses, rules)]
            full = {
                " ".join(n.split()).casefold(): n
                for n in people
                if alone and short_form_of(alone.group(1), n.split()[0], rules)
            }
            if len(full) == 1 and alone:
                raw = next(iter(full.values()))
                # "Ray will be the contact person for this - his email is ray@..."
                contact.email = in_same_sentence(flat, alone.end(), raw, sender[1], rules)
        you = m is None and not own and raw is None and _POC_YOU.search(flat) is not None
        if own and self_name and (m is None or own.start() < m.start() or _not_a_name(m)):
            raw = self_name
            # "... myself; please use my work address chief@..." in the same sentence
            rest = SENTENCE_END.split(flat[own.end() : own.end() + 240], maxsplit=1)[0]
            written = _EMAIL.search(rest)
            # "... myself. I'm writing from my personal account; please use my office
            # address, rc@..., not this one": the address he gives as his own, after it
            later = None if written else own_address_later(flat[own.end() :], rules)
            given = written.group(0) if written else later
            contact.email = (given or sender[1] or "").lower() or None
            m = None
        if m:
            raw = m.group(1)
            if dutied or m.re in (_POC_WILL_BE, _POC_COORDINATES, _POC_WILL_ACT, _POC_APPOSED):
                # "... installed TraCS Mobile. Sgt. Dawn Lacasse will be our PoC": the
                # name written against the verb, not an earlier sentence's last words
                raw = _last_sentence(raw, rules)
            if head and role_is_head(raw, rules):
                # "The Chief will serve as the Point-of-Contact himself": the head named
                # elsewhere in the message
                raw = head
            if (rank := rank_of_role(raw, rules)) is not None:  # "our Chief Deputy"
                raw = one_of_rank(rank, text, ranked, rules) or ""  # the one of that rank
            # "...; she can be reached at amy@..." in the same sentence
            contact.email = in_same_sentence(flat, m.end(), raw, sender[1], rules)

    if raw is not None:
        email = _EMAIL.search(raw)
        if email and contact.email is None:
            contact.email = email.group(0).lower()
        pieces = _NAME_END.split(_EMAIL.sub("", raw))
        contact.name = _named_sentence(pieces[0], rules)
        for piece in pieces:
            # "our contractor, Kevin Lasalle of Green Mountain Mobile Tech": the first
            # piece that names a person (a job alone, or a firm after "of", does not)
            name = _named_sentence(piece, rules)
            if name and len(name.split()) >= 2 and name[:1].isupper():
                contact.name = name
                break
    at = (raw or "").find(contact.name or "\0")
    placed = in_persons_place(contact.name or "", (raw or "")[: max(at, 0)], contact.email, rules)
    if contact.name is not None and is_agency_or_title(contact.name.split(), rules, placed):
        # "Sgt. Dan Moss / e-Ticket PoC, Riverbend Police Department": the agency read
        # where a person is wanted names no one (his sign-off may)
        contact.name = None
    if contact.name is not None and len(contact.name.split()) == 1:
        # "Chief Rowell will serve as the point-of-contact": the one person of that last
        # name the message names in full (the head, a roster row, the sender)
        known = [head, *roster, sender_person(sender[0], labels, lines, rules, sender[1])]
        known += ranked_people(text, rules)  # "Corporal Dustin Lanier" in the text
        contact.name = by_last_name(contact.name, known) or contact.name
    bare = contact.name is None and raw is not None and bool(_EMAIL.fullmatch(raw.strip()))
    if bare or (contact.name is not None and contact.name.casefold() in _SELF_WORDS):
        # "PoC: me - nate@..." (a draft its writer forwards on), "Point of Contact:
        # hvogel@...", an address alone: whoever owns that address
        contact.name = _owner(contact.email, addresses, sender, rules)
    if you or (contact.name is not None and contact.name.casefold() == "you"):
        # "I'm designating you as our PoC" (the head's note, forwarded on by its addressee):
        # the one person that note was addressed to, else no one read (staff decide)
        contact = _addressee(addressed, sender, rules)
    if "point_of_contact.email" in labels:
        i, value = labels["point_of_contact.email"]
        email = _EMAIL.search(value or _next_value(lines, i) or "")
        if email:
            contact.email = email.group(0).lower()
    if contact.email is None and contact.name:
        contact.email = _said_later(text, contact.name, sender[1], rules)
    if contact.email is None and contact.name:
        want = name_key(contact.name, rules)
        for name, addr in addresses:
            # a header or link address with the PoC's name counts only on the sender's
            # domain: a namesake's personal or foreign address is not the agency's PoC
            if (
                name
                and name_key(name, rules) == want
                and (_same_domain(addr, sender[1]) or _said_copied(text, contact.name))
            ):
                contact.email = addr.lower()
                break
        if contact.email is None and raw is not None:
            # "Sgt. Amy Lussier (alussier@...)" on the next line of a labelled block.
            i = labels.get("point_of_contact.name", (-1, None))[0]
            if i >= 0:
                near = _EMAIL.search(" ".join(lines[i : i + 3]))
                if near:
                    contact.email = near.group(0).lower()
    return contact


@per_rules
def _plain_poc_words(rules: Rules) -> re.Pattern[str]:
    words = sorted(rules.language.evidence.poc_spellings, key=len, reverse=True)
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) or "(?!)"
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.I)


_POC_APPOSED = re.compile(
    rf"({_CAP_RUN}),\s+(?i:who\s+(?:will\s+be|is|has\s+been|remains)\s+)?(?:(?i:our|the)\s+)?"
    rf"{_WHOSE}(?i:(?:designated\s+)?(?:e-?ticket(?:ing)?\s+)?(?:point[- ]of[- ]contact|PoC))\b"
)
"""The PoC named, then his role after a comma ("Lt. Dominic Ayer, our e-ticket point of
contact, is on vacation", "Ofc. Rivers, who will be our e-ticket point of contact")."""


_POC_HANDED = re.compile(
    r"\b(?i:hand(?:s|ed|ing)?|pass(?:es|ed|ing)?|turn(?:s|ed|ing)?|transfer(?:s|red|ring)?)"
    rf"\s+(?i:over\s+)?(?i:the|my|our)\s+{_WHOSE}"
    r"(?i:(?:e-?ticket(?:ing)?\s+)?(?:point[- ]of[- ]contact|PoC))"
    r"(?:\s+(?i:duties|role|responsibilities|job))?(?:\s+(?i:for|at|with)\s+[^.;,()¶]{1,60}?)?"
    rf"\s+(?i:over\s+)?(?i:to)\s+({_CAP_RUN})"
)
"""The PoC's role handed on to another, who is now the PoC ("I am handing the e-ticket PoC
duties for Richford Police Department to Officer Megan Lacasse")."""


def _wordings() -> tuple[re.Pattern[str], ...]:
    """The wordings that name the PoC, tried in this order."""
    return (_POC_DESIGNATED, _POC_THAT, _POC_WILL_BE, _POC_IS_NAMED, _POC_BARE_NAMED,
            _POC_TERSE, _POC_MADE, _POC_WILL_ACT, _POC_COORDINATES, _POC_LIKE,
            _POC_ROLE_FIRST, _POC_APPOSED, _POC_HANDED)  # fmt: skip


_OWN_ASIDE = re.compile(r"\s*[(–,-]\s*((?:[A-Z][\w.'’-]*+ +){1,3}[A-Z][\w.'’-]*+)\s*[,;)<]")
"""The writer's own name, in brackets or after a dash, after the words that make him PoC."""


def _an_agency(raw: str, rules: Rules) -> bool:
    """Whether ``raw`` opens with an agency's name ("Riverbend Police Department"), not a
    person's: the agency a role line names after the role.

    Not :func:`~mailbot.intake.head_of_department.is_agency_or_title`: this one reads the
    raw capture of a PoC wording, which may run on past the name, and asks only how it
    opens, by the full agency-name reader ("Riverbend Police Department, Sgt. Dan Moss"
    is an agency here and not there). ``is_agency_or_title`` judges a name already cut
    out, anywhere in its words, so it would also drop a person followed by a title or an
    agency ("Sgt. Dan Moss, Chief of Police"), which this capture still names.
    """
    from mailbot.intake.agency_name import agency_name_in

    named = agency_name_in(raw, rules)
    return named is not None and raw.strip().startswith(named.split()[0])


def _named_sentence(text: str, rules: Rules) -> str | None:
    """The person's name in the first piece of ``text`` that holds one, where pieces end
    with a sentence ("MDTs. Officer Renee Zeller", "Detective Sam Okafor. His email"); a
    rank or an initial ends with a dot without ending the sentence."""
    chunks: list[list[str]] = [[]]
    for word in text.split():
        if (
            word.endswith(".")
            and len(word) > 3
            and rank_title(word, rules) is None
            and word.casefold() not in SAINT_ABBREVIATIONS  # "Karen Ste. Marie"
        ):
            chunks[-1].append(word.rstrip("."))
            chunks.append([])
        else:
            chunks[-1].append(word)
    for chunk in chunks:
        name = person_name(" ".join(chunk), rules)
        if name and len(name.split()) >= 2:
            return name
        if name and len(chunks) > 1 and chunk and rank_title(chunk[0], rules) is not None:
            # "... will be Officer Tate. Jo Ann Hume / Town Clerk": a rank and a last name
            # end the sentence that names the PoC; the signer below is someone else
            return name
    return person_name(text, rules)


_PRONOUN_SUBJECT = re.compile(r"(?:^|[.!?]\s+)([Hh]e|[Ss]he)\s*$")


def _pronoun_named(m: re.Match[str], flat: str) -> bool:
    """Whether the name a wording read is the "He"/"She" of "She will be our PoC"."""
    said = _PRONOUN_SUBJECT.search(m.group(1))
    return said is not None and _POC_PRONOUN.match(flat, m.start(1) + said.start(1)) is not None


def _last_sentence(text: str, rules: Rules) -> str:
    """The two-word name after the last sentence end of ``text``, if that is all left."""
    words = text.split()
    for i in range(len(words) - 1, 0, -1):
        word = words[i - 1]
        if word.endswith(".") and len(word) > 4 and rank_title(word, rules) is None:
            rest = " ".join(words[i:])
            name = person_name(rest, rules)
            return rest if name and len(name.split()) >= 2 else text
    return text


_SELF_WORDS = frozenset({"me", "myself", "i", "me myself"})


def _owner(
    email: str | None,
    addresses: list[tuple[str, str]],
    sender: tuple[str | None, str | None],
    rules: Rules,
) -> str | None:
    """The person whose address ``email`` is, by a header's display name (the sender's
    own when no address is given); ``None`` when no header names its owner."""
    if email is None or email.lower() == (sender[1] or "").lower():
        return head_from_sender(sender[0], rules)[0]
    for name, addr in addresses:
        if name and addr.lower() == email.lower():
            return head_from_sender(name, rules)[0]
    return None


def _addressee(
    addressed: Sequence[tuple[str, str]], sender: tuple[str | None, str | None], rules: Rules
) -> Contact:
    """The one person the forwarded note's "To:" line names (a PoC called "you")."""
    if len({a.lower() for _, a in addressed}) != 1:
        return Contact()
    name, addr = addressed[0]
    if addr.lower() == (sender[1] or "").lower():
        name = name or sender[0] or ""
    person = head_from_sender(name, rules)[0]
    return Contact(person, addr.lower()) if person else Contact()


def _not_a_name(m: re.Match[str]) -> bool:
    """ "Department. I will be the PoC" is not a person named as PoC."""
    words = m.group(1).split()
    # "designated myself as ...", "asked that I serve as ...": the writer, not a name
    if any(w.strip(",;:()").lower() in {"i", "me", "myself"} for w in words):
        return True
    return any(w.endswith(".") and len(w) > 4 for w in words)
