"""The title a roster change gives an officer: the one a promotion names ("promoted to
Sergeant", "made Corporal", "-> Sergeant"), the rank he takes where he moves ("... Police
Department as an Officer"), and a new officer's, after the word "title" ("title: Deputy
Sheriff") or as the rank he "will be" with the agency ("She will be an Officer with us"),
not the one he had where he was."""

from __future__ import annotations

import re

from mailbot.intake.prose import rank_title, split_rank
from mailbot.intake.rules import Rules, per_rules

# "title Deputy Sheriff", "title: Campus Police Officer": the title a new officer is given;
# "Her title here is Patrol Officer": the one where he now serves
_TITLE_SAID = re.compile(
    r"(?<![\w-])(?i:title)(?:[ \t]+(?i:for|on|in)[ \t][\w \t-]{1,30}?:[ \t]*"
    r"|[ \t]*(?:(?:(?i:here|there|with[ \t]+us)[ \t]+)?"
    r"(?i:is|will[ \t]+be|should[ \t]+be)[ \t]+|[:=–-][ \t]*)?)"
    r"([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})"
)


# "set him up as Officer", "add her as a Deputy", "enter them as Constables": the rank a
# new officer is entered with
_ENTERED_AS = re.compile(
    r"(?<![\w-])(?i:set[ \t]+(?:him|her|them)[ \t]+up|add[ \t]+(?:him|her|them)"
    r"|enter[ \t]+(?:him|her|them)|list[ \t]+(?:him|her|them))"
    r"(?:[ \t]+[a-z]+){0,4}?[ \t]*,?[ \t]+(?i:as)[ \t]+(?i:an?[ \t]+)?"
    r"[A-Z][\w.-]*(?:[ \t]+[A-Z][\w.-]*)?"
)


# "We hired Cody Wheeler, he is Officer", "she's a Deputy": a new officer's title
_IS_RANK = re.compile(
    r"(?<![\w-])(?i:he|she)(?:['’]s|[ \t]+is)(?:[ \t]+(?i:an?))?[ \t]+([A-Za-z][\w.'’-]*)"
)


# "She should appear as Deputy on her tickets", "will show as a Corporal": the title a
# new officer's tickets are to show
_SHOWN_AS = re.compile(
    r"(?<![\w-])(?i:should|will)[ \t]+(?i:appear|show|be[ \t]+listed|be[ \t]+shown)[ \t]+"
    r"(?i:as)[ \t]+(?i:an?[ \t]+)?([A-Z][\w.-]*)"
)


# "She will be an Officer with us", "She'll be Officer", "he will serve as a Sergeant":
# a new officer's title
_WILL_BE_RANK = re.compile(
    r"(?<![\w-])(?i:will[ \t]+|(?:he|she|they)['’]ll[ \t]+)(?i:be|serve|start|join[ \t]+us)"
    r"(?:[ \t]+(?i:as))?(?:[ \t]+(?i:an?))?"
    r"[ \t]+([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*)?)"
)


# "she's a trooper not officer", "he is a Sergeant, not a Corporal": the rank he has,
# correcting the one written before
_RANK_NOT_RANK = re.compile(
    r"(?i:\b(?:he|she|they)['’]s|\b(?:he|she)\s+is|\bthey\s+are)\s+(?i:an?\s+)?([A-Za-z]+)"
    r"[ \t]*,?[ \t]+(?i:not)[ \t]+(?i:an?[ \t]+)?([A-Za-z]+)\b"
)


# "Haines should be Corporal, not Officer": the rank a record should have instead
_SHOULD_BE_NOT = re.compile(
    r"(?i:\bshould\s+(?:be|read))\s+(?i:an?\s+)?([A-Za-z]+)"
    r"[ \t]*,?[ \t]+(?i:not)[ \t]+(?i:an?[ \t]+)?([A-Za-z]+)\b"
)


def rank_corrected(
    text: str, rules: Rules, pattern: re.Pattern[str] = _RANK_NOT_RANK
) -> str | None:
    """The rank a correction gives ("he's a corporal not sergeant"): both words ranks."""
    m = pattern.search(text)
    if m and rank_title(m.group(1), rules) and rank_title(m.group(2), rules):
        return rank_title(m.group(1), rules)
    return None


