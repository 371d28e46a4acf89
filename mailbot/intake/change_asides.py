"""What a message says of an officer by name away from his change: "Rosa's DPS username
is rdelgadoames" in a note above a forwarded request, given to the change that names
her and has no username yet."""

from __future__ import annotations

import re

from mailbot.intake.model import Change, Officer
from mailbot.intake.prose import sentences
from mailbot.intake.rules import Rules, per_rules

_NAMED_USER = re.compile(
    r"(?<![\w'’-])([A-Z][a-z'’-]{1,30})['’]s[ \t]+(?i:(?:dps|domain|tracs)[ \t]+)?"
    r"(?i:user[ \t]?name|user[ \t]id|login|logon)"
    # "... is rdelgado", "... finally came through: dpatel"
    r"(?:[ \t]+(?i:is|will[ \t]+be|should[ \t]+be)[ \t]+[\"“']?|(?:[ \t]+[a-z]+){0,3}[ \t]*:[ \t]*)"
    r"([a-z][a-z0-9._-]{1,29})(?![\w@])"
)

# "Mark's DPS username was set up wrong. It is mdelaney1 (not mdelany)": the value said
# of it in the words right after, the same sentence or the next
_NAMED_USER_FIXED = re.compile(
    r"(?<![\w'’-])([A-Z][a-z'’-]{1,30})['’]s[ \t]+(?i:(?:dps|domain|tracs)[ \t]+)?"
    r"(?i:user[ \t]?name|user[ \t]id|login|logon)[^\n]{0,80}?"
    r"(?i:\bit[ \t]+is|\bit['’]s|\bshould[ \t]+be|\bis[ \t]+(?:actually|really|in[ \t]+fact)"
    r"|\bcorrect[ \t]+one[ \t]+is)[ \t]+[\"“']?([a-z][a-z0-9._-]{1,29})(?![\w@])"
)


def usernames_by_name(text: str, changes: list[Change], rules: Rules) -> list[Change]:
    """``changes`` with each username said of one officer by first or last name
    ("Rosa's DPS username is ...") given to the one add or update naming him that has
    none ("Also, Dev's DPS username finally came through: dpatel")."""
    from mailbot.intake.change_usernames import _bare, not_a_user

    out = list(changes)
    said = [*_NAMED_USER.finditer(text[:20000]), *_NAMED_USER_FIXED.finditer(text[:20000])]
    for m in said:
        word = m.group(1).lower()
        if not_a_user(m.group(2), rules):
            continue
        them = [
            i
            for i, c in enumerate(out)
            if c.action in ("add", "update")
            and not getattr(c, "dps_username", None)
            and word
            in {
                (getattr(c, "first_name", None) or "").lower(),
                (getattr(c, "last_name", None) or "").lower(),
            }
        ]
        if len(them) == 1:
            change = out[them[0]]
            out[them[0]] = Change.model_validate(
                {**change.model_dump(), "dps_username": _bare(m.group(2), rules)}
            )
    return out


_MY_RECORD = re.compile(
    r"\b(?i:my)[ \t]+(?:(?i:last|legal|first|sur)[ \t]*)?(?i:name)\b"
    r"|\b(?i:my)[ \t]+(?:(?i:own)[ \t]+)?(?:(?i:officer|tracs|e-?ticket|dps)[ \t]+)?"
    r"(?i:record|account|access|login|number|title|rank)\b"
)


def _of_my_record(text: str, number: str | None) -> bool:
    """True when ``number`` is written in a sentence that speaks of the writer's own
    record ("Please shut off my e-ticket account, officer # WD041", "I'm in TraCS (RK014),
    but my title there still says Corporal")."""
    from mailbot.intake.prose import sentences

    said = [s for s in sentences(text[:20000]) if number and number in s]
    return any(_MY_RECORD.search(s) for s in said)


