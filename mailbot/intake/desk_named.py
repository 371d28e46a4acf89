"""A reply that says yes to switching off the officers the desk's quoted message names
("Yes please deactivate both. Roy retired and Lund went to VSP." under the desk's "Ofc.
Ana Roy (03T14) and Ofc. Eli Lund (03T22) haven't written a ticket since 2023"): a
switch-off of each officer the reply names by last name, or of all when it names none."""

from __future__ import annotations

import re

from mailbot.intake.change_actions import _action
from mailbot.intake.change_items import _NUMBER
from mailbot.intake.change_officer import officer_named
from mailbot.intake.change_titles import _new_title
from mailbot.intake.earlier_numbers import desk_listed
from mailbot.intake.lists import officer_on_line
from mailbot.intake.model import Change, Officer
from mailbot.intake.own_thread import is_desk, thread
from mailbot.intake.parts import MessageParts
from mailbot.intake.prose import number_mentions, sentences
from mailbot.intake.rules import Rules
from mailbot.intake.word_lists import has_any

# "Ofc. Ana Roy (03T14)", "Roy, Ana (03T14)": a name with its number in brackets, in the
# desk's sentences (its last name first, before a comma)
_NAMED = re.compile(r"([A-Z][\w'’-]+,[ \t]+)?[^,;()\n]{1,60}\(\s*([A-Z0-9]{5})\s*\)")
_ALL = re.compile(r"\b(?i:both|all|them|they|each)\b")
_MAX_NAMED = 12
"""Officers of the desk's message looked at: a notice about a few, not a roster."""
_MAX_LISTED = 200
"""Officers of the desk's quoted roster looked at."""


def switch_offs(body: str, parts: MessageParts, rules: Rules) -> list[Change]:
    """The switch-offs a reply ``body`` asks for of the officers the desk's quoted
    message names with their numbers: those the reply names by last name, else all
    when it says "both" or "them"; none when the reply names an officer number itself."""
    words = rules.language.intent
    if not has_any(body, words.deactivate_asked) or has_any(body, words.stays):
        return []
    if number_mentions(body) or _NAMED.search(body):
        return []
    named = _desk_named(parts, rules)
    if not named or len(named) > _MAX_NAMED:
        return []
    low = body.lower()
    chosen = [o for o in named if re.search(rf"\b{re.escape((o.last_name or '').lower())}\b", low)]
    if not chosen and _ALL.search(body):
        chosen = named
    return [
        Change.model_validate(
            {
                "action": "deactivate",
                **o.model_dump(
                    exclude_none=True,
                    include={"officer_number", "last_name", "first_name", "title"},
                ),
            }
        )
        for o in chosen
    ]


def _desk_named(parts: MessageParts, rules: Rules) -> list[Officer]:
    """The officers the desk's quoted messages name in their sentences with a number in
    brackets, one each."""
    out: dict[str, Officer] = {}
    for message in thread(parts):
        if not is_desk(message.author):
            continue
        for m in _NAMED.finditer(message.text):
            officer = officer_named(m.group(0), rules)
            if m.group(1) and (officer is None or not officer.last_name):
                officer = officer_on_line(m.group(0), rules)  # "Roy, Ana (03T14)"
            if officer is None or not officer.last_name:
                continue
            number = m.group(2).upper()
            officer = officer.model_copy(update={"officer_number": number})
            out.setdefault(number, officer)
        break  # the desk's latest message is what the reply answers
    return list(out.values())


def listed_changes(body: str, parts: MessageParts, rules: Rules) -> list[Change]:
    """The changes a reply ``body`` asks, sentence by sentence, of the officers the
    desk's quoted roster lists ("Ptl. Sean Roy left us, so he can come off. And Lund made
    corporal." under the desk's table): each sentence naming one listed officer by last
    name and no number changes him, by the number the roster gives."""
    return changes_of_listed(body, desk_listed(parts, rules), rules)


def changes_of_listed(body: str, listed: list[Officer], rules: Rules) -> list[Change]:
    """The changes ``body`` asks, sentence by sentence, of the ``listed`` officers (a
    roster quoted, an order attached): each sentence naming one of them by last name and
    no number changes him, by the number the list gives."""
    listed = [o for o in listed if o.last_name and o.officer_number][:_MAX_LISTED]
    if not listed:
        return []
    out: list[Change] = []
    for sentence in sentences(body):
        if number_mentions(sentence) or _NUMBER.search(sentence):
            continue  # "her number is 14K15": read with its number
        low = sentence.lower()
        them = [o for o in listed if _names(low, o.last_name or "")]
        if len(them) != 1 or any(c.officer_number == them[0].officer_number for c in out):
            continue
        action = _action(sentence, rules, None)
        officer = them[0]
        values = officer.model_dump(
            exclude_none=True, include={"officer_number", "last_name", "first_name", "title"}
        )
        if action == "update":
            title = _new_title(sentence, rules)
            if title is None:
                continue  # only a new title is read here; other updates are left to staff
            values["title"] = title
        elif action != "deactivate":
            continue
        out.append(Change.model_validate({"action": action, **values}))
    return out


