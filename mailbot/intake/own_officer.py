"""The writer as the department's one officer, his details in the first person ("I am
the Chief ... My officer number is S2204 and the username they gave me at DPS is
jcourcelle"): when no roster is read, the signer with his own number is the officer."""

from __future__ import annotations

import re

from mailbot.intake.model import Officer
from mailbot.intake.prose import rank_title, split_name
from mailbot.intake.rules import Rules, per_rules
from mailbot.intake.word_lists import alternation

_OWN_NUMBER = re.compile(
    # "my number is 21W04" too: five letters and digits, which no phone number is
    # "my VCJC number", "my VT cert number": up to three words name which number it is
    r"\bmy\s+(?:own\s+)?(?:[A-Za-z]{2,12}(?:\s{1,3}|\s?/\s?)){0,3}"
    r"(?:number|#|no\.?|id)\s*(?:is\s+|[:=#]\s*)((?=[A-Za-z]{0,4}\d)[A-Za-z0-9]{5})\b",
    re.I,
)
_OWN_USER = re.compile(
    r"\b(?:my\s+(?:DPS\s+)?(?:user\s*name|login)"
    r"|(?:DPS\s+)?(?:user\s*name|login)\s+(?:they\s+|DPS\s+)?(?:gave|issued|assigned)\s+"
    r"(?:to\s+)?me(?:\s+(?:at|by|from)\s+(?:the\s+)?DPS)?)"
    r"\s+(?:is\s+|[:=]\s*)([a-z][a-z0-9._-]{1,29})\b",
    re.I,
)


def signer_as_officer(
    body: str, name: str | None, title: str | None, rules: Rules
) -> list[Officer]:
    """The signer ``name`` (``title``) as the one officer when ``body`` gives his own
    officer number in the first person; else none."""
    number = _OWN_NUMBER.search(body) or _block_number(body, rules)
    if name is None or number is None:
        return []
    first, last = split_name(name)
    if last is None:
        return []
    # "my username is jdoe", "i was given username jdoe": his own login in the first person
    user = _OWN_USER.search(body) or _given_user(rules).search(body)
    # "My LEO # is PC014, DPS username taldrich. Title Constable.": the rest of his row
    # in the words that go on from his number, labelled without "my"
    after = _next_sentences(body, number.end())
    user = user or _ROW_USER.search(after)
    words = (title or "").split()
    # "First Constable, Town of Wells": the rank is the title's last word
    rank = (rank_title(words[0], rules) or rank_title(words[-1], rules)) if words else None
    # the title his row states ("Title on the ticket should just be Constable") before
    # the one he signs or introduces himself with ("the elected First Constable")
    rank = _row_title(after, rules) or rank or title
    officer = Officer(
        last_name=last,
        first_name=first,
        title=rank,
        officer_number=number.group(1).upper(),
        dps_username=user.group(1).rstrip(".") if user else None,
    )
    return [officer]


@per_rules
def _given_user(rules: Rules) -> re.Pattern[str]:
    """A username said to be given to the writer (``own_user_leads`` of the rules, then
    its label: "i was given username jdoe", "they gave me the login jdoe")."""
    said = alternation(rules.language.rows.own_user_leads)
    return re.compile(
        rf"(?<![\w'’])(?:{said})\s+(?:(?:a|the|my)\s+)?(?:DPS\s+)?(?:user\s*name|login)"
        r"\s*(?:of\s+|is\s+|[:=]\s*)?([a-z][a-z0-9._-]{1,29})\b",
        re.I,
    )


_BLOCK_NUMBER = re.compile(
    r"\b(?:number|#|no\.?|id)[ \t]*(?:is[ \t]+|[:=#][ \t]*)?((?=[A-Za-z]{0,4}\d)[A-Za-z0-9]{5})\b",
    re.I,
)
"""A labelled number on a line of the writer's own block ("VT cert / LEO number 60417")."""


def _block_number(body: str, rules: Rules) -> re.Match[str] | None:
    """The number labelled in the lines under "My info:" (``own_block_labels`` of the
    rules), up to the first blank line; None when no such block gives one."""
    labels = {w.casefold() for w in rules.language.rows.own_block_labels}
    in_block = False
    start = 0
    for line in body.split("\n"):
        end = start + len(line)
        if not line.strip():
            in_block = False
        elif in_block:
            found = _BLOCK_NUMBER.search(body, start, end)
            if found is not None:
                return found
        elif line.strip().rstrip(":").strip().casefold() in labels:
            in_block = True
        start = end + 1
    return None


_ROW_USER = re.compile(
    r"^[,;]?\s*(?:and\s+)?(?:(?:my|his|the)\s+)?(?:DPS\s+)?(?:user\s*name|login)"
    r"\s*(?:is\s+|[:=]\s*)?([a-z][a-z0-9._-]{1,29})\b",
    re.I,
)
"""The username written straight after the writer's number (", DPS username jdoe")."""
_SENTENCE_END = re.compile(r"[.!?](?:\s+|$)|\n\s*\n")
# "Title Constable", "Title on the ticket should just be Constable"
_ROW_TITLE_VALUE = re.compile(
    r"\s*(?:(?:on|for)\s+(?:the\s+)?tickets?\s+)?"
    r"(?:(?:should|will)\s+(?:just\s+|only\s+|simply\s+)?(?:be|read|say)\s+|is\s+|[:=-]\s*)?"
    r"([A-Za-z]+(?: [A-Za-z]+)?)"
)


