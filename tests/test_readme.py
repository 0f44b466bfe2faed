"""The README's quick start is what CI runs."""

from __future__ import annotations

import re

from conftest import REPO


def quick_start_commands() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_quick_start_has_exactly_two_commands() -> None:
    commands = quick_start_commands()
    assert len(commands) == 2
    assert commands[0].endswith("timeline extract seeds/")
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command() -> None:
    install_and_test = quick_start_commands()[1].split(" && ", 1)[1]
    assert install_and_test in (REPO / ".ci" / "run").read_text(encoding="utf-8")
