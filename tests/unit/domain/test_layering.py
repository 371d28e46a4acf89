"""The decision logic stays on the ground floor: no database, no mail, no desk."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3] / "mailbot"

# What the domain may build on: itself, the intake's models, officer fields and rules
# (data), its pure field checks, and the error types.
ALLOWED = ("mailbot.domain", "mailbot.intake.model", "mailbot.intake.officer_fields",
           "mailbot.intake.rules", "mailbot.intake.checks", "mailbot.intake",
           "mailbot.errors")  # fmt: skip


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module if node.level == 0 else f"relative:{node.module}")
            if node.module == "mailbot.intake":
                found |= {f"mailbot.intake.{a.name}" for a in node.names}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
    return found


def test_domain_imports_only_the_ground_floor() -> None:
    for path in (ROOT / "domain").rglob("*.py"):
        for name in _imports(path):
            if not name.startswith("mailbot"):
                assert name.split(".")[0] not in {"sqlalchemy", "imapclient", "aiosmtplib"}, path
                continue
            allowed = name in ALLOWED or name.startswith("mailbot.domain")
            assert allowed, f"{path.relative_to(ROOT)} imports {name}"
            if name.startswith("mailbot.intake."):
                assert name in ALLOWED, f"{path.relative_to(ROOT)} imports {name}"


def test_message_handling_does_not_reach_into_the_review_desk() -> None:
    for module in ("handling.py", "case_facts.py", "case_effects.py"):
        names = _imports(ROOT / module)
        assert not [n for n in names if n.startswith("mailbot.review")], module