def _next_sentences(body: str, at: int) -> str:
    """The rest of the sentence from ``at``, and the sentence after it (its start joined
    with "¶"), within one paragraph."""
    rest = body[at : at + 240]
    first = _SENTENCE_END.search(rest)
    if first is None:
        return rest
    second = _SENTENCE_END.search(rest, first.end())
    tail = rest[first.end() : second.start() if second else len(rest)]
    blank = "\n\n" in rest[first.start() : first.end()]
    return rest[: first.start()] + ("" if blank else "\u00b6" + tail)


def _row_title(after: str, rules: Rules) -> str | None:
    """ "Title Constable." (``title_labels`` of the rules) in the sentence after the
    writer's number: the rank it names, or None."""
    if "\u00b6" not in after:
        return None
    said = after.split("\u00b6", 1)[1].strip()
    said = said[3:] if said[:3].casefold() == "my " else said
    labels = {w.casefold() for w in rules.language.rows.title_labels} - {"as"}
    label = next(
        (
            w
            for w in sorted(labels, key=len, reverse=True)
            if said.casefold().startswith(w) and not said[len(w) : len(w) + 1].isalpha()
        ),
        None,
    )
    m = _ROW_TITLE_VALUE.match(said, len(label)) if label else None
    if m is None:
        return None
    return rank_title(m.group(1), rules) or rank_title(m.group(1).split()[0], rules)


_OWN_ROW = re.compile(
    r"^([ \t]*(?:[-*•·>][ \t]+)?)(?i:me|myself)[ \t]*[-–—:,][ \t]*(?=\S)(.*)$", re.M
)


def own_row_named(body: str, writer: str | None, rules: Rules) -> str:
    """ "Officers: / Myself - Chief, BN001, aduquette": the writer's own row of a list,
    written without his name, with the name he sends from (a row that names someone is
    left as written); so too his record in brackets in a sentence ("Officers are me
    (Chief, 29007, username jdoe) and ...")."""
    low = body.lower()
    if writer is None or len(writer.split()) < 2 or ("me" not in low and "myself" not in low):
        return body
    from mailbot.intake.lists import officer_on_line

    last = writer.split()[-1]

    def named(m: re.Match[str]) -> str:
        if officer_on_line(m.group(0), rules) is not None:
            return m.group(0)  # "Me - Chief Rick Cloutier, CH1R1, ...": named already
        line = f"{m.group(1)}{writer}, {m.group(2)}"
        officer = officer_on_line(line, rules)
        return line if officer is not None and officer.last_name == last else m.group(0)

    return _with_own_record(_OWN_ROW.sub(named, body), writer, rules)


# "Officers are me (Chief, 29007, username jdoe) and ...": the writer's record in brackets
_OWN_RECORD = re.compile(r"(?<![\w'’])(?i:me|myself)(?=[ \t]*\(([^()\n]{1,160})\))")


def _with_own_record(body: str, writer: str, rules: Rules) -> str:
    """``body`` with the writer's name for the "me" before his record in brackets, where
    his line, so named, reads him with the number of that record and his rank or login,
    and every other officer on it with a number ("Officers are me (Chief, 29007, username
    jdoe) and Ofc. Ann Roy (...)"); "me" as written elsewhere ("call me (802-555-0101)")."""
    from mailbot.intake.prose_officers import officers_in_prose

    last = writer.split()[-1]
    for m in reversed(list(_OWN_RECORD.finditer(body))):
        if not any(c.isdigit() for c in m.group(1)):
            continue
        start = body.rfind("\n", 0, m.start()) + 1
        end = body.find("\n", m.end())
        end = len(body) if end < 0 else end
        line = body[start : m.start()] + writer + body[m.end() : end]
        read = officers_in_prose(line, rules)
        own = [
            o
            for o in read
            if o.last_name == last and o.officer_number and o.officer_number in m.group(1)
        ]
        # his line so named reads every officer on it with a number: a roster read whole
        if own and (own[0].title or own[0].dps_username) and all(o.officer_number for o in read):
            body = body[: m.start()] + writer + body[m.end() :]
    return body


def not_the_writer_alone(officers: list[Officer], writer: str | None) -> list[Officer]:
    """``officers`` read under the sign-off, unless they are the one officer who writes
    ("Ofc. Dana Roy #4T220" signing her note): the writer's sign-off, no roster."""
    if len(officers) != 1 or writer is None:
        return officers
    first, last = split_name(writer)
    own = officers[0]
    if last is None or (own.last_name or "").lower() != last.lower():
        return officers
    same_first = (own.first_name or "").lower()[:1] == (first or "").lower()[:1]
    return [] if same_first else officers
