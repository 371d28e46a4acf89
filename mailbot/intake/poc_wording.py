"""The wordings that designate the e-ticket Point-of-Contact ("Detective Sara Lindqvist will
serve as our e-ticket Point-of-Contact", "I will be the PoC myself", "I'd like Sgt. Beth
Lumbra to be our point of contact"), read by :mod:`point_of_contact`."""

from __future__ import annotations

import re
from collections.abc import Sequence

from mailbot.intake.rules import Rules, per_rules

_WHOSE = (
    r"(?:(?:(?-i:[A-Z])[\w.&'’-]*\s+){0,4}?"
    r"(?i:agency|department|division|office|bureau|unit)['’]s\s+)?"
)
"""Whose PoC: "the Division's e-ticket Point-of-Contact", "our agency's PoC", "Newport
Police Department's TraCS Point-of-Contact" (the agency's name before it)."""


_POC_DESIGNATED = re.compile(
    r"(?:designat(?:ed|e|ing)|appoint(?:ed|ing)|nam(?:ed|ing)|assign(?:ed|ing)|select(?:ed|ing)"
    r"|chosen|nominat(?:ed|ing)|picked|asked|please\s+(?:use|list|put\s+down|enter)"
    # "Please set up our agency with Officer Dylan Mercier as our e-ticket Point of Contact"
    r"|set\s+up\s+[^.;!?]{1,40}?\s+with)"
    # "I designate Officer X like the Point-of-Contact" (a second-language writer's "as")
    r"\s+(.{1,120}?)\s+(?:as|like|to\s+be|to\s+serve\s+as|to\s+act\s+as)\s+"
    r"(?:(?:the|our)\s+)?"
    rf"{_WHOSE}"
    r"(?:e-?ticket(?:ing)?\s+)?"
    r"(?:point[- ]of[- ]contact|PoC"
    # "I designate Sgt. Allison Booth as our e-ticket contact"
    r"|(?:(?<=ticket\s)|(?<=ticketing\s))(?:contact|coordinator|liaison)\b)",
    re.I,
)


_POC_WORDS = (
    rf"(?i:(?:(?:the|our|my)\s+)?{_WHOSE}"
    r"(?:designated\s+)?"
    r"(?:primary\s+|main\s+)?"
    r"(?:(?:e-?ticket(?:ing)?\s+)?(?:point[- ]of[- ]contact|PoC|point\s+person)"
    r"|e-?ticket(?:ing)?\s+(?:contact|coordinator|liaison)"
    # "our (primary) contact for the e-ticket program"
    r"|contact\s+(?:person\s+)?(?:for|on)\s+(?:the\s+|our\s+)?e-?ticket(?:s|ing)?)\b)"
)


_CAP_WORD = r"(?<![\w.'’-])[A-ZÀ-ÖØ-Þ][\w.'’-]*+(?!@)"
"""A word in capitals, an accented capital too ("Émilie"); not an address's local part."""


_CAP_RUN = rf"{_CAP_WORD}(?:\s+{_CAP_WORD}){{1,4}}"


_AFTER_NAME = (
    r"(?:\s*\([^()]{1,80}\)"
    # "Ines Marrow, our Fleet Systems Supervisor, will be ...": her job between commas
    # (and a word of hers in brackets: "Glen Hart, our dispatch supervisor (civilian), will")
    r"|,\s+(?i:our|the|an?|my)\s+[^,.;:()¶\n]{1,60}(?:\([^()¶\n]{1,30}\)\s?)?,"
    # "Hannah Ostrowski, hostrowski@..., is designated ...": her address between commas
    r"|,\s+<?[\w.+-]{1,64}@[\w-]+(?:\.[\w-]+)+>?(?=,)"
    # "Ines Marrow in Records will be ...", "... at the village office will be ...": where
    # she works, after the name (and her address in brackets: "Amanda Pratt in our office
    # (apratt@...) will be ...")
    r"|\s+(?i:in|at|from|with|of)\s+(?:(?i:the|our)\s+)?[\w&'’-]+(?:\s+[\w&'’-]+){0,2}?"
    r"(?:\s*\([^()]{1,80}\))?)?"
)
"""What may stand between a person's name and the verb that makes them the PoC."""


