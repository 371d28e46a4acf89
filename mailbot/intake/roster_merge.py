"""Which officer of one roster is which of another, and two rosters made one: the same
officer number, the same full name, one name word only one officer has, or a short form
of his first name ("Ray Hutchins" for Raymond Hutchins); the roster of a request
completed or sent again (:mod:`mailbot.intake.own_resend`) keeps the earlier rows and
takes what the new text gives them.

Pure functions over :class:`~mailbot.intake.model.Officer` rows.
"""

from __future__ import annotations

from mailbot.intake.model import Officer
from mailbot.intake.names import short_form_of
from mailbot.intake.roster_usernames import signs_as
from mailbot.intake.rules import Rules


def merge_officers(
    now: list[Officer], before: list[Officer], rules: Rules | None = None
) -> list[Officer]:
    """The roster of a request completed or sent again. A new list that holds every
    earlier officer replaces the earlier one; otherwise the earlier roster stays, its
    officers completed by what the new text gives them ("Brisson's username is
    cbrisson"), and officers new to it are added at its end. With ``rules``, an officer
    written by a short form of his first name ("Hutchins, Ray" for Raymond) is the same."""
    pairs = [(o, same_officer(o, before, rules)) for o in now]
    if before and all(any(m is b for _, m in pairs) for b in before):
        out = []
        for officer, match in pairs:
            out.append(_completed(officer, match, rules) if match is not None else officer)
        return out
    out = []
    for earlier in before:
        news = [o for o, m in pairs if m is earlier]
        out.append(_completed(news[0], earlier, rules) if news else earlier)
    out += [o for o, m in pairs if m is None]
    return out


def _completed(officer: Officer, earlier: Officer, rules: Rules | None = None) -> Officer:
    """``officer`` as written now, what it lacks taken from ``earlier``. A row written
    with one name word ("Eli's number is ...") or by a short form of the first name
    ("Ray" for Raymond), or found by his username ("Hutchins, Butch  rhutchins"), keeps
    the earlier row's name."""
    values = earlier.model_dump()
    partial = (
        not (officer.first_name and officer.last_name)
        or _nickname_of(officer, earlier, rules)
        or (
            rules is not None
            and not officer.officer_number
            and signs_as(officer.dps_username, earlier)
        )
    )
    for key, value in officer.model_dump().items():
        if value is not None and not (partial and key in ("first_name", "last_name")):
            values[key] = value
    return Officer(**values)


def same_officer(
    officer: Officer, others: list[Officer], rules: Rules | None = None
) -> Officer | None:
    """The officer of ``others`` that ``officer`` is: the same officer number, the same
    full name, or (for a row with one name word) the only one with that name word. With
    ``rules``, a first name that is a short form of one officer's ("Ray Hutchins" for
    Raymond Hutchins, "Ray" alone) is as good."""
    number = (officer.officer_number or "").upper()
    for other in others:
        if number and (other.officer_number or "").upper() == number:
            return other
    first, last = (officer.first_name or "").lower(), (officer.last_name or "").lower()
    if first and last:
        for other in others:
            if ((other.first_name or "").lower(), (other.last_name or "").lower()) == (first, last):
                return other
        nicknamed = [o for o in others if _nickname_of(officer, o, rules)]
        kin = [o for o in others if (o.last_name or "").lower() == last]
        if rules is not None and not nicknamed and not number and len(kin) == 1:
            # "Hutchins, Butch  rhutchins": the only Hutchins, and his username
            return kin[0] if signs_as(officer.dps_username, kin[0]) else None
        return nicknamed[0] if len(nicknamed) == 1 else None
    word = first or last
    if not word:
        return None
    hits = [
        o for o in others if word in ((o.first_name or "").lower(), (o.last_name or "").lower())
    ]
    if not hits and rules is not None:  # "Ray's username is rhutchins"
        hits = [o for o in others if o.first_name and short_form_of(word, o.first_name, rules)]
    return hits[0] if len(hits) == 1 else None


def _nickname_of(officer: Officer, other: Officer, rules: Rules | None) -> bool:
    """True when ``officer`` is ``other`` written with a short form of his first name
    ("Ray Hutchins" for Raymond Hutchins)."""
    first, full = officer.first_name or "", other.first_name or ""
    return (
        rules is not None
        and bool(first and full and officer.last_name)
        and (officer.last_name or "").lower() == (other.last_name or "").lower()
        and first.lower() != full.lower()
        and short_form_of(first, full.split()[0], rules)
    )
