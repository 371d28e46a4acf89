"""The last look before the sender is asked, for the people and the place of an enrollment:
the Point-of-Contact's name and e-mail, the head's name and the agency's address.

A message that speaks of its PoC in a wording no reader knows ("The person of contact for
this will be Mrs. Chantal Roy", "I guess I'd be the point of contact too"), signs with a
head's title the head reader missed, or writes its street and ZIP without the usual marks
("We're at 20 Church St Hardwick 05843") has given the item: staff get the candidates, the
sender is not asked again. Where the reading is plain (the writer makes himself the PoC and
names no one else for it and no other address), the value is filled instead. Words live in
``rules/language.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mailbot.intake.candidates import EMAIL
from mailbot.intake.change_logins import login_letters
from mailbot.intake.model import ParseResult, StaffQuestion
from mailbot.intake.names import by_last_name
from mailbot.intake.person_name import name_key, person_name
from mailbot.intake.poc_email import sentences_of
from mailbot.intake.prose import display_name
from mailbot.intake.rules import Rules, per_rules

Seen = list[tuple[str, str]]
MAX_CANDIDATES = 5
_NAME_RUN = re.compile(
    r"(?<![\w'’.-])(?:[A-Z][a-z]{1,5}\.\s+)?[A-Z][\w'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'’-]+){0,2}"
)
_ZIP = re.compile(r"(?<![\w-])05\d{3}(?:-\d{4})?(?![\w-])")
_STREET_START = re.compile(r"(?<![\w#-])\d{1,5}[A-Za-z]?\s+[A-Z][\w.'’-]*")


def people_questions(
    result: ParseResult,
    texts: Sequence[tuple[str, str]],
    rules: Rules,
    sender: tuple[str | None, str | None] = (None, None),
) -> dict[str, StaffQuestion]:
    """Questions for staff on the missing PoC, head name and address items of ``result``
    of which ``texts`` hold a candidate; a PoC plainly the writer is filled in ``result``."""
    unread = {
        "point_of_contact.name": result.point_of_contact.name,
        "point_of_contact.email": result.point_of_contact.email,
        "head_of_department.name": result.head_of_department.name,
        "agency.address": result.agency.address,
    }
    missing = {p for p in result.missing if p in unread and unread[p] is None}
    out: dict[str, StaffQuestion] = {}
    poc_paths = {"point_of_contact.name", "point_of_contact.email"} & missing
    if poc_paths:
        names, emails = _contact_candidates(result, texts, rules, sender)
        if "point_of_contact.name" in poc_paths and names:
            _ask(out, "point_of_contact.name", "Who is the e-ticket Point-of-Contact?", names)
        if "point_of_contact.email" in poc_paths and emails:
            _ask(out, "point_of_contact.email", "Which is the Point-of-Contact's e-mail?", emails)
    if "head_of_department.name" in missing:
        heads, titles = _head_names(texts, rules)
        own = display_name(sender[0] or "", rules) if sender[0] else None
        signed = [h for h in heads if own and name_key(h[0], rules) == name_key(own, rules)]
        if signed and len(heads) == 1:
            # the writer signs her own name over a head's title: she is the head
            result.head_of_department.name = signed[0][0]
            result.head_of_department.title = result.head_of_department.title or titles[0]
        elif heads:
            _ask(out, "head_of_department.name", "Who is the head of the department?", heads)
    if "agency.address" in missing:
        places = _street_lines(texts, rules)
        if places:
            _ask(out, "agency.address", "Is one of these the agency's address?", places)
    return out


def _ask(out: dict[str, StaffQuestion], path: str, question: str, seen: Seen) -> None:
    out[path] = {
        "field": path,
        "question": question,
        "candidates": [{"value": v, "where": w} for v, w in seen[:MAX_CANDIDATES]],
    }


def _add(seen: Seen, value: str, where: str) -> None:
    if value and all(v.casefold() != value.casefold() for v, _ in seen):
        seen.append((value, where))


def names_contact(text: str, rules: Rules) -> bool:
    """True when ``text`` speaks of the e-ticket Point-of-Contact ("I will be the contact
    person", "Lt. Roy will be our PoC"): a value of the request it names."""
    return _contact_re(rules).search(text) is not None


@per_rules
def _contact_re(rules: Rules) -> re.Pattern[str]:
    words = sorted(rules.language.evidence.contact_words, key=len, reverse=True)
    alt = "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in words)
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.I)


