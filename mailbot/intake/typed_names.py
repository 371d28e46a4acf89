"""A request typed fast on a phone, or dictated to it, in lower case ("i am making sgt dana
pelkey the point of contact her email is dpelkey@townvt.gov ... name on the ticket should
be royalton police department"), read with the capitals a clerk would have written, where
the message itself says the words are a name:

- two words that make an address the message gives ("dana pelkey" beside
  ``dpelkey@...``, "kim marsh" beside ``k.marsh@...``, "tom kinney" signed under mail from
  ``tkinney@...``) are a person's name, and a rank typed before it is a rank ("Sgt Dana
  Pelkey");
- a place the message's addresses or its postal address name, before the words that end
  an agency's name ("royalton pd", "town of bristol police department"), is the agency's
  name ("Royalton PD", "Town of Bristol Police Department");
- a rank typed in lower case before a name written with capitals is a rank ("chief Dean
  Ouellette");
- in a note typed all in lower case, the words after a rank or before an officer number
  that end where a change's wording, a label or a pronoun starts ("officer tom reilly
  number R0622", "sgt dunn retired", "jess paquette she'll need ...") are a name
  (:func:`named_by_rank`, for the change notes :mod:`mailbot.intake.change_typing` reads).

Words already written with capitals stay as written, so a message in ordinary case reads
as before. The rank words, the agency endings and the place words are in the rules.
"""

from __future__ import annotations

import dataclasses
import re

from mailbot.intake.checks import check_officer_number
from mailbot.intake.parts import MessageParts
from mailbot.intake.prose import Split
from mailbot.intake.rules import Rules, per_rules
from mailbot.intake.word_lists import lower_set, word_start

_MAX_TEXT = 20_000
_ADDRESS = re.compile(r"(?<![\w.+'-])([\w.+'-]{1,64})@([\w-]+)(?:\.[\w-]+)*\.[A-Za-z]{2,}")
_LOWER = re.compile(r"(?<![\w@.'’-])[a-z][a-z'’-]*+(?![\w@'’-])")
_SEPARATORS = re.compile(r"[._'’-]")
_TRAILING_DIGITS = re.compile(r"\d+$")


def _forms(first: str, last: str) -> set[str]:
    """The mailbox names a person called ``first last`` is commonly given."""
    first, last = _SEPARATORS.sub("", first), _SEPARATORS.sub("", last)
    if len(first) < 2 or len(last) < 2:
        return set()
    return {first + last, first[:1] + last}


# a login the message gives an officer: after its label ("username dpelkey", "user
# browell") or after the officer's number ("P0231 ncioffi")
_LOGINS = (
    re.compile(
        r"(?<![\w-])(?i:user[ \t]*name|user[ \t]*id|user|login)[ \t]*[:#=-]?[ \t]*"
        r"([a-z][a-z0-9._-]{3,29})(?![\w@-])"
    ),
    re.compile(
        r"(?<![\w-])(?=[A-Za-z]{0,4}\d)[A-Za-z0-9]{4,7}[ \t]*[,;:/|-]?[ \t]+"
        r"([a-z][a-z0-9._-]{3,29})(?![\w@-])"
    ),
)


def _mailboxes(text: str, sender: str | None, rules: Rules) -> set[str]:
    """The mailbox names of the addresses in ``text`` and the sender's, and the logins
    ``text`` gives, bare ("k.marsh" is "kmarsh", "jdoe2" is "jdoe"); also their first
    piece or two ("mlanoue.hpd" is also "mlanoue", "dean.ouellette.hpd" "deanouellette")."""
    found = [m.group(1) for m in _ADDRESS.finditer(text)]
    found += [m.group(1) for login in _LOGINS for m in login.finditer(text)]
    if sender and "@" in sender:
        found.append(sender.split("@", 1)[0])
    out: set[str] = set()
    for local in found:
        local = _TRAILING_DIGITS.sub("", local.lower())
        out.add(_SEPARATORS.sub("", local))
        pieces = [p for p in _SEPARATORS.split(local) if p]
        if len(pieces) > 1:  # "mlanoue.hpd" is also "mlanoue"
            out.update({pieces[0], "".join(pieces[:2])})
    roles = lower_set(rules.language.evidence.role_mailboxes)
    return {m for m in out if len(m) >= 4 and m not in roles}


def _places(text: str, sender: str | None, rules: Rules) -> set[str]:
    """The first labels of the message's mail domains ("royaltonvt"; the desk's own,
    "vermont.gov", is none of the agency's) and the town of its postal address ("bristol"
    in "1 south st bristol vt 05443")."""
    domains = {
        m.group(2).lower()
        for m in _ADDRESS.finditer(text)
        if not rules.formats.dps_username.on_dps_domain(m.group(0).rpartition("@")[2])
    }
    if sender and "@" in sender:
        domains.add(sender.split("@", 1)[1].split(".")[0].lower())
    state = re.escape(rules.formats.address.state.lower())
    towns = {
        m.group(1).lower()
        for m in re.finditer(rf"(?<![\w-])([a-z]{{3,}})[ \t,]+{state}[ \t,]+\d{{5}}\b", text, re.I)
    }
    return domains | towns


