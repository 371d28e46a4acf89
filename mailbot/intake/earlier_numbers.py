"""A change that names its officer without a number in a reply ("Officer Morrow's DPS
username is kmorrow, not kmorow") completed from the sender's own quoted request that
named him with his number ("Officer Kelsey Morrow, LEO # 07412, DPS username kmorow"),
or from the roster the desk's own quoted notice lists ("the records below are ready for
use": the agency's officers, each with his number)."""

from __future__ import annotations

import re

from mailbot.intake.change_items import _NUMBER, items
from mailbot.intake.change_officer import officer_named, user_said
from mailbot.intake.model import Change, Officer
from mailbot.intake.own_thread import is_desk, own_messages, thread
from mailbot.intake.parts import MessageParts
from mailbot.intake.prose import number_mentions, sentences
from mailbot.intake.reply_details import officer_details
from mailbot.intake.roster_usernames import usernames_on_roster
from mailbot.intake.rules import Rules


def numbered_from_own_thread(
    changes: list[Change], parts: MessageParts, rules: Rules, text: str = ""
) -> list[Change]:
    """``changes`` with each one named by last name only given the officer number, first
    name and title of the one officer of that last name in the sender's own quoted
    messages; and each one with a number and no name given the name and title of the
    one officer there with that number, or with a number ``text`` (the reply) writes
    beside it ("his number is 4K211, not 4K21")."""
    if not any(not getattr(c, "first_name", None) or not c.officer_number for c in changes):
        return changes
    known: list[Officer] = []
    sent: list[tuple[Officer, set[str]]] = []  # each officer named, the numbers beside him
    for own in own_messages(parts):
        for item in items(own.text):
            officer = officer_named(item, rules) if len(item) <= 300 else None
            if officer is not None and officer.officer_number and officer.last_name:
                known.append(officer)
            if officer is not None and officer.last_name:
                sent.append((officer, _numbers_in(item)))
    known += desk_listed(parts, rules)
    sent += [(o, {(o.officer_number or "").upper()}) for o in desk_listed(parts, rules)]
    said = _numbers_in(text[:20000])
    out = []
    for change in changes:
        if change.officer_number and not getattr(change, "last_name", None):
            out.append(_named_by_number(change, sent, said))
            continue
        last = (getattr(change, "last_name", None) or "").lower()
        first = (getattr(change, "first_name", None) or "").lower()
        them = {
            o.officer_number: o
            for o in known
            if (o.last_name or "").lower() == last
            and (not first or not o.first_name or o.first_name.lower() == first)
        }
        if change.officer_number or len(them) != 1:
            out.append(change)
            continue
        officer = next(iter(them.values()))
        have = change.model_dump(exclude_none=True)
        found = {"officer_number": officer.officer_number, "first_name": officer.first_name}
        found["title"] = officer.title
        more = {k: v for k, v in found.items() if v and k not in have}
        out.append(Change.model_validate({**have, **more}))
    return out


def _named_by_number(
    change: Change, sent: list[tuple[Officer, set[str]]], said: set[str]
) -> Change:
    """``change`` (a number, no name) given the name and title of the one officer ``sent``
    names beside its number, else beside a number the reply writes (``said``: "his
    number is 4K211, not 4K21")."""
    number = (change.officer_number or "").upper()
    them = [o for o, numbers in sent if number in numbers]
    if not them:
        them = [o for o, numbers in sent if numbers & said]
    if len({(o.last_name, o.first_name) for o in them}) != 1:
        return change
    officer = them[0]
    have = change.model_dump(exclude_none=True)
    found = {"last_name": officer.last_name, "first_name": officer.first_name}
    found["title"] = officer.title
    more = {k: v for k, v in found.items() if v and k not in have}
    return Change.model_validate({**have, **more})


_NUMBER_SHAPED = re.compile(r"(?<![\w-])(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z0-9]{3,8}(?![\w-])")


def _numbers_in(text: str) -> set[str]:
    """The words of ``text`` with letters and digits, in capitals ("4K21")."""
    return {w.upper() for w in _NUMBER_SHAPED.findall(text)}


