"""A roster-change message cut into its items: one per bullet or number, a table row
of its own, or a paragraph (where one officer is described over several sentences)."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

MAX_ITEM = 1200
WRAP_WIDTH = 60
"""A list line this long that the next line goes on from was wrapped by the mailer."""
_ITEM_START = re.compile(r"^\s*(?:[-*•·]\s+|\(?\d{1,3}[.)]\s+|#\d{1,3}\s+)")
_NUMBER = re.compile(
    r"(?<!VT )(?<!Vt )(?<!VT, )(?<!Vermont )"  # "VT 05641" is a ZIP
    r"(?<![\w-])#?((?!x\d{4}(?![\w-]))(?=[A-Za-z]{0,4}\d)[A-Za-z0-9]{5})(?![\w-])"
)


def items(text: str) -> list[str]:
    """List items (one per bullet or number) and paragraphs of ``text``, in order."""
    return [item for item, _ in marked_items(text)]


def marked_items(
    text: str, labels: Sequence[str] = (), number_labels: Sequence[str] = ()
) -> list[tuple[str, bool]]:
    """(item, True for a bulleted or numbered list item) for :func:`items`; a line
    labelled with one of the action words ``labels`` ("ADD: ...") is an item too, and a
    value after one of ``number_labels`` is its officer's number, whatever its length."""
    out: list[tuple[str, bool]] = []
    labelled = {" ".join(w.lower().split()) for w in labels}
    para: list[str] = []
    told = _told_number(tuple(number_labels))

    def flush() -> None:
        if _one_officer_a_line(para, told):
            out.extend((line[:MAX_ITEM], True) for line in para)
        elif para:
            out.append((" ".join(para)[:MAX_ITEM], False))
        para.clear()

    under_lead = False  # the lines right under "Please ADD our two new reserve officers:"
    wrapped = False  # the line before was a list item's, which may wrap onto this one
    last = ""  # the line before, as written
    last_said = ""  # the last line with words
    list_indent: str | None = None  # how the lines listed under a lead-in are indented
    lead_gap = False  # a blank line between the lead-in and the lines under it
    for line in text.split("\n"):
        s = line.strip()
        label = _ACTION_LABEL.match(s) if labelled else None
        own = label and " ".join(label.group(1).lower().split()) in labelled
        # a long line stopped mid-word, then one with no officer's number nor label
        cut = len(last) >= WRAP_WIDTH and last[-1:].isalnum() and not _NUMBER.search(s)
        goes_on = s[:1].islower() or (cut and not own)
        last = line.rstrip()
        if wrapped and s and goes_on and not _ITEM_START.match(line) and not is_row(s):
            # "2. ... Her new DPS" then "username is ksargent.", "... to join the
            # Bennington" then "Police Department. Chief Hanley ...": the item goes on (a
            # long line stopped mid-sentence was wrapped by the mailer or the PDF)
            out[-1] = (f"{out[-1][0]} {s}"[:MAX_ITEM], True)
            continue
        if wrapped and line[:1] in " \t" and _LABELLED.match(s) and not _ITEM_START.match(line):
            # "1) Officer Ida Marsh" then "   LEO #: RX201", "   DPS username: imarsh": her
            # values labelled on lines indented under the item
            out[-1] = (f"{out[-1][0]}\n{s}"[:MAX_ITEM], True)
            continue
        wrapped = False
        if not s:
            flush()
            # "... should be deactivated:" then a blank line over its list indented under
            # it: still under it
            under_lead = under_lead and last_said.endswith(":")
            lead_gap = under_lead
            continue
        last_said = s
        indent = line[: len(line) - len(line.lstrip())]
        # "    Cpl. Ann Roy (number not at hand; username aroy)": a line indented as the
        # list's lines before it, its number not given
        in_list = bool(indent) and indent == list_indent
        marked = bool(_ITEM_START.match(line)) or bool(own)  # "1. ADD – ...": its own item
        if (
            under_lead
            and not marked
            and ":" not in s
            and len(s) <= 200
            and (_NUMBER.search(s) or in_list)
            and (bool(indent) or not lead_gap)
        ):
            # "Reserve Officer Dylan Petit-Frere, LEO # CS8N4, DPS username dpetitfrere":
            # one officer a line under the lead-in, each an item of its own
            flush()
            out.append((s[:MAX_ITEM], True))
            list_indent = indent
            continue
        list_indent = None
        under_lead = s.endswith(":") and not _ITEM_START.match(line) and not is_row(s)
        lead_gap = False
        if under_lead:
            para.append(s)
            flush()
            continue
        if _ITEM_START.match(line):
            flush()
            out.append((_ITEM_START.sub("", line).strip()[:MAX_ITEM], True))
            wrapped = True
            continue
        if own:
            # "ADD: Game Warden Ann Roy, FW061" then "DEACTIVATE: ...": one item a line
            flush()
            out.append((s[:MAX_ITEM], True))
            wrapped = True
            continue
        if is_row(s):  # "Lefebvre<tab>Derek<tab>LD5D3": one officer a line, no heading
            flush()
            out.append((s[:MAX_ITEM], True))
            continue
        if ":" in s and len(s) < 80 and para and not para[-1].endswith((".", ";")):
            para.append(s + ";")  # "Officer number: LC077" lines under a name
            continue
        para.append(s if not _label_only(s) else s + ";")
    flush()
    return out


