"""Reading accuracy of one parse against its expected JSON, as PARSE-CONTRACT.md scores it.

Pure functions over two ``mailbot parse --json`` dicts (``actual`` and ``expected``);
used by ``bench/accuracy.py`` and by the tests of the blind corpus.

- Field accuracy over every expected scalar, normalised: case-folded, whitespace
  folded and a typographic apostrophe read as the plain one (O’Brien is O'Brien: the
  reader keeps one spelling, and writers expect either); phone on its last 10 digits;
  an address is right when the expected ZIP, house number and city all appear in it;
  titles through an abbreviation map; a DPS username without a ``DOMAIN\\`` prefix or
  ``@domain`` suffix; a first name by its first token. Expected ``null`` is a value
  too: something read where nothing was given is wrong.
- Officers are matched by officer number, else by last name (an expected row that has
  neither, such as "Kyle's username is kbrennan", by first name); an expected row with no
  match counts all its fields wrong, a row read but not expected counts one wrong.
- Roster changes are matched by action and officer number; every expected key is a field.
- ``missing`` and ``invalid`` are compared as sets of paths (enrolments only; an
  expected ``"missing": null`` is not scored), with officer indexes mapped through
  the officer matching.
- "Needless asks": paths in ``missing`` that the email gave.
- ``optional`` paths (and everything under them) are not scored.
- the value at a path the expected ``invalid`` names is not scored (null or the value as
  written are both right); the ``invalid`` list itself is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from mailbot.intake.officer_fields import OFFICER_FIELDS

TITLES = {
    "sgt": "sergeant",
    "cpl": "corporal",
    "lt": "lieutenant",
    "lieut": "lieutenant",
    "capt": "captain",
    "cpt": "captain",
    "det": "detective",
    "ofc": "officer",
    "off": "officer",
    "ptl": "patrolman",
    "tpr": "trooper",
    "dep": "deputy",
    "dept": "deputy",
    "sr": "senior",
    "pfc": "private first class",
    "col": "colonel",
    "maj": "major",
    "insp": "inspector",
    "cst": "constable",
    "const": "constable",
    "chf": "chief",
    "asst": "assistant",
    "dpty": "deputy",
    "spec": "specialist",
    "invest": "investigator",
    "patrol officer": "officer",
    # the same head-of-department title written out
    "chief of police": "chief",
    "police chief": "chief",
    "county sheriff": "sheriff",
}
_SCALARS = {
    "agency": ("name", "judiciary_code", "address", "phone", "logo"),
    "point_of_contact": ("name", "email"),
    "head_of_department": ("name", "title"),
}
_INDEX = re.compile(r"^officers\[(\d+)\](.*)$")
_ZIP = re.compile(r"\b(\d{5})(?:-\d{4})?\b")
_HOUSE = re.compile(r"^\s*(\d+[A-Za-z]?)\b")
_CITY = re.compile(r"([A-Za-z][A-Za-z .'-]*?)\s*,?\s*(?:VT|Vermont|[A-Z]{2})\.?,?\s+\d{5}")


_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def fold(value: object) -> str:
    return " ".join(str(value).translate(_APOSTROPHES).casefold().split())


_PHRASES = sorted((k for k in TITLES if " " in k), key=len, reverse=True)


def _title(value: str) -> str:
    """A title through the abbreviation map, word by word, then its written-out phrases
    wherever they stand: "Interim Chief of Police" is "interim chief"."""
    words = [w.strip(".,") for w in fold(value).split()]
    out = f" {' '.join(TITLES.get(w, w) for w in words if w)} "
    for phrase in _PHRASES:
        out = out.replace(f" {phrase} ", f" {TITLES[phrase]} ")
    return out.strip()


def _username(value: str) -> str:
    v = fold(value)
    if "\\" in v:
        v = v.rsplit("\\", 1)[1]
    return v.split("@", 1)[0].strip()


_EXTENSION = re.compile(r"(?i)\s*(?:ext(?:ension)?\.?|x)\s*\d+\s*$")


def _digits(value: str) -> str:
    """The number's last 10 digits; an extension ("ext. 214", "x214") is not part of it."""
    return re.sub(r"\D", "", _EXTENSION.sub("", value))[-10:]


def address_parts(expected: str) -> list[str]:
    """The ZIP, house number and city an address read must contain."""
    parts = []
    m = _ZIP.search(expected)
    if m:
        parts.append(m.group(1))
    m = _HOUSE.match(expected)
    if m:
        parts.append(m.group(1).casefold())
    m = _CITY.search(expected)
    if m:
        city = m.group(1).split(",")[-1].strip()
        if city:
            parts.append(fold(city))
    return parts or [fold(expected)]


