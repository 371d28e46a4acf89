"""The officer an item of a roster change names: by officer number, else by rank and
name ("Officer Jane Doe retired last Friday"), with the username and title written beside
him."""

from __future__ import annotations

import re

from mailbot.intake.agency_name import agency_code_after_name
from mailbot.intake.change_items import _NUMBER
from mailbot.intake.change_logins import login_after_number
from mailbot.intake.change_named_object import new_officer_named, removal_named
from mailbot.intake.change_names import (
    _RANKED,
    _ranked_near,
    _unquote,
    lower_ranked_before,
    named_before,
    names_a_place,
    surname_before,
)
from mailbot.intake.change_renamed import renamed_named
from mailbot.intake.change_tables import row_cells
from mailbot.intake.change_titles import _modifiers
from mailbot.intake.change_unranked import officer_now_titled
from mailbot.intake.change_usernames import _PAREN_USER, _USER_TO, _bare, not_a_user
from mailbot.intake.lists import officer_on_line
from mailbot.intake.lower_prose import departed_named
from mailbot.intake.model import Officer
from mailbot.intake.prose import labelled_number, person, rank_title
from mailbot.intake.prose_officers import not_a_name, officer_in
from mailbot.intake.rules import Rules
from mailbot.intake.table_headings import header_map


def officer_named(text: str, rules: Rules) -> Officer | None:
    if "\n" not in text.strip() and header_map(row_cells(text), rules) is not None:
        return None  # "Officer Name | Title | Officer # | DPS Username": a table's headings
    text = _unquote(text, rules)
    from mailbot.intake.change_actions import _LABEL, labelled

    if labelled(text, rules):  # "ADD: Game Warden Ann Roy, FW61, ...": the label is no name
        text = _LABEL.sub("", text, count=1).lstrip()
    # "create their records under Winooski PD (0519):" the agency's code, no officer's
    text = agency_code_after_name(rules).sub(lambda m: m.group(1) or m.group(2), text)
    officer = officer_in(text, rules)
    m = _NUMBER.search(text)
    if officer is None and m is None:
        # "Officer Jane Doe retired last Friday": named by rank, no number given
        ranked = _RANKED.search(text)
        if ranked is None:
            # "... please treat this as the request - Demers, Kyle, now Sergeant."
            return _named_alone(text, rules) or officer_now_titled(text, rules)
        # "Officer Jessica Rand's TraCS record": the name ends with its possessive
        title, first, last = person(
            _BEFORE_POSSESSIVE.sub("", _rank_before(text, ranked, rules)), rules
        )
        # "Officer Eli Marchetti / DPS username: emarchetti / Officer number: pending"
        user = _user_said(text, rules)
        username = _bare(user.group(1), rules) if user else None
        # "... would like Officer Grace Lindqvist added. Officer number S40217": a number
        # of another length than the usual under its label, in a sentence of its own
        number = labelled_number(text[ranked.end() :])
        return Officer(
            title=title,
            first_name=first,
            last_name=last,
            officer_number=number,
            dps_username=username,
        )
    number = (officer.officer_number if officer else None) or (m.group(1) if m else None)
    ranked = _ranked_near(text, m.start() if m else None)
    if ranked and (officer is None or officer.last_name not in ranked.group(2).split()):
        title, first, last = person(_rank_before(text, ranked, rules), rules)
        if first and _POSSESSIVE.search(first):
            # "Lt. Boisvert's TraCS officer record": his last name, then other words
            last = _POSSESSIVE.sub("", first)
            first = None
        officer = Officer(title=title, first_name=first, last_name=last, officer_number=number)
    if officer is not None and names_a_place(text, officer.last_name, rules):
        # "Marcus Belanger - coming to us from Winooski PD. Officer number ...": not
        # "Winooski", the agency he comes from
        officer = officer.model_copy(update={"last_name": None, "first_name": None})
    if officer is None or (officer.last_name is None and officer.first_name is None):
        named = named_before(text, m.start() if m else len(text), rules)
        if m and not named.get("last_name") and not named.get("first_name"):
            named = {**named, **surname_before(text[: m.start()], rules)}
        if m and not named.get("last_name") and not named.get("first_name"):
            named = {**named, **lower_ranked_before(text[: m.start()], rules)}
        if m and not named.get("last_name") and not named.get("first_name"):
            named = {**named, **departed_named(text[: m.start()], rules)}  # "tyler pearce left"
        officer = Officer(**named, officer_number=number)
    if officer.title is None:
        new = _NEW_RANK.search(text)  # "please add a new deputy: Tyler Benoit"
        if new and rank_title(new.group(1), rules):
            officer = officer.model_copy(update={"title": rank_title(new.group(1), rules)})
    if m and (officer.officer_number is None or len(officer.officer_number) != 5):
        officer = officer.model_copy(update={"officer_number": m.group(1)})
    user = _user_said(text, rules) or _DOMAIN_USER.search(text) or _PAREN_USER.search(text)
    if user and (not officer.dps_username or _labels_user(officer.dps_username, text)):
        officer = officer.model_copy(update={"dps_username": _bare(user.group(1), rules)})
    if not officer.dps_username and len(text) <= 200:
        # "Officer Lena Park, HL401, lpark": a list line gives the username by its shape
        # (or "Also please add Sgt. Kim Orr, 2M808, korr. She was ...": the line from her
        # name on, the request before it and the sentences after it left out)
        line = officer_on_line(text, rules) or _line_from_name(text, officer, rules)
        if line and line.dps_username and line.officer_number == officer.officer_number:
            officer = officer.model_copy(update={"dps_username": line.dps_username})
    if not officer.dps_username and officer.officer_number:
        # "Pls add Ofc Dylan Marsh 4417B dmarsh to Bristol PD": his login, bare after
        # his number, made from his name
        login = login_after_number(text, officer)
        if login:
            officer = officer.model_copy(update={"dps_username": login})
    if officer.title is None and len(text) <= 200:
        # "Cole Marchessault, LEO # 6M902, officer": the rank after the number
        line = officer_on_line(text, rules) or _line_from_name(text, officer, rules)
        if line and line.title and line.officer_number == officer.officer_number:
            officer = officer.model_copy(update={"title": line.title})
    if not_a_name(officer.first_name, rules) or not_a_name(officer.last_name, rules):
        # "... named Interim Chief. My LEO number is ...": a pronoun or title is no name
        officer = officer.model_copy(update={"last_name": None, "first_name": None})
    return officer


