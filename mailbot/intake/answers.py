"""Reading an answer to one of our replies, against what the case asked for.

A chief answers the checklist in his own words: a sentence ("Officer Okafor's DPS
username is sokafor."), the officer line the checklist suggests but without its
header row ("Okafor | Samuel | Officer | HA117 | sokafor"), "Hale - jhale", or just
"sokafor" when one username was asked for. And his mail client quotes our checklist
in a style we may not recognise.

So, before anything is read, every line of the answer that repeats what we sent on
the case (the outbox) is turned into a quoted line, whatever the quoting style: our
example row "Brown | Kevin | Officer | HA022 | kbrown" can never become an officer.
Then the usual quote and signature cutting runs, the fields are read as in any
message, and the officer details found are placed on the case's roster: by officer
number, then full name, then a last name (or first name) only one officer has.

Pure: strings and mappings in, a request in the ``mailbot parse --json`` shape out.
Every step here is linear in the size of the text (sets of word n-grams, bounded
lines); the fields themselves are read by :func:`mailbot.intake.parse.parse_parts`.
"""

from __future__ import annotations

import dataclasses
import email
import re
from collections.abc import Iterable, Mapping, Sequence
from email.policy import compat32

from mailbot.domain.values import Json, listed
from mailbot.intake import prose
from mailbot.intake.answer_agency import agency_values
from mailbot.intake.answer_details import (
    _BULLET,
    _QUOTE_PREFIX,
    MAX_LINE,
    _bare_value,
    reply_officers,
)
from mailbot.intake.answer_placing import Asked, place_officers
from mailbot.intake.classify import LOOP_HEADER
from mailbot.intake.limits import Limits
from mailbot.intake.model import as_json
from mailbot.intake.parts import MessageParts
from mailbot.intake.rules import Rules

SHINGLE = 4
"""Words per n-gram when matching a line against what we sent."""

_TOKEN_EDGE = re.compile(r"^\W+|\W+$")


# --- what we sent ---------------------------------------------------------------------


def sent_texts(raw: bytes) -> list[str]:
    """The readable text of one email we sent: its plain part and its HTML as text."""
    from mailbot.intake.html import html_to_text
    from mailbot.intake.message import decode_bytes

    try:
        msg = email.message_from_bytes(raw, policy=compat32)
    except Exception:
        return []
    out: list[str] = []
    for part in msg.walk():
        ctype = part.get_content_type()
        if ctype not in ("text/plain", "text/html"):
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        charset = part.get_content_charset()
        text = decode_bytes(payload, charset)
        out.append(html_to_text(text) if ctype == "text/html" else text)
    return out


def _words(line: str) -> tuple[str, ...]:
    line = _QUOTE_PREFIX.sub("", line)
    line = _BULLET.sub("", line)
    words = (_TOKEN_EDGE.sub("", w) for w in line.casefold().split())
    return tuple(w for w in words if w)


@dataclasses.dataclass(frozen=True)
class Sent:
    """What we sent on a case, indexed for recognising it in an answer."""

    grams: frozenset[tuple[str, ...]]
    """Every run of 1 to :data:`SHINGLE` consecutive words of what we sent."""

    @classmethod
    def of(cls, texts: Iterable[str]) -> Sent:
        grams: set[tuple[str, ...]] = set()
        for text in texts:
            stream: list[str] = []
            for line in text.replace("\r\n", "\n").split("\n"):
                stream.extend(_words(line))
            for n in range(1, SHINGLE + 1):
                for i in range(len(stream) - n + 1):
                    grams.add(tuple(stream[i : i + n]))
        return cls(frozenset(grams))

    def covers(self, words: tuple[str, ...]) -> bool:
        """True when ``words`` is a stretch of what we sent (any line wrapping)."""
        if len(words) < SHINGLE:
            return words in self.grams
        return all(words[i : i + SHINGLE] in self.grams for i in range(len(words) - SHINGLE + 1))


def mark_sent(text: str, sent: Sent) -> str:
    """``text`` with every line that repeats what we sent turned into a quoted line (">").

    A line counts when it is a stretch of our text of at least :data:`SHINGLE` words
    (the sender's client may re-wrap it), or a shorter stretch right after such a line
    or behind a quote mark (a short line of ours, the tail of a re-wrapped line). Quote
    prefixes, bullets, punctuation, spacing and letter case do not matter. Lines of the
    sender's own (a filled-in officer line, an answer typed between our lines, his own
    "Thank you,") are left as they are.
    """
    if not sent.grams:
        return text
    out: list[str] = []
    previous = False  # the last non-blank line was ours
    for line in text.split("\n"):
        words = _words(line[:MAX_LINE]) if len(line) <= MAX_LINE else ()
        if not words:
            out.append(line)
            if line.strip() and not _QUOTE_PREFIX.match(line):
                previous = False
            continue
        if len(words) >= SHINGLE:
            ours = sent.covers(words)
        else:
            # "Thank you," or "Hello," is ours only inside our text or behind a quote mark:
            # the sender's own sign-off must still cut his signature
            ours = (previous or _QUOTE_PREFIX.match(line) is not None) and sent.covers(words)

        out.append(">" if ours else line)
        previous = ours
    return "\n".join(out)


