"""A request forwarded with a note above it ("Forwarding the Chief's request below ...
Please also add Officer Dana Kirby"): the note and the forwarded request are two
messages by two people, each with its own sign-off.

The whole text is cut at its last sign-off; when that sign-off is the note's (the
forwarded request ends with a name and title but no "Thank you"), the forwarded
request would be read as the note's signature and its designation, roster and head
lost. Here the note's signature is dropped instead and the request is read whole; the
officers the note adds are officers of the request.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from mailbot.intake.model import Intent, Officer
from mailbot.intake.parts import MessageParts
from mailbot.intake.prose import Split, split_signature
from mailbot.intake.rules import Rules, per_rules
from mailbot.intake.word_lists import may_contain

if TYPE_CHECKING:
    from mailbot.intake.point_of_contact import Contact

_NOTE_DASHES = 2
"""A "--" line in the forwarded text is its writer's own note's end (not a signature
delimiter) when the text after it is this many times longer than the text before."""


def split_forwarded(
    text: str, note: str, whole: Split, rules: Rules, notes: Sequence[str] = ()
) -> Split:
    """``whole`` (``text`` cut at its last sign-off), or, when that sign-off is the
    note's, the note's body followed by the forwarded request with its own signature.
    Down a chain of forwards (a clerk sends on the lieutenant's note over the chief's
    request), each note's body is kept without its sign-off: the request's is the one."""
    chained = _chain_bodies(text, [note, *notes], rules)
    if chained is not None:
        bodies, request = chained
        last = split_signature(request, rules)
        return Split("\n\n".join([*bodies, last.body]), last.signature)
    if not text.startswith(note) or len(whole.body) >= len(note):
        return whole  # the forwarded request has its own sign-off
    own = split_signature(note, rules)
    request = text[len(note) :].strip("\n")
    inner = split_signature(request, rules)
    if len(inner.signature) > _NOTE_DASHES * max(len(inner.body), 1) and not _signs_off(
        request, rules
    ):
        # "Owen - please send this to DPS." then "--" then the request: not a signature
        inner = Split(request, "")
    return Split(f"{own.body.rstrip()}\n\n{inner.body}", inner.signature)


def _chain_bodies(text: str, notes: list[str], rules: Rules) -> tuple[list[str], str] | None:
    """The bodies of the notes down a chain of forwards, and the request under the last;
    ``None`` unless there are two notes or more and each starts what follows the last."""
    if len(notes) < 2:
        return None
    bodies: list[str] = []
    rest = text
    for note in notes:
        note = note.strip("\n")
        if not note or not rest.startswith(note) or not rest[len(note) :].strip():
            return None
        bodies.append(split_signature(note, rules).body.rstrip())
        rest = rest[len(note) :].strip("\n")
    return bodies, rest


def _signs_off(text: str, rules: Rules) -> bool:
    cut = split_signature(text.replace("\n--\n", "\n\n"), rules)
    return bool(cut.signature)


def note_officers(note: str, found: list[Officer], rules: Rules) -> list[Officer]:
    """Officers the note asks to be added ("Please also add Officer Dana Kirby ... Her LEO
    number is NF3K2"), not already among ``found``."""
    from mailbot.intake.changes import read_changes
    from mailbot.intake.listed_officers import officers_in_list

    body = split_signature(note, rules).body
    numbers = {(o.officer_number or "").upper() for o in found}
    names = {((o.first_name or "").lower(), (o.last_name or "").lower()) for o in found}
    # a list line gives the whole row ("- Kirk, Dana - Officer - MR3K2 - dkirk"); the
    # sentences of an add ("Her LEO number is ...") are read as a roster change
    candidates = officers_in_list(body, rules)
    for change in read_changes(body, rules, []):
        if change.action == "add":
            candidates.append(change.as_officer())
    out: list[Officer] = []
    for officer in candidates:
        number = (officer.officer_number or "").upper()
        name = ((officer.first_name or "").lower(), (officer.last_name or "").lower())
        if (number and number in numbers) or (all(name) and name in names):
            continue
        numbers.add(number)
        names.add(name)
        out.append(officer)
    return out


_NOTE_TAIL = 6
"""Last lines of a forward's note looked at for its writer's sign-off."""


@per_rules
def _approves(rules: Rules) -> re.Pattern[str]:
    """A note in which the sender decides ("I approve ... and designate Nate as our PoC",
    "she ... has my approval"): the head's own word over his staff's draft, not a clerk
    passing it on (words in ``[evidence]`` of ``rules/language.toml``)."""
    evidence = rules.language.evidence
    verbs = "|".join(r"\s+".join(map(re.escape, w.split())) for w in evidence.approval_verbs)
    nouns = "|".join(map(re.escape, evidence.approval_nouns))
    # "I have reviewed Sgt. Moss's information and approve": a rank's abbreviation and a
    # name's possessive are words of the sentence too
    ranks = "|".join(re.escape(r) for r in rules.language.people.ranks if r.isalpha())
    word = rf"(?:(?!not\b|don)[a-z]+(?:['’]s)?|(?:{ranks or '(?!)'})\.)"
    return re.compile(
        # "I approve", "I have reviewed it and approve it as written"
        rf"\bI\s+(?:{word}\s+){{0,7}}?(?:{verbs or '(?!)'})\b"
        rf"|\b(?:has|have|with)\s+my\s+(?:{nouns or '(?!)'})(?![\w-])",
        re.I,
    )


def _initial_of(word: str, names: set[str]) -> bool:
    """True when ``word`` is one letter, the initial of one of ``names`` ("g" of "gordon")."""
    return len(word) == 1 and any(n.startswith(word) and len(n) > 1 for n in names)


def note_head(note: str, sender_name: str | None, rules: Rules) -> tuple[str, str] | None:
    """The head of department who forwards his staff's request and signs his note with
    his head title ("Approved. Please set us up." then "Chief Kroll"): the sender himself,
    by his full name. Only a sign-off naming the sender counts."""
    from mailbot.intake.head_in_words import head_titles, title_of_writer
    from mailbot.intake.head_of_department import head_from_sender, head_in_tail

    full, _ = head_from_sender(sender_name, rules)
    if not full:
        return None
    own = {w.lower() for w in re.findall(r"[^\W\d_][\w'’-]*", full)}
    titles, _ = head_titles(rules)
    lines = [line.strip() for line in note.split("\n") if line.strip()][-_NOTE_TAIL:]
    # "I'm the elected constable" in the note: the writer says he is the head
    decides = bool(_approves(rules).search(note) or title_of_writer(note, rules))
    for at, line in enumerate(lines[:-1]):
        # "Elena Vasquez-Morrow" then "Chief of Police": the sender signs with his title
        words = {w.lower() for w in re.findall(r"[^\W\d_][\w'’-]*", line)}
        below = lines[at + 1].lower()
        if len(line) <= 60 and words == own and decides:
            said = [
                t
                for t in titles
                if below.startswith(t.lower()) and re.match(rf"{re.escape(t.lower())}\b", below)
            ]
            if said:
                return full, max(said, key=len)
    for line in lines:
        if len(line) > 60:
            continue
        for title in titles:
            held = may_contain(line, title)  # else the pattern is not compiled
            m = re.match(rf"(?i:{re.escape(title)})\.?\s+(.+)$", line) if held else None
            if m is None:
                continue
            words = {w.lower() for w in re.findall(r"[^\W\d_][\w'’-]*", m.group(1))}
            if all(_initial_of(w, own) for w in words - own):
                words &= own  # "Chief G. McTavish" for Gordon McTavish: his initial
            if words and words <= own:
                return full, title
            break
    if _approves(rules).search(note):
        # "Lucien Beauregard Chief of Police<TAB>Middlebury Police Department": an HTML
        # signature flattened to one line, of the sender
        signer, signed_as = head_in_tail(note, rules)
        signed = {w.lower() for w in re.findall(r"[^\W\d_][\w'’-]*", signer or "")}
        if signed_as and signed and signed <= own:
            return full, signed_as
    return None


def note_contact(
    contact: Contact, note: str, read: Callable[[str], Contact], rules: Rules
) -> Contact:
    """The Point-of-Contact the forward's note designates by full name ("Correction to my
    request below: our PoC will be Sgt. Ann Roy"), read with ``read``, over the one of
    the request forwarded under it: the note is the later word. ``contact`` when the
    note names none, or names him by his first name only ("designate Nate as our PoC"
    over the draft Officer Nathan Hale wrote: the same man)."""
    said = read(split_signature(note, rules).body)
    return said if len((said.name or "").split()) >= 2 else contact


def request_writer(
    parts: MessageParts, note: str | None, sender: tuple[str | None, str | None]
) -> tuple[str | None, str | None]:
    """Who says "I" in the request read: the sender, or, when he forwards another's
    request under a note that names no contact ("Chief Morrissey asked me to forward
    this"), the forwarded message's writer ("From: Sean Morrissey <...>"), whose "I
    will serve as the Point-of-Contact myself" is his own."""
    from mailbot.intake.point_of_contact import names_contact
    from mailbot.intake.prose import header_addresses

    if not note or names_contact(note):
        return sender
    writers = header_addresses(parts.quoted_text, frozenset({"from"}))
    if len({addr for _, addr in writers}) != 1 or writers[0][1] == (sender[1] or "").lower():
        return sender
    return writers[0]


def forwarded_head(parts: MessageParts, rules: Rules) -> tuple[str, str] | None:
    """The head who wrote the mail a staff member forwards, by the head title his own
    From line carries ("From: Chief Leonard Stell <...>" under the IT coordinator's
    "Forwarding the Chief's note below"): his name and that title."""
    from mailbot.intake.head_of_department import head_from_sender, is_head_title
    from mailbot.intake.prose import header_addresses

    if not parts.forward_note.strip():
        return None
    writers = header_addresses(parts.quoted_text, frozenset({"from"}))
    if len({addr for _, addr in writers}) != 1 or writers[0][1] == (parts.sender or "").lower():
        return None
    name, title = head_from_sender(writers[0][0], rules)
    if name and title and is_head_title(title, rules):
        return name, title
    return None


def request_addressees(parts: MessageParts) -> list[tuple[str, str]]:
    """Whom the request read was written to (the "you" of "You will be our e-ticket point
    of contact"): the To lines quoted in the message, or, down a chain of forwards, the
    last one only: the request under the last note, not the notes passing it on."""
    from mailbot.intake.prose import header_addresses, is_header_line

    text = parts.text + "\n" + parts.quoted_text
    if not parts.inner_notes:
        return header_addresses(text, frozenset({"to"}))
    lines = [line for line in parts.quoted_text.split("\n") if is_header_line(line)]
    for line in reversed(lines):
        found = header_addresses(line, frozenset({"to"}))
        if found:
            return found
    return header_addresses(text, frozenset({"to"}))


_SENT_VALUES = 2
"""Agency values (code, address, phone) that make what a note forwards an enrolment."""


def note_decides(
    kind: Intent,
    note: str | None,
    values: int,
    kind_of: Callable[[str, int], Intent],
    rules: Rules,
) -> Intent:
    """``kind``, or what the forwarding note asks over a forwarded letter read as an
    enrolment that gives no agency's values: the roster change it asks ("Please move his
    TraCS record over to us" over "Benefits enrollment must be completed"), or nothing
    when it only asks about the request forwarded under it ("I'm following up on the
    enrollment request I sent on March 4th. Could you let me know where it stands?"): the
    request's values are the earlier message's, not this one's."""
    from mailbot.intake.intent import asks_anything, is_enquiry

    if kind != "enrollment" or not note or values >= _SENT_VALUES:
        return kind
    own = kind_of(note, 0)
    if own == "other" and asks_anything(note) and is_enquiry(note, rules):
        return "other"
    return "officer_maintenance" if own == "officer_maintenance" else kind


def with_signed_note(parts: MessageParts, rules: Rules) -> MessageParts:
    """A forward under a note that is long only by its writer's sign-off ("Forwarding
    Chief Whalen's request below." over a signature block of phone numbers and a
    notice): the note's length is what its writer wrote above the sign-off, so the
    forwarded request is unwrapped and read as for any short note. A forwarded message
    the desk wrote (its checklist, its example rows) is never the sender's request, and
    a note that gives the request's values itself ("Judiciary Code: 6025") is the request.
    """
    from mailbot.intake.fields import read_fields
    from mailbot.intake.own_thread import Quoted, is_desk
    from mailbot.intake.quoting import split_message

    if parts.forward_note or not parts.quoted_text.strip():
        return parts
    if split_message(parts.full_text, parts.subject).text.strip("\n") != parts.text:
        return parts  # the text holds more than its body (an attached message read in)
    split = split_message(
        parts.full_text, parts.subject, lambda note: split_signature(note, rules).body
    )
    if not split.forwarded or not split.note or not split.text.startswith(split.note):
        return parts
    if is_desk(Quoted(split.quoted.split("\n\n", 1)[0], "").author):
        return parts
    values, labels = read_fields(split_signature(split.note, rules).body, rules)
    if labels or any(values.values()):
        return parts
    return dataclasses.replace(
        parts,
        text=split.text.strip("\n"),
        quoted_text=split.quoted.strip("\n"),
        forward_note=split.note,
        inner_notes=[n for n in split.notes[1:] if n],
    )
