"""The e-ticket Point-of-Contact's address: the one written with the name and theirs
(made from the name, or on the sender's domain), one in a later sentence that names
them, or the Cc address of a PoC said to be copied; read by :mod:`point_of_contact`.
"""

from __future__ import annotations

import re

from mailbot.intake.fields import _EMAIL
from mailbot.intake.rules import Rules, per_rules
from mailbot.intake.word_lists import alternation

SENTENCE_END = re.compile(r"(?<=[a-z])\.\s")
"""A sentence's end before the next one (not a rank's or an initial's stop)."""


def in_same_sentence(flat: str, at: int, name: str, sender: str | None, rules: Rules) -> str | None:
    """The PoC's address written in the rest of the sentence that names them, from ``at``
    ("...; she can be reached at amy@...", "Ray will be the contact - his email is ..."):
    one that is theirs, not given to another, not a login."""
    rest = SENTENCE_END.split(flat[at : at + 240], maxsplit=1)[0]
    email = _EMAIL.search(rest)
    if (
        email
        and _may_be_theirs(name, email.group(0), sender, rules, rest[: email.start()])
        and not _given_to_another(rest[: email.start()], name, email.group(0), rules)
        and not _a_login(rest[: email.start()])  # "DPS username jdoe@dps..."
    ):
        return email.group(0).lower()
    if email is None and sender and _use_mine(rules).search(rest):
        # "Dale says he'll be the contact but use my email for now": the address the
        # writer writes from, given for the contact
        return sender.lower()
    return None


@per_rules
def _use_mine(rules: Rules) -> re.Pattern[str]:
    """ "use my email", "please use my address": the writer's own address for the
    contact's mail, named but not written out (``own_address_words`` after "use")."""
    mine = [w for w in rules.language.evidence.own_address_words if w.startswith("my ")]
    return re.compile(rf"\buse\s+(?:{alternation(mine)})(?![\w@-])", re.I)


def _same_domain(address: str, sender: str | None) -> bool:
    domain = address.rpartition("@")[2].lower()
    return bool(sender) and domain == (sender or "").rpartition("@")[2].lower()


@per_rules
def _role_mailboxes(rules: Rules) -> frozenset[str]:
    return frozenset(w.lower() for w in rules.language.evidence.role_mailboxes)


def _may_be_theirs(
    name: str, address: str, sender: str | None, rules: Rules, before: str = ""
) -> bool:
    """An address written near a person's name is theirs when the words ``before`` it give
    it to them ("her email is ..."), its local part is made from the name, or it is on
    the sender's own domain (not a vendor's or a list's)."""
    from mailbot.intake.roles import name_matches_address

    if _given_to_them(before, rules):
        return True
    if name_matches_address(_EMAIL.sub("", name), address):
        return True
    words = _EMAIL.sub("", name).replace(",", " ").split()
    first = words[0].strip(".").lower() if len(words) >= 2 and "," not in name else ""
    if len(first) >= 3 and address.split("@")[0].lower() == first:
        return True  # "matt@gmnetservices.com" for Matt Desrochers (a vendor's first-name box)
    if address.split("@")[0].lower() in _role_mailboxes(rules):
        return False  # helpdesk@, records@: not a person's address
    domain = address.rpartition("@")[2].lower()
    return bool(sender) and domain == (sender or "").rpartition("@")[2].lower()


@per_rules
def _given_words(rules: Rules) -> re.Pattern[str]:
    words = sorted(rules.language.evidence.address_given_words, key=len, reverse=True)
    alt = "|".join(re.escape(w).replace("\\ ", r"\s+") for w in words) or r"(?!)"
    return re.compile(r"(?<![\w])(?:" + alt + r")\s*$", re.I)


def _given_to_them(before: str, rules: Rules) -> bool:
    """True when the words right before an address give it to the person spoken of
    ("... she is on copy, her email is", "He can be emailed at")."""
    return bool(before) and _given_words(rules).search(before[-60:]) is not None


def _given_to_another(before: str, name: str, address: str, rules: Rules) -> bool:
    """True when the words just before an address give it to someone else by job ("copy
    our dispatcher Mia Grant (mgrant@...)") and it is not made from the PoC's name."""
    from mailbot.intake.roles import name_matches_address, other_person

    if name_matches_address(_EMAIL.sub("", name), address):
        return False
    return other_person(rules).search(before[-120:]) is not None


@per_rules
def _own_words(rules: Rules) -> re.Pattern[str]:
    words = sorted(rules.language.evidence.own_address_words, key=len, reverse=True)
    alt = "|".join(re.escape(w).replace("\\ ", r"\s+") for w in words) or r"(?!)"
    return re.compile(r"(?<![\w])(?:" + alt + r")(?:\s+(?:is|at))?[\s:,(–-]*$", re.I)


_OWN_LATER = 300
"""How far after the words that make the writer the PoC his own address is looked for."""


def own_address_later(after: str, rules: Rules) -> str | None:
    """The address the writer gives as his own ("please use my office address, rc@...")
    in the text ``after`` the words that make him the PoC, up to the paragraph's end."""
    after = after[:_OWN_LATER].split("¶")[0]
    for m in _EMAIL.finditer(after):
        if _own_words(rules).search(after[max(0, m.start() - 80) : m.start()]):
            return m.group(0).lower()
    return None


