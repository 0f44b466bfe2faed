"""The articles a command is given: files and folders named, and standard input (``-``),
which holds either file paths or JSON Lines articles."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console

from timeline_cli.cli.errors import UsageError, report_notices
from timeline_cli.ingest.readers import (
    MAX_ROW_CHARS,
    FieldNames,
    RecordError,
    SourceArticle,
    peek_stdin,
    read_stdin_records,
    stdin_paths,
)
from timeline_cli.ingest.reading import bounded_lines, collect_inputs, printable
from timeline_cli.output.sharing import named_file_roots

STDIN_ARGUMENT = "-"
MISSING_SHOWN = 3  # missing paths named in the error; the others are counted


@dataclass(frozen=True)
class Inputs:
    files: list[Path]  # named, or found in the folders named
    stdin_articles: list[SourceArticle | RecordError]
    unlisted: tuple[str, ...]  # folders that could not be listed (skipped)
    roots: tuple[Path, ...]  # what shared outputs give paths relative to (``sharing``)


def collect(
    paths: list[str], fields: FieldNames, errors: Console, quiet: bool, follow_symlinks: bool
) -> Inputs:
    """The article files named (folders walked), the articles given on standard input, the
    folders that could not be listed, and the folders the articles are in."""
    stdin_articles: list[SourceArticle | RecordError] = []
    from_stdin = STDIN_ARGUMENT in paths
    if from_stdin:
        paths = [path for path in paths if path != STDIN_ARGUMENT]
        kind, lines = peek_stdin(_stdin_lines())
        if kind == "paths":
            paths += stdin_paths(lines)
        else:
            stdin_articles = list(read_stdin_records(lines, fields))
    selection = collect_inputs(paths, follow_symlinks)
    if selection.missing:
        raise UsageError(_missing_message(selection.missing, from_stdin))
    if not quiet:
        report_notices(errors, selection.notices)
    if not selection.files and not stdin_articles:
        named = ", ".join(printable(path) for path in paths[:MISSING_SHOWN])
        raise UsageError(f"no articles found in {named or 'standard input'}")
    named = [Path(path) for path in paths if Path(path) not in selection.folders]
    roots = tuple(dict.fromkeys([*selection.folders, *named_file_roots(named)]))
    return Inputs(list(selection.files), stdin_articles, selection.skipped, roots)


def _stdin_lines() -> Iterator[str]:
    """Standard input as lines whatever bytes it holds (undecodable ones are kept as escapes
    for the row or path to report), none longer than a dataset's row."""
    stream = io.TextIOWrapper(
        sys.stdin.buffer, encoding="utf-8", errors="surrogateescape", newline=""
    )
    return bounded_lines(stream, MAX_ROW_CHARS)


def _missing_message(missing: tuple[str, ...], from_stdin: bool) -> str:
    names = ", ".join(printable(name)[:200] for name in missing[:MISSING_SHOWN])
    more = len(missing) - MISSING_SHOWN
    message = f"no such file or folder: {names}" + (f" and {more} more" if more > 0 else "")
    if from_stdin:
        message += " (standard input is read as a list of paths unless it starts with '{')"
    return message