_CONTACT_SAID = (
    r"(?:main\s+|primary\s+)?contact(?:\s+person)?(?=\s*(?:[.,;!(]|$|¶|(?:too|also|as\s+well|but)\b"
    r"|(?:for|on)\s+(?:this|it|that|these|us|them|(?:the\s+)?e-?tick\w*"
    r"|(?:the\s+)?electronic\s+tick\w*)\b|(?:my|our)\s+[a-z-]+\s+(?:is|are)\b"
    # "Sgt Mike Lavoie will be our contact mlavoie@...": the contact's address after it
    r"|<?[\w.+-]{1,64}@[\w-]+\."
    # "put me down as the contact instead of Officer Hurlburt": in another's place
    r"|(?:instead\s+of|in\s+place\s+of|rather\s+than|replacing)\b))"
)
"""The writer's "contact" for this matter ("the contact person too", "the contact my cell is")."""


# "Detective Sara Lindqvist will serve as our e-ticket Point-of-Contact",
# "Lt. Wendy Stokes is our designated e-ticket Point-of-Contact",
# "Officer Jill Ostrander is designated as our e-ticket Point-of-Contact", "Sgt. Lanier
# remains our e-ticket point of contact" (the PoC kept on a roster change), "Sgt Mike
# Lavoie will be our contact mlavoie@..." (the contact for this matter, ``_CONTACT_SAID``)
_POC_WILL_BE = re.compile(
    rf"({_CAP_RUN}){_AFTER_NAME},?\s+(?i:(?:will|has\s+agreed\s+to|agreed\s+to|is\s+going\s+to)"
    rf"\s+(?:be|serve\s+as|act\s+as|remain|continue\s+as)|is|has\s+been|shall\s+be"
    rf"|remains|continues\s+(?:to\s+be|as))\s+"
    rf"(?:(?i:(?:designated|appointed|named|assigned)\s+(?:as\s+)?)?{_POC_WORDS}"
    rf"|(?i:(?:the|our)\s+{_CONTACT_SAID}))"
)


# "He asked that Investigator Cory Lamb be the Point-of-Contact", "we request that Sgt.
# Ada Roy serve as our PoC": the person a request makes the PoC, in the subjunctive
_POC_THAT = re.compile(
    r"(?i:\b(?:ask|request|recommend|prefer|want)(?:s|ed|ing)?\s+that)\s+"
    rf"({_CAP_RUN}){_AFTER_NAME}\s+(?i:(?:should\s+|would\s+)?(?:be|serve\s+as|act\s+as))\s+"
    rf"{_POC_WORDS}"
)


# "Our e-ticket Point-of-Contact will be Cpl. Wyatt Lyman (wlyman@...)", "Our POC would be
# Officer Dan Roy" (a request's conditional), "the point of contact stays Sgt. Ann Roy",
# "I am not the point of contact - that is Lt. Ann Roy"
_POC_IS_NAMED = re.compile(
    rf"{_POC_WORDS}(?:\s+(?i:for|on|with)\s+[\w-]+(?:\s+[\w-]+)?)?"
    rf"\s*(?i:will\s+be|would\s+be|is\s+going\s+to\s+be|is|shall\s+be|remains|will\s+remain|stays"
    rf"|will\s+stay|[-–—:,]?\s*(?:that|this|it)(?:\s+is|['’]s|\s+will\s+be)|:|,)\s+"
    rf"(?:(?i:our|the|an?)\s+(?:[\w-]+\s+){{0,4}}?[\w-]+,?\s+)?({_CAP_RUN})(?!\s+[a-z]+\s+me\b)"
)