@per_rules
def _ranks(rules: Rules) -> frozenset[str]:
    return frozenset(r.lower() for r, title in rules.language.people.ranks.items() if title)


@per_rules
def _agency_re(rules: Rules) -> tuple[re.Pattern[str], dict[str, str]]:
    """A place word or two, typed in lower case, before an agency name's ending, and the
    ending as the rules write it ("police department" is "Police Department")."""
    people = rules.language.people
    endings: dict[str, str] = {}
    for written in [*people.agency_suffixes, *people.typed_abbreviations]:
        endings.setdefault(written.lower(), written)
    alt = "|".join(re.escape(e) for e in sorted(endings, key=len, reverse=True))
    places = "|".join(re.escape(p.lower()) for p in people.place_words if p.lower() != "of")
    return (
        re.compile(
            rf"(?<![\w@.'’-])(?:((?:{places})[ \t]+of)[ \t]+)?([a-z]{{3,}})"
            rf"(?:[ \t]+((?:{places})))?[ \t]+({alt})(?![\w'’-])"
        ),
        endings,
    )


def _capital(word: str) -> str:
    return "-".join(p[:1].upper() + p[1:] for p in word.split("-"))


def _names_by_address(text: str, boxes: set[str], rules: Rules) -> list[tuple[int, int, str]]:
    """The spans of the lower-case names that make one of ``boxes``, with their rank."""
    if not boxes:
        return []
    words = list(_LOWER.finditer(text))
    ranks = _ranks(rules)
    # every form ends with the last name: a pair with no word that ends a mailbox
    # name makes none of them
    endings = {box[i:] for box in boxes for i in range(len(box) - 1)}
    bare = [_SEPARATORS.sub("", w.group(0)) in endings for w in words]
    out: list[tuple[int, int, str]] = []
    for i in range(len(words) - 1):
        if not (bare[i] or bare[i + 1]):
            continue
        a, b = words[i], words[i + 1]
        if text[a.end() : b.start()] not in (" ", "\t"):
            continue
        # "dana pelkey" for dpelkey, "cioffi nathan" (last name first) for ncioffi
        if not (_forms(a.group(0), b.group(0)) | _forms(b.group(0), a.group(0))) & boxes:
            continue
        for m in (a, b):
            out.append((m.start(), m.end(), _capital(m.group(0))))
        rank = words[i - 1] if i > 0 else None
        if rank and rank.group(0) in ranks and text[rank.end() : a.start()] in (" ", ". "):
            out.append((rank.start(), rank.end(), rank.group(0).capitalize()))
    return out


def _agency_names(text: str, places: set[str], rules: Rules) -> list[tuple[int, int, str]]:
    """The spans of the lower-case agency names whose place the message names elsewhere."""
    pattern, endings = _agency_re(rules)
    out: list[tuple[int, int, str]] = []
    never = {
        w.lower() for w in [*rules.language.people.pronouns, *rules.language.people.small_words]
    }
    for m in pattern.finditer(text):
        place = m.group(2)
        if len(place) < 4 or place in never or not any(place in known for known in places):
            continue
        for g in (1, 2, 3):  # "town of", "bristol", "county"
            if m.group(g):
                words = [w if w == "of" else _capital(w) for w in m.group(g).split(" ")]
                out.append((m.start(g), m.end(g), " ".join(words)))
        out.append((m.start(4), m.end(4), endings[m.group(4)]))
    return out


@per_rules
def _rank_before_name(rules: Rules) -> re.Pattern[str]:
    ranks = sorted(_ranks(rules), key=len, reverse=True)
    # the same as "(?<![\w@.'’-])(?:{alt})", quick to scan for (word_start)
    lead = word_start(ranks, r"\ ", cased=True, before=r"\w@.'’-")
    lead = lead or rf"(?<![\w@.'’-])(?:{'|'.join(re.escape(r) for r in ranks)})"
    return re.compile(rf"({lead})(?=\.?[ \t]+[A-Z][a-z'’-]+[ \t]+[A-Z][a-z])")


def capitalised(text: str, sender: str | None, rules: Rules) -> str:
    """``text`` with the names its addresses and places vouch for written with capitals."""
    if len(text) > _MAX_TEXT or not _LOWER.search(text):
        return text
    low = text.lower()
    spans = _names_by_address(text, _mailboxes(text, sender, rules), rules)
    spans += _agency_names(text, _places(text, sender, rules), rules)
    if any(r in low for r in _ranks(rules)):
        spans += [
            (m.start(1), m.end(1), m.group(1).capitalize())
            for m in _rank_before_name(rules).finditer(text)
        ]
    if not spans:
        return text
    out, last = [], 0
    for start, end, word in sorted(set(spans)):
        if start < last:
            continue
        out += [text[last:start], word]
        last = end
    return "".join(out) + text[last:]