@per_rules
def _role_re(rules: Rules) -> re.Pattern[str]:
    """The contact words, and the contact as a role taken in a request ("I am the chief
    and the contact"): for the last look only."""
    ev = rules.language.evidence
    words = sorted([*ev.contact_words, *ev.contact_roles], key=len, reverse=True)
    alt = "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in words)
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.I)


@per_rules
def _self_re(rules: Rules) -> re.Pattern[str]:
    """The writer made the contact in one clause: "I'd be the point of contact", "wants me
    (Jenna Moriarty, ...) to be the PoC", "PoC is me"."""
    ev = rules.language.evidence

    def alt(words: list[str]) -> str:
        ordered = sorted(words, key=len, reverse=True)
        return "|".join(re.escape(w).replace("'", "['’]").replace(r"\ ", r"\s+") for w in ordered)

    contact = "|".join(
        re.escape(w).replace(r"\ ", r"[\s-]+")
        for w in sorted(ev.contact_words, key=len, reverse=True)
    )
    me, link, obj = alt(ev.first_person_words), alt(ev.self_links), alt(ev.self_objects)
    made = alt(ev.self_made_verbs) or r"(?!x)x"
    clause = r"[^.;!?\n]"
    return re.compile(
        rf"(?<![\w'’-])(?:{me})(?![\w'’-])(?:\s*\([^()]{{1,80}}\))?(?P<between>{clause}{{0,60}}?)"
        rf"(?<![\w'’-])(?:{link})(?![\w'’-]){clause}{{0,40}}?(?<![\w-])(?:{contact})(?![\w-])"
        rf"|(?<![\w-])(?:{contact})(?![\w-]){clause}{{0,30}}?(?<![\w'’-])(?:{link})\s*[:-]?\s*"
        rf"(?:{obj})(?![\w'’-])"
        rf"|(?<![\w'’-])(?:{made})[ \t]{{1,3}}(?:{obj})(?:[ \t]{{0,3}}\([^()]{{1,80}}\))?"
        rf"[ \t]{{1,3}}(?:[\w'’-]{{1,20}}[ \t]{{1,3}})?(?:{contact})(?![\w-])",
        re.I,
    )


@per_rules
def _not_name_words(rules: Rules) -> frozenset[str]:
    """Words no person's name is made of: an agency's, a place's, the PoC's, a pronoun."""
    people = rules.language.people
    phrases = [
        *people.agency_suffixes,
        *people.place_words,
        *people.desk_names,
        *people.pronouns,
        *people.sign_offs,
        *rules.language.evidence.contact_words,
        *people.head_titles,
    ]
    return frozenset(w.casefold().strip(".,") for p in phrases for w in p.split())


def _people_in(sentence: str, rules: Rules) -> list[str]:
    """The persons a sentence names: in full, or by surname after a rank ("Ofc. Rivers")."""
    stop = _not_name_words(rules)
    out: list[str] = []
    for m in _NAME_RUN.finditer(sentence):
        run = m.group(0)
        name = person_name(run, rules)
        if not name:
            continue
        words = name.split()
        if any(w.casefold().strip(".,") in stop for w in words):
            continue
        ranked = len(name) < len(run.strip())
        if len(words) >= 2 or ranked:
            out.append(name)
    return out


def _names_other(between: str, own: str | None, rules: Rules) -> bool:
    """ "I have designated Sgt. Molly Dubois as ...": a person named between the writer and
    the role is the one it is given to."""
    return any(
        not own or name_key(n, rules) != name_key(own, rules) for n in _people_in(between, rules)
    )


