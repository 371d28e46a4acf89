"""A run-on list of officers written as one sentence ("Dale Wells Chief D1W44 dwells,
Kevin Pratt Officer K7P02 kpratt, Amy Soule Officer A3S15 asoule"), cut into its records
for the tolerant line reader (:mod:`loose_rows`)."""

from __future__ import annotations

from collections.abc import Callable


def _pieces(sentence: str) -> list[str]:
    """``sentence`` cut at each comma or semicolon not in brackets."""
    pieces: list[str] = []
    depth = start = 0
    for at, char in enumerate(sentence):
        if char == "(":
            depth += 1
        elif char == ")" and depth:
            depth -= 1
        elif char in ",;" and not depth:
            pieces.append(sentence[start:at])
            start = at + 1
    return [p for p in [*pieces, sentence[start:]] if p.strip()]


def run_on_records(sentence: str, measure: Callable[[str], tuple[int, bool]]) -> list[str]:
    """The records of ``sentence``: its pieces between commas, each holding one officer
    number, a piece naming someone after a record with its number starting the next
    (``measure``: a piece's count of numbers, and whether it names a person); none when
    the sentence holds fewer than two numbers or a piece holds two."""
    pieces = _pieces(sentence)
    measured = [measure(p) for p in pieces]
    counts = [count for count, _ in measured]
    if sum(counts) < 2 or max(counts) > 1:
        return []
    records: list[str] = []
    numbered = False  # the record being read holds its number
    for piece, (count, named) in zip(pieces, measured, strict=True):
        if not records or (numbered and (count or named)):
            records.append(piece)  # the next officer's name, or his number
            numbered = bool(count)
        else:  # a value of the record being read, after a comma
            records[-1] += f", {piece}"
            numbered = numbered or bool(count)
    return records