# "As Point of Contact I am designating Sergeant Hyun Park", "For the PoC we have chosen
# Cpl. Dana Roy": the role said first, then the person
_POC_ROLE_FIRST = re.compile(
    rf"(?<![\w-])(?i:as|for)\s+{_POC_WORDS},?\s+(?i:I|we)(?:\s+(?i:am|are|have|had)|['’](?i:m|re|ve))?"
    r"\s+(?i:(?:designat|appoint|nam|select|nominat)(?:e|ed|ing)|assign(?:ed|ing)?|chosen|picked)"
    rf"\s+({_CAP_RUN})"
)


# "Please make Sgt. Joanne Pelletier our point of contact", "i am making Sgt Dana Pelkey the
# point of contact"
_POC_MADE = re.compile(
    r"(?i:mak(?:e|ing)|designat(?:e|ing)|appoint(?:ing)?|nam(?:e|ing)|nominat(?:e|ing))"
    rf"\s+({_CAP_RUN})\s+{_POC_WORDS}"
)


_POC_FIRST_NAME = re.compile(
    rf"(?<![\w.'’-])([A-Z][a-z'’-]+)\s+(?i:is\s+gonna\s+be|is\s+going\s+to\s+be|will\s+be|is"
    # "Dale says he'll be the contact": his own word reported, of himself
    r"|(?:says|said|tells\s+me|told\s+me)\s+(?:that\s+)?(?:he|she)"
    r"(?:['’]ll\s+be|['’]d\s+be|\s+will\s+be|\s+would\s+be|\s+is|['’]s)"
    # "Ann has been our e-ticket point of contact since ...", "Ann remains our PoC"
    rf"|has\s+been|remains|will\s+remain|will\s+stay|will\s+continue\s+(?:to\s+be|as))\s+"
    # "Ray will be the contact person for this": the contact for this matter
    rf"(?:{_POC_WORDS}|(?i:(?:the|our)\s+{_CONTACT_SAID}))"
)


# "Sgt. Meghan Carr will coordinate on our end - mcarr@...": the PoC coordinates
_POC_COORDINATES = re.compile(
    rf"({_CAP_RUN}){_AFTER_NAME},?\s+(?i:will|shall|is\s+going\s+to)\s+coordinate\b"
    rf"(?!\s+(?i:with)\b)"
)


# "Sgt. Joanne Pelletier will handle e-ticketing for us as our point of contact"
_POC_WILL_ACT = re.compile(
    rf"({_CAP_RUN}){_AFTER_NAME},?\s+(?i:will|shall|has\s+agreed\s+to|agreed\s+to)"
    rf"\s+[^.;?!]{{1,60}}?\s+(?i:as)\s+{_POC_WORDS}"
)


# "I'd like Sgt. Beth Lumbra to be our point of contact", "i want Sgt Carrie Whitcomb to be
# the contact person for this", "I'd like our records sergeant, Ann Roy, to serve as ..."
_POC_LIKE = re.compile(
    # ... "Chief Yandow would like Cpl. Lisa Farnham to be the point of contact": the head
    # who wants it, named
    rf"\b(?:(?i:I|we)|[A-Z][a-z'’-]+)(?:(?:['’]d|\s+(?i:would))\s+(?i:like)|\s+(?i:wants?))\s+"
    rf"(?:(?i:our|my|the)\s+[^,.;:()¶\n]{{1,60}},\s+)?({_CAP_RUN}),?"
    # "... would like Officer Nate Currier (ncurrier@...) to be the new PoC": his address
    # in brackets after the name
    r"(?:\s*\([^()¶\n]{1,80}\))?"
    rf"\s+(?i:to\s+(?:be|serve\s+as|act\s+as))\s+"
    rf"(?:{_POC_WORDS}|(?i:the|our)\s+(?i:main\s+|primary\s+)?(?i:contact(?:\s+person)?)\b)"
)


