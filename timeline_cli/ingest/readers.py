"""Articles in other forms than plain text: web pages, Markdown, and datasets of one article a row.

Every reader gives ``SourceArticle`` values: the article's text with one paragraph a line and a
blank line between paragraphs (what the cleaning stage expects), and what the file says about
the article (title, publication date, URL, outlet). Plain ``.txt`` files stay with ``reading``.

Problems are reported at the level where they happen:

* a file that cannot be used at all raises ``UnreadableFile`` with the reason shown to the user
  (a page with no article text, a CSV file without the text column, an empty file);
* a row of a dataset that cannot be used is a ``RecordError`` (its ``article`` is None) and
  reading goes on with the next row;
* a row that is used without one of its fields (a date that is not a date, a title that is not
  a string) is a ``RecordError`` whose ``article`` names the article it became: a warning,
  yielded right after that article. ``RecordError.notice()`` turns either into a ``Notice``.

Publication dates are read from the file only, never guessed from today's date: ISO dates and
datetimes (a datetime's date is taken as written, without converting its time zone), and full
dates in words ("May 14, 2024", "Tue, 14 May 2024 09:30:00 GMT") that name a year. A numeric
date whose day and month could be swapped ("05/06/2024") is refused as ambiguous. Web pages are
dated by htmldate from their markup alone (meta tags, JSON-LD, ``<time>`` elements), preferring
the original publication date to the last modification.

Nothing here touches the network: trafilatura and htmldate are given the page's parsed tree,
never a string (htmldate downloads a string that looks like a URL).
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TextIO

from timeline_cli.core.models import Notice
from timeline_cli.ingest.cleaning import reads_as_prose
from timeline_cli.ingest.reading import (
    METADATA_FILE_NAME,
    LongLine,
    UnreadableFile,
    bounded_lines,
    byte_order_mark,
    open_regular,
    os_reason,
    read_article_text,
    read_nonempty_bytes,
)
from timeline_cli.temporal.dates import parse_absolute

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

ReaderKind = Literal["text", "html", "markdown", "records"]
StdinKind = Literal["records", "paths"]

SUFFIXES: Mapping[str, ReaderKind] = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".jsonl": "records",
    ".ndjson": "records",
    ".csv": "records",
}
STDIN_NAME = "<stdin>"
STDIN_STEM = "stdin"
ID_DIGITS = 6  # "<stem>-000042": ids of a dataset's rows sort in row order up to 999,999 rows
PARAGRAPH_BREAK = "\n\n"

# htmldate's parameters: the original publication date, from the markup only (no guessing from
# the page's free text), between fixed bounds: no earlier than 1900 (htmldate's own floor is
# 1995, which would lose archive pages), and no later than a fixed far day, never today
# (htmldate's default), so that a page's date does not depend on the clock of the run.
_HTML_DATE_PARAMS: dict[str, Any] = {
    "original_date": True,
    "outputformat": "%Y-%m-%d",
    "extensive_search": False,
    "min_date": "1900-01-01",
    "max_date": "2099-12-31",
}
_FRONT_MATTER_FENCE = "---"
_FRONT_MATTER_END = ("---", "...")
_FRONT_MATTER_KEYS = {
    "date": "published",
    "published": "published",
    "title": "title",
    "url": "url",
    "outlet": "outlet",
    "source": "outlet",
}
_FRONT_MATTER_LINE_RE = re.compile(r"(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*)")
_YEAR_RE = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_NUMERIC_DATE_RE = re.compile(r"(?P<a>\d{1,2})[/.\-](?P<b>\d{1,2})[/.\-](?P<year>\d{4})")
_UNDECODABLE_RE = re.compile("[\udc80-\udcff]")  # bytes kept by errors="surrogateescape"
_CSV_DELIMITERS = (",", ";", "\t")
_CSV_FIELD_LIMIT = 1 << 26  # article texts may be longer than csv's default 128 KiB per cell
# The longest line of a dataset held in memory: room for the longest article text documents
# accepts (4 x MAX_BODY_CHARS) with its JSON escapes; a longer row is skipped unread.
MAX_ROW_CHARS = 1 << 23
_JSON_TYPES = {
    dict: "an object",
    list: "an array",
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "a boolean",
    type(None): "null",
}


@dataclass(frozen=True)
class SourceArticle:
    """One article as a file gives it, before cleaning.

    ``published_source`` says where ``published`` came from: ``html-meta`` (the page's markup,
    through htmldate), ``front-matter`` (a Markdown file's header) or ``record`` (a dataset's
    date field); None when ``published`` is None.
    """

    id: str
    path: str
    text: str
    title: str | None
    published: date | None
    url: str | None
    outlet: str | None
    published_source: str | None
    line: int | None = None  # where a dataset's row starts, for messages about that row


@dataclass(frozen=True)
class FieldNames:
    """The names of a dataset's fields (JSON keys or CSV columns) that hold each article part."""

    text: str = "text"
    date: str = "date"
    title: str = "title"
    url: str = "url"
    id: str = "id"
    outlet: str = "outlet"


