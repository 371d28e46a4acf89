"""The Point-of-Contact the desk's quoted message speaks to: "Good morning Officer Ramírez,
/ Thank you, we received Chief Hebert's designation of you as the e-ticket Point of
Contact". The desk wrote to the PoC, and the PoC answers it: the sender, when the desk's
greeting names him by his last name, is the PoC (his name as the From header gives it,
his address the one he writes from)."""

from __future__ import annotations

from mailbot.intake.head_of_department import head_from_sender
from mailbot.intake.own_thread import latest_desk
from mailbot.intake.parts import MessageParts
from mailbot.intake.poc_wording import _POC_YOU
from mailbot.intake.point_of_contact import Contact
from mailbot.intake.rules import Rules

_GREETING_LINES = 2
"""Lines of the desk's message read for its greeting."""


def desk_made_you(parts: MessageParts, rules: Rules) -> Contact:
    """The sender as PoC, when the desk's latest quoted message tells its reader he is
    the PoC and greets him by his last name; else no one."""
    desk = latest_desk(parts)
    writer = head_from_sender(parts.sender_name, rules)[0]
    if desk is None or writer is None or not parts.sender:
        return Contact()
    flat = " ".join(desk.text.split())
    if _POC_YOU.search(flat) is None:
        return Contact()
    greeting = [line for line in desk.text.split("\n") if line.strip()][:_GREETING_LINES]
    last = writer.split()[-1].casefold()
    words = {w.strip(",.:;!").casefold() for line in greeting for w in line.split()}
    if last not in words:
        return Contact()  # the desk wrote to someone else (the chief, a clerk)
    return Contact(writer, parts.sender.lower())