# --- reading the answer ---------------------------------------------------------------


def without_sent(parts: MessageParts, sent: Sent) -> MessageParts:
    """``parts`` whose text is the answer alone: what repeats our text is marked as
    quoted (:func:`mark_sent`), then every quote is cut."""
    from mailbot.intake.quoting import split_message

    marked = mark_sent(parts.full_text or parts.text, sent)
    text = split_message(marked, parts.subject).text.strip("\n")
    return dataclasses.replace(parts, text=text, quotes_cut=True)


def read_answer(
    parts: MessageParts,
    sent: Sent,
    case_data: Mapping[str, Json],
    rules: Rules,
    limits: Limits | None = None,
    loop_header: str = LOOP_HEADER,
) -> tuple[dict[str, Json], list[str]]:
    """What an answer to our reply adds to its case: a request in the ``mailbot parse
    --json`` shape (officers laid over the case's roster, see :func:`place_officers`)
    and notes for staff. ``sent`` is what we sent on the case (:meth:`Sent.of`)."""
    from mailbot.intake.officer_reading import read_officers
    from mailbot.intake.parse import parse_parts

    limits = limits or Limits()
    asked = Asked.of(case_data)
    cleaned = without_sent(parts, sent)
    result = parse_parts(cleaned, rules, limits, loop_header)
    data = result.to_json_dict()
    if not any(p.startswith("head_of_department.") for p in asked.paths):
        # A reply's sign-off names who wrote it, not a new head of department.
        data["head_of_department"] = {"name": None, "title": None}
    if result.logo_details is not None:
        data["logo_info"] = as_json(result.logo_details)

    body = prose.split_signature(prose.new_text(cleaned.text, quotes_cut=True), rules).body
    roster = [r if isinstance(r, Mapping) else {} for r in listed(case_data, "officers")]
    found = read_officers(body, list(cleaned.tables), rules)
    found += [o for o in reply_officers(body, rules) if o not in found]
    cut: list[str] = []
    if len(found) > limits.max_officers:
        cut.append(f"only the first {limits.max_officers:,} of {len(found):,} officers were read")
        found = found[: limits.max_officers]
    bare_user = bare_number = None
    if not found:
        bare_user = _bare_value(body, rules, "dps_username")
        bare_number = _bare_value(body, rules, "officer_number")
    rows, notes = place_officers(found, roster, asked, bare_user, bare_number, rules)
    # "For the usernames, Amy's is alavoie, Mark's is mpearson": each made from one name
    _usernames_by_name(rows, roster, body, rules)
    data["officers"] = [*rows]  # a list of JSON objects
    notes = [*result.notes, *cut, *notes]

    for path, value in agency_values(body, asked, rules).items():
        section, name = path.split(".")
        part = data.setdefault(section, {})  # a mapping: to_json_dict writes each section
        if isinstance(part, dict) and not part.get(name):
            part[name] = value
    agency = data.get("agency")
    phone = agency.get("phone") if isinstance(agency, dict) else None
    if isinstance(agency, dict) and isinstance(phone, str) and phone:
        from mailbot.intake.checks import normalize_phone

        agency["phone"] = normalize_phone(phone, rules) or phone
    return data, notes


def _usernames_by_name(
    rows: list[dict[str, Json]], roster: Sequence[Mapping[str, Json]], body: str, rules: Rules
) -> None:
    """Fill the rows of officers still without a username with the one the answer gives
    each (:func:`mailbot.intake.roster_usernames.usernames_on_roster`)."""
    from mailbot.intake.model import Officer
    from mailbot.intake.officer_fields import OFFICER_FIELDS, OFFICER_IDENTITY
    from mailbot.intake.roster_usernames import usernames_on_roster

    officers = [
        Officer.model_validate(
            {k: str(r[k]) for k in OFFICER_FIELDS if isinstance(r.get(k), (str, int)) and r[k]}
            | {"dps_username": _text(rows[i].get("dps_username") or r.get("dps_username"))}
        )
        for i, r in enumerate(roster)
    ]
    if all(o.dps_username for o in officers):
        return
    have = {str(o.dps_username).lower() for o in officers if o.dps_username}
    for i, user in usernames_on_roster(body, officers, rules).items():
        if officers[i].dps_username or user.lower() in have:
            continue
        identity = {k: roster[i].get(k) for k in OFFICER_IDENTITY if roster[i].get(k)}
        rows[i] = {**identity, **rows[i], "dps_username": user}


def _text(value: Json) -> str | None:
    return str(value) if value else None
