"""The settings file's light reading for the listings agrees with the full settings loader."""

from __future__ import annotations

import typing
from pathlib import Path

import pytest

from mailbot.config import Settings, load_settings
from mailbot.config_file import DESK_KEYS, SECTIONS, DeskSettings, desk_settings
from mailbot.errors import ConfigError


def test_quick_keys_match_the_settings_definition() -> None:
    """Every key the quick reader knows has the same default and allowed values as in
    ``Settings``, so the two cannot drift apart unnoticed."""
    defaults = Settings()
    for section, keys in DESK_KEYS.items():
        model = type(getattr(defaults, section))
        for key, (default, allowed) in keys.items():
            assert getattr(getattr(defaults, section), key) == default, f"{section}.{key}"
            annotation = typing.get_type_hints(model)[key]
            if allowed is None:
                assert annotation is str, f"{section}.{key}"
            else:
                assert typing.get_args(annotation) == allowed, f"{section}.{key}"


ACCEPTED = [
    "",
    '[database]\nurl = "sqlite:////srv/desk.db"\n',
    '[database]\nurl = "postgresql+psycopg://desk@db/mailbot"\n\n'
    '[logging]\nlevel = "warning"\nformat = "json"\n',
    '[logging]\nformat = "console"\n',
]


@pytest.mark.parametrize("text", ACCEPTED)
def test_desk_only_files_give_the_values_of_the_full_loader(tmp_path: Path, text: str) -> None:
    """A file with only ``[database]`` and ``[logging]`` is read quickly, with exactly
    the URL and logging settings the full loader would give."""
    path = tmp_path / "desk.toml"
    path.write_text(text, encoding="utf-8")
    full = load_settings(path)
    assert desk_settings(path, environ={}) == DeskSettings(
        database_url=full.database.url,
        log_level=full.logging.level,
        log_format=full.logging.format,
    )


REFUSED = {
    "other section": '[database]\nurl = "sqlite:///x.db"\n[mailbox]\nhost = "imap.vermont.gov"\n',
    "unknown key": '[database]\nurl = "sqlite:///x.db"\npool = 5\n',
    "unknown section": '[databases]\nurl = "sqlite:///x.db"\n',
    "bad level": '[logging]\nlevel = "INFO"\n',
    "url not text": "[database]\nurl = 5\n",
    "section not a table": 'database = "sqlite:///x.db"\n',
    "not TOML": "[database\nurl = \n",
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_anything_else_goes_to_the_full_loader(tmp_path: Path, name: str) -> None:
    """A file with any other key, a wrong value or broken TOML is left to the full
    loader, so staff see its usual error or its full validation."""
    path = tmp_path / "desk.toml"
    path.write_text(REFUSED[name], encoding="utf-8")
    assert desk_settings(path, environ={}) is None


def test_a_missing_file_goes_to_the_full_loader_and_its_error(tmp_path: Path) -> None:
    """A settings file that does not exist gets the full loader's one-line error."""
    missing = tmp_path / "nope.toml"
    assert desk_settings(missing, environ={}) is None
    with pytest.raises(ConfigError, match="not found"):
        load_settings(missing)


def test_environment_overrides_go_to_the_full_loader(tmp_path: Path) -> None:
    """A ``MAILBOT_*`` variable may change any value, so only the full loader decides;
    ``MAILBOT_CONFIG`` alone (the file's path) keeps the quick reader."""
    path = tmp_path / "desk.toml"
    path.write_text('[database]\nurl = "sqlite:///x.db"\n', encoding="utf-8")
    assert desk_settings(path, environ={"MAILBOT_DATABASE_URL": "sqlite:///y.db"}) is None
    assert desk_settings(path, environ={"mailbot_logging_level": "debug"}) is None
    quick = desk_settings(None, environ={"MAILBOT_CONFIG": str(path)})
    assert quick is not None and quick.database_url == "sqlite:///x.db"


def test_sections_match_the_settings_definition() -> None:
    """The quick reader knows every settings section, so no override goes unnoticed."""
    assert set(SECTIONS) == set(Settings.model_fields)


def test_variables_that_are_not_settings_do_not_disable_the_fast_path(tmp_path: Path) -> None:
    """MAILBOT_CONFIG and switches such as MAILBOT_REQUIRE_POSTGRES change no setting."""
    cfg = tmp_path / "desk.toml"
    cfg.write_text('[database]\nurl = "sqlite:///x.db"\n')
    env = {"MAILBOT_REQUIRE_POSTGRES": "1", "MAILBOT_CONFIG": str(cfg)}
    quick = desk_settings(None, env)
    assert quick is not None and quick.database_url == "sqlite:///x.db"
    assert desk_settings(None, {**env, "MAILBOT_DATABASE_URL": "sqlite://"}) is None
