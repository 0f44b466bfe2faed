"""The stage packages import only downward: each may use the packages before it in LAYERS,
never one after it, and no module imports itself back through a cycle."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import timeline_cli

PACKAGE = Path(timeline_cli.__file__).parent
# From the bottom up. ``temporal`` is the date grammar: ``ingest`` reads datelines and
# metadata dates with it, so it sits below ``ingest`` though the pipeline runs it after.
LAYERS = (
    "core", "temporal", "ingest", "events", "chronology", "output", "pipeline", "evaluation", "cli",
)  # fmt: skip


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> Iterator[str]:
    """Every timeline_cli module a file imports, at its top or inside a function."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.startswith("timeline_cli"):
                yield node.module
        elif isinstance(node, ast.Import):
            yield from (a.name for a in node.names if a.name.startswith("timeline_cli"))


def layer_of(module: str) -> int | None:
    parts = module.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 1 and parts[1] in LAYERS else None


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_lives_in_a_stage_package() -> None:
    loose = [
        module_name(path)
        for path in MODULES
        if layer_of(module_name(path)) is None
        and module_name(path) not in ("timeline_cli", "timeline_cli.__main__")
    ]
    assert loose == []


@pytest.mark.parametrize("path", MODULES, ids=module_name)
def test_no_stage_imports_a_later_stage(path: Path) -> None:
    own = layer_of(module_name(path))
    if own is None:
        return
    upward = [m for m in imports_of(path) if (layer_of(m) or 0) > own]
    assert upward == [], f"{module_name(path)} ({LAYERS[own]}) imports a later stage"


def test_no_import_cycles() -> None:
    graph = {module_name(path): set(imports_of(path)) for path in MODULES}
    visiting: set[str] = set()
    done: set[str] = set()

    def visit(module: str, trail: tuple[str, ...]) -> None:
        if module in done or module not in graph:
            return
        assert module not in visiting, " -> ".join((*trail, module))
        visiting.add(module)
        for imported in graph[module]:
            visit(imported, (*trail, module))
        visiting.discard(module)
        done.add(module)

    for module in graph:
        visit(module, ())