def own_address_in(text: str, rules: Rules) -> str | None:
    """The first address ``text`` gives as its writer's own ("My email is tm@town.vt.us
    (I'm writing from my Gmail ...)"), or None."""
    for m in _EMAIL.finditer(text):
        if _own_words(rules).search(text[max(0, m.start() - 80) : m.start()]):
            return m.group(0).lower()
    return None


COPIED = re.compile(r"\bcc['’]?(?:e?d)\b|\bcopied\b|\bcopying\b", re.I)


def _said_copied(text: str, name: str) -> bool:
    """True when a sentence naming the PoC (first or last name) says they are copied
    ("Greg is cc'd on this email"): then the Cc address with their name is theirs, on
    whatever domain (a contractor's own firm)."""
    words = [w.strip(".,") for w in name.split()]
    words = [w for w in (words[0], words[-1]) if len(w) >= 3] if words else []
    if not words or not COPIED.search(text):
        return False
    word = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w])")
    return any(word.search(s) and COPIED.search(s) for s in sentences_of(text))


_PRONOUN = re.compile(r"\b(?:he|she|they|him|his|her|them|their)\b", re.I)

_USERNAME_BEFORE = re.compile(r"\b(?:user[ -]?(?:name|id)|log(?:in|on))[\s:#=-]{0,4}$", re.I)
"""Words that label the address after them a login ("DPS username jdoe@dps..."), not
a mailbox: an officer's username is not where the PoC's mail goes."""


def _a_login(before: str) -> bool:
    return _USERNAME_BEFORE.search(before[-40:]) is not None


def written_as_login(line: str, address: str) -> bool:
    """True when ``address`` stands on ``line`` right after words that make it a login."""
    at = line.lower().find(address.lower())
    return at >= 0 and _a_login(line[:at])


@per_rules
def _this_mailbox(rules: Rules) -> re.Pattern[str]:
    words = sorted(rules.language.evidence.this_mailbox_words, key=len, reverse=True)
    alt = "|".join(re.escape(w).replace("\\ ", r"\s") for w in words) or r"(?!)"
    return re.compile(r"(?<![\w])(?:" + alt + r")(?![\w@.-])", re.I)


_REACH = re.compile(r"\b(?:reach|contact|use|send|write|e-?mail)", re.I)


def _points_to_sender(sentence: str, rules: Rules) -> bool:
    """ "Best way to reach him is this email": a word of reaching, then words for the
    address this message comes from (not "he is cc'd on this email")."""
    m = _this_mailbox(rules).search(sentence)
    return m is not None and _REACH.search(sentence[: m.start()]) is not None


_LATER_EMAIL = 600
"""How far after a sentence naming the PoC their address is looked for."""


def _said_later(text: str, name: str, sender: str | None, rules: Rules) -> str | None:
    """ "Sgt. Brennan can be reached at kbrennan@..." in a later sentence: an address in
    a sentence that names the PoC by last name, and is theirs (:func:`_may_be_theirs`)."""
    last = name.replace(",", " ").split()[-1] if "," not in name else name.split(",")[0]
    last = last.strip(".")
    if len(last) < 2:
        return None
    low = last.lower()
    if ("@" not in text and not sender) or low not in text.lower():
        return None
    # only the paragraphs that name the PoC, and the one after each, are read
    paragraphs = text.split("\n\n")
    keep = [i for i, p in enumerate(paragraphs) if low in p.lower()]
    near = sorted({j for i in keep for j in (i, i + 1) if j < len(paragraphs)})
    text = "\n\n".join(paragraphs[j] for j in near)
    # named by last name, or by first name alone ("Kevin ... can be reached at ...")
    first = name.split()[0].strip(".,") if "," not in name else ""
    either = [last] + ([first] if len(first) >= 3 and first != last else [])
    word = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(w) for w in either) + r")(?![\w])", re.I)
    named = False
    for sentence in sentences_of(text):
        if len(sentence) > _LATER_EMAIL:
            named = False
            continue
        mentions = bool(word.search(sentence))
        # "He can be reached at ...", right after the sentence that names the PoC (or
        # after one that speaks of them so: "I will copy him; his address is ...")
        follows = named and _PRONOUN.search(sentence) is not None
        if mentions or follows:
            for m in _EMAIL.finditer(sentence):
                before = sentence[: m.start()]
                if (
                    _may_be_theirs(name, m.group(0), sender, rules, before)
                    and not _given_to_another(before, name, m.group(0), rules)
                    and not _a_login(before)
                ):
                    return m.group(0).lower()
            if sender and "@" not in sentence and _points_to_sender(sentence, rules):
                return sender.lower()
        named = mentions or follows
    return None


def sentences_of(text: str) -> list[str]:
    from mailbot.intake.prose import sentences

    return sentences(text)


def own_box_written(text: str, name: str | None, sender: str | None) -> str | None:
    """The writer's own address written in the message ("Desk: 802-555-0153 |
    aroy@town.gov" in his signature) when he writes from a mailbox that is not his own
    (the department's "police@town.gov"): made from his name, on the sender's domain."""
    from mailbot.intake.roles import name_matches_address

    if not sender or not name or name_matches_address(name, sender):
        return None
    for m in _EMAIL.finditer(text):
        if _same_domain(m.group(0), sender) and name_matches_address(name, m.group(0)):
            return m.group(0).lower()
    return None
