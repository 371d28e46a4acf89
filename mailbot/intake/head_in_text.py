"""The head of department named in the running text, not in a signature: the head a
request is written for ("on behalf of Chief Dana Whitcomb", "State's Attorney Ellen
Broder has asked me to send"), named in a sentence ("Our Chief of Police is Dana
Whitcomb"), or spoken of by title and last name ("with Chief Quist's approval below")
when one person the message names otherwise (the roster, the headers) has that last name.

Pure functions over the text of a message; titles come from ``rules/language.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mailbot.intake.head_in_words import head_titles
from mailbot.intake.head_of_department import is_agency_or_title
from mailbot.intake.prose import _rank_modifiers, rank_title
from mailbot.intake.rules import Rules, per_rules
from mailbot.intake.shouted import uncapped
from mailbot.intake.word_lists import alternation, may_contain, word_start

_RUN = r"((?<![\w.'’-])[A-Z][\w.'’-]*+(?:[ \t]+(?<![\w.'’-])[A-Z][\w.'’-]*+){1,3})"

_BEHALF_OF = re.compile(r"^.*?\bbehalf\s+of\s+(?:our\s+|the\s+)?", re.I | re.S)


# "on behalf of Chief Gordon Ellery", "Sheriff Lorraine Buckley has asked me to send",
# "Chief Lucas Jewett asked me to send in our e-ticket enrollment"
_BEHALF = re.compile(
    # "on behalf of the Castleton Police Department and Chief Ethan Rowe": the agency, then
    # its head
    rf"\b(?i:on\s+behalf\s+of\s+(?:our\s+|the\s+)?)"
    r"(?:(?:[A-Z][\w.'’-]*[ \t]+){1,5}(?:and|&)[ \t]+(?i:our[ \t]+|the[ \t]+|its[ \t]+)?)?"
    rf"{_RUN}"
    # "Chief Dana Hollis (cc'd) asked me to send ...": an aside between name and verb
    rf"|{_RUN}(?:[ \t]*\([^()\n]{{1,20}}\))?\s+(?:has\s+|had\s+)?(?:asked|requested|directed"
    rf"|instructed)\s+(?:me|that\s+I)\b"
    # "Our constable, Dale Hatch, asked me to send this for him": the title, then the name
    # between commas ("..., is out on leave so he asked me": why, before he asks)
    r"|(?<![\w-])(?i:our|the)[ \t]+([A-Za-z][\w'’-]*+(?:[ \t]+[A-Za-z][\w'’-]*+){0,3}?),[ \t]+"
    rf"{_RUN},?\s+(?:[^.;:!?()\n]{{1,60}}?\b(?i:he|she)\s+)?(?:has\s+|had\s+)?"
    r"(?:asked|requested|directed|instructed)\s+(?:me|that\s+I)\b"
)


@per_rules
def _behalf_titled_re(rules: Rules) -> re.Pattern[str]:
    """ "on behalf of Chief of Police Kyle Roe", "on behalf of our Police Chief, Ann
    Tate": a head title of any length, then the name (after a comma or not)."""
    _, alt = head_titles(rules)
    acting = "|".join(map(re.escape, rules.language.people.head_title_modifiers)) or "(?!)"
    name = r"[A-Z][a-z'’-]++(?:[ \t]+[A-Z]\.)?(?:[ \t]+[A-Z][a-z'’-]++){1,2}"
    sent_for = alternation(rules.language.people.head_sent_for)
    return re.compile(
        rf"\b(?i:(?:{sent_for})\s+(?:our\s+|the\s+)?)"
        rf"((?i:(?:(?:{acting})\s+)?(?:{alt}))),?\s+({name})(?![\w'’-])"
    )