def writers_first_name(changes: list[Change], text: str, writer: str | None) -> list[Change]:
    """ "I got married, so my last name is now Castellano ... please update my officer
    record": the one update of the writer's own record (the last name he now signs with)
    carries his first name from the From header."""
    words = (writer or "").replace(",", " ").split()
    if len(words) < 2 or not _MY_RECORD.search(text[:20000]):
        return changes
    first, last = words[0], words[-1]
    if "," in (writer or ""):
        first, last = words[-1], words[0]
    mine = [
        i
        for i, c in enumerate(changes)
        if c.action == "update"
        and not getattr(c, "first_name", None)
        and (getattr(c, "last_name", None) or "").lower() == last.lower()
    ]
    out = list(changes)
    if len(mine) == 1:
        out[mine[0]] = Change.model_validate({**out[mine[0]].model_dump(), "first_name": first})
        return out
    # "2. Update my own record (SH014, currently Lieutenant) to show my title as Chief",
    # "Please shut off my e-ticket account, officer # WD041": the one change naming
    # nobody is of the writer's own record
    unnamed = [
        i
        for i, c in enumerate(changes)
        if c.action in ("update", "deactivate")
        and not getattr(c, "first_name", None)
        and not getattr(c, "last_name", None)
    ]
    if mine or len(unnamed) != 1 or not _of_my_record(text, out[unnamed[0]].officer_number):
        return changes
    whole = {"first_name": first, "last_name": last}
    out[unnamed[0]] = Change.model_validate({**out[unnamed[0]].model_dump(), **whole})
    return out


def same_person_again(changes: list[Change], change: Change, rules: Rules) -> bool:
    """True when ``change`` (no officer number) asks again what an earlier change asks of
    the same person ("Officer Robert "Bobby" Jones on his retirement" in a forwarded notice
    under "deactivate Bobby Jones (HT6R3)"); the earlier one then takes the name in full."""
    from mailbot.intake.names import short_form_of

    last = (getattr(change, "last_name", None) or "").casefold()
    first = getattr(change, "first_name", None) or ""
    for i, done in enumerate(changes):
        if done.action != change.action or not last:
            continue
        if (getattr(done, "last_name", None) or "").casefold() != last:
            continue
        had = getattr(done, "first_name", None) or ""
        if (
            had
            and first
            and not (short_form_of(had, first, rules) or short_form_of(first, had, rules))
        ):
            continue
        if had and first and len(first) > len(had) and short_form_of(had, first, rules):
            changes[i] = done = Change.model_validate({**done.model_dump(), "first_name": first})
        if done.action == "update":
            # "... Jenna Marcotte's is 8S502." over the order "Corporal Jenna Marcotte is
            # promoted to the rank of Sergeant": what the second tells of the same change
            have = done.model_dump(exclude_none=True)
            more = {k: v for k, v in change.model_dump(exclude_none=True).items() if k not in have}
            if more:
                changes[i] = Change.model_validate({**have, **more})
        return True
    return False


def named_in_its_words(
    changes: list[Change], change: Change, words: dict[int, str], rules: Rules
) -> bool:
    """True when ``change`` (no officer number, a full name) is of the officer an earlier
    change of the same action gives a number for but no name, and names him in its words
    (``words``: the text of each such change, by index) by his first or last name, or a
    short form of the first ("Please deactivate Paula in TraCS. Her # is WR012." over a
    forwarded notice of "Lt. Paula Brandt"'s retirement, "Please update Jill's title"
    over "Cpl. Jillian Farnsworth is promoted"); the earlier change then takes his names."""
    from mailbot.intake.names import short_form_of

    first = getattr(change, "first_name", None) or ""
    last = getattr(change, "last_name", None) or ""
    if change.officer_number or not (first and last):
        return False

    def names_him(text: str) -> bool:
        if re.search(rf"(?<![\w'’-]){re.escape(last)}(?![\w'’-])", text):
            return True
        said = _CAPITALISED.findall(text)
        return any(short_form_of(word, first, rules) for word in said)

    def gives_his(text: str, number: str) -> bool:
        # "Jessica's number is 08834. I don't have Ryan's handy": the number is of the
        # one its own sentence names in the possessive, not of another the words name
        told = next((s for s in sentences(text) if number in s), "")
        whose = _POSSESSIVE.findall(told)
        return names_him(told) if whose else names_him(text)

    hits = [
        i
        for i, text in words.items()
        if changes[i].action == change.action
        and changes[i].officer_number
        and not (getattr(changes[i], "last_name", None) or getattr(changes[i], "first_name", None))
        and gives_his(text, changes[i].officer_number or "")
    ]
    if len(hits) != 1:
        return False
    done = changes[hits[0]].model_dump(exclude_none=True)
    more = {k: v for k, v in change.model_dump(exclude_none=True).items() if k not in done}
    changes[hits[0]] = Change.model_validate({**done, **more})
    return True


_POSSESSIVE = re.compile(r"(?<![\w'’-])[A-Z][a-z]{1,30}['’]s(?![\w'’-])")
_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][a-z]{1,30}(?![a-z])")

