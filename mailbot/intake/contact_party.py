"""Whose block a value stands in: the agency's own, or another party's.

A message often writes more than one party's details: a town administrator or a
contractor forwards the chief's letter under his own signature; a town manager writes
for the police. A clerk takes the agency's address and phone from what is said of the
police agency (its letterhead, its signature block), not from whoever forwarded or wrote
for it. A value's block is its paragraph (the lines around it up to a blank line): one
that names the agency's own place ("Woodstock Police Department") is the agency's; one
that names another party and not the agency ("Town Administrator", "Town of Woodstock",
"Pearsall Computer Services") is someone else's, and its values rank below the agency's
own. Words and weights live in ``rules/language.toml`` (``[evidence]``:
``agency_place_words``, ``other_party_words``, ``party_weights``).

A phone said to be a named person's ("Rita's phone number is ...", "you can reach Sgt.
Lyle at ...", "our PoC's cell is ...") is his, not the agency's, unless the words between
him and the number give it to the agency ("Rita's office line") or an agency block of the
same text writes the same number (``person_phone_owners``, ``person_phone_verbs``,
``not_person_owners``, ``agency_phone_words``). So is a phone written beside a person's
name on his line of details, under a contact label or after his rank ("PoC: Ofc. Dan Kerr,
cell ...", "Sgt. Rita Bone, phone ...": ``person_line_labels``,
``person_line_phone_words``), unless it runs on to an extension; where the message writes
no other number the agency's could be, it is the agency's after all (``roles.settle``).
"""

from __future__ import annotations

import re

from mailbot.intake.rules import Rules, per_message_text, per_rules
from mailbot.intake.word_lists import whole_words

REACH = 8
"""How many lines up and down a block is looked for in."""
MAX_BLOCK_LINE = 300
AGENCY = "agency"
OTHER = "other"


@per_rules
def _agency_words(rules: Rules) -> re.Pattern[str]:
    return whole_words(rules.language.evidence.agency_place_words)


@per_rules
def _other_words(rules: Rules) -> re.Pattern[str]:
    return whole_words(rules.language.evidence.other_party_words)


def paragraph(lines: list[str], i: int) -> str:
    """The lines of line ``i``'s paragraph (at most :data:`REACH` either side)."""
    start = i
    while start > max(0, i - REACH) and lines[start - 1].strip():
        start -= 1
    end = i + 1
    while end < min(len(lines), i + 1 + REACH) and lines[end].strip():
        end += 1
    return "\n".join(ln[:MAX_BLOCK_LINE] for ln in lines[start:end])


def party_of(block: str, rules: Rules) -> str | None:
    """``AGENCY`` when the block names the agency's own place, ``OTHER`` when it names
    another party and not the agency, None when it names neither."""
    if _agency_words(rules).search(block):
        return AGENCY
    if _other_words(rules).search(block):
        return OTHER
    return None


def party_weight(block: str, rules: Rules) -> int:
    """What a value gains (the agency's block) or loses (another party's) by its block."""
    party = party_of(block, rules) if block else None
    return rules.language.evidence.party_weights.get(party, 0) if party else 0


@per_message_text  # the field reader and the label filter ask it of the same text
def others_blanked(text: str, rules: Rules) -> str:
    """``text`` with the lines of other parties' blocks blank (line numbers kept): where
    an unlabelled address or phone is looked for as the agency's."""
    lines = text.split("\n")
    out = list(lines)
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        end = i
        while end < len(lines) and lines[end].strip():
            end += 1
        block = "\n".join(ln[:MAX_BLOCK_LINE] for ln in lines[i:end])
        if party_of(block, rules) == OTHER:
            out[i:end] = [""] * (end - i)
        i = end
    return persons_phones_blanked("\n".join(out), rules)