_NOTE_AFTER = re.compile(r"[ \t]*\([^()\n]{0,80}\)[ \t]*$")
_SENTENCE_END = re.compile(r"\.[ \t]+(?=[A-Z])")


def _line_from_name(text: str, officer: Officer, rules: Rules) -> Officer | None:
    """The officer read as a list line from ``text`` cut to where his name starts (with
    the rank right before it) and to the end of that sentence, a note in brackets
    after it left out ("please add Sgt. Kim Orr, 2M808, korr (starts 4/14)")."""
    if not officer.first_name or not officer.last_name or not officer.officer_number:
        return None
    named = f"{officer.first_name} {officer.last_name}"
    at = text.find(named)
    if at < 0:
        return None
    before = text[:at].split()
    if before and rank_title(before[-1], rules):
        at = text.rfind(before[-1], 0, at)
    piece = text[at:]
    number = piece.find(officer.officer_number)
    if number < 0:
        return None
    end = _SENTENCE_END.search(piece, number)
    piece = _NOTE_AFTER.sub("", piece[: end.start()] if end else piece)
    return officer_on_line(piece.strip().rstrip("."), rules)


def _labels_user(word: str, text: str) -> bool:
    """True when ``word`` read as a username stands before "username" ("NF118, DPS
    username DPS\\yhaddad"): it names the username, it is none."""
    return (
        re.search(rf"(?<![\w\\]){re.escape(word)}[ \t]+(?i:user[ \t]?name|login)\b", text)
        is not None
    )


