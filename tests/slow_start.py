"""A read function whose module is slow to import in the reader's child process (as
the intake's imports are on a loaded machine): the child takes seconds to get ready."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from mailbot.intake.limits import Limits
from mailbot.reader import Reading, read_in_process

START_SECONDS = 4.0

if "reader_child" in sys.argv[0]:  # in the child only: the test itself imports at once
    time.sleep(START_SECONDS)


def read_after_slow_start(
    raw: bytes, limits: Limits, rules_dir: Path | None, loop_header: str
) -> Reading:
    """The reader's read function; only its module's import is slow."""
    return read_in_process(raw, limits, rules_dir, loop_header)
