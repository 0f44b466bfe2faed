"""The chronology as one self-contained HTML page: a vertical timeline with filters.

``to_html`` returns a complete document that loads nothing from anywhere: the style sheet and
the filter script are inline, and a Content-Security-Policy (with the hashes of exactly those
two, computed as the page is written) forbids every other load. The markup is the Jinja2
template ``templates/page.html.j2`` (autoescaped), the style sheet ``templates/page.css`` and
the script ``templates/page.js``: this module gathers what they show.

Events are grouped under year and month headings; each shows its type, its date at its
precision, summary, actors and places, the number of sources, the dates other articles give,
and the evidence sentences with the date expression marked. The actor box's example is the
actor in most events.

The page carries its data: the chronology's JSON record (``export.chronology_record``) is in
``<script type="application/json" id="chronology-data">``. The same input gives the same bytes.

The filter state can be set from the address: ``page.html#types=meeting,visit&actor=clinton``
(the page writes it back there as the filters change, so a filtered view can be bookmarked).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import zlib
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from timeline_cli.chronology.keydates import key_label
from timeline_cli.chronology.trust import inferred_reasons
from timeline_cli.core.models import Chronology, ChronologyEvent, Document, Mention
from timeline_cli.output.export import chronology_record
from timeline_cli.output.labels import (
    COARSE_WITHIN_YEAR,
    DAY_LIKE,
    OVER_YEARS,
    day_label,
    event_date_label,
    events_from_articles,
    hour_minute,
    month_label,
    period_heading,
    plural,
    value_label,
    web_url,
)
from timeline_cli.output.record_reader import as_chronology

# Badge colours (white text on them passes WCAG AA); other types get one derived from the name.
TYPE_COLOURS = {
    "meeting": "#1565c0",
    "statement": "#2e7d32",
    "visit": "#00796b",
    "repatriation": "#c62828",
    "deportation": "#ad1457",
    "detention": "#6a1b9a",
    "release": "#4e7d1e",
    "protest": "#bf360c",
    "attack": "#8e1b1b",
    "agreement": "#8a5a00",
    "election": "#4527a0",
    "resignation": "#5d4037",
    "sanction": "#37474f",
    "launch": "#0d5f9e",
    "sale": "#a0522d",
    "acquisition": "#283593",
    "lawsuit": "#6d4c41",
}
# The filter box's example when the chronology names no actor or place.
NEUTRAL_PLACEHOLDER = "a name"


def to_html(chronology: Chronology | Mapping[str, Any], title: str = "Chronology") -> str:
    """The chronology (or its JSON record) as a complete, self-contained HTML page."""
    chronology = as_chronology(chronology)
    page = _Page(chronology)
    style = _inline(_asset("page.css") + _type_colours(page.types))
    if any(event.key is not None for event in page.events):
        style += _KEY_CSS
    script = _inline(_asset("page.js"))
    csp = (
        "default-src 'none'; "
        f"style-src '{_csp_hash(style)}'; "
        f"script-src '{_csp_hash(script)}'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    return _TEMPLATES.get_template("page.html.j2").render(
        title=title,
        csp=csp,
        style=Markup(style),
        script=Markup(script),
        data=_json_data(chronology),
        page=page,
        documents=page.documents,
    )


@cache
def _asset(name: str) -> str:
    """A file of ``templates/`` (package data), as text."""
    return files("timeline_cli.output").joinpath("templates", name).read_text(encoding="utf-8")


def _inline(text: str) -> str:
    """A style sheet or script as it goes inside its tag: from a line of its own."""
    return "\n" + text


_KEY_CSS = ".key{font-size:.8rem;font-weight:600}"  # the key-dates view's rank and sources


def _type_colours(types: Sequence[str]) -> str:
    """The colour of each type's badge and dot, by its index (``.t0``, ``.t1``...)."""
    return "".join(f".t{i}{{--c:{type_colour(t)}}}" for i, t in enumerate(types))


