"""Every officer a text lists: one list line each, or several one after another on one line."""

from __future__ import annotations

import itertools
import re

from mailbot.intake.change_items import WRAP_WIDTH
from mailbot.intake.lists import officer_on_line
from mailbot.intake.model import Officer
from mailbot.intake.prose import rank_title, split_rank
from mailbot.intake.rules import Rules


def officers_in_list(text: str, rules: Rules) -> list[Officer]:
    """Every officer written as a list line in ``text``; under a rank group's heading
    ("Sergeants:"), with that rank as title where the line gives none."""
    found: list[Officer] = []
    group: str | None = None  # the rank of a group heading ("Sergeants:") over its officers
    for line in _unwrapped(text.split("\n"), rules):
        several = _run_on(line, rules) if ";" in line else []
        if not several and "," in line:
            several = _listed_in_sentence(line, rules)
        if several:
            found.extend(_ranked(o, group) for o in several)
            continue
        officer = officer_on_line(line, rules)
        if officer is not None:
            found.append(_ranked(officer, group))
        elif joined := _two_rows(line, rules):
            found.extend(_ranked(o, group) for o in joined)
        elif line.strip():
            group = group_rank(line, rules, after_group=group is not None)
    return found


_GROUP_HEADING = re.compile(
    r"^\s*(?:[-*•·>]\s+)?\**([A-Za-z][A-Za-z .'’-]{1,40}?)\**[ \t]*:?[ \t*]*$"
)
"""A heading line of rank words alone ("Sergeants:", "**Patrol Officers**")."""
_MAX_HEADING = 60


def group_rank(line: str, rules: Rules, *, after_group: bool = False) -> str | None:
    """The title a rank group's heading gives the officers under it ("Sergeants:" ->
    "Sergeant", "Deputies" -> "Deputy"); None when the line is no such heading. A heading
    that also names a whole roster ("Officers:") is a rank group only ``after_group``."""
    m = _GROUP_HEADING.match(line) if len(line) <= _MAX_HEADING else None
    if m is None:
        return None
    words = m.group(1).split()
    if not words or len(words) > 3:
        return None
    roster = {w.lower() for w in rules.language.people.roster_headings}
    if not after_group and " ".join(words).lower() in roster:
        return None
    singular = [*words[:-1], _singular(words[-1])]
    whole = rank_title(" ".join(singular), rules)
    if whole:
        return whole  # "Patrol Officers"
    title, rest = split_rank(singular, rules)
    return title if title and not rest else None


def _singular(word: str) -> str:
    low = word.lower()
    if low.endswith("ies") and len(low) > 4:
        return word[:-3] + ("Y" if word.isupper() else "y")  # "Deputies"
    if low.endswith("s") and not low.endswith("ss"):
        return word[:-1]
    return word


def _ranked(officer: Officer, group: str | None) -> Officer:
    """``officer`` with the group's rank as his title when his line gives none."""
    if group is None or officer.title:
        return officer
    return officer.model_copy(update={"title": group})


_ROW_NUMBER = re.compile(r"(?<![\w-])(?=[A-Za-z]{1,4}\d)[A-Za-z0-9]{5}(?![\w-])")
_GAP = re.compile(r"\s+(?=[^\W\d_])")
"""A blank before a word: where the next row's first cell (a name, a rank) may start."""
_MAX_GAPS = 12


def _two_rows(line: str, rules: Rules) -> list[Officer]:
    """ "Roy, Ann / Chief / QH200 / aroy Hale, Tom / Officer / QH205 / thale": two list
    lines run together where a client lost the line break between them, cut at the blank
    between the rows that reads both officers, each with his number, the most fully."""
    numbers = list(_ROW_NUMBER.finditer(line))
    if len(numbers) != 2:
        return []
    best: tuple[int, list[Officer]] = (0, [])
    gaps = _GAP.finditer(line, numbers[0].end(), numbers[1].start())
    for gap in itertools.islice(gaps, _MAX_GAPS):
        pair = [officer_on_line(line[: gap.start()], rules)]
        pair.append(officer_on_line(line[gap.end() :], rules) if pair[0] else None)
        if not all(o and o.officer_number and (o.first_name or o.last_name) for o in pair):
            continue
        rows = [o for o in pair if o is not None]
        filled = sum(len(o.model_dump(exclude_none=True)) for o in rows)
        if filled > best[0]:
            best = (filled, rows)
    return best[1]


_ITEM = re.compile(r"^\s*(?:[-*•·]\s+|\(?\d{1,3}[.)]\s+)\S")


def _unwrapped(lines: list[str], rules: Rules) -> list[str]:
    """List lines with the lines a mailer wrapped them onto put back ("2. Sergeant Derek
    Holt, VT LEO # 41L07, DPS" over "username dholt"): a line under a long numbered or
    bulleted line, itself no list line, no officer's line nor blank, goes on from it."""
    out: list[str] = []
    item = False
    for line in lines:
        if (
            item
            and line.strip()
            and not _ITEM.match(line)
            and len(out[-1]) >= WRAP_WIDTH
            and officer_on_line(line, rules) is None
        ):
            out[-1] = f"{out[-1].rstrip()} {line.strip()}"
            continue
        item = bool(_ITEM.match(line))
        out.append(line)
    return out