@dataclass(frozen=True)
class RecordError:
    """A problem with one row of a dataset, at the line where the row starts (1-based).

    ``article`` is None when the row was skipped; otherwise the row was still read, as the
    article of that id, without the field the reason names (a warning).
    """

    path: str
    line: int
    reason: str
    article: str | None = None

    @property
    def skipped(self) -> bool:
        return self.article is None

    def notice(self) -> Notice:
        if self.skipped:
            return Notice(
                "bad-record", f"{self.path}, line {self.line}: {self.reason}; row skipped"
            )
        return Notice("record-field", f"{self.path}, line {self.line}: {self.reason}", self.article)


def reader_kind(path: Path) -> ReaderKind | None:
    """Which reader a file needs, from its suffix; None for other files and metadata files."""
    if path.name == METADATA_FILE_NAME:
        return None
    return SUFFIXES.get(path.suffix.lower())


# Dates ------------------------------------------------------------------------------------------


def parse_published(value: str) -> date | None:
    """A publication date written in a file, or None when it is not one full, unambiguous date.

    ISO dates and datetimes first (the date as written: no time-zone conversion); then numeric
    day/month forms only when day and month cannot be swapped; then dates in words that name
    their year (dateparser, which would otherwise fill missing parts from today).
    """
    text = value.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    numeric = _NUMERIC_DATE_RE.fullmatch(text)
    if numeric:
        return _numeric_date(int(numeric["a"]), int(numeric["b"]), int(numeric["year"]))
    years = {int(year) for year in _YEAR_RE.findall(text)}
    if not years:
        return None
    parsed = parse_absolute(text)
    if parsed is None:
        return None
    moment, period = parsed
    if period not in ("day", "time") or moment.year not in years:
        return None
    return moment.date()


def _numeric_date(first: int, second: int, year: int) -> date | None:
    if first > 12 >= second:
        day, month = first, second
    elif second > 12 >= first or first == second:
        month, day = first, second
    else:
        return None  # "05/06/2024": May 6 or 5 June
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _date_problem(field: str, value: object) -> str:
    if isinstance(value, str):
        return (
            f"'{field}' is not a full, unambiguous date: {value!r}; publication date left unknown"
        )
    return f"'{field}' is {_json_type(value)}, not a date string; publication date left unknown"


# Web pages --------------------------------------------------------------------------------------


def read_html(path: Path | str) -> SourceArticle:
    """The article of a saved web page: main text by trafilatura, date by htmldate.

    Navigation, cookie banners, comments, tables and scripts are left out; each paragraph of the
    text is one line, with a blank line between paragraphs. Raises UnreadableFile for a page
    with no article text, and for a page the HTML libraries fail on, whatever the reason (a
    broken install included): the page is then skipped and named like any bad file.
    """
    try:
        return _read_html(path)
    except UnreadableFile:
        raise
    except Exception as error:  # third-party parsing of arbitrary pages: anything can fail
        reason = f"the HTML reader failed: {type(error).__name__}: {error}"
        raise UnreadableFile(reason) from error


def _read_html(path: Path | str) -> SourceArticle:
    import trafilatura
    from trafilatura.metadata import extract_metadata
    from trafilatura.utils import load_html

    path = Path(path)
    raw = read_nonempty_bytes(path)
    # Parsed once and shared: neither library modifies the tree, and a tree, unlike a string,
    # is never taken for a URL to download.
    tree = load_html(raw)
    if tree is None:
        raise UnreadableFile("not an HTML page")
    extracted = trafilatura.extract(
        tree,
        include_comments=False,
        include_tables=False,
        output_format="txt",
        with_metadata=False,
    )
    # Lines are split at newlines only: a U+2028 inside a paragraph does not end it.
    paragraphs = [line.strip() for line in (extracted or "").split("\n") if line.strip()]
    if not any(reads_as_prose(paragraph) for paragraph in paragraphs):
        raise UnreadableFile("no article text in the HTML page")
    # trafilatura's metadata calls htmldate's find_date on the tree with these parameters.
    metadata = extract_metadata(tree, date_config=dict(_HTML_DATE_PARAMS))
    published = date.fromisoformat(metadata.date) if metadata.date else None
    return SourceArticle(
        id=path.stem,
        path=str(path),
        text=PARAGRAPH_BREAK.join(paragraphs),
        title=metadata.title or None,
        published=published,
        url=metadata.url or None,
        outlet=metadata.sitename or None,
        published_source="html-meta" if published else None,
    )


