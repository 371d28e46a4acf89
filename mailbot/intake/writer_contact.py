"""The Point-of-Contact on any mail the body names none in: the writer's own role under
his sign-off ("Sgt. Ryan Paquette" / "e-Ticket Point of Contact"), else the same role
signed in his own earlier message quoted under a reply, else the memo he attaches
("Questions may be directed to our e-ticket Point of Contact, Sgt. Renee Costa").

A role line naming someone else gives that person, never the sender; a quoted message of
another person's (a colleague's, the desk's) gives no one.
"""

from __future__ import annotations

from mailbot.intake import own_thread
from mailbot.intake.fields import labelled
from mailbot.intake.model import ParseResult
from mailbot.intake.names import fuller_name
from mailbot.intake.parts import MessageParts
from mailbot.intake.poc_email import own_box_written
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
