"""Adapters: the real IMAP mailbox and SMTP relay behind the ports in ``mailbot.ports``.

Everything that talks to a server lives here; the core never imports these modules
directly but receives a :class:`~mailbot.ports.Mailbox` or :class:`~mailbot.ports.Mailer`.
"""

from __future__ import annotations

from mailbot.adapters.imap import ImapMailbox
from mailbot.adapters.smtp import SmtpMailer

__all__ = ["ImapMailbox", "SmtpMailer"]