def fixes_desk_list(body: str, parts: MessageParts, rules: Rules) -> bool:
    """True when a reply changes an officer the desk's quoted notice lists, naming him
    without his number ("One fix to the list below: Luca D'Amato's username should be
    ldamato1"): a roster change, whatever else it reads like."""
    from mailbot.intake.changes import read_changes

    listed = {o.officer_number.upper() for o in desk_listed(parts, rules) if o.officer_number}
    if not listed:
        return False
    found = [c for c in read_changes(body, rules, []) if not c.officer_number]
    numbered = numbered_from_own_thread(found, parts, rules) if found else []
    return any((c.officer_number or "").upper() in listed for c in numbered)


def desk_listed(parts: MessageParts, rules: Rules) -> list[Officer]:
    """The officers the desk's quoted notices list with their numbers ("the Officer
    records below have been established in TraCS": a table of the agency's roster)."""
    from mailbot.intake.tables import officers_from_text

    out: list[Officer] = []
    for message in thread(parts):
        if is_desk(message.author):
            rows = officers_from_text(message.text, rules)
            # "created in TraCS (Mark Roe 14K02, Jen Pratt 14K07)": named in a sentence
            rows += _named_with_numbers(message.text)
            # "Lyon, Carter - Officer - 08851 - clyon": else a list, one officer a line
            rows = rows or _listed_lines(message.text, rules)
            out += [o for o in rows if o.officer_number and o.last_name and o not in out]
    return out


def _listed_lines(text: str, rules: Rules) -> list[Officer]:
    """The officers the lines of a desk's notice list one a line, no table's rows ("Lyon,
    Carter - Officer - 08851 - clyon")."""
    from mailbot.intake.lists import officer_on_line

    lines = text.split("\n")[:_MAX_LINES]
    return [
        o for line in lines if len(line) <= _LONG and (o := officer_on_line(line.strip(), rules))
    ]


_MAX_LINES = 200
_LONG = 300


_NAME_NUMBER = re.compile(
    r"(?<![\w'’-])([A-Z][a-z'’]+)[ \t]+([A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?)"
    r"[ \t]*\n?[ \t]*\(?((?=[A-Za-z]{0,4}\d)[A-Za-z0-9]{5})(?![\w-])"
)
_MAX_PAIRS = 200


def _named_with_numbers(text: str) -> list[Officer]:
    """The officers a desk's sentence names as first and last name, each before his
    number ("Mark Roe 14K02, Jen Pratt (14K07)")."""
    found = list(_NAME_NUMBER.finditer(text))[:_MAX_PAIRS]
    return [
        Officer(first_name=m.group(1), last_name=m.group(2), officer_number=m.group(3).upper())
        for m in found
    ]


_FILLED = ("first_name", "title", "dps_username")
"""What a reply's row written by last name only takes from the sender's own request."""


def named_from_own_thread(
    officers: list[Officer], parts: MessageParts, rules: Rules
) -> list[Officer]:
    """``officers`` with each row written by last name only ("Lunde - 31401" in a reply
    that gives the numbers asked for) given the first name, title and username of the
    sender's own quoted request, line by line ("Chief Andrea Lunde - DPS username
    alunde"); only when every line naming that last name gives one first name and no
    other officer number."""
    if not any(o.last_name and not o.first_name for o in officers):
        return officers
    known: list[Officer] = []
    for own in own_messages(parts):
        for line in own.text.split("\n"):
            # "Sgt. Luc Hebert - lhebert": a name and its username read as a reply's are
            if len(line) > 300:
                continue
            said = [officer_named(line.strip(), rules), *officer_details(line, rules)]
            known += [o for o in said if o and o.first_name and o.last_name]
    out = []
    for officer in officers:
        last = (officer.last_name or "").casefold()
        same = [k for k in known if (k.last_name or "").casefold() == last]
        numbers = {k.officer_number.upper() for k in same if k.officer_number}
        number = (officer.officer_number or "").upper()
        if (
            officer.first_name
            or not same
            or len({(k.first_name or "").casefold() for k in same}) != 1
            or (number and numbers - {number})
        ):
            out.append(officer)
            continue
        values = officer.model_dump()
        for key in _FILLED:
            values[key] = values[key] or next(
                (getattr(k, key) for k in same if getattr(k, key)), None
            )
        out.append(Officer(**values))
    return out