# Markdown ---------------------------------------------------------------------------------------


def read_markdown(path: Path | str) -> tuple[SourceArticle, Notice | None]:
    """A Markdown article, with the notice of a front-matter date that could not be read.

    Front matter is optional: ``key: value`` lines between two ``---`` lines at the very top;
    the keys read are date (or published), title, url and outlet (or source). The title is the
    front matter's, else the first level-1 heading. The text is ``markdown_to_text`` of the body.
    """
    path = Path(path)
    source, encoding_notice = read_article_text(path)
    header, body = split_front_matter(source)
    text, first_heading = _markdown_text(body)
    if not text:
        raise UnreadableFile("no article text in the Markdown file")
    published_text = header.get("published")
    published = parse_published(published_text) if published_text else None
    notice = None
    if published_text and published is None:
        notice = Notice(
            "front-matter",
            f"{path.name}: front-matter date is not a full, unambiguous date: "
            f"{published_text!r}; publication date left unknown",
            path.stem,
        )
    article = SourceArticle(
        id=path.stem,
        path=str(path),
        text=text,
        title=header.get("title") or first_heading,
        published=published,
        url=header.get("url"),
        outlet=header.get("outlet"),
        published_source="front-matter" if published else None,
    )
    return article, notice or encoding_notice


def split_front_matter(source: str) -> tuple[dict[str, str], str]:
    """The front matter's known keys (date/published, title, url, outlet/source) and the body.

    Only flat ``key: value`` lines are read (quotes around a value are removed); nested values
    and lists are ignored. Without a closing line there is no front matter: all is body.
    """
    lines = source.lstrip("\ufeff").splitlines(keepends=True)
    if not lines or lines[0].strip() != _FRONT_MATTER_FENCE:
        return {}, source.lstrip("\ufeff")
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in _FRONT_MATTER_END), None)
    if end is None:
        return {}, source.lstrip("\ufeff")
    header: dict[str, str] = {}
    for line in lines[1:end]:
        match = _FRONT_MATTER_LINE_RE.fullmatch(line.rstrip())
        if not match:
            continue  # indented (nested) lines, list items, comments
        name = _FRONT_MATTER_KEYS.get(match["key"].lower())
        value = _unquote(match["value"].strip())
        if name and value and name not in header:
            header[name] = value
    return header, "".join(lines[end + 1 :])


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1].strip()
    if value.startswith("#"):
        return ""
    return value.split(" #", 1)[0].strip()  # a YAML comment after the value


def markdown_to_text(source: str) -> str:
    """Markdown as plain text: one paragraph (or heading, or list item) a line, blank lines
    between them; markup, link targets, images, HTML, code blocks and tables left out."""
    return _markdown_text(source)[0]


def _markdown_text(source: str) -> tuple[str, str | None]:
    paragraphs: list[str] = []
    first_heading: str | None = None
    in_heading = None
    table_depth = 0
    for token in _markdown().parse(source):
        if token.type == "table_open":
            table_depth += 1
        elif token.type == "table_close":
            table_depth -= 1
        elif token.type == "heading_open":
            in_heading = token.tag
        elif token.type == "heading_close":
            in_heading = None
        elif token.type == "inline" and not table_depth:
            text = " ".join(_inline_text(token.children or []).split())
            if text:
                paragraphs.append(text)
                if in_heading == "h1" and first_heading is None:
                    first_heading = text
    return PARAGRAPH_BREAK.join(paragraphs), first_heading


def _inline_text(children: list[Token]) -> str:
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        # images, inline HTML, and the open/close markers of links and emphasis add nothing
    return "".join(parts)


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


# Datasets ---------------------------------------------------------------------------------------


