"""Settings: TOML file, environment overrides, one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from mailbot.config import load_settings
from mailbot.errors import ConfigError

ROOT = Path(__file__).resolve().parents[2]


def test_example_config_loads(monkeypatch: pytest.MonkeyPatch) -> None:
    """The documented example file is itself a valid configuration."""
    monkeypatch.delenv("MAILBOT_CONFIG", raising=False)
    settings = load_settings(ROOT / "config.example.toml")
    assert settings.mailbox.security == "tls"
    assert settings.database.url == "sqlite:///mailbot.db"


def test_environment_overrides_file_for_secrets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """MAILBOT_MAILBOX_PASSWORD wins over the file, and is never shown in the repr."""
    cfg = tmp_path / "c.toml"
    cfg.write_text('[mailbox]\nhost = "imap.example.gov"\npassword = "from-file"\n')
    monkeypatch.setenv("MAILBOT_MAILBOX_PASSWORD", "from-env")
    monkeypatch.setenv("MAILBOT_POLL_INTERVAL_SECONDS", "7")
    settings = load_settings(cfg)
    assert settings.mailbox.password.get_secret_value() == "from-env"
    assert settings.mailbox.host == "imap.example.gov"
    assert settings.poll.interval_seconds == 7
    assert "from-env" not in repr(settings)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('[mailbox]\nhots = "x"\n', "mailbox.hots: unknown key"),
        ('[mailbox]\nport = "abc"\n', "mailbox.port"),
        ('[mailbox]\nhost = "imap.example.gov"\nsecurity = "none"\n', "loopback"),
        ("[mailbox\n", "not valid TOML"),
    ],
)
def test_bad_config_is_one_line_naming_the_key(tmp_path: Path, content: str, expected: str) -> None:
    """A wrong key or value is refused with one line that says what to fix."""
    cfg = tmp_path / "c.toml"
    cfg.write_text(content)
    with pytest.raises(ConfigError) as info:
        load_settings(cfg)
    message = str(info.value)
    assert expected in message
    assert "\n" not in message


def test_missing_config_file_is_reported(tmp_path: Path) -> None:
    """Pointing --config at a file that does not exist says so."""
    with pytest.raises(ConfigError, match="not found"):
        load_settings(tmp_path / "nope.toml")


def test_trust_policy_defaults_and_a_wrong_value_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """[trust] defaults to require for roster changes and flag for enrolments and
    replies; a value other than require/flag/off is refused naming the key; the
    Message-ID secret comes from the environment and is never shown."""
    monkeypatch.delenv("MAILBOT_CONFIG", raising=False)
    cfg = tmp_path / "c.toml"
    cfg.write_text('[trust]\nfollow_up = "require"\n')
    monkeypatch.setenv("MAILBOT_BOT_MESSAGE_ID_SECRET", "hush")
    settings = load_settings(cfg)
    assert (settings.trust.enrollment, settings.trust.roster_change) == ("flag", "require")
    assert settings.trust.follow_up == "require"
    assert settings.bot.message_id_secret.get_secret_value() == "hush"
    assert "hush" not in repr(settings)
    cfg.write_text('[trust]\nenrollment = "maybe"\n')
    with pytest.raises(ConfigError) as caught:
        load_settings(cfg)
    assert "trust.enrollment" in str(caught.value) and "\n" not in str(caught.value)
