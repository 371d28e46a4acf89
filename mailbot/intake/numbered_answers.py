"""A reply that answers the desk's numbered list by its numbers ("1. Elmore County
Sheriff's Office" / "2. 0412" / ... / "5. Deputy Ann Roy, aroy@..."), under the
desk's quoted "1. The proper name of the agency ..." / "5. Name and email of your
e-ticket Point-of-Contact": each answer is read with the desk's item of its number as
its label, as if he had written "Name and email of your e-ticket Point-of-Contact:
Deputy Ann Roy, aroy@...". An answer that is not a one-line value ("3. Working
on it. I will send it Monday.") stands as written.
"""

from __future__ import annotations

import dataclasses
import re

from mailbot.intake import prose
from mailbot.intake.own_thread import latest_desk
from mailbot.intake.parts import MessageParts

_NUMBERED = re.compile(r"^[ \t]*(\d{1,2})[.)][ \t]+(\S.*)$")
"""A numbered line; its text is taken with trailing blanks stripped (a lazy text before
``\\s*$`` would try every blank of a long run against the end: quadratic)."""
_NUMBER_ALONE = re.compile(r"^[ \t]*(\d{1,2})[.)][ \t]*$")
"""A number alone on its line ("6." over the officer rows): its answer is the lines below."""
ASKING = re.compile(r"^(?:who|what|which|where|how)\b.{0,40}?\b(?:your|the)\s+(?=\S)", re.I)
"""A question's opening ("Who will be your ..."): its subject is the label."""
_MIN_ANSWERS = 2
_STATED = re.compile(
    r"(?:^|[.!][ \t]+)(?i:it['’]s|it[ \t]+is|that['’]s)[ \t]+(\S+?(?:[ \t]+\S+?){0,5})[.!]?$"
)
"""An answer's last sentence stating its value ("Sorry, dropped a digit. It's 0620.")."""
"""Numbered answers, each under a desk item of its number, that make a reply answered so."""


def by_number(parts: MessageParts) -> MessageParts | None:
    """``parts`` with each numbered answer of its new text labelled by the desk's quoted
    item of that number; ``None`` when the reply does not answer a numbered list so: too
    few answers, or numbers other than the desk's list's (a list of his own, "Officers:
    1. Sgt. Ann Roy ..." under the desk's "1. The judiciary code / 2. ... / 3. ...")."""
    lines = parts.text.split("\n")
    answers = [m for line in lines if (m := _NUMBERED.match(line))]
    if len(answers) < _MIN_ANSWERS:
        return None
    asked = _desk_items(parts)
    # "6." alone over the officer rows: answered by the lines under it
    below = [m.group(1) for line in lines if (m := _NUMBER_ALONE.match(line))]
    numbers = [m.group(1) for m in answers] + below
    if len(set(numbers)) != len(numbers) or set(numbers) != set(asked):
        return None  # not every item answered: a list of his own (officers), not answers
    labelled: dict[str, str] = {}
    for m in answers:
        answer = m.group(2).rstrip()
        # "Sorry, dropped a digit. It's 0620.": the value its last sentence states
        said = _STATED.search(answer) if not _a_value(answer) else None
        answer = said.group(1) if said else answer
        if said or _a_value(answer):
            # "Judiciary code: we received "062" ...": the desk's item names its field first
            label = item_label(asked[m.group(1)].split(":", 1)[0])
            row = _row_under(asked[m.group(1)], answer)
            labelled[m.group(0)] = row or f"{label}: {answer}"
    if not labelled:
        return None
    return dataclasses.replace(
        parts,
        text=_relabelled(parts.text, labelled),
        full_text=_relabelled(parts.full_text, labelled),
    )


