"""What a message asks for: enrolment, roster changes, or neither.

The words that decide it live in ``rules/language.toml`` (``[intent]``).
"""

from __future__ import annotations

import functools
import re

from mailbot.intake.agency_name import without_naming
from mailbot.intake.agency_wish import SAID as _SAID
from mailbot.intake.agency_wish import WRAPPED as _WRAPPED
from mailbot.intake.agency_wish import agency_clause, wants_to_start
from mailbot.intake.asking_fillers import has_asked, without_fillers
from mailbot.intake.change_named_object import removal_named
from mailbot.intake.change_spelling import spelled_by_letters
from mailbot.intake.change_typing import as_typed
from mailbot.intake.model import Intent
from mailbot.intake.no_request import requests_nothing
from mailbot.intake.other_systems import for_tracs
from mailbot.intake.prose import number_mentions, sentences
from mailbot.intake.rank_now import rank_now_rank
from mailbot.intake.rules import Rules, per_rules
from mailbot.intake.word_lists import alternation, any_in, has_any


def _has(text: str, words: list[str]) -> bool:
    return has_any(text, words)


def classify(
    text: str,
    rules: Rules,
    *,
    has_agency_fields: bool,
    officers: int,
    agency_values: int = 0,
    is_reply: bool = False,
    has_logo: bool = False,
    subject: str = "",
    typed_from: str | None = None,
) -> Intent:
    """Enrolment, officer maintenance or other, from the new text of a message (and
    ``typed_from``, that text before the names its addresses vouch for had capitals).

    A reply that supplies agency values (code, phone, address) continues an enrolment.
    """
    words = rules.language.intent
    # "officer tom reilly number R 0 6 2 2", from a phone
    text = as_typed(text, rules, typed_from)
    if _has(text, words.not_yet):
        return "other"  # "formal request next week ... please don't set anything up"
    if about_court(text, rules):
        return "other"  # "Here are the contested tickets for the April 22 docket"
    if _has(text, words.own_ticket):
        return "other"  # "i got a ticket from officer X ... my name is spelled wrong on it"
    if not officers and agency_values <= 1 and is_enquiry(text, rules):
        return "other"  # a question, a follow-up, a problem report or a sales pitch
    if not officers and agency_values <= 1 and requests_nothing(text, rules):
        return "other"  # "How long does it take for a new officer to be set up?"
    if _has(text, words.status_chase) and asks_anything(text) and not asks_for(text, rules):
        return "other"  # "In it we listed four officers ... where does the request stand?"
    if agency_values <= 1 and is_enquiry(text, rules) and only_asks(text, rules):
        # "Officer Ian Pruitt (HT160) says TraCS makes him re-sync. Is that normal?", "In it
        # we listed four officers ... Could you let me know where the request stands?": the
        # officers an enquiry names are no request for them
        return "other"
    if _has(text, words.asks_no_change) and asks_anything(text) and not asks_for(text, rules):
        return "other"  # "not asking for any changes yet ... Ofc. X (BN3T7) ... ?"
    change_words = words.add + words.promote + words.transfer + words.deactivate + words.reactivate
    change_words += words.moves_record  # "keeps his existing VT LEO number": his record moves
    # "Pls remove Dep. Jo Roy 30915 from tracs": a request's opener, then a switch-off verb
    change_words += [f"{o} {v}" for o in words.request_openers for v in words.deactivate_openers]

    @functools.cache
    def changing() -> bool:
        # "Is there something wrong on your end?": words of an enquiry are no change's
        # "Name should be Brandon Police Department" names the agency, changes no record
        # "new officers who need accounts in the crash reporting system": not TraCS
        # "Can you guys set him up?": the words put between "can you" and the verb left out
        told = _told_as_past(for_tracs(named, rules), words.enquiry)
        # "Cpl Wheeler 3349C is now Sgt Wheeler": one rank become another
        return has_asked(told, change_words, rules) or rank_now_rank(named, rules)

    named = without_naming(text, rules)
    if not changing() and _has(_told_as_past(named, words.enquiry), change_words):
        return "other"  # every change it asks for is in another system than TraCS

    # with its officers, or saying they come later (not "Please create a record for our
    # newest officer ... Agency: Brattleboro PD", a change naming no agency value)
    if (
        has_agency_fields
        and (officers or _has(text, words.roster_later))
        and (agency_values >= 2 or not changing())
    ):
        if agency_values <= 1 and officers <= 1 and only_asks(text, rules):
            # "Which judiciary code is Hardwick's record using, and is Officer Brisbois
            # approved?": a question naming a code and an officer, no request
            return "other"
        return "enrollment"
    # "Our new hire needs to be set up for e-tickets": beside words of a change and no
    # agency value, being set up is a record's
    set_up = asks_set_up(text, rules) and (has_agency_fields or agency_values or not changing())
    # "would like to start writing e-tickets", "We want to do e tickets", no officer's
    # change asked: the agency's
    starts = (_has(text, words.starts_writing) or wants_to_start(text, rules)) and not changing()
    if _asks_enrolment(text, rules) or set_up or starts:
        if (
            not officers
            and not agency_values
            and asks_questions(text)
            and not _has(text, _REQUEST_WORDS)
        ):
            return "other"  # "how do we enrol? do you need our judiciary code?"
        return "enrollment"
    if is_reply and agency_values and not (changing() and _changes_numbered(text, change_words)):
        # (a reply that names its code beside the records it corrects, by their officer
        # numbers, asks for changes: "Deputy Wade Bixby, 17G04: promoted to Sergeant")
        return "enrollment"
    # a roster under a subject that names e-tickets ("Shelburne PD e-ticket" over "Chief
    # Ortiz, Shelburne PD, JC 0623, ... Logo + roster attached.")
    tickets = _names_tickets(text, rules) or bool(officers and _names_tickets(subject, rules))
    if (officers or agency_values >= 2) and tickets and not changing():
        if (
            not officers
            and agency_values < 3
            and _QUESTION.search(text)
            and not _has(text, _REQUEST_WORDS)
        ):
            # "do part-time departments qualify for e-ticketing?" over the agency's
            # address and phone: a question, not a request (code, address and phone all
            # given, with one question on the way, is a request)
            return "other"
        return "enrollment"  # "Bellows Falls Police Dept wants e-tickets." and its values
    if (changing() or spelled_by_letters(text, rules)) and _names_officer(text, officers, rules):
        # "Can you correct it?" asks for the change it names
        asked = _has(text, _REQUEST_WORDS) or asks_for(text, rules)
        if not officers and asks_questions(text) and not asked:
            return "other"
        return "officer_maintenance"
    if is_reply and (officers or has_logo):
        return "enrollment"  # an answer to the checklist: officer rows, the logo
    return "other"


