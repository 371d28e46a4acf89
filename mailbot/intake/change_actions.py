"""The action one item of a roster-change message asks for: its opening label, else its words."""

from __future__ import annotations

import re

from mailbot.intake.change_corrections import number_fix
from mailbot.intake.change_items import _NUMBER
from mailbot.intake.change_joined import joined_agency
from mailbot.intake.change_named_object import new_officer_named, opens_as_new
from mailbot.intake.change_officer import officer_named
from mailbot.intake.change_rank_left import rank_left
from mailbot.intake.change_spelling import spelled_by_letters
from mailbot.intake.change_tables import action_label
from mailbot.intake.change_titles import _new_title
from mailbot.intake.change_usernames import _USER_CORRECTED
from mailbot.intake.change_values import (
    _LAST_TO,
    _TRANSFER,
    TO_US,
    _has,
    moves_to_agency,
    renamed,
)
from mailbot.intake.model import Action, Change
from mailbot.intake.prose import rank_title, sentences
from mailbot.intake.rules import Rules
from mailbot.intake.word_lists import any_in, flat

# "lateral from Morristown PD": the agency an officer comes from, none he goes to
_COMES_FROM = re.compile(r"(?<![\w-])(?i:from)\s+(?:(?i:the)\s+)?[A-Z]")


# "ADD – Officer ...", "REMOVE: Officer ...", "NEW HIRE - ...", "ADD:" over a list: the
# action as a label opening the item
ACTIONS: tuple[Action, ...] = ("add", "update", "deactivate")
_LABEL = re.compile(r"^[ \t]*([A-Za-z]+(?:[ \t][A-Za-z]+){0,2})[ \t]*(?:[–—:]|-(?=[ \t]|$))")


def labelled(text: str, rules: Rules) -> Action | None:
    """The action a label opening ``text`` names (the words of an action cell)."""
    m = _LABEL.match(text)
    action = action_label(m.group(1), rules) if m else None
    for known in ACTIONS:
        if action == known:
            return known
    return None


def _action(text: str, rules: Rules, default: Action | None) -> Action | None:
    words = rules.language.intent
    # "58T221 (sorry if thats wrong, copying from his card)": a doubt, no correction asked
    text = _ASIDE.sub(lambda m: " " if _has(m.group(0), words.doubts) else m.group(0), text)
    label = labelled(text, rules)
    if label == "add":
        return "add"  # what follows describes the new officer, his username and title
    default = label or default
    if label is None and _has(_without(text, words.reactivate_later), words.reactivate):
        # "has been reinstated ... Please reinstate his record": added again (not "please
        # disable his access ... we may ask you to reinstate him": switched off for now)
        return "add"
    said = _told(text)
    first = said[0] if said else ""
    if _has(text, words.stays) and not _asked_off(text, rules) and not _has(first, words.add):
        # "is moving from the Dover contract over to our Putney contract. Same agency, so
        # I don't believe anything has to change": told, nothing asked (not "Officer Lila
        # Brenner started Monday. ... Same agency.": a new officer, the agency named)
        return None
    told = _not_of_self(text, rules)
    # "Jo Roy is not constable anymore": the rank held no more
    departs = (_has(told, words.deactivate) or rank_left(told, rules)) and not _aside_only(
        told, rules
    )
    if departs and not _new_title(text, rules):
        # "has left us for the X Police Department", "has left the X Police Department and
        # joined us ... Please move his record over to our agency": the record moves
        # "has left Berlin PD and joined the X Police Department ... Please move his
        # record from Berlin to X": the agency he joined, and his record asked to move
        asked = _has(text, words.transfer + words.moves_record)
        # "has left Hartford PD and joined us": he comes over, his record with him
        moved = (
            moves_to_agency(text, rules)
            or TO_US.search(text) is not None
            or (asked and joined_agency(text, rules) is not None)
        )
        # "Please remove him from Hartford PD and associate him with Windsor County SO":
        # a removal from here asked beside the move, the record moves
        off = _asked_off(text, rules) and not _has(text, words.associate_asked)
        if moved and not off and not _ended_here(text, rules):
            return "update"
        return "deactivate"
    if _has(text, words.transfer + words.moves_record):
        # "has transferred to the Hartford Police Department": the record moves there
        if _TRANSFER.search(text) or TO_US.search(text) or _has(text, words.moves_record):
            return "update"
        if _new_title(text, rules):
            return "update"  # "change her title to Detective -- she moved to investigations"
        if (default == "add" or _has(text, words.add)) and _COMES_FROM.search(text):
            # "(lateral from Morristown PD, starts with us 12/7)" under "Please add the
            # following officers", "... added to TraCS. She's a lateral from NH": an
            # officer joining from another agency is added
            return "add"
        return "deactivate"
    opener = _opener(first, rules)
    if opener in words.deactivate_openers and _NUMBER.search(first):
        return "deactivate"  # "Remove Smith VT233": an imperative opening the item
    if opener in words.update_openers and _NUMBER.search(first):
        return "update"  # "Update my own record (SH014) to show my title as Chief"
    respelt = spelled_by_letters(text, rules)  # "last name has one f: Tardif"
    new = _calls_new(first, rules)
    named = next((s for s in said if _NUMBER.search(s)), first)
    if not new and named != first and _calls_new(named, rules):
        # "hello, this is Dale Roy, first constable for Wolcott. the selectboard appointed
        # a second constable, Jo Lane, her cert number is 04W19 ...": the sentence that
        # gives the officer's number calls him new, after the writer's own
        new, first = True, named
    if new and not _has(first, words.promote) and not respelt:
        # "In her place we have sworn in Constable Peter Wheelock. Title should read
        # Constable.": the item opens with a new officer; what follows describes him
        return "add"
    fixes = respelt or _new_title(text, rules) or _LAST_TO.search(text)
    if _has(text, words.record_created) and not fixes and not renamed(text, rules):
        return "add"  # "... has his DPS account now. Can you go ahead and create his record?"
    if _has(text, words.promote) or fixes:
        return "update"
    if renamed(text, rules):  # "was married in October and is now Rosalind Ebersole-Mack"
        return "update"
    if _USER_CORRECTED.search(text):  # "his DPS username is actually wbaptiste2"
        return "update"
    if number_fix(text):  # "I typed his LEO number as 4417B. It is actually 4471B"
        return "update"
    if _has(text, words.add):
        return "add"
    return default