# "New Second Constable is Mary Jo Clement", "Our new deputy will be Jo Roy": the rank a
# new officer comes as, before his name
_NEW_RANK_IS = re.compile(
    r"(?<![\w-])(?i:new)[ \t]+([A-Za-z][\w.-]*(?:[ \t]+[A-Za-z][\w.-]*)?)[ \t]+"
    r"(?i:is|will[ \t]+be)[ \t]+[A-Z]"
)


def _new_rank_named(text: str, rules: Rules) -> str | None:
    """The rank before "is <name>" after "new" ("New Second Constable is Mary Jo
    Clement"), a modifier kept before it."""
    m = _NEW_RANK_IS.search(text)
    if m is None:
        return None
    words = m.group(1).split()
    if len(words) == 2 and words[0].lower() in _modifiers(rules) and rank_title(words[1], rules):
        return f"{words[0].capitalize()} {rank_title(words[1], rules)}"
    return rank_title(words[-1], rules) if len(words) == 1 else None


def title_named(text: str, rules: Rules) -> str | None:
    """The rank an item names after the word "title" ("Username is still dkelley, title
    Officer."), or None."""
    m = _TITLE_SAID.search(text)
    if m is None:
        return None
    said = m.group(1).rstrip(".,;")
    words = said.split()
    if rank_title(said, rules) or len(words) < 2 or not rank_title(words[-1], rules):
        return rank_title(said, rules)
    # "title Public Safety Officer": the words before the rank that ends it are its own
    return said if not any(rank_title(w, rules) for w in words[:-1]) else None


def _title_said(text: str, rules: Rules) -> str | None:
    """The title an item names after the word "title", when one of its words is a rank,
    else the rank he "will be" with the agency (not the one he had where he was)."""
    m = _TITLE_SAID.search(text)
    if m is not None and any(rank_title(w, rules) for w in m.group(1).split()):
        return m.group(1)
    fixed = rank_corrected(text, rules)
    if fixed:
        return fixed  # "sorry he's a sergeant not corporal"
    named = _new_rank_named(text, rules)
    if named:
        return named  # "New Second Constable is Mary Jo Clement"
    shown = _SHOWN_AS.search(text)
    if shown and rank_title(shown.group(1).rstrip(".,;"), rules):
        return rank_title(shown.group(1).rstrip(".,;"), rules)  # "should appear as Deputy"
    will = _WILL_BE_RANK.search(text) or _IS_RANK.search(text)
    if will is None:
        # "Could you set him up the same way, as Officer?": the rank he is entered as
        entered = _ENTERED_AS.search(text)
        if entered:
            return _as_rank(entered.group(0), rules)
        # "has been sworn in as a Game Warden": the rank he joined with
        joined = _joined_as(rules).search(text)
        return _as_rank(joined.group(0), rules) if joined else None
    words = will.group(1).split()
    two = rank_title(" ".join(words[:2]), rules) if len(words) == 2 else None
    return two or rank_title(words[0].rstrip(".,;"), rules)