_COURT_WORDS = 2
"""How many different words of tickets in court make a message about tickets."""


def about_court(text: str, rules: Rules) -> bool:
    """True when ``text`` speaks of tickets in court (two court words or more) and asks
    to add, promote, switch off, bring back or enrol no one."""
    words = rules.language.intent
    low = " ".join(text.lower().split())
    if sum(1 for w in words.court_words if w.lower() in low) < _COURT_WORDS:
        return False
    asked = words.add + words.promote + words.deactivate + words.reactivate + words.enrollment
    return not any_in(low, asked)


def _names_officer(text: str, officers: int, rules: Rules) -> bool:
    """True when ``text`` names an officer a change could be about: officers read, an
    officer number, a rank before a name ("Officer Dana Reyes"), or a name asked to be
    removed."""
    return bool(
        officers
        or any(number_mentions(s) for s in sentences(text))
        or _ranked_name(rules).search(text)
        or _LETTERED_NUMBER.search(text)
        or _NUMBER_SAID.search(text)  # "my number is 9s207", typed in lower case
        or _LISTED_BY_NUMBER.search(text)  # "- remove Hutchins 05011 he quit"
        or removal_named(text, rules)  # "please remove Danny Roe from our e-ticket list"
    )


def names_ranked(text: str, rules: Rules) -> bool:
    """True when ``text`` names an officer by a rank word and a name, or his number."""
    return bool(
        _ranked_name(rules).search(text)
        or _LETTERED_NUMBER.search(text)
        or any(number_mentions(s) for s in sentences(text))
    )


