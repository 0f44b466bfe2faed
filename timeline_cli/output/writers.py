"""Every output format, in one registry: its name, writer, file extensions, whether it is
binary and whether it can be written event by event as the run goes.

To add a format, write a function from a ``Chronology`` to its text (or bytes) and add one
``OutputFormat`` to ``REGISTRY``; the list of format names, the format a file's extension
stands for and the check that a binary format is not written to a terminal all follow from it.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from rich.console import Console

from timeline_cli.core.models import Chronology, ChronologyEvent
from timeline_cli.output.export import json_line, to_csv, to_json, to_jsonl
from timeline_cli.output.markdown import to_markdown
from timeline_cli.output.table import render
from timeline_cli.output.timelinejs import to_timelinejs, to_timelinejs_sheet

TABLE_WIDTH = 160  # a table written to a file is not squeezed to a terminal's width


@dataclass(frozen=True)
class OutputFormat:
    name: str
    write: Callable[[Chronology], str | bytes]  # the whole chronology as text, or bytes
    suffixes: tuple[str, ...] = ()  # the extensions that stand for it, the first one usual
    binary: bool = False  # bytes, not text: never written to a terminal
    # one event as it is written when events are streamed unmerged as the run goes, if the
    # format can be written that way
    line: Callable[[ChronologyEvent], str] | None = None

    @property
    def streams(self) -> bool:
        return self.line is not None


def _table(chronology: Chronology) -> str:
    console = Console(record=True, width=TABLE_WIDTH, file=io.StringIO(), color_system=None)
    render(console, chronology)
    return console.export_text()


def _html(chronology: Chronology) -> str:
    from timeline_cli.output.html_page import to_html  # Jinja2 is imported only when asked for

    return to_html(chronology)


def _xlsx(chronology: Chronology) -> bytes:
    from timeline_cli.output.xlsx import to_xlsx  # openpyxl is imported only when asked for

    return to_xlsx(chronology.events, chronology.documents)


# TimelineJS JSON and its sheet have no extension of their own: they must be asked for by name.
REGISTRY = (
    OutputFormat("table", _table, (".txt",)),
    OutputFormat("json", to_json, (".json",)),
    OutputFormat("jsonl", lambda c: to_jsonl(c.events), (".jsonl", ".ndjson"), line=json_line),
    OutputFormat("csv", lambda c: to_csv(c.events, c.documents), (".csv",)),
    OutputFormat("xlsx", _xlsx, (".xlsx",), binary=True),
    OutputFormat("html", _html, (".html", ".htm")),
    OutputFormat("markdown", to_markdown, (".md", ".markdown")),
    OutputFormat("timelinejs", to_timelinejs),
    OutputFormat("timelinejs-sheet", to_timelinejs_sheet),
)
BY_NAME = {f.name: f for f in REGISTRY}
FORMATS = tuple(BY_NAME)
BINARY_FORMATS = tuple(f.name for f in REGISTRY if f.binary)
STREAMING_FORMATS = tuple(f.name for f in REGISTRY if f.streams)
# The format a file's extension stands for.
SUFFIX_FORMATS = {suffix: f.name for f in REGISTRY for suffix in f.suffixes}


def format_named(name: str) -> OutputFormat:
    """The format of a name (see FORMATS); ValueError for an unknown one."""
    if name not in BY_NAME:
        raise ValueError(f"not a format: {name}")
    return BY_NAME[name]


def serialize(chronology: Chronology, output_format: str) -> str | bytes:
    """The chronology as text (bytes for a binary format) in a named format."""
    return format_named(output_format).write(chronology)
