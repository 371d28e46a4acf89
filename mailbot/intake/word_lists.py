"""Whether a text contains any of a list of words (``rules/language.toml``'s lists).

A message's text is looked at for many lists, some of hundreds of words; one search
per word would scan the text hundreds of times. Each list is made once into a single
pattern shaped like a trie of its lower-cased words, which finds any of them in one
scan, with the same meaning: a word counts wherever it stands in the text, inside
another word too (substring, not whole-word, matching). A hyphen joining two words of
a listed word matches a blank there too ("part-time" is also typed "part time").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

_Trie = dict[str, "_Trie"]
_END = ""  # the key that marks a node where a word ends (no character is "")


def whole_words(words: Sequence[str]) -> re.Pattern[str]:
    """A case-insensitive pattern of any of ``words`` as whole words, the longest first,
    a blank in a word matching any run of blanks (no words: a pattern that never
    matches)."""
    ordered = sorted(words, key=len, reverse=True)
    lead = word_start(ordered)
    if lead is None:
        return re.compile(rf"(?<!\w)(?:{alternation(ordered)})(?!\w)", re.I)
    return re.compile(rf"{lead}(?!\w)", re.I)


def alternation(words: Sequence[str], blank: str = r"\s+") -> str:
    """``words`` as one regex alternation, the longest first (so that "Deputy Chief" wins
    over "Deputy"), escaped, a blank in a word written ``blank``; a pattern that never
    matches when there are none."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", blank) for w in ordered) or "(?!)"


def word_start(
    ordered: Sequence[str], blank: str = r"\s+", *, cased: bool = False, before: str = r"\w"
) -> str | None:
    r"""For a case-insensitive pattern: the same as ``(?<!\w)(?:w1|w2|...)`` of ``ordered``
    (escaped, a blank in a word written ``blank``), made to open with a class of the
    letters the words start with (each in every form the case-insensitive letter matches),
    so that a scan skips at once every place no word can start instead of trying each
    word there; None when a word is empty or starts with no ASCII letter. The rest of
    each word is grouped under its first letter, in the order given within each group
    (words of different first letters never match at one place, so the order in which
    they are tried is the same). ``cased``: for a case-sensitive pattern, the words
    starting with any character but a line break; ``before``: the class of characters
    (``\w`` and more) none of which may stand before a word."""
    if not ordered or not all(
        w[:1] != "\n" if cased else w[:1].isascii() and w[:1].isalpha() for w in ordered
    ):
        return None
    groups: dict[str, list[str]] = {}
    for w in ordered:
        first = re.escape(w[0]) if cased else _folds(w[0])
        groups.setdefault(first, []).append(re.escape(w[1:]).replace(r"\ ", blank))
    starts = "".join(groups)  # distinct keys, no character in two of them
    alt = "|".join(f"(?<=[{first}])(?:{'|'.join(rest)})" for first, rest in groups.items())
    # "(?<![\w].)" after the first character: none of ``before`` before it
    return rf"(?-i:[{starts}])(?<![{before}].)(?:{alt})"


def _folds(letter: str) -> str:
    """The characters that ``letter`` (an ASCII letter) matches case-insensitively: its
    two cases and those of :data:`_FOLDS_TO_ASCII` it matches."""
    extra = [c for c in _FOLDS_TO_ASCII if re.fullmatch(letter, c, re.I)]
    return "".join(sorted({letter.lower(), letter.upper(), *extra}))


def has_any(text: str, words: Sequence[str]) -> bool:
    """True when ``text``, lower-cased with its blanks made single spaces, contains any
    of ``words`` lower-cased."""
    return any_in(flat(text), words)


def any_in(low: str, words: Sequence[str]) -> bool:
    """True when ``low`` (a text already lower-cased) contains any of ``words``
    lower-cased."""
    return _found(low, tuple(words))


@functools.lru_cache(maxsize=512)  # one message's text is asked about a list by several readers
def _found(low: str, words: tuple[str, ...]) -> bool:
    pattern = _pattern(words)
    return pattern is not None and pattern.search(low) is not None


