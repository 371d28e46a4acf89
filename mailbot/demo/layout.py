"""Where the demo keeps its files, and the settings it writes for them (pure)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

HOST = "127.0.0.1"
DESK_USER = "dps.eticket"
DESK_PASSWORD = "demo"
MARKER = ".mailbot-demo"
POLL_SECONDS = 2


@dataclass(frozen=True)
class DemoLayout:
    """Where the demo keeps its files."""

    root: Path

    @property
    def config(self) -> Path:
        return self.root / "mailbot.toml"

    @property
    def database(self) -> Path:
        return self.root / "mailbot.db"

    @property
    def mail(self) -> Path:
        return self.root / "mail"

    @property
    def imap_log(self) -> Path:
        return self.root / "imap-server.log"

    @property
    def smtp_log(self) -> Path:
        return self.root / "smtp-server.log"

    def maildir(self, address: str) -> Path:
        """The Maildir holding what ``address`` received."""
        safe = re.sub(r"[^a-z0-9@._+-]", "_", address.strip().lower()) or "_"
        return self.mail / safe


def settings_toml(layout: DemoLayout, imap_port: int, smtp_port: int) -> str:
    """The text of the demo's ``mailbot.toml``: the local servers and the demo database."""
    url = "sqlite:///" + str(layout.database.resolve())
    return f"""# Written by `mailbot demo`: the desk on the local servers the demo started.
# Valid while the demo runs, e.g.: mailbot --config {layout.config} queue

[mailbox]
host = "{HOST}"
port = {imap_port}
security = "none"
username = "{DESK_USER}"
password = "{DESK_PASSWORD}"
timeout_seconds = 10

[smtp]
host = "{HOST}"
port = {smtp_port}
security = "none"
timeout_seconds = 10

[database]
url = {json.dumps(url)}

[poll]
interval_seconds = {POLL_SECONDS}
idle = true
idle_renew_seconds = 3

[logging]
level = "warning"
"""


def shown(path: Path) -> str:
    """``path`` relative to the working directory when it is below it."""
    resolved = path.resolve()
    try:
        return str(resolved.relative_to(Path.cwd()))
    except ValueError:
        return str(resolved)
