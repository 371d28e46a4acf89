"""The desk's recap of a request, quoted under the sender's reply.

The desk may answer an enrolment request by writing back what it holds ("Here is what
we have so far: Agency name: ... Officers: ...") and what it still needs. The sender
then answers only what was asked ("Code is 0271. Logo attached.") above the quote. The
values the recap lists are the sender's own request, as the desk read it: they are
given, and the sender is never asked for them again. So is the request the desk
restates ("We received your request to add Officer X (xuser), but the numbers were not
included. Please send ..."), which the sender's answer ("X is SW215") completes. What
the desk still asks for ("Still needed: ...") and its sign-off are not values. A reply
that writes its answers into the recap ("answers below") is read there instead, unless
they are typed between its ">" lines: its quote stays under them, and is read here. A
notice that waits on nothing ("your request to add ... has been created") recaps a
request that is done. So is the request the desk quoted under its own question ("To
finish your agency record we still need ..." over "> Elmore PD would like to begin
e-ticketing ..."), quoted one level deeper than the desk's own lines. The Point of Contact
the desk notes as "you" ("Officer list and PoC (you) received:") is the sender.
"""

from __future__ import annotations

import re

from mailbot.intake import prose
from mailbot.intake.own_thread import Quoted, is_desk, thread
from mailbot.intake.parts import MessageParts
from mailbot.intake.rules import Rules, per_rules
from mailbot.intake.table_headings import field_label
from mailbot.intake.word_lists import alternation

_LABELLED = re.compile(r"^[^:]{1,40}:\s*\S")
"""A "Label: value" line (a recap's own line, even when its value is "missing")."""
_MAX_LINES = 200
_QUOTE_LINE = re.compile(r"^[ \t]*>", re.M)


def recaps(parts: MessageParts, rules: Rules) -> list[Quoted]:
    """The desk's latest quoted message, cut to the values it recaps, or nothing when it
    recaps none."""
    words = rules.language.intent
    top = " ".join(parts.text.lower().split())
    inline = any(w in top for w in words.answers_inline)
    if inline and (
        any(w in top for w in words.answers_in_caps)
        or not _QUOTE_LINE.search(parts.full_text or "")
    ):
        # "Answers below in caps": read within the quote (:mod:`inline_answers`); answers
        # typed between its ">" lines leave the desk's quote under them, recap and all
        return []
    opens = [w.lower() for w in words.desk_recaps]
    restates = [w.lower() for w in words.desk_restates]
    stops = [w.lower() for w in words.desk_waits]
    for message in thread(parts):
        if not is_desk(message.author):
            continue
        body = prose.split_signature(message.text, rules).body
        flat_body = " ".join(body.lower().split())
        if "?" not in flat_body and not any(w in flat_body for w in stops):
            return []  # "your request ... has been created": done, nothing is open
        lines = body.split("\n")[:_MAX_LINES]
        flat = [" ".join(line.split()) for line in lines]
        found = _opening_at(flat, opens, restates)
        if found is None and message.under.strip():
            # "To finish your agency record we still need ..." over the request itself,
            # quoted under the desk's question: that request is what the reply completes
            return [Quoted(message.opening, message.under)]
        text = ""
        while found is not None and not _VALUE_MARK.search(text):
            # "We have everything we need. Before we build the records, please confirm
            # the details below:": words that recap nothing, the recap further on
            text = _recap_at(lines, flat, found, stops)
            found = _opening_at(flat, opens, restates, (found[0], found[1] + 1))
        # a recap written as a sentence, read in the thread
        said = _bracketed(text, rules)
        said = _labels_bracketed(text, rules) if said == text else said
        if not text.strip():
            return []
        # "We have: Elm PD, 1 Main St, Elm, VT 05001, 802-555-0100.": values in a sentence
        sentence = said != text or _values_in_sentence(text)
        # "Officer list and PoC (you) received:": the one the desk wrote to is the PoC
        said = "\n".join(x for x in (said, _you_as_contact(body, parts, rules)) if x)
        return [Quoted(message.opening, said, in_thread=sentence)]
    return []


@per_rules
def _you_named(rules: Rules) -> re.Pattern[str]:
    labels = alternation(rules.labels.labels.get("point_of_contact.name", []), r"[ \t]+")
    return re.compile(rf"(?<![\w-])(?i:{labels})[ \t]*(?:\([ \t]*you[ \t]*\)|[:=][ \t]*you\b)")


def _you_as_contact(body: str, parts: MessageParts, rules: Rules) -> str:
    """The desk's recap naming as the Point of Contact the one it wrote to ("PoC (you)",
    "PoC: you"), the sender of the reply: a line naming him so, or ""."""
    if not parts.sender or _you_named(rules).search(body) is None:
        return ""
    return f"Point of Contact: {parts.sender_name or ''} ({parts.sender})".replace(":  ", ": ")


