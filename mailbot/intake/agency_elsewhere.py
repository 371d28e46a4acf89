"""The writer's own agency where neither his text nor his signature names it in words:
his sign-off's initials ("Sgt. Dale Whitcomb / RCSD") as the message spells them out
("... to Rutland County Sheriff's Department"), or the one agency the desk's own quoted
message wrote of ("The following changes are complete for Enosburg Police Department"):
the desk wrote to him, of his agency.

Pure functions over one message; the words come from ``rules/language.toml``.
"""

from __future__ import annotations

import re

from mailbot.intake.agency_name import _written
from mailbot.intake.own_thread import is_desk, thread
from mailbot.intake.parts import MessageParts
from mailbot.intake.rules import Rules
from mailbot.intake.word_lists import has_any

_INITIALS_LINE = re.compile(r"[ \t]*([A-Z]{3,6})[ \t]*")
"""A sign-off line of initials alone ("RCSD", "BPD")."""


def own_agency_elsewhere(signature: str, parts: MessageParts, rules: Rules) -> str | None:
    """The writer's agency by his signed initials, else by the desk's quoted message;
    None when neither names one agency alone."""
    return signed_initials(signature, parts, rules) or desk_wrote_of(parts, rules)


def signed_initials(signature: str, parts: MessageParts, rules: Rules) -> str | None:
    """The agency's name the message writes whose capitals are, each word's in order,
    the initials the writer signs with on a line of their own; None when no name, or more
    than one, spells them out."""
    signed = {m.group(1) for m in map(_INITIALS_LINE.fullmatch, signature.split("\n")) if m}
    if not signed:
        return None
    found = {
        name
        for name in _written(f"{parts.text}\n{parts.full_text}", rules)
        if "".join(w[0] for w in name.split() if w[0].isupper()) in signed
    }
    return found.pop() if len(found) == 1 else None


def desk_wrote_of(parts: MessageParts, rules: Rules) -> str | None:
    """The one agency the desk's latest quoted message names (its notice of work done
    for the writer's agency); None when it names none or several, or tells of an
    officer moving between agencies."""
    words = rules.language.intent
    for quoted in thread(parts):
        if not is_desk(quoted.author):
            continue
        own = quoted.text.replace(quoted.under, "") if quoted.under else quoted.text
        if has_any(own, words.transfer + words.moves_record):
            return None
        desk = [d.casefold() for d in rules.language.people.desk_names]
        names = {
            n.casefold(): n
            for n in _written(own, rules)
            if not any(n.casefold().endswith(d) for d in desk)
        }
        return next(iter(names.values())) if len(names) == 1 else None
    return None
