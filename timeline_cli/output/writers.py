"""Every output format by name: the text a chronology becomes in each."""

from __future__ import annotations

import io
from collections.abc import Callable

from rich.console import Console

from timeline_cli.core.models import Chronology
from timeline_cli.output.export import to_csv, to_json, to_jsonl
from timeline_cli.output.html_page import to_html
from timeline_cli.output.markdown import to_markdown
from timeline_cli.output.table import render
from timeline_cli.output.timelinejs import to_timelinejs, to_timelinejs_sheet

TABLE_WIDTH = 160  # a table written to a file is not squeezed to a terminal's width


def _table(chronology: Chronology) -> str:
    console = Console(record=True, width=TABLE_WIDTH, file=io.StringIO(), color_system=None)
    render(console, chronology)
    return console.export_text()


def _xlsx(chronology: Chronology) -> bytes:
    from timeline_cli.output.xlsx import to_xlsx  # openpyxl is imported only when asked for

    return to_xlsx(chronology.events, chronology.documents)


WRITERS: dict[str, Callable[[Chronology], str | bytes]] = {
    "table": _table,
    "json": to_json,
    "jsonl": lambda chronology: to_jsonl(chronology.events),
    "csv": lambda chronology: to_csv(chronology.events, chronology.documents),
    "xlsx": _xlsx,
    "html": to_html,
    "markdown": to_markdown,
    "timelinejs": to_timelinejs,
    "timelinejs-sheet": to_timelinejs_sheet,
}
FORMATS = tuple(WRITERS)
BINARY_FORMATS = ("xlsx",)
# The format a file's extension stands for; TimelineJS JSON and its sheet need --format.
SUFFIX_FORMATS = {
    ".txt": "table", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv",
    ".xlsx": "xlsx", ".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown",
}  # fmt: skip


def serialize(chronology: Chronology, output_format: str) -> str | bytes:
    """The chronology as text (bytes for xlsx) in a named format (see FORMATS)."""
    if output_format not in WRITERS:
        raise ValueError(f"not a format: {output_format}")
    return WRITERS[output_format](chronology)