def _names(low: str, last: str) -> bool:
    """True when ``low`` names the last name ``last`` as a word."""
    return re.search(rf"(?<![\w'’-]){re.escape(last.lower())}(?![\w-])", low) is not None


def by_listed(changes: list[Change], body: str, parts: MessageParts, rules: Rules) -> list[Change]:
    """``changes`` read from a reply, or, when they are fewer, those it asks sentence by
    sentence of the officers the desk's quoted roster lists."""
    changes = _first_names_listed(changes, desk_listed(parts, rules), body)
    listed = listed_changes(body, parts, rules)
    if _NUMBER.search(body):
        # "We hired Jo Roy, her number is 14K15. Also Ron Cheney made Sergeant": the
        # changes read with their numbers, and those of the roster's officers named alone
        told = {c.officer_number for c in changes} | {_last(c) for c in changes}
        return changes + [
            c for c in listed if c.officer_number not in told and _last(c) not in told
        ]
    return listed if len(listed) > len(changes) else changes


def _first_names_listed(changes: list[Change], listed: list[Officer], body: str) -> list[Change]:
    """A change of a record the desk's quoted roster lists by its number, read without a
    first name, with the one the record has when the reply names him by it ("Officer
    Jason's last name is Couture, not Coutu" of the desk's "Coutu, Jason ... 1A331")."""
    rows = {(o.officer_number or "").upper(): o for o in listed if o.first_name}
    out = []
    for change in changes:
        row = rows.get((change.officer_number or "").upper())
        first = row.first_name if row is not None else None
        said = bool(first and re.search(rf"(?<![\w'’-]){re.escape(first)}(?![\w-])", body))
        fixed = _number_fixed(change, listed, body) if row is None else None
        if fixed is not None:
            # "Officer Lyon's number ... should be 08815, not 08851" of the desk's "Lyon,
            # Carter - Officer - 08851": the record of that name and the number replaced
            first, said = fixed.first_name, True
        if said and not (change.model_extra or {}).get("first_name"):
            change = Change.model_validate({**change.model_dump(), "first_name": first})
        out.append(change)
    return out


def _number_fixed(change: Change, listed: list[Officer], body: str) -> Officer | None:
    """The one row of ``listed`` with the last name of ``change`` and another number that
    the reply writes (the wrong number it corrects), or None."""
    last = _last(change)
    number = (change.officer_number or "").upper()
    same = [
        o
        for o in listed
        if last
        and (o.last_name or "").lower() == last
        and o.first_name
        and (o.officer_number or "").upper() != number
        and re.search(rf"(?<![\w-]){re.escape(o.officer_number or '')}(?![\w-])", body, re.I)
    ]
    return same[0] if len(same) == 1 else None


def _last(change: Change) -> str:
    return (getattr(change, "last_name", None) or "").lower()


# "Deputy Joseph Roy   LEO 5D2W9   username: jroy": a name, a number label, the number
# (its runs of blanks possessive: the blanks around an optional word are split one way)
_NAME_LABEL_NUMBER = re.compile(
    r"(?<![\w'’-])((?:[A-Z][\w.'’-]*[ \t]+){1,3}[A-Z][\w'’-]+)[ \t,]++"
    r"(?:(?:VT[ \t]++)?(?i:LEO|officer|badge)"
    r"[ \t]*+(?:(?i:number|no\.?)|#)?[ \t]*+:?[ \t]*+|\(\s*+)"
    r"((?=[A-Za-z]{0,4}\d)[A-Za-z0-9]{5})(?![\w-])"
)


def the_ones_login(body: str, parts: MessageParts, rules: Rules) -> list[Change]:
    """The username a reply corrects ("One correction though - his username should be
    jroy") of the one officer the desk's quoted notice names with his number ("Deputy
    Joseph Roy   LEO 5D2W9   username: jry"): an update of his record."""
    from mailbot.intake.change_usernames import _USER_CORRECTED, _bare

    user = _USER_CORRECTED.search(body)
    if user is None or number_mentions(body) or _NUMBER.search(body):
        return []
    for message in thread(parts):
        if not is_desk(message.author):
            continue
        found = {
            m.group(2).upper(): officer_named(m.group(1), rules)
            for m in _NAME_LABEL_NUMBER.finditer(message.text)
        }
        if len(found) != 1:
            return []
        number, officer = found.popitem()
        if officer is None or not officer.last_name:
            return []
        values = officer.model_dump(exclude_none=True, include={"last_name", "first_name", "title"})
        login = _bare(user.group(1), rules)
        return [
            Change.model_validate(
                {"action": "update", "officer_number": number, **values, "dps_username": login}
            )
        ]
    return []
