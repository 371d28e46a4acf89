"""Re-checking a case's data: see :mod:`mailbot.domain.checklist`."""

from __future__ import annotations

from mailbot.domain.checklist import as_result, is_complete, recheck

__all__ = ["as_result", "is_complete", "recheck"]
