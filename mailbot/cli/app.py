"""What every command of the ``mailbot`` command line shares (no click: the listings
for scripts run without it, see :mod:`mailbot.cli.fast`)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mailbot.config import Settings


class AppContext:
    """What every command shares: the settings, loaded once and only when needed."""

    def __init__(self, config_path: str | None, log_level: str | None) -> None:
        self.config_path = config_path
        self.log_level = log_level
        self._settings: Settings | None = None
        self._database_url: str | None = None

    @property
    def database_url(self) -> str:
        """``[database] url`` for the read-only listings: read without building the
        settings when the file holds only ``[database]`` and ``[logging]`` (see
        :func:`mailbot.config_file.desk_settings`), else from :attr:`settings`."""
        if self._settings is not None:
            return str(self._settings.database.url)
        if self._database_url is None:
            from mailbot.config_file import desk_settings

            quick = desk_settings(self.config_path)
            if quick is None:
                return str(self.settings.database.url)
            if "structlog" in sys.modules:  # else nothing here logs: configure on demand
                from mailbot.logs import configure_logging

                configure_logging(self.log_level or quick.log_level, quick.log_format)
            self._database_url = quick.database_url
        return self._database_url

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            from mailbot.config import load_settings
            from mailbot.logs import configure_logging

            self._settings = load_settings(self.config_path)
            configure_logging(
                self.log_level or self._settings.logging.level, self._settings.logging.format
            )
        return self._settings
