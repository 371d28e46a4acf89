"""An officer's rank written before his name elsewhere in the message: a roster row that
leaves the title blank ("Desabrais, Tyler  11B03  tdesabrais") takes the rank the writer
gives the same person in his text or signature ("Sgt. Tyler Desabrais"), when every such
mention gives the same rank; the head's own row, the title he gives himself ("mike rand
here, elected constable" over "me: rand mike leo# W5R21 username mrand")."""

from __future__ import annotations

import re

from mailbot.intake.change_titles import rank_run
from mailbot.intake.head_of_department import is_head_title
from mailbot.intake.model import HeadOfDepartment, Officer
from mailbot.intake.prose import rank_title, split_name
from mailbot.intake.rules import Rules

_MAX_LINE = 300
_WORDS_BEFORE = 3  # "Det. Sgt.", "Senior Patrol Officer": ranks of up to three words


def titles_from_mentions(officers: list[Officer], texts: list[str], rules: Rules) -> list[Officer]:
    """``officers`` with a blank title filled from the one rank written right before the
    officer's first and last name in ``texts``; an officer mentioned with two different
    ranks, or never with one, keeps his blank title."""
    out = []
    for officer in officers:
        if officer.title is None and officer.first_name and officer.last_name:
            title = _one_rank(officer.first_name, officer.last_name, texts, rules)
            if title:
                officer = officer.model_copy(update={"title": title})
        out.append(officer)
    return out


def _one_rank(first: str, last: str, texts: list[str], rules: Rules) -> str | None:
    name = re.compile(rf"(?<![\w'’-]){re.escape(first)}\s+{re.escape(last)}(?![\w'’-])", re.I)
    seen: set[str] = set()
    for text in texts:
        for line in text.split("\n"):
            if len(line) > _MAX_LINE:
                continue
            for m in name.finditer(line):
                title = rank_run(line[: m.start()].split()[-_WORDS_BEFORE:], rules, ending=True)
                if title:
                    seen.add(title)
    return seen.pop() if len(seen) == 1 else None


def head_row_titled(
    officers: list[Officer], head: tuple[str | None, str | None], rules: Rules
) -> list[Officer]:
    """``officers`` with the head's own row (his first and last name, in either order),
    when it gives no title, given the rank of the title he gives himself ("Chief of
    Police" -> Chief, "Constable"); a title that is no rank ("Town Manager") gives none."""
    name, title = head
    first, last = split_name(name or "")
    if not first or not last:
        return officers
    own = {first.casefold(), last.casefold()}
    rows = [
        k
        for k, o in enumerate(officers)
        if {(o.first_name or "").casefold(), (o.last_name or "").casefold()} == own
    ]
    if len(rows) != 1:
        return officers
    rank = _rank_of_title(title or "", rules)
    if officers[rows[0]].title is not None or rank is None:
        return officers
    out = list(officers)
    out[rows[0]] = officers[rows[0]].model_copy(update={"title": rank})
    return out


def _rank_of_title(title: str, rules: Rules) -> str | None:
    """The officer title a head's title gives: its first word's rank ("Chief of Police"),
    else the title as written when it ends in a rank ("First Constable")."""
    words = title.split()
    if not words:
        return None
    return rank_title(words[0], rules) or (title if rank_title(words[-1], rules) else None)


def head_by_own_row(head: HeadOfDepartment, officers: list[Officer], rules: Rules) -> None:
    """The head known by his last name alone ("Chief Sanville," as the desk greets him)
    named and titled as his own row of the roster gives him ("Sanville, Greg, Sheriff"):
    the one row of that last name whose title heads an agency."""
    name = (head.name or "").strip()
    if not name or " " in name:
        return
    rows = [o for o in officers if (o.last_name or "").casefold() == name.casefold()]
    if len(rows) != 1 or not rows[0].first_name or not rows[0].title:
        return
    if is_head_title(rows[0].title, rules):
        head.name = f"{rows[0].first_name} {rows[0].last_name}"
        head.title = rows[0].title
