"""One way to fail: the exit statuses, and the handler that prints every anticipated error
as one line ("timeline: error: ..." with its hint) and ends with its exit status.

The library's errors say what is wrong without naming the command's options; the hints that
name them (``--force``, ``--format``, ``--published``) are added here, where the options are.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from enum import IntEnum
from signal import SIGPIPE

import typer
from rich.console import Console

from timeline_cli.chronology.filters import UnknownEventType
from timeline_cli.core.controls import visible
from timeline_cli.core.models import Notice
from timeline_cli.evaluation.flaws import FlawLog
from timeline_cli.ingest.documents import UnknownArticleName
from timeline_cli.output.files import OutputExists, OutputRefused
from timeline_cli.output.targets import (
    BinaryOnTerminal,
    FormatNotImplied,
    NotWritten,
    TargetError,
    silence_stdout,
)
from timeline_cli.pipeline.engines import EngineUnavailable
from timeline_cli.pipeline.nlp import ModelNotFound


class ExitStatus(IntEnum):
    """What a run's exit code says happened (the README lists them)."""

    OK = 0
    SKIPPED = 1  # some input files were skipped, each named on stderr
    USAGE = 2  # the command was called wrongly, or there was nothing to work on
    NOT_WRITTEN = 3  # the output could not be written (a full disk)
    INTERRUPTED = 130  # Ctrl-C or SIGTERM
    BROKEN_PIPE = 128 + SIGPIPE  # the reader of standard output went away (``| head``)


class UsageError(Exception):
    """A mistake in how the command was called; reported in one line, exit status 2."""


# Library errors that are mistakes in the call (a file that exists, a model not installed).
USAGE_ERRORS: tuple[type[Exception], ...] = (
    UsageError,
    UnknownEventType,
    UnknownArticleName,
    TargetError,
    OutputExists,
    OutputRefused,
    ModelNotFound,
    EngineUnavailable,
)
ERROR_CODES = ("skipped", "bad-record")  # notices that are errors; the others are warnings


@contextmanager
def reporting_errors(
    errors: Console, usage: tuple[type[Exception], ...] = (), writes_output: bool = True
) -> Iterator[None]:
    """Every anticipated failure as one line on stderr and its exit status, never a
    traceback; ``usage`` adds a command's own errors that are mistakes in the call. An
    interruption of a command that ``writes_output`` says that none was written; others end
    as ``Commands`` ends them ("timeline: aborted")."""
    try:
        yield
    except (*USAGE_ERRORS, *usage) as error:
        print_error(errors, message(error))
        raise typer.Exit(ExitStatus.USAGE) from None
    except NotWritten as error:
        print_error(errors, str(error))
        raise typer.Exit(ExitStatus.NOT_WRITTEN) from None
    except BrokenPipeError:
        silence_stdout()  # the reader is gone: nothing to say, to no one
        raise typer.Exit(ExitStatus.BROKEN_PIPE) from None
    except KeyboardInterrupt:
        if not writes_output:
            raise
        errors.print("timeline: interrupted; no output written, any existing file is untouched")
        raise typer.Exit(ExitStatus.INTERRUPTED) from None


def message(error: Exception) -> str:
    """The error's message with the hint that names the option to change."""
    if isinstance(error, UnknownArticleName):
        return "; ".join(f"--published {problem}" for problem in error.problems)
    if isinstance(error, OutputExists):
        return f"{error}; use --force to overwrite it"
    if isinstance(error, FormatNotImplied):
        return f"{error}; add --format"
    if isinstance(error, BinaryOnTerminal):
        return f"{error}: write it with -o FILE.{error.format}, or redirect standard output"
    return str(error)


def print_error(errors: Console, text: str) -> None:
    errors.print(f"timeline: error: {visible(text)}", markup=False)


def print_warning(errors: Console, text: str) -> None:
    errors.print(f"timeline: warning: {visible(text)}", markup=False)


def report_notices(errors: Console, notices: tuple[Notice, ...]) -> None:
    """Each notice as an error or a warning, with the option that would change it."""
    for notice in notices:
        text = notice.message
        if notice.code == "unused-date":  # the name was given with --published
            text = f"--published {text}"
        elif notice.code == "link-out":
            text += " (use --follow-symlinks to read it)"
        elif notice.code == "no-publication-date":
            text += " (give one with --published or timeline-metadata.csv)"
        label = "error" if notice.code in ERROR_CODES else "warning"
        errors.print(f"timeline: {label}: {visible(text)}", markup=False)


def report_flaws(errors: Console, flaws: FlawLog) -> ExitStatus:
    """Each flaw of the evaluation data, then their count; SKIPPED if anything was skipped."""
    for flaw in flaws.flaws:
        errors.print(f"timeline: warning: {flaw}", markup=False)
    if flaws.flaws:
        errors.print(f"timeline: {flaws.summary()}", markup=False)
    return ExitStatus.SKIPPED if flaws.count("skipped") else ExitStatus.OK


def whole_number(option: str, value: str, minimum: int) -> int:
    """An option's value as a whole number of at least ``minimum``; UsageError saying so."""
    wanted = f"{option} wants a whole number of {minimum} or more, got {value!r}"
    try:
        number = int(value.strip())
    except ValueError:
        raise UsageError(wanted) from None
    if number < minimum:
        raise UsageError(wanted)
    return number
