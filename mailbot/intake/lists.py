"""Officers written one per line without a table heading: numbered or bulleted lists
with the fields separated by commas, dashes, semicolons, slashes or pipes
("1. Sgt. Kyle Brennan - HA101 - kbrennan", "Okafor, Samuel, Officer, HA117, sokafor").

Each piece is recognised by its shape: the officer number (5 letters and digits with
at least one digit, or a labelled number), the DPS username (one lower-case login-like
token, or a labelled one), a rank word, and the name (capitalised words, rank first).
"""

from __future__ import annotations

import re

from mailbot.intake.candidates import holds_state_zip
from mailbot.intake.list_ranks import (
    SURNAME_PARTICLE,
    is_rank_phrase,
    rank_as_surname,
    rank_off,
    row_modifiers,
    unsuffixed,
)
from mailbot.intake.list_remarks import (
    after_lead_sentence,
    after_roster_label,
    bracket_notes_cut,
    number_remark,
    number_still_to_come,
    rank_glossed,
    remark,
    spaced_login,
    user_remark,
    without_asides,
    without_nickname,
)
from mailbot.intake.model import Officer
from mailbot.intake.names import made_from_initial, surname_by_username
from mailbot.intake.number_groups import joined
from mailbot.intake.prose import person, rank_title, split_name, split_rank
from mailbot.intake.rules import Rules, per_rules_text
from mailbot.intake.spaced_rows import NEAR_NUMBER, NUMBER, spaced
from mailbot.intake.table_headings import column_key, field_label
from mailbot.intake.tables import bare_username, not_given

MAX_LINE = 200
_DIGIT = re.compile(r"\d")
# a bullet, an item number, or a lower-case item letter ("a. Roe, Ann - Chief - ...")
_LEAD = re.compile(r"^\s*(?:[-*•·>o]\s+|\(?\d{1,3}[.)]\s*|\(?[a-z][.)]\s+|#\d{1,3}\s+)?")
# "Sgt. Ann Roy ......... AR102 .... aroy": dot leaders part the values too
_SPLIT = re.compile(
    r"\s+-{1,2}\s+|\s+[–—|/]\s+|\s*[,;|\t]\s*|\s+[–—]\s*|\s*\.{3,}\s*|\s{2,}|\s*\(\s*|\s*\)\s*"
)
_EMPTY_SLOT = re.compile(r"(?:--|[,;|\t–—])[ \t]*(?:--|[,;|\t–—])")
"""Two separators with nothing between: a field left empty ("Officer --  -- ghalloran")."""
_LABELLED_NUMBER = re.compile(
    r"^(?:VT\s+)?(?:LEO|badge|officer|justice\s+(?:system\s+)?id|JSID|ID|number|no\.?|#)"
    r"(?:\s*(?:number|num\.?|no\.?|#|id))?\s*[:#]?\s*#?\s*([A-Za-z0-9-]{2,12})$",
    re.I,
)
_LABELLED_USER = re.compile(
    r"^(?:(?:his|her|their|my)\s+)?"  # "his DPS username is doriordan"
    r"(?:(?:DPS\s+)?(?:domain\s+)?(?:user\s*name|user\s*id|user|login)(?:\s+is\b)?\s*[:=]?"
    r"|DPS\s*[:=])\s*(\S+)$",
    re.I,
)
_OTHER_NUMBER_LABEL = re.compile(
    r"^[\w .-]{0,20}?(?:#|\bnumber|\bnum\.?|\bno\.?|\bid)\s*:\s*#?\s*"
    r"((?=[A-Za-z]{0,4}\d)[A-Za-z0-9]{5})$",
    re.I,
)
"""A number after a label of other words ("five-char #: WH6H1", "TraCS ID: WS201")."""
_USER_LABEL = re.compile(
    r"^(?:DPS\s+)?(?:domain\s+)?(?:user\s*name|user\s*id|login)\s*[:=]?\s+", re.I
)
_NUMBER_LABEL = re.compile(
    r"(?<!\w)(?:(?:VT\s+)?(?:LEO|badge|officer\s+number)(?:\s*(?:number|num\.?|no\.?|#|id))?"
    r"|#(?=[ \t]?[A-Za-z(])|number(?=[ \t]+[A-Za-z]))"
    r"\s*[:#]?\s*(?:is\s+)?",
    re.I,
)
"""An officer number's label ("LEO number still pending"): with words saying it is not
given yet, the row's number is left out; a bare "#" or "number" before words ("# pending",
"(number to follow)") too."""
_BARE_USER_LABEL = re.compile(
    r"^(?:DPS\s*)?(?:domain\s+)?(?:user\s*name|user\s*id|login)?\s*:$", re.I
)
"""A username's label with its value left out ("DPS: (not issued yet)")."""
_LABEL_ENDS = frozenset({"name", "id"})
"""The end of a username's label read as its value ("DPS user" + "name")."""
_USER = re.compile(r"^(?:[A-Za-z]{2,15}\\)?[a-z][a-z0-9._-]{1,29}$")
_ADDRESS = re.compile(r"^[A-Za-z0-9][\w.+'-]{0,63}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}$")
_SHORT_ADDRESS = re.compile(r"^[a-z][a-z0-9._-]{1,29}@([\w-]{1,63})$", re.I)  # "jdoe@dps"
_NAME_PIECE = re.compile(
    r"^(?:(?:de|da|di|du|del|della|van|von|der|den|la|le)\s+){0,3}[A-ZÀ-Þ][\w'’.-]*(?:\s+(?:[A-ZÀ-Þ][\w'’.-]*|de|da|van|von|del|la|le))*$"
)

