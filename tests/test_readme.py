"""The README's quick start is what CI runs, word for word, and nothing makes it easier."""

from __future__ import annotations

import re

from conftest import REPO

CI = REPO / ".ci" / "run"


def quick_start_commands() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)\n```", section, flags=re.DOTALL)


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
