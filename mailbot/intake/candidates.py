"""Values by their shape, wherever they stand: every email address, phone number, US
postal address, 4-digit code and officer number in the readable text of a message
(its new text, signature and the text of its attachments).

Roles (agency phone, PoC email...) are assigned elsewhere from the evidence around
each value; this module only finds them and says where they are. Everything here is
linear in the length of the text: lines over :data:`MAX_LINE` are not searched for
addresses, and the phone matcher is bounded (``max_tries``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mailbot.intake import checks
from mailbot.intake.contact_party import paragraph
from mailbot.intake.parts import MessageParts
from mailbot.intake.rules import Rules, per_rules
from mailbot.intake.value_words import EMAIL

MAX_LINE = 300
MAX_PER_KIND = 50
_DIGIT = re.compile(r"\d")
_ZIP = re.compile(r"(?<![\d-])\d{5}(?:-\d{4})?(?![\d-])")
_STATE_ZIP = re.compile(
    r"\b(?:VT|Vt\.?|vt|Vermont|vermont)\.?,?\s+(?:(?i:zip)(?:\s+code)?:?\s+)?\d{5}(?:-\d{4})?\b"
)  # "Stowe VT, zip 05672" too
ZIP_WORD = re.compile(r"(?<=[A-Za-z.]),?[ \t]+(?i:zip)(?:[ \t]+code)?:?(?=[ \t]+\d{5})")
"""The word "zip" between the state and the ZIP code ("Stowe VT, zip 05672")."""
_STREET = re.compile(r"^\s*(?:\d+[A-Za-z]?\s+\S.*|P\.?\s*O\.?\s*Box\s+\d+.*)$", re.I)
_CODE = re.compile(r"(?<![\w/.:$-])(\d{4})(?![\w/:-]|\.\d)")
_ALONE_CODE = re.compile(r"(?:^[ \t]*|[.!?;][ \t]+)(\d{3,5})[ \t]*(?:[.!?;](?=[ \t]|$)|$)")
"""Digits written as a sentence of their own ("0611. usernames are ..."): in answer to
the desk's question for the code, one digit short or over is the code mistyped ("412"),
read as given so that its shape is what the sender is told about."""
_OFFICER_NUMBER = re.compile(r"(?<![\w-])(?=[A-Za-z]{1,4}\d)([A-Za-z0-9]{5})(?![\w-])")


@dataclass(frozen=True)
class Candidate:
    """One value of a given shape: ``where`` says which part of the message
    ("text line 12", "signature line 3", "attachment roster.pdf") holds it."""

    value: str
    where: str
    line: str = ""
    """The line it stands on (kept with the case for staff, never logged)."""
    above: str = ""
    """The line above it (a phone number's: the address it is written under); an
    address's two lines above."""
    block: str = ""
    """Its paragraph (a signature, a letterhead): whose details the value is."""


@dataclass
class Found:
    emails: list[Candidate] = field(default_factory=list)
    phones: list[Candidate] = field(default_factory=list)
    addresses: list[Candidate] = field(default_factory=list)
    codes: list[Candidate] = field(default_factory=list)
    officer_numbers: list[Candidate] = field(default_factory=list)


@dataclass(frozen=True)
class Source:
    """A piece of readable text and what to call it ("text", "signature", ...)."""

    name: str
    text: str
    asked: frozenset[str] = frozenset()
    """Kinds the desk's quoted message asks this text for: a sentence that is only a
    value of that shape ("0611. usernames are jroy and mcaron") answers it."""


def desk_asked(parts: MessageParts, rules: Rules) -> frozenset[str]:
    """The kinds of value the desk's message a reply answers names ("we still need the
    4-digit judiciary code"): the code, by the code words of ``[evidence]`` in the rules."""
    from mailbot.intake.own_thread import answered_desk

    return frozenset({"codes"}) if _code_words(rules).search(answered_desk(parts)) else frozenset()


@per_rules
def _code_words(rules: Rules) -> re.Pattern[str]:
    words = sorted(rules.language.evidence.code_words, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.I)


@per_rules
def _said_code(rules: Rules) -> re.Pattern[str]:
    """Digits said to be the code ("Code is 412", "our judiciary code: 04120"), of any
    length near four: in answer to the desk's question for it, read as given."""
    words = _code_words(rules).pattern
    return re.compile(
        rf"(?i:{words})[ \t]*(?:(?i:is|=|:|#|no\.?)[ \t]*)+(\d{{3,5}})(?![\w/:-]|[.,]\d)"
    )


ALL_KINDS = frozenset({"emails", "phones", "addresses", "codes", "officer_numbers"})


def find(sources: list[Source], rules: Rules, kinds: frozenset[str] = ALL_KINDS) -> Found:
    """Every candidate of the shapes named in ``kinds`` in ``sources``, in reading order."""
    found = Found()
    seen: dict[str, set[str]] = {}

    def add(kind: list[Candidate], key: str, cand: Candidate) -> None:
        keys = seen.setdefault(str(id(kind)), set())
        if key in keys or len(kind) >= MAX_PER_KIND:
            return
        keys.add(key)
        kind.append(cand)

    for source in sources:
        lines, numbers = _short_lines(source.text.split("\n"))
        for i, line in enumerate(lines):
            n = numbers[i]
            where = f"{source.name} line {n}"
            short = line.strip()[:MAX_LINE]
            if "emails" in kinds and "@" in line:
                for m in EMAIL.finditer(line[: 4 * MAX_LINE]):
                    value = m.group(0).lower()
                    add(found.emails, value, Candidate(value, where, short))
            if len(line) > MAX_LINE or not _DIGIT.search(line):
                continue  # every other shape has digits
            if "phones" in kinds:
                for value in _phones(line, rules):
                    # each line that writes a number is kept: its words there
                    # ("Office: ...") say what the number is (the roles take it once)
                    key = f"{_digits(value)} {where}"
                    above = lines[i - 1].strip()[:MAX_LINE] if i else ""
                    cand = Candidate(value, where, short, above, paragraph(lines, i))
                    add(found.phones, key, cand)
            if "addresses" in kinds:
                address = _address_at(lines, i)
                if address:
                    # the two lines above: a letter's inside address ("Attn: ...") there
                    above = "\n".join(x.strip()[:MAX_LINE] for x in lines[max(0, i - 2) : i])
                    cand = Candidate(address, where, short, above, paragraph(lines, i))
                    add(found.addresses, f"{_digits(address)} {where}", cand)
            if "codes" in kinds and "codes" in source.asked:
                for m in _ALONE_CODE.finditer(line):
                    add(found.codes, m.group(1), Candidate(m.group(1), where, short))
                # "Code is 412.": told as the code asked for, mistyped or not
                for m in _said_code(rules).finditer(line):
                    add(found.codes, m.group(1), Candidate(m.group(1), where, short))
            elif (
                "codes" in kinds
                and (bare := _BARE_CODE.match(line))
                and _in_agency_block(lines, i, rules)
            ):
                # "0205" over the agency's name and "120 First Street, ..., 802-868-4100":
                # a form's values kept without their labels
                add(found.codes, bare.group(1), Candidate(bare.group(1), where, short))
            if "codes" in kinds and _code_words(rules).search(line):
                street = " ".join((_address_at(lines, i) or "").split()[:2])
                for m in _CODE.finditer(line):
                    if _in_phone_or_zip(line, m.start(1)):
                        continue
                    if street and line.startswith(street, m.start(1)):
                        continue  # "Code 0462. Address 1126 Main St, ...": a house number
                    add(found.codes, m.group(1), Candidate(m.group(1), where, short))
            if "officer_numbers" in kinds:
                for m in _OFFICER_NUMBER.finditer(line):
                    token = m.group(1)
                    add(found.officer_numbers, token.upper(), Candidate(token, where, short))
    return found


_WORD_END = re.compile(r"(?<![\w.'’-])[\w'’-]{4,30}\. ")
"""A sentence end after a word of four letters or more (not "St." or "P.O.")."""


def _short_lines(lines: list[str]) -> tuple[list[str], list[int]]:
    """Lines short enough to search, with their line numbers: a paragraph typed as one
    long line (a client that does not wrap) is cut into its sentences, and a sentence
    still over :data:`MAX_LINE` into pieces at blanks."""
    from mailbot.intake.prose import split_line

    out: list[str] = []
    numbers: list[int] = []
    for n, line in enumerate(lines, 1):
        if len(line) <= MAX_LINE:
            out.append(line)
            numbers.append(n)
            continue
        for sentence in split_line(line[: 40 * MAX_LINE]):
            while len(sentence) > MAX_LINE:
                # a sentence end before a word typed in lower case ("vt 05820, phone is
                # 802-755-6104. officers are ..."), else a blank
                ends = [m.end() - 1 for m in _WORD_END.finditer(sentence, 0, MAX_LINE)]
                cut = (
                    ends[-1]
                    if ends and ends[-1] > MAX_LINE // 3
                    else sentence.rfind(" ", 0, MAX_LINE)
                )
                cut = cut if cut > 0 else MAX_LINE
                out.append(sentence[:cut])
                numbers.append(n)
                sentence = sentence[cut:].lstrip()
            out.append(sentence)
            numbers.append(n)
    return out, numbers


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)