def _values_in_sentence(text: str) -> bool:
    """True when the recap lists the agency's values in a sentence, not labelled on its
    first line ("We have: Elm PD, 1 Main St, Elm, VT 05001, 802-555-0100. POC: Sgt. Ann
    Roy."): a street address among them, read by its shape."""
    lines = (line.strip(" \t:-") for line in text.split("\n"))  # ":" left of "so far:"
    first = next((line for line in lines if line), "")
    if _LABELLED.match(first):
        return False
    return _STREET_TO_ZIP.search(text) is not None


_STREET_TO_ZIP = re.compile(
    r"(?<![\w-])\d{1,6}[A-Za-z]?[ \t]+[A-Z][^,\n]{1,60},[ \t]*[A-Z][^,\n]{1,40},?[ \t]+"
    r"(?:VT|Vermont)\.?[ \t]+\d{5}(?!\d)"
)
"""A street address in a sentence: "1 South Street, Bristol, VT 05443"."""


_SEPARATORS = (" - ", " | ", "\t", ", ", "; ")
_MIN_BRACKETED = 3
"""Values, at the least, in a recap written in brackets (fewer are an aside)."""


def _bracketed(text: str, rules: Rules) -> str:
    """A recap written as a sentence with its values in brackets ("Your request for Elm
    PD is nearly complete (code 0123, 1 Main St, ..., PoC Sgt. Ann Roy). The roster
    ...") cut after the bracket: what follows is the desk's own remark. ``text`` as it
    is when its values are labelled, or no bracket lists them."""
    start = text.find("(")
    close = text.find(")", start)
    if start < 0 or close < 0 or any(_LABELLED.match(x.strip()) for x in text[:start].split("\n")):
        return text
    items = text[start + 1 : close].split(",")
    if len(items) < _MIN_BRACKETED:
        return text
    labelled = ",".join(_labelled(item, rules) for item in items)
    return " ".join(f"{text[: start + 1]}{labelled})".split())


_MAX_LABEL_WORDS = 3
_IN_BRACKETS = re.compile(r"^(.{1,80}?)\s*\(([^()\n]{1,120})\)")
"""Words, then a value in brackets ("the judiciary code (0163)")."""
_MIN_LABELLED = 2
"""Labels with their values in brackets that make a recap of them."""
_VALUE_MARK = re.compile(r"[\d@]")


def _labels_bracketed(text: str, rules: Rules) -> str:
    """A recap written as a sentence with each value in brackets after its label ("We
    have the judiciary code (0163), the address (37 Main St, ...), and we have noted you
    as the Point of Contact (ann@...)"), or after it with a number ("judiciary code
    0102"): one "Label: value" line each. ``text`` as it is when fewer than two labels
    are so followed, one of them by a bracket."""
    if any(_LABELLED.match(line.strip()) for line in text.split("\n")):
        return text  # "Agency name: ..." a line: the desk's own labels
    sentence, rows = _sentence_and_rows(text)
    lines: list[str] = []
    bracketed = False
    for item in _outside_brackets(" ".join(sentence.split())):  # its lines as wrapped, joined
        m = _IN_BRACKETS.match(item.strip())
        if m is not None and (label := _label_ending(m.group(1), rules)) is not None:
            lines.append(f"{label}: {m.group(2).strip()}")
            bracketed = True
        elif _VALUE_MARK.search(item) and ":" in (said := _labelled(item, rules)):
            lines.append(said.strip())
            bracketed = bracketed or "(" in said  # "PoC Sgt. Ann Roy (aroy@...)"
        elif lines and _CONTINUED.fullmatch(item.strip()):
            lines[-1] += f", {item.strip()}"  # "address 5 Main St, Derby, VT 05829"
    if not bracketed or len(lines) < _MIN_LABELLED:
        return text
    return "\n".join([*lines, rows]).rstrip("\n")


_CONTINUED = re.compile(r"[A-Z0-9][\w.'’-]*(?:[ \t]+[A-Z0-9][\w.'’-]*){0,3}")
"""An item of a recap's sentence that goes on the value before it ("Derby", "VT 05829" of
"address 5573 VT Route 5, Derby, VT 05829"): a few capitalised words or numbers."""


def _sentence_and_rows(text: str) -> tuple[str, str]:
    """A recap's sentence, and the rows it opens on the lines under it ("..., judiciary
    code 0825 and your two officers:" over "Benjamin, Kyle - Officer - ..."): the
    sentence ends at a blank line or with a colon."""
    lines = text.split("\n")
    for n, line in enumerate(lines):
        if n and not line.strip():
            return "\n".join(lines[:n]), "\n".join(lines[n:])
        if line.rstrip().endswith(":"):
            return "\n".join(lines[: n + 1]), "\n".join(lines[n + 1 :])
    return text, ""


