"""One exception root for everything mailbot raises on purpose.

Validation results (missing or invalid fields) are data, not exceptions; these
classes are for failures that stop a unit of work.
"""

from __future__ import annotations


class MailbotError(Exception):
    """Root of every error mailbot raises deliberately.

    The CLI prints ``str(error)`` as a one-line message and exits non-zero.
    """


class ConfigError(MailbotError):
    """Raised when the settings file or environment holds a missing or unsafe value."""


class RulesError(MailbotError):
    """Raised when a file in ``rules/`` cannot be loaded; names the file and the key."""


class MessageError(MailbotError):
    """Raised when input is not a readable email (not RFC 5322, unreadable, too large)."""


class MessageTooLarge(MessageError):
    """Raised when a message exceeds the configured size limit."""


class ReplyUnreadable(MessageError):
    """Raised when a reply on an open case cannot be read against its case (the reading
    took too long or crashed the reader); the message is quarantined with the reason."""


class StoreError(MailbotError):
    """Raised when the database is unreachable or its schema is not current."""


class DatabaseStalled(StoreError):
    """Raised when the database did not answer within ``[database]
    statement_timeout_seconds`` (or the connection stopped answering); retried."""


class SchemaOutOfDate(StoreError):
    """Raised when the database schema is behind the code; run ``mailbot db upgrade``."""


class DuplicateMessage(StoreError):
    """Raised when a message (folder, UIDVALIDITY, UID) is already in the ledger, e.g.
    because another bot instance recorded it first; the caller skips it."""


class MailboxError(MailbotError):
    """Raised when the IMAP server cannot be reached or refuses an operation."""


class MailboxLoginError(MailboxError):
    """Raised when the IMAP server rejects the configured credentials."""


class DeliveryError(MailbotError):
    """Raised when an outgoing email cannot be handed to the SMTP server."""


class PermanentDeliveryError(DeliveryError):
    """Raised on a 5xx SMTP answer: retrying will not help."""


class RecipientsRefused(DeliveryError):
    """The SMTP server refused every recipient (4xx): a fault of the addresses, not of
    the server or of our login."""


class PermanentRecipientsRefused(RecipientsRefused, PermanentDeliveryError):
    """The SMTP server refused every recipient with 5xx."""


class ReplyError(MailbotError):
    """Raised when a reply cannot be rendered or built (unknown template, missing variable)."""


class InvalidRecipient(ReplyError):
    """Raised when an outgoing address is not exactly one plain ``local@domain``."""


class CaseError(MailbotError):
    """Raised when a case operation is refused (unknown reference, wrong state, conflict)."""


class DemoError(MailbotError):
    """Raised when ``mailbot demo`` cannot start (a port in use, a folder that is not
    a demo folder, the embedded IMAP server not coming up)."""


class TokenError(MailbotError):
    """Raised when no OAuth2 access token can be had: the identity platform refused the
    request (wrong secret, missing consent), did not answer, or ``token_command`` failed."""