TOKEN = re.compile(r"[A-Za-z0-9][\w'’-]*+|\S")
_NAME_WORD = re.compile(r"[a-z][a-z'’-]*+")
_LETTERED = re.compile(r"^(?=[A-Za-z]{0,4}\d)[A-Za-z0-9]{5}$")
_LABELS = frozenset({"username", "user", "login", "id", "leo", "badge", "number", "no", "#"})
# the words after a name that tell of its person: "jess paquette she'll need ..."
_PRONOUNS = frozenset(
    {"he", "she", "he's", "she's", "hes", "shes", "he'll", "she'll", "his", "her", "their"}
)


@per_rules
def rank_words(rules: Rules) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The rank words, the words that end a name ("number", "retired", "has") and the
    words that are no name at all."""
    people, intent = rules.language.people, rules.language.intent
    ranks = frozenset(r.lower() for r in people.ranks if " " not in r)
    changes = intent.add + intent.promote + intent.deactivate + intent.transfer
    changes += intent.reactivate + intent.now_titled
    firsts = {p.split()[0].lower() for p in changes if p.split()}
    after = frozenset(firsts | _LABELS | _PRONOUNS)
    said = {w.lower() for p in changes for w in p.split()}  # "promotions effective"
    modifiers = {m.lower() for m in people.rank_modifiers}
    instruction = {w.lower() for w in people.instruction_words}
    small = {w.lower() for w in people.small_words}
    never = frozenset(ranks | modifiers | instruction | small | after | said)
    return ranks, after, never


def is_officer_number(word: str, rules: Rules) -> bool:
    return bool(_LETTERED.match(word)) and check_officer_number(word.upper(), rules) is None


def named_by_rank(text: str, rules: Rules) -> str:
    """``text``, typed in lower case, with the names of the people it names by rank or
    beside an officer number capitalised."""
    ranks, after, never = rank_words(rules)
    modifiers = {m.lower() for m in rules.language.people.rank_modifiers}
    tokens = list(TOKEN.finditer(text))
    low = [t.group(0).lower() for t in tokens]

    def namelike(i: int) -> bool:
        return 0 <= i < len(tokens) and bool(_NAME_WORD.fullmatch(low[i])) and low[i] not in never

    def ends_name(i: int) -> bool:
        while i < len(tokens) and low[i] in (",", ":", "-", "("):
            i += 1
        return i < len(tokens) and (low[i] in after or is_officer_number(tokens[i].group(0), rules))

    def span(start: int, step: int) -> list[int]:
        found: list[int] = []
        while len(found) < 2 and namelike(start + step * len(found)):
            found.append(start + step * len(found))
        return found

    capital: set[int] = set()
    for i, word in enumerate(low):
        if word in ranks:  # "officer tom reilly number", "sgt dunn retired"
            after_rank = span(i + 1, 1)
            while after_rank and not ends_name(after_rank[-1] + 1):
                after_rank.pop()
            capital.update(after_rank)
        elif is_officer_number(tokens[i].group(0), rules):  # "and jen brault H1030"
            before = span(i - 1, -1)
            if before and (before[-1] == 0 or low[before[-1] - 1] not in _LABELS):
                capital.update(before)
    # "officer amanda collins got married shes amanda thibault now": her first name again
    # and the name she has now
    firsts = {low[i] for i in capital if i + 1 in capital and i - 1 not in capital}
    for i, word in enumerate(low):
        if word in firsts and i not in capital and namelike(i + 1) and ends_name(i + 2):
            capital.update((i, i + 1))
    # the ranks ("promoted to sergeant", "sgt Dunn"), and the words that make one title
    # with them ("part-time officer Lucas Hebert")
    for i, word in enumerate(low):
        if word in ranks:
            capital.add(i)
            j = i - 1
            while j >= 0 and low[j] in modifiers and i + 1 in capital:
                capital.add(j)
                j -= 1
    if not capital:
        return text
    out, last = [], 0
    for i in sorted(capital):
        t = tokens[i]
        word = "-".join(p[:1].upper() + p[1:] for p in t.group(0).split("-"))
        out += [text[last : t.start()], word]
        last = t.end()
    return "".join(out) + text[last:]


def typed_split(split: Split, sender: str | None, rules: Rules) -> Split:
    """``split`` with its body and signature read with the capitals above."""
    body = capitalised(split.body, sender, rules)
    signature = capitalised(split.signature, sender, rules)
    if (body, signature) == (split.body, split.signature):
        return split
    return Split(body, signature)


def with_sender_named(parts: MessageParts, rules: Rules) -> MessageParts:
    """``parts`` with the sender's name typed in lower case ("mike lanoue" for
    ``mlanoue.hpd@...``, a phone's own name for its owner) written with capitals."""
    name = parts.sender_name
    if not (name and name.islower() and len(name.split()) == 2):
        return parts
    named = capitalised(name, parts.sender, rules)
    return parts if named == name else dataclasses.replace(parts, sender_name=named)
