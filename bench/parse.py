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


def rate(fn: Callable[[bytes], object], corpus: list[bytes]) -> float:
    """Messages per second, repeating the corpus for about ``SECONDS``."""
    done = 0
    start = time.perf_counter()
    while True:
        for raw in corpus:
            fn(raw)
        done += len(corpus)
        elapsed = time.perf_counter() - start
        if elapsed >= SECONDS:
            return done / elapsed


def median_wall(cmd: list[str], runs: int = 10) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


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
    full = rate(parse_message, corpus)
    plain = rate(mailparser.parse_from_bytes, corpus)
    print(f"messages: {len(corpus)}")
    print(f"full parse_message:        {full:8.1f} msg/s")
    print(f"mailparser.parse_from_bytes: {plain:6.1f} msg/s")
    print(f"ratio full/plain: {full / plain:.2f} (target >= 0.3)")

    mailbot = [sys.executable, "-m", "mailbot", "--help"]
    base = median_wall([sys.executable, "-c", "pass"])
    helptime = median_wall(mailbot)
    print(f"python -c pass: {base * 1000:.0f} ms; mailbot --help: {helptime * 1000:.0f} ms")
    print(f"ratio: {helptime / base:.1f} (target <= 6)")


if __name__ == "__main__":
    main()
