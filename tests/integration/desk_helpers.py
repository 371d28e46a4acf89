"""Building a desk on real servers, and the emails the scenarios send."""

from __future__ import annotations

from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import default as default_policy
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from mailbot.adapters.imap import ImapMailbox
from mailbot.adapters.smtp import SmtpMailer
from mailbot.config import DatabaseSettings, Settings
from mailbot.ports import Clock
from mailbot.service import Desk
from tests.fakes import FakeClock

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests" / "data" / "samples" / "sop-sample.eml"
DESK = "dps.eticket@vermont.gov"


def make_settings(
    imap_account: Any, smtp_sink: Any, url: str = "sqlite://", **bot: Any
) -> Settings:
    return Settings(
        mailbox=imap_account.settings(),
        smtp=smtp_sink.settings(from_address=DESK),
        database=DatabaseSettings(url=url),
        bot={"message_id_domain": "desk.test", **bot},
        # Read in-process here; the isolated reader has its own tests (and the
        # process-level tests run the bot with its default settings).
        limits={"read_timeout_seconds": 0},
    )


def make_desk(settings: Settings, engine: Engine, clock: Clock | None = None) -> Desk:
    return Desk(
        settings,
        engine,
        ImapMailbox(settings.mailbox),
        SmtpMailer(settings.smtp),
        clock or FakeClock(),
    )


def incomplete_request(message_id: str = "<incomplete-1@norwich.test>") -> bytes:
    """An enrolment email missing the phone, the logo and one officer's username."""
    m = EmailMessage()
    m["From"] = "Chief Dana Morse <dmorse@norwich.test>"
    m["To"] = DESK
    m["Subject"] = "Norwich PD e-ticket enrolment"
    m["Message-ID"] = message_id
    m["Date"] = "Mon, 02 Nov 2026 09:00:00 -0500"
    m.set_content(
        "Hello,\n\n"
        "Norwich Police Department would like to start issuing Vermont Civil Violation\n"
        "Complaints electronically. I have designated Dana Morse as the e-ticket\n"
        "Point-of-Contact (dmorse@norwich.test).\n\n"
        "Judiciary Code: 0871\n"
        "Agency Name: Norwich Police Department\n"
        "Address: 300 Main Street, Norwich, VT 05055\n\n"
        "Officer Last Name\tOfficer First Name\tOfficer Rank/Title\tOfficer Number\tDPS Username\n"
        "Morse\tDana\tChief\tNW001\tdmorse\n"
        "Hale\tJordan\tOfficer\tNW002\t\n\n"
        "Thank you,\nDana Morse\nChief of Police\n"
    )
    return bytes(m)


def answer(
    to_reply: bytes,
    body: str,
    sender: str = "Chief Dana Morse <dmorse@norwich.test>",
    message_id: str = "<answer-1@norwich.test>",
    attach_logo: bool = False,
) -> bytes:
    """A reply to one of our emails, quoting it below the new text."""
    ours = BytesParser(policy=default_policy).parsebytes(to_reply)
    m = EmailMessage()
    m["From"] = sender
    m["To"] = DESK
    m["Subject"] = "Re: " + str(ours["Subject"])
    m["Message-ID"] = message_id
    m["In-Reply-To"] = str(ours["Message-ID"])
    m["References"] = str(ours["Message-ID"])
    quoted = ours.get_body(("plain",))
    quoted_text = quoted.get_content() if quoted is not None else ""
    m.set_content(
        body
        + "\n\nOn Mon, 2 Nov 2026, DPS e-Ticket wrote:\n"
        + "\n".join("> " + line for line in quoted_text.splitlines())
    )
    if attach_logo:
        from tests.data.build import png

        m.add_attachment(png(120, 80), maintype="image", subtype="png", filename="norwich-logo.png")
    return bytes(m)


def subjects(sink: Any) -> list[str]:
    return [
        str(BytesParser(policy=default_policy).parsebytes(d.data)["Subject"]) for d in sink.messages
    ]


def body_text(data: bytes) -> str:
    msg = BytesParser(policy=default_policy).parsebytes(data)
    part = msg.get_body(("plain",))
    return part.get_content() if part is not None else ""
