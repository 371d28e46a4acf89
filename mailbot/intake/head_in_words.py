"""The head of department the writer speaks of in his own words: by title only ("The Chief
has signed off and asked me to be the point of contact"), or his own title ("I'm the chief
of the Village of Derby Line Police Department"), or the title he writes around the
head's name ("- Chief Olmstead", "this is chief dan willey", "Chris Brickell, Chief").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mailbot.intake.rules import Rules, per_rules


@per_rules
def head_titles(rules: Rules) -> tuple[list[str], str]:
    """The head titles longest first ("Chief of Police" tried before "Chief") and the
    regular-expression alternation of them, built once per rules."""
    titles = sorted(rules.language.people.head_titles, key=len, reverse=True)
    return titles, "|".join(re.escape(t) for t in titles)


def _unnamed_pattern(rules: Rules, states: str) -> re.Pattern[str]:
    """The head spoken of by title alone, doing something or, after "is" or "was", in one
    of ``states`` (an alternation)."""
    _, alt = head_titles(rules)
    acts = (
        r"has|have|had|asked|signed|approved|authori[sz]ed|wants|would|gave|said"
        rf"|(?:is|was)\s+(?:{states})(?![\w'’-])"
    )
    nouns = "|".join(map(re.escape, rules.language.evidence.approval_nouns)) or "(?!)"
    return re.compile(
        # "Chief said to go ahead ...": the title opening a sentence stands for the article
        rf"(?:(?<![\w-])(?:[Tt]he|[Oo]ur)\s+|(?m:^)[ \t]*|(?<=[.!?][ \t]))({alt})\s+(?:{acts})\b"
        # "With the approval of our Director, the Division ...": his word, not his name
        rf"|\b(?i:{nouns})\s+of\s+(?:the|our)\s+"
        rf"({alt})(?![\w'’-])(?!\s+[A-Z][a-z])"
    )


@per_rules
def _head_unnamed_re(rules: Rules) -> re.Pattern[str]:
    # "is" and "was" only with a word of his part in it ("The Chief is aware", "is cc'd"),
    # not "the Chief is out until next week" (no part in this request)
    part = "|".join(map(re.escape, rules.language.people.head_involved_words)) or "(?!)"
    return _unnamed_pattern(rules, part)


@per_rules
def _head_spoken_re(rules: Rules) -> re.Pattern[str]:
    return _unnamed_pattern(rules, r"[\w’'-]++")


def head_spoken_of(body: str, rules: Rules) -> bool:
    """True when the writer speaks of the head by title alone, whatever he says of him
    ("the Chief is out until next week"): the writer is not the head."""
    return _head_spoken_re(rules).search(body) is not None


def head_unnamed(body: str, rules: Rules) -> str | None:
    """The title of a head the writer speaks of without naming ("The Chief has signed off
    and asked me to be the point of contact", "Chief said to go ahead"), or None."""
    m = _head_unnamed_re(rules).search(body)
    return (m.group(1) or m.group(2)) if m else None


def titled_in_headers(title: str, addresses: Sequence[tuple[str, str]], rules: Rules) -> str | None:
    """The one person a header's display name gives ``title`` ("From: Chief Ray Goodrich
    <...>" for "the Chief"); ``None`` when none, or several, are."""
    from mailbot.intake.head_of_department import head_from_sender

    found = set()
    for name, _ in addresses:
        person, titled = head_from_sender(name, rules)
        if person and titled and titled.casefold() == title.casefold():
            found.add(person)
    return found.pop() if len(found) == 1 else None


@per_rules
def _sent_for_re(rules: Rules) -> re.Pattern[str]:
    _, alt = head_titles(rules)
    return re.compile(
        # "chief asked me to get this over to u" (a phone's terse note drops the article)
        rf"(?<![\w-])(?:(?i:the|our|my)\s+)?(?i:{alt})\s+(?i:has\s+|had\s+)?"
        rf"(?i:asked|requested|directed|instructed)\s+me\b"
    )


def sent_for_unnamed_head(body: str, rules: Rules) -> bool:
    """True when the writer sends for a head he does not name ("the chief asked me to
    send this over"): the writer is not the head."""
    return _sent_for_re(rules).search(body) is not None


@per_rules
def _writer_title_re(rules: Rules) -> re.Pattern[str]:
    _, alt = head_titles(rules)
    places = "|".join(re.escape(w) for w in _places_and_titles(rules)[0]) or "(?!)"
    return re.compile(
        # "im the constable", "i am", "as the chief": in the first person
        # ("THIS IS THE CHIEF AT BRADFORD PD": so he introduces himself by his title)
        rf"(?:(?<![\w-])(?:[Ii]['’]?m|[Ii]\s+am|[Aa]s|(?i:this\s+is(?=\s+the\b)))\s+"
        # "hi - mike rand here, elected constable for the town of ...": he opens with his
        # name, then his title
        rf"|(?m:^)[ \t]*(?:(?i:hi|hello|hey|good\s+morning|good\s+afternoon)[ \t]*[-–—,!.]*[ \t]*)?"
        rf"(?P<here>(?:[A-Za-z][\w'’.-]*[ \t]+){{1,3}})(?i:here)[ \t]*[-–—,:;][ \t]*"
        # "This is Gary Lanphear, 1st Constable for the Town of ...": his name, then his title
        rf"|(?i:this\s+is)[ \t]+(?:[A-Z][\w'’.-]*[ \t]+){{1,2}}[A-Z][\w'’-]*[ \t]*,[ \t]*)"
        rf"(?:(?i:the|our|your)\s+)?"
        rf"(?:(?i:elected|acting|interim|current|new)\s+)?"
        # "im the town constable": the place he is the head of, in a word
        rf"(?:(?i:{places})\s+)?(?P<title>(?i:{alt}))(?![\w'’-])"
    )


_NAMED_AFTER = re.compile(
    r"[ \t]*[,–—-][ \t]*([A-Z][a-z][\w'’-]*(?:[ \t]+[A-Z][a-z][\w'’-]*){1,2})"
    r"(?![\w'’-]|[ \t]+[A-Z])"
    r"|[ \t]*\([ \t]*([A-Z][a-z][\w'’-]*(?:[ \t]+[A-Z][a-z][\w'’-]*){1,2})[ \t]*\)"
)
"""A name given right after the writer's title ("im the chief, Kevin Roy."), or in
brackets after it ("I'm the town constable (Earl Roy)")."""
_FIRST_PERSON = re.compile(r"^(?:[Ii]['’]?m|[Ii]\s+am)\b")


def writer_named(body: str, rules: Rules) -> tuple[str, str] | None:
    """The writer as head, named after the title he gives himself ("im the chief, Kevin
    Roy": Kevin Roy, Chief), or None."""
    for m in _writer_title_re(rules).finditer(body):
        named = _NAMED_AFTER.match(body, m.end())
        name = (
            (named.group(1) or named.group(2))
            if named and _FIRST_PERSON.match(m.group(0))
            else None
        )
        if name is None and m.group("here"):  # "Pete Lavigne here, chief (and PoC) for ..."
            words = m.group("here").split()
            name = " ".join(words) if _HERE_NAME.fullmatch(" ".join(words)) else None
        if name is None:
            continue
        said = m.group("title").lower()
        title = next((t for t in rules.language.people.head_titles if t.lower() == said), None)
        if title is not None:
            return name, title
    return None


_HERE_NAME = re.compile(r"[A-Z][a-z][\w'’-]*+(?: [A-Z][a-z][\w'’-]*+){1,2}")
"""A name in full before "here", as a writer introduces himself ("Pete Lavigne here")."""


@per_rules
def _here_title_re(rules: Rules) -> re.Pattern[str]:
    """ "Chief here. Sign us up ...": a title opening a line, then "here"."""
    _, alt = head_titles(rules)
    return re.compile(rf"(?m:^)[ \t]*(?P<title>(?i:{alt}))[ \t]+here\b")


def title_of_writer(body: str, rules: Rules) -> str | None:
    """The head title the writer gives himself ("I'm the chief of the Village of Derby
    Line Police Department", "I am the elected First Constable for the Town of ...", "i am
    the chief" or "im the constable" typed in lower case, "hi - mike rand here, elected
    constable for the town of ...", "This is Gary Roy, 1st Constable for ..."), as the
    rules write it, or None."""
    m = _writer_title_re(rules).search(body) or _here_title_re(rules).search(body)
    if m is None:
        return None
    said = m.group("title").lower()
    return next((t for t in rules.language.people.head_titles if t.lower() == said), None)


_TITLE_TAIL = 400
"""How much of the end of a message a head's title is looked for in."""


@per_rules
def _title_patterns(
    rules: Rules,
) -> tuple[list[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The head titles (longest first) and, built once per rules, what may stand right
    before a last name (a title and up to two words: "Chief", "Sheriff R."), before it
    in a self-introduction ("this is chief dan", "Hi, chief Dean"), and after it
    ("Brickell, Chief")."""
    titles, alt = head_titles(rules)
    before = re.compile(rf"(?<!\w)({alt})\.?[ \t]+(?:[A-Z][\w'’-]*\.?[ \t]+){{0,2}}\Z")
    intro = re.compile(
        rf"(?i:\b(?:this\s+is|I\s+am|I['’]?m|(?:hi|hello|hey)[ \t]*[,!.]?)[ \t]+({alt})\.?[ \t]+"
        rf"(?:[\w'’-]+\.?[ \t]+){{0,2}})\Z"
    )
    after = re.compile(rf",[ \t]*({alt})\.?[ \t]*$", re.M)
    return titles, before, intro, after


_PREFIX_REACH = 300
"""How far before a last name its title and middle words are looked for."""


def _occurrences(text: str, word: str) -> list[int]:
    """Where ``word`` stands in ``text`` as a whole word (not inside a longer one)."""

    def inner(i: int) -> bool:
        return 0 <= i < len(text) and (text[i].isalnum() or text[i] == "_")

    out, at = [], text.find(word)
    while at >= 0:
        if not inner(at - 1) and not inner(at + len(word)):
            out.append(at)
        at = text.find(word, at + 1)
    return out


def title_before(name: str, text: str, rules: Rules) -> str | None:
    """The head title written before the person's last name near the end of ``text``
    ("- Chief Olmstead", "Sheriff R. Olmstead") or in a self-introduction near its start
    ("this is chief dan willey"), or None."""
    last = name.split()[-1] if name.split() else ""
    if len(last) < 2:
        return None
    titles, before, intro, after = _title_patterns(rules)
    tail = text[-_TITLE_TAIL:]
    found = None
    for at in _occurrences(tail, last):
        m = before.search(tail, max(0, at - _PREFIX_REACH), at)
        if m and not _rank_follows(tail, m.end(1), rules):
            found = m.group(1)
    if found is None:
        # "this is chief dan willey from the richmond police dept.": introduced, in lower case
        head = text[:_TITLE_TAIL]
        low = head.lower()  # same offsets, unless lower-casing changed a letter's length
        for at in _occurrences(low, last.lower()) if len(low) == len(head) else []:
            said = intro.search(head, max(0, at - _PREFIX_REACH), at)
            if said and not _rank_follows(head, said.end(1), rules):
                found = next(t for t in titles if t.lower() == said.group(1).lower())
                break
    if found is None:  # "Thx - Chris Brickell, Chief" at the end of a one-paragraph mail
        for at in _occurrences(tail, last):
            m = after.match(tail, at + len(last)) or _after_bar(rules).match(tail, at + len(last))
            if m:
                found = m.group(1)
    if found is None:  # "Hi this is Tom Aldrich, constable for the Town of Peacham"
        found = _introduced_as(last, text[:_TITLE_TAIL], rules)
    return found


@per_rules
def _introduced_re(rules: Rules) -> re.Pattern[str]:
    """A self-introduction by name, then the title after a comma ("this is Tom Aldrich,
    constable for ...", "My name is Ann Roy, the elected town constable")."""
    _, alt = head_titles(rules)
    intro = "|".join(re.escape(w) for w in rules.language.people.introductions) or "(?!)"
    places = "|".join(re.escape(w) for w in _places_and_titles(rules)[0]) or "(?!)"
    return re.compile(
        rf"(?i:\b(?:{intro}))[ \t]+(?P<name>(?:[A-Z][\w'’.-]*[ \t]+){{0,2}}[A-Z][\w'’-]*)"
        rf"[ \t]*,[ \t]*(?i:the[ \t]+|our[ \t]+)?(?i:(?:elected|acting|interim)[ \t]+)?"
        rf"(?i:(?:{places})[ \t]+)?(?P<title>(?i:{alt}))(?![\w'’-])"
    )


def _introduced_as(last: str, text: str, rules: Rules) -> str | None:
    """The head title a writer gives after introducing himself by a name that ends in
    ``last``, as the rules write it, or None."""
    for m in _introduced_re(rules).finditer(text):
        if m.group("name").split()[-1].lower() != last.lower():
            continue
        if _rank_follows(text, m.end("title"), rules):
            continue  # "this is Ann Roy, chief deputy": another's title
        said = m.group("title").lower()
        return next((t for t in rules.language.people.head_titles if t.lower() == said), None)
    return None


def _rank_follows(text: str, end: int, rules: Rules) -> bool:
    """Whether a rank follows the head title ending at ``end`` ("this is chief deputy
    trevor colby"): the two words are another's title ("Chief Deputy"), not the head's."""
    words = text[end : end + 40].split()
    return bool(words) and words[0].strip(".,").lower() in rules.language.people.ranks


@per_rules
def _after_bar(rules: Rules) -> re.Pattern[str]:
    """A head title right after the name, ended by a "|" or the line's end ("Lindsey Barr
    Chief of Police | Stowe Police Department", a signature flattened onto one line)."""
    _, alt = head_titles(rules)
    return re.compile(rf"[ \t]+({alt})[ \t]*(?:\||$)", re.M)


_ORDINAL = re.compile(r"^(?:1st|2nd|3rd)(?=[ \t]+[A-Z])")
_ORDINALS = {"1st": "First", "2nd": "Second", "3rd": "Third"}


def spelled_ordinal(line: str) -> str:
    """ "1st Constable, Town of Newbury" -> "First Constable, ...": a title's ordinal
    in words, as the titles are written."""
    return _ORDINAL.sub(lambda m: _ORDINALS[m.group(0)], line.strip(), count=1)


def title_of_place(title: str, rules: Rules) -> str:
    """ "Lamoille County Sheriff" (or "Sheriff of Lamoille County") -> "Sheriff": a head
    title before or after a place's name (a county, town, city or village) is the title;
    the place is the agency's."""
    words = title.split()
    places, titles = _places_and_titles(rules)
    for t, n in titles:
        if len(words) >= n + 2 and " ".join(words[-n:]).lower() == t:
            # "Lamoille County Sheriff", not "Interim Chief of Police"
            if words[-n - 1].lower() in places:
                return " ".join(words[-n:])
            return title
    for t, n in titles:
        # "Sheriff of Lamoille County": the place after the title is the agency's
        head = " ".join(words[:n]).lower()
        tail = words[n + 1 :]
        of_place = len(tail) >= 2 and words[n].lower() == "of" and tail[-1].lower() in places
        if head == t and of_place:
            return " ".join(words[:n])
    return title


@per_rules
def _places_and_titles(rules: Rules) -> tuple[frozenset[str], tuple[tuple[str, int], ...]]:
    """The place words (lower case) and each head title (lower case, with its number of
    words, longest first) :func:`title_of_place` compares with, once per rules."""
    places = frozenset(w.lower() for w in rules.language.people.place_words if w[:1].isupper())
    return places, tuple((t.lower(), len(t.split())) for t in head_titles(rules)[0])