_HIS_RECORD = re.compile(r"\b(?i:his|her)[ \t]+(?i:record|account|profile|officer[ \t]+record)\b")


def his_record_asked(changes: list[Change], change: Change, words: str, rules: Rules) -> bool:
    """True when ``change`` (a number, no name) asks for "his record" right after a
    change naming an officer without a number ("we never got Officer Rhys Roe set up -
    my mistake." then "Can you please create his record? ... Officer #: ST552"): one
    officer, his names from the first, the rest and the action asked from the second,
    which replaces it."""
    if not changes or not change.officer_number or not _HIS_RECORD.search(words):
        return False
    from mailbot.intake.table_headings import column_key

    last = getattr(change, "last_name", None)
    if last and column_key(last, rules) is None:
        return False  # named (not "Title" of "... Department. Title: Officer")
    told = changes[-1]
    if told.officer_number or not getattr(told, "last_name", None):
        return False
    names = {k: getattr(told, k) for k in ("last_name", "first_name") if getattr(told, k, None)}
    changes[-1] = Change.model_validate({**change.model_dump(exclude_none=True), **names})
    return True


@per_rules
def _earlier_number(rules: Rules) -> re.Pattern[str]:
    """An earlier-number word, up to two words, then a number's label ("old LEO #")."""
    words = "|".join(re.escape(w) for w in rules.language.mentions.earlier_number)
    labels = "|".join(
        re.escape(w) for w in sorted(rules.language.rows.number_labels, key=len, reverse=True)
    )
    return re.compile(
        rf"(?<![\w'’])(?i:{words})[ \t]+(?:[\w.'’-]+[ \t]+){{0,2}}?(?i:{labels})(?!\w)"
    )


@per_rules
def _writer_label(rules: Rules) -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in rules.language.mentions.writer_labels)
    return re.compile(rf"(?<![\w'’])(?i:{words})[ \t]*:[ \t]*([^\n:]{{0,60}})")


def merely_mentioned(group: str, officer: Officer, rules: Rules) -> bool:
    """Whether ``group`` names ``officer`` without asking anything of him: a number
    alone, told as one he had before ("Also my old number from Berlin PD was B4410"),
    or a name without a number written only on a memo's "FROM:" line, its writer, or
    only where the agency's e-ticket contact is named ("Questions may be directed to our
    e-ticket Point of Contact, Sgt. Renee Costa"), asking nothing of him there."""
    number, last = officer.officer_number, officer.last_name
    if number and not last and not officer.first_name:
        at = group.upper().find(number.upper())
        start = max(group.rfind(".", 0, max(at, 0)), group.rfind("\n", 0, max(at, 0))) + 1
        return at > 0 and _earlier_number(rules).search(group[start:at]) is not None
    if number or not last:
        return False
    said = re.compile(rf"(?<![\w'’-]){re.escape(last)}(?![\w'’-])", re.IGNORECASE)
    if _named_as_contact(group, said, rules) or _named_as_requester(group, said, rules):
        return True
    if len(said.findall(group)) != 1:
        return False
    return any(said.search(m.group(1)) for m in _writer_label(rules).finditer(group))


def asked_about_only(item: str, rules: Rules) -> bool:
    """Whether a paragraph only asks where an earlier request stands ("Just checking in on
    the request I sent for Officer Ann Roy (SH118). Could you let me know where that
    stands?"): the officers it names are asked about, nothing is asked of them."""
    from mailbot.intake.intent import is_enquiry

    return "?" in item and is_enquiry(item, rules)


_REQUESTER_REACH = 40
"""The most characters between a requester's name and the words that make him one."""


def _named_as_requester(group: str, said: re.Pattern[str], rules: Rules) -> bool:
    """True when each time ``group`` names the officer (``said``) it names him as the one
    for whom the mail is sent ("Chief Dennis Lambert asked me to send the following
    changes", "On behalf of Chief Hadley, please update ...")."""
    low = group.lower()
    words = rules.language.mentions
    spans = []
    for phrase in (p for p in words.requester_before if p in low):
        for m in re.finditer(re.escape(phrase), low):
            spans.append((max(0, m.start() - _REQUESTER_REACH), m.start()))
    for phrase in (p for p in words.requester_after if p in low):
        for m in re.finditer(re.escape(phrase), low):
            spans.append((m.end(), m.end() + _REQUESTER_REACH))
    found = list(said.finditer(group))
    return bool(found) and all(any(a <= m.start() < b for a, b in spans) for m in found)