_TITLE_TO = re.compile(
    r"(?i:promoted|promotion|promot(?:e|es|ing)\b[^;\n]{0,60}?|moved\s+up|advanced|reclassified|title\s+change|\btitle"
    # "demoted to Officer", "is reassigned to the rank of Patrol Officer"
    r"|demot(?:ed|ion)|reduced(?:\s+in\s+rank)?|(?:re)?assigned(?=\s+to\s+the\s+rank\s+of))"
    # "title on the tickets from ... to ...", "title in TraCS from ... to ..."
    r"(?:\s+(?i:on|in)\s+(?i:(?:the|his|her|their)\s+)?(?i:tickets?|tracs|records?|system))?"
    r"(?:\s+(?i:from)\s+[\w.]+(?:\s+[\w.]+)?)?\s+(?i:to)\s+(?i:the\s+rank\s+of\s+)?(?i:an?\s+)?"
    # 'update her title to "Acting Sgt."': the title in quotes
    r"[\"“']?([A-Z][\w.-]*(?:[ \t]+[A-Z][\w.-]*){0,2})"
    r"|(?i:new\s+(?:title|rank)\s+(?:is|:|will\s+be)"
    # "His title at Stillwater will be Patrol Officer": the title where he goes
    r"|title\s+(?:there\s+|with\s+us\s+|here\s+|(?:on|in|at)\s+(?:(?:the|his|her|their)\s+)?[\w-]+\s+)?"
    # "Mbeki's title changes to Corporal"
    r"(?:be\s+changed\s+to|(?:changes|changed|is\s+changing|will\s+change)\s+to"
    r"|should\s+(?:just\s+|now\s+)?(?:be|read)|(?:to\s+)?reads?|is\s+now|will\s+be)|"
    r"rank\s+(?:should\s+be|is\s+now)|is\s+now\s+an?"
    # "please make his title Lieutenant", "set her rank as Corporal": the title asked for
    r"|(?:make|set|mark|list)\s+(?:his|her|their|the)\s+(?:title|rank)(?:\s+(?:as|read))?"
    # "should appear as "Detective" on the tickets": the title the record should show
    # ("he should now print as Corporal": as his tickets print it)
    r"|(?:should|will)\s+(?:now\s+)?(?:appear|show|print|be\s+listed|be\s+shown)\s+as(?:\s+an?)?"
    # "the five Corporals will carry the title "Senior Patrol Officer"", "are to take the
    # rank of Sergeant": the title they are to have
    r"|(?:will|shall|are\s+to|is\s+to)\s+(?:now\s+)?(?:carry|take|hold|have|receive|get|assume)"
    r"\s+the\s+(?:new\s+)?(?:title|rank)(?:\s+of)?)"
    r"\s*(?::\s*)?[\"“']?"
    r"([A-Z][\w.-]*(?:[ \t]+[A-Z][\w.-]*){0,2})"
)


# "Deputy Sean Whitlock (LU077) made Corporal", "was made a sergeant": a title change
# only when the words after "made" are a rank
_MADE_RANK = re.compile(
    # "I was elected First Constable": the rank a town's vote made him
    r"(?<!\w)(?i:made|(?:was|been)\s+elected)\s+(?i:an?\s+)?"
    r"([A-Za-z][\w.-]*)(?:[ \t]+([A-Za-z][\w.-]*))?"
)


# "Cpl. Jason Brosseau, SA055 -> Sergeant", "is now Sergeant", "was Officer, now
# Corporal", "is now Acting Sergeant", "Deputy Ann Roy, X101 - now Sergeant": a rank
# written after them is the new title
_RANK_AFTER = re.compile(
    r"(?:->|→|=>|(?i:\bis\s+now)|(?i:\bwas\s+[^,;\n]{1,30}?[,;]?\s+now\b)"
    r"|[,;:(\u2013\u2014-][ \t]*(?i:now)\b"
    # "Ramos 05640 now Cpl.": "now" right after his number
    r"|(?<=\d)[ \t]+(?i:now)\b)"
    # "Sgt Ware is now our Lieutenant": the agency's rank he now holds
    r"\s*(?i:an?\s+|our\s+|the\s+)?([A-Za-z][\w.-]*(?:[ \t]+[A-Za-z][\w.-]*){0,2})"
)


_RANK_WORDS = 4
"""The most words of one title ("Senior Motor Vehicle Inspector")."""


def rank_words(words: list[str], rules: Rules) -> str | None:
    """The title when ``words`` are a rank and nothing else ("Sgt.", "Deputy Sheriff",
    "Acting Sergeant"), else None."""
    words = [w.strip(",;:!?\"“”'") for w in words]
    if not words or len(words) > _RANK_WORDS or not all(words):
        return None
    title, rest = split_rank([*words, "Name"], rules)
    return title if rest == ["Name"] else None


def rank_run(words: list[str], rules: Rules, *, ending: bool = False) -> str | None:
    """The title of the longest run of rank words opening ``words`` ("Acting Sergeant
    Please" -> "Acting Sergeant"), or, ``ending``, ending them ("Our Second Constable"
    -> "Second Constable"); None when the first (last) word is no rank."""
    for k in range(min(_RANK_WORDS, len(words)), 0, -1):
        title = rank_words(words[-k:] if ending else words[:k], rules)
        if title:
            return title
    return None


