"""Labels typed with one letter wrong ("Point of contect (POC): myself ...", "Cheif: Walter
Gagne", "Adress: ..."): a line that opens with no label, but would with one word of it
respelled as a word of a known label (a letter changed, two letters swapped, a letter left
out), is read with that word respelled, so its value is read as the label's.

Only words of five letters or more are respelled, each to the one label word it is that
close to (none when two are), and only when the respelled words then open the line as a
whole label of ``rules/labels.toml`` (or a head's title used as a label) before its
separator: a word that is merely like a label word ("Contract: ...") is left as typed.
"""

from __future__ import annotations

import functools
import re

from mailbot.intake.rules import Rules, per_rules

MIN_WORD = 5
"""The shortest word respelled alone: shorter ones are too often another word ("Chef")."""
MIN_SHORT = 3
"""The shortest word respelled beside a longer label word ("Judical Cde": "Code")."""

_LINE_LABEL = re.compile(
    r"^([ \t]*(?:[-*•·>][ \t]*)?)([A-Za-z][A-Za-z .'’/-]{1,40}?)"
    r"(?=[ \t]*(?:[:：=#(]|[-–—][ \t])|[ \t]+\d)"
)
"""The words a line opens with, up to the separator a label ends with (or the digits of
its value, no separator: "Judicairy code 412")."""

_WORD = re.compile(r"[A-Za-z]+")
_SEP = r"(?:[ \t]*(?:[:：=#(]|[-–—][ \t])|[ \t]+(?=\d))"


@per_rules
def _known(rules: Rules) -> tuple[frozenset[str], re.Pattern[str]]:
    """The words of every label and head title, and the pattern of a line opening with
    one of them whole before a separator."""
    labels = [w for words in rules.labels.labels.values() for w in words]
    labels += rules.language.people.head_titles
    vocab = frozenset(w.lower() for label in labels for w in _WORD.findall(label))
    alt = "|".join(
        re.escape(w).replace(r"\ ", r"[ \t]+")
        for w in sorted(set(labels), key=len, reverse=True)
        if w.strip()
    )
    opening = re.compile(rf"^[ \t]*(?:[-*•·>][ \t]*)?(?:{alt or '(?!)'}){_SEP}", re.I)
    return vocab, opening


def one_typo(typed: str, known: str, *, changed: bool = True) -> bool:
    """Whether ``typed`` is ``known`` with one letter changed, two neighbours swapped,
    one letter left out, or one of its own letters typed once more astray ("contanct");
    the first letter as typed. A letter too many that the word does not hold makes
    another word ("contract"). ``changed=False``: not a letter changed ("Grace" is no
    "Grade": a name beside headings)."""
    if not typed or not known or typed[0] != known[0] or typed == known:
        return False
    if len(typed) == len(known):
        diff = [i for i, (a, b) in enumerate(zip(typed, known, strict=True)) if a != b]
        if len(diff) == 1:
            return changed
        i = diff[0]
        swapped = typed[i] == known[i + 1] and typed[i + 1] == known[i]
        return len(diff) == 2 and diff[1] == i + 1 and swapped
    if len(known) == len(typed) + 1:
        return any(known[:i] + known[i + 1 :] == typed for i in range(1, len(known)))
    if len(typed) == len(known) + 1:
        return any(
            typed[:i] + typed[i + 1 :] == known and typed[i] in known for i in range(1, len(typed))
        )
    return False


def respelled_word(
    word: str, vocab: frozenset[str], shortest: int = MIN_WORD, *, changed: bool = True
) -> str | None:
    """``word`` as the one word of ``vocab`` it is typed one letter wrong for, in the case
    it was typed in; None when it is none or two of them."""
    low = word.lower()
    if len(low) < shortest or low in vocab:
        return None
    shortest_known = MIN_WORD if shortest >= MIN_WORD else shortest + 1
    known = _one_close(low, vocab, shortest_known, changed)
    if known is None:
        return None
    if word.isupper():
        return known.upper()
    return known.capitalize() if word[0].isupper() else known


@functools.lru_cache(maxsize=4096)  # the same words are tried in many cells and lines
def _one_close(low: str, vocab: frozenset[str], shortest_known: int, changed: bool) -> str | None:
    """The one word of ``vocab`` (``shortest_known`` letters or more) that ``low`` is
    typed one letter wrong for; None when none or several are."""
    n = len(low)  # a word one typo off is one letter shorter, as long, or one longer
    by_start = _by_start(vocab)  # and begins with the letter it does (see one_typo)
    close = [
        k
        for size in (n - 1, n, n + 1)
        for k in by_start.get((low[0], size), ())
        if size >= shortest_known and one_typo(low, k, changed=changed)
    ]
    if len(close) > 1 and all(one_typo(k, close[0]) or one_typo(close[0], k) for k in close[1:]):
        return min(close)  # "judicairy": "judiciary" or the label's own "judicary", one word
    return close[0] if len(close) == 1 else None


@functools.lru_cache(maxsize=8)
def _by_start(vocab: frozenset[str]) -> dict[tuple[str, int], list[str]]:
    """The words of ``vocab`` by their first letter and their length."""
    out: dict[tuple[str, int], list[str]] = {}
    for k in vocab:
        if k:
            out.setdefault((k[0], len(k)), []).append(k)
    return out


def labels_respelled(text: str, rules: Rules) -> str:
    """``text`` with each line's label typed one letter wrong written as the label."""
    vocab, opening = _known(rules)
    lines = text.split("\n")
    for i, line in enumerate(lines):
        m = _LINE_LABEL.match(line) if len(line) <= 300 else None
        if m is None or opening.match(line):
            continue
        words = m.group(2)
        fixed = _WORD.sub(lambda w: respelled_word(w.group(0), vocab) or w.group(0), words)
        if any(len(w) >= MIN_WORD and w.lower() in vocab for w in _WORD.findall(fixed)):
            # a short word beside a label's long word is read with it ("Judical Cde")
            fixed = _WORD.sub(
                lambda w: respelled_word(w.group(0), vocab, MIN_SHORT) or w.group(0), fixed
            )
        if fixed == words:
            continue
        respelled = m.group(1) + fixed + line[m.end() :]
        if opening.match(respelled):
            lines[i] = respelled
    return "\n".join(lines)
