"""The command-line reference, ``docs/cli.md``, generated from the ``--help`` of every command
so that it cannot drift from the code (``tests/test_cli_reference.py`` fails when it is stale).

Regenerate it with ``python -m timeline_cli.cli.reference --write``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from typer.testing import CliRunner

from timeline_cli.cli.app import app

DOCUMENT = Path(__file__).resolve().parents[2] / "docs" / "cli.md"
HELP_WIDTH = 80  # the width help is wrapped to, whatever the terminal
PROGRAM = "timeline"
REGENERATE = "python -m timeline_cli.cli.reference --write"


def command_names() -> list[str]:
    """Every command of ``timeline``, in the order its --help lists them."""
    group = typer.main.get_command(app)
    context = group.make_context(PROGRAM, [], resilient_parsing=True)
    return list(group.list_commands(context))  # type: ignore[attr-defined]


def help_text(command: str | None = None) -> str:
    """The --help of ``timeline`` or of one of its commands."""
    arguments = [command, "--help"] if command else ["--help"]
    result = CliRunner().invoke(app, arguments, prog_name=PROGRAM, terminal_width=HELP_WIDTH)
    return result.stdout


def reference() -> str:
    """docs/cli.md: the help of ``timeline``, then of each command under its own heading."""
    sections = [
        "# Command-line reference\n",
        f"<!-- Generated from each command's --help by `{REGENERATE}`: do not edit. -->\n",
        "The README's [Usage](../README.md#usage) section explains the options with "
        "examples; this is what `--help` says of each command.\n",
        _section(PROGRAM, help_text()),
    ]
    sections += [_section(f"{PROGRAM} {name}", help_text(name)) for name in command_names()]
    return "\n".join(sections)


def _section(title: str, text: str) -> str:
    return f"## {title}\n\n```text\n{text.rstrip()}\n```\n"


def main() -> None:
    if sys.argv[1:] == ["--write"]:
        DOCUMENT.write_text(reference(), encoding="utf-8")
    else:
        sys.stdout.write(reference())


if __name__ == "__main__":
    main()
