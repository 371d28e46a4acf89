"""Robustness: every file of the shared email corpus is read or refused in one line, fast."""

from __future__ import annotations

import multiprocessing
import os
import time
from pathlib import Path

import pytest

CORPUS = Path(
    os.environ.get("MAILBOT_CORPUS_DIR")
    or Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
).resolve()
PER_FILE_SECONDS = 2.0
HANG_SECONDS = 20.0  # a worker stuck this long is a hang, reported as a failure


def _files() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix != ".md")


def _parse_one(path: str) -> tuple[str, str, float]:
    """Run in a child process: the outcome ("ok", "message_error" or "crash") and time."""
    from mailbot.errors import MessageError

    try:
        from mailbot.intake.parse import parse_message as parse
    except ImportError:  # pragma: no cover - before the full parser exists
        from mailbot.intake.message import read_message as parse  # type: ignore[assignment]

    data = Path(path).read_bytes()
    start = time.process_time()
    try:
        parse(data)
        outcome, detail = "ok", ""
    except MessageError as e:
        outcome, detail = "message_error", str(e)
        if "\n" in detail or not detail:
            outcome = "crash"
            detail = f"MessageError not one line: {detail!r}"
    except BaseException as e:  # the point of the sweep: nothing else may escape
        outcome, detail = "crash", f"{type(e).__name__}: {e}"[:300]
    return outcome, detail, time.process_time() - start


def test_corpus_sweep() -> None:
    """Each corpus file gives a result or a one-line MessageError within 2 s; none hangs."""
    files = _files()
    if not files:
        if os.environ.get("MAILBOT_REQUIRE_CORPUS") == "1":
            pytest.fail(f"corpus folder missing: {CORPUS}")
        pytest.skip(f"corpus folder missing: {CORPUS}")
    ctx = multiprocessing.get_context("fork")
    problems: list[str] = []
    outcomes: dict[str, int] = {}
    pool = ctx.Pool(processes=min(4, os.cpu_count() or 1), maxtasksperchild=50)
    try:
        jobs = [(p, pool.apply_async(_parse_one, (str(p),))) for p in files]
        deadline = time.monotonic() + HANG_SECONDS + len(files) * 0.05
        for path, job in jobs:
            name = str(path.relative_to(CORPUS))
            try:
                outcome, detail, seconds = job.get(timeout=max(0.1, deadline - time.monotonic()))
            except multiprocessing.TimeoutError:
                problems.append(f"{name}: hung")
                continue
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
            if outcome == "crash":
                problems.append(f"{name}: {detail}")
            elif seconds > PER_FILE_SECONDS:
                problems.append(f"{name}: took {seconds:.1f} s")
            if path.suffix == ".tnef" and outcome != "message_error":
                problems.append(f"{name}: a raw TNEF file must be refused as not an email")
    finally:
        pool.terminate()
        pool.join()
    assert problems == []
    assert outcomes.get("ok", 0) >= len(files) // 2