def head_on_behalf(
    body: str,
    rules: Rules,
    known: Sequence[str] = (),
    signature: str = "",
    *,
    by_surname: bool = False,
) -> tuple[str | None, str | None]:
    """(name, title) of "on behalf of Chief Dana Whitcomb" (a request written for the head);
    "on behalf of Chief Whitcomb" gives the name in full when one of ``known`` (the
    people named in the headers) has that last name, or when the message writes it in
    full after the same title ("Chief Timothy Whitcomb" in the ``signature``). With
    ``by_surname``, "Chief Whitcomb asked me to ..." named nowhere in full gives his last
    name alone, as the writer names him."""
    low = body.lower()
    cues = ("asked", "requested", "directed", "instructed", *rules.language.people.head_sent_for)
    if not any(w in low for w in cues):
        return None, None
    for m in _behalf_titled_re(rules).finditer(body):
        words = m.group(2).split()
        if not is_agency_or_title(words, rules):
            as_written = " ".join(m.group(1).split())  # "police chief": as the rules spell it
            if as_written.islower():
                as_written = _title_written(as_written, rules) or as_written
            return " ".join(words), as_written[:1].upper() + as_written[1:]
    for m in _BEHALF.finditer(body):
        if m.group(3) is not None:
            said = _title_written(m.group(3), rules)
            words = m.group(4).split()
            # "our Police Chief, Frank Kittell. He asked me": the name ends its sentence
            end = next((i for i, w in enumerate(words) if w.endswith(".") and len(w) > 3), None)
            words = words if end is None else [*words[:end], words[end].rstrip(".")]
            if said and len(words) >= 2 and not is_agency_or_title(words, rules):
                return " ".join(words), said
            continue
        chunks: list[list[str]] = [[]]
        particles = {w.lower() for w in rules.language.people.surname_abbreviations}
        said = m.group(1) or m.group(2)
        lead = _BEHALF_OF.sub("", body[m.start() : m.start(1)]).split() if m.group(1) else []
        if lead and (rank_title(lead[0], rules) or lead[0].lower() in _head_lower(rules)):
            # "on behalf of Chief Guillemette and Lt. Fortin": the first one named
            said = " ".join(lead[: -2 if lead[-1].lower() in ("our", "the", "its") else -1])
        for word in said.split():
            chunks[-1].append(word)
            if word.endswith(".") and len(word) > 3 and word.lower() not in particles:
                chunks.append([])  # "Chief Gordon Ellery. The ...": a sentence ends
        chunks = [c for c in chunks if c]
        words = chunks[0] if m.group(1) else chunks[-1]
        titled = after_long_title(words, rules)
        if titled is not None:  # "State's Attorney Ellen Broder has asked me"
            return titled
        acting = ""  # "Interim Chief Daniel Roy asked me": the title with its modifier
        if len(words) > 3 and words[-4].lower().rstrip(".") not in _head_lower(rules):
            modifiers = {w.lower() for w in rules.language.people.head_title_modifiers}
            acting = f"{words[-4]} " if words[-4].lower() in modifiers else ""
            words = words[-3:]
        title = rank_title(words[0], rules)
        if title is None and words[0].lower() not in {t.lower() for t in _head_words(rules)}:
            continue
        rest = words[1:]
        if len(rest) >= 2 and not is_agency_or_title(rest, rules):
            return " ".join(rest).rstrip("."), acting + (title or words[0])
        if len(rest) == 1:
            last = rest[0].strip(".,;:()").lower()
            full = {n for n in known if len(n.split()) >= 2 and n.split()[-1].lower() == last}
            full = full or _titled_in_full(words[0], rest[0], f"{body}\n{signature}", rules)
            if len(full) == 1:
                return full.pop(), acting + (title or words[0])
            if by_surname and not full and m.group(2) and not is_agency_or_title(rest, rules):
                return rest[0].strip(".,;:()"), acting + (title or words[0])
    return None, None


