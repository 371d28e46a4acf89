"""Officer details of an answer laid over the case's roster: by officer number, then
full name, then a last name (or first name) only one officer has; and what the case
still asks for (:class:`Asked`).

Pure: mappings in, rows and notes out.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence

from mailbot.domain.values import Json, listed
from mailbot.intake.answer_details import _made_from
from mailbot.intake.model import Officer
from mailbot.intake.names import short_form_of
from mailbot.intake.officer_fields import OFFICER_IDENTITY
from mailbot.intake.roster_usernames import signs_as
from mailbot.intake.rules import Rules


@dataclasses.dataclass
class Asked:
    """What the case still needs, from its ``missing`` and ``invalid`` paths."""

    paths: set[str]
    officer_fields: dict[int, set[str]]

    @classmethod
    def of(cls, data: Mapping[str, Json]) -> Asked:
        """From a case's data (loaded as :class:`~mailbot.domain.case_data.CaseData`
        before: ``missing`` and ``invalid`` are lists)."""
        paths = {str(p) for p in listed(data, "missing")}
        paths |= {str(i.get("field")) for i in listed(data, "invalid") if isinstance(i, Mapping)}
        rows: dict[int, set[str]] = {}
        for path in paths:
            m = re.match(r"^officers\[(\d{1,6})\]\.(\w+)$", path)
            if m:
                rows.setdefault(int(m.group(1)), set()).add(m.group(2))
        return cls(paths, rows)

    def only_officer_gap(self, field: str) -> int | None:
        """The row index when exactly one officer lacks ``field`` (and nothing else of
        that kind is asked), else None."""
        found = [i for i, names in self.officer_fields.items() if field in names]
        return found[0] if len(found) == 1 else None


def _key(value: Json) -> str:
    return " ".join(str(value).split()).casefold() if value else ""


def match_row(
    row: Mapping[str, Json], roster: Sequence[Mapping[str, Json]], rules: Rules | None = None
) -> int | None:
    """The roster row an answer row is about: same officer number, else same full name,
    else the only officer with that last name (or, for a bare first name such as
    "Kyle", the only officer with that first name). With ``rules``, a short form of the
    first name ("Ray" for Raymond) is as good as the name. None when unsure."""
    number = _key(row.get("officer_number"))
    last, first = _key(row.get("last_name")), _key(row.get("first_name"))

    def same_first(r: Mapping[str, Json], name: str) -> bool:
        full = _key(r.get("first_name"))
        if full == name:
            return True
        return rules is not None and bool(full) and short_form_of(name, full.split()[0], rules)

    if number:
        hits = [i for i, r in enumerate(roster) if _key(r.get("officer_number")) == number]
        if len(hits) == 1:
            return hits[0]
    if last and first:
        hits = [
            i
            for i, r in enumerate(roster)
            if _key(r.get("last_name")) == last and _key(r.get("first_name")) == first
        ]
        if len(hits) == 1:
            return hits[0]
    if last:
        hits = [
            i
            for i, r in enumerate(roster)
            if _key(r.get("last_name")) == last
            and (not first or not _key(r.get("first_name")) or same_first(r, first))
        ]
        # the first names already agree (or one is a short form of the other: "Ray")
        if len(hits) == 1 and not _contradicts(row, roster[hits[0]], ("officer_number",)):
            return hits[0]
        kin = [i for i, r in enumerate(roster) if _key(r.get("last_name")) == last]
        if first and not hits and len(kin) == 1 and _signs_as(row, roster[kin[0]]):
            return kin[0]  # "Hutchins, Butch  rhutchins": the only Hutchins, his username
        if not first and not hits:
            # one name word: "Kyle's username is kbrennan" names him by first name
            hits = [i for i, r in enumerate(roster) if same_first(r, last)]
            if len(hits) == 1 and not _contradicts(row, roster[hits[0]], ("officer_number",)):
                return hits[0]
    elif first:
        # a first name alone, read as one ("Kyle" with the username "kbrennan")
        hits = [i for i, r in enumerate(roster) if same_first(r, first)]
        if len(hits) == 1 and not _contradicts(row, roster[hits[0]], ("officer_number",)):
            return hits[0]
    return None


def _signs_as(row: Mapping[str, Json], old: Mapping[str, Json]) -> bool:
    """True when the row's username is the roster officer's (:func:`signs_as`) and its
    number, if any, his too."""
    user = row.get("dps_username")
    officer = Officer(
        last_name=str(old.get("last_name") or ""), first_name=str(old.get("first_name") or "")
    )
    return (
        isinstance(user, str)
        and signs_as(user, officer)
        and not _contradicts(row, old, ("officer_number",))
    )


def _contradicts(
    row: Mapping[str, Json],
    old: Mapping[str, Json],
    fields: tuple[str, ...] = ("officer_number", "first_name"),
) -> bool:
    return any(_key(row.get(f)) and _key(old.get(f)) and _key(row.get(f)) != _key(old.get(f))
               for f in fields)  # fmt: skip


def place_officers(
    found: Sequence[Officer],
    roster: Sequence[Mapping[str, Json]],
    asked: Asked,
    bare_user: str | None = None,
    bare_number: str | None = None,
    rules: Rules | None = None,
) -> tuple[list[dict[str, Json]], list[str]]:
    """Answer rows laid over the roster: a list as long as the roster (``{}`` where the
    answer says nothing about an officer), then officers new to it. Each placed row
    carries the roster row's identity (number, names) so the merge finds it.

    Returns (rows, notes); a note says what could not be placed."""
    rows: list[dict[str, Json]] = [{} for _ in roster]
    extra: list[dict[str, Json]] = []
    notes: list[str] = []
    for officer in found:
        data: dict[str, Json] = {k: v for k, v in officer.model_dump().items() if v}
        at = match_row(data, roster, rules)
        if at is None and set(data) <= {"dps_username", "title", "officer_number"}:
            field = next(iter(set(data) & {"dps_username", "officer_number"}), None)
            at = asked.only_officer_gap(field) if field else None
        if at is None:
            if data.get("last_name") and (data.get("officer_number") or data.get("first_name")):
                extra.append(data)
            else:
                notes.append(
                    "an officer detail in the answer matched no officer of the request: "
                    + ", ".join(f"{k} {v}" for k, v in data.items() if k != "dps_username")
                )
            continue
        identity = {k: roster[at].get(k) for k in OFFICER_IDENTITY if roster[at].get(k)}
        # The roster's spelling identifies the row; the answer's values fill it in.
        fill = {k: v for k, v in data.items() if k not in identity or not _key(roster[at].get(k))}
        if data.get("officer_number") and _key(data["officer_number"]) != _key(
            identity.get("officer_number")
        ):
            fill["officer_number"] = data["officer_number"]
            identity.pop("officer_number", None)
        rows[at] = {**rows[at], **identity, **fill}
    for field, value in (("dps_username", bare_user), ("officer_number", bare_number)):
        if value is None:
            continue
        at = asked.only_officer_gap(field)
        if at is None or at >= len(rows) or rows[at].get(field):
            continue
        named = Officer.model_validate(
            {"last_name": roster[at].get("last_name"), "first_name": roster[at].get("first_name")}
        )
        if (
            field == "dps_username"
            and (named.last_name or named.first_name)
            and not _made_from(named, value)
        ):
            continue  # "thanks" or "yes" on a line of its own is not jdoe's username
        identity = {k: roster[at].get(k) for k in OFFICER_IDENTITY if roster[at].get(k)}
        rows[at] = {**identity, **rows[at], field: value}
    return rows + extra, notes