_LOWER_WORD = re.compile(r"^[a-z][a-z'’-]+$")
_LOWER_NAME = re.compile(
    r"^(?!(?:the|a|an|our|my|his|her|new|and|for|to|of)\b)[a-z][a-z'’-]+"
    r"(?: (?!(?:the|a|an|and|for|to|of|guy|officer)\b)(?:[a-z][a-z'’-]+|[a-z]\.)){1,2}$"
)


def officer_on_line(line: str, rules: Rules) -> Officer | None:
    """The officer one list line describes, or None when it is not such a line."""
    officer = _officer_on_line(line, rules)
    return None if officer is None else officer.model_copy()  # callers may set its title


@per_rules_text  # a message's lines are tried by the list, change and contact readers
def _officer_on_line(line: str, rules: Rules) -> Officer | None:
    slot = bool(_DIGIT.search(line) or _EMPTY_SLOT.search(line) or _NUMBER_LABEL.search(line))
    if not slot and _SEPARATOR.search(line):  # "Officer - (none given) - jroy"
        slot = any(not_given(p, rules) for p in _pieces(line))
    if len(line) > MAX_LINE or not slot:
        return None  # an officer number has a digit (or its place is left empty or not given)
    if holds_state_zip(line):
        return None  # "Stowe VT 05672": a town, the state and its ZIP, not an officer
    # "Me - Bolduc, Rene - Chief - ...": the writer pointing at his own row
    # "Officer: Foss, Ann - ...": the row after the roster's heading as its label
    lead = after_roster_label(_LEAD.sub("", line).strip().rstrip("."), rules)
    body = _named_lead_cut(_SELF_LEAD.sub("", lead))
    if not body:
        return None
    body = bracket_notes_cut(without_nickname(after_lead_sentence(body, rules), rules), rules)
    body = rank_glossed(body, rules)  # "— Sergent (Sergeant) —": the rank the ticket knows
    officer = _officer_in(body, rules)
    if officer is None and "(" in body:  # "Sgt. Lee Holt (patrol supervisor), LEO # ..."
        officer = _officer_in(without_asides(body, rules), rules)
    m = _NAME_COLON.match(body) if officer is None else None
    if m and _SEPARATOR.search(body, m.end()) and column_key(m.group(1), rules) is None:
        # "Sergeant Joanne Pelletier: SB101, jpelletier": the name, then its details (not
        # a heading such as "Officer Number: WO274")
        officer = _officer_in(f"{m.group(1)} - {body[m.end() :]}", rules)
    if officer is None and not _SEPARATOR.search(body):
        # "Sgt Joanne Pelletier SB101 jpelletier": words only, number then username
        officer = _officer_in(spaced(body, rules), rules)
    return officer


# "Me - ...", "Myself Edward Sargent, Chief, ...": the writer pointing at his own row
_SELF_LEAD = re.compile(r"^(?i:me|myself)(?:[ \t]*[-–—:,][ \t]*(?=\S)|[ \t]+(?=[A-Z][a-z]))")
# "Brandon - Officer Brandon Cote, ...": a row led by the first name it then gives in full
_NAMED_LEAD = re.compile(r"^([A-Z][a-z'’]+)[ \t]*[-–—:][ \t]*(?=\S)")


def _named_lead_cut(body: str) -> str:
    """``body`` less a lead word that the row's name, in its first words, repeats."""
    m = _NAMED_LEAD.match(body)
    if m and m.group(1) in body[m.end() :].split()[:3]:
        return body[m.end() :]
    return body


_NAME_COLON = re.compile(r"^([A-Za-z][A-Za-z .'’-]{2,60}?):\s+(?=\S)")
_SEPARATOR = re.compile(r"[,;|\t/–—()]|\s-\s|\s{2,}|\.{3,}")


