"""A reply to the sender's own earlier request ("Sorry, I forgot the judiciary code.
Everything else is below.", "Brisson's username is cbrisson" under the desk's checklist
that quotes the request): the quoted request is the sender's too, and what it gives is
given. The desk's own messages, and anyone else's, are never read this way (see
:mod:`mailbot.intake.own_thread`)."""

from __future__ import annotations

import dataclasses
import re
import textwrap
from collections.abc import Callable

from mailbot.intake import earlier_numbers, earlier_updates, held, own_thread
from mailbot.intake.head_reading import head_as_signed
from mailbot.intake.model import Change, Intent, Officer, ParseResult
from mailbot.intake.names import surname_of
from mailbot.intake.parts import MessageParts
from mailbot.intake.prose import number_mentions, sentences
from mailbot.intake.reply_details import bare_username, of_the_one_officer
from mailbot.intake.roster_merge import merge_officers, same_officer
from mailbot.intake.roster_usernames import with_usernames
from mailbot.intake.rules import Rules


def earlier_parts(parts: MessageParts) -> MessageParts | None:
    """The sender's own quoted message as a message of its own (no longer a reply)."""
    own = own_thread.own_message(parts)
    return None if own is None else _as_message(parts, own)


_SENTENCES = re.compile(r"(?:[a-z]{4}|\d{3})[.!?]\s+[A-Z]")
"""One sentence ending and another starting: a line of prose, not an attribution."""
_ASKS = re.compile(r"[ \t]*(?i:please|pls|kindly|could[ \t]+you|can[ \t]+you)\b")
"""A line that asks for something: the request's own lead-in, not an attribution."""


def _as_message(
    parts: MessageParts, own: own_thread.Quoted, reply: bool = False, theirs: bool = False
) -> MessageParts:
    """One quoted message of the sender's as a message of its own; a ``reply`` (the desk's
    recap of the request, read as part of the thread: its agency values continue the
    enrolment) keeps the reply's place in the thread; ``theirs`` (a colleague's message)
    is sent by the writer its From line names, when it names one."""
    lines = own.text.split("\n")
    while lines and (
        not lines[0].strip()
        or (
            lines[0].rstrip().endswith(":")
            and not _SENTENCES.search(lines[0])
            and not _ASKS.match(lines[0])  # "Please add new officer to X PD:": the request's
        )
    ):
        lines.pop(0)  # an attribution line left on top (not "... Judiciary code 0155.
        # Address and phone below. Officers:", the request's own first lines)
    text = textwrap.dedent("\n".join(lines))  # a client that quotes by indenting
    name, address = (own.writer if theirs else None) or (parts.sender_name, parts.sender)
    return dataclasses.replace(
        parts,
        sender_name=name,
        sender=address,
        text=text,
        full_text=text,
        quoted_text="",
        in_reply_to=parts.in_reply_to if reply else None,
        references=[],
        subject=re.sub(r"^\s*(?:(?:re|aw|sv)\s*:\s*)+", "", parts.subject, flags=re.I),
        tables=[],
        quotes_cut=True,
        forward_note="",
    )


def earlier_request(
    parts: MessageParts,
    read: Callable[[MessageParts], ParseResult],
    colleagues: list[own_thread.Quoted] | None = None,
    recaps: list[own_thread.Quoted] | None = None,
    rules: Rules | None = None,
) -> ParseResult | None:
    """The sender's own quoted request, read (with ``read``), or ``None``: the outermost
    of his quoted messages, or an older one asking to enrol when it does not. Without
    one, the ``colleagues``' (the chief's request the lieutenant completes). The desk's
    ``recaps`` ("please confirm the details below") fill what it left out, or stand for
    it; with ``rules``, one's officer by a short first name has the other's fuller one."""
    first: ParseResult | None = None
    request: ParseResult | None = None
    mine = own_thread.own_messages(parts)
    requests = mine or colleagues or []
    for own in [*requests, *(recaps or [])]:
        # a colleague's request is his: "From: Chief Scott Hartley" is its head
        theirs = not mine and own in requests
        earlier = read(_as_message(parts, own, reply=own.in_thread, theirs=theirs))
        first = first or earlier
        if earlier.intent != "enrollment":
            continue
        if request is None:
            request = earlier
            continue
        # an older message of the same enrolment fills what the newer ones left out
        _fill_groups(request, earlier)
        request.officers = merge_officers(request.officers, earlier.officers, rules)
    return request or first


