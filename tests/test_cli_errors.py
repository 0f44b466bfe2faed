"""cli/errors.py and cli/console.py: one exit status table, one line per error with the hint
that names the option, colour decided in one place."""

from __future__ import annotations

import io
import re

import pytest
import typer
from conftest import REPO
from rich.console import Console

from timeline_cli.cli.console import stderr_console, stdout_console
from timeline_cli.cli.errors import (
    ExitStatus,
    UsageError,
    message,
    report_notices,
    reporting_errors,
)
from timeline_cli.core.models import Notice
from timeline_cli.ingest.documents import UnknownArticleName
from timeline_cli.output.files import OutputExists
from timeline_cli.output.targets import BinaryOnTerminal, FormatNotImplied, NotWritten


def test_exit_statuses_are_those_the_readme_lists() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    listed = {int(code) for code in re.findall(r"`(\d+)` ", readme.split("Exit codes:")[1][:900])}
    assert listed == {int(status) for status in ExitStatus}


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (OutputExists("out.csv exists"), "out.csv exists; use --force to overwrite it"),
        (FormatNotImplied("cannot tell"), "cannot tell; add --format"),
        (BinaryOnTerminal("xlsx"), "xlsx is a binary file: write it with -o FILE.xlsx, or "
         "redirect standard output"),
        (UnknownArticleName(["a.txt: no article of that name", "b: no article of that name"]),
         "--published a.txt: no article of that name; --published b: no article of that name"),
        (UsageError("as it is"), "as it is"),
    ],
)  # fmt: skip
def test_library_errors_get_the_hint_that_names_the_option(error: Exception, expected: str) -> None:
    assert message(error) == expected


@pytest.mark.parametrize(
    ("error", "status", "line"),
    [
        (OutputExists("o.json exists"), ExitStatus.USAGE, "o.json exists; use --force"),
        (NotWritten("cannot write o.json: disk full"), ExitStatus.NOT_WRITTEN, "disk full"),
        (KeyboardInterrupt(), ExitStatus.INTERRUPTED, "timeline: interrupted; no output"),
    ],
)
def test_each_error_is_one_line_and_its_exit_status(
    error: BaseException, status: ExitStatus, line: str
) -> None:
    stream = io.StringIO()
    with pytest.raises(typer.Exit) as ended, reporting_errors(Console(file=stream)):
        raise error
    assert ended.value.exit_code == status
    text = stream.getvalue()
    assert text.count("\n") == 1 and line in text


def test_an_evaluation_is_interrupted_as_any_command_is() -> None:
    with pytest.raises(KeyboardInterrupt), reporting_errors(Console(), writes_output=False):
        raise KeyboardInterrupt


def test_colour_is_off_when_asked_or_when_no_color_is_set(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert stderr_console(no_color=True).no_color and stdout_console(no_color=True).no_color
    assert not stdout_console().no_color
    monkeypatch.setenv("NO_COLOR", "1")
    assert stdout_console().no_color and stderr_console().no_color


def test_notices_get_the_option_that_would_change_them() -> None:
    errors = Console(file=io.StringIO(), width=200, color_system=None)
    undated = Notice("no-publication-date", "a.txt: publication date unknown", "a.txt")
    report_notices(errors, (undated,))
    printed = errors.file.getvalue()  # type: ignore[attr-defined]
    assert printed.startswith("timeline: warning: a.txt: publication date unknown")
    assert "--published" in printed and "--published" not in undated.message