# "he got his stripes, so he's Sergeant Bombard now": his rank and name, then "now"
_NOW_RANKED = re.compile(
    r"\b(?i:he|she)['’]s[ \t]+([A-Z][\w.-]*)[ \t]+[A-Z][\w'’-]*[ \t]+(?i:now)\b"
)


_ABBREVIATED = 4
"""The most letters of a rank written short with a full stop ("Capt.", "Sgt.", "Lt.")."""


def _new_title(text: str, rules: Rules) -> str | None:
    """The title an item gives an officer ("promoted to Sergeant", "made Corporal")."""
    fixed = rank_corrected(text, rules, _SHOULD_BE_NOT)
    if fixed:
        return fixed  # "Haines should be Corporal, not Officer"
    after = _RANK_AFTER.search(text)
    ranked = rank_run(after.group(1).split(), rules) if after else None
    if ranked:
        return ranked
    now = _NOW_RANKED.search(text)
    if now and rank_title(now.group(1), rules):
        return rank_title(now.group(1), rules)  # "so he's Sergeant Bombard now"
    m = _TITLE_TO.search(text)
    if m:
        raw = _title_words((m.group(1) or m.group(2) or "").split(), rules).rstrip(".")
        words = raw.split()
        if len(words) == 2 and words[0].endswith(".") and not rank_title(words[1], rules):
            raw = words[0].rstrip(".")  # "to Lieutenant. Please update her title."
        for at, word in enumerate(words[:-1]):
            if word.endswith(".") and len(word.rstrip(".")) > _ABBREVIATED:
                # "title to Officer. Sheriff Lamb knows ...": a whole word ends its sentence
                raw = " ".join(words[: at + 1]).rstrip(".")
                break
        return rank_title(raw, rules) or raw
    m = _NUMBER_TO_RANK.search(text)
    if m and rank_title(m.group(1), rules):
        return rank_title(m.group(1), rules)  # "Ofc. Tyrell Jenkins (MT2K7) to Corporal"
    for m in _RANK_TO_RANK.finditer(text):
        if rank_title(m.group(1), rules) and rank_title(m.group(2), rules):
            return rank_title(m.group(2), rules)  # "Steven Marsh (K1044) - Sergeant to Lieutenant"
    m = _MADE_RANK.search(text)
    if m is None:
        return _lower_rank_to(text, rules)
    first, second = m.group(1), (m.group(2) or "").rstrip(".,;")
    if second and first.lower() in _modifiers(rules) and rank_title(second, rules):
        return f"{first.capitalize()} {rank_title(second, rules)}"  # "made Senior Trooper"
    return rank_title(first, rules) or _lower_rank_to(text, rules)


# "got promoted to corporal", "title should be sergeant": the words of a title change
# written in lower case, a rank only when they are one
_TITLE_TO_ANY_CASE = re.compile(_TITLE_TO.pattern.replace("([A-Z]", "([A-Za-z]"))


def _lower_rank_to(text: str, rules: Rules) -> str | None:
    """The rank a title change written in lower case names ("got promoted to
    corporal"): two words, else one, when they are a rank; else None."""
    for m in _TITLE_TO_ANY_CASE.finditer(text):
        words = [w.strip(".,;:!?\"”'") for w in (m.group(1) or m.group(2) or "").split()[:2]]
        if not words or not words[0] or not words[0][0].islower():
            continue  # capitalised: read as written above
        for raw in (" ".join(words), words[0]):
            if rank_title(raw, rules):
                return rank_title(raw, rules)
    return None


def _title_words(words: list[str], rules: Rules) -> str:
    """The words of a title written after "promoted to" or "title should read": three
    when two modifiers come before a rank ("Senior Patrol Officer"), else the first two
    ("Sergeant", "Patrol Officer", "Corporal Please")."""
    modifiers = _modifiers(rules)
    if len(words) == 3 and all(w.lower().rstrip(".") in modifiers for w in words[:2]):
        rank = rank_title(words[2], rules)
        if rank:
            return f"{words[0]} {words[1]} {rank}"
    return " ".join(words[:2])