def highlight_sentence(mention: Mention) -> Markup:
    """The evidence sentence as escaped HTML, its date expression in <mark>, trigger in <b>."""
    sentence = mention.sentence
    trigger = _trigger_span(mention)
    date_span = _date_span(sentence, mention.date_text, trigger[0] if trigger else None)
    spans: list[tuple[int, int, str]] = []
    if date_span:
        spans.append((*date_span, "mark"))
    if trigger and not (date_span and trigger[0] < date_span[1] and date_span[0] < trigger[1]):
        spans.append((*trigger, "b"))
    out = Markup()
    position = 0
    for start, end, tag in sorted(spans):
        css = Markup(' class="trigger"') if tag == "b" else ""
        out += escape(sentence[position:start])
        out += Markup("<{0}{1}>{2}</{0}>").format(tag, css, sentence[start:end])
        position = end
    return out + escape(sentence[position:])


def _trigger_span(mention: Mention) -> tuple[int, int] | None:
    if mention.trigger_start is None or not mention.trigger:
        return None
    offset = mention.trigger_start - mention.start
    end = offset + len(mention.trigger)
    if offset < 0 or mention.sentence[offset:end] != mention.trigger:
        return None
    return offset, end


def _date_span(sentence: str, date_text: str | None, near: int | None) -> tuple[int, int] | None:
    """Where date_text is in the sentence: the occurrence nearest the trigger, else the first."""
    if not date_text:
        return None
    found = [m.start() for m in re.finditer(re.escape(date_text), sentence)]
    if not found:
        found = [m.start() for m in re.finditer(re.escape(date_text), sentence, re.IGNORECASE)]
    if not found:
        return None
    start = min(found, key=lambda s: (abs(s - near), s)) if near is not None else found[0]
    return start, start + len(date_text)


