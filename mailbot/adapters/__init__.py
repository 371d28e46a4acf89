"""Adapters: the real IMAP mailbox and SMTP relay behind the ports in ``mailbot.ports``.

Everything that talks to a server lives here; the core never imports these modules
directly but receives a :class:`~mailbot.ports.Mailbox` or :class:`~mailbot.ports.Mailer`.
Build them with :func:`make_mailbox` and :func:`make_mailer`, which give both the
process's one OAuth2 token source when ``auth = "oauth2"``.
"""

from __future__ import annotations

from typing import Any

from mailbot.adapters.imap import ImapMailbox
from mailbot.adapters.oauth2 import token_source
from mailbot.adapters.smtp import SmtpMailer
from mailbot.config import Settings


def make_mailbox(settings: Settings, **options: Any) -> ImapMailbox:
    """The IMAP mailbox of ``settings`` (options as for :class:`ImapMailbox`)."""
    options.setdefault("idle_renew_seconds", settings.poll.idle_renew_seconds)
    return ImapMailbox(settings.mailbox, token_source=token_source(settings), **options)


def make_mailer(settings: Settings, **options: Any) -> SmtpMailer:
    """The SMTP relay of ``settings`` (options as for :class:`SmtpMailer`)."""
    return SmtpMailer(settings.smtp, token_source=token_source(settings), **options)


__all__ = ["ImapMailbox", "SmtpMailer", "make_mailbox", "make_mailer"]