# "Point of contact will be Cpl. Dean Harrow, dharrow@..." (no "the"/"our")
_POC_BARE_NAMED = re.compile(
    rf"(?<![\w-])(?i:(?:e-?ticket(?:ing)?\s+)?(?:point[- ]of[- ]contact|PoC))"
    rf"\s+(?i:will\s+be|would\s+be|shall\s+be|is)\s+(?:[a-z]{{2,12}}\.?\s+)?({_CAP_RUN})"
)
"""... also with the rank typed in lower case ("PoC is officer Kristen Blow, ...")."""


# "POC Cpl Amy Ferland aferland@...": the abbreviation, a name, then the name's address
# (a terse note from a phone, no verb between)
_POC_TERSE = re.compile(
    rf"(?<![\w-])(?:POC|PoC|(?i:(?:e-?ticket(?:ing)?\s+)?point[- ]of[- ]contact))\s*[:-]?\s+"
    rf"({_CAP_RUN})(?=,?\s+<?[\w.+-]{{1,64}}@[\w-])"
)
"""... and the words in full ("Point of contact Sgt Pat Roy proy@..."), no colon either."""


_SELF_POC = re.compile(
    # "I (Sgt. Corinne Tatro) will be ...": the writer's own name in brackets
    r"\bI(?:\s*\((?P<own>[^()]{3,60})\))?(?:['’]?ll|\s+will|\s+shall|\s+am|['’]?m)\s+(?:also\s+)?"
    r"(?:be|serve\s+as|act\s+as|remain|going\s+to\s+be)?\s*(?:the|our|your)?\s*"
    rf"{_WHOSE}"
    r"(?:designated\s+|primary\s+|main\s+)?"
    r"(?:(?:e-?ticket(?:ing)?\s+)?"
    r"(?:point[- ]of[- ]contact|PoC)|e-?ticket(?:ing)?\s+(?:contact|coordinator|liaison)"
    # "I will be the contact for this" (for the e-tickets, not for another matter)
    rf"|{_CONTACT_SAID})"
    r"|designated\s+myself|(?:point[- ]of[- ]contact|PoC)"
    r"\s*(?:will\s+be|is|[:=]|[-–]\s)?\s*(?::\s*)?(?:me|myself)\b"
    r"|contact\s+person\s+(?:will\s+be|is)\s+(?:me|myself)\b"
    # "... and will be the point of contact myself"
    r"|\b(?:be|serve\s+as|act\s+as)\s+(?:the\s+|our\s+)?(?:e-?ticket(?:ing)?\s+)?"
    r"(?:point[- ]of[- ]contact|PoC)\s+myself\b"
    # "I'll be the contact for this myself", "I will be the contact for this.", "I would be
    # the only user and the contact person.", "I will serve as both chief and the PoC, so"
    r"|\bI(?:['’]?ll|\s+will|\s+shall|\s+would|['’]d|\s+am|['’]?m)\s+(?:be|serve\s+as|act\s+as)\s+"
    r"(?:[^.;!?¶\n]{1,40}?\s+and\s+)?(?:the|your|our)\s+(?:e-?ticket(?:ing)?\s+|main\s+|primary\s+)?"
    r"(?:contact(?:\s+person)?|point[- ]of[- ]contact|PoC)"
    r"(?:\s+(?:for|on)\s+[\w-]+(?:\s+[\w-]+){0,3}?)?(?:\s+myself\b|\s*[.;,]|\s*$"
    r"|\s+(?:too|also|as\s+well)\b)"
    # "I am both the head of the department and the point of contact, so ...": a role of
    # his, then the contact's (no "be" after "I am")
    r"|\bI(?:\s+am|['’]?m)\s+(?:both\s+|also\s+)?(?:the|an?|your|our)\s+[^.;!?¶\n]{1,40}?\s+and\s+"
    r"(?:also\s+)?(?:the|your|our)\s+(?:e-?ticket(?:ing)?\s+|main\s+|primary\s+)?"
    r"(?:contact(?:\s+person)?|point[- ]of[- ]contact|PoC)(?:\s*[.;,]|\s*$|\s+(?:too|also)\b)"
    # "I'm chief and PoC.": a terse note's roles, no article before either
    r"|\bI(?:\s+am|['’]?m)\s+(?:both\s+)?[a-z]{3,20}(?:\s+[a-z]{3,20})?\s+and\s+(?:also\s+)?"
    r"(?:point[- ]of[- ]contact|PoC)(?:\s*[.;,]|\s*$|\s+(?:too|also)\b)"
    # "I will be my own point of contact", "(the Chief) asked me to be the PoC"
    r"|\bmy\s+own\s+(?:e-?ticket(?:ing)?\s+)?(?:point[- ]of[- ]contact|PoC)\b"
    # "The Chief has asked that I serve as the department's e-ticket Point-of-Contact"
    r"|\b(?:asked|requested)\s+that\s+I\s+(?:serve|act|be)\s+(?:as\s+)?(?:the\s+|our\s+|your\s+)?"
    rf"{_WHOSE}"
    r"(?:(?:e-?ticket(?:ing)?\s+)?"
    # ... "has asked that I be the contact person for this"
    rf"(?:point[- ]of[- ]contact|PoC)\b|{_CONTACT_SAID})"
    # "I'm the records supervisor for Ash Grove PD and will be the e-ticket PoC"
    r"|\bI(?:['’]m|\s+am)\s+[^.;!?¶\n]{1,100}?\s+and\s+(?:I['’]ll\s+|(?:I\s+)?(?:will|shall)\s+)"
    r"(?:also\s+)?(?:be|serve\s+as|act\s+as)\s+(?:the\s+|our\s+|your\s+)"
    rf"{_WHOSE}"
    r"(?:designated\s+|primary\s+|main\s+)?(?:(?:e-?ticket(?:ing)?\s+)?"
    rf"(?:point[- ]of[- ]contact|PoC)\b|{_CONTACT_SAID})"
    # "The Chief has designated me as the department's e-ticket Point of Contact", "put
    # me down as the contact person"
    r"|\b(?:asked|designated|named|appointed|assigned|chose|picked|put|list|listed|use|have"
    r"|enter|add|wants?|wanted)\s+me\s+(?:\([^()¶\n]{3,60}\)\s+)?(?:down\s+)?(?:to\s+[^.;!?¶\n]{1,60}?\s+and\s+)?(?:as|to\s+be"
    # "... asked me to submit our enrollment and act as point of contact"
    r"|to\s+serve\s+as|to\s+act\s+as|(?<=and\s)(?:be|serve\s+as|act\s+as))\s+(?:the\s+|our\s+|your\s+)?"
    rf"{_WHOSE}"
    r"(?:(?:e-?ticket(?:ing)?\s+)?(?:point[- ]of[- ]contact|PoC)\b"
    rf"|{_CONTACT_SAID})"
    # "As for a point of contact, that will be me", "PoC - that's me"
    r"|(?:point[- ]of[- ]contact|PoC|contact\s+person)[^.;!?¶\n\w]{0,3}(?:[\w-]+\s+){0,3}?"
    r"(?:that|it|this)(?:['’]ll|\s+will|\s+would|['’]s|\s+is)\s+(?:be\s+)?(?:me|myself)\b"
    # "I've taken over as Windsor PD's e-ticket point of contact": the role handed to him
    r"|\bI(?:['’]ve|\s+have)?\s+(?:taken|took)\s+over\s+as\s+(?:the\s+|our\s+|your\s+)?"
    r"(?:[\w.&'’-]{1,30}\s+){0,4}?(?:e-?ticket(?:ing)?\s+)?(?:point[- ]of[- ]contact|PoC)\b"
    # "I've been assigned as the e-ticket Point of Contact", "I was asked to be the PoC"
    r"|\bI(?:['’]ve\s+been|\s+have\s+been|\s+was|['’]m|\s+am|\s+got)\s+(?:assigned|designated"
    r"|named|appointed|chosen|picked|selected|asked)\s+(?:as|to\s+be|to\s+serve\s+as"
    r"|to\s+act\s+as)\s+(?:the\s+|our\s+|your\s+)?"
    rf"{_WHOSE}"
    r"(?:e-?ticket(?:ing)?\s+)?(?:point[- ]of[- ]contact|PoC)\b",
    re.I,
)