def first_at(low: str, words: Sequence[str]) -> int:
    """Where the first of ``words`` (lower-cased) starts in ``low``; its length when none
    is in it."""
    pattern = _pattern(tuple(words))
    found = pattern.search(low) if pattern is not None else None
    return found.start() if found else len(low)


@functools.lru_cache(maxsize=8)
def flat(text: str) -> str:
    """``text`` lower-cased, its blanks made single spaces (one message's text is looked
    at for several lists of words)."""
    return " ".join(text.lower().split())


_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")
"""The letters (İ, ı, ſ, the Kelvin sign) that a case-insensitive pattern's ASCII letter
matches besides the two ASCII cases of it."""


def lowered(text: str) -> str | None:
    """``text`` lower-cased, for telling cheaply that a case-insensitive pattern cannot
    match (a word it needs is not in it); ``None`` when ``text`` holds a letter that such
    a pattern's ASCII letter matches but lower-casing does not make that letter."""
    if not text.isascii() and any(c in text for c in _FOLDS_TO_ASCII):
        return None
    return text.lower()


def needles(words: Sequence[str]) -> tuple[str, ...]:
    """``words`` as :func:`may_hold` takes them: lower-cased, their blanks single spaces."""
    return tuple(" ".join(w.lower().split()) for w in words)


def may_hold(text: str, words: tuple[str, ...]) -> bool:
    """False only when ``text`` holds none of ``words`` (lower-cased, single blanks) in
    any case and spacing: a case-insensitive pattern that needs one of them (a blank in
    it matching any blanks) then cannot match, and its scan of ``text`` is skipped."""
    if not text.isascii() and any(c in text for c in _FOLDS_TO_ASCII):
        return True
    return _found(flat(text), words)


_LOWER_SETS: dict[int, tuple[Sequence[str], frozenset[str]]] = {}
"""Sets made by :func:`lower_set`, by the identity of their list (kept alive here, so an
id is not reused)."""


def lower_set(words: Sequence[str]) -> frozenset[str]:
    """``words`` lower-cased, as a set, made once per list of the rules (which never
    change) rather than on every call of the readers that look words up in it."""
    hit = _LOWER_SETS.get(id(words))
    if hit is None or hit[0] is not words:
        if len(_LOWER_SETS) >= 256:
            _LOWER_SETS.clear()
        hit = _LOWER_SETS[id(words)] = (words, frozenset(w.lower() for w in words))
    return hit[1]


def may_contain(text: str, literal: str) -> bool:
    """False only when ``literal`` is nowhere in ``text``, in any case: a case-insensitive
    pattern of it (a name, a number, escaped, between boundaries) then cannot match, and
    is neither compiled nor run."""
    if not literal.isascii():
        return True
    low = lowered(text)
    return low is None or literal.lower() in low


@functools.lru_cache(maxsize=256)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern that matches where any of ``words`` (lower-cased) starts; ``None``
    for no words. A word that begins with another word of the list is left out: the
    shorter one is found wherever the longer one is."""
    if not words:
        return None
    trie: _Trie = {}
    for word in words:
        node = trie
        for ch in word.lower():
            if _END in node:
                break  # a shorter word of the list begins this one
            node = node.setdefault(ch, {})
        else:
            node.clear()  # this word begins every longer one below it
            node[_END] = {}
    return re.compile(_emit(trie))


def _emit(node: _Trie) -> str:
    if _END in node:
        return ""
    ends = [ch for ch, sub in sorted(node.items()) if _END in sub]
    alts = [_char(ch) + _emit(sub) for ch, sub in sorted(node.items()) if _END not in sub]
    if len(ends) > 1:
        alts.append("[" + "".join("\\- " if ch == "-" else re.escape(ch) for ch in ends) + "]")
    else:
        alts.extend(_char(ch) for ch in ends)
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def _char(ch: str) -> str:
    """One character of a listed word as a pattern: a hyphen joining two words matches
    a blank between them too ("new part-time" in "our new part time officer")."""
    return "[- ]" if ch == "-" else re.escape(ch)
