"""What one roster change says is new: a title (read by :mod:`change_titles`), a last or
first name ("her last name is actually spelled Pelletier"), a username ("username should
be mdufresne", read by :mod:`change_usernames`), or the agency an officer moves to.

Pure functions over the text of one item of a roster-change message.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mailbot.intake.agency_name import in_full
from mailbot.intake.change_joined import joined_agency, place_in_full
from mailbot.intake.change_logins import login_beside
from mailbot.intake.change_renamed import bracketed_first, login_now, renamed_to
from mailbot.intake.change_spelling import (
    _NAME,
    MAX_RESPELL,
    _name_value,
    corrected_name,
    on_record,
    respelled,
    spelled_by_letters,
    spelled_out,
)
from mailbot.intake.change_titles import (
    _as_rank,
    _modifiers,
    _new_title,
    _title_said,
    rank_run,
    title_kept,
    title_named,
)
from mailbot.intake.change_unranked import officer_now_titled
from mailbot.intake.change_usernames import (
    _USER_CORRECTED,
    _USER_TO,
    _bare,
    _beside,
    _user_fixed_next,
    not_a_user,
)
from mailbot.intake.model import Action, Change, Officer
from mailbot.intake.names import short_form_of
from mailbot.intake.prose import rank_title
from mailbot.intake.rules import Rules
from mailbot.intake.word_lists import has_any

_LAST_TO = re.compile(
    rf"(?i:(?:changed|change)\s+(?:her|his|their|the)\s+(?:last\s+|legal\s+|sur)?name\s+to"
    # "Legal name change (marriage) to Jessica Moreau-Lindahl"
    rf"|(?:last\s+|legal\s+|sur)?name\s+change\s+(?:\([^()\n]{{0,30}}\)\s+)?to"
    rf"|new\s+(?:last\s+|legal\s+|sur)?name\s*(?:is|:|of)"
    rf"|last\s+name\s+(?:should\s+be|is\s+now|to|changed\s+to|will\s+be|is)"
    rf"|surname\s+(?:should\s+be|is\s+now|to)"
    # "her last name is actually spelled Pelletier", "the correct spelling is Tetreault"
    # ("her first name is spelled Kaitlyn" respells no last name)
    rf"|(?<!first\s)(?:last\s+|sur)?name\s+(?:is\s+|should\s+be\s+)?(?:actually\s+|really\s+|correctly\s+)?"
    rf"(?:spelled|spelt)(?:\s+as)?"
    rf"|correct\s+spelling\s+(?:is|should\s+be|:))\s*:?\s*[\"“']?({_NAME})"
)


# "should be", "is now", "correct spelling is": the name after it is the one meant
_MEANT = re.compile(r"(?i:should|correct|new|now|to|will|actually|really)(?![\w'’-])")


def _last_meant(text: str, rules: Rules) -> re.Match[str] | None:
    """The first statement of a new last name, passing over one that says how the record
    has it ('her last name is spelled "Colburne" in TraCS. Correct spelling is
    Colburn.')."""
    for m in _LAST_TO.finditer(text):
        lead = text[m.start() : m.start(1)]
        if _MEANT.search(lead) or not on_record(text, m.end(1), rules):
            return m
    return None


_NOW_NAMED = re.compile(
    rf"(?i:is\s+now|now\s+goes\s+by|tickets\s+(?:should\s+)?read|will\s+now\s+be)\s+(?:known\s+as\s+)?"
    rf"({_NAME})"
)


# "got married, she's Amanda Thibault now": her whole name as it is now
_NAMED_NOW = re.compile(rf"(?<![\w'’])(?i:she|he)(?:['’]?s|\s+is)\s+({_NAME})\s+(?i:now)\b")


_FIRST_TO = re.compile(
    rf"(?i:first\s+name)\b.{{0,80}}?(?i:should\s+be|is\s+actually|is\s+really|to\s+read|is"
    # "new last name is Roy-Lane, first name stays Jessica": the first name kept
    rf"|stays|remains|is\s+still|will\s+stay"
    # "printing his first name as "Jon" - it's actually "Jonathan""
    rf"|(?:it|that)['’]s\s+(?:actually|really))\s+"
    rf"[\"“']?({_NAME})"
)


# "his legal name is Jonathan": one name, the first name in full
_LEGAL_FIRST = re.compile(
    r"(?i:legal(?:[ \t]+first)?[ \t]+name)[ \t]+(?i:is|should[ \t]+be)[ \t]+[\"“']?"
    r"([A-Z][a-z'’-]+)(?![\w'’-]|[ \t]+[A-Z])"
)


def _longer_form(short: str, full: str, rules: Rules) -> bool:
    """True when first name ``short`` is another, shorter form of ``full``."""
    return short.casefold() != full.casefold() and short_form_of(short, full, rules)


def _has(text: str, words: Sequence[str]) -> bool:
    return has_any(text, words)


# "transferred to the Hartford Police Department", "is transferring from the Washington
# County Sheriff's Department to the Montpelier PD", "move his officer record over to
# Manchester PD", "move him to the X", "is leaving us for the Addison County Sheriff's
# Office", "should be re-associated with the ..."
_TRANSFER = re.compile(
    r"(?:(?i:transferr(?:ed|ing)|transfers?|mov(?:e|ed|es|ing))"
    r"(?:\s+(?i:his|her|their|the)(?:\s+(?i:officer|existing|tracs)){0,2}\s+(?i:records?)"
    r"|\s+(?i:him|her|them))?(?:\s+(?i:over))?"
    r"(?:\s+(?i:from)\s+[^.;\n]{1,80}?)?"
    r"\s+(?i:to)"
    # "going to Kestrel County Sheriff's Department 12/7": where he goes
    r"|(?i:go(?:es|ing)|went|head(?:ed|ing))(?:\s+(?i:over))?\s+(?i:to)"
    r"|(?i:leav(?:es|ing)|left)(?:\s+(?i:us|our\s+(?:department|agency|office)))?\s+(?i:for)"
    r"|(?i:re-?associated)\s+(?i:with))"
    r"\s+(?i:the\s+)?([A-Z][\w'’.-]*+(?:\s+[A-Z][\w'’.-]*+)*+)"
)


def moves_to_agency(text: str, rules: Rules) -> bool:
    """True when ``text`` names the agency an officer moves to ("has left the X and
    transferred to the Morristown Police Department"): his record moves with him."""
    people = rules.language.people
    suffixes = [s.lower() for s in people.agency_suffixes]
    for m in _TRANSFER.finditer(text):
        named = _SENTENCE_END.split(m.group(1))[0]
        if any(s in named.lower() for s in suffixes):
            return True
        # "Please move his record from Glenmoor to Stillwater PD": an agency's initials
        # after its place's name
        words = named.rstrip(".").split()
        if len(words) >= 2 and words[-1] in people.agency_abbreviations:
            return True
    return False


def agency_gone_to(text: str, rules: Rules) -> str | None:
    """The agency ``text`` names as where an officer goes, read without the words that
    ask his record moved ("going to the X Sheriff's Department" in a transfer's row)."""
    if not moves_to_agency(text, rules):
        return None
    m = _TRANSFER.search(text)
    named = _SENTENCE_END.split(m.group(1))[0].rstrip(".") if m else None
    return in_full(named, text, rules) if named else None


def renamed(text: str, rules: Rules) -> bool:
    """True when ``text`` gives an officer's whole name as it is now ("is now Rosalind
    Ebersole-Mack", "she's Amanda Thibault now"), not a rank ("is now Sergeant Roy")."""
    m = _NOW_NAMED.search(text) or _NAMED_NOW.search(text)
    named = _name_value(m.group(1)).split() if m else []
    return len(named) >= 2 and not _ranked(named, rules)


# "has transferred to our department from ...", "please move her record over to us"
TO_US = re.compile(
    r"(?:(?i:transferr(?:ed|ing)|transfers?|mov(?:e|ed|es|ing)|com(?:e|es|ing)|came|join(?:ed|s|ing)?)"
    r"\b[^.;\n]{0,80}?\b(?i:to|over\s+to|with)\s+"
    # "has left Hartford PD and joined us as a deputy": he comes to the sender's agency
    # (not "please join us in congratulating ...")
    r"|(?i:join(?:ed|s|ing))\s+)"
    r"(?i:us|our\s+(?:department|agency|office|pd|force|roster|records?))\b"
)
# a sentence ends after a word ("Department. Username ..."), or an agency's initials
# ("to Colchester PD. Username is still dkelley"), not after an abbreviation ("St. Albans")
_SENTENCE_END = re.compile(r"(?<=[a-z]{2})\.\s|(?<=[A-Z]{2})[.?!]\s")


def change_of(
    officer: Officer, action: Action, text: str, rules: Rules, own_agency: str | None = None
) -> Change:
    data: dict[str, object] = {"action": action, "officer_number": officer.officer_number}
    if action == "add":
        data.update(officer.model_dump(exclude={"officer_number"}))
        said = _title_said(text, rules)
        if said:
            data["title"] = said  # "New deputy: ..., title Deputy Sheriff."
        elif not data.get("title"):
            # "New 2nd constable is Ashley Poor ... Title on the tickets should be Constable"
            data["title"] = _new_title(text, rules)
        return Change.model_validate(data)
    last = re.sub(r"['’]s$", "", officer.last_name or "") or None  # "Nort's first name"
    if last and last.lower() in rules.language.rows.not_names:
        last = None  # "It's 2W781": the number said of no one named
    first = officer.first_name or bracketed_first(text, last, rules)  # "Ruiz (Anthony)"
    data.update({k: v for k, v in {"last_name": last, "first_name": first}.items() if v})
    if action == "deactivate":
        # "Deputy Tom Gilman (OR6T1, tgilman) resigned": the title and username written
        # beside him say which record to close
        data.update(_beside(officer, text, rules))
        return Change.model_validate(data)
    m = _TRANSFER.search(text)
    to_us = TO_US.search(text)
    # "has left Vergennes PD and joined the X Sheriff's Department ... move his record
    # over to our agency": the agency he joined is ours
    went = joined_agency(text, rules)
    if went and own_agency and own_agency.lower().startswith(went.lower()):
        went = None  # "has joined Colchester Police": ours, told below
    joined = went if to_us else None
    ours = to_us if own_agency or joined else None
    words = rules.language.intent
    if (m or ours or went) and _has(text, words.transfer + words.moves_record):
        # the record moves to the sender's own agency, or to the one named ("is joining
        # the Barre Town Police Department ... his record moved over to them": the one
        # he joins)
        named = _SENTENCE_END.split(m.group(1))[0].rstrip(".") if m else went
        # "to Woodstock PD ... move his record to Woodstock Police Department": in full
        named = in_full(named, text, rules)
        named = place_in_full(named, joined, text, rules)  # "to Northfield"
        data["agency"] = (joined or own_agency) if ours else named
        # "His title there will be Officer.", "to the Morristown Police Department as an
        # Officer"
        title = _new_title(text, rules) or _as_rank(text, rules) or title_kept(text, rules)
        title = title or title_named(text, rules)  # "Username is still X, title Officer."
        if title:
            data["title"] = title
        # "his name on tickets should be Lucas, not Luc": a name corrected as he moves
        data.update(corrected_name(text, last, officer.first_name, rules))
        # "she was Amy Roe (2R650) - she changed her name": the name she has now
        renamed = renamed_to(text, officer, rules)
        if renamed:
            data["last_name"] = renamed
        # "her DPS username is unchanged (amarsh)": the login she keeps
        kept = login_now(text, officer, renamed) if renamed else login_beside(text, officer)
        # "Deputy Marcus Bell (02291, mbell) is transferring to ...": the login written
        # beside him moves with his record
        kept = kept or (None if renamed else officer.dps_username)
        if kept:
            data["dps_username"] = kept
        return Change.model_validate(data)
    if own_agency and _has(text, words.moves_record) and _has(text, words.add):
        # "has joined the Swanton Police Department ... already has a TraCS record
        # from there": it moves to the sender's agency
        data["agency"] = own_agency
    # "... consider this it - Marchand, Odette, now Lieutenant."
    now = officer_now_titled(text, rules)
    title = _new_title(text, rules) or title_kept(text, rules) or (now.title if now else None)
    # "Officer Kaitlyn Brzezinski (SA143) got married": the title the item gives him
    # names the record, when no new one is said
    title = title or officer.title
    if title:
        data["title"] = title
    m = _last_meant(text, rules)
    corrected = corrected_name(text, last, officer.first_name, rules)
    if m:
        # "Correct spelling is L-A-V-A-L-L-E-E": the name it spells
        data["last_name"] = spelled_out(_name_value(m.group(1)).split()[-1])
    elif corrected:
        data.update(corrected)
    else:
        m = _NOW_NAMED.search(text) or _NAMED_NOW.search(text)
        named = _name_value(m.group(1)).split() if m else []
        if len(named) >= 2 and not _ranked(named, rules):
            data["last_name"] = named[-1]
        elif renamed := renamed_to(text, officer, rules):
            data["last_name"] = renamed  # "Jo Roy (X101) got married ... Jo Lane"
        elif _has(text, rules.language.intent.promote) or spelled_by_letters(text, rules):
            # "Jon Smyth (HL303) - it's Smith", "Desrochers, not Derochers": a name
            # spelled almost as the one on record is its correction
            new = respelled(text, last, officer.first_name, rules)
            if new:
                data["last_name"] = new
    # "her DPS username was entered as "ltran2". It should be LTran": the login
    # corrected is no name respelled
    fixed = _user_fixed_next(text[:MAX_RESPELL], last)
    if fixed is not None and data.get("last_name") == fixed:
        data["last_name"] = last
    m = _FIRST_TO.search(text)
    legal = _LEGAL_FIRST.search(text) if m is None and officer.first_name else None
    if m:
        data["first_name"] = _name_value(m.group(1)).split()[0]
    elif legal and officer.first_name and _longer_form(officer.first_name, legal.group(1), rules):
        # "tickets print "Jon", his legal name is Jonathan": the name in full
        data["first_name"] = legal.group(1)
    elif (
        "first_name" not in corrected
        and officer.first_name
        and data.get("last_name", last) == last
        and _has(text, rules.language.intent.promote)
    ):
        # "listed as "Steven Bellavance" - it should be Stephen": the first name respelled
        given = officer.first_name.split()
        new = respelled(text, given[0], last, rules)
        if new and new not in given and new not in (officer.title or "").split():
            data["first_name"] = new
    users = (m for m in _USER_TO.finditer(text) if not not_a_user(m.group(1), rules))
    user = _USER_CORRECTED.search(text) or next(users, None)
    if fixed is not None and not _USER_CORRECTED.search(text):
        data["dps_username"] = fixed
    elif user and not not_a_user(user.group(1), rules):
        data["dps_username"] = _bare(user.group(1), rules)
    elif "dps_username" in corrected:
        data["dps_username"] = corrected["dps_username"]
    elif login := login_now(text, officer, str(data.get("last_name") or "") or None):
        data["dps_username"] = login  # "was dreyes, now dana.reyes"; "username stays mhale"
    return Change.model_validate(data)


_ARROW_RANK = re.compile(r"(?:->|→|=>|\bto\b)\s*([A-Za-z][\w.-]*(?:[ \t]+[A-Za-z][\w.-]*)?)")


_NOW_OPENS = re.compile(rf"[ \t]*(?i:now)[ \t]+({_NAME})")


def _ranked(named: list[str], rules: Rules) -> bool:
    """True when the words said to be his now open with a rank ("is now Acting
    Sergeant"): a title, not a name."""
    return bool(rank_title(named[0], rules) or rank_run(named, rules))


def _details(text: str, rules: Rules) -> dict[str, str]:
    """The new values a change table's details cell gives."""
    if not text.strip():
        return {}
    found = change_of(Officer(), "update", text, rules).model_dump(exclude_none=True)
    out = {
        k: v for k, v in found.items() if k in ("title", "last_name", "first_name", "dps_username")
    }
    now = _NOW_OPENS.match(text)
    named = now.group(1).split() if now else []
    if "last_name" not in out and len(named) >= 2 and not rank_title(named[0], rules):
        out["last_name"] = named[-1]  # "Now Jacqueline Cyr-Lambert (married 3/14)"
    m = _ARROW_RANK.search(text)
    if "title" not in out and m:
        words = m.group(1).split()
        title = rank_title(words[0], rules) if words else None
        if len(words) > 1 and words[0].lower() in _modifiers(rules) and rank_title(words[1], rules):
            title = f"{words[0].capitalize()} {rank_title(words[1], rules)}"
        if title:
            out["title"] = title
    return out


_LABEL_IN = re.compile(r"(?i:user\s*name|number|leo|badge|title|rank)\s*[:#]")


def labelled_values(group: str) -> bool:
    """True for an officer's lines that label his values ("DPS username: ...", "Officer
    number: pending"), not a table's heading row."""
    return "\t" not in group and "|" not in group and _LABEL_IN.search(group) is not None
