"""The name the sender sets down for the ticket, in so many words: "please list us as
Stowbridge Village PD on the tickets", "Please display us on the ticket as: Vermont Fish
& Wildlife Department - Warden Service", "Proper name Village of Bellows Falls Police
Department", 'Please put "Stowbridge Constable" on the ticket'.

Pure functions; the verbs come from ``rules/language.toml``.
"""

from __future__ import annotations

import re

from mailbot.intake.rules import Rules, per_rules
from mailbot.intake.word_lists import alternation, lowered


@per_rules
def _shown_as(rules: Rules) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """ "please list us as ...", "Please show the name as "..." on the ticket": the
    pattern, and the words it needs in the lower-cased text (quick to look for)."""
    people = rules.language.people
    verbs = _alt(people.name_shown_verbs)
    objects = _alt(people.name_shown_objects)
    said = rf"(?:{verbs})\s+(?:{objects})"
    named = (
        r"(?:our\s+)?name\s+to\s+(?:appear|read|show|print|be\s+(?:displayed|printed|shown|listed))"
    )
    shown = re.compile(
        rf"(?i:{said}|{named})"
        r"(?i:\s+on\s+(?:the\s+)?(?:e-?)?tickets?)?\s+(?i:as)\s*:?\s+"
        r"(?:[\"“]([^\"”\n]{3,80})[\"”]"
        r"|([A-Z][\w'’.&-]*+(?:[ \t]+(?:[A-Z][\w'’.&-]*+|of|and|the|&)){1,8}))"
    )
    return shown, re.compile(f"{said}|{named}")


def _alt(words: list[str], blank: str = r"\s+") -> str:
    """``words`` as one alternation, longest first, each blank in them matching ``blank``."""
    return alternation([w.lower() for w in words], blank)


_RUN = r"(?<![\w'’.&-])([A-Z][\w'’.&-]*+(?:[ \t]+(?:[A-Z][\w'’.&-]*+|of|and|the|&)){1,8})"
# "Proper name Village of Bellows Falls Police Department.", "the Town of Pittsfield
# Constables, thats the name we want on the ticket"
_PROPER_NAME = re.compile(
    rf"(?i:proper\s+name)(?:\s+(?i:is|will\s+be))?\s*[:-]?\s+{_RUN}"
    rf"|{_RUN},?\s+(?i:that['’]?s|that\s+is|which\s+is)\s+(?i:the\s+)?(?i:proper\s+)?name\b"
)


# 'Please put "Stowbridge Constable" on the ticket': the quoted name it is to show
_PUT_ON = re.compile(
    r"(?i:put|use|print|show|have)\s+[\"“]([^\"”\n]{3,80})[\"”]\s+"
    r"(?i:on|at\s+the\s+top\s+of)\s+(?i:the\s+|our\s+)?(?i:e-?)?tickets?\b"
)


# 'What we'd like on the ticket is just "Stowbridge Constable"': the quoted name the
# ticket is to carry
_ON_TICKET_IS = re.compile(
    r"(?i:on\s+(?:the\s+|our\s+)?(?:e-?)?tickets?)\s+"
    r"(?i:is|reads?|says?|would\s+be|should\s+(?:be|read|say))\s+(?i:just\s+|simply\s+)?"
    r"[\"“]([^\"”\n]{3,80})[\"”]"
)


# 'Please have the ticket print as "Stowbridge Constable Department"', 'we want the
# tickets to read as "Stowbridge Constable"': the quoted name the ticket is to carry
_TICKET_PRINTS = re.compile(
    r"(?i:(?:e-?)?tickets?\s+(?:to\s+|should\s+|will\s+)?(?:print|read|say|show|display)s?"
    r"\s+as)\s*:?\s*[\"“]([A-Z][^\"”\n]{2,79})[\"”]"
)


