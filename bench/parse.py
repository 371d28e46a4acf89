"""Parser speed against plain mail-parser, and ``mailbot --help`` start-up time.

Run: ``python bench/parse.py``. Targets: full parse >= 0.3 of plain mail-parser's
messages/second; ``mailbot --help`` <= 6x ``python -c pass``.
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
SECONDS = 2.0


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


def main() -> None:
    import mailparser
    import structlog

    from mailbot.intake.parse import parse_message

    logging.getLogger("mailparser").setLevel(logging.CRITICAL)
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
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
    print(f"ratio full/plain: {full / plain:.2f}, median per round {ratio:.2f} (target >= 0.3)")

    mailbot = [sys.executable, "-m", "mailbot", "--help"]
    base, helptime = median_walls([sys.executable, "-c", "pass"], mailbot)
    print(f"python -c pass: {base * 1000:.0f} ms; mailbot --help: {helptime * 1000:.0f} ms")
    print(f"ratio: {helptime / base:.1f} (target <= 6)")


if __name__ == "__main__":
    main()