def in_order(parts: MessageParts) -> MessageParts | None:
    """``parts`` with a reply's bare values, one a line in one block, labelled by the
    desk's quoted numbered items in the same order ("0412" / "10632 Route 116, ..." /
    "Sgt Ann Roy  aroy@..." under "1) Judiciary code" / "2) Street address" / "4) Name and
    email of your e-ticket point of contact"): as many lines as items, each a value
    that no label of his opens; ``None`` otherwise."""
    asked = _desk_items(parts)
    if len(asked) < _MIN_ANSWERS or sorted(asked, key=int) != [
        str(n) for n in range(1, len(asked) + 1)
    ]:
        return None
    block = next((b for b in parts.text.split("\n\n") if b.strip()), "")
    lines = block.split("\n")
    if len(lines) != len(asked) or not all(_bare(line.strip()) for line in lines):
        return None
    labelled = {}
    for n, line in enumerate(lines, start=1):
        label = item_label(asked[str(n)])
        labelled[line] = _row_under(asked[str(n)], line) or f"{label}: {line.strip()}"
    text = _relabelled(parts.text, labelled)
    full = parts.full_text and _relabelled(parts.full_text, labelled)
    return dataclasses.replace(parts, text=text, full_text=full)


_ASIDE = re.compile(r"[ \t]*\([^()\n]{0,80}\)")
"""A bracketed aside in the desk's item ("(name and email address)", "(this is not your
ORI number)"): no part of the label its answer is read under."""


def item_label(item: str) -> str:
    """The label a desk's item gives its answer: the item without its asking words, its
    bracketed asides or its closing mark ("Designation of your agency's e-ticket Point of
    Contact (name and email address)" labels "... e-ticket Point of Contact: Sgt. Ann Roy")."""
    return ASKING.sub("", _ASIDE.sub("", item).rstrip(" ?:"))


_LABELLED = re.compile(r"^[^:：\n]{1,40}[:：]\s")
"""A line opened by a label of the writer's own ("Code: 0412")."""


def _bare(line: str) -> bool:
    """A value alone on its line: not a label's, not a numbered or bulleted item's, not
    a sentence."""
    if not line or _LABELLED.match(line) or _NUMBERED.match(line) or line[:1] in "-*•>":
        return False
    return _a_value(line)


_CELL_SEP = re.compile(r"[,|;\t]")
_MIN_CELLS = 3


def _row_under(item: str, answer: str) -> str | None:
    """The answer as a row under its column headings when the desk's item lists columns
    and the answer has a cell for each ("for each officer: last name, first name, title"
    answered "Roy, Ann, Sergeant"): the headings over the row, as a table is written;
    None for any other item or answer."""
    columns = item.partition(":")[2]
    headings = _CELL_SEP.split(columns)
    cells = _CELL_SEP.split(answer)
    if len(headings) < _MIN_CELLS or len(cells) != len(headings) or not all(map(str.strip, cells)):
        return None
    return f"{columns.strip()}\n{answer.strip()}"


def _relabelled(text: str, labelled: dict[str, str]) -> str:
    """``text`` with the first line equal to each key of ``labelled`` written as its value."""
    left = dict(labelled)
    out = []
    for line in text.split("\n"):
        out.append(left.pop(line, line))
    return "\n".join(out)


def _desk_items(parts: MessageParts) -> dict[str, str]:
    """The numbered items of the desk's latest quoted message, by number (none when two
    share a number: two lists, whose numbers do not say which is answered)."""
    desk = latest_desk(parts)
    if desk is None:
        return {}
    items: dict[str, str] = {}
    for line in desk.text.split("\n"):
        m = _NUMBERED.match(line)
        if m is None:
            continue
        if m.group(1) in items:
            return {}
        items[m.group(1)] = m.group(2).rstrip()
    return items


def _a_value(answer: str) -> bool:
    """A value, not sentences ("Deputy Ann Roy, aroy@..." is one; "Working on
    it. I will send it next week." is not, nor is one sentence ended as such: "Our logo is
    being redone, I'll send it next week.")."""
    ended = answer.endswith((".", "!")) and len(answer.split()) >= 3
    return len(prose.sentences(answer)) <= 1 and not ended