_MAX_ASKED_LINES = 80
"""Lines of the desk's quoted message looked at for the officers it names."""
_ONE_EACH = re.compile(r"[;,]|[ \t]+(?:and|&)[ \t]+")
"""What parts the officers a line of the desk's names one after another ("DPS usernames
for Ofc. Tyler Greaves (4N552) and Ofc. Mia Santerre (8P013)")."""


def _desk_asked(parts: MessageParts, rules: Rules) -> list[Officer]:
    """The officers the desk's latest quoted message names in full, with the rank and
    number it gives each ("we still need the DPS username for Officer Ann Roy")."""
    asked: list[Officer] = []
    for message in thread(parts):
        if not is_desk(message.author):
            continue
        for line in message.text.split("\n")[:_MAX_ASKED_LINES]:
            if len(line) > 300:
                continue
            said = officer_named(line.strip(" \t-*•"), rules)
            if said and said.first_name and said.last_name:
                asked.append(said)
                pieces = [p for p in _ONE_EACH.split(line) if p.strip()]
                for piece in pieces[1:]:
                    other = officer_named(piece.strip(" \t-*•"), rules)
                    if other and other.first_name and other.last_name and other not in asked:
                        asked.append(other)
        break  # the desk's latest message is what the reply answers
    return asked


def named_by_desk(
    officers: list[Officer], parts: MessageParts, rules: Rules, text: str = ""
) -> list[Officer]:
    """``officers`` with each row a reply writes by one name word ("Ann's username is
    aroy"), or by her full name, given the other name, the rank and the number the desk's
    quoted message says of her ("we still need the DPS username for Officer Ann Roy"):
    only when exactly one person named there in full has that name, and the row's number
    is not another's. An officer the desk asked about whom ``text`` (the reply) names by a
    name word and no row is ("Mia's DPS account hasn't been created yet") is a row of the
    desk's values."""
    asked = _desk_asked(parts, rules) if officers or text.strip() else []
    if not officers:
        return _given_usernames(officers, asked, text, rules)
    out = []
    for officer in officers:
        if officer.first_name and officer.last_name:
            # "Tyler Greaves's username is tgreaves"
            same = [a for a in asked if _key(a) == _key(officer)]
        else:
            key = "first_name" if officer.first_name else "last_name"
            word = (officer.first_name or officer.last_name or "").casefold()
            same = [a for a in asked if (getattr(a, key) or "").casefold() == word]
        number = (officer.officer_number or "").upper()
        if len({_key(a) for a in same}) != 1 or (
            number and any(a.officer_number and a.officer_number != number for a in same)
        ):
            out.append(officer)
            continue
        values = officer.model_dump()
        for name in ("first_name", "last_name", "title", "officer_number"):
            values[name] = values[name] or same[0].model_dump()[name]
        out.append(Officer(**values))
    out = _given_usernames(out, asked, text, rules)
    return out + _named_in_reply(out, asked, text)


def _given_usernames(
    officers: list[Officer], asked: list[Officer], text: str, rules: Rules
) -> list[Officer]:
    """``officers`` with the usernames ``text`` gives the officers the desk's message names
    ("Tyler's is tgreaves, Mia's is msanterre", each made from one name): on the row of
    that officer when it has none, else a row of the desk's values with it."""
    # by the number the desk gives each: on the roster, not a heading ("Officer Last Name")
    listed = [a for a in asked if a.officer_number]
    given = usernames_on_roster(text, listed, rules) if listed else {}
    if not given:
        return officers
    have = {(o.dps_username or "").casefold() for o in officers} - {""}
    words = {w.casefold() for w in rules.language.intent.username_words}
    out = list(officers)
    for at, user in sorted(given.items()):
        if user.casefold() in have or user.casefold().rstrip("s") in words:
            continue  # "usernames for both are still being set up": no username
        person = listed[at]
        rows = [i for i, o in enumerate(out) if _same(o, person)]
        if len(rows) > 1 or (rows and out[rows[0]].dps_username):
            continue
        if rows:
            out[rows[0]] = out[rows[0]].model_copy(update={"dps_username": user})
        else:
            out.append(person.model_copy(update={"dps_username": user}))
        have.add(user.casefold())
    return out