def read_records(
    path: Path | str, fields: FieldNames | None = None
) -> Iterator[SourceArticle | RecordError]:
    """The articles of a JSON Lines (.jsonl, .ndjson) or CSV (.csv) dataset, one a row.

    A row's id is its id field, else ``<file stem>-<row number>``: rows are numbered from 1 in
    file order, blank lines not counted and skipped rows counted, so fixing or removing a blank
    line never renames another row. ``RecordError.line`` is the line where the row starts.
    Raises UnreadableFile (when iteration starts) for a file that cannot be read, is empty, or
    is a CSV file without the text column.
    """
    path = Path(path)
    fields = fields or FieldNames()
    suffix = path.suffix.lower()
    if suffix == ".csv":
        yield from _csv_records(path, fields)
    elif suffix in (".jsonl", ".ndjson"):
        try:
            with _open_text(path) as handle:
                lines = bounded_lines(handle, MAX_ROW_CHARS)
                records = _jsonl_records(lines, str(path), path.stem, fields)
                yield from _require_rows(records, "empty file, no records")
        except OSError as error:
            raise UnreadableFile(os_reason(error)) from error
    else:
        raise ValueError(f"{path}: not a dataset suffix ({suffix or 'none'})")


def read_stdin_records(
    stream: Iterable[str], fields: FieldNames | None = None
) -> Iterator[SourceArticle | RecordError]:
    """Articles given as JSON Lines on standard input (the ``-`` argument).

    Ids default to ``stdin-<row number>``; errors name the path ``<stdin>``.
    """
    yield from _jsonl_records(stream, STDIN_NAME, STDIN_STEM, fields or FieldNames())


def stdin_kind(first_line: str) -> StdinKind:
    """JSON Lines when the first non-blank line of stdin starts with ``{``, else a path list."""
    return "records" if first_line.lstrip("\ufeff \t").startswith("{") else "paths"


def peek_stdin(stream: Iterable[str]) -> tuple[StdinKind, Iterator[str]]:
    """Tell what stdin holds, and give back all its lines (those read to tell included)."""
    lines = iter(stream)
    seen: list[str] = []
    for line in lines:
        seen.append(line)
        if line.strip():
            return stdin_kind(line), itertools.chain(seen, lines)
    return "paths", iter(seen)


def stdin_paths(lines: Iterable[str]) -> list[str]:
    """The paths of a path list on stdin: one a line, surrounding blanks removed."""
    return [line.strip().lstrip("\ufeff") for line in lines if line.strip().lstrip("\ufeff")]


def _require_rows(
    items: Iterator[SourceArticle | RecordError], reason: str
) -> Iterator[SourceArticle | RecordError]:
    empty = True
    for item in items:
        empty = False
        yield item
    if empty:
        raise UnreadableFile(reason)


def _jsonl_records(
    lines: Iterable[str], label: str, stem: str, fields: FieldNames
) -> Iterator[SourceArticle | RecordError]:
    seen_ids: dict[str, int] = {}
    row = 0
    for number, line in enumerate(lines, start=1):
        if isinstance(line, LongLine):
            row += 1
            yield RecordError(label, number, f"longer than {MAX_ROW_CHARS:,} characters")
            continue
        if number == 1:
            line = line.lstrip("\ufeff")
        if not line.strip():
            continue
        row += 1
        if _UNDECODABLE_RE.search(line):
            yield RecordError(label, number, "not valid UTF-8")
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            yield RecordError(label, number, f"not valid JSON ({error.msg}, column {error.colno})")
            continue
        except RecursionError:
            yield RecordError(label, number, "not usable JSON (nested too deeply)")
            continue
        except ValueError as error:  # a number of thousands of digits
            reason = str(error).split(":")[0]
            yield RecordError(label, number, f"not usable JSON ({reason})")
            continue
        if not isinstance(value, dict):
            yield RecordError(label, number, f"{_json_type(value)}, not a JSON object")
            continue
        yield from _record(value, label, number, f"{stem}-{row:0{ID_DIGITS}d}", fields, seen_ids)


def _csv_records(path: Path, fields: FieldNames) -> Iterator[SourceArticle | RecordError]:
    csv.field_size_limit(max(csv.field_size_limit(), _CSV_FIELD_LIMIT))
    label = str(path)
    try:
        with _open_text(path) as handle:
            first = handle.readline(MAX_ROW_CHARS)
            if not first.strip():
                raise UnreadableFile("empty file, or no header row on the first line")
            delimiter = max(_CSV_DELIMITERS, key=first.count)
            handle.seek(0)
            reader = csv.reader(_csv_lines(handle), delimiter=delimiter)
            try:
                columns = [name.strip().lstrip("\ufeff") for name in next(reader)]
            except csv.Error as error:
                raise UnreadableFile(f"the header row is not valid CSV ({error})") from error
            if fields.text not in columns:
                raise UnreadableFile(
                    f"no '{fields.text}' column (columns: {', '.join(columns)}); "
                    "name the text column with the text-field option"
                )
            yield from _require_rows(
                _csv_rows(reader, columns, label, path.stem, fields), "no rows after the header row"
            )
    except OSError as error:
        raise UnreadableFile(os_reason(error)) from error


