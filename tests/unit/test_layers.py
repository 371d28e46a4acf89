"""The shape of the package: the pure reading and case core at the bottom, each layer importing
only from below. Read from the source with ``ast`` (imports inside functions included),
so a lazy import cannot hide an upward dependency; and no module too long to read whole."""

from __future__ import annotations

import ast
from collections import defaultdict
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "mailbot"
# Units that form one floor together: the core (intake reads, domain decides, both
# pure) and the command line with the demo it can start.
FLOORS = {"intake": "core", "domain": "core", "cli": "top", "demo": "top", "__main__": "top"}
GROUND = {"errors", "resources", "config_file", "ports", "logs"}


def _unit(module: str) -> str:
    parts = module.split(".")
    name = parts[1] if len(parts) > 1 else parts[0]
    return FLOORS.get(name, name)


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = defaultdict(set)
    for path in PACKAGE.rglob("*.py"):
        source = _unit(".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts))
        graph[source]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            for name in names:
                if name.startswith("mailbot."):
                    target = _unit(name)
                    if target != source:
                        graph[source].add(target)
    return graph


def test_no_layer_imports_one_above_it() -> None:
    try:
        order = list(TopologicalSorter(_graph()).static_order())
    except CycleError as e:
        raise AssertionError(f"import cycle between layers: {e.args[1]}") from None
    assert order.index("core") < order.index("store") < order.index("top")


def test_core_imports_nothing_but_the_ground_floor() -> None:
    graph = _graph()
    assert graph["core"] <= GROUND, graph["core"] - GROUND
    for unit in GROUND:
        assert not graph[unit] - GROUND, (unit, graph[unit] - GROUND)


def test_the_store_sits_on_the_core_and_the_settings_only() -> None:
    allowed = GROUND | {"core", "config"}
    assert _graph()["store"] <= allowed, _graph()["store"] - allowed


def test_no_module_is_over_four_hundred_lines() -> None:
    """Modules stay small enough to read whole; a longer one is split by purpose."""
    long = {
        str(path.relative_to(PACKAGE.parent)): n
        for path in PACKAGE.rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert long == {}