# "\(?(?<!\d)\d{3}", written to open with a class ("(" or the first digit, then the
# character before it checked): the scan skips every place without one
_PHONE = re.compile(
    r"[(\d](?:(?<=\()\d{3}|(?<=\d)(?<!\d\d)\d{2})\)?[ \t.-]{0,3}\d{3}[ \t.-]{0,3}\d{4}(?!\d)"
)
_LEAD = 100
"""Characters before a phone looked at for whose it is."""
_MAX_PHONES = 200
# a sentence ends at a stop after a word of four small letters or a digit, never a rank's
# ("Sgt. Lyle"); or at a blank line
_SENTENCE_END = re.compile(r"(?:(?<=[a-z]{4})|(?<=\d))[.!?](?=\s)|[!?](?=\s)|\n[ \t]*\n")
_NAME = r"[A-Z][\w’'-]*"
_ACRONYM = re.compile(r"[A-Z]{2,5}")
"""A name in capitals ("LEA", "VSP"): an agency's, not a person's ("PoC" is written so)."""


@per_rules
def _person_leads(rules: Rules) -> tuple[re.Pattern[str], re.Pattern[str]]:
    ev = rules.language.evidence
    roles = "|".join(re.escape(w) for w in sorted(ev.person_phone_owners, key=len, reverse=True))
    verbs = "|".join(re.escape(w) for w in ev.person_phone_verbs) or "(?!)"
    owner = rf"(?:(?<![\w’'])(?P<name>{_NAME})|(?<![\w’'])(?i:{roles or '(?!)'}))"
    possessive = re.compile(rf"{owner}['’]s(?!\w)(?P<rest>(?:(?!['’]s\b).)*)$", re.S)
    reached = re.compile(
        rf"(?i:\b(?:{verbs}))\s+(?:(?i:the|our|my)\s+)?(?:(?i:{roles or '(?!)'})\.?\s+)?"
        rf"(?P<name>{_NAME}(?:\s+{_NAME})?|(?i:{roles or '(?!)'}))"
        r"\s+(?:at|on)\b(?P<rest>[^\n]*)$"
    )
    return possessive, reached


@per_rules
def _nouns(rules: Rules) -> re.Pattern[str]:
    words = sorted(rules.language.evidence.person_phone_nouns, key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in words) or "(?!)"
    return re.compile(rf"(?<!\w)(?:{alt})(?!\w)", re.I)


_DIGIT = re.compile(r"\d")


def persons_phone(before: str, rules: Rules) -> bool:
    """True when the text ``before`` a phone says it is a named person's ("Rita's phone
    number is", "you can reach Sgt. Lyle at"), not the agency's."""
    lead = before[-_LEAD:]
    ends = list(_SENTENCE_END.finditer(lead))
    lead = lead[ends[-1].end() :] if ends else lead
    ev = rules.language.evidence
    not_people = {w.casefold() for w in [*ev.not_person_owners, *ev.agency_place_words]}
    agency = whole_words(ev.agency_phone_words)
    owners = {w.casefold() for w in ev.person_phone_owners}
    possessive, reached = _person_leads(rules)
    nouns = _nouns(rules)
    for pattern in (possessive, reached):
        m = pattern.search(lead)
        name = (m.group("name") or "") if m else ""
        rest = m.group("rest") if m else ""
        if m is None or agency.search(rest) or _DIGIT.search(rest):
            continue  # "Rita's office line", "Pike's Crossing, VT 05652 / Phone ...": not his
        if pattern is possessive and not nouns.search(rest):
            continue
        words = set(re.findall(r"[\w’'-]+", name.casefold()))
        acronym = _ACRONYM.fullmatch(name) and name.casefold() not in owners
        if name and (words & not_people or acronym):
            continue  # "the LEA's address and phone", "Fairlee PD's number"
        return True
    return False


_EXTENSION = re.compile(r"[ \t]*(?:x|ext\b\.?|extension)[ \t]*\d", re.I)
_MAILBOX = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?:<mailto:[^>]*>)?"
_SEP = r"(?:[ \t]*[,;/|(–—-][ \t]*|[ \t]+)"


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"