_WORD_BEFORE = re.compile(r"([A-Za-z][\w.-]*)[ \t]+$")


def _rank_before(text: str, ranked: re.Match[str], rules: Rules) -> str:
    """The ranked name ``ranked`` found in ``text`` with the rank words written right
    before it ("Warden Sergeant Phil Oakes", "Senior Officer ..."): one title."""
    start = ranked.start()
    for _ in range(2):
        m = _WORD_BEFORE.search(text[max(0, start - 30) : start])
        word = m.group(1).rstrip(".").lower() if m else ""
        if m is None or not (rank_title(word, rules) or word in _modifiers(rules)):
            break
        start -= len(m.group(0))
    return text[start : ranked.end()]


def _named_alone(text: str, rules: Rules) -> Officer | None:
    """An officer named without number or rank: a list line ("- Bree Thibault, officer,
    LEO number still pending"), the one a removal asks for ("please remove Danny Roe"),
    or a new one of a rank ("The new constable is Bruce Kellogg")."""
    line = officer_on_line(text, rules) if len(text) <= 200 else None
    if line is not None:
        return line
    removed = removal_named(text, rules)
    if removed:
        return Officer(first_name=removed[0], last_name=removed[1])
    new = new_officer_named(text, rules)
    if new:
        return Officer(title=new[0], first_name=new[1], last_name=new[2])
    now = renamed_named(text, rules)
    if now:
        return now  # "Tara Jennings is now Tara Jennings-Roy"
    fixed = _RANK_SURNAME_USER.search(text)
    if fixed and rank_title(fixed.group(1), rules):
        # "Officer Morrow's DPS username is kmorrow (two r's), not kmorow": a rank and
        # a surname whose username is corrected
        return Officer(title=rank_title(fixed.group(1), rules), last_name=fixed.group(2))
    if fixed and not not_a_name(fixed.group(1), rules):
        # "Patrick O'Brien's username should be pobrien2": his first name and surname
        return Officer(first_name=fixed.group(1), last_name=fixed.group(2))
    return None


_RANK_SURNAME_USER = re.compile(
    r"\b([A-Z][a-z]{1,12}\.?)[ \t]+([A-Z](?:['’]?[A-Z])?[a-z'’-]{1,30})['’]s[ \t]+"
    r"(?i:(?:dps[ \t]+)?(?:domain[ \t]+)?user[ \t]?name|login)\b"
)


def _user_said(text: str, rules: Rules) -> re.Match[str] | None:
    """The first username written after "username" that is a username ("Same number and
    username as before (MC6D2 / mcastellanos)" says none)."""
    return next((m for m in _USER_TO.finditer(text) if not not_a_user(m.group(1), rules)), None)


_POSSESSIVE = re.compile(r"['’]s$")
_BEFORE_POSSESSIVE = re.compile(r"['’]s(?![\w'’]).*$", re.S)
_DOMAIN_USER = re.compile(r"(?<![\w\\])((?:DPS|dps|Dps)\\[A-Za-z][\w.-]*[A-Za-z0-9])")
_NEW_RANK = re.compile(r"(?i:\bnew)\s+(\w+)")


def user_said(text: str, rules: Rules) -> str | None:
    """The username written after "username" in ``text``, bare, or None."""
    m = _user_said(text, rules)
    return _bare(m.group(1), rules) if m else None


def login_owed(officer: Officer, text: str, rules: Rules) -> bool:
    """True when ``text`` gives, and asks nothing else, the username of an officer named
    as one the desk knows, by his number and his surname or rank alone ("Deputy Roy's
    DPS username is jroy - he's 4R101"): the login his record still lacks."""
    known = officer.officer_number and officer.last_name and not officer.first_name
    return bool(known and officer.dps_username and user_said(text, rules))