def _csv_lines(handle: TextIO) -> Iterator[str]:
    """The file's lines for the csv reader; a line too long to hold ends the reading there."""
    for number, line in enumerate(bounded_lines(handle, MAX_ROW_CHARS), start=1):
        if isinstance(line, LongLine):
            raise UnreadableFile(
                f"line {number} is longer than {MAX_ROW_CHARS:,} characters; "
                "it and the rows after it were not read"
            )
        yield line


def _csv_rows(
    reader: Any, columns: list[str], label: str, stem: str, fields: FieldNames
) -> Iterator[SourceArticle | RecordError]:
    seen_ids: dict[str, int] = {}
    row = 0
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            row += 1
            yield RecordError(label, start, f"not a valid CSV row ({error})")
            continue
        if not any(cell.strip() for cell in cells):
            continue
        row += 1
        if any(_UNDECODABLE_RE.search(cell) for cell in cells):
            yield RecordError(label, start, "not valid UTF-8")
            continue
        if len(cells) > len(columns):
            yield RecordError(
                label, start, f"{len(cells)} cells but {len(columns)} columns (an unquoted comma?)"
            )
            continue
        # A short row's missing trailing cells are missing fields; empty cells are empty fields.
        values = dict(zip(columns, cells, strict=False))
        yield from _record(values, label, start, f"{stem}-{row:0{ID_DIGITS}d}", fields, seen_ids)


def _record(
    values: Mapping[str, object],
    label: str,
    line: int,
    default_id: str,
    fields: FieldNames,
    seen_ids: dict[str, int],
) -> Iterator[SourceArticle | RecordError]:
    """One row's article followed by its warnings, or one RecordError when it is skipped."""
    text = values.get(fields.text)
    if text is None:
        yield RecordError(label, line, f"no '{fields.text}' field")
        return
    if not isinstance(text, str):
        yield RecordError(label, line, f"'{fields.text}' is {_json_type(text)}, not a string")
        return
    if not text.strip():
        yield RecordError(label, line, f"empty '{fields.text}' field")
        return
    raw_id = values.get(fields.id)
    if isinstance(raw_id, int) and not isinstance(raw_id, bool):
        raw_id = str(raw_id)
    if raw_id is not None and not isinstance(raw_id, str):
        yield RecordError(label, line, f"'{fields.id}' is {_json_type(raw_id)}, not a string")
        return
    article_id = (raw_id or "").strip() or default_id
    if article_id in seen_ids:
        yield RecordError(
            label, line, f"id {article_id!r} already used on line {seen_ids[article_id]}"
        )
        return
    seen_ids[article_id] = line
    problems: list[str] = []
    optional = {}
    for name in ("title", "url", "outlet"):
        key = getattr(fields, name)
        value = values.get(key)
        if value is not None and not isinstance(value, str):
            problems.append(f"'{key}' is {_json_type(value)}, not a string; ignored")
            value = None
        optional[name] = (value.strip() or None) if value is not None else None
    raw_date = values.get(fields.date)
    published = None
    if isinstance(raw_date, str) and raw_date.strip():
        published = parse_published(raw_date)
        if published is None:
            problems.append(_date_problem(fields.date, raw_date))
    elif raw_date is not None and not isinstance(raw_date, str):
        problems.append(_date_problem(fields.date, raw_date))
    yield SourceArticle(
        id=article_id,
        path=label,
        text=text,
        title=optional["title"],
        published=published,
        url=optional["url"],
        outlet=optional["outlet"],
        published_source="record" if published else None,
        line=line,
    )
    for problem in problems:
        yield RecordError(label, line, problem, article_id)


def _json_type(value: object) -> str:
    return _JSON_TYPES.get(type(value), f"a {type(value).__name__}")


# Files ------------------------------------------------------------------------------------------


def _open_text(path: Path) -> TextIO:
    """A dataset open as text: UTF-16 or UTF-32 when it starts with their byte-order mark,
    else UTF-8 (with or without BOM); undecodable bytes are kept for the row to report."""
    binary = open_regular(path)
    try:
        marked = byte_order_mark(binary.read(4))
        binary.seek(0)
    except OSError:
        binary.close()
        raise
    encoding = marked[0] if marked else "utf-8-sig"
    return io.TextIOWrapper(binary, encoding=encoding, errors="surrogateescape", newline="")
