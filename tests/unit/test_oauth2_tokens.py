"""The OAuth2 token cache: renewal before expiry, backoff on failure, token_command."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from structlog.testing import capture_logs

from mailbot.adapters.oauth2 import CommandFetch, TokenSource, token_source, xoauth2_string
from mailbot.config import OAuth2Settings, Settings
from mailbot.errors import ConfigError, TokenError


class FakeFetch:
    """Hands out token-1, token-2 ... or raises what it is told to."""

    def __init__(self, lifetime: float = 3600.0) -> None:
        self.lifetime = lifetime
        self.calls = 0
        self.fail: list[str] = []

    def __call__(self) -> tuple[str, float]:
        self.calls += 1
        if self.fail:
            raise TokenError(self.fail.pop(0))
        return f"token-{self.calls}", self.lifetime


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def make(fetch: FakeFetch, clock: Clock, renew_before: float = 300.0) -> TokenSource:
    return TokenSource(
        fetch, source="msal", renew_before=renew_before, clock=clock, first_retry=2, max_retry=60
    )


def test_token_is_fetched_once_and_then_served_from_memory() -> None:
    """Logins within the token's life reuse it: one request to the identity platform."""
    fetch, clock = FakeFetch(), Clock()
    tokens = make(fetch, clock)
    assert tokens.token() == "token-1"
    clock.now += 3000
    assert tokens.token() == "token-1"
    assert fetch.calls == 1
    assert tokens.state().status == "ok"


def test_token_is_renewed_before_it_expires() -> None:
    """Within renew_before_seconds of expiry a new token is fetched, not the old reused."""
    fetch, clock = FakeFetch(), Clock()
    tokens = make(fetch, clock)
    tokens.token()
    clock.now += 3600 - 299
    assert tokens.token() == "token-2"
    assert fetch.calls == 2


def test_failed_renewal_keeps_the_valid_token_and_retries_with_backoff() -> None:
    """A renewal failure is logged as an error, the old token keeps working, and the
    identity platform is not asked again before the backoff delay."""
    fetch, clock = FakeFetch(), Clock()
    tokens = make(fetch, clock)
    tokens.token()
    clock.now += 3400
    fetch.fail = ["invalid_client: AADSTS7000215", "server_error"]
    with capture_logs() as logs:
        assert tokens.token() == "token-1"
    assert [e["event"] for e in logs] == ["oauth2_token_failed"]
    assert logs[0]["log_level"] == "error" and logs[0]["retry_in"] == 2
    state = tokens.state()
    assert state.status == "failing" and state.failures == 1
    assert "AADSTS7000215" in (state.last_error or "")
    clock.now += 1
    assert tokens.token() == "token-1" and fetch.calls == 2  # within the backoff: no request
    clock.now += 1
    assert tokens.token() == "token-1" and fetch.calls == 3  # second failure, delay doubles
    clock.now += 4
    assert tokens.token() == "token-4"
    assert tokens.state().status == "ok" and tokens.state().failures == 0


def test_no_valid_token_raises_and_says_why() -> None:
    """Without any valid token the caller gets a TokenError naming the cause, and the
    state says the token is down."""
    fetch, clock = FakeFetch(), Clock()
    fetch.fail = ["the authority did not answer"]
    tokens = make(fetch, clock)
    with pytest.raises(TokenError, match="did not answer"):
        tokens.token()
    with pytest.raises(TokenError, match="did not answer"):
        tokens.token()  # still within the backoff: same answer, no new request
    assert fetch.calls == 1
    assert tokens.state().status == "down"


def test_invalidated_token_is_fetched_again() -> None:
    """A token the server refused is dropped: the next login asks for a new one."""
    fetch, clock = FakeFetch(), Clock()
    tokens = make(fetch, clock)
    tokens.token()
    tokens.invalidate()
    assert tokens.token() == "token-2"


def test_token_state_never_holds_the_token() -> None:
    """What check and status show of the token has its expiry but not its value."""
    fetch, clock = FakeFetch(), Clock()
    tokens = make(fetch, clock)
    tokens.token()
    shown = tokens.state().as_dict()
    assert "token-1" not in repr(shown)
    assert shown["expires_at"] is not None


