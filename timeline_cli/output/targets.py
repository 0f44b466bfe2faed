"""Where a chronology is rendered to: a file (written atomically, see ``files``), standard
output, or, for unmerged JSON Lines, standard output event by event as articles are parsed.

``choose_target`` decides the format, from its name or else from the file's extension, in
one place; ``check_target`` says before any work whether the output can be written;
``write_chronology`` renders any format to a target.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console

from timeline_cli.core.models import Chronology, ChronologyEvent
from timeline_cli.ingest.reading import os_reason, printable
from timeline_cli.output.export import json_line
from timeline_cli.output.files import check_destination, write_atomically
from timeline_cli.output.table import render
from timeline_cli.output.writers import BINARY_FORMATS, FORMATS, SUFFIX_FORMATS, serialize

STDOUT_NAME = "-"  # as a file name: standard output, as Unix tools read it
STDOUT_PIECE = 1 << 16  # characters written to standard output at a time
TERMINAL_FORMAT = "table"  # what standard output gets when no format is named


class TargetError(ValueError):
    """The output cannot be written as asked; found before any work."""


class UnknownFormat(TargetError):
    """A format name that is not one of FORMATS."""


class FormatNotImplied(TargetError):
    """No format named, and the file's extension stands for none."""


class BinaryOnTerminal(TargetError):
    """A binary format (xlsx) for standard output, which is a terminal."""

    def __init__(self, output_format: str) -> None:
        super().__init__(f"{output_format} is a binary file")
        self.format = output_format


class NotWritten(Exception):
    """The output could not be written (a full disk, a missing permission)."""


@dataclass(frozen=True)
class Target:
    format: str
    path: Path | None = None  # None: standard output
    overwrite: bool = False

    @property
    def streams(self) -> bool:
        """JSON Lines on standard output can be written an event at a time."""
        return self.format == "jsonl" and self.path is None


def choose_target(output_format: str | None, path: Path | None, overwrite: bool) -> Target:
    """The target a format name (or None) and a file name (None or "-" for standard output)
    stand for; UnknownFormat or FormatNotImplied if no format can be told."""
    file = None if path is None or str(path) == STDOUT_NAME else path
    return Target(_format(output_format, file), file, overwrite)


def _format(output_format: str | None, path: Path | None) -> str:
    if output_format is not None:
        if output_format not in FORMATS:
            raise UnknownFormat(
                f"unknown format {output_format!r}; choose one of {', '.join(FORMATS)}"
            )
        return output_format
    if path is None:
        return TERMINAL_FORMAT
    suffix = path.suffix.lower()
    if suffix not in SUFFIX_FORMATS:
        raise FormatNotImplied(f"cannot tell the format of {path} from its extension")
    return SUFFIX_FORMATS[suffix]


def check_target(target: Target) -> None:
    """Before any work: the output can be written where asked (``files.check_destination``
    tells why a file cannot)."""
    if target.path is None:
        if target.format in BINARY_FORMATS and sys.stdout.isatty():
            raise BinaryOnTerminal(target.format)
        return
    check_destination(target.path, overwrite=target.overwrite)
    folder = target.path.parent if str(target.path.parent) else Path(".")
    if not folder.is_dir():
        raise TargetError(f"cannot write {printable(target.path)}: no folder {printable(folder)}")


def write_chronology(
    chronology: Chronology, target: Target, terminal: Console, skipped: int = 0
) -> None:
    """The chronology in the target's format, to its file or to standard output; a table on
    standard output is drawn on ``terminal``, with the number of files skipped."""
    with writing(target):
        if target.format == TERMINAL_FORMAT and target.path is None:
            render(terminal, chronology, skipped)
            return
        text = serialize(chronology, target.format)
        if target.path is not None:
            write_atomically(target.path, text, overwrite=target.overwrite)
        elif isinstance(text, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(text)
            sys.stdout.buffer.flush()
        else:
            write_stdout(text)


def stream_jsonl(events: Iterable[ChronologyEvent]) -> None:
    """Each event as a JSON line on standard output as soon as it comes."""
    for event in events:
        with writing(Target("jsonl")):
            sys.stdout.write(json_line(event))
            sys.stdout.flush()


def write_stdout(text: str) -> None:
    """Write in pieces: a single large write to a pipe whose reader went away (``| head``) can
    come back as if it had succeeded; the next piece then fails, as it should."""
    for start in range(0, len(text), STDOUT_PIECE):
        sys.stdout.write(text[start : start + STDOUT_PIECE])
        sys.stdout.flush()


@contextmanager
def writing(target: Target) -> Iterator[None]:
    """Errors while writing are blamed on the output (NotWritten), a reader that went away
    excepted (BrokenPipeError passes)."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as error:
        if target.path is None:
            silence_stdout()
            raise NotWritten(f"cannot write standard output: {os_reason(error)}") from error
        raise NotWritten(
            f"cannot write {printable(target.path)}: {os_reason(error)}; "
            "any previous file is intact"
        ) from error


def silence_stdout() -> None:
    """Point standard output at /dev/null once writing to it failed, so that the interpreter's
    last flush of what is still buffered neither fails again nor prints a complaint."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no file descriptor behind stdout (a test's capture)
        pass
