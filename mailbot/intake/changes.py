"""Roster changes as people write them: a change table with an action column, numbered
or bulleted items, and paragraphs where one officer is described over several
sentences ("In his place we hired Officer Alexis Rondeau. Her VT LEO number is BC045
and her DPS username is arondeau. Please add her.").

Each item names one officer (by officer number, else by rank and name); its action
comes from the words in it (``[intent]`` in ``rules/language.toml``), else from the
message as a whole. An update carries what changes: the new title, last or first
name, or username.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mailbot.intake.model import Action, Change, Officer
from mailbot.intake.prose import officer_in, person, rank_title, sentences
from mailbot.intake.rules import Rules, per_rules

MAX_ITEM = 1200
_ITEM_START = re.compile(r"^\s*(?:[-*•·]\s+|\(?\d{1,3}[.)]\s+|#\d{1,3}\s+)")
_NUMBER = re.compile(
    r"(?<!VT )(?<!Vt )(?<!VT, )(?<!Vermont )"  # "VT 05641" is a ZIP
    r"(?<![\w-])#?((?=[A-Za-z]{0,4}\d)[A-Za-z0-9]{5})(?![\w-])"
)
_NAME = r"(?<![\w'’.-])[A-Z][\w'’.-]*+(?:[ \t]+[A-Z][\w'’.-]*+)*+"
_TITLE_TO = re.compile(
    r"(?i:promoted|promotion|promot(?:e|es|ing)\b[^;\n]{0,60}?|moved\s+up|advanced|reclassified|title\s+change)"
    r"(?:\s+(?i:from)\s+[\w.]+(?:\s+[\w.]+)?)?\s+(?i:to)\s+(?i:the\s+rank\s+of\s+)?(?i:an?\s+)?"
    r"([A-Z][\w.-]*(?:[ \t]+[A-Z][\w.-]*)?)"
    r"|(?i:new\s+(?:title|rank)\s+(?:is|:|will\s+be)|title\s+(?:there\s+)?(?:should\s+be|is\s+now|will\s+be)|"
    r"rank\s+(?:should\s+be|is\s+now)|is\s+now\s+an?)\s*:?\s*([A-Z][\w.-]*(?:[ \t]+[A-Z][\w.-]*)?)"
)
# "Deputy Sean Whitlock (LU077) made Corporal", "was made a sergeant": a title change
# only when the words after "made" are a rank
_MADE_RANK = re.compile(
    r"(?<!\w)(?i:made)\s+(?i:an?\s+)?([A-Za-z][\w.-]*)(?:[ \t]+([A-Za-z][\w.-]*))?"
)
_LAST_TO = re.compile(
    rf"(?i:(?:changed|change)\s+(?:her|his|their|the)\s+(?:last\s+|legal\s+|sur)?name\s+to"
    rf"|new\s+(?:last\s+|legal\s+|sur)?name\s*(?:is|:|of)"
    rf"|last\s+name\s+(?:should\s+be|is\s+now|to|changed\s+to|will\s+be|is)"
    rf"|surname\s+(?:should\s+be|is\s+now|to)"
    # "her last name is actually spelled Pelletier", "the correct spelling is Tetreault"
    rf"|(?:last\s+|sur)?name\s+(?:is\s+|should\s+be\s+)?(?:actually\s+|really\s+|correctly\s+)?"
    rf"(?:spelled|spelt)(?:\s+as)?"
    rf"|correct\s+spelling\s+(?:is|should\s+be|:))\s*:?\s*[\"“']?({_NAME})"
)
_NOW_NAMED = re.compile(
    rf"(?i:is\s+now|now\s+goes\s+by|tickets\s+(?:should\s+)?read|will\s+now\s+be)\s+(?:known\s+as\s+)?"
    rf"({_NAME})"
)
_FIRST_TO = re.compile(
    rf"(?i:first\s+name)\b.{{0,80}}?(?i:should\s+be|is\s+actually|is\s+really|to\s+read|is)\s+"
    rf"[\"“']?({_NAME})"
)
_USER_TO = re.compile(
    r"(?i:user\s*name|user\s*id|login|logon|dps\s+account)(?i:\s+too)?\s*"
    r"(?i:(?:has\s+|was\s+|is\s+being\s+|is\s+)?chang(?:ed|ing)\s+to|is\s+now|is|:|=|should\s+be"
    r"|will\s+be|to)?\s*[:\"“']?\s*"
    r"((?:[A-Za-z]{2,15}\\)?[A-Za-z][\w.-]*[A-Za-z0-9](?:@[\w.-]+)?)"
)
_ACTION_CELL = {
    "add": "add", "new": "add", "create": "add", "hire": "add", "new hire": "add",
    "change": "update", "update": "update", "modify": "update", "promote": "update",
    "promotion": "update", "correct": "update", "correction": "update", "edit": "update",
    "rename": "update", "name change": "update", "title change": "update",
    "deactivate": "deactivate", "remove": "deactivate", "delete": "deactivate",
    "inactivate": "deactivate", "disable": "deactivate", "terminate": "deactivate",
    "separate": "deactivate", "resign": "deactivate", "resigned": "deactivate",
    "retire": "deactivate", "retired": "deactivate", "left": "deactivate",
    "transfer": "deactivate", "end": "deactivate", "separation": "deactivate",
    "promoted": "update", "rank": "update", "username": "update",
}  # fmt: skip
_IDENTITY = ("officer_number", "last_name", "first_name")
_ACTION_HEADINGS = frozenset({"action", "change", "request", "type", "change type", "what"})


def _has(text: str, words: Sequence[str]) -> bool:
    low = " ".join(text.lower().split())
    return any(w.lower() in low for w in words)


# "transferred to the Hartford Police Department", "is transferring from the Washington
# County Sheriff's Department to the Montpelier Police Department"
_TRANSFER = re.compile(
    r"(?i:transferr(?:ed|ing)|transfers?|mov(?:ed|ing))"
    r"(?:\s+(?i:from)\s+[^.;\n]{1,80}?)?"
    r"\s+(?i:to)\s+(?i:the\s+)?([A-Z][\w'’.-]*+(?:\s+[A-Z][\w'’.-]*+)*+)"
)


def items(text: str) -> list[str]:
    """List items (one per bullet or number) and paragraphs of ``text``, in order."""
    return [item for item, _ in marked_items(text)]


def marked_items(text: str) -> list[tuple[str, bool]]:
    """(item, True for a bulleted or numbered list item) for :func:`items`."""
    out: list[tuple[str, bool]] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            out.append((" ".join(para)[:MAX_ITEM], False))
            para.clear()

    for line in text.split("\n"):
        s = line.strip()
        if not s:
            flush()
            continue
        if _ITEM_START.match(line):
            flush()
            out.append((_ITEM_START.sub("", line).strip()[:MAX_ITEM], True))
            continue
        if ":" in s and len(s) < 80 and para and not para[-1].endswith((".", ";")):
            para.append(s + ";")  # "Officer number: LC077" lines under a name
            continue
        para.append(s if not _label_only(s) else s + ";")
    flush()
    return out


def _label_only(line: str) -> bool:
    return bool(re.match(r"^[A-Z][\w .'’-]{0,40}:\s*\S", line)) and len(line) < 80


_RANKS = (
    r"(?:Officer|Ofc\.?|Sergeant|Sgt\.?|Corporal|Cpl\.?|Lieutenant|Lt\.?|Captain|Capt\.?|"
    r"Detective|Det\.?|Deputy|Dep\.?|Trooper|Tpr\.?|Patrolman|Ptl\.?|Constable|Chief)"
)
_RANKED = re.compile(rf"\b((?i:{_RANKS}))[ \t]+([A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+){{1,2}})")


def _ranked_near(text: str, end: int | None) -> re.Match[str] | None:
    """The officer named by rank last before ``end`` (the officer number), else the first
    ("This is Constable Gary Fontaine ... our constable Jodi Larocque (number 66350)")."""
    found = None
    for m in _RANKED.finditer(text):
        if end is not None and m.start() >= end:
            break
        found = m
        if end is None:
            break
    return found or _RANKED.search(text)


def _groups(item: str) -> list[str]:
    """An item split where a new officer is named; the sentences after a name that
    speak of "her"/"his" or add details stay with that officer."""
    parts = sentences(item)
    groups: list[str] = []
    for sentence in parts:
        numbers = set(_NUMBER.findall(sentence))
        before = set(_NUMBER.findall(groups[-1])) if groups else set()
        starts_new = bool(numbers) and bool(before) and not numbers <= before
        named = _RANKED.search(sentence)
        if named and before and not numbers and named.group(2) not in groups[-1]:
            starts_new = True  # "In his place we hired Officer Alexis Rondeau."
        if not groups or starts_new:
            groups.append(sentence)
        else:
            groups[-1] = f"{groups[-1]}. {sentence}"
    return groups


def _name_value(text: str) -> str:
    """ "Castellano. Please update" -> "Castellano": a name ends with its sentence."""
    words: list[str] = []
    for word in text.split():
        words.append(word.rstrip(".,;"))
        if word.endswith((".", ",", ";")) and len(word.rstrip(".")) > 1:
            break
    return " ".join(words)


def _action(text: str, rules: Rules, default: Action | None) -> Action | None:
    words = rules.language.intent
    if _has(text, words.deactivate) and not _new_title(text, rules):
        return "deactivate"
    if _has(text, words.transfer):
        # "has transferred to the Hartford Police Department": the record moves there
        return "update" if _TRANSFER.search(text) else "deactivate"
    first = sentences(text)[0] if text.strip() else ""
    if _has(first, words.add) and not _has(first, words.promote):
        # "In her place we have sworn in Constable Peter Wheelock. Title should read
        # Constable.": the item opens with a new officer; what follows describes him
        return "add"
    if _has(text, words.promote) or _new_title(text, rules) or _LAST_TO.search(text):
        return "update"
    if _has(text, words.add):
        return "add"
    return default


def _new_title(text: str, rules: Rules) -> str | None:
    """The title an item gives an officer ("promoted to Sergeant", "made Corporal")."""
    m = _TITLE_TO.search(text)
    if m:
        raw = (m.group(1) or m.group(2) or "").rstrip(".")
        return rank_title(raw, rules) or raw
    m = _MADE_RANK.search(text)
    if m is None:
        return None
    first, second = m.group(1), (m.group(2) or "").rstrip(".,;")
    if second and first.lower() in _modifiers(rules) and rank_title(second, rules):
        return f"{first.capitalize()} {rank_title(second, rules)}"  # "made Senior Trooper"
    return rank_title(first, rules) or None


@per_rules
def _modifiers(rules: Rules) -> frozenset[str]:
    return frozenset(w.lower() for w in rules.language.people.rank_modifiers)


def _officer(text: str, rules: Rules) -> Officer | None:
    officer = officer_in(text, rules)
    m = _NUMBER.search(text)
    if officer is None and m is None:
        # "Officer Jane Doe retired last Friday": named by rank, no number given
        ranked = _RANKED.search(text)
        if ranked is None:
            return None
        title, first, last = person(ranked.group(0), rules)
        return Officer(title=title, first_name=first, last_name=last)
    number = (officer.officer_number if officer else None) or (m.group(1) if m else None)
    ranked = _ranked_near(text, m.start() if m else None)
    if ranked and (officer is None or officer.last_name not in ranked.group(2).split()):
        title, first, last = person(ranked.group(0), rules)
        officer = Officer(title=title, first_name=first, last_name=last, officer_number=number)
    if officer is None or (officer.last_name is None and officer.first_name is None):
        named = _named_before(text, m.start() if m else len(text), rules)
        officer = Officer(**named, officer_number=number)
    if officer.title is None:
        new = _NEW_RANK.search(text)  # "please add a new deputy: Tyler Benoit"
        if new and rank_title(new.group(1), rules):
            officer = officer.model_copy(update={"title": rank_title(new.group(1), rules)})
    if m and (officer.officer_number is None or len(officer.officer_number) != 5):
        officer = officer.model_copy(update={"officer_number": m.group(1)})
    user = _USER_TO.search(text) or _DOMAIN_USER.search(text)
    if user and not officer.dps_username:
        officer = officer.model_copy(update={"dps_username": _bare(user.group(1), rules)})
    return officer


# "username was set up as "lhaskin", it should be lhaskins": the value after "should be"
_USER_CORRECTED = re.compile(
    r"(?i:user\s*name|user\s*id|login)\b[^.;\n]{0,80}?"
    r"\b(?i:should\s+be|should\s+read|is\s+now|changed\s+to|correct\s+one\s+is)\s*[:\"“']?\s*"
    r"((?:[A-Za-z]{2,15}\\)?[A-Za-z][\w.-]*[A-Za-z0-9](?:@[\w.-]+)?)"
)
_NOT_A_USER = frozenset({"was", "is", "set", "should", "be", "the", "his", "her", "their", "now"})
_DOMAIN_USER = re.compile(r"(?<![\w\\])((?:DPS|dps|Dps)\\[A-Za-z][\w.-]*[A-Za-z0-9])")
_NEW_RANK = re.compile(r"(?i:\bnew)\s+(\w+)")


def _named_before(text: str, end: int, rules: Rules) -> dict[str, str | None]:
    """Title and name of "Deputy Cody Lambert" or "Tyler Benoit, RC058" before ``end``."""
    head = text[:end]
    runs = list(re.finditer(_NAME, head))
    for run in reversed(runs):
        words = run.group(0).split()
        while words and words[0].lower().strip(".,") in _instruction(rules):
            words = words[1:]
        if not words:
            continue
        title, first, last = person(" ".join(words), rules)
        if last:
            return {"title": title, "first_name": first, "last_name": last}
    return {}


@per_rules
def _instruction(rules: Rules) -> frozenset[str]:
    return frozenset(w.lower() for w in rules.language.people.instruction_words) | {
        "please", "in", "her", "his", "we", "hired", "new", "our",
    }  # fmt: skip


def _bare(user: str, rules: Rules) -> str:
    from mailbot.intake.tables import bare_username

    return bare_username(user.rstrip(".,;"), rules)


def _change(officer: Officer, action: Action, text: str, rules: Rules) -> Change:
    data: dict[str, object] = {"action": action, "officer_number": officer.officer_number}
    if action == "add":
        data.update(officer.model_dump(exclude={"officer_number"}))
        return Change.model_validate(data)
    last = re.sub(r"['’]s$", "", officer.last_name or "") or None  # "Nort's first name"
    identity = {"last_name": last, "first_name": officer.first_name}
    data.update({k: v for k, v in identity.items() if v})
    if action == "deactivate":
        return Change.model_validate(data)
    m = _TRANSFER.search(text)
    if m and _has(text, rules.language.intent.transfer):
        data["agency"] = m.group(1).rstrip(".")
        title = _new_title(text, rules)  # "His title there will be Officer."
        if title:
            data["title"] = title
        return Change.model_validate(data)
    title = _new_title(text, rules)
    if title:
        data["title"] = title
    m = _LAST_TO.search(text)
    if m:
        data["last_name"] = _name_value(m.group(1)).split()[-1]
    else:
        m = _NOW_NAMED.search(text)
        named = _name_value(m.group(1)).split() if m else []
        if len(named) >= 2 and not rank_title(named[0], rules):
            data["last_name"] = named[-1]
    m = _FIRST_TO.search(text)
    if m:
        data["first_name"] = _name_value(m.group(1)).split()[0]
    user = _USER_CORRECTED.search(text) or _USER_TO.search(text)
    if user and user.group(1).lower() not in _NOT_A_USER:
        data["dps_username"] = _bare(user.group(1), rules)
    return Change.model_validate(data)


def changes_in_table(lines: list[str], rules: Rules) -> list[Change]:
    """Rows of a table whose first heading is "Action" (ADD / CHANGE / DEACTIVATE)."""
    from mailbot.intake.tables import column_key, row_officer

    out: list[Change] = []
    for i, line in enumerate(lines):
        cells = _cells(line)
        heads = [n for n, c in enumerate(cells) if c.lower().strip(" :") in _ACTION_HEADINGS]
        if len(cells) < 3 or not heads:
            continue
        at = heads[0]  # "Action | Rank | Last Name ...", "Officer | LEO # | Change | Details"
        mapping = {n: k for n, c in enumerate(cells) if n != at and (k := column_key(c, rules))}
        if not mapping:
            continue
        for row in lines[i + 1 :]:
            rcells = _cells(row)
            if len(rcells) < 2:
                break
            action = _action_cell(rcells[at]) if at < len(rcells) else None
            officer = row_officer(rcells, mapping, rules)
            if action is None or officer is None:
                continue
            data = officer.model_dump()
            if action == "deactivate":
                data = {
                    k: v
                    for k, v in data.items()
                    if k in ("officer_number", "last_name", "first_name")
                }
            elif action == "update":
                # what changes, in a details cell ("Officer -> Corporal", "DPS username
                # is now mthibault2")
                rest = " ".join(c for n, c in enumerate(rcells) if n != at and n not in mapping)
                data.update(_details(rest, rules))
            out.append(Change.model_validate({"action": action, **data}))
        break
    return out


_ARROW_RANK = re.compile(r"(?:->|→|=>|\bto\b)\s*([A-Za-z][\w.-]*(?:[ \t]+[A-Za-z][\w.-]*)?)")


def _details(text: str, rules: Rules) -> dict[str, str]:
    """The new values a change table's details cell gives."""
    if not text.strip():
        return {}
    found = _change(Officer(), "update", text, rules).model_dump(exclude_none=True)
    out = {
        k: v for k, v in found.items() if k in ("title", "last_name", "first_name", "dps_username")
    }
    m = _ARROW_RANK.search(text)
    if "title" not in out and m:
        words = m.group(1).split()
        title = rank_title(words[0], rules) if words else None
        if len(words) > 1 and words[0].lower() in _modifiers(rules) and rank_title(words[1], rules):
            title = f"{words[0].capitalize()} {rank_title(words[1], rules)}"
        if title:
            out["title"] = title
    return out


