"""The Point-of-Contact on any mail the body names none in: the writer's own role under
his sign-off ("Sgt. Ryan Paquette" / "e-Ticket Point of Contact"), else the same role
signed in his own earlier message quoted under a reply, else the memo he attaches
("Questions may be directed to our e-ticket Point of Contact, Sgt. Renee Costa").
A PoC named in the request a reply completes who writes it himself, giving his own
address ("My email is tm@town.vt.us (I'm writing from my Gmail)"), is reached there, not
at the address he writes from. When the body says only that the PoC is copied on the
mail ("Our e-ticket point of contact is copied on this email"), the one person the Cc
line names is the PoC.
"""

from __future__ import annotations

from mailbot.intake import own_thread
from mailbot.intake.desk_addressee import desk_made_you
from mailbot.intake.fields import labelled
from mailbot.intake.head_of_department import head_from_sender
from mailbot.intake.model import ParseResult
from mailbot.intake.names import fuller_name
from mailbot.intake.own_thread import is_desk
from mailbot.intake.parts import MessageParts
from mailbot.intake.poc_anchors import names_contact
from mailbot.intake.poc_email import COPIED, own_address_in, own_box_written, sentences_of
from mailbot.intake.point_of_contact import Contact, point_of_contact
from mailbot.intake.prose import Split
from mailbot.intake.rules import Rules
from mailbot.intake.signature_contact import contact_in_signature


def writers_contact(
    contact: Contact,
    split: Split,
    parts: MessageParts,
    rules: Rules,
    addresses: list[tuple[str, str]],
    earlier: ParseResult | None = None,
) -> Contact:
    """``contact`` when the body named one; else the PoC the writer's signature, his own
    earlier message or the paper he attaches gives; else no one."""
    if contact.name is not None:
        # sent from the department's "police@town.gov", "aroy@town.gov" under her name
        mine = own_box_written(f"{split.body}\n{split.signature}", contact.name, parts.sender)
        if mine and contact.email == (parts.sender or "").lower():
            return Contact(contact.name, mine)
        return contact
    copied = copied_contact(split.body, parts, rules)
    if copied.name:
        return copied
    stated = stated_own(split.body, parts, rules, earlier)
    if stated.name:
        return stated
    # "Good morning Officer Roy, ... the Chief's designation of you as the e-ticket PoC"
    addressed = desk_made_you(parts, rules)
    if addressed.name:
        return addressed
    sender = (parts.sender_name, parts.sender)
    # the sign-off of his own text, not of a message he forwards: the mailbox is his
    own = not parts.forward_note.strip()
    signed = contact_in_signature(split.signature, rules, addresses, sender, own)
    if signed.name and signed.email == (parts.sender or "").lower():
        # "Sgt. Dan Marceau" signed, "Daniel Marceau" in the From header: his name in full
        return Contact(fuller_name(signed.name, parts.sender_name, rules), signed.email)
    if signed.name:
        return signed
    if not split.signature.strip():
        # no sign-off word: the text's last block is its signature ("Carrie Ames" /
        # "Administrative Assistant / e-Ticket PoC"), the sender's own name over the role
        block = split.body.rstrip().rsplit("\n\n", 1)[-1]
        signed = contact_in_signature(block, rules, addresses, sender, own)
        if signed.name and signed.email == (parts.sender or "").lower():
            return Contact(fuller_name(signed.name, parts.sender_name, rules), signed.email)
    note = parts.forward_note.strip()
    if note:
        # "Owen Moss" / "Milton PD e-ticket PoC" under the note he forwards a message with:
        # the note is his own, so his role
        signed = contact_in_signature(note.rsplit("\n\n", 1)[-1], rules, addresses, sender, True)
        if signed.name and signed.email == (parts.sender or "").lower():
            return signed
    before = earlier.point_of_contact if earlier is not None else None
    if before is not None and before.name and own_thread.own_messages(parts):
        # "Dana Fortin / Administrative Coordinator / TraCS PoC" under the request that
        # the sender's reply quotes: his own message, so his own role
        return Contact(before.name, before.email)
    for paper in parts.documents:
        # the memo's "our e-ticket Point of Contact, Sgt. Renee Costa (rcosta@...)": its
        # writer is not the sender, so no "I" in it makes the sender the PoC
        text = paper.text
        named = point_of_contact(text, rules, _poc_labels(text, rules), addresses, (None, None))
        if named.name:
            return named
    return contact


def _poc_labels(text: str, rules: Rules) -> dict[str, tuple[int, str | None]]:
    found = labelled(text, rules)
    return {k: v for k, v in found.items() if k.startswith("point_of_contact.")}


_READ = 100_000
"""Characters of the body whose sentences are read for the PoC said to be copied."""


def copied_contact(body: str, parts: MessageParts, rules: Rules) -> Contact:
    """The one person the Cc line names when a sentence of ``body`` says the PoC is
    copied on the mail and names no one ("Our e-ticket point of contact is copied on this
    email; please work with her directly"); else no one (several copied: staff decide)."""
    if not COPIED.search(body) or not any(
        COPIED.search(s) and names_contact(s) for s in sentences_of(body[:_READ])
    ):
        return Contact()
    own = (parts.sender or "").lower()
    copied = {a.lower(): n for n, a in parts.cc if a.lower() != own and not is_desk(a)}
    if len(copied) != 1:
        return Contact()
    address, display = next(iter(copied.items()))
    person = head_from_sender(display, rules)[0]
    return Contact(person, address) if person else Contact()


def stated_own(
    body: str, parts: MessageParts, rules: Rules, earlier: ParseResult | None
) -> Contact:
    """The PoC of the ``earlier`` request the reply completes, with the address the
    writer gives as his own in ``body``, when he is that PoC (the From header's last name
    is the PoC's) and the address is made from the PoC's name; else no one."""
    from mailbot.intake.roles import name_matches_address

    before = earlier.point_of_contact if earlier is not None else None
    if before is None or not before.name:
        return Contact()
    stated = own_address_in(body, rules)
    writer = head_from_sender(parts.sender_name, rules)[0] or ""
    same = writer.split()[-1:] == before.name.split()[-1:]
    if stated is None or not same or not name_matches_address(before.name, stated):
        return Contact()
    return Contact(before.name, stated)
