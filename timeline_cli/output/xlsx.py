"""The chronology as an Excel workbook (format ``xlsx``), written by openpyxl.

One sheet, the columns of the CSV (``export.CSV_COLUMNS``), with ``start`` and ``end`` as real
date cells (shown ``yyyy-mm-dd``, sorted as dates), the header frozen and filterable, and cells
of several lines (one per article or evidence sentence) wrapped. Every text is written as a
string cell, so text from an article that starts like a formula (``=HYPERLINK(...)``) stays
text without the ``'`` the CSV needs; control characters, which a workbook cannot hold, are
written visibly (``\\x1b``). A workbook records the time it was saved: unlike the JSON and the
CSV, two runs do not give the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import date

from openpyxl import Workbook
from openpyxl.cell.cell import Cell as XlsxCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from timeline_cli.core.controls import visible
from timeline_cli.core.models import ChronologyEvent, Document
from timeline_cli.output.export import CSV_COLUMNS, LINE_SEPARATOR, Cell, spreadsheet_rows

DATE_FORMAT = "yyyy-mm-dd"
SHEET_TITLE = "Chronology"
# Column widths in characters: wide for prose, narrow for codes; others get DEFAULT_WIDTH.
WIDTHS = {"start": 11, "date": 16, "summary": 60, "evidence": 80, "titles": 40, "end": 11}
DEFAULT_WIDTH = 16
# The most characters a cell holds in Excel; a longer one (an event told by hundreds of
# sentences) is cut with a note, and the JSON keeps it whole.
MAX_CELL_CHARS = 32_767


def to_xlsx(events: Iterable[ChronologyEvent], documents: Iterable[Document] = ()) -> bytes:
    """The events as the bytes of an .xlsx workbook."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLE
    sheet.append(CSV_COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row_number, row in enumerate(spreadsheet_rows(events, documents), start=2):
        for column, value in enumerate(row, start=1):
            _write(sheet.cell(row=row_number, column=column), value)
    for column, name in enumerate(CSV_COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = WIDTHS.get(name, DEFAULT_WIDTH)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write(cell: XlsxCell, value: Cell) -> None:
    if value is None or value == "":
        return
    if isinstance(value, date):
        cell.value = value
        cell.number_format = DATE_FORMAT
        return
    if isinstance(value, int):
        cell.value = value
        return
    if isinstance(value, tuple):
        text = LINE_SEPARATOR.join(visible(line) for line in value)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    else:
        text = visible(value)
    cell.value = _within_limit(text)
    cell.data_type = "s"  # a string, even when it starts with "=": never a formula


def _within_limit(text: str) -> str:
    if len(text) <= MAX_CELL_CHARS:
        return text
    note = f" … ({len(text):,} characters in all: the JSON has every one)"
    return text[: MAX_CELL_CHARS - len(note)] + note