# The words each pattern's match holds, found in the lower-cased text by a pattern that
# starts with a letter (quick to scan): a text without them is not scanned for the name.
_SHOWN_NEEDS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (_PUT_ON, re.compile(r"(?:put|use|print|show|have)\s+[\"“]")),
    (_ON_TICKET_IS, re.compile(r"tickets?\s+(?:is|reads?|says?|would|should)\s")),
    (
        _TICKET_PRINTS,
        re.compile(r"tickets?\s+(?:to\s+|should\s+|will\s+)?(?:print|read|say|show|display)"),
    ),
    (
        _PROPER_NAME,
        re.compile(
            r"proper\s+name|(?:that['’]?s|that\s+is|which\s+is)\s+(?:the\s+)?(?:proper\s+)?name"
        ),
    ),
)


@per_rules
def _set_down_as(rules: Rules) -> re.Pattern[str]:
    people = rules.language.people

    def alt(words: list[str]) -> str:
        ordered = sorted(words, key=len, reverse=True)
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) or "(?!)"

    verbs, objects = alt(people.name_shown_verbs), alt(people.name_shown_objects)
    return re.compile(
        rf"(?:\b(?:{verbs})[ \t]+(?:{objects})|(?:^|\bplease[ \t]+)(?:{verbs}))"
        r"(?:[ \t]+up)?(?:[ \t]+on[ \t]+(?:the[ \t]+|our[ \t]+)?(?:e-?)?tickets?)?[ \t]+as"
        r"(?:[ \t]*:[ \t]*(?P<said>[^\s][^\n]*)|[ \t]*:?[ \t]*\n[ \t]*(?P<below>[^\n]*))",
        re.I | re.M,
    )


_SET_DOWN_VALUE = re.compile(r"[A-Z][^@:\n]{4,98}")  # "Agency name: ..." is a label


def name_set_down(text: str, rules: Rules) -> str | None:
    """The name a sentence sets down after a colon or on the line below it ("Please
    display us on the ticket as: Vermont Fish & Wildlife Department - Warden Service",
    "Please set the agency up as:" over the name): the line whole, whatever its words."""
    m = _set_down_as(rules).search(text)
    if m is None:
        return None
    said = (m.group("said") or "").strip()
    value = (said or (m.group("below") or "").strip()).strip('"“”*_ ').rstrip(".,;")
    if _SET_DOWN_VALUE.fullmatch(value) is None or len(value.split()) < 2:
        return None
    return value


@per_rules
def _label_in_prose(rules: Rules) -> re.Pattern[str]:
    """A label of the agency's name that says "name" in two words or more ("Name on the
    ticket", "Agency name"), a link ("should be", ":"), then the name: written anywhere in
    a sentence, not only at a line's start."""
    labels = [
        w
        for w in rules.labels.labels.get("agency.name", [])
        if len(w.split()) >= 2 and "name" in w.lower().split()
    ]
    links = _alt(rules.language.people.name_label_links)
    if not labels or links == "(?!)":
        return re.compile("(?!)")
    # the label's words one or two blanks apart: not "Department" ending one column of a
    # side-by-side form and "Name:" opening the next
    label = _alt(labels, blank=r"[ \t]?\s")
    return re.compile(rf"(?<![\w-])(?i:{label})[ \t]*(?i:{links})[ \t]*[\"“]?{_RUN}")


def name_shown_as(text: str, rules: Rules) -> str | None:
    """The agency name the sender asks to be shown as ("please list us as Stowbridge
    Village PD on the tickets", "we'd like our name to appear as "Stowbridge Police"",
    "Proper name Village of Bellows Falls Police Department")."""
    written = name_set_down(text, rules)
    if written is not None:
        return written
    low = lowered(text)
    labelled = (_label_in_prose(rules), _NAME_WORD)
    for pattern, needed in (_shown_as(rules), *_SHOWN_NEEDS, labelled):
        m = pattern.search(text) if low is None or needed.search(low) else None
        if m is not None:
            break
    else:
        return None
    name = next((g for g in m.groups() if g), "")
    # "Proper name is Eddington Police Department. Jud code 0619": the sentence ends it
    name = _SENTENCE_END.split(name, maxsplit=1)[0].strip().rstrip(".,;")
    return name if len(name.split()) >= 2 else None


_NAME_WORD = re.compile(r"name")
_SENTENCE_END = re.compile(r"(?<=[a-z]{3})\.[ \t]+(?=[A-Z])")