def _fill_groups(result: ParseResult, before: ParseResult) -> bool:
    """Fill the agency, PoC and head values ``result`` lacks from ``before``; True when
    anything was filled."""
    filled = False
    for group in ("agency", "point_of_contact", "head_of_department"):
        now, then = getattr(result, group), getattr(before, group)
        for key, value in then.model_dump().items():
            if getattr(now, key) is None and value is not None:
                setattr(now, key, value)
                filled = True
            elif key == "name" and surname_of(getattr(now, key), value):
                setattr(now, key, value)  # "Sgt. Rivard" now, "Julien Rivard" before
                filled = True
    return filled


def fill_from_earlier(
    result: ParseResult,
    earlier: ParseResult | None,
    text: str,
    rules: Rules,
    parts: MessageParts | None = None,
) -> bool:
    """Fill what ``result`` lacks from the sender's own earlier enrolment request.
    Values written now win; an officer of the earlier roster the new text leaves off
    ("please leave Lt. Dwyer off the list") is left off. True when anything was filled."""
    if earlier is None or earlier.intent != "enrollment":
        return False
    filled = _fill_groups(result, earlier)
    filled = head_as_signed(result.head_of_department, earlier.head_of_department, rules) or filled
    merged = merge_officers(result.officers, earlier.officers, rules)
    # "For the usernames, Amy's is alavoie, Mark's is mpearson": each made from one name
    merged = with_usernames(merged, text, rules)
    if parts is not None:  # "Lunde - 31401" under a request whose list had no numbers
        merged = earlier_numbers.named_from_own_thread(merged, parts, rules)
    dropped = left_off(text, merged, rules)
    merged = [corrected(o, text, rules) for o in merged if o not in dropped]
    merged = earlier_updates.updated(merged, text, rules)  # "promoted to Sergeant"
    # "just the first five for now, hold off on Pratt and Lacasse"
    merged = held.without_held(merged, text, text, [], rules)
    filled = filled or merged != result.officers
    result.officers = merged
    return filled


def left_off(
    text: str, officers: list[Officer], rules: Rules, *, phrases_only: bool = False
) -> list[Officer]:
    """Officers a sentence of ``text`` leaves off the roster ("Please also leave Lt.
    Dwyer off the officer list"), by last name. With ``phrases_only`` a word alone
    ("drop", "remove") does not count ("Sgt. Hale will drop off the paperwork")."""
    words = [w.lower() for w in rules.language.intent.left_off if " " in w or not phrases_only]
    out: list[Officer] = []
    for sentence in sentences(text):
        low = sentence.lower()
        if not any(w in low for w in words):
            continue
        for officer in officers:
            last = (officer.last_name or "").lower()
            if last and re.search(rf"(?<![\w'-]){re.escape(last)}(?![\w'-])", low):
                out.append(officer)
    return out


def complete_changes(
    result: ParseResult,
    earlier: ParseResult | None,
    now: list[Officer],
    text: str = "",
    rules: Rules | None = None,
) -> bool:
    """A reply that gives what the sender's own earlier roster change lacked ("Eli's
    officer number is HB6E3" under the desk's "we need his officer number"): the earlier
    changes, completed by the officers the reply names. True when it applies."""
    if earlier is None or earlier.intent != "officer_maintenance" or not earlier.changes:
        return False
    changes = [c.model_copy(deep=True) for c in earlier.changes]
    result.changes = of_the_one_officer(result.changes, changes)
    as_officers = [c.as_officer() for c in changes]
    written = [(c, c.as_officer()) for c in result.changes]
    now = now + [o for _, o in written]
    extra = [c for c, o in written if same_officer(o, as_officers) is None]
    # "Sorry about that - it's V0877." over a new change of its own: the number asked for
    given = bool(written) and earlier_numbers.give_open_number(changes, result.changes, text)
    if (
        written
        and not given
        and len(extra) == len(written)
        and not any(same_officer(o, as_officers) for o in now)
        and not _corrects_any(as_officers, text, rules)
    ):
        return False  # "One more for you: Officer Lila Brenner ...": a new request
    for officer in now:
        match = same_officer(officer, as_officers)
        if match is None:
            continue
        change = changes[as_officers.index(match)]
        for key in ("officer_number", "dps_username", "title"):
            value = getattr(officer, key)
            before = _change_value(change, key)
            # the number the reply gives the same officer is the sender's later word ("It
            # should read: Officer Jenna Morse, officer # JM4R8 ... NOT JM4R6")
            if value is not None and (
                before is None
                or key == "officer_number"
                or _fuller_title(key, value, before)
                or _title_turned_down(key, value, before, text)
            ):
                setattr(change, key, value)
    if rules is not None and not any(same_officer(o, as_officers) for o in now):
        _given_by_pronoun(changes, text, rules)
    for change in changes:
        # "Ofc. Perry's LEO number is 07524, I dropped the zero": the number the reply
        # gives the officer it names by rank and last name only
        if rules is not None:
            change.officer_number = corrected(change.as_officer(), text, rules).officer_number
    if rules is not None:  # "Leclair is SW215. Nadeau is still at the academy."
        changes = earlier_numbers.numbers_by_name(changes, text, rules)
    result.changes = changes + extra
    return True


