"""Reading a chronology saved with ``--format json`` (by ``show`` and ``extract --update``)
from a file or standard input; what is wrong with one that is not is said in one line."""

from __future__ import annotations

import sys
from pathlib import Path

from timeline_cli.cli.errors import UsageError
from timeline_cli.cli.inputs import STDIN_ARGUMENT
from timeline_cli.core.models import Chronology
from timeline_cli.ingest.reading import UnreadableFile, printable, read_nonempty_bytes
from timeline_cli.output.record_reader import NotAChronology, load_chronology

MAX_CHRONOLOGY_BYTES = 256 * 1024 * 1024  # the largest saved chronology `show` reads
SHOW_READS = "; timeline show reads the JSON that extract writes with --format json"


def read_chronology(file: Path) -> Chronology:
    """The chronology a saved JSON file (or standard input, ``-``) holds; UsageError naming
    the file and its first problem."""
    from_stdin = str(file) == STDIN_ARGUMENT
    name = "standard input" if from_stdin else printable(file)
    try:
        raw = _stdin_bytes() if from_stdin else read_nonempty_bytes(file, MAX_CHRONOLOGY_BYTES)
        return load_chronology(raw, name, file.suffix)
    except UnreadableFile as error:
        raise UsageError(f"{name}: {error}") from None
    except NotAChronology as error:
        raise UsageError(f"{error}{SHOW_READS if error.kind else ''}") from None


def _stdin_bytes() -> bytes:
    """Standard input's bytes, up to the largest chronology ``show`` reads."""
    data = sys.stdin.buffer.read(MAX_CHRONOLOGY_BYTES + 1)
    if not data.strip():
        raise UsageError("standard input: empty; nothing to show")
    if len(data) > MAX_CHRONOLOGY_BYTES:
        raise UsageError(f"standard input: more than {MAX_CHRONOLOGY_BYTES:,} bytes")
    return data
