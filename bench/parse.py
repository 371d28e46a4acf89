"""Parser speed against plain mail-parser, and ``mailbot --help`` start-up time.

Run: ``python bench/parse.py``. Targets: full parse >= 0.3 of plain mail-parser's
messages/second; ``mailbot --help`` <= 6x ``python -c pass``.

Two parse figures: the corpus read again and again in one process (what the reader's
caches of texts already seen make of it), and each message read once, as the desk reads
its mail: in a fresh process per round, warmed up on other messages first (imports, the
rules), then the corpus read once by each parser. The second is the one to quote.
"""

from __future__ import annotations

import logging
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MESSAGES = ROOT / "tests" / "data" / "messages"
WARM_UP = ROOT / "tests" / "data" / "blind-r3"
"""Other messages, read before a fresh round is timed (never the timed ones)."""
SECONDS = 2.0
FRESH_ROUNDS = 7


def rates(
    full: Callable[[bytes], object], plain: Callable[[bytes], object], corpus: list[bytes]
) -> tuple[float, float, float]:
    """Messages per second of ``full`` and ``plain``, and the median of their per-round
    ratio. The two alternate, one pass over the corpus each, for about ``SECONDS``
    apiece, so load from other processes hits both alike."""
    spent = {full: 0.0, plain: 0.0}
    ratios = []
    done = 0
    while min(spent.values()) < SECONDS:
        took = {}
        for fn in (full, plain):
            start = time.perf_counter()
            for raw in corpus:
                fn(raw)
            took[fn] = time.perf_counter() - start
            spent[fn] += took[fn]
        done += len(corpus)
        ratios.append(took[plain] / took[full])
    return done / spent[full], done / spent[plain], statistics.median(ratios)


def median_walls(a: list[str], b: list[str], runs: int = 10) -> tuple[float, float]:
    """Median wall time of commands ``a`` and ``b``, run alternately."""
    times: dict[int, list[float]] = {0: [], 1: []}
    for _ in range(runs):
        for n, cmd in enumerate((a, b)):
            start = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True)
            times[n].append(time.perf_counter() - start)
    return statistics.median(times[0]), statistics.median(times[1])


def _quiet() -> None:
    import structlog

    logging.getLogger("mailparser").setLevel(logging.CRITICAL)
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))


def one_fresh_round() -> None:
    """In a process of its own: warm up on other messages, then read every corpus
    message once with each parser, in alternating order; print both times."""
    import mailparser

    from mailbot.intake.parse import parse_message

    _quiet()
    for path in sorted(WARM_UP.glob("*.eml")):
        raw = path.read_bytes()
        parse_message(raw)
        mailparser.parse_from_bytes(raw)
    corpus = [p.read_bytes() for p in sorted(MESSAGES.glob("*.eml"))]
    took = {}
    for name, fn in (("plain", mailparser.parse_from_bytes), ("full", parse_message)):
        start = time.perf_counter()
        for raw in corpus:
            fn(raw)
        took[name] = time.perf_counter() - start
    print(took["full"], took["plain"])


def fresh_ratio(rounds: int = FRESH_ROUNDS) -> tuple[float, float]:
    """The median ratio of plain to full time over ``rounds`` fresh processes, and the
    median full rate (messages/second) of a first reading."""
    ratios = []
    rates_full = []
    n = len(list(MESSAGES.glob("*.eml")))
    for _ in range(rounds):
        out = subprocess.run(
            [sys.executable, __file__, "--one-fresh-round"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
        full, plain = float(out[-2]), float(out[-1])
        ratios.append(plain / full)
        rates_full.append(n / full)
    return statistics.median(ratios), statistics.median(rates_full)


def main() -> None:
    import mailparser

    from mailbot.intake.parse import parse_message

    _quiet()
    corpus = [p.read_bytes() for p in sorted(MESSAGES.glob("*.eml"))]
    if not corpus:
        sys.exit(f"no messages in {MESSAGES}")
    for raw in corpus:  # warm up imports and caches
        parse_message(raw)
        mailparser.parse_from_bytes(raw)
    full, plain, ratio = rates(parse_message, mailparser.parse_from_bytes, corpus)
    print(f"messages: {len(corpus)}")
    print(f"full parse_message:        {full:8.1f} msg/s")
    print(f"mailparser.parse_from_bytes: {plain:6.1f} msg/s")
    print(f"ratio full/plain: {full / plain:.2f}, median per round {ratio:.2f} (read again)")
    fresh, fresh_rate = fresh_ratio()
    print(
        f"each message read once (fresh process, warmed on other mail): full {fresh_rate:.1f}"
        f" msg/s, ratio full/plain {fresh:.2f} (median of {FRESH_ROUNDS}; target >= 0.3)"
    )

    mailbot = [sys.executable, "-m", "mailbot", "--help"]
    base, helptime = median_walls([sys.executable, "-c", "pass"], mailbot)
    print(f"python -c pass: {base * 1000:.0f} ms; mailbot --help: {helptime * 1000:.0f} ms")
    print(f"ratio: {helptime / base:.1f} (target <= 6)")


if __name__ == "__main__":
    if sys.argv[1:] == ["--one-fresh-round"]:
        one_fresh_round()
    else:
        main()