_PHONE_SHAPE = re.compile(r"\d{3}\D{0,3}\d{3}\D{0,3}\d{4}|\d{10}")


_VANITY = re.compile(r"(?<![\w-])\(?\d{3}\)?[-.\s]?\d{3}[-.\s][A-Z]{4}(?![\w-])")
"""A number with its last four digits spelt in capitals ("802-873-COPS")."""


def _phones(line: str, rules: Rules) -> list[str]:
    import phonenumbers

    out = []
    for m in _VANITY.finditer(line):  # read as the digits its letters stand for
        digits = phonenumbers.convert_alpha_characters_in_number(m.group(0))
        if checks.normalize_phone(digits, rules):
            out.append(digits)
    if not _PHONE_SHAPE.search(line):
        return out  # the matcher is costly; a US number has this shape
    # "94 Main Street Richford VT 05476  802 848 7741": a ZIP ends a piece, so its digits
    # and the number after it are never read as one run
    ends = [m.end() for m in _STATE_ZIP.finditer(line)][:3]
    for start, end in zip([0, *ends], [*ends, len(line)], strict=True):
        if not _PHONE_SHAPE.search(line, start, end):
            continue
        matcher = phonenumbers.PhoneNumberMatcher(
            line[start:end],
            rules.formats.phone.region,
            leniency=phonenumbers.Leniency.VALID,
            max_tries=20,
        )
        for match in matcher:
            out.append(match.raw_string)
    return out