def _titled_in_full(title: str, surname: str, text: str, rules: Rules) -> set[str]:
    """The names in full ``text`` writes after ``title`` that end in ``surname`` ("Chief
    Timothy Ouellette | Deputy Chief ..." for "Chief Ouellette"), not after a word that
    makes the title another's ("Deputy Chief Timothy Ouellette")."""
    last = surname.strip(".,;:()")
    said = (
        rf"(?<![\w'’-]){re.escape(title)}\.?[ \t]+([A-Z][a-z'’-]+(?:[ \t]+[A-Z]\.)?)"
        rf"[ \t]+{re.escape(last)}(?![\w'’-])"
    )
    out = set()
    for m in re.finditer(said, text):
        before = text[max(0, m.start() - 30) : m.start()].split()
        if not (before and before[-1].strip(".,").lower() in _not_head_before(rules)):
            out.add(f"{m.group(1)} {last}")
    return out


@per_rules
def _head_is_re(rules: Rules) -> re.Pattern[str]:
    _, alt = head_titles(rules)
    name = r"[A-Z][a-z'’-]++(?:[ \t]+[A-Z]\.)?(?:[ \t]+[A-Z][a-z'’-]++){1,2}"
    return re.compile(rf"(?<![\w-])(?i:(?:our|the)\s+)?((?i:{alt}))\s+is\s+({name})")


def head_named(body: str, rules: Rules) -> tuple[str | None, str | None]:
    """(name, title) of a head named in a sentence ("Point of contact is me, Sgt Ray
    Dumas. Chief is Scott Tremblay.", "Our Chief of Police is Dana Whitcomb")."""
    if " is " not in body:
        return None, None
    for m in _head_is_re(rules).finditer(body):
        words = m.group(2).split()
        if not is_agency_or_title(words, rules):
            title = m.group(1)
            return " ".join(words), title[:1].upper() + title[1:]
    return None, None


@per_rules
def _titled_surname_re(rules: Rules) -> re.Pattern[str]:
    titles, alt = head_titles(rules)
    # the same as "(?<![\w'’-])(?:{alt})", opening with the class of the titles' first
    # characters (word_start: quick to scan for)
    lead = word_start(titles, r"\ ", cased=True, before=r"\w'’-") or rf"(?<![\w'’-])(?:{alt})"
    # "Chief Quist's", and "Chief Fairbanks'" (a name ending in s)
    return re.compile(rf"({lead})\.?[ \t]+([A-Z][\w'’-]*?)(?:['’]s|(?<=s)['’])?(?![\w'’-])")


def head_by_title(
    body: str, rules: Rules, known: Sequence[str], signature: str = ""
) -> tuple[str | None, str | None]:
    """(name, title) of a head the text speaks of by title and last name ("Forwarding
    Sheriff Quist's authorization below", "Chief Quist approved the list"), in full when
    exactly one person of ``known`` (the roster, the people the headers name) has that
    last name, or by title and full name ("Chief Lena Marsh has approved this") when the
    writer signs as civilian staff ("Office Manager"); not after a word that makes the
    title another's ("Deputy Chief Quist")."""
    lower = _not_head_before(rules)
    staff = _signed_as_staff(signature, rules)
    body = uncapped(body, rules)  # "CHIEF LAMONT" under a message in capitals
    for m in _titled_surname_re(rules).finditer(body):
        before = body[max(0, m.start() - 30) : m.start()].split()
        if before and before[-1].strip(".,").lower() in lower:
            continue
        after = body[m.end() : m.end() + 40].split()
        # "Chief Aaron Noyes has approved" with Aaron Noyes in the headers ("Chief Rollin
        # Ste. Marie asked me" with Rollin Ste. Marie on the roster)
        knew = {k.lower(): k for k in known}
        for n in (3, 2, 1):
            named = " ".join([m.group(2), *after[:n]]).rstrip(".,;:").lower()
            if len(after) >= n and named in knew:
                return knew[named], m.group(1)
        last = m.group(2).lower()
        full = {
            " ".join(w.capitalize() if n.isupper() else w for w in n.split())
            for n in known
            if len(n.split()) >= 2 and n.split()[-1].lower() == last
        }
        if len(full) == 1:
            return full.pop(), m.group(1)
        particles = {w.lower() for w in rules.language.people.surname_abbreviations}
        # "Chief Paul St. Onge has approved": the surname's abbreviated word and the rest
        if (
            staff
            and len(after) > 1
            and after[0].lower() in particles
            and _NAME_WORD.fullmatch(after[1].rstrip(".,;:"))
        ):
            return f"{m.group(2)} {after[0]} {after[1].rstrip('.,;:')}", m.group(1)
        if staff and after and _NAME_WORD.fullmatch(after[0].rstrip(".,;:")):
            return f"{m.group(2)} {after[0].rstrip('.,;:')}", m.group(1)
    return _typed_low(body, rules, known)