# "Sergeant to Lieutenant", "from Officer to Corporal": the old rank, then the new one
_RANK_TO_RANK = re.compile(r"(?<![\w.-])([A-Za-z][\w.-]*)[ \t]+(?i:to)[ \t]+([A-Za-z][\w.-]*)")
_NUMBER_TO_RANK = re.compile(r"\)[ \t]+(?i:to)[ \t]+(?i:an?[ \t]+)?([A-Z][\w.-]*)")
_AS_RANK = re.compile(r"(?<!\w)(?i:as)\s+(?i:an?\s+)?([A-Z][\w.-]*)(?:[ \t]+([A-Z][\w.-]*))?")


def _as_rank(text: str, rules: Rules) -> str | None:
    """The rank an officer takes where he moves ("... Police Department as an Officer",
    "as a Game Warden")."""
    for m in _AS_RANK.finditer(text):
        first, second = m.group(1).rstrip(".,;"), (m.group(2) or "").rstrip(".,;")
        pair = rank_title(f"{first} {second}", rules) if second and m.group(1) == first else None
        if pair:
            return pair
        if second and first.lower() in _modifiers(rules) and rank_title(second, rules):
            return f"{first.capitalize()} {rank_title(second, rules)}"
        if rank_title(first, rules):
            return rank_title(first, rules)
    return None


@per_rules
def _joined_as(rules: Rules) -> re.Pattern[str]:
    """ "sworn in as a Game Warden", "hired on as Officer": the words a new officer's
    rank follows, a few words (or a date: "starts 11/23 as a Police Officer") between them
    and "as"."""
    words = sorted(rules.language.people.joined_as, key=len, reverse=True)
    either = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words) or "(?!)"
    between = r"(?:[a-z][\w'’-]*|\d{1,2}/\d{1,2}(?:/\d{2,4})?)"
    return re.compile(
        rf"(?<![\w-])(?i:{either})(?:[ \t]+{between}){{0,4}}?[ \t]+(?i:as)[ \t]+"
        r"(?i:an?[ \t]+)?[A-Z][\w.-]*(?:[ \t]+[A-Z][\w.-]*)?"
    )


@per_rules
def _modifiers(rules: Rules) -> frozenset[str]:
    return frozenset(w.lower() for w in rules.language.people.rank_modifiers)


# "Title stays Officer", "her title remains Sergeant", "title is still Deputy": the title
# the record keeps
_KEPT = re.compile(
    # "She stays a Corporal": said of the officer himself
    r"\b(?i:title|he|she)[ \t]+"
    r"(?i:stays|remains|is[ \t]+still|will[ \t]+stay|will[ \t]+remain)[ \t]+"
    r"(?i:as[ \t]+)?(?i:an?[ \t]+)?([A-Z][\w.-]*(?:[ \t]+[A-Z][\w.-]*){0,2})"
)


def title_kept(text: str, rules: Rules) -> str | None:
    """The title an update says the record keeps ("Title stays Officer"), or None."""
    m = _KEPT.search(text)
    return rank_title(m.group(1).rstrip(".,"), rules) if m else None


# "Deputies Amanda Roy (X101) and Tom Belk (X102)": a rank written once, in the plural,
# before the first of the officers a sentence names
_PLURAL_RANK = re.compile(r"(?<![\w'’.-])([A-Za-z]+)[ \t]+(?=[A-Z][a-z])")


def shared_rank(pieces: list[str], rules: Rules) -> list[str]:
    """The clauses of a sentence naming several officers (each with a number), where the
    first gives their rank in the plural ("Deputies Amanda Roy (X101)", "Tom Belk (X102)
    resigned"): each clause with the rank in the singular before its name, unless it
    gives a rank of its own."""
    plurals = rules.language.people.rank_plurals
    m = _PLURAL_RANK.search(pieces[0]) if len(pieces) > 1 else None
    while m is not None and m.group(1).lower() not in plurals:
        m = _PLURAL_RANK.search(pieces[0], m.end(1))
    if m is None:
        return pieces
    one = plurals[m.group(1).lower()]
    out = [pieces[0][: m.start(1)] + one + pieces[0][m.end(1) :]]
    for piece in pieces[1:]:
        first = piece.split(None, 1)[0] if piece.strip() else ""
        out.append(piece if rank_title(first, rules) is not None else f"{one} {piece}")
    return out