_BARE_CODE = re.compile(r"^[ \t]*(\d{4})[ \t]*$")
"""A line that is four digits and nothing else."""
_BLOCK_REACH = 2
"""How many lines of its block a bare code may stand from the agency's address or phone."""


def _in_agency_block(lines: list[str], i: int, rules: Rules) -> bool:
    """True when line ``i`` stands in one block (no blank line between) with the agency's
    street address or phone number, within :data:`_BLOCK_REACH` lines of it."""
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(lines) and abs(j - i) <= _BLOCK_REACH and lines[j].strip():
            if len(lines[j]) <= MAX_LINE and (_address_at(lines, j) or _phones(lines[j], rules)):
                return True
            j += step
    return False


def _in_phone_or_zip(line: str, start: int) -> bool:
    """True when the 4 digits at ``start`` end a phone number ("555-0147") or a ZIP+4."""
    before = line[max(0, start - 6) : start]
    return bool(re.search(r"\d[-.\s)]\s?$", before))


_KIND_LABEL = re.compile(r"^[A-Za-z]{4,12}(?:[ \t]+address)?[ \t]*:[ \t]*", re.I)
"""The kind of address a line begins with ("Mailing:", "Physical address:")."""


def _address_at(lines: list[str], i: int) -> str | None:
    """A street address ending on line ``i``: "1 Main St, Town, VT 05001" on one line,
    or a street line above a "Town, VT 05001" line."""
    line = lines[i].strip()
    if not _STATE_ZIP.search(line):
        return _without_state(line)
    if _STREET.match(line):
        return _trim(line)
    # in a sentence, the house number nearest the ZIP starts the address ("our code is
    # 0217 ... we are at 1798 Prospect Street in Corinth Flats, VT 05154", "P.O. Box 12")
    starts = _house_numbers(line)[:3]
    for n, start in enumerate(starts):
        if is_address(_trim(line[start:])):
            before = line[starts[n + 1] : start] if n + 1 < len(starts) else ""
            if _BOX_AT.match(line, start) and _STREET_BEFORE_BOX.match(before):
                start = starts[n + 1]  # "130 Fisher Road, P.O. Box 547, Berlin, VT 05602"
            return _trim(line[start:])
    if i > 0:
        # "Mailing:  PO Box 77" over "Quarry Brook, VT 05999": the street after its kind
        above = _KIND_LABEL.sub("", lines[i - 1].strip(), count=1)
        if above and len(above) <= MAX_LINE and _STREET.match(above) and not _ZIP.search(above):
            return _trim(f"{above.rstrip(',')}, {line}")
    return None


_BARE_VT_ZIP = re.compile(r"(?<![\d-])05\d{3}(?![\d-])")
_SENTENCE_PIECE = re.compile(r"[^.!?;]{1,200}")
_PLACED_AT = re.compile(r"^(?:[\w'’]+[ \t]+){0,3}(?i:at|is)[ \t]+$")
"""A few words that place the agency, before its address ("We're at", "Our address is")."""