def _changes_numbered(text: str, change_words: list[str]) -> bool:
    """True when a sentence of ``text`` (its wrapped lines joined) has a change word
    and an officer number."""
    for sentence in sentences(_WRAPPED.sub(" ", text)):
        if _has(sentence, change_words) and (
            number_mentions(sentence) or _LETTERED_NUMBER.search(sentence)
        ):
            return True
    return False


_ADDRESS = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _names_tickets(text: str, rules: Rules) -> bool:
    """True when ``text`` names e-tickets ("Derby PD wants in on eticket"); the desk's
    own address (dps.eTicket@...) names nothing."""
    return _has(_ADDRESS.sub(" ", text), rules.language.intent.tickets)


_WORDS_BACK = 5
"""How many words before an enrolment word are looked at for "already has"."""


def _asks_enrolment(text: str, rules: Rules) -> bool:
    """True when ``text`` has an enrolment word that is not told as done before ("when
    we enrolled", "already has our agency record")."""
    words = rules.language.intent
    # "He would like to start using e-tickets": an officer's wish, not the agency's request
    # "add the following inspectors to the DMV Enforcement agency record": the record it has
    text = _record_joined(rules).sub(" ", text)
    low = _told_as_past(_OFFICER_WISH.sub(" ", text), words.enrolled_before)
    had = [w.lower() for w in words.had_before]
    for word in words.enrollment:
        at = low.find(word.lower())
        while at >= 0:
            back = " ".join(low[max(0, at - 120) : at].split()[-_WORDS_BACK:])
            if not any(h in back for h in had):
                return True
            at = low.find(word.lower(), at + 1)
    return False


@per_rules
def _record_joined(rules: Rules) -> re.Pattern[str]:
    """A word putting officers on an agency's record, its name, and "agency record"."""
    leads = alternation(rules.language.intent.record_joined)
    return re.compile(
        rf"(?<![\w-])(?i:{leads})\s+(?:[A-Z&][\w&'’.-]*+\s+){{0,6}}(?i:tracs\s+)?(?i:agency\s+record)"
    )


def asks_set_up(text: str, rules: Rules) -> bool:
    """True when a sentence of ``text`` asks that the agency be set up ("Westford PD would
    like to get set up for e-tickets", "treat this as our request to be set up"): it names
    e-tickets or a request, and the clause before the words of setting up names the agency
    or "we" / "our" and no officer ("Ofc. Roy needs to be set up" is a record's add)."""
    words = rules.language.intent
    if not _has(text, words.set_up):
        return False  # most messages ask nobody to be set up
    for said in _SAID.finditer(_WRAPPED.sub(" ", text)):
        low = " ".join(said.group(0).lower().split())
        if not (_has(low, words.tickets) or "request" in low):
            continue
        if low.endswith("?") and not _has(low, words.request_openers):
            continue  # "Can a department like ours be set up?": whether it may be
        for phrase in _lowered(tuple(words.set_up)):
            at = low.find(phrase)
            if at >= 0 and agency_clause(re.split(r"[,;:]", low[:at])[-1], rules):
                return True
    return False


_OFFICER_WISH = re.compile(r"(?<![\w'’])(?:He|She)[ \t]+[^.!?\n]{0,120}")


def _told_as_past(text: str, phrases: list[str]) -> str:
    """``text`` without ``phrases`` (that tell of an enrolment done before, or of an
    enquiry), lower-case."""
    low = " ".join(text.lower().split())
    if not any_in(low, phrases):
        return low  # most texts tell of nothing done before
    for phrase in _lowered(tuple(phrases)):
        low = low.replace(phrase, " ")
    return low