_MIXED = re.compile(r"^(?=\w*[A-Za-z])(?=\w*\d)\w+$")
_LETTERED_NUMBER = re.compile(r"^(?=[A-Za-z]{1,4}\d)[A-Za-z0-9]{5}$")  # not a ZIP code
_SHOUTED_USER = re.compile(r"^(?:[A-Z]{2,15}\\)?[A-Z][A-Z0-9._-]{1,29}$")


def _pieces(body: str) -> list[str]:
    """The fields of a list line; a piece of two or three words holding an officer number
    ("SB101 jpelletier" after "(Sgt)") is cut at its blanks unless it is labelled, and a
    longer one ending in the number is cut before it."""
    out: list[str] = []
    for p in _SPLIT.split(body):
        p = p.strip(" -–—") if p else ""
        if not p:
            continue
        words = p.split()
        if (
            1 < len(words) <= 3
            and ":" not in p
            and any(_LETTERED_NUMBER.match(w.lstrip("#")) for w in words)
            and not _LABELLED_NUMBER.match(p)
            and not _LABELLED_USER.match(p)
        ):
            out.extend(words)
        elif 3 < len(words) <= 8 and ":" not in p and _LETTERED_NUMBER.match(words[-1].lstrip("#")):
            out.extend([" ".join(words[:-1]), words[-1]])  # "Ofc Tess Varga WH7T3 - ..."
        else:
            out.append(p)
    return out


def _says_left_out(after: list[str], rules: Rules) -> bool:
    """True when the piece in ``after`` says its value is not given, bare or after its
    label ("TBD", "LEO # not issued yet", "username pending")."""
    bare = after[0].strip("()[]").strip() if after else ""
    lab = _NUMBER_LABEL.match(bare) or _USER_LABEL.match(bare)
    rest = bare[lab.end() :] if lab else ""
    return bool(bare) and (not_given(bare, rules) or bool(rest and not_given(rest, rules)))


def _gives_user(piece: str, rules: Rules) -> bool:
    """ "username kwheeler" after a number said to be pending: a username given, not a
    remark on the value left out."""
    m = _LABELLED_USER.match(piece)
    if m is None:
        return False
    return m.group(1).lower() not in _LABEL_ENDS and not not_given(m.group(1), rules)