def _contact_candidates(
    result: ParseResult,
    texts: Sequence[tuple[str, str]],
    rules: Rules,
    sender: tuple[str | None, str | None],
) -> tuple[Seen, Seen]:
    """Names and addresses written in the sentences that speak of the PoC (the writer's
    own when he speaks of himself there, an address elsewhere for a person named there)."""
    contact, me = _role_re(rules), _self_re(rules)
    sender_name = display_name(sender[0] or "", rules) if sender[0] else None
    sender_addr = (sender[1] or "").lower() or None
    roster = [" ".join(n for n in (o.first_name, o.last_name) if n) for o in result.officers]
    known = [result.head_of_department.name, *roster, sender_name]
    names: Seen = []
    emails: Seen = []
    others: list[str] = []
    self_said = False
    for where, text in texts:
        for sentence in sentences_of(text[:100_000]):
            if len(sentence) > 600 or not contact.search(sentence):
                continue
            said = me.search(sentence)
            if said and not _names_other(said.group("between") or "", sender_name, rules):
                self_said = True
            for name in _people_in(sentence, rules):
                full = by_last_name(name, known) if len(name.split()) == 1 else name
                if full is None:
                    continue
                if sender_name and name_key(full, rules) == name_key(sender_name, rules):
                    continue
                others.append(full)
                _add(names, full, where)
            for m in EMAIL.finditer(sentence):
                if not _desk_address(m.group(0), rules):
                    _add(emails, m.group(0).lower(), where)
    if not names and not emails and not self_said:
        return [], []
    for full in others:  # an address elsewhere made of a named person's surname
        last = login_letters(full.split()[-1])
        for where, text in texts:
            for m in EMAIL.finditer(text[:100_000]):
                local = login_letters(m.group(0).split("@")[0])
                if len(last) >= 3 and last in local and not _desk_address(m.group(0), rules):
                    _add(emails, m.group(0).lower(), where)
    if self_said:
        own = sender_name or result.head_of_department.name
        if own:
            _add(names, own, "sender")
        if sender_addr and not _desk_address(sender_addr, rules):
            _add(emails, sender_addr, "sender")
        if not others and sender_addr and own and sender_addr in (e for e, _ in emails[:1]):
            # the writer makes himself the contact and names no one else for it
            _fill(result, own, sender_addr)
            return [], []
    return names, emails


def _fill(result: ParseResult, name: str, email: str) -> None:
    if result.point_of_contact.name is None:
        result.point_of_contact.name = name
    if result.point_of_contact.email is None:
        result.point_of_contact.email = email


def _desk_address(address: str, rules: Rules) -> bool:
    local = address.split("@")[0].casefold()
    return local in {m.casefold() for m in rules.language.evidence.role_mailboxes}


@per_rules
def _head_title_re(rules: Rules) -> re.Pattern[str]:
    titles = sorted(rules.language.people.head_titles, key=len, reverse=True)
    alt = "|".join(re.escape(t) for t in titles)
    return re.compile(rf"^\s*(?:{alt})\b[\w\s,'’.-]{{0,60}}$", re.I)


def _head_names(texts: Sequence[tuple[str, str]], rules: Rules) -> tuple[Seen, list[str]]:
    """Persons' names on the line above a head's title ("Ellen Marchetti / Chief of
    Police"), a signature the head reader did not take, and the titles under them."""
    title = _head_title_re(rules)
    stop = _not_name_words(rules)
    not_head = {w.casefold() for w in rules.language.people.not_head_modifiers}
    seen: Seen = []
    titles: list[str] = []
    for where, text in texts:
        lines = [ln.strip() for ln in text[:100_000].split("\n")]
        for i, line in enumerate(lines):
            if not line or len(line) > 80 or not title.match(line) or i == 0:
                continue
            if line.split()[0].casefold() in not_head:
                continue
            above = lines[i - 1].strip(" ,")
            name = person_name(above, rules) if 0 < len(above) <= 40 else None
            words = (name or "").split()
            if 2 <= len(words) <= 4 and not any(w.casefold() in stop for w in words):
                _add(seen, name or "", where)
                titles.append(line.strip(" ,"))
    return seen, titles


def _street_lines(texts: Sequence[tuple[str, str]], rules: Rules) -> Seen:
    """A house number and street up to a Vermont ZIP on one line ("20 Church St Hardwick
    05843"), not the desk's own."""
    desk = [d.casefold() for d in rules.language.people.desk_names]
    seen: Seen = []
    for where, text in texts:
        for line in text[:100_000].split("\n"):
            if len(line) > 300 or any(d in line.casefold() for d in desk):
                continue
            for z in _ZIP.finditer(line):
                head = line[max(0, z.start() - 80) : z.start()]
                starts = list(_STREET_START.finditer(head))
                if not starts:
                    continue
                value = (head[starts[-1].start() :] + z.group(0)).strip()
                if not EMAIL.search(value):
                    _add(seen, " ".join(value.split()), where)
    return seen