# "I'm naming you as our e-ticket Point-of-Contact", "you'll be our PoC": the head's note
# to the person it makes PoC (forwarded on by that person)
_POC_YOU = re.compile(
    r"\b(?:designat(?:e|ed|ing)|nam(?:e|ed|ing)|appoint(?:ed|ing)?|assign(?:ed|ing)?"
    r"|select(?:ed|ing)?|nominat(?:e|ed|ing)|want|need|(?:I|we)(?:['’]d|\s+would)\s+like"
    # "we received Chief Hebert's designation of you as the e-ticket Point of Contact"
    r"|designation\s+of)"
    r"\s+you\s+(?:as|to\s+be|to\s+serve\s+as|to\s+act\s+as)\s+(?:the\s+|our\s+)?"
    rf"{_WHOSE}(?:e-?ticket(?:ing)?\s+)?(?:point[- ]of[- ]contact|PoC)\b"
    r"|\byou(?:['’]ll|\s+will|\s+are\s+going\s+to)\s+(?:be|serve\s+as|act\s+as)\s+(?:the\s+|our\s+)"
    rf"{_WHOSE}(?:e-?ticket(?:ing)?\s+)?(?:point[- ]of[- ]contact|PoC)\b",
    re.I,
)


@per_rules
def _duty_re(rules: Rules) -> re.Pattern[str] | None:
    duties = sorted(rules.language.evidence.poc_duties, key=len, reverse=True)
    if not duties:
        return None
    alt = "|".join(re.escape(d).replace(r"\ ", r"\s+") for d in duties)
    return re.compile(
        rf"({_CAP_RUN}){_AFTER_NAME},?\s+(?i:will|shall|is\s+going\s+to|['’]ll)\s+"
        rf"(?i:{alt})(?![\w'’-])(?!\s+(?i:with|together)\b)"
    )


