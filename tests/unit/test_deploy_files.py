"""The shape of the container files (no container engine runs in the tests)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]


def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.example.yml").read_text())
    return loaded


def test_compose_runs_two_bots_on_postgres_after_the_migration() -> None:
    """The example compose file runs PostgreSQL, a one-shot `db upgrade`, and two
    `mailbot run` instances with their own host names that start after it succeeded."""
    services = compose()["services"]
    assert services["postgres"]["image"].startswith("postgres:")
    assert services["migrate"]["command"] == ["db", "upgrade"]
    assert services["migrate"]["depends_on"]["postgres"]["condition"] == "service_healthy"
    bots = {name: s for name, s in services.items() if s.get("command") == ["run"]}
    assert len(bots) == 2
    assert len({s["hostname"] for s in bots.values()}) == 2
    for bot in bots.values():
        assert bot["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
        url = bot["environment"]["MAILBOT_DATABASE_URL"]
        assert url.startswith("postgresql+psycopg://") and "@postgres:5432/" in url
        assert "./mailbot.toml:/etc/mailbot/mailbot.toml:ro" in bot["volumes"]


def test_compose_takes_every_secret_from_the_environment() -> None:
    """No password or client secret is written in the compose file: each one is a
    required ${VARIABLE} from the environment."""
    secrets = 0
    for service in compose()["services"].values():
        for key, value in (service.get("environment") or {}).items():
            if re.search(r"PASSWORD|SECRET", key):
                secrets += 1
                assert re.fullmatch(r"\$\{[A-Z0-9_]+:\?[^}]*\}", str(value)), key
            if key == "MAILBOT_DATABASE_URL":
                assert ":${POSTGRES_PASSWORD:?" in value
    assert secrets >= 3
    assert "MAILBOT_OAUTH2_CLIENT_SECRET" in compose()["services"]["mailbot-a"]["environment"]


def test_dockerfile_health_check_reads_the_database_only() -> None:
    """The image's HEALTHCHECK runs `mailbot status` (database only), not `check`
    (which logs in to both servers), and the bot does not run as root."""
    text = (ROOT / "Dockerfile").read_text()
    [health] = [line for line in text.splitlines() if line.startswith("HEALTHCHECK")]
    assert health.endswith('CMD ["mailbot", "status"]')
    assert "check" not in health
    assert re.search(r"--start-period=\S+", health)
    assert "USER mailbot" in text
    assert "ENV MAILBOT_CONFIG=/etc/mailbot/mailbot.toml" in text
    assert 'CMD ["run"]' in text