def _officer_in(body: str, rules: Rules) -> Officer | None:
    pieces = _pieces(body)
    if len(pieces) < 2:
        return None
    number = user = title = near = None
    pending = False  # "LEO number still pending from VCJTC"
    names: list[str] = []
    shouting = not any(c.islower() for c in body)
    on_dps_domain = rules.formats.dps_username.on_dps_domain
    typed_lower = not any(c.isupper() for c in body)
    surname = rank_as_surname([p.strip("()[]").strip() for p in pieces], rules)
    left_out = blank = False  # blank: a cell said to be not given ("(none given)")
    for n, piece in enumerate(pieces):
        bare = piece.strip("()[]").strip()
        if not_given(piece, rules):
            left_out = blank = True
            continue  # "TBD", "(not set up yet)": a field said to be not given
        lab = _USER_LABEL.match(bare)
        if user is None and lab and not_given(bare[lab.end() :], rules):
            left_out = True
            continue  # "DPS username not assigned yet"
        if left_out and remark(bare) and not _gives_user(bare, rules):
            continue  # "username TBD (account still being set up)": why it is not given
        if user is None and number is not None and names and user_remark(bare, rules):
            left_out = True
            continue  # "he can't recall his DPS login": the username is not given
        left_out = False
        if number is not None and user is None and number_remark(piece, rules):
            continue  # "LEO # WDS12A (that's what's on her card)": a remark on the number
        heading = column_key(bare, rules)
        if (heading == "officer_number" and number) or (heading == "dps_username" and user):
            continue  # "jravelin (DPS login)": the heading of a value given just before
        if n == surname:
            continue
        if shouting and number is not None and user is None and _SHOUTED_USER.match(bare):
            user = bare_username(bare, rules)  # "PELLETIER, JOANNE  SGT  SB101  JPELLETIER"
            continue
        if number is None and NUMBER.match(bare.lstrip("#")):
            number = bare.lstrip("#")
            continue
        if number is None and joined(bare.lstrip("#"), rules):
            number = bare.lstrip("#")  # "731 05": printed in groups (read whole later)
            continue
        if near is None and number is None and NEAR_NUMBER.match(bare.lstrip("#")):
            near = bare.lstrip("#")  # "6102": a number one character short, kept as written
            continue
        m = _LABELLED_NUMBER.match(bare) or _OTHER_NUMBER_LABEL.match(bare)
        if number is None and m and any(c.isdigit() for c in m.group(1)):
            number = m.group(1)
            continue
        lab = _NUMBER_LABEL.match(bare)
        if number is None and lab and lab.end() < len(bare) and not_given(bare[lab.end() :], rules):
            pending = left_out = True  # "number pending (new hire, starts 4/18)": why
            continue
        lab = _USER_LABEL.match(bare)
        if user is None and lab and not_given(bare[lab.end() :], rules):
            continue  # "DPS username not assigned yet"
        m = _LABELLED_USER.match(bare)
        if m and m.group(1).lower() in _LABEL_ENDS:
            continue  # "DPS username - not issued yet": the label alone, its value left out
        if user is None and m:
            if not not_given(m.group(1), rules):  # "DPS: pending"
                user = bare_username(m.group(1), rules)
            continue
        if _BARE_USER_LABEL.match(bare) and bare.strip(":").strip():
            continue
        before_rank = typed_lower and number is None and title is None and len(names) < 2
        if before_rank and _LOWER_WORD.match(bare) and not rank_title(bare, rules):
            names.append(bare)  # "oconnell fiona officer rp207": names before the rank
            continue
        short = _SHORT_ADDRESS.match(bare)
        if user is None and (_ADDRESS.match(bare) or (short and on_dps_domain(short[1]))):
            # "bdonovan@dps.state.vt.us": a username on the DPS domain (another
            # domain's address is kept as written, and found invalid)
            user = bare_username(bare, rules)
            continue
        if user is None and _USER.match(bare) and not rank_title(bare, rules):
            if bare.lower() in row_modifiers(rules):
                continue  # "73415 (part-time)", "- resigned": a word on him, not a login
            user = bare_username(bare, rules)
            continue
        if title is None and rank_title(bare, rules):
            title = rank_title(bare, rules)
            continue
        if title is None and is_rank_phrase(bare, rules):
            title = bare
            continue
        if user is None and number and n == len(pieces) - 1 and spaced_login(bare, names, rules):
            user = bare  # "- NF330 - Ryan Cushing", "- dst pierre": as written, so invalid
            continue
        if _NAME_PIECE.match(bare) or (n == 0 and _LOWER_NAME.match(bare)):
            names.append(bare)  # "bucky rowell - constable - PC201": typed all lower-case
            continue
        coming, said_user = number_still_to_come(piece, rules)
        if coming and number is None and len(" ".join(names).split()) > 1:
            pending = left_out = True  # "his number hasn't come through yet": asked for
            if said_user and user is None and (m := _LABELLED_USER.match(said_user)):
                user = bare_username(m.group(1), rules)
            continue
        if remark(bare) and _says_left_out(pieces[n + 1 : n + 2], rules):
            continue  # "new hire, LEO # not issued yet": why the value after is left out
        return None  # a piece of another kind: prose, not a list line
    if number is None and near is not None and names and (user or title or _MIXED.match(near)):
        number = near  # "Allen Pratt - 5GH113": letters and digits, a number one too long
    if number is None and not (pending or (user and title and (blank or _EMPTY_SLOT.search(body)))):
        # without a number, only a row with its number's place left empty, said not given
        # ("Officer - (none given) - apratt") or said to come later
        return None
    if not names or len(names) > 2 or field_label(" ".join(names), rules):
        return None  # "Judiciary Code - 04178": a value's label, no one's name
    first = last = None
    rank: str | None
    lead_rank, lead = rank_off(names[0], rules)
    if surname is not None:
        # "Constable | Harlan | First Constable": the rank word standing alone is his name
        if len(names) != 1:
            return None
        last = pieces[surname].strip("()[]").strip()
        rank, first = rank_off(names[0], rules)
    elif len(names) == 2 and lead and (len(unsuffixed(lead)) == 1 or SURNAME_PARTICLE.match(lead)):
        # "Okafor, Samuel" (or "Sgt. O'Neil, Pat", "St. Pierre, Jean-Luc", "Roy Jr., Ed"):
        # the order of the roster form
        last, first = lead, names[1]
        rank, rest = rank_off(first, rules)
        first = rest or first
        rank = rank or lead_rank
    else:
        rank, first, last = person(" ".join(names), rules)
        after = split_rank(" ".join(names).split(), rules)[1]
        if first is None and last is None and rank and len(after) == 1:
            last = after[0]  # "Ofc Dube", "Chief Deputy Lamb": a rank and a surname
        elif first is None and last is None:
            first, last = split_name(" ".join(names))
    if last is None:
        return None
    first, whole = surname_by_username(first, last, user)  # "Ada Red Cloud", "aredcloud"
    last = whole or last
    if first and user and made_from_initial(user, initial_of=last, name=first):
        first, last = last, first  # "Cross Dylan, Officer, 68840, dcross": last name first
    return Officer(
        last_name=last,
        first_name=first,
        title=title or rank,
        officer_number=number,
        dps_username=user,
    )