def duty_named(flat: str, rules: Rules) -> re.Match[str] | None:
    """ "Lt. Peter Ames will run this for us": the person the request gives the PoC's work
    (``poc_duties`` of the rules), when no wording names the PoC."""
    duty = _duty_re(rules)
    return None if duty is None else duty.search(flat)


# "I've reviewed Lt. Ruiz-Albright's information below. She will be our Point of Contact."
_POC_PRONOUN = re.compile(
    rf"(?<![\w'’-])(?:[Hh]e|[Ss]he)(?i:\s+will\s+(?:also\s+)?(?:be|serve\s+as|act\s+as)|['’]ll\s+be"
    rf"|(?:\s+is|['’]s)\s+going\s+to\s+be|\s+shall\s+be|\s+is|['’]s)\s+{_POC_WORDS}"
)


_REFERENT_BACK = 240
"""How far before "She will be our Point of Contact" her name is looked for."""


@per_rules
def _ranked_re(rules: Rules) -> re.Pattern[str]:
    ranks = sorted((r for r, t in rules.language.people.ranks.items() if t), key=len, reverse=True)
    alt = "|".join(re.escape(r) for r in ranks)
    cap = r"[A-Z][\w'’-]*+"
    return re.compile(rf"(?<![\w.'’-])(?i:{alt})\.?,?\s+({cap}(?:\s+{cap})?)")


@per_rules
def _job_comma_re(rules: Rules) -> re.Pattern[str]:
    """A job word, a comma, then a name of two words ("records supervisor, Tammy Bushey,")."""
    jobs = sorted((w for w in rules.language.people.job_words if len(w) >= 5), key=len)
    alt = "|".join(re.escape(w) for w in reversed(jobs))
    cap = r"[A-Z][\w'’-]*+"
    return re.compile(rf"(?<![\w'’-])(?i:{alt}),[ \t]+({cap}[ \t]+{cap})(?=[ \t]*[,(])")


