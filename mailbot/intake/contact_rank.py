"""One ranking of the agency's address and phone candidates when a message writes several
(a signature's Main Office, Dispatch and Satellite office lines; a letterhead; a
sentence that sets the agency's address down).

Each writing of a value scores by the words of its label (the words just before it in its
piece of the line: "Business:", "Town Office Main Line:", "Mailing:", "Cell") and by the
sentence that designates it ("Please use our main office as the agency address: ...",
"The agency address and business telephone number are shown in my signature block
below"). A value scores as its best writing. The one value ahead of all others is the
agency's; where the evidence is tied, nobody guesses. A value in the agency's own block
(its letterhead, its signature) ranks above one in another party's (a forwarder's, a
town office's: :mod:`contact_party`). Words and weights live in
``rules/language.toml`` (``[evidence]``: ``contact_label_weights``,
``contact_designating_words``, ``contact_designation_weight``, ``signature_pointer_words``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from mailbot.intake.candidates import Candidate
from mailbot.intake.contact_party import party_weight
from mailbot.intake.rules import Rules, per_rules
from mailbot.intake.word_lists import whole_words

_PIECE_END = re.compile(r"[/|;•]|\s{2,}|\t| - ")
_SENTENCE_END = re.compile(r"(?:(?<=[a-z]{3})|(?<=\d))[.!?](?=\s)")
"""A sentence end after a word of three small letters or a digit (not "St." or "Sgt.")."""
_LEAD_LABEL = re.compile(r"^[^:\d]{2,50}:")
"""The label a line opens with ("Brattleboro Satellite Office:"), for a value in a later
piece of the line that has no label of its own."""
_EXTENSION = re.compile(r"[\s,]*(?:ext|extension|x)\.?\s*\d{1,6}\s*$", re.I)
MAX_LABEL_WORDS = 8


@per_rules
def _phrases(rules: Rules) -> re.Pattern[str]:
    """Every weighted phrase, the longest first ("town office" before "office")."""
    return whole_words(list(rules.language.evidence.contact_label_weights))


@per_rules
def _designating(rules: Rules) -> re.Pattern[str]:
    return whole_words(rules.language.evidence.contact_designating_words)


@per_rules
def _pointer(rules: Rules) -> re.Pattern[str]:
    return whole_words(rules.language.evidence.signature_pointer_words)


def label_weight(label: str, rules: Rules) -> int:
    """The sum of the weights of the phrases in ``label``, each phrase once."""
    weights = {k.lower(): v for k, v in rules.language.evidence.contact_label_weights.items()}
    seen = {" ".join(m.group(0).lower().split()) for m in _phrases(rules).finditer(label)}
    return sum(weights.get(w, 0) for w in seen)


def _sentence_before(line: str, at: int) -> str:
    """The sentence of ``line`` up to position ``at``."""
    ends = [m.end() for m in _SENTENCE_END.finditer(line, 0, at)]
    return line[ends[-1] if ends else 0 : at]


def label_of(cand: Candidate) -> str:
    """The words that name a value: those before it in its piece of the line (at most a
    few words of its sentence), the piece after it, else the label the line opens with;
    for an address written over two lines, the line above too."""
    at = cand.line.find(cand.value)
    if at < 0:
        # an address set down over lines ("Mailing: PO Box 7" over "Town, VT 05001")
        return f"{cand.above.rpartition(chr(10))[2]} {cand.line}"
    before = _PIECE_END.split(_sentence_before(cand.line, at))[-1]
    before = " ".join(before.split()[-MAX_LABEL_WORDS:])
    after = _PIECE_END.split(cand.line[at + len(cand.value) :])[0]
    after = " ".join(after.split()[:3])
    label = f"{before} {after}"
    lead = _LEAD_LABEL.match(cand.line)
    if not label.strip(" :,-") and lead and lead.end() <= at:
        label = lead.group(0)
    return label


def _designated(cand: Candidate, rules: Rules) -> bool:
    """True when the sentence holding the value designates it ("Please use our main
    office as the agency address: ...")."""
    at = cand.line.find(cand.value)
    sentence = _sentence_before(cand.line, at) if at >= 0 else label_of(cand)
    return bool(_designating(rules).search(sentence))


@per_rules
def _inside(rules: Rules) -> re.Pattern[str]:
    ev, people = rules.language.evidence, rules.language.people
    return whole_words([*ev.inside_address_words, *people.desk_names])


def inside_address(cand: Candidate, rules: Rules) -> bool:
    """True when the value is a letter's inside address: the desk's own, under "Attn:" or
    the desk's name."""
    return bool(_inside(rules).search(f"{cand.above}\n{cand.line}"))


def points_to_signature(text: str, rules: Rules) -> bool:
    """True when a sentence of ``text`` designates the agency's details and points to the
    signature for them ("The agency address and business telephone number are shown in
    my signature block below")."""
    for sentence in re.split(r"(?<=[.!?])\s+|\n", text[:20_000]):
        found = _designating(rules).search(sentence)
        if found and _pointer(rules).search(sentence, found.end()):
            return True
    return False


def score(cand: Candidate, rules: Rules, *, to_signature: bool = False) -> int:
    """How strongly the message gives ``cand`` to the agency."""
    ev = rules.language.evidence
    # the agency's own block over a forwarder's, a town office's or a contractor's
    points = label_weight(label_of(cand), rules) + party_weight(cand.block, rules)
    if _designated(cand, rules) or (to_signature and cand.where.startswith("signature")):
        points += ev.contact_designation_weight
    return points


def ranked_pick(
    cands: list[Candidate],
    key: Callable[[str], str],
    rules: Rules,
    *,
    to_signature: bool = False,
) -> Candidate | None:
    """The writing of the one value ranked above every other (each value as its best
    writing, and of that value's writings the best, then the shortest), or None when the
    best two are tied."""
    best: dict[str, tuple[int, Candidate]] = {}
    for cand in (c for c in cands if not inside_address(c, rules)):
        points = score(cand, rules, to_signature=to_signature)
        k = key(cand.value)
        held = best.get(k)
        if held is None or (points, -len(cand.value)) > (held[0], -len(held[1].value)):
            best[k] = (points, cand)
    order = sorted(best.values(), key=lambda pc: pc[0], reverse=True)
    if not order or (len(order) > 1 and order[0][0] == order[1][0]):
        return None
    return order[0][1]


def without_extension(value: str) -> str:
    """The line's number without a person's extension ("(802) 885-2113 ext. 3")."""
    return _EXTENSION.sub("", value) or value
