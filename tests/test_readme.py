"""The README's quick start is what CI runs, word for word, and nothing makes it easier; every
command of its Usage section runs, in order, in a folder holding a copy of the clone's seeds."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from conftest import REPO
from typer.testing import CliRunner

from timeline_cli.cli.app import app

CI = REPO / ".ci" / "run"


def code_blocks(heading: str) -> list[str]:
    """The ``sh`` code blocks of a README section, up to the next heading of its level."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split(f"\n{heading}\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)\n```", section, flags=re.DOTALL)


def quick_start_commands() -> list[str]:
    return code_blocks("## Quick start")


def ci_commands() -> list[str]:
    """The command lines of .ci/run: comments and blank lines left out."""
    lines = CI.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def test_quick_start_has_exactly_two_one_line_commands() -> None:
    install_and_run, install_and_test = quick_start_commands()
    assert "\n" not in install_and_run and "\n" not in install_and_test
    assert install_and_run.startswith("python3 -m venv .venv && ")
    assert install_and_run.endswith(" && .venv/bin/timeline extract seeds/")
    assert install_and_test.startswith("python3 -m venv .venv && ")
    assert install_and_test.endswith(" && .venv/bin/python -m pytest")


def test_ci_runs_the_quick_start_as_written_and_then_only_ruff() -> None:
    commands = ci_commands()
    assert commands[:3] == [
        "set -euo pipefail",
        'cd "$(dirname "$0")/.."',
        "bash .ci/install-chromium",
    ]
    assert commands[3:5] == quick_start_commands()  # nothing prepares the venv before them
    assert commands[5:] == [
        ".venv/bin/ruff check timeline_cli tests bench",
        ".venv/bin/ruff format --check timeline_cli tests bench",
    ]


def test_the_chromium_step_installs_no_python_package() -> None:
    script = (REPO / ".ci" / "install-chromium").read_text(encoding="utf-8")
    assert not re.search(r"\bpip\b|python|venv", script)


def usage_commands() -> list[list[str]]:
    """Each line of the Usage example as the shell splits it, comments dropped."""
    (block,) = code_blocks("## Usage")
    return [shlex.split(line, comments=True) for line in block.splitlines()]


def test_every_usage_command_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    commands = usage_commands()
    assert len(commands) >= 10
    for words in commands:
        assert words[0] == "timeline", words
        arguments, redirect = words[1:], None
        if ">" in arguments:  # the one shell feature the examples use
            arguments, redirect = arguments[: arguments.index(">")], arguments[-1]
        result = CliRunner().invoke(app, arguments)
        assert result.exit_code == 0, (words, result.output)
        assert result.stdout.strip() or "-o" in arguments, words  # something was shown
        if redirect:
            Path(redirect).write_text(result.stdout, encoding="utf-8")
    written = {"chronology.json", "chronology.csv", "chronology.html", "tl.json"}
    assert written <= {path.name for path in tmp_path.iterdir()}