def _same(row: Officer, person: Officer) -> bool:
    """True when ``row`` may be ``person``: the same last name (or, with none, the same
    first name), no other first name and no other number."""
    last, first = _key(row)[1], _key(row)[0]
    p_first, p_last = _key(person)
    if (last and last != p_last) or (not last and (not first or first != p_first)):
        return False
    if first and p_first and first != p_first:
        return False
    number, other = (row.officer_number or "").upper(), (person.officer_number or "").upper()
    return not (number and other and number != other)


def _key(officer: Officer) -> tuple[str, str]:
    return ((officer.first_name or "").casefold(), (officer.last_name or "").casefold())


def _named_in_reply(officers: list[Officer], asked: list[Officer], text: str) -> list[Officer]:
    """The officers of ``asked`` (by the number the desk gives each: on the roster, not
    the PoC it writes to) that ``text`` names by their first or last name, as a word of
    its own in capitals, and no row of ``officers`` is."""
    rows = {(o.last_name or "").casefold() for o in officers}
    out: list[Officer] = []
    for person in asked:
        if not person.officer_number or (person.last_name or "").casefold() in rows:
            continue
        if person in out:
            continue
        names = [n for n in (person.first_name, person.last_name) if n]
        if any(re.search(rf"(?<![\w'’-]){re.escape(n)}(?![\w-]|['’](?!s\b))", text) for n in names):
            out.append(person.model_copy())
    return out


_TOKEN = re.compile(r"(?<![\w-])[A-Za-z0-9]{2,12}(?![\w-])")


def numbers_by_name(changes: list[Change], text: str, rules: Rules) -> list[Change]:
    """``changes`` with each one still without a number given the one officer number a
    sentence of a reply writes beside his last name alone ("Leclair is SW215. Nadeau is
    still at the academy."): a number with letters and digits, or labelled as one. So
    for a username ("Farrow's username is dfarrow2")."""
    fmt = rules.formats.officer_number
    shaped = re.compile(fmt.pattern)
    lasts = {(getattr(c, "last_name", None) or "").lower() for c in changes} - {""}
    out = []
    for change in changes:
        last = (getattr(change, "last_name", None) or "").lower()
        found: set[str] = set()
        for sentence in _naming(sentences(text), last, lasts) if not change.officer_number else []:
            labelled = {m.group(1).upper() for m in number_mentions(sentence)}
            found |= {
                t.upper()
                for t in _TOKEN.findall(sentence)
                if len(t) == fmt.length
                and shaped.match(t)
                and any(c.isdigit() for c in t)
                and (any(c.isalpha() for c in t) or t.upper() in labelled)
            }
        if len(found) == 1:
            change = change.model_copy(update={"officer_number": found.pop()})
        if last and not getattr(change, "dps_username", None):
            # "Farrow's username is dfarrow2 (there was already a dfarrow)"
            users = {u for s in _naming(sentences(text), last, lasts) if (u := user_said(s, rules))}
            if len(users) == 1:
                have = change.model_dump(exclude_none=True)
                change = Change.model_validate({**have, "dps_username": users.pop()})
        out.append(change)
    return out


def _naming(said: list[str], last: str, lasts: set[str]) -> list[str]:
    """The sentences that name the officer of surname ``last`` and no other of ``lasts``."""
    out = []
    for sentence in said if last else []:
        low = sentence.lower()
        named = {
            n for n in lasts if re.search(rf"(?<![\w'’-]){re.escape(n)}(?![\w-]|['’](?!s\b))", low)
        }
        if named == {last}:
            out.append(sentence)
    return out


def give_open_number(earlier: list[Change], written: list[Change], text: str) -> bool:
    """Give the one change of the sender's earlier request still without a number the
    one number the reply says that none of its own changes holds ("Sorry about that -
    it's V0877. Also Ofc. Quinn made Corporal, her number is V1033"); True when given."""
    open_ = [c for c in earlier if not c.officer_number]
    own = {(c.officer_number or "").upper() for c in written}
    numbers = {m.group(1).upper() for s in sentences(text) for m in number_mentions(s)}
    numbers |= {m.group(1).upper() for m in _NUMBER.finditer(text)}  # "it's V0877"
    numbers -= own
    if len(open_) != 1 or len(numbers) != 1:
        return False
    open_[0].officer_number = numbers.pop()
    return True