def _fuller_title(key: str, value: object, before: object) -> bool:
    """True when the reply's title is the earlier one made more precise ("Title should be
    Patrol Officer" for the "Officer" of the desk's "To add Officer Jacob Keller")."""
    if key != "title" or not isinstance(value, str) or not isinstance(before, str):
        return False
    now, then = value.lower().split(), before.lower().split()
    return len(now) > len(then) and now[-len(then) :] == then


def _title_turned_down(key: str, value: object, before: object, text: str) -> bool:
    """True when the reply gives another title and writes the earlier one as not meant
    ("Pickering was promoted to Sergeant, not Corporal" under "update his title to
    Corporal"): the sender's correction of his own request."""
    if key != "title" or not isinstance(value, str) or not isinstance(before, str):
        return False
    if value.casefold() == before.casefold():
        return False
    said = re.compile(rf"(?<![\w-])(?i:not)[ \t]+(?i:an?[ \t]+)?{re.escape(before)}(?![\w-])", re.I)
    return said.search(text[:_CORRECTION_READ]) is not None


_CORRECTION_READ = 5000


def _given_by_pronoun(changes: list[Change], text: str, rules: Rules) -> None:
    """The one earlier change still without a number given the one number (and the
    username) of a reply that names no one ("her leo number is P0448 and username
    jpaquette", under "will get you her number and username when i have them")."""
    from mailbot.intake.change_officer import user_said
    from mailbot.intake.change_titles import rank_corrected

    if len(changes) == 1 and changes[0].action == "update":
        # "Sergeant. Effective 12/1." under the desk's "what should her new title be?"
        title = None if _change_value(changes[0], "title") else _bare_title(text, rules)
        if title:
            have = changes[0].model_dump(exclude_none=True)
            changes[0] = Change.model_validate({**have, "title": title})
    open_ = [i for i, c in enumerate(changes) if not c.officer_number]
    numbers = {m.group(1).upper() for s in sentences(text) for m in number_mentions(s)}
    # "Sorry about that, his number is 05629.": the bare word "number" said of him
    numbers = numbers or {m.group(1).upper() for m in _PRONOUN_NUMBER.finditer(text)}
    numbers = numbers or _lone_number(text, rules)  # "03958" and nothing else
    user = user_said(text, rules)
    if not numbers and len(changes) == 1 and not _change_value(changes[0], "dps_username"):
        # "Her login is tvance." under the desk's "we need her DPS username": the one
        # officer of the request, when the reply speaks of him or her
        said = _PRONOUN_USER.search(text)
        if not (user and said and user_said(text[said.start() :], rules) == user):
            # "Its jcoutu": the bare login of the one officer, built from his name
            user = None if user else bare_username(changes[0].as_officer(), text)
        if user:
            have = changes[0].model_dump(exclude_none=True)
            changes[0] = Change.model_validate({**have, "dps_username": user})
        return
    if len(open_) != 1 or len(numbers) != 1:
        return
    given = {"officer_number": numbers.pop(), "dps_username": user}
    given["title"] = rank_corrected(text, rules)  # "oops he is a corporal, not a sergeant"
    have = changes[open_[0]].model_dump(exclude_none=True)
    more = {k: v for k, v in given.items() if v is not None}
    changes[open_[0]] = Change.model_validate({**have, **more})