def test_xoauth2_string_has_the_sasl_shape() -> None:
    """The XOAUTH2 initial response is user, bearer token, and two ^A separators."""
    assert xoauth2_string("u@x", "T") == "user=u@x\x01auth=Bearer T\x01\x01"


def _command(tmp_path: Path, body: str) -> str:
    script = tmp_path / "token.py"
    script.write_text(body)
    return f"{sys.executable} {script}"


def test_token_command_output_is_the_token(tmp_path: Path) -> None:
    """token_command's standard output (trimmed) is the token, valid for its lifetime."""
    cmd = _command(tmp_path, "print('abc.def.ghi')\n")
    fetch = CommandFetch(OAuth2Settings(token_command=cmd, token_command_lifetime_seconds=120))
    assert fetch() == ("abc.def.ghi", 120)


def test_token_command_failure_names_the_exit_and_first_error_line(tmp_path: Path) -> None:
    """A failing token_command gives its exit status and the first line it wrote to stderr."""
    cmd = _command(tmp_path, "import sys\nsys.stderr.write('no keyring\\nmore')\nsys.exit(3)\n")
    with pytest.raises(TokenError, match="exited 3: no keyring"):
        CommandFetch(OAuth2Settings(token_command=cmd))()


def test_token_command_that_hangs_is_stopped(tmp_path: Path) -> None:
    """A token_command that does not finish is stopped after timeout_seconds."""
    cmd = _command(tmp_path, "import time\ntime.sleep(30)\n")
    with pytest.raises(TokenError, match=r"did not finish within 0\.5 s"):
        CommandFetch(OAuth2Settings(token_command=cmd, timeout_seconds=0.5))()


def test_token_command_with_no_output_is_refused(tmp_path: Path) -> None:
    """An empty or multi-word output is not taken as a token."""
    for body in ("print()\n", "print('two words')\n"):
        with pytest.raises(TokenError, match="printed no token"):
            CommandFetch(OAuth2Settings(token_command=_command(tmp_path, body)))()


def test_missing_token_command_program_is_reported() -> None:
    """A token_command that does not exist is named in the error."""
    with pytest.raises(TokenError, match="cannot be run"):
        CommandFetch(OAuth2Settings(token_command="/nonexistent/get-token"))()


def test_one_token_source_is_shared_per_settings() -> None:
    """IMAP, the IDLE watcher and SMTP share one cached token; password login needs none."""
    settings = Settings.model_validate(
        {"mailbox": {"auth": "oauth2"}, "oauth2": {"token_command": "true"}}
    )
    assert token_source(settings) is token_source(settings)
    assert token_source(Settings()) is None


def test_oauth2_without_app_registration_is_refused_at_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """auth = "oauth2" without a client id (or a token_command) is refused in one line."""
    from mailbot.config import load_settings

    cfg = tmp_path / "m.toml"
    cfg.write_text('[mailbox]\nauth = "oauth2"\n[oauth2]\ntenant_id = "t"\n')
    with pytest.raises(ConfigError, match=r"oauth2\.client_id is required when mailbox\.auth"):
        load_settings(cfg)
    cfg.write_text('[smtp]\nauth = "oauth2"\n[oauth2]\nclient_id = "c"\n')
    with pytest.raises(ConfigError, match=r"oauth2\.tenant_id is required when smtp\.auth"):
        load_settings(cfg)
    monkeypatch.setenv("MAILBOT_OAUTH2_CLIENT_SECRET", "s3cret")
    cfg.write_text('[mailbox]\nauth = "oauth2"\n[oauth2]\nclient_id = "c"\ntenant_id = "t"\n')
    settings = load_settings(cfg)
    assert settings.oauth2.client_secret.get_secret_value() == "s3cret"
    assert settings.oauth2.authority_url == "https://login.microsoftonline.com/t"
    assert "s3cret" not in repr(settings)


def test_certificate_without_thumbprint_is_refused(tmp_path: Path) -> None:
    """A certificate credential needs its thumbprint: the one-line error names the key."""
    from mailbot.config import load_settings

    cfg = tmp_path / "m.toml"
    cfg.write_text('[oauth2]\ncertificate_file = "/etc/mailbot/app.pem"\n')
    with pytest.raises(ConfigError, match="oauth2: certificate_thumbprint is required"):
        load_settings(cfg)