def ranked_people(text: str, rules: Rules) -> list[str]:
    """The people ``text`` names in full after a rank ("Corporal Dustin Lanier"), so
    that "Sgt. Lanier remains our PoC" is read as the one of them of that last name."""
    ranks = rules.language.people.ranks
    found = (m.group(1).split() for m in _ranked_re(rules).finditer(text))
    # "... only police officer. Chief Tate has asked": a rank is no first name
    return [" ".join(w) for w in found if len(w) == 2 and w[0].lower().rstrip(".") not in ranks]


def _referent(before: str, roster: Sequence[str], rules: Rules) -> str | None:
    """The person a "he"/"she" designated as PoC refers to: the last ranked name before it
    ("Lt. Ruiz-Albright's information"), in full when one officer listed has that last
    name; ``None`` when no one, or no one certain, is named."""
    back = before[-_REFERENT_BACK:]
    found = list(_ranked_re(rules).finditer(back))
    # "Our records supervisor, Tammy Bushey, put the list together and she will also be"
    found += list(_job_comma_re(rules).finditer(back))
    if not found:
        return None
    found.sort(key=lambda m: m.start())
    words = re.sub(r"['’]s?$", "", found[-1].group(1)).split()
    last = words[-1].lower()
    full = [n for n in roster if n.split()[-1].lower() == last]
    if len(full) == 1:
        return full[0]
    return " ".join(words) if len(words) >= 2 else None


# "Pete Roy here, chief (and only officer, and e-ticket PoC) for ...", "This is Ann Roy,
# records clerk and PoC": the writer, naming himself, lists the PoC among his own roles
_POC_INTRO = re.compile(
    rf"(?P<lead>\b(?i:this\s+is|I['’]m|I\s+am|my\s+name\s+is)\s+)?(?P<own>{_CAP_RUN})"
    r"(?P<here>\s+(?i:here))?,\s+(?P<roles>(?:[^.;:!?¶\n]{0,80}?(?:,|\(|\band\b)\s*)?)"
    r"(?i:(?:the|our|your)\s+)?(?i:(?:e-?ticket(?:ing)?\s+)?(?:point[- ]of[- ]contact|PoC))\b"
)


_CLAUSE_VERB = re.compile(r"\b(?:is|are|was|were|will|shall|has|have|be|been|would)\b", re.I)
"""A verb among the roles: a clause about someone else ("writing as Sgt Roy is our PoC")."""


def self_introduced(flat: str) -> re.Match[str] | None:
    """The writer's introduction of himself (his name, then "here", or "This is" before
    it) that lists the PoC among his roles, with no clause between: his name is ``own``."""
    for m in _POC_INTRO.finditer(flat):
        if (m.group("lead") or m.group("here")) and not _CLAUSE_VERB.search(m.group("roles")):
            return m
    return None


_BETWEEN_SENTENCES = re.compile(r"(?<=[a-z]{3})[.!?]\s+(?=[A-Z])")
_OPENS_NAMED = re.compile(rf"(?:(?i:the|our)\s+)?{_CAP_RUN}")


def nearest_designation(m: re.Match[str]) -> re.Match[str]:
    """The wording read again from its last verb: "Chief Roy asked me to answer this. The
    Chief is Ann Roy. He has designated Officer Jo Platt as our PoC" names the one the
    nearest verb before the role designates, in the sentence that gives the role, not the
    words from the first verb of a sentence before it."""
    while True:
        inner = m.re.search(m.string, m.start(1))
        if (
            inner is None
            or inner.end() != m.end()
            or not _BETWEEN_SENTENCES.search(m.string, m.start(1), inner.start())
            or not _OPENS_NAMED.match(inner.group(1))
        ):
            return m
        m = inner
