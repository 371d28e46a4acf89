"""``mailbot demo``: the whole desk on one laptop, on loopback (needs ``.[demo]``).

Started, in this order: a SQLite database, an IMAP server holding the desk's mailbox
(:mod:`mailbot.demo.imap_server`: pymap's in-memory backend), an SMTP server
(:mod:`mailbot.demo.smtp_server`: aiosmtpd) that files mail for the desk into that
mailbox and everybody else's copy into a Maildir per recipient under the demo folder,
and the bot itself (:class:`~mailbot.runner.Runner`). Each server is a process of its
own (:mod:`mailbot.demo.servers`). The demo then sends the procedure's sample emails
through the SMTP server, like a real sender would, and prints what happens
(:mod:`mailbot.demo.story`). ``mailbot.toml`` in the demo folder points at all of it, so
the review commands work from another terminal.

The servers come from the ``demo`` extra (``pip install -e '.[demo]'``);
:func:`missing_packages` says which of them are not installed. Importing this package
imports neither.
"""

from __future__ import annotations

import importlib.util

# The import names of the packages of the ``demo`` extra (pyproject.toml).
DEMO_PACKAGES = ("pymap", "aiosmtpd")
INSTALL_HINT = "pip install -e '.[demo]'"


def missing_packages() -> list[str]:
    """The demo's servers that are not installed (empty when the demo can run)."""
    return [name for name in DEMO_PACKAGES if importlib.util.find_spec(name) is None]
