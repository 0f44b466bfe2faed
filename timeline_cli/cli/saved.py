"""Reading a chronology saved with ``--format json`` (by ``show`` and ``extract --update``):
what is wrong with a file that is not one is said in one line."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from timeline_cli.cli.errors import UsageError
from timeline_cli.cli.inputs import STDIN_ARGUMENT
from timeline_cli.core.models import Chronology
from timeline_cli.ingest.reading import UnreadableFile, printable, read_nonempty_bytes
from timeline_cli.output.record_reader import RecordProblem, chronology_from_record

MAX_CHRONOLOGY_BYTES = 256 * 1024 * 1024  # the largest saved chronology `show` reads


def read_chronology(file: Path) -> Chronology:
    """The chronology a saved JSON file (or standard input, ``-``) holds; UsageError naming
    the file and its first problem."""
    from_stdin = str(file) == STDIN_ARGUMENT
    name = "standard input" if from_stdin else printable(file)
    raw = b""
    try:
        raw = _stdin_bytes() if from_stdin else read_nonempty_bytes(file, MAX_CHRONOLOGY_BYTES)
        return chronology_from_record(json.loads(raw.decode("utf-8-sig")))
    except UnreadableFile as error:
        raise UsageError(f"{name}: {error}") from None
    except UnicodeDecodeError as error:
        kind = _other_kind(file, raw)
        if kind:
            raise UsageError(f"{name}: {kind}, not a saved chronology{_SHOW_READS}") from None
        raise UsageError(f"{name}: not UTF-8 text (byte {error.start})") from None
    except json.JSONDecodeError as error:
        kind = _other_kind(file, raw)
        if kind:
            raise UsageError(f"{name}: {kind}, not a saved chronology{_SHOW_READS}") from None
        place = f"line {error.lineno}, column {error.colno}"
        raise UsageError(f"{name}: not valid JSON ({error.msg}, {place})") from None
    except RecursionError:
        raise UsageError(f"{name}: not usable JSON (nested too deeply)") from None
    except RecordProblem as error:
        raise UsageError(f"{name}: {error}") from None
    except ValueError as error:  # json's refusal of a number of thousands of digits
        raise UsageError(f"{name}: not usable JSON ({str(error).split(':')[0]})") from None


_SHOW_READS = "; timeline show reads the JSON that extract writes with --format json"
# What a file that is no chronology most likely is, by its extension or its first bytes.
_OTHER_KINDS = {
    ".csv": "a CSV file", ".tsv": "a TSV file", ".jsonl": "a JSON Lines file",
    ".ndjson": "a JSON Lines file", ".xlsx": "an Excel workbook", ".html": "an HTML page",
    ".htm": "an HTML page", ".md": "a Markdown file", ".txt": "a text file",
}  # fmt: skip


def _other_kind(file: Path, raw: bytes) -> str | None:
    """What a file ``show`` cannot read is instead ("a CSV file"), if that can be told."""
    kind = _OTHER_KINDS.get(file.suffix.lower())
    if kind:
        return kind
    head = raw.lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"PK\x03\x04"):
        return "a ZIP file (an Excel workbook?)"
    if head[:1] == b"<":
        return "an HTML or XML document"
    first_line, _, rest = head.partition(b"\n")
    if head[:1] == b"{" and rest.strip() and _json_object(first_line):
        return "JSON Lines (one object a line)"
    return None


def _json_object(line: bytes) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:  # not JSON, or not UTF-8
        return False


def _stdin_bytes() -> bytes:
    """Standard input's bytes, up to the largest chronology ``show`` reads."""
    data = sys.stdin.buffer.read(MAX_CHRONOLOGY_BYTES + 1)
    if not data.strip():
        raise UsageError("standard input: empty; nothing to show")
    if len(data) > MAX_CHRONOLOGY_BYTES:
        raise UsageError(f"standard input: more than {MAX_CHRONOLOGY_BYTES:,} bytes")
    return data
