"""structlog configuration, done once at the entry point."""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING

import structlog

if TYPE_CHECKING:
    from structlog.typing import Processor

_LEVELS = {
    "debug": logging.DEBUG,
    "info": logging.INFO,
    "warning": logging.WARNING,
    "error": logging.ERROR,
}

# Third-party loggers that are chatty about malformed input we already handle.
_QUIET = (
    "mailparser",
    "mailparser_reply",
    "imapclient",
    "tnefparse",
    "PIL",
    "apscheduler",
    "alembic",
    "mail.log",
    "aiosmtpd",
)


def configure_logging(level: str = "info", fmt: str = "auto") -> None:
    """Console output on a terminal, JSON lines otherwise; both on stderr."""
    use_console = fmt == "console" or (fmt == "auto" and sys.stderr.isatty())
    renderer: Processor = (
        structlog.dev.ConsoleRenderer() if use_console else structlog.processors.JSONRenderer()
    )
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.processors.format_exc_info,
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(_LEVELS[level]),
        logger_factory=structlog.PrintLoggerFactory(file=sys.stderr),
        cache_logger_on_first_use=False,
    )
    for name in _QUIET:
        logging.getLogger(name).setLevel(logging.CRITICAL)