def _label_ending(words: str, rules: Rules) -> str | None:
    """The field's label that ends ``words`` ("... noted you as the Point of Contact")."""
    split = words.split()
    for n in range(min(_MAX_LABEL_WORDS, len(split)), 0, -1):
        if field_label(" ".join(split[-n:]), rules):
            return " ".join(split[-n:])
    return None


def _outside_brackets(text: str) -> list[str]:
    """``text`` cut at each comma outside brackets."""
    items, depth, start = [], 0, 0
    for i, c in enumerate(text):
        depth = max(0, depth + (c == "(") - (c == ")"))
        if c == "," and depth == 0:
            items.append(text[start:i])
            start = i + 1
    return [*items, text[start:]]


def _bracket_end(kept: list[str], line: str) -> str:
    """The end of a bracket the recap left open, on the line where the desk asks on ("Ann
    Roy). Can you send ...?"), or nothing."""
    text = "\n".join(kept)
    if text.rfind("(") <= text.rfind(")") or (close := line.find(")")) < 0:
        return ""
    return line[: close + 1]


def _labelled(item: str, rules: Rules) -> str:
    """A bracketed recap's item with a colon after the label it opens with ("PoC Lt. Ann
    Roy" -> "PoC: Lt. Ann Roy"), as the desk would write it on a line of its own."""
    words = item.split()
    for n in range(min(_MAX_LABEL_WORDS, len(words) - 1), 0, -1):
        if field_label(" ".join(words[:n]), rules):
            return " " + " ".join(words[:n]) + ": " + " ".join(words[n:])
    return item


def _without_open_value(line: str, stops: list[str]) -> str | None:
    """A recap row without the value it leaves open ("Ruiz, Carla - Officer - 12094"
    of "... - 12094 - DPS username: MISSING", or of "... - 12094 - (missing)"): the
    desk's words of waiting only after its last colon in the row's last cell, or alone
    in that cell. None when the line is no such row ("Please send the following:")."""
    colon = line.rfind(":")
    low = line.lower()
    cut = max(line.rfind(s) for s in _SEPARATORS)
    if cut > 0 and line[cut:].strip(" -|\t,;()[]*").lower() in stops:
        return line[:cut].rstrip()  # "Morin, Brittany - Officer - 03467 - (missing)"
    if colon <= 0 or any(w in low[:colon] for w in stops):
        return None
    cut = max(line.rfind(s, 0, colon) for s in _SEPARATORS)
    return line[:cut].rstrip() if cut > 0 else None


def _recap_at(lines: list[str], flat: list[str], found: tuple[int, int], stops: list[str]) -> str:
    """The recap from ``found`` (its line, its place in it) on, to what the desk asks for."""
    at, start = found
    # "We received your request to add Officer X and Officer Y, but ...": the
    # request as the desk restates it, up to what it asks for
    tail = flat[at][start:]
    cut = min((i for w in stops if (i := tail.lower().find(w)) >= 0), default=len(tail))
    kept: list[str] = [tail[:cut]]
    for line in lines[at + 1 :] if cut == len(tail) else []:
        low = line.strip().lower()
        if any(w in low for w in stops) and not _LABELLED.match(line.strip()):
            row = _without_open_value(line, stops)
            if row is None:
                kept.append(_bracket_end(kept, line))  # "... Roy). Can you send ...?"
                break  # "Still needed:", "Please send us the following:"
            line = row  # "Ruiz, Carla - Officer - 12094 - DPS username: MISSING"
        kept.append(line)
    return "\n".join(kept).strip("\n")


def _opening_at(
    flat: list[str], opens: list[str], restates: list[str], past: tuple[int, int] = (0, 0)
) -> tuple[int, int] | None:
    """(the line, the place in it) where the recap starts, ``past`` (a line, a place in
    it) an opening already tried: after its opening words, which may be wrapped onto the
    next line ("please confirm the" / "details below:"), or at the words that restate the
    request ("To add Officer ...")."""
    first, after = past
    for n in range(first, len(flat)):
        line, skip = flat[n], after if n == first else 0
        if (start := _opener(line, opens, restates, skip)) >= 0:
            return n, start
        if n + 1 < len(flat) and flat[n + 1]:
            start = _opener(f"{line} {flat[n + 1]}", opens, restates, skip) - len(line) - 1
            if start > 0:
                return n + 1, start
    return None


def _opener(line: str, opens: list[str], restates: list[str], after: int = 0) -> int:
    """Where the recap starts in ``line`` from place ``after`` on (after its opening
    words, at the words that restate the request), or -1."""
    low = line.lower()
    for w in opens:
        at = low.find(w, after)
        if at >= 0:
            return at + len(w)
    for w in restates:
        at = low.find(w, after)
        if at >= 0:
            return at
    return -1
