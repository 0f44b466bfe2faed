"""docs/cli.md is the --help of every command, regenerated whenever the commands change, and
it documents every command, argument and option."""

from __future__ import annotations

import re

import pytest
import typer
from conftest import REPO

from timeline_cli.cli.app import app
from timeline_cli.cli.reference import REGENERATE, command_names, reference

DOCS = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")


def section(command: str) -> str:
    """The part of docs/cli.md under the command's heading."""
    parts = re.split(r"^## ", DOCS, flags=re.MULTILINE)
    titled = {part.split("\n", 1)[0]: part for part in parts[1:]}
    assert f"timeline {command}" in titled, f"docs/cli.md has no heading for {command}"
    return titled[f"timeline {command}"]


def test_reference_is_up_to_date() -> None:
    assert reference() == DOCS, f"docs/cli.md is stale: run `{REGENERATE}`"


def test_every_command_is_listed() -> None:
    group = typer.main.get_command(app)
    assert set(command_names()) == set(group.commands)  # type: ignore[attr-defined]
    assert {"extract", "show", "explain", "eval-timex"} <= set(command_names())


@pytest.mark.parametrize("command", command_names())
def test_every_option_and_argument_is_documented(command: str) -> None:
    group = typer.main.get_command(app)
    text = section(command)
    for parameter in group.commands[command].params:  # type: ignore[attr-defined]
        if parameter.param_type_name == "argument":
            assert (parameter.metavar or parameter.name.upper()) in text
            continue
        for name in [*parameter.opts, *parameter.secondary_opts]:
            assert re.search(rf"(^|[\s,]){re.escape(name)}\b", text, re.MULTILINE), (
                f"{name} of {command} is missing from docs/cli.md"
            )
        assert parameter.help and parameter.help.split()[0] in text