@per_rules
def _person_line(rules: Rules) -> re.Pattern[str]:
    ev = rules.language.evidence
    rank = rf"(?i:{_alternatives(ev.person_phone_owners)})\.?"
    label = rf"(?i:{_alternatives(ev.person_line_labels)})[ \t]*[:–—-][ \t]*"
    name = rf"(?P<name>{_NAME}(?:[ \t]+[A-Z]\.)?(?:[ \t]+{_NAME}){{1,2}})"
    words = rf"(?i:{_alternatives(ev.person_line_phone_words)})\.?[ \t]*:?[ \t]*"
    return re.compile(
        rf"^[ \t]*[-•*·]?[ \t]*(?:{label}(?:{rank}[ \t]+){{0,2}}|(?:{rank}[ \t]+){{1,2}})"
        rf"{name}(?:[ \t]*,[ \t]*{rank})?{_SEP}(?:{_MAILBOX}{_SEP})?(?:{words})?\(?$"
    )


def beside_person(before: str, after: str, rules: Rules) -> bool:
    """True when a phone stands on a line of a person's details, his name under a contact
    label or after his rank, with only his address and a phone word between ("PoC: Ofc. Dan
    Kerr, cell (802) 555-0199", "Sgt. Rita Bone, phone ..."), and runs on to no extension
    (an extension is on the agency's own line)."""
    if _EXTENSION.match(after):
        return False
    m = _person_line(rules).search(before.rsplit("\n", 1)[-1])
    if m is None:
        return False
    ev = rules.language.evidence
    not_people = {w.casefold() for w in [*ev.not_person_owners, *ev.agency_place_words]}
    return not set(re.findall(r"[\w’'-]+", m.group("name").casefold())) & not_people


def _beside(text: str, m: re.Match[str], rules: Rules) -> bool:
    start = text.rfind("\n", 0, m.start()) + 1
    return beside_person(text[start : m.start()], text[m.end() : m.end() + 20], rules)


def persons_phones_blanked(text: str, rules: Rules) -> str:
    """``text`` with each phone a sentence gives a named person (:func:`persons_phone`)
    blanked, unless an agency block of the text writes the same number too; and so each
    phone beside a person's name (:func:`beside_person`): the message's candidates decide
    whether it is the agency's after all (the only number written)."""
    found = list(_PHONE.finditer(text))[:_MAX_PHONES]
    theirs = [m for m in found if persons_phone(text[max(0, m.start() - _LEAD) : m.start()], rules)]
    theirs += [m for m in found if m not in theirs and _beside(text, m, rules)]
    if not theirs:
        return text
    lines = text.split("\n")
    kept: set[str] = set()
    for m in found:
        if m in theirs:
            continue
        at = text.count("\n", 0, m.start())
        if party_of(paragraph(lines, at), rules) == AGENCY:
            kept.add(re.sub(r"\D", "", m.group(0)))
    out = text
    for m in theirs:
        if re.sub(r"\D", "", m.group(0)) not in kept:
            out = out[: m.start()] + " " * (m.end() - m.start()) + out[m.end() :]
    return out


_CONTACT_PATHS = ("agency.address", "agency.phone")


def own_labels(
    labels: dict[str, tuple[int, str | None]], text: str, rules: Rules
) -> dict[str, tuple[int, str | None]]:
    """``labels`` (path -> line, value) without an address or phone labelled in another
    party's block ("Phone: ..." under a town administrator's name): not the agency's."""
    if not any(p in labels for p in _CONTACT_PATHS):
        return labels
    blanked = others_blanked(text, rules).split("\n")
    lines = text.split("\n")
    return {
        path: (i, value)
        for path, (i, value) in labels.items()
        if path not in _CONTACT_PATHS or i >= len(lines) or blanked[i].strip() == lines[i].strip()
    }