def same(path: str, want: object, got: object) -> bool:
    """True when ``got`` is ``want`` under the contract's normalisation for ``path``."""
    if want is None or got is None or isinstance(want, bool) or isinstance(got, bool):
        return want == got
    w, g = str(want), str(got)
    leaf = path.rsplit(".", 1)[-1]
    if leaf == "phone":
        return _digits(w) == _digits(g)
    if leaf == "address" and path.startswith("agency"):
        gf = fold(g)
        return all(p in gf for p in address_parts(w))
    if leaf == "title":
        return _title(w) == _title(g)
    if leaf == "dps_username":
        return _username(w) == _username(g)
    if leaf == "first_name":
        wf, gf = fold(w).split(), fold(g).split()
        return bool(wf) and bool(gf) and wf[0].strip(".") == gf[0].strip(".")
    return fold(w) == fold(g)


def _optional(path: str, optional: list[str]) -> bool:
    return any(path == o or path.startswith((o + ".", o + "[")) for o in optional)


@dataclass
class Score:
    """What one message scored."""

    fields: int = 0
    right: int = 0
    wrong: list[str] = field(default_factory=list)
    intent_ok: bool = True
    missing_extra: list[str] = field(default_factory=list)
    missing_lacking: list[str] = field(default_factory=list)
    invalid_extra: list[str] = field(default_factory=list)
    invalid_lacking: list[str] = field(default_factory=list)
    needless: list[str] = field(default_factory=list)
    set_scored: bool = False
    missing_tp: int = 0
    invalid_tp: int = 0

    @property
    def perfect(self) -> bool:
        return (
            self.intent_ok
            and not self.wrong
            and not self.missing_extra
            and not self.missing_lacking
            and not self.invalid_extra
            and not self.invalid_lacking
        )

    def check(self, path: str, want: object, got: object, optional: list[str]) -> None:
        if _optional(path, optional):
            return
        self.fields += 1
        if same(path, want, got):
            self.right += 1
        else:
            self.wrong.append(f"{path}: expected {want!r}, read {got!r}")


def match_officers(expected: list[dict[str, Any]], actual: list[dict[str, Any]]) -> dict[int, int]:
    """Actual row index -> expected row index, by officer number, else by last name, else
    (for an expected row with neither) by first name."""
    pairs: dict[int, int] = {}
    used: set[int] = set()

    def key(o: dict[str, Any], name: str) -> str:
        v = o.get(name)
        return fold(v) if v else ""

    for how in ("officer_number", "last_name", "first_name"):
        for j, want in enumerate(expected):
            if j in used or not key(want, how):
                continue
            if how == "first_name" and (key(want, "officer_number") or key(want, "last_name")):
                continue
            for i, got in enumerate(actual):
                if i in pairs:
                    continue
                if key(got, how) == key(want, how):
                    pairs[i] = j
                    used.add(j)
                    break
    return pairs


def _remap(path: str, pairs: dict[int, int]) -> str:
    m = _INDEX.match(path)
    if not m:
        return path
    i = int(m.group(1))
    return f"officers[{pairs[i]}]{m.group(2)}" if i in pairs else f"officers[extra{i}]{m.group(2)}"


def _given(path: str, expected: dict[str, Any]) -> bool:
    """True when the expected JSON holds a value at ``path`` (the email gave it)."""
    if path == "officers":
        return bool(expected.get("officers"))
    m = _INDEX.match(path)
    if m:
        if m.group(1).startswith("extra"):
            return False
        rows = expected.get("officers") or []
        i = int(m.group(1))
        leaf = m.group(2).lstrip(".")
        return i < len(rows) and rows[i].get(leaf) is not None
    section, _, leaf = path.partition(".")
    return (expected.get(section) or {}).get(leaf) is not None