@functools.lru_cache(maxsize=16)
def _lowered(phrases: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(p.lower() for p in phrases)


def is_enquiry(text: str, rules: Rules) -> bool:
    """True when ``text`` asks about the process, follows up an earlier message, reports
    a problem or offers a product, and asks for nothing ("please")."""
    words = rules.language.intent
    said = words.enquiry + words.status_chase + words.own_ticket
    if not _has(text, said) or asks_for(text, rules):
        return False
    # "Following up on our call: Officer Hale (NW002) has resigned." reports a change;
    # a message naming officer numbers is an enquiry only when it asks something
    return "?" in text or not any(number_mentions(s) for s in sentences(text))


# "HL305": an officer number with letters and digits, which no ZIP code or phone has
_LETTERED_NUMBER = re.compile(
    r"(?<![\w-])(?=[A-Z]{1,4}\d|\d{1,4}[A-Z])[A-Z0-9]{5}(?![\w-])"
)  # "HL305", "2B903"
# "my number is 9s207": a number of letters and digits, in any case, said to be one
_NUMBER_SAID = re.compile(
    r"(?i)(?<![\w-])number[ \t]+(?:is[ \t]+)?[:#]?[ \t]*"
    r"(?=[a-z]{0,4}\d)(?=[a-z0-9]*[a-z])[a-z0-9]{5}(?![\w-])"
)
# "- remove Hutchins 05011 he quit", "Ramos 05640 now Cpl.": a line that opens (after a
# word or two of what to do) with a surname and the five digits of his number
_LISTED_BY_NUMBER = re.compile(
    r"^[ \t]*(?:[-*•·][ \t]*|\d{1,2}[.)][ \t]+)?(?:[a-z]+[ \t]+){0,2}"
    r"[A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+)?[ \t]+#?\d{5}(?![\w-])",
    re.M,
)
_QUESTION = re.compile(r"\?(?=\s|$)")
_REQUEST_WORDS = [
    "please", "kindly", "request", "would like", "we wish", "we want", "we'd like", "we would",
    "i would like", "i'd like", "i am writing to", "i'm writing to", "hereby",
]  # fmt: skip


def only_asks(text: str, rules: Rules) -> bool:
    """True when ``text`` asks something and no request word is in it."""
    return asks_anything(text) and not (_has(text, _REQUEST_WORDS) or asks_for(text, rules))


def asks_for(text: str, rules: Rules) -> bool:
    """True when ``text`` has a word that makes it a request whatever else it says
    ("please", "can you deactivate"), also with a word put between ("can you just
    deactivate her?")."""
    asking = rules.language.intent.asking
    if _has(text, asking):
        return True
    return "?" in text and any_in(without_fillers(text, rules), asking)


def asks_anything(text: str) -> bool:
    """True when ``text`` asks at least one question."""
    return _QUESTION.search(text) is not None


def asks_questions(text: str) -> bool:
    """True when the message is mostly questions (at least half its sentences end in
    "?"): an enquiry about the process, not a request."""
    said = [s for s in sentences(text) if len(s.split()) >= 3]
    asked = len(_QUESTION.findall(text))
    return asked > 0 and asked * 2 >= len(said)


@per_rules
def _ranked_name(rules: Rules) -> re.Pattern[str]:
    """A rank word before a capitalised name ("Officer Dana Reyes", "Sgt. Hale")."""
    ranks = sorted((r for r, t in rules.language.people.ranks.items() if t), key=len, reverse=True)
    alt = "|".join(re.escape(r) for r in ranks)
    return re.compile(rf"(?<![\w.])(?i:{alt})\.?[ \t]+[A-Z][a-z'’-]++", re.M)


def roster_later(text: str, rules: Rules) -> bool:
    """True when ``text`` says the officers come later ("Officers to follow")."""
    return _has(text, rules.language.intent.roster_later)


def wants_tickets(text: str, rules: Rules) -> bool:
    """True when ``text`` says the agency wants e-tickets ("Hardwick PD wants to get on
    e-tickets") and is neither an enquiry nor a roster change: with a code, an address
    and a phone written in its sentences, an enrolment."""
    words = rules.language.intent
    return (
        _names_tickets(text, rules)
        and not _has(text, words.not_yet)
        and not is_enquiry(text, rules)
        and not _has(
            _told_as_past(without_naming(text, rules), words.enquiry),
            words.add + words.promote + words.transfer + words.deactivate + words.reactivate,
        )
    )