def _lone_number(text: str, rules: Rules) -> set[str]:
    """The reply's one word when it is all the reply says and has the shape of an
    officer number ("03958." under the desk's "what is his VT LEO number?")."""
    fmt = rules.formats.officer_number
    word = text.strip().rstrip(".")
    if len(word) != fmt.length or not re.match(fmt.pattern, word) or not _DIGITS.search(word):
        return set()
    return {word.upper()}


_DIGITS = re.compile(r"\d")


def _bare_title(text: str, rules: Rules) -> str | None:
    """The title a reply opens with as a sentence of its own ("Sergeant.", "Patrol
    Officer"), or None."""
    from mailbot.intake.prose import split_rank

    said = sentences(text)
    words = said[0].strip().rstrip(".!").split() if said else []
    if not 1 <= len(words) <= 3:
        return None
    title, rest = split_rank(words, rules)
    return title if title and not rest else None


_PRONOUN_NUMBER = re.compile(
    r"\b(?i:his|her|their)[ \t]+(?i:number)[ \t]+(?:(?i:is)[ \t]+)?[:#]?[ \t]*"
    r"((?=[A-Za-z]{0,4}\d)[A-Za-z0-9]{3,12})(?![\w-])"
)
_PRONOUN_USER = re.compile(
    r"\b(?i:his|her|their)\s+(?i:dps\s+)?(?i:domain\s+)?(?i:user\s*name|login)\b"
)


def _corrects_any(officers: list[Officer], text: str, rules: Rules | None) -> bool:
    """Whether ``text`` gives one of ``officers`` another number ("Ofc. Perry's LEO
    number is 07524")."""
    if rules is None:
        return False
    for officer in officers:
        number = corrected(officer, text, rules).officer_number
        if number is not None and number != officer.officer_number:
            return True
    return False


def intent_of_reply(
    kind: Intent, earlier: ParseResult | None, parts: MessageParts, desk_waits: bool = False
) -> Intent:
    """The intent of a reply read with the sender's own earlier request. A roster change
    written under the sender's own enrolment request that the desk has not answered
    ("please use the officer list below instead", "leave Lt. Dwyer off") changes that
    request: still an enrolment. What completes the sender's own roster change ("Eli's
    number is HB6E3") is that roster change. Whatever answers the desk's question on the
    enrolment (``desk_waits``: "Can you double-check his number?") completes it."""
    if earlier is None:
        return kind
    if earlier.intent == "enrollment" and kind in ("officer_maintenance", "other") and desk_waits:
        return "enrollment"
    if (
        earlier.intent == "enrollment"
        and kind == "officer_maintenance"
        and not own_thread.desk_in_thread(parts)
    ):
        return "enrollment"
    if earlier.intent == "officer_maintenance" and kind in ("enrollment", "other"):
        return "officer_maintenance"
    return kind


def _change_value(change: Change, key: str) -> object:
    return (
        getattr(change, key, None)
        if key == "officer_number"
        else (change.model_extra or {}).get(key)
    )


_TOKEN = re.compile(r"(?<![\w-])[A-Za-z0-9]{2,12}(?![\w-])")


def corrected(officer: Officer, text: str, rules: Rules) -> Officer:
    """``officer`` with the officer number a sentence of ``text`` corrects ("Officer
    Dupuis' number is RF2D8, not RF2D3 like I wrote below"): a sentence naming him, with
    a number word and exactly one number-shaped token other than the one he has."""
    last = (officer.last_name or "").lower()
    if not last or not officer.officer_number:
        return officer
    fmt = rules.formats.officer_number
    shaped = re.compile(fmt.pattern)
    found: set[str] = set()
    for sentence in sentences(text):
        low = sentence.lower()
        if "number" not in low or not re.search(rf"(?<![\w-]){re.escape(last)}(?![\w-])", low):
            continue
        # a number of digits only when it is labelled as one ("LEO number is 07524")
        labelled = {m.group(1).upper() for m in number_mentions(sentence)}
        for token in _TOKEN.findall(sentence):
            if (
                len(token) == fmt.length
                and shaped.match(token)
                and re.search(r"\d", token)
                and (re.search(r"[A-Za-z]", token) or token.upper() in labelled)
                and token.upper() != officer.officer_number.upper()
            ):
                found.add(token.upper())
    if len(found) != 1:
        return officer
    return officer.model_copy(update={"officer_number": found.pop()})
