"""Roles for values found by their shape, with where each value came from.

After the labelled and described values are read (:mod:`fields`), a required value
still unknown is taken from the candidates of its shape (:mod:`candidates`) when the
evidence points to one; when candidates exist but none is clearly the one, staff get a
question on the case instead, and the sender is not asked for something he sent.
Words and weights live in ``rules/language.toml`` (``[evidence]``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from mailbot.intake import contact_rank
from mailbot.intake.candidates import Candidate, Found
from mailbot.intake.contact_party import beside_person, persons_phone
from mailbot.intake.model import ParseResult, ReadWhere, StaffQuestion
from mailbot.intake.poc_email import written_as_login
from mailbot.intake.rules import Rules, per_rules

HIGH = "high"
LOW = "low"
FILLABLE = frozenset(
    {
        "agency.phone",
        "agency.address",
        "agency.judiciary_code",
        "point_of_contact.email",
        "officers",
    }
)
"""Required paths :func:`settle` can take from candidates (or ask staff about)."""
KINDS = {
    "agency.phone": "phones",
    "agency.address": "addresses",
    "agency.judiciary_code": "codes",
    "point_of_contact.email": "emails",
    "officers": "officer_numbers",
}
"""The shape of value each of those paths is looked for as."""


def kinds_for(missing: list[str]) -> frozenset[str]:
    return frozenset(KINDS[p] for p in missing if p in KINDS)


@dataclass
class Settled:
    """Where each value came from (path -> {where, confidence}) and the questions for
    staff (path -> question with the candidates seen)."""

    evidence: dict[str, ReadWhere] = field(default_factory=dict)
    questions: dict[str, StaffQuestion] = field(default_factory=dict)

    def ask(self, path: str, question: str, candidates: list[Candidate]) -> None:
        self.questions[path] = {
            "field": path,
            "question": question,
            "candidates": [{"value": c.value, "where": c.where} for c in candidates[:5]],
        }

    def took(self, path: str, cand: Candidate, why: str) -> None:
        self.evidence[path] = {"where": cand.where, "confidence": LOW, "why": why}


def _has_word(line: str, words: list[str]) -> bool:
    low = f" {line.lower()} "
    said = (w.lower() for w in words)
    return any(w in low and re.search(rf"(?<!\w){re.escape(w)}(?!\w)", low) for w in said)


_PIECE_END = re.compile(r"[/|;•]|\s{2,}|\t")


def _persons(cand: Candidate, rules: Rules) -> bool:
    """True when the words before a phone on its line (and the line above) give it to a
    named person (:func:`contact_party.persons_phone`)."""
    at = cand.line.find(cand.value)
    before = cand.line[:at] if at >= 0 else ""
    return persons_phone(f"{cand.above}\n{before}" if cand.above else before, rules)


def _beside(cand: Candidate, rules: Rules) -> bool:
    """True when the phone stands beside a person's name on his line
    (:func:`contact_party.beside_person`)."""
    at = cand.line.find(cand.value)
    if at < 0:
        return False
    return beside_person(cand.line[:at], cand.line[at + len(cand.value) :], rules)


def _near(cand: Candidate) -> str:
    """The words that go with a value on its line: from the separator before it to the one
    after ("Main: (802) 555-0311 / Fax: (802) 555-0312" gives each number its own word)."""
    at = cand.line.find(cand.value)
    if at < 0:
        return cand.line
    before = _PIECE_END.split(cand.line[:at])[-1]
    after = _PIECE_END.split(cand.line[at + len(cand.value) :])[0]
    return f"{before} {after}"


def _distinct(cands: list[Candidate], key: Callable[[str], str]) -> list[Candidate]:
    seen: set[str] = set()
    out = []
    for c in cands:
        k = key(c.value)
        if k not in seen:
            seen.add(k)
            out.append(c)
    return out


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)[:10]


def name_matches_address(name: str, address: str) -> bool:
    """True when an address's local part is made from a person's name
    ("dwhitcomb", "dana.whitcomb", "whitcombd" for Dana Whitcomb; "ebrassard" for Émilie
    Brassard, the accent left out)."""
    from mailbot.intake.names import unaccented

    words = [re.sub(r"[^a-z]", "", unaccented(w).lower()) for w in name.replace(",", " ").split()]
    words = [w for w in words if len(w) > 1]
    if not words:
        return False
    local = re.sub(r"[^a-z]", "", address.split("@", 1)[0].lower())
    first, last = words[0], words[-1]
    if "," in name:
        last, first = words[0], words[-1]
    if len(last) < 3 or last[:5] not in local:
        return False
    return local.startswith((first[0], last)) or first in local


def settle(
    result: ParseResult,
    found: Found,
    rules: Rules,
    *,
    sender: tuple[str | None, str | None],
    writer: str | None = None,
    body: str = "",
) -> Settled:
    """Fill required values still unknown from their candidates; record questions
    (``writer``: the person who signs the message; ``body``: what it writes, whose
    sentences may point to the signature for the agency's details)."""
    to_signature = contact_rank.points_to_signature(body, rules)
    s = Settled()
    ev = rules.language.evidence
    agency = result.agency
    # "Rita's phone number is ...", "you can reach Sgt. Lyle at ...": a person's, not asked of
    written = [c for c in found.phones if not _persons(c, rules)] if agency.phone is None else []
    # "PoC: Ofc. Dan Kerr, cell ...": his, when the message writes another number
    others = [c for c in written if not _beside(c, rules)]
    if any(not _has_word(_near(c), ev.personal_phone_words) for c in others):
        written = others
    if written:
        phones = _distinct(written, _digits)
        # each writing of a number by its own words ("Office: ... | Dispatch: ...")
        own = [c for c in written if not _has_word(_near(c), ev.personal_phone_words)]
        agency_lines = _distinct(own, _digits)
        # the main or business line over dispatch, direct or town office lines, a number
        # the message designates over any other (one ranking, by the words of each)
        top = contact_rank.ranked_pick(own, _digits, rules, to_signature=to_signature)
        pick = [top] if top and len(agency_lines) > 1 else agency_lines
        if len(pick) > 1:
            # one number written in the message that its signature also gives (beside a
            # cell and a fax the signature marks with icons or letters only)
            texts = sorted(
                (c for c in own if c.where.startswith("text")), key=lambda c: len(c.value)
            )
            written = _distinct(texts, _digits)  # "(802) 253-7126" before "... ext. 6"
            signed = {_digits(c.value) for c in own if c.where.startswith("signature")}
            if len(written) == 1 and _digits(written[0].value) in signed:
                pick = written
        if len(pick) > 1 and agency.address:
            # "1 South Street, Bristol, VT 05443" then "(802) 453-2533" alone on the next
            # line: the agency's details set down together, over a signer's own number
            under = _distinct([c for c in own if _under_address(c, agency.address)], _digits)
            pick = under if len(under) == 1 else pick
        if len(pick) == 1:
            agency.phone = contact_rank.without_extension(pick[0].value)
            s.took("agency.phone", pick[0], "the only agency phone number in the message")
        else:
            s.ask("agency.phone", "Which is the agency's phone number?", phones)
    own = [c for c in found.addresses if not _other_place(c, rules)]
    if agency.address is None and own:
        addresses = _distinct(own, lambda v: _digits(v))
        top = contact_rank.ranked_pick(own, _digits, rules, to_signature=to_signature)
        if len(addresses) == 1:
            agency.address = addresses[0].value
            s.took("agency.address", addresses[0], "the only postal address in the message")
        elif top is not None:
            agency.address = top.value
            s.took("agency.address", top, "the address the message gives the agency")
        else:
            s.ask("agency.address", "Which is the agency's address?", addresses)
    elif agency.address is None and found.addresses:
        # Only the town hall's address, in a signature: many small departments are
        # housed there, so the sender is not asked again; staff confirm it.
        s.ask(
            "agency.address",
            "The only postal address is in the signature and names another office of the"
            " town: is it the agency's address?",
            _distinct(found.addresses, lambda v: _digits(v)),
        )
    if agency.judiciary_code is None and found.codes:
        codes = _distinct(found.codes, str)
        if len(codes) == 1:
            agency.judiciary_code = codes[0].value
            s.took("agency.judiciary_code", codes[0], "a 4-digit number next to code words")
        else:
            s.ask("agency.judiciary_code", "Which is the agency's judiciary code?", codes)
    poc = result.point_of_contact
    if poc.email is None and poc.name:
        people = [
            c
            for c in _distinct(found.emails, str)
            if c.value.split("@")[0] not in ev.role_mailboxes
            and not written_as_login(c.line, c.value)  # "DPS username jdoe@dps..."
        ]
        named = [c for c in people if name_matches_address(poc.name, c.value)]
        people = [c for c in people if c in named or not _someone_elses(c, poc.name, rules)]
        if len(named) == 1:
            poc.email = named[0].value
            s.took("point_of_contact.email", named[0], "the address made from the PoC's name")
        elif sender[1] and _writes_it(poc.name, sender, writer, rules):
            poc.email = sender[1].lower()
            s.evidence["point_of_contact.email"] = {
                "where": "From header",
                "confidence": LOW,
                "why": "the PoC is the sender",
            }
        elif people and not (len(people) == 1 and people[0].value == (sender[1] or "").lower()):
            s.ask(
                "point_of_contact.email",
                f"Which address is {poc.name}'s (the PoC)?",
                named or people,
            )
    # two officer numbers or more make a roster (one may be the PoC's own, named in passing)
    if not result.officers and len(found.officer_numbers) >= 2 and result.intent == "enrollment":
        s.ask(
            "officers",
            "Officer numbers are written in the message but no roster was read; "
            "please enter the officers.",
            found.officer_numbers,
        )
    return s


_NUMBER = re.compile(r"\d+")
_PHONE_WORD = re.compile(r"^(?:(?:phone|tel|telephone|ph|main)\.?[ \t]*:?[ \t]*)?$", re.I)


def _under_address(cand: Candidate, address: str) -> bool:
    """True when the number stands alone (or under a phone word) on the line right under
    the agency's address (its ZIP line, with no number the address does not hold: not
    another office's "PO Box 4" in the same town)."""
    numbers = _NUMBER.findall(address)
    above = _NUMBER.findall(cand.above)
    at = cand.line.find(cand.value)
    return (
        bool(numbers)
        and numbers[-1] in above
        and set(above) <= set(numbers)
        and at >= 0
        and bool(_PHONE_WORD.match(cand.line[:at].strip()))
        and not cand.line[at + len(cand.value) :].strip()
    )


def _other_place(cand: Candidate, rules: Rules) -> bool:
    """True when a signature's address line gives it to another office of the town
    ("Town Hall: 31 The Green, ..." under a chief's name) and does not name the agency's
    own place. (Written in the request, "Town office, 130 Brook Road" is a constable's
    own address.)"""
    if not cand.where.startswith("signature"):
        return False
    ev = rules.language.evidence
    return _has_word(cand.line, ev.other_place_words) and not _has_word(
        cand.line, ev.agency_place_words
    )


def _someone_elses(cand: Candidate, poc: str, rules: Rules) -> bool:
    """True when the address's line gives it to another person by job ("our clerk Janet
    at jlaroche@...") and does not name the PoC between that person and the address."""
    before = cand.line[: max(0, cand.line.lower().find(cand.value))]
    jobs = list(other_person(rules).finditer(before))
    if not jobs:
        return False
    # the PoC named between that person and the address makes it the PoC's again
    near = before[jobs[-1].start() :].lower()
    words = [w.strip(".,").lower() for w in poc.replace(",", " ").split()]
    return not any(len(w) > 1 and re.search(rf"(?<!\w){re.escape(w)}(?!\w)", near) for w in words)


@per_rules
def other_person(rules: Rules) -> re.Pattern[str]:
    jobs = sorted(rules.language.evidence.other_person_words, key=len, reverse=True)
    alt = "|".join(re.escape(j) for j in jobs) or "(?!)"
    return re.compile(rf"(?<!\w)(?i:{alt})[ \t]+[A-Z][a-z'’-]+")


def _writes_it(
    poc: str, sender: tuple[str | None, str | None], writer: str | None, rules: Rules
) -> bool:
    """True when the PoC is the one who sends the message: the person the From header
    names, or the one who signs it from a mailbox named for an office ("Town of Elmore
    Clerk", signed "Jo Reed"): she writes from her own address."""
    from mailbot.intake.head_of_department import head_from_sender

    if sender[0] and _same_person(poc, sender[0]):
        return True
    named = head_from_sender(sender[0], rules)[0]
    return bool(writer) and named is None and _same_person(poc, writer or "")


def _same_person(a: str, b: str) -> bool:
    def key(n: str) -> tuple[str, str]:
        if "," in n:
            last, _, first = n.partition(",")
            n = f"{first} {last}"
        words = [w.strip(".").lower() for w in n.split() if len(w.strip(".")) > 1]
        return (words[0], words[-1]) if words else ("", "")

    ka, kb = key(a), key(b)
    return bool(ka[1]) and ka[1] == kb[1] and ka[0][:1] == kb[0][:1]


def locate(value: str, sources: list[tuple[str, list[str]]]) -> str | None:
    """Where ``value`` is written: "text line 4", "signature line 2"... or None.

    ``sources`` holds each text's lines already lower-cased with blanks folded."""
    want = " ".join(value.lower().split())[:40]
    if not want:
        return None
    for name, lines in sources:
        for n, line in enumerate(lines, 1):
            if want in line:
                return f"{name} line {n}"
    return None


def record_sources(
    result: ParseResult, settled: Settled, sources: list[tuple[str, str]]
) -> dict[str, ReadWhere]:
    """Evidence for every value read: where it is written and how sure the reader is."""
    out: dict[str, ReadWhere] = {}
    folded = [
        (name, [" ".join(line.lower().split()) for line in text.split("\n")])
        for name, text in sources
    ]
    values: list[tuple[str, str | None]] = [
        ("agency.name", result.agency.name),
        ("agency.judiciary_code", result.agency.judiciary_code),
        ("agency.address", result.agency.address),
        ("agency.phone", result.agency.phone),
        ("agency.logo", result.agency.logo),
        ("point_of_contact.name", result.point_of_contact.name),
        ("point_of_contact.email", result.point_of_contact.email),
        ("head_of_department.name", result.head_of_department.name),
        ("head_of_department.title", result.head_of_department.title),
    ]
    for path, value in values:
        if value is None:
            continue
        if path in settled.evidence:
            out[path] = settled.evidence[path]
            continue
        where = "attachment" if path == "agency.logo" else locate(value, folded)
        out[path] = {"where": where or "message headers", "confidence": HIGH}
    for i, officer in enumerate(result.officers):
        probe = officer.officer_number or officer.last_name or ""
        where = locate(probe, folded) if probe else None
        out[f"officers[{i}]"] = {"where": where or "a table", "confidence": HIGH}
    return out