# a sentence's end before one typed without its capital ("... for the Town of Wolcott.
# we're already set up ..."), not an initial's ("e.g. the")
_LOWER_START = re.compile(r"(?<=[a-z]{2}[.!?])\s+(?=[a-z])")


def _told(text: str) -> list[str]:
    """The sentences of ``text``, those typed without capitals cut apart too."""
    return [piece for s in sentences(text) for piece in _LOWER_START.split(s) if piece]


def _calls_new(sentence: str, rules: Rules) -> bool:
    """True when ``sentence`` calls the officer it names new ("New 2nd constable is
    Ashley Poor, ...", "New contract deputy ...: Deputy Ann Roy")."""
    if _has(sentence, rules.language.intent.add):
        return True
    return new_officer_named(sentence, rules) is not None or opens_as_new(sentence, rules)


def title_as_named(text: str, rules: Rules) -> bool:
    """True when the only change ``text`` tells of is a title stated for its officer (the
    rank he is named with): a new officer's title, no change of his record."""
    words = rules.language.intent
    if spelled_by_letters(text, rules):
        return False
    officer = officer_named(text, rules)
    said = _new_title(text, rules)
    if officer is None or not officer.title or not said:
        return False
    if (rank_title(officer.title, rules) or officer.title).lower() != said.lower():
        return False  # "Officer Jo Roy ... title should be Sergeant": a promotion
    low = flat(text)
    for stated in words.title_stated:
        low = low.replace(stated.lower(), " ")
    if any_in(low, words.promote) or renamed(text, rules):
        return False
    return not (_LAST_TO.search(text) or _USER_CORRECTED.search(text))


def _not_of_self(text: str, rules: Rules) -> str:
    """``text`` without the sentences in which the writer tells of his own leaving and
    asks nothing ("I'm stepping down as chief on June 30. Sergeant Carla Mayhew will
    handle ..."): the officer named beside them does not depart."""
    words = rules.language.intent
    if not _has(text, words.self_leaving):
        return text
    kept = [
        s
        for s in sentences(text)
        if not _has(s, words.self_leaving) or _has(s, words.deactivate_asked)
    ]
    return " ".join(kept)


def _ended_here(text: str, rules: Rules) -> bool:
    """True when ``text`` tells that the officer's employment here ended ("separated -
    transferred to Windsor County Sheriff's Dept.") and asks nothing of moving his record,
    nor brings him to the sender's agency: the record here is closed."""
    words = rules.language.intent
    if not _has(text, words.employment_ended) or TO_US.search(text):
        return False
    return not _has(text, words.move_asked)


def _without(text: str, phrases: list[str]) -> str:
    """``text`` (folded) less ``phrases``, so that words inside them count no more."""
    low = flat(text)
    for phrase in phrases:
        low = low.replace(phrase.lower(), " ")
    return low


def _asked_off(text: str, rules: Rules) -> bool:
    """True when ``text`` asks for a record to be switched off, its words not turned away
    ("move his record to Bethel Police rather than disable it" asks no such thing)."""
    words = rules.language.intent
    low = flat(text)
    for declined in words.deactivate_declined:
        low = low.replace(declined.lower(), " ")
    return any_in(low, words.deactivate_asked)


_ASIDE = re.compile(r"\([^()\n]{0,200}\)")
# where a clause ends: a sentence's end, a dash between spaces, a comma or a semicolon
_CLAUSE_END = re.compile(r"[.;!?](?=\s|$)|\s[-–—]{1,2}\s|,\s")


def _aside_only(text: str, rules: Rules) -> bool:
    """True when the words of a departure stand only in brackets or in a clause about the
    old login beside a change of name or title ("changed her last name to Lyons. Her new
    DPS username is klyons (the old kmercer account was shut off)", "... gave me a new
    username, klyons - the old one kmercer will be shut off"): an aside about an old
    account, not the request."""
    words = rules.language.intent
    bare = _ASIDE.sub(" ", text)
    bare = " . ".join(c for c in _CLAUSE_END.split(bare) if not _has(c, words.old_login))
    if _has(bare, words.deactivate):
        return False
    return bool(_LAST_TO.search(bare) or _has(bare, words.promote))


def association_ended(text: str, change: Change, rules: Rules) -> Change | None:
    """The deactivation beside an add whose text asks to end the officer's tie to the
    agency he comes from ("Please end his association with Essex PD ... and add him")."""
    if change.action != "add" or not change.officer_number:
        return None
    if not _has(text, rules.language.intent.ends_association):
        return None
    who = {k: getattr(change, k, None) for k in ("last_name", "first_name")}
    return Change.model_validate(
        {"action": "deactivate", "officer_number": change.officer_number, **who}
    )


def _opener(first: str, rules: Rules) -> str:
    """The first word of ``first``, after a word that opens a request ("Pls remove Dep.
    Jo Roy 30915": "remove")."""
    words = first.lower().split()
    for lead in rules.language.intent.request_openers:
        n = len(lead.split())
        if words[:n] == lead.split() and len(words) > n:
            return words[n]
    return words[0] if words else ""
