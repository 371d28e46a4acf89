"""A new DPS username told without the word before it: "Dana Reyes, R0412: was dreyes,
now dana.reyes" under "our usernames changed", or "her username got entered as "dryes".
It should be dana.reyes" (the value in the next sentence).

A careful reader takes such a value for a username only when it has a login's shape (one
lower-case token) and is made from the officer's own name (a login is: "dana.reyes",
"dreyes2"), so a title or a word ("was part-time, now full-time") is never one.
"""

from __future__ import annotations

import re
import unicodedata

from mailbot.intake.model import Change, Officer
from mailbot.intake.rules import Rules

_LOGIN = r"[\"“']?((?:[A-Za-z]{2,15}\\)?[a-z][a-z0-9._-]{1,29}[a-z0-9])[\"”']?"

# "was dreyes, now dana.reyes", "from dreyes to dana.reyes", "dreyes -> dana.reyes"
_OLD_NEW = re.compile(
    rf"(?:(?i:was)\s+{_LOGIN}\s*[,;]?\s*(?i:now|is\s+now|will\s+be)"
    rf"|(?i:from)\s+{_LOGIN}\s+(?i:to)"
    rf"|{_LOGIN}\s*(?:->|→|=>))\s*{_LOGIN}(?![\w@.-]|\.\w)"
)

# "It should be dana.reyes", "is actually dreyes2": the corrected value, its subject
# said in the sentence before ("her username got entered as "dryes".")
_SHOULD_BE = re.compile(
    rf"(?i:should\s+(?:be|read|have\s+been)|is\s+(?:actually|really))\s*:?\s*{_LOGIN}"
    r"(?![\w@-]|\.\w)"
)
_USER_WORD = re.compile(r"(?i:user\s*name|user\s*id|login|log-in|logon|dps\s+account)")


def login_letters(text: str) -> str:
    """The letters of ``text`` in lower case, accents dropped ("Échevarría" is made into
    the login "techevarria")."""
    bare = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in bare if c.isalpha() and not unicodedata.combining(c))


def _of_officer(login: str, officer: Officer) -> bool:
    """True when ``login`` is made from the officer's last name."""
    login = login_letters(login.rpartition("\\")[2])
    last = login_letters(officer.last_name or "")
    if len(last) >= 3 and last in login:
        return True
    # "Kittredge-Vance" keeps the login "skittredge": one part of a double last name
    parts = [login_letters(p) for p in re.split(r"[-\s]+", officer.last_name or "")]
    return len(parts) > 1 and any(len(p) >= 4 and p in login for p in parts)


def new_login(text: str, officer: Officer) -> str | None:
    """The new username ``text`` gives ``officer`` in a form no username word opens, or
    None."""
    for m in _OLD_NEW.finditer(text):
        new = m.group(4)
        if _of_officer(new, officer) and new != (m.group(1) or m.group(2) or m.group(3)):
            return new.rpartition("\\")[2]
    if _USER_WORD.search(text):
        for m in _SHOULD_BE.finditer(text):
            if _of_officer(m.group(1), officer):
                return m.group(1).rpartition("\\")[2]
    return None


_NEAR_WORD = 60
"""How far after a username word its value is looked for."""
_TOKEN = re.compile(
    r"(?<![\w@.-])((?:[A-Za-z]{2,15}\\)?[a-z][a-z0-9._-]{1,29}[a-z0-9])(?![\w@-]|\.\w)"
)


def login_beside(text: str, officer: Officer) -> str | None:
    """The username written shortly after a username word and made from the officer's
    name, whatever the words between ("her DPS username is unchanged (amarsh)", "DPS
    username (amarsh) doesn't change", "username stays amarsh"), or None."""
    for m in _USER_WORD.finditer(text):
        for t in _TOKEN.finditer(text, m.end(), m.end() + _NEAR_WORD):
            if _of_officer(t.group(1), officer):
                return t.group(1).rpartition("\\")[2]
    return None


def login_after_number(text: str, officer: Officer) -> str | None:
    """The login written bare right after the officer's number and made from his name
    ("Ofc Dylan Marsh 4417B dmarsh to Bristol PD", "4417B, dmarsh"), or None."""
    number = officer.officer_number or ""
    at = text.find(number) if number else -1
    if at < 0:
        return None
    m = _AFTER_NUMBER.match(text, at + len(number))
    if m is None or not _of_officer(m.group(1), officer):
        return None
    return m.group(1)


_AFTER_NUMBER = re.compile(
    r"(?!\w)(?:[ \t]*[,;/][ \t]*|[ \t]+)([a-z][a-z0-9._-]{1,29}[a-z0-9])(?![\w@-]|\.\w)"
)


# "My DPS domain username is actually ...", "the username for me was sent as ..."
_MY_LOGIN = re.compile(
    r"\b(?i:my)[ \t]+(?:(?i:dps|domain|tracs|e-?ticket)[ \t]+){0,3}(?i:user\s*name|login|user\s*id)"
    r"|(?i:user\s*name|login|user\s*id)[ \t]+(?i:for|of)[ \t]+(?i:me)\b"
)
_SIGNED_LINES = 8
"""How many last lines of the message are looked at for the writer's own line."""


def writers_own_login(body: str, signature: str, writer: str | None, rules: Rules) -> list[Change]:
    """An officer who writes of his own username ("My DPS domain username is actually
    lmarchetti2") and signs with his name and officer number ("Officer Lisa Marchetti, LEO
    M4410"): the update of his own record. Empty when he gives no number of his own or the
    message names no new username."""
    from mailbot.intake.change_officer import officer_named
    from mailbot.intake.change_values import change_of

    words = [w.lower() for w in re.findall(r"[A-Za-z'’-]{2,}", writer or "")]
    if len(words) < 2 or not _MY_LOGIN.search(body):
        return []
    lines = [ln for ln in f"{body}\n{signature}".split("\n") if ln.strip()][-_SIGNED_LINES:]
    for line in lines:
        officer = officer_named(line, rules)
        if officer is None or not officer.officer_number or not officer.last_name:
            continue
        named = {officer.last_name.lower(), (officer.first_name or "").lower()}
        if not named <= set(words):
            continue
        text = body[: body.find(line)] if line in body else body
        change = change_of(officer, "update", text, rules)
        if getattr(change, "dps_username", None):
            return [change]
    return []
