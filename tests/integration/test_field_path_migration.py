"""Stored field paths move to the one spelling (``officers[2].title``) on upgrade."""

from __future__ import annotations

import json
from pathlib import Path

import sqlalchemy as sa
from alembic import command

from mailbot.store.db import _alembic_config, make_engine


def test_upgrade_rewrites_dotted_paths(tmp_path: Path) -> None:
    """Provenance, revision history and held-change audit paths written before the
    change read as ``officers[1].title`` afterwards, so `case show` finds their source."""
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "0006")
        connection.execute(
            sa.text(
                "INSERT INTO cases (id, reference, kind, status, data, provenance, flags,"
                " created_at, updated_at) VALUES (1, 'ETK-0001', 'enrollment', 'needs_info',"
                " '{}', :p, '[]', '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
            ),
            {"p": json.dumps({"agency.phone": 3, "officers.1.title": 4})},
        )
        connection.execute(
            sa.text(
                "INSERT INTO case_revisions (id, case_id, path, at)"
                " VALUES (1, 1, 'changes.0.title', '2026-01-01 00:00:00')"
            )
        )
        connection.execute(
            sa.text(
                "INSERT INTO audit_events (id, case_id, actor, action, detail, at) VALUES"
                " (1, 1, 'mailbot', 'follow_up_held', :d, '2026-01-01 00:00:00')"
            ),
            {"d": json.dumps({"paths": ["officers.12.dps_username", "agency.name"]})},
        )
        command.upgrade(_alembic_config(connection), "head")
        provenance = connection.execute(sa.text("SELECT provenance FROM cases")).scalar_one()
        path = connection.execute(sa.text("SELECT path FROM case_revisions")).scalar_one()
        detail = connection.execute(sa.text("SELECT detail FROM audit_events")).scalar_one()
    engine.dispose()
    assert json.loads(provenance) == {"agency.phone": 3, "officers[1].title": 4}
    assert path == "changes[0].title"
    assert json.loads(detail)["paths"] == ["officers[12].dps_username", "agency.name"]