def _typed_low(body: str, rules: Rules, known: Sequence[str]) -> tuple[str | None, str | None]:
    """ "sheriff desrochers asked me to get us signed up", typed in lower case: the head
    by title and a last name that exactly one person of ``known`` has, the title as the
    rules write it."""
    titles, alt = head_titles(rules)
    lower = _not_head_before(rules)
    spoken = re.compile(
        rf"(?<![\w'’-])({alt.lower()})\.?[ \t]+([a-z][\w'’-]*?)(?:['’]s)?(?![\w'’-])"
    )
    for m in spoken.finditer(body):
        before = body[max(0, m.start() - 30) : m.start()].split()
        if before and before[-1].strip(".,").lower() in lower:
            continue
        last = m.group(2)
        full = {n for n in known if len(n.split()) >= 2 and n.split()[-1].lower() == last}
        if len(full) == 1:
            return full.pop(), next(t for t in titles if t.lower() == m.group(1))
    return None, None


_NAME_WORD = re.compile(r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?")


def _signed_as_staff(signature: str, rules: Rules) -> bool:
    """Whether the sign-off gives the writer a civilian job ("Office Manager, RCSD",
    "HR Generalist | Town of ...") and no head title."""
    lines = [ln for ln in signature.split("\n") if 0 < len(ln.split()) <= 10]
    jobs = rules.language.evidence.other_person_words
    job = re.compile(
        rf"(?<![\w-])(?:{'|'.join(re.escape(j) for j in jobs) or '(?!)'})(?![\w-])", re.I
    )
    heads = head_titles(rules)[0]
    return any(job.search(ln) for ln in lines) and not any(
        may_contain(ln, t) and re.search(rf"(?<!\w){re.escape(t)}(?!\w)", ln, re.I)
        for ln in lines
        for t in heads
    )


@per_rules
def _not_head_before(rules: Rules) -> frozenset[str]:
    """Words before a head title that make it another's title ("Deputy Chief", "Sgt.")."""
    people = rules.language.people
    ranks = {r for r, t in people.ranks.items() if t}
    return frozenset(
        _rank_modifiers(rules) | ranks | {w.lower() for w in people.not_head_modifiers}
    )


def after_long_title(words: list[str], rules: Rules) -> tuple[str, str] | None:
    """(name, title) when ``words`` hold a head title of two or more words and then a
    name of two or three ("Town Manager Ellen Broder"), the title as written."""
    low = [w.lower() for w in words]
    for title in head_titles(rules)[0]:
        n = len(title.split())
        if n < 2:
            continue
        for i in range(len(words) - n - 1):
            rest = words[i + n :]
            if (
                " ".join(low[i : i + n]) == title.lower()
                and 2 <= len(rest) <= 3
                and not is_agency_or_title(rest, rules)
            ):
                return " ".join(rest).rstrip("."), " ".join(words[i : i + n])
    return None


def _title_written(words: str, rules: Rules) -> str | None:
    """The head title ``words`` are ("constable" is "Constable"), or None."""
    low = " ".join(words.lower().split())
    return next((t for t in _head_words(rules) if t.lower() == low), None)


def _head_lower(rules: Rules) -> set[str]:
    return {t.lower() for t in _head_words(rules)} | {
        r for r, t in rules.language.people.ranks.items() if t
    }


def _head_words(rules: Rules) -> list[str]:
    return list(rules.language.people.head_titles)
