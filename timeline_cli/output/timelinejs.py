"""The chronology as TimelineJS 3 data: the JSON that Knight Lab's TimelineJS accepts.

The format is documented at https://timeline.knightlab.com/docs/json-format.html: an object
with ``events`` (slides: ``start_date``, ``end_date``, ``text`` {``headline``, ``text``},
``group``, ``display_date``, ``unique_id``, ``autolink``...) and a ``title`` slide; dates are
objects of numbers ``year``, ``month``, ``day``, ``hour``, ``minute`` with an optional
``display_date`` string.

Each event is a slide dated at its precision: a month event has no day, a year event only a
year; weeks, quarters, seasons, decades and centuries are spans (``start_date`` and
``end_date``). Events with no date cannot be placed on a timeline: they are left out and the
title slide says how many. ``group`` is the event type, ``unique_id`` the event id. Headlines and
texts are HTML (TimelineJS renders them as such), so all text is escaped. The same input gives
the same bytes.

``to_timelinejs_sheet`` writes the same slides as the rows of Knight Lab's Google Sheets
template (``SHEET_COLUMNS``, the header of the template newsrooms copy): paste or import the
CSV into a copy of the template, publish it, and give TimelineJS its address. The first row is
the title slide (``Type`` ``title``). Cells are made safe for spreadsheets as in the CSV export
(``export.spreadsheet_cell``); there is no byte order mark, which Google Sheets does not need.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from datetime import date
from html import escape
from typing import Any

from timeline_cli.chronology.keydates import key_label
from timeline_cli.chronology.trust import inferred_reasons
from timeline_cli.core.models import Chronology, ChronologyEvent, Document
from timeline_cli.output.export import json_text, spreadsheet_cell
from timeline_cli.output.labels import (
    day_label,
    event_date_label,
    hour_minute,
    plural,
    value_label,
    web_url,
)
from timeline_cli.output.record_reader import as_chronology

HEADLINE_ACTORS = 2  # actors named in a slide's headline
SHEET_COLUMNS = (
    "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
    "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
    "Media Thumbnail", "Type", "Group", "Background",
)  # fmt: skip
_SPANS = ("week", "quarter", "half", "season", "decade", "century")


def to_timelinejs(chronology: Chronology | Mapping[str, Any], title: str = "Chronology") -> str:
    """The chronology (or its JSON record) as TimelineJS 3 JSON text."""
    return json_text(timelinejs_record(chronology, title), indent=2) + "\n"


def timelinejs_record(
    chronology: Chronology | Mapping[str, Any], title: str = "Chronology"
) -> dict[str, Any]:
    """The TimelineJS 3 data as a dict: ``{"title": slide, "events": [slide, ...]}``."""
    chronology = as_chronology(chronology)
    documents = {document.id: document for document in chronology.documents}
    slides: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for event in chronology.events:
        slide = event_slide(event, documents)
        if slide is None:
            continue
        unique = slide["unique_id"]
        seen[unique] = seen.get(unique, 0) + 1
        if seen[unique] > 1:  # ids are unique in a chronology; stay valid if one is not
            slide["unique_id"] = f"{unique}-{seen[unique]}"
        slides.append(slide)
    return {"title": _title_slide(chronology, title, len(slides)), "events": slides}


def date_object(day: date, precision: str, display: str | None = None) -> dict[str, Any]:
    """A TimelineJS date object with the parts a precision knows: year[, month[, day]]."""
    parts: dict[str, Any] = {"year": day.year}
    if precision not in ("year", "decade", "century"):
        parts["month"] = day.month
    if precision in ("day", "time", "publication", "week"):
        parts["day"] = day.day
    if display:
        parts["display_date"] = display
    return parts


def event_slide(
    event: ChronologyEvent, documents: Mapping[str, Document] | None = None
) -> dict[str, Any] | None:
    """The slide of one event, or None when it has no date to place it by."""
    if event.start is None or event.end is None or event.date is None:
        return None
    documents = documents or {}
    label, note = event_date_label(event)
    display = f"{label} ({note})" if note else label
    slide: dict[str, Any] = {}
    if event.precision in _SPANS:
        slide["start_date"] = date_object(event.start, event.precision)
        slide["end_date"] = date_object(event.end, event.precision)
        slide["display_date"] = display
    else:
        slide["start_date"] = date_object(event.start, event.precision, display)
        time = hour_minute(event.date, event.precision)
        if time:
            hour, minute = time.split(":")
            slide["start_date"]["hour"] = int(hour)
            slide["start_date"]["minute"] = int(minute)
    slide["text"] = {"headline": _headline(event), "text": _text(event, documents)}
    slide["group"] = event.type
    slide["unique_id"] = event.id
    slide["autolink"] = False  # links are written out; autolinking would double them
    return slide


def _headline(event: ChronologyEvent) -> str:
    """The event's own headline ("Clinton meets Kim Sung-hwan"); for a chronology saved
    before headlines were written, its type and actors."""
    if event.headline:
        return escape(event.headline)
    actors = list(event.actors[:HEADLINE_ACTORS])
    if len(event.actors) > HEADLINE_ACTORS:
        actors.append(f"+{len(event.actors) - HEADLINE_ACTORS}")
    headline = event.type.capitalize()
    if actors:
        headline += ": " + ", ".join(actors)
    elif event.places:
        headline += " in " + ", ".join(event.places[:HEADLINE_ACTORS])
    return escape(headline)


def _document_html(document_id: str, documents: Mapping[str, Document]) -> str:
    document = documents.get(document_id)
    if document is None:
        return escape(document_id)
    name = escape(document.title) if document.title else escape(document_id)
    url = web_url(document.url)
    if url:
        name = f'<a href="{escape(url)}" rel="noreferrer">{name}</a>'
    facts = [escape(document_id)]
    if document.outlet:
        facts.append(escape(document.outlet))
    day = document.publication.date
    if day:
        facts.append(day_label(day))
    return f"{name} ({', '.join(facts)})"


def _text(event: ChronologyEvent, documents: Mapping[str, Document]) -> str:
    parts = [f"<p>{escape(event.summary)}</p>"]
    if event.key is not None:
        parts.insert(0, f"<p><strong>{escape(key_label(event.key).capitalize())}</strong></p>")
    if event.actors:
        parts.append(f"<p><strong>Actors:</strong> {escape(', '.join(event.actors))}</p>")
    if event.places:
        parts.append(f"<p><strong>Places:</strong> {escape(', '.join(event.places))}</p>")
    for document_id, reason in inferred_reasons(event, documents):
        parts.append(
            f"<p><strong>Year inferred</strong> ({_document_html(document_id, documents)}): "
            f"{escape(reason)}</p>"
        )
    for conflict in event.conflicts:
        sources = ", ".join(_document_html(d, documents) for d in conflict.documents)
        parts.append(
            f"<p><strong>⚠ Date disputed:</strong> {escape(value_label(conflict.date))} "
            f"({escape(conflict.date)}) according to {sources}</p>"
        )
    count = event.source_count
    outlets = f" ({escape(', '.join(event.outlets))})" if event.outlets else ""
    parts.append(f"<p><strong>{plural(count, 'source')}{outlets}:</strong></p>")
    items = []
    for mention in event.mentions:
        items.append(
            f"<li><q>{escape(mention.sentence)}</q> — "
            f"{_document_html(mention.document, documents)}</li>"
        )
    parts.append("<ul>" + "".join(items) + "</ul>")
    return "".join(parts)


def _title_slide(chronology: Chronology, title: str, placed: int) -> dict[str, Any]:
    events = len(chronology.events)
    articles = len(chronology.documents)
    text = f"<p>{plural(placed, 'event')} from {plural(articles, 'article')}.</p>"
    left_out = events - placed
    if left_out:
        text += (
            f"<p>{left_out} undated event{' is' if left_out == 1 else 's are'} not shown: "
            "no date places them on the timeline.</p>"
        )
    return {"text": {"headline": escape(title), "text": text}}


def to_timelinejs_sheet(
    chronology: Chronology | Mapping[str, Any], title: str = "Chronology"
) -> str:
    """The TimelineJS slides as CSV rows of Knight Lab's Google Sheets template."""
    record = timelinejs_record(chronology, title)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(SHEET_COLUMNS)
    rows = [_sheet_row(record["title"], "title"), *(_sheet_row(s) for s in record["events"])]
    for row in rows:
        writer.writerow([spreadsheet_cell(cell) if isinstance(cell, str) else cell for cell in row])
    return buffer.getvalue()


def _sheet_row(slide: Mapping[str, Any], row_type: str = "") -> list[str | int]:
    start = slide.get("start_date", {})
    end = slide.get("end_date", {})
    display = slide.get("display_date") or start.get("display_date", "")
    return [
        *_sheet_date(start),
        *_sheet_date(end),
        display,
        slide["text"]["headline"],
        slide["text"]["text"],
        "", "", "", "",  # Media, Media Credit, Media Caption, Media Thumbnail
        row_type,
        slide.get("group", ""),
        "",  # Background
    ]  # fmt: skip


def _sheet_date(parts: Mapping[str, Any]) -> list[str | int]:
    """Year, Month, Day and Time cells of a TimelineJS date object (empty where unknown)."""
    time = f"{parts['hour']:02d}:{parts['minute']:02d}" if "hour" in parts else ""
    return [parts.get("year", ""), parts.get("month", ""), parts.get("day", ""), time]