_CELLS = re.compile(r"\t|\s\|\s")
_ACTION_LABEL = re.compile(r"([A-Za-z]+(?:[ \t][A-Za-z]+)?)[ \t]*(?:[:–—]|-[ \t])")


_RUNS_ON = re.compile(r"(?:\band|\bor|,|\band/or)$", re.I)


@functools.cache
def _told_number(labels: tuple[str, ...]) -> re.Pattern[str] | None:
    """A value after an officer number's label ("officer number BR5530", "LEO # 45521"):
    a number, of any length, with a digit."""
    if not labels:
        return None
    alt = "|".join(
        re.escape(w).replace(r"\ ", r"[ \t]+") + (r"\b" if w[-1:].isalnum() else "")
        for w in sorted(labels, key=len, reverse=True)
    )
    return re.compile(
        rf"(?<![\w'’])(?i:{alt})[ \t]*+[:#]?[ \t]*+#?"
        r"((?=[A-Za-z]{0,4}\d)[A-Za-z0-9]{3,8})(?![\w@.-]|\.\w)"
    )


def _one_officer_a_line(lines: list[str], told: re.Pattern[str] | None = None) -> bool:
    """ "Officer Jordan Blaise, WL5J2, username jblaise" then another officer's line, no
    bullets: lines that each open with a capital and give one officer number of their
    own (a number after its label, ``told``, whatever its length) (not a sentence wrapped
    over lines, which runs on with "and" or a comma)."""
    if len(lines) < 2 or any(len(line) > 200 for line in lines):
        return False
    numbers = []
    for line in lines:
        found = {n.upper() for n in _NUMBER.findall(line)}
        found = found or {n.upper() for n in (told.findall(line) if told else [])}
        if len(found) != 1 or not line[:1].isupper() or _RUNS_ON.search(line.rstrip()):
            return False
        numbers.append(found.pop())
    return len(set(numbers)) == len(numbers)


_ROW_CELLS = re.compile(r"\t|\||  +")


def is_row(line: str) -> bool:
    """True for a table row without its heading: cells split by tabs, pipes or runs of
    spaces ("Sgt Dana Roy  HL5D2  droy"), one of them an officer number (or one a
    character long or short, digits first: "Ofc. Tanner Boyce   58T221")."""
    return (
        bool(_CELLS.search(line) or "  " in line.strip())
        and len(line) <= 200
        and any(
            _NUMBER.fullmatch(cell.strip()) or _MISTYPED.fullmatch(cell.strip())
            for cell in _ROW_CELLS.split(line)
        )
    )


# an officer number of four or six characters, digits and letters both, digits first
_MISTYPED = re.compile(
    r"(?=\d{1,3}[A-Za-z])(?=[A-Za-z]{0,3}\d)[A-Za-z0-9]{4}|(?=\d{1,4}[A-Za-z])[A-Za-z0-9]{6}"
)


_LABELLED = re.compile(r"^[A-Z][\w .#'’-]{0,40}:\s*\S")  # "LEO #: RX201"


def _label_only(line: str) -> bool:
    return bool(re.match(r"^[A-Z][\w .'’-]{0,40}:\s*\S", line)) and len(line) < 80