_LIST_LABEL = re.compile(r"^\s*(?:[-*•·>]\s+)?[A-Za-z][A-Za-z ]{0,30}:\s*(?:(?i:me|myself),\s*)?")
"""A label before officers one after the other ("*   Officers: me, Chief ..."), with the
sender's "me," before his own details."""


def _run_on(line: str, rules: Rules) -> list[Officer]:
    """ "Officers: Gabe Fortin (Officer, MP501, gfortin); Tessa Lemay (Officer, MP507,
    tlemay)": officers written one after the other on one line, each of its ";" pieces
    (outside brackets) an officer."""
    pieces, depth, start = [], 0, 0
    line = _LIST_LABEL.sub("", line, count=1)
    for i, c in enumerate(line):
        depth += (c in "([") - (c in ")]")
        if c == ";" and depth <= 0:
            pieces.append(line[start:i])
            start = i + 1
    pieces.append(line[start:])
    return _each_an_officer(pieces, rules)


_ROSTER_LABEL = re.compile(
    r"(?<![\w-])(?i:officers|roster|users)(?:\s*:|\s+(?i:are|is|will\s+be)\b\s*:?)\s*"
)
"""The label before officers in running text ("Officers:", "OFFICERS ARE ...")."""
_SENTENCE_END = re.compile(r"\.\s+(?=[A-Za-z])")
_SELF = re.compile(r"^\s*(?:me|myself)(?:\s*[-–—:,]\s*|\s+(?=\S))", re.I)
"""The writer pointing at his own row ("Officers: me - Chief Rick Cloutier, CH1R1, ...",
"OFFICERS ARE ME CHIEF RAY ...")."""
_MAX_LISTED = 2000


def _listed_in_sentence(line: str, rules: Rules) -> list[Officer]:
    """ "... POC is Ofc Jenna Morin. Officers: Sgt Tom Kelley BN004 tkelley, Ofc Jenna Morin
    BN011 jmorin. Thx": officers one after the other, by commas, after a label in running
    text; every piece must read as an officer with a number."""
    label = _ROSTER_LABEL.search(line[:_MAX_LISTED])
    if label is None:
        return []
    rest = line[label.end() : label.end() + _MAX_LISTED]
    for end in _SENTENCE_END.finditer(rest):
        word = rest[: end.start()].rsplit(None, 1)[-1] if rest[: end.start()].strip() else ""
        if not rank_title(word, rules):  # "Sgt. Tom Kelley" goes on; "ebouche. Thx" ends
            rest = rest[: end.start()]
            break
    # "Chief Rick Cloutier, CH1R1, rcloutier; Ofc. Kay Tran, CH4K7, ktran": by ";" when
    # the commas are inside each officer
    pieces = [_SELF.sub("", p) for p in re.split(r";" if ";" in rest else r"[,;]", rest)]
    # "me Earl Roy Constable number 9H302 username eroy and my deputy Ann Lee ...": two
    # records joined by "and", the words before the second one's name no part of it
    pieces = [_LOWER_LEAD.sub("", q) for p in pieces for q in _joined_records(p)]
    # "..., thank you Earl": the words closing the sentence after the last officer
    while len(pieces) > 2 and not _DIGIT.search(pieces[-1]):
        pieces.pop()
    return _each_an_officer(pieces, rules)


_DIGIT = re.compile(r"\d")
_PIECE_NUMBER = re.compile(r"(?<![\w-])(?=[A-Za-z]{0,4}\d)[A-Za-z0-9]{5}(?![\w-])")
_AND = re.compile(r"[ \t]+and[ \t]+")
_LOWER_LEAD = re.compile(r"^[ \t]*(?:[a-z][\w'’]*[ \t]+){1,3}(?=[A-Z][a-z])")


def _joined_records(piece: str) -> list[str]:
    """``piece`` cut at an "and" between two officers' numbers, when each side holds one."""
    numbers = list(_PIECE_NUMBER.finditer(piece))
    if len(numbers) != 2:
        return [piece]
    joins = list(_AND.finditer(piece, numbers[0].end(), numbers[1].start()))
    if len(joins) != 1:
        return [piece]
    return [piece[: joins[0].start()], piece[joins[0].end() :]]


def _each_an_officer(pieces: list[str], rules: Rules) -> list[Officer]:
    """The officers of ``pieces`` (blank ones left out): none unless there are two or more
    and every one reads as an officer with a number."""
    pieces = [p for p in pieces if p.strip()]
    if len(pieces) < 2:
        return []
    officers = [officer_on_line(p, rules) for p in pieces]
    if any(o is None or not o.officer_number for o in officers):
        return []
    return [o for o in officers if o is not None]
