"""A reply on an enrolment request the desk answered with a question, and whose the
request is when a colleague sent it.

The desk's quoted answer may wait on the sender ("Once we have the officer list we can
build the records", "Would you like the header to read ... ?", "Can you double-check?"):
then the enrolment is still open, and the reply that answers ("Please use 'Town of
Richmond Police Department'", "Sgt. Gratton's number is V4471, not V44710", a roster
attached) completes that enrolment, whatever else it reads like on its own.

The request under the desk's answer may be a colleague's: the chief wrote it and named
the lieutenant who now sends the roster. A quoted message from an address on the
sender's own agency domain (not a mail domain anyone can have) is the agency's own. So
is one that was sent to the sender's own address (its "To:" or "Cc:" names it) or that
names that address in its text ("Sgt. Harlow will be our PoC (sharlow...@gmail.com)"),
from whatever domain it came: the chief wrote it for her. The desk's own message is
never one, nor a stranger's that neither comes from the domain nor names her address.
"""

from __future__ import annotations

import re

from mailbot.intake.intent import is_enquiry
from mailbot.intake.model import Officer, ParseResult
from mailbot.intake.own_thread import Quoted, is_desk, thread
from mailbot.intake.parts import MessageParts
from mailbot.intake.poc_email import own_address_in
from mailbot.intake.rules import Rules

_TOKEN = re.compile(r"(?<![\w-])[A-Za-z0-9]{2,12}(?![\w-])")
_ADDRESS = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")


def _domain(address: str | None) -> str:
    address = (address or "").strip().strip("<>").lower()
    return address.rpartition("@")[2] if "@" in address else ""


def colleague_messages(parts: MessageParts, rules: Rules) -> list[Quoted]:
    """The quoted messages written from the sender's own agency domain, or sent to or
    naming the sender's own address, outermost first."""
    own = _domain(parts.sender)
    shared = {d.lower() for d in rules.language.people.shared_mail_domains}
    agency = own if own and own not in shared else ""
    address = (parts.sender or "").strip().strip("<>").lower()
    stated = own_address_in(parts.text, rules) if not agency else None
    if stated and _domain(stated) not in shared:
        # "My email is tm@wilmingtonvt.us (I'm writing from my Gmail)": his agency's domain
        agency = _domain(stated)
    out = []
    for message in thread(parts):
        author = message.author.lower()
        if is_desk(author):
            continue
        domains = {m.group(1).lower() for m in _ADDRESS.finditer(author)}
        if (agency and agency in domains) or _names_address(message, address):
            out.append(message)
    return out


def _names_address(message: Quoted, address: str) -> bool:
    """True when ``message`` names ``address`` by itself (not "xsharlow@..." nor
    "...@gmail.com.au") in its text, or copies it on a message sent to the desk (a "Cc:"
    line under a "To:" naming the desk). A message only sent "To:" the sender may be
    anyone's."""
    if "@" not in address:
        return False
    exact = re.compile(rf"(?<![\w.+-]){re.escape(address)}(?![\w-]|\.[\w-])", re.I)
    if exact.search(message.text):
        return True
    lines = message.opening.split("\n")
    to_desk = any(_TO.match(line) and is_desk(line) for line in lines)
    return to_desk and any(_CC.match(line) and exact.search(line) for line in lines)


_TO = re.compile(r"^\s*(?:\*\s*)?(?:to|an|à|aan)\s*(?:\*\s*)?:", re.I)
_CC = re.compile(r"^\s*(?:\*\s*)?(?:cc|kopie|copie)\s*(?:\*\s*)?:", re.I)


def desk_waits(parts: MessageParts, rules: Rules) -> bool:
    """True when the desk's latest quoted message asks the sender something or waits on
    something from him (a question, "once we have it")."""
    words = [w.lower() for w in rules.language.intent.desk_waits]
    for message in thread(parts):
        if not is_desk(message.author):
            continue
        low = " ".join(message.text.lower().split())
        return "?" in low or any(w in low for w in words)
    return False


def desk_enrols(parts: MessageParts, rules: Rules) -> bool:
    """True when the desk's latest quoted message waits on the sender for an enrolment
    it has not yet made into records: it asks something of the agency's values or of
    the roster sent as a whole ("The judiciary code on your request is already assigned
    ... Can you double-check it?", "several in your list had 4 ... Please resend") and
    tells of no record made. What answers it is part of that enrolment. A reply that
    says its answers are typed into the desk's quote ("answers below in caps") is read
    from there, not from the text above it: not so."""
    words = rules.language.intent
    text = " ".join(parts.text.lower().split())
    if any(w.lower() in text for w in words.answers_inline):
        return False
    for message in thread(parts):
        if not is_desk(message.author):
            continue
        low = " ".join(message.text.lower().split())
        if not ("?" in low or any(w.lower() in low for w in words.desk_waits)):
            return False
        if any(w.lower() in low for w in words.desk_done):
            return False
        return any(w.lower() in low for w in words.desk_enrolment)
    return False


def roster_change_asked(parts: MessageParts, rules: Rules) -> bool:
    """True when the desk's latest quoted message waits on the officers an agency it
    already holds adds ("please send the names ... for the two new hires"): it, or the
    subject the thread runs under ("new officer records"), names new officers, and
    neither names an enrolment. The officers a reply sends it are records to add, not a roster
    to enrol."""
    words = rules.language.intent
    subject = re.sub(r"^\s*(?:(?:re|aw|sv|fwd?)\s*:\s*)+", "", parts.subject or "", flags=re.I)
    for message in thread(parts):
        if not is_desk(message.author):
            continue
        said = " ".join(f"{subject}\n{message.text}".lower().split())
        if any(w.lower() in said for w in words.enrollment + words.set_up):
            return False
        return any(w.lower() in said for w in words.add)
    return False


def chases(text: str, earlier: ParseResult | None, rules: Rules) -> bool:
    """True when a reply over the sender's own earlier request only asks where it stands
    ("following up on my email about Cpl. Emerson (RN033): is it still in your queue?"):
    an enquiry naming no officer number the earlier request did not already give. It
    asks for nothing new, so it is no new request."""
    if earlier is None or earlier.intent == "other" or "?" not in text:
        return False  # "Following up: her username is ...": an answer, not a chase
    if not is_enquiry(text, rules):
        return False
    known = {(o.officer_number or "").upper() for o in earlier.officers}
    known |= {(c.officer_number or "").upper() for c in earlier.changes}
    fmt = rules.formats.officer_number
    shaped = re.compile(fmt.pattern)
    said = {
        t.upper()
        for t in _TOKEN.findall(text)
        if len(t) == fmt.length and shaped.match(t) and any(c.isdigit() for c in t)
    }
    return said <= known - {""}


def owed(earlier: ParseResult | None, officers: list[Officer]) -> bool:
    """True when the reply lists ``officers`` for an enrolment request that sent none ("Lt.
    Aubin will send the list of officers separately"): the roster it still waited on
    completes that enrolment, as an answer to the desk's question does."""
    return (
        bool(officers)
        and earlier is not None
        and earlier.intent == "enrollment"
        and not (earlier.officers or earlier.changes)
    )