def _named_as_contact(group: str, said: re.Pattern[str], rules: Rules) -> bool:
    """True when every sentence of ``group`` naming the officer (``said``) names him as
    the agency's contact and asks nothing by itself (or hands the role over from him)."""
    from mailbot.intake.change_actions import _action
    from mailbot.intake.intent import asks_for
    from mailbot.intake.prose import sentences
    from mailbot.intake.word_lists import has_any

    naming = [s for s in sentences(group) if said.search(s)]
    evidence = rules.language.evidence
    # "I've taken over as our PoC from Sgt. Roy, who moved to ...": the role handed over,
    # whatever is told of him, when nothing is asked
    return bool(naming) and all(
        has_any(s, evidence.contact_words)
        and (
            _action(_his_clauses(s, said, rules), rules, None) is None
            or (has_any(s, evidence.contact_handover) and not asks_for(s, rules))
        )
        for s in naming
    )


_CLAUSES = re.compile(r",[ \t]|;[ \t]|[ \t][-–—][ \t]")
_RANKED = re.compile(r"(?<![\w'’-])([A-Z][a-z]{1,11})(?=\.?[ \t]+[A-Z][a-z])")


def _his_clauses(sentence: str, said: re.Pattern[str], rules: Rules) -> str:
    """``sentence`` less its clauses that name another officer by rank and not him ("With
    Lt. Tuttle retiring, Sgt. Hollis Fairweather will be our contact": the retiring is
    Tuttle's, not his)."""
    from mailbot.intake.prose import rank_title

    def other(clause: str) -> bool:
        ranked = (m.group(1) for m in _RANKED.finditer(clause))
        return not said.search(clause) and any(rank_title(w, rules) for w in ranked)

    return ", ".join(c for c in _CLAUSES.split(sentence) if not other(c))


def told_apart(changes: list[Change], apart: dict[int, str], rules: Rules) -> list[Change]:
    """``changes`` with each change read only by the message's default action
    (``apart``: its words, by index) that gives the number of an officer a change asked
    elsewhere names without one, joined to that change: one change of the action asked,
    with the number and the values told apart ("I looked up the LEO numbers he didn't
    have: Mike Osgood is 2F6G1 and Tara's is 8S3D5" over a forwarded "Sgt. Mike Osgood
    is retiring, take him off"; "Name: ... / VT LEO number: ..." under the paragraph
    asking to move her record over to us)."""
    out = list(changes)
    gone: set[int] = set()
    for i, words in apart.items():
        told = out[i]
        if not told.officer_number:
            continue
        hits = [
            j
            for j, c in enumerate(out)
            if j not in apart
            and j not in gone
            and not c.officer_number
            and _same_officer(told, c, words, rules)
        ]
        if len(hits) != 1:
            continue
        have = out[hits[0]].model_dump(exclude_none=True)
        more = {k: v for k, v in told.model_dump(exclude_none=True).items() if k not in have}
        out[hits[0]] = Change.model_validate({**have, **more})
        gone.add(i)
    return [c for i, c in enumerate(out) if i not in gone]


def _same_officer(told: Change, asked: Change, words: str, rules: Rules) -> bool:
    """True when ``told`` (a number) is of the officer ``asked`` names: the same last
    name and a like first name, or, ``told`` naming nobody, a name of his written right
    before the number in ``words`` ("Tara's is 8S3D5")."""
    from mailbot.intake.names import short_form_of

    last = (getattr(asked, "last_name", None) or "").casefold()
    first = getattr(asked, "first_name", None) or ""
    told_last = (getattr(told, "last_name", None) or "").casefold()
    told_first = getattr(told, "first_name", None) or ""
    if told_last or told_first:
        if not last or told_last != last:
            return False
        return not (first and told_first) or (
            short_form_of(first, told_first, rules) or short_form_of(told_first, first, rules)
        )
    number = told.officer_number or ""
    at = words.upper().find(number.upper())
    if at < 0:
        return False
    lead = _CLAUSE_CUT.split(words[:at])[-1]
    said = {w.casefold() for w in _NAME_WORD.findall(lead)}
    return bool(said & ({last, first.casefold()} - {""}))


# where the words said of one number begin: a sentence, a clause or a list's "and"
_CLAUSE_CUT = re.compile(r"[.;:\n]|,[ \t]|[ \t](?i:and)[ \t]")
_NAME_WORD = re.compile(r"(?<![\w'’-])([A-Z][a-z'’-]+?)(?:['’]s)?(?![\w'’-])")