def _csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def _json_data(chronology: Chronology) -> Markup:
    """The JSON record, safe inside <script>: no '<', '>' or '&' left to end or confuse it."""
    text = json.dumps(chronology_record(chronology), ensure_ascii=False, indent=1)
    return Markup(text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e"))


def type_colour(event_type: str) -> str:
    """The badge colour of an event type: a fixed one, or a dark hue derived from the name."""
    if event_type in TYPE_COLOURS:
        return TYPE_COLOURS[event_type]
    hue = zlib.crc32(event_type.encode("utf-8")) % 360
    return f"hsl({hue} 60% 32%)"


def _anchor(prefix: str, value: str) -> str:
    return prefix + re.sub(r"\s", "_", value)


_TEMPLATES = Environment(
    loader=PackageLoader("timeline_cli.output", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    # block tags take no room: the template reads as the page, one element a line
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
_TEMPLATES.filters.update(
    anchor=lambda value, prefix: _anchor(prefix, value),
    day_label=day_label,
    highlight=highlight_sentence,
    key_label=key_label,
    plural=plural,
    value_label=value_label,
    web_url=web_url,
)


@dataclass(frozen=True)
class _Group:
    key: tuple[Any, ...]
    heading: str
    anchor: str


def _year_group(event: ChronologyEvent) -> _Group:
    if event.start is None or event.date is None:
        return _Group(("undated",), "Undated", "undated")
    if event.precision in OVER_YEARS:
        label = period_heading(event)
        return _Group(("period", event.start.year, label), label, _anchor("p", event.date))
    year = event.start.year
    return _Group(("year", year), str(year), f"y{year}")


def _month_group(event: ChronologyEvent) -> _Group | None:
    start = event.start
    if start is None or event.date is None or event.precision in OVER_YEARS:
        return None
    if event.precision in COARSE_WITHIN_YEAR:
        return _Group(("coarse", event.date), period_heading(event), _anchor("c", event.date))
    anchor = f"m{start.year}-{start.month:02d}"
    return _Group(("month", start.year, start.month), period_heading(event), anchor)


@dataclass(frozen=True)
class _Section:
    """A year on the page (its parts: months) or a month or coarser period (its parts: events);
    a month section of events with no month has no anchor and no heading."""

    anchor: str | None
    heading: str
    parts: list[Any]


@dataclass(frozen=True)
class _Item:
    """One event as the page shows it."""

    event: ChronologyEvent
    anchor: str
    type_index: int
    label: str
    note: str | None
    machine: str | None  # the date for machines (<time datetime>), where it has one
    names: str  # JSON list of every name the actor filter matches the event by
    inferred: list[tuple[str, str]]  # (article, why its year was inferred)


class _Page:
    """What the template shows of one chronology."""

    def __init__(self, chronology: Chronology) -> None:
        self.events = chronology.events
        self.notices = chronology.notices
        self.documents = {d.id: d for d in chronology.documents}
        self.types = sorted({event.type for event in self.events})
        self.aliases = {actor.name: actor.aliases for actor in chronology.actors}
        self._anchors: dict[str, int] = {}
        self.years = self._years()  # anchors are numbered in page order

    def _unique(self, anchor: str) -> str:
        count = self._anchors.get(anchor, 0) + 1
        self._anchors[anchor] = count
        return anchor if count == 1 else f"{anchor}-{count}"

    # -- header and filters -------------------------------------------------------------------

    @property
    def overview(self) -> str:
        events = self.events
        dated = [e for e in events if e.start is not None and e.end is not None]
        parts = [events_from_articles(events, len(self.documents))]
        if dated:
            first = min(e.start for e in dated if e.start)
            last = max(e.end for e in dated if e.end)
            span = month_label(first)
            if (last.year, last.month) != (first.year, first.month):
                span += f" – {month_label(last)}"
            parts.append(span)
        reported = sum(1 for e in events if e.precision == "publication")
        if reported:
            parts.append(f"{reported} dated only by publication")
        undated = len(events) - len(dated)
        if undated:
            parts.append(f"{undated} undated")
        disputed = sum(1 for e in events if e.conflicts)
        if disputed:
            parts.append(f"{disputed} with disputed dates")
        return " · ".join(parts)

    @property
    def type_counts(self) -> list[tuple[str, int]]:
        counts = Counter(event.type for event in self.events)
        return [(event_type, counts[event_type]) for event_type in self.types]

    @property
    def names(self) -> list[str]:
        """The actor box's suggestions: every actor and place."""
        return sorted({n for e in self.events for n in (*e.actors, *e.places)})

    @property
    def placeholder(self) -> str:
        """The actor box's example: the actor in most events (else the place), first by name
        among equals."""
        for field in ("actors", "places"):
            counts = Counter(name for e in self.events for name in set(getattr(e, field)))
            if counts:
                return "e.g. " + min(counts, key=lambda name: (-counts[name], name))
        return NEUTRAL_PLACEHOLDER

    # -- the timeline -------------------------------------------------------------------------

    def _years(self) -> list[_Section]:
        years = []
        for year, year_events in _runs(self.events, _year_group):
            months = []
            year_anchor = self._unique(year.anchor)
            for month, month_events in _runs(year_events, _month_group):
                anchor = None if month is None else self._unique(month.anchor)
                heading = "" if month is None else month.heading
                items = [self._item(event) for event in month_events]
                months.append(_Section(anchor, heading, items))
            years.append(_Section(year_anchor, year.heading, months))
        return years

    def _names(self, event: ChronologyEvent) -> list[str]:
        """Every name the actor filter matches this event by: actors, places and aliases."""
        names: list[str] = []
        for name in (*event.actors, *event.places):
            for candidate in (name, *self.aliases.get(name, ())):
                if candidate not in names:
                    names.append(candidate)
        return names

    def _item(self, event: ChronologyEvent) -> _Item:
        label, note = event_date_label(event)
        return _Item(
            event=event,
            anchor=self._unique(event.id or "event"),
            type_index=self.types.index(event.type),
            label=label,
            note=note,
            machine=_machine_date(event),
            names=json.dumps(self._names(event), ensure_ascii=False),
            inferred=inferred_reasons(event, self.documents),
        )

    # -- sources and warnings -----------------------------------------------------------------

    @property
    def articles(self) -> list[tuple[Document, int]]:
        """Every article by id, with the number of events it tells."""
        documents = sorted(self.documents.values(), key=lambda d: d.id)
        return [(d, sum(1 for e in self.events if d.id in e.documents)) for d in documents]


def _machine_date(event: ChronologyEvent) -> str | None:
    """The event's date for a <time datetime>: a day (with its time), month, year or week."""
    if event.precision in DAY_LIKE and event.start is not None:
        time = hour_minute(event.date, event.precision)
        return event.start.isoformat() + (f"T{time}" if time else "")
    if event.precision in ("month", "year", "week") and event.date:
        return event.date
    return None


def _runs(events: Sequence[ChronologyEvent], grouping: Any) -> Iterator[tuple[Any, list[Any]]]:
    """Consecutive events with the same group, in order."""
    current: Any = None
    run: list[ChronologyEvent] = []
    for event in events:
        group = grouping(event)
        key = group.key if group else None
        if run and key != (current.key if current else None):
            yield current, run
            run = []
        current = group
        run.append(event)
    if run:
        yield current, run