def score(actual: dict[str, Any], expected: dict[str, Any]) -> Score:
    """Score one parse (``actual``) against its expected JSON."""
    s = Score()
    optional: list[str] = list(expected.get("optional") or [])
    # A value the sender gave in the wrong format is scored by the "invalid" list; it
    # may be read as null or as written (the contract allows both).
    values_optional = optional + [i["field"] for i in expected.get("invalid") or []]
    s.intent_ok = actual.get("intent") == expected.get("intent")
    for key in ("sender", "automated"):
        if key in expected:
            s.check(key, expected[key], actual.get(key), optional)
    for section, leaves in _SCALARS.items():
        want_sec = expected.get(section) or {}
        got_sec = actual.get(section) or {}
        for leaf in leaves:
            if leaf in want_sec:
                path = f"{section}.{leaf}"
                s.check(path, want_sec[leaf], got_sec.get(leaf), values_optional)

    want_rows: list[dict[str, Any]] = list(expected.get("officers") or [])
    got_rows: list[dict[str, Any]] = list(actual.get("officers") or [])
    pairs = match_officers(want_rows, got_rows)
    back = {j: i for i, j in pairs.items()}
    for j, want in enumerate(want_rows):
        got = got_rows[back[j]] if j in back else {}
        for leaf in OFFICER_FIELDS:
            if leaf in want:
                path = f"officers[{j}].{leaf}"
                s.check(path, want[leaf], got.get(leaf), values_optional)
    if not _optional("officers", optional):
        for i, _row in enumerate(got_rows):
            if i not in pairs:
                s.fields += 1
                s.wrong.append(f"officers: extra row read {got_rows[i]!r}")

    _score_changes(s, expected.get("changes") or [], actual.get("changes") or [], optional)

    if expected.get("intent") == "enrollment" and expected.get("missing") is not None:
        s.set_scored = True
        got_missing = {_remap(p, pairs) for p in actual.get("missing") or []}
        want_missing = set(expected.get("missing") or [])
        got_missing = {p for p in got_missing if not _optional(p, optional)}
        want_missing = {p for p in want_missing if not _optional(p, optional)}
        s.missing_extra = sorted(got_missing - want_missing)
        s.missing_lacking = sorted(want_missing - got_missing)
        s.missing_tp = len(got_missing & want_missing)
        want_invalid_paths = {i["field"] for i in expected.get("invalid") or []}
        s.needless = sorted(
            p for p in s.missing_extra if _given(p, expected) or p in want_invalid_paths
        )
        if expected.get("invalid") is not None:
            got_inv = {_remap(i["field"], pairs) for i in actual.get("invalid") or []}
            got_inv = {p for p in got_inv if not _optional(p, optional)}
            want_inv = {p for p in want_invalid_paths if not _optional(p, optional)}
            s.invalid_extra = sorted(got_inv - want_inv)
            s.invalid_lacking = sorted(want_inv - got_inv)
            s.invalid_tp = len(got_inv & want_inv)
    elif expected.get("intent") == "enrollment":
        # "missing": null: not scored, but asking for a value the email gave still counts
        for p in actual.get("missing") or []:
            q = _remap(p, pairs)
            if not _optional(q, optional) and _given(q, expected):
                s.needless.append(q)
    return s


def _score_changes(
    s: Score, want: list[dict[str, Any]], got: list[dict[str, Any]], optional: list[str]
) -> None:
    if _optional("changes", optional):
        return
    used: set[int] = set()
    for j, w in enumerate(want):
        hit = None
        for i, g in enumerate(got):
            if i in used or g.get("action") != w.get("action"):
                continue
            if fold(g.get("officer_number") or "") == fold(w.get("officer_number") or ""):
                hit = i
                break
        if hit is not None:
            used.add(hit)
        g = got[hit] if hit is not None else {}
        for key, value in w.items():
            s.check(f"changes[{j}].{key}", value, g.get(key), optional)
    for i, g in enumerate(got):
        if i not in used:
            s.fields += 1
            s.wrong.append(f"changes: extra change read {g!r}")


@dataclass
class Totals:
    """Scores summed over a directory."""

    messages: int = 0
    parsed: int = 0
    perfect: int = 0
    fields: int = 0
    right: int = 0
    intent_ok: int = 0
    needless_messages: int = 0
    needless_paths: list[str] = field(default_factory=list)
    missing_tp: int = 0
    missing_got: int = 0
    missing_want: int = 0
    invalid_tp: int = 0
    invalid_got: int = 0
    invalid_want: int = 0

    def add(self, name: str, s: Score | None) -> None:
        self.messages += 1
        if s is None:  # the parse raised
            return
        self.parsed += 1
        self.perfect += s.perfect
        self.fields += s.fields
        self.right += s.right
        self.intent_ok += s.intent_ok
        if s.needless:
            self.needless_messages += 1
            self.needless_paths.extend(f"{name}: {p}" for p in s.needless)
        if s.set_scored:
            self.missing_tp += s.missing_tp
            self.missing_got += s.missing_tp + len(s.missing_extra)
            self.missing_want += s.missing_tp + len(s.missing_lacking)
            self.invalid_tp += s.invalid_tp
            self.invalid_got += s.invalid_tp + len(s.invalid_extra)
            self.invalid_want += s.invalid_tp + len(s.invalid_lacking)

    @property
    def accuracy(self) -> float:
        return self.right / self.fields if self.fields else 1.0


def ratio(a: int, b: int) -> float:
    return a / b if b else 1.0