def _without_state(line: str) -> str | None:
    """ "10632 Route 116 Hinesburg 05461" (a terse note that leaves out "VT"): a sentence of
    its own, from a house number to a Vermont ZIP, that tags as a street address in a
    town, with "VT" written before the ZIP; ``None`` otherwise."""
    import usaddress

    for piece in _SENTENCE_PIECE.findall(line[: MAX_LINE * 2]):
        piece = piece.strip()
        zips = list(_BARE_VT_ZIP.finditer(piece))
        starts = _HOUSE.search(piece)
        # "We're at 20 Church St Hardwick 05843": the house number after the words that
        # place the agency
        lead = piece[: starts.start()] if starts else ""
        if len(zips) != 1 or starts is None or (lead and not _PLACED_AT.search(lead)):
            continue
        text = " ".join(piece[starts.start() : zips[0].end()].split())
        try:
            tags, kind = usaddress.tag(text)
        except Exception:
            continue
        number = tags.get("AddressNumber", "")
        if (
            kind == "Street Address"
            and number.isdigit()
            and {"PlaceName", "StreetName"} <= set(tags)
        ):
            # a 05xxx ZIP is Vermont's: the state written in, as the agency record has it
            town, _, zip_code = text.rpartition(" ")
            return f"{town.rstrip(' ,')}, VT {zip_code}"
    return None


_STREET_BEFORE_BOX = re.compile(r"\d+[A-Za-z]?\s+[A-Za-z][\w .'’-]{1,40},\s*$")
"""A street written just before the PO Box that follows it on the same line."""
_BOX_AT = re.compile(r"P\.?\s*O\.?\s*Box\b", re.I)
_HOUSE = re.compile(r"(?<![\w-])(?:\d+[A-Za-z]?\s+[A-Za-z]|P\.?\s*O\.?\s*Box)", re.I)


_ROAD_WORD = re.compile(
    r"\b(?:route|rte|rt|highway|hwy|us|vt|box|suite|ste|unit|apt|no|interstate|i)\.?\s*$", re.I
)


def _house_numbers(line: str) -> list[int]:
    """Where a house number (or PO Box) may start, nearest the last ZIP first."""
    zips = list(_STATE_ZIP.finditer(line))
    end = zips[-1].start() if zips else len(line)
    starts = [m.start() for m in _HOUSE.finditer(line, 0, end)]
    # "587 Route 100 in ...": a number after a road word names the road, not the house
    return [i for i in starts if not _ROAD_WORD.search(line, max(0, i - 12), i)][::-1]


_PIECE_MARK = re.compile(r"[ \t]*(?:[|•·▪◆♦]|\t)[ \t]*")
"""What parts a letterhead's or a signature's pieces on one line ("88 Court Street •
P.O. Box 38 • Hyde Park, Vermont 05655", "49 Center Street | Brandon, VT 05733")."""


def tidy_address(text: str) -> str:
    """An address on one line, its pieces apart by commas, up to its ZIP."""
    m = list(_STATE_ZIP.finditer(text))
    text = text[: m[-1].end()] if m else text
    return ", ".join(p.strip(" ,") for p in _PIECE_MARK.split(text) if p.strip(" ,"))


def _trim(text: str) -> str:
    """The address part of a line: from the house number to the ZIP."""
    m = list(_STATE_ZIP.finditer(text))
    end = m[-1].end() if m else len(text)
    start = re.search(r"(?:\d+[A-Za-z]?\s+[A-Za-z]|P\.?\s*O\.?\s*Box)", text, re.I)
    begin = start.start() if start and start.start() < end else 0
    return tidy_address(" ".join(ZIP_WORD.sub("", text[begin:end]).split()).strip(" ,;"))


def holds_state_zip(text: str) -> bool:
    """True when ``text`` holds the state then a ZIP code ("Stowe VT 05672", "Vermont
    05602"): the end of a postal address, whose ZIP is no officer number."""
    return bool(_STATE_ZIP.search(text))


def is_address(text: str) -> bool:
    """True when a US address tagger reads ``text`` as a street address with a ZIP."""
    import usaddress

    try:
        tags, kind = usaddress.tag(text[:MAX_LINE])
    except Exception:  # RepeatedLabelError and odd input: not an address we can use
        return False
    if kind == "PO Box":  # "P.O. Box 12, Stowbridge, VT 05672"
        return "ZipCode" in tags and "USPSBoxID" in tags
    return kind == "Street Address" and "ZipCode" in tags and "AddressNumber" in tags