def _action_cell(cell: str) -> str | None:
    """ "ADD", "Update (promoted)", "Remove - resigned": the action an action cell names
    (the whole cell, else its first word that is an action)."""
    low = cell.lower().strip(" .:")
    if low in _ACTION_CELL:
        return _ACTION_CELL[low]
    for word in re.findall(r"[a-z]+", low)[:6]:
        if word in _ACTION_CELL:
            return _ACTION_CELL[word]
    return None


def _cells(line: str) -> list[str]:
    if "|" in line:
        return [c.strip() for c in line.strip().strip("|").split("|")]
    if "\t" in line:
        return [c.strip() for c in line.split("\t")]
    return []


_PRONOUN = re.compile(r"\b(?i:his|her|their|he|she)\b")


def _add_details(changes: list[Change], text: str, rules: Rules) -> None:
    """Values ``text`` gives that the last change does not have yet (an update's new
    title, name or username)."""
    last = changes[-1]
    if last.action != "update":
        return
    found = _details(text, rules)
    have = last.model_dump(exclude_none=True)
    more = {k: v for k, v in found.items() if k not in have}
    if more:
        changes[-1] = Change.model_validate({**have, **more})


def read_changes(text: str, rules: Rules, table_officers: list[Officer]) -> list[Change]:
    """Every roster change in ``text``; officers of a plain table under "please add"
    are adds."""
    changes: list[Change] = []
    seen: set[tuple[str, str | None]] = set()

    def push(change: Change) -> None:
        who = change.officer_number or getattr(change, "last_name", None)
        key = (change.action, (who or "").upper() or None)
        if key not in seen and who:
            seen.add(key)
            changes.append(change)

    for change in changes_in_table(text.split("\n"), rules):
        push(change)
    default: Action | None = "add" if _has(text, rules.language.intent.add) else None
    numbers_in_tables = {(o.officer_number or "").upper() for o in table_officers}
    lead: Action | None = None
    for item, listed in marked_items(text):
        if not listed:
            # "... are no longer with us. Please deactivate their records:" then a list:
            # the lead-in's action is each item's that names none of its own
            lead = _action(item, rules, None) if item.rstrip().endswith(":") else None
        for group in _groups(item):
            officer = _officer(group, rules)
            if officer is None and changes and _PRONOUN.search(group):
                # "Please move his record ... His title there will be Officer.": more
                # about the officer of the change before
                _add_details(changes, group, rules)
                continue
            if officer is None or not (officer.officer_number or officer.last_name):
                continue
            if (officer.officer_number or "").upper() in numbers_in_tables:
                continue
            # without an officer number, the item itself must say what to do
            fallback = (lead if listed else None) or default
            action = _action(group, rules, fallback if officer.officer_number else None)
            if action is None:
                continue
            push(_change(officer, action, group, rules))
    if table_officers and default == "add":
        named = {(c.officer_number or "").upper() for c in changes if c.officer_number}
        for officer in table_officers:
            if (officer.officer_number or "").upper() not in named:
                push(Change(action="add", **officer.model_dump()))
    return changes
