"""The chronology as one self-contained HTML page: a vertical timeline with filters.

``to_html`` returns a complete document that loads nothing from anywhere: the style sheet and
the filter script are inline, and a Content-Security-Policy (with the hashes of exactly those
two) forbids every other load. Events are grouped under year and month headings; each shows its
type, its date at its precision, summary, actors and places, the number of sources, the dates
other articles give, and the evidence sentences with the date expression marked.

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
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from timeline_cli.chronology.keydates import key_label
from timeline_cli.chronology.trust import inferred_reasons
from timeline_cli.core.models import Chronology, ChronologyEvent, Document, Mention
from timeline_cli.output.export import chronology_record
from timeline_cli.output.labels import (
    COARSE_WITHIN_YEAR,
    DAY_LIKE,
    MONTHS,
    OVER_YEARS,
    day_label,
    event_date_label,
    period_heading,
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
_HOUR_MINUTE = re.compile(r"T(\d{2}:\d{2})$")


def to_html(chronology: Chronology | Mapping[str, Any], title: str = "Chronology") -> str:
    """The chronology (or its JSON record) as a complete, self-contained HTML page."""
    chronology = as_chronology(chronology)
    page = _Page(chronology)
    style = _style(page.types, any(event.key is not None for event in page.events))
    script = _SCRIPT
    csp = (
        "default-src 'none'; "
        f"style-src '{_csp_hash(style)}'; "
        f"script-src '{_csp_hash(script)}'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{escape(csp)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="timeline-cli">',
        '<link rel="icon" href="data:,">',
        f"<title>{escape(title)}</title>",
        f"<style>{style}</style>",
        "</head>",
        "<body>",
        '<a class="skip" href="#timeline">Skip to the events</a>',
        "<header>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="overview">{escape(page.overview())}</p>',
        "</header>",
        *page.filters(),
        '<main id="timeline">',
        *page.timeline(),
        '<p class="no-match" id="no-match" hidden>No event matches these filters.</p>',
        "</main>",
        *page.sources(),
        *page.warnings(),
        f'<script type="application/json" id="chronology-data">{_json_data(chronology)}</script>',
        f"<script>{script}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def highlight_sentence(mention: Mention) -> str:
    """The evidence sentence as escaped HTML, its date expression in <mark>, trigger in <b>."""
    sentence = mention.sentence
    trigger = _trigger_span(mention)
    date_span = _date_span(sentence, mention.date_text, trigger[0] if trigger else None)
    spans: list[tuple[int, int, str]] = []
    if date_span:
        spans.append((*date_span, "mark"))
    if trigger and not (date_span and trigger[0] < date_span[1] and date_span[0] < trigger[1]):
        spans.append((*trigger, "b"))
    out: list[str] = []
    position = 0
    for start, end, tag in sorted(spans):
        out.append(escape(sentence[position:start]))
        css = ' class="trigger"' if tag == "b" else ""
        out.append(f"<{tag}{css}>{escape(sentence[start:end])}</{tag}>")
        position = end
    out.append(escape(sentence[position:]))
    return "".join(out)


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


def _json_data(chronology: Chronology) -> str:
    """The JSON record, safe inside <script>: no '<', '>' or '&' left to end or confuse it."""
    text = json.dumps(chronology_record(chronology), ensure_ascii=False, indent=1)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def type_colour(event_type: str) -> str:
    """The badge colour of an event type: a fixed one, or a dark hue derived from the name."""
    if event_type in TYPE_COLOURS:
        return TYPE_COLOURS[event_type]
    hue = zlib.crc32(event_type.encode("utf-8")) % 360
    return f"hsl({hue} 60% 32%)"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _attr(value: str) -> str:
    return escape(value, quote=True)


def _anchor(prefix: str, value: str) -> str:
    return prefix + re.sub(r"\s", "_", value)


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


class _Page:
    """The HTML fragments of one chronology."""

    def __init__(self, chronology: Chronology) -> None:
        self.chronology = chronology
        self.events = chronology.events
        self.documents = {d.id: d for d in chronology.documents}
        self.types = sorted({event.type for event in self.events})
        self.aliases = {actor.name: actor.aliases for actor in chronology.actors}
        self._anchors: dict[str, int] = {}

    def _unique(self, anchor: str) -> str:
        count = self._anchors.get(anchor, 0) + 1
        self._anchors[anchor] = count
        return anchor if count == 1 else f"{anchor}-{count}"

    # -- header and filters -------------------------------------------------------------------

    def overview(self) -> str:
        events = self.events
        dated = [e for e in events if e.start is not None and e.end is not None]
        parts = [
            f"{_plural(len(events), 'event')} from {_plural(len(self.documents), 'article')}",
        ]
        if any(event.key is not None for event in events):
            parts[0] = (
                f"{_plural(len(events), 'key date')} from {_plural(len(self.documents), 'article')}"
                ", each by its best-supported event"
            )
        if dated:
            first = min(e.start for e in dated if e.start)
            last = max(e.end for e in dated if e.end)
            span = f"{MONTHS[first.month - 1][:3]} {first.year}"
            if (last.year, last.month) != (first.year, first.month):
                span += f" – {MONTHS[last.month - 1][:3]} {last.year}"
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

    def filters(self) -> list[str]:
        counts = {t: sum(1 for e in self.events if e.type == t) for t in self.types}
        lines = [
            '<form class="filters" id="filters" aria-label="Filter the events">',
            '<fieldset class="types"><legend>Type</legend>',
        ]
        for index, event_type in enumerate(self.types):
            lines.append(
                f'<label class="type-option"><input type="checkbox" name="type" '
                f'value="{_attr(event_type)}" checked> <span class="badge t{index}">'
                f"{escape(event_type)}</span> <small>{counts[event_type]}</small></label>"
            )
        lines.append("</fieldset>")
        lines.append('<div class="actor-field"><label for="actor-filter">Actor or place</label>')
        lines.append(
            '<input type="search" id="actor-filter" name="actor" list="actor-names" '
            'autocomplete="off" spellcheck="false" placeholder="e.g. Clinton">'
        )
        lines.append('<datalist id="actor-names">')
        names = sorted({n for e in self.events for n in (*e.actors, *e.places)})
        lines.extend(f'<option value="{_attr(name)}"></option>' for name in names)
        lines.append("</datalist></div>")
        lines.append('<button type="reset" id="reset-filters">Show all</button>')
        lines.append(
            f'<p class="status" id="filter-status" role="status">'
            f"Showing all {_plural(len(self.events), 'event')}</p>"
        )
        lines.append("</form>")
        return lines

    # -- the timeline -------------------------------------------------------------------------

    def timeline(self) -> Iterator[str]:
        for year, year_events in _runs(self.events, _year_group):
            anchor = self._unique(year.anchor)
            yield f'<section class="year" id="{_attr(anchor)}" aria-labelledby="{_attr(anchor)}-h">'
            yield f'<h2 id="{_attr(anchor)}-h">{escape(year.heading)}</h2>'
            for month, month_events in _runs(year_events, _month_group):
                if month is None:
                    yield '<section class="month">'
                else:
                    month_anchor = self._unique(month.anchor)
                    yield f'<section class="month" id="{_attr(month_anchor)}">'
                    yield f"<h3>{escape(month.heading)}</h3>"
                yield '<ol class="events">'
                for event in month_events:
                    yield self.event(event)
                yield "</ol>"
                yield "</section>"
            yield "</section>"

    def _names(self, event: ChronologyEvent) -> list[str]:
        """Every name the actor filter matches this event by: actors, places and aliases."""
        names: list[str] = []
        for name in (*event.actors, *event.places):
            for candidate in (name, *self.aliases.get(name, ())):
                if candidate not in names:
                    names.append(candidate)
        return names

    def event(self, event: ChronologyEvent) -> str:
        type_index = self.types.index(event.type)
        label, note = event_date_label(event)
        classes = "event has-conflict" if event.conflicts else "event"
        names = json.dumps(self._names(event), ensure_ascii=False)
        anchor = self._unique(event.id or "event")
        out = [
            f'<li class="{classes}" id="{_attr(anchor)}" data-type="{_attr(event.type)}" '
            f'data-names="{_attr(names)}">',
            f'<span class="dot t{type_index}" aria-hidden="true"></span>',
            '<div class="when">',
            _time_element(event, label),
        ]
        if note:
            flags = " ".join(event.flags)
            out.append(f'<span class="reported" data-flags="{_attr(flags)}">{escape(note)}</span>')
        out.append("</div>")
        out.append('<div class="what">')
        head = [
            f'<span class="badge t{type_index}">{escape(event.type)}</span>',
            f'<span class="sources">{_plural(event.source_count, "source")}'
            f"{_outlets(event)}</span>",
        ]
        if event.key is not None:
            head.insert(1, f'<span class="key">{escape(key_label(event.key))}</span>')
        if event.conflicts:
            head.append('<span class="flag">⚠ date disputed</span>')
        out.append(f'<p class="head">{" ".join(head)}</p>')
        if event.headline:
            out.append(f'<h4 class="headline">{escape(event.headline)}</h4>')
        out.append(f'<p class="summary">{escape(event.summary)}</p>')
        out.extend(self._participants(event))
        out.extend(self._inferred_years(event))
        out.extend(self._conflicts(event))
        out.extend(self._evidence(event))
        out.append("</div>")
        out.append("</li>")
        return "\n".join(out)

    def _participants(self, event: ChronologyEvent) -> list[str]:
        rows = []
        if event.actors:
            actors = ", ".join(escape(a) for a in event.actors)
            rows.append(f'<div><dt>Actors</dt><dd class="actors">{actors}</dd></div>')
        if event.places:
            places = ", ".join(escape(p) for p in event.places)
            rows.append(f'<div><dt>Places</dt><dd class="places">{places}</dd></div>')
        return ['<dl class="who">', *rows, "</dl>"] if rows else []

    def _inferred_years(self, event: ChronologyEvent) -> list[str]:
        """Why the year of the event's date was inferred, article by article."""
        return [
            f'<p class="inferred" role="note"><strong>Year inferred</strong> '
            f"({self._document_link(document_id)}): {escape(reason)}</p>"
            for document_id, reason in inferred_reasons(event, self.documents)
        ]

    def _document_link(self, document_id: str) -> str:
        document = self.documents.get(document_id)
        text = escape(document.title) if document and document.title else escape(document_id)
        return f'<a href="#{_attr(_anchor("doc-", document_id))}">{text}</a>'

    def _conflicts(self, event: ChronologyEvent) -> list[str]:
        if not event.conflicts:
            return []
        out = [
            '<div class="conflict" role="note">',
            "<p><strong>⚠ Other articles give another date.</strong> "
            "The date above is the one most articles give; also reported:</p>",
            "<ul>",
        ]
        for conflict in event.conflicts:
            sources = ", ".join(self._document_link(d) for d in conflict.documents)
            out.append(
                f'<li><strong class="other-date">{escape(value_label(conflict.date))}</strong> '
                f"<code>{escape(conflict.date)}</code> according to {sources}</li>"
            )
        out.extend(["</ul>", "</div>"])
        return out

    def _evidence(self, event: ChronologyEvent) -> list[str]:
        mentions = event.mentions
        if not mentions:
            return []
        summary = (
            f"Evidence: {_plural(len(mentions), 'sentence')} from "
            f"{_plural(event.source_count, 'article')}"
        )
        out = ['<details class="evidence">', f"<summary>{summary}</summary>", "<ol>"]
        for mention in mentions:
            out.append("<li>")
            out.append(f"<blockquote>{highlight_sentence(mention)}</blockquote>")
            out.append(f'<p class="cite">{self._citation(mention.document)}</p>')
            out.append("</li>")
        out.extend(["</ol>", "</details>"])
        return out

    def _citation(self, document_id: str) -> str:
        document = self.documents.get(document_id)
        parts = []
        if document and document.title:
            parts.append(f"<cite>{escape(document.title)}</cite>")
        parts.append(
            f'<a class="doc-id" href="#{_attr(_anchor("doc-", document_id))}">'
            f"{escape(document_id)}</a>"
        )
        if document:
            parts.extend(_document_facts(document))
        return "— " + " · ".join(parts)

    # -- sources and warnings -----------------------------------------------------------------

    def sources(self) -> list[str]:
        documents = sorted(self.chronology.documents, key=lambda d: d.id)
        if not documents:
            return []
        out = ['<section class="articles" id="articles">', "<h2>Articles</h2>", "<ol>"]
        for document in documents:
            count = sum(1 for e in self.events if document.id in e.documents)
            title = escape(document.title) if document.title else "<em>untitled</em>"
            facts = " · ".join([f"<code>{escape(document.id)}</code>", *_document_facts(document)])
            out.append(
                f'<li id="{_attr(_anchor("doc-", document.id))}"><cite>{title}</cite><br>'
                f"<small>{facts} · {_plural(count, 'event')}</small></li>"
            )
        out.extend(["</ol>", "</section>"])
        return out

    def warnings(self) -> list[str]:
        notices = self.chronology.notices
        if not notices:
            return []
        out = [
            '<section class="warnings" id="warnings">',
            f"<details><summary>{_plural(len(notices), 'warning')} from the extraction</summary>",
            "<ul>",
        ]
        for notice in notices:
            out.append(f"<li><code>{escape(notice.code)}</code> {escape(notice.message)}</li>")
        out.extend(["</ul>", "</details>", "</section>"])
        return out


def _document_facts(document: Document) -> list[str]:
    facts = []
    publication = document.publication
    if publication.date:
        day = publication.date
        inferred = " (year inferred)" if publication.inferred else ""
        facts.append(
            f'published <time datetime="{day.isoformat()}">{day_label(day)}</time>' + inferred
        )
    if document.outlet:
        facts.append(escape(document.outlet))
    url = web_url(document.url)
    if url:
        facts.append(f'<a class="external" href="{_attr(url)}" rel="noreferrer">{escape(url)}</a>')
    elif document.url:
        facts.append(escape(document.url))
    return facts


def _outlets(event: ChronologyEvent) -> str:
    """ ": AP, Yonhap" after the count of independent sources, where their outlets are known."""
    return f": {escape(', '.join(event.outlets))}" if event.outlets else ""


def _time_element(event: ChronologyEvent, label: str) -> str:
    machine = None
    if event.precision in DAY_LIKE and event.start is not None:
        machine = event.start.isoformat()
        match = _HOUR_MINUTE.search(event.date or "")
        if event.precision == "time" and match:
            machine += "T" + match.group(1)
    elif event.precision in ("month", "year", "week") and event.date:
        machine = event.date
    if machine is None:
        return f'<span class="date">{escape(label)}</span>'
    return f'<time class="date" datetime="{_attr(machine)}">{escape(label)}</time>'


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


def _style(types: Sequence[str], keyed: bool = False) -> str:
    colours = "".join(f".t{i}{{--c:{type_colour(t)}}}" for i, t in enumerate(types))
    return _CSS + colours + (_KEY_CSS if keyed else "")


_KEY_CSS = ".key{font-size:.8rem;font-weight:600}"  # the key-dates view's rank and sources


_CSS = """
:root{--ink:#1d232a;--muted:#5b6570;--line:#d5dbe1;--paper:#fff;--soft:#f4f6f8;
--accent:#1565c0;--warn:#8a4b00;--warn-bg:#fff4df;--mark:#ffe680;
font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue","Liberation Sans",
Arial,sans-serif;line-height:1.5;color:var(--ink);background:var(--paper)}
@media (prefers-color-scheme:dark){:root{--ink:#e6e9ec;--muted:#9aa5b1;--line:#3a434c;
--paper:#15191d;--soft:#1e242a;--accent:#7ab4ff;--warn:#ffcf8a;--warn-bg:#3a2a12;
--mark:#6b5a00}}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0 auto;max-width:62rem;padding:1.5rem 1.25rem 4rem;font-size:1rem}
a{color:var(--accent)}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem}
header h1{font-size:2rem;line-height:1.2;margin:0 0 .25rem}
.overview{color:var(--muted);margin:0 0 1rem}
.filters{position:sticky;top:0;z-index:2;display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;
align-items:flex-end;background:var(--soft);border:1px solid var(--line);border-radius:.5rem;
padding:.6rem .9rem;margin:0 0 1.5rem}
body:not([data-ready]) .filters{display:none}
.filters fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.3rem .6rem}
.filters legend,.actor-field label{font-size:.75rem;font-weight:600;text-transform:uppercase;
letter-spacing:.05em;color:var(--muted);padding:0;margin-bottom:.2rem}
.type-option{display:inline-flex;align-items:center;gap:.25rem;cursor:pointer;
white-space:nowrap}
.type-option small{color:var(--muted)}
.actor-field{display:flex;flex-direction:column}
.actor-field input{font:inherit;padding:.3rem .5rem;border:1px solid var(--line);
border-radius:.35rem;min-width:15rem;background:var(--paper);color:var(--ink)}
.filters button{font:inherit;padding:.3rem .8rem;border:1px solid var(--line);
border-radius:.35rem;background:var(--paper);color:var(--ink);cursor:pointer}
.status{flex-basis:100%;margin:0;font-size:.85rem;color:var(--muted)}
.badge{display:inline-block;background:var(--c,#455a64);color:#fff;font-size:.75rem;
font-weight:600;letter-spacing:.03em;text-transform:uppercase;padding:.1rem .5rem;
border-radius:1rem;line-height:1.5;-webkit-print-color-adjust:exact;print-color-adjust:exact}
h2{font-size:1.6rem;margin:2rem 0 .5rem;padding-bottom:.2rem;border-bottom:2px solid var(--ink)}
h3{font-size:1.1rem;margin:1.25rem 0 .5rem;color:var(--muted);font-weight:600}
.events{list-style:none;margin:0;padding:0 0 0 1.4rem;border-left:2px solid var(--line)}
.event{position:relative;display:grid;grid-template-columns:8.5rem 1fr;gap:.2rem 1rem;
padding:.75rem 0 .9rem;border-bottom:1px solid var(--line)}
.event:last-child{border-bottom:0}
.dot{position:absolute;left:calc(-1.4rem - 7px);top:1.05rem;width:12px;height:12px;
border-radius:50%;background:var(--c,#455a64);border:2px solid var(--paper);
-webkit-print-color-adjust:exact;print-color-adjust:exact}
.when{padding-top:.1rem}
.date{font-weight:700;font-variant-numeric:tabular-nums;display:block}
.reported{display:block;font-size:.8rem;color:var(--muted);font-style:italic}
.what>*{margin:0}
.what>*+*{margin-top:.35rem}
.head{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
.sources{font-size:.8rem;color:var(--muted)}
.flag{font-size:.8rem;font-weight:700;color:var(--warn)}
.headline{font-size:1.1rem;margin:.2rem 0}
.inferred{font-size:.85rem;color:var(--warn)}
.summary{font-size:1rem}
.who{display:flex;flex-wrap:wrap;gap:.1rem 1.25rem;font-size:.9rem}
.who div{display:flex;gap:.4rem}
.who dt{color:var(--muted)}
.who dd{margin:0}
.conflict{background:var(--warn-bg);border-left:4px solid var(--warn);padding:.4rem .75rem;
font-size:.9rem;border-radius:0 .35rem .35rem 0}
.conflict p,.conflict ul{margin:0}
.conflict ul{padding-left:1.2rem}
.conflict code{font-size:.8rem;color:var(--muted)}
.evidence summary{cursor:pointer;font-size:.9rem;color:var(--accent)}
.evidence ol{margin:.4rem 0 0;padding-left:1.2rem}
.evidence ol:has(>li:only-child){list-style:none;padding-left:0}
.evidence li+li{margin-top:.6rem}
blockquote{margin:0;font-family:Georgia,"DejaVu Serif","Liberation Serif",serif;
font-size:.95rem;border-left:3px solid var(--line);padding-left:.6rem}
mark{background:var(--mark);color:inherit;padding:0 .1em;border-radius:.15em;
-webkit-print-color-adjust:exact;print-color-adjust:exact}
.trigger{font-weight:700}
.cite{font-size:.8rem;color:var(--muted);margin:.2rem 0 0;overflow-wrap:anywhere}
.no-match{font-style:italic;color:var(--muted)}
.articles ol{padding-left:1.4rem}
.articles li{margin-bottom:.5rem;overflow-wrap:anywhere}
.articles small{color:var(--muted)}
.warnings{margin-top:1.5rem;font-size:.9rem;color:var(--muted)}
.warnings summary{cursor:pointer}
@media (max-width:40rem){body{padding:1rem .75rem 3rem}
.filters{position:static}
header h1{font-size:1.6rem}
.event{grid-template-columns:1fr}
.when{display:flex;gap:.5rem;align-items:baseline}
.actor-field input{min-width:0;width:100%}
.actor-field{flex:1 1 100%}}
@media print{:root{--ink:#000;--muted:#444;--paper:#fff;--soft:#fff;--accent:#000;
--line:#bbb;--warn:#000;--warn-bg:#fff;--mark:#ffe680;font-size:10.5pt}
body{max-width:none;padding:0}
.filters,.skip{display:none!important}
.event{break-inside:avoid}
h2,h3{break-after:avoid}
a{text-decoration:none}
.evidence summary{color:var(--muted)}
.conflict{border:1px solid #000;border-left-width:4px}}
"""

_SCRIPT = """
(function () {
  "use strict";
  var body = document.body;
  var form = document.getElementById("filters");
  var actorInput = document.getElementById("actor-filter");
  var status = document.getElementById("filter-status");
  var noMatch = document.getElementById("no-match");
  var events = Array.prototype.slice.call(document.querySelectorAll("li.event"));
  var boxes = Array.prototype.slice.call(form.querySelectorAll('input[name="type"]'));
  var sections = Array.prototype.slice.call(
    document.querySelectorAll("section.month, section.year"));
  function fold(text) {
    return text.normalize("NFKD").replace(/[\\u0300-\\u036f]/g, "").toLowerCase().trim();
  }
  var names = events.map(function (li) {
    return JSON.parse(li.getAttribute("data-names") || "[]").map(fold);
  });
  // A query matches a whole word or run of words of a name, as --actor does: "UN" finds
  // "UN" and "the UN Security Council", never "Sung-hwan".
  function wordPattern(query) {
    var literal = query.replace(/[.*+?^${}()|[\\]\\\\]/g, "\\\\$&");
    return new RegExp("(?<![\\\\p{L}\\\\p{N}_])" + literal + "(?![\\\\p{L}\\\\p{N}_])", "u");
  }
  function wanted() {
    return fold(actorInput.value).split(",").map(function (s) { return s.trim(); })
      .filter(function (s) { return s.length > 0; });
  }
  function isFilterHash(hash) { return hash.indexOf("=") !== -1; }
  function writeHash(types, queries) {
    var parts = [];
    if (types.length !== boxes.length) {
      parts.push("types=" + types.map(encodeURIComponent).join(","));
    }
    if (queries.length) { parts.push("actor=" + encodeURIComponent(actorInput.value.trim())); }
    var hash = parts.length ? "#" + parts.join("&") : "";
    // an anchor (#ev-..., #doc-...) stays; a filter state is kept in step with the form
    if (hash === location.hash || (!hash && !isFilterHash(location.hash))) { return; }
    try {
      history.replaceState(null, "", location.pathname + location.search + hash);
    } catch (error) { /* file: pages may refuse; the filters still work */ }
  }
  function apply() {
    var types = boxes.filter(function (b) { return b.checked; })
      .map(function (b) { return b.value; });
    var queries = wanted();
    var patterns = queries.map(wordPattern);
    var shown = 0;
    events.forEach(function (li, i) {
      var ok = types.indexOf(li.getAttribute("data-type")) !== -1 &&
        (patterns.length === 0 || patterns.some(function (pattern) {
          return names[i].some(function (n) { return pattern.test(n); });
        }));
      li.hidden = !ok;
      if (ok) { shown += 1; }
    });
    sections.forEach(function (section) {
      section.hidden = !section.querySelector("li.event:not([hidden])");
    });
    var total = events.length;
    status.textContent = shown === total
      ? "Showing all " + total + (total === 1 ? " event" : " events")
      : "Showing " + shown + " of " + total + (total === 1 ? " event" : " events");
    noMatch.hidden = shown > 0;
    body.setAttribute("data-shown", String(shown));
    writeHash(types, queries);
  }
  function readHash() {
    if (!isFilterHash(location.hash)) { return false; }
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    if (params.has("types")) {
      var types = params.get("types").split(",");
      boxes.forEach(function (b) { b.checked = types.indexOf(b.value) !== -1; });
    }
    if (params.has("actor")) { actorInput.value = params.get("actor"); }
    return true;
  }
  form.addEventListener("change", apply);
  actorInput.addEventListener("input", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  window.addEventListener("hashchange", function () { if (readHash()) { apply(); } });
  var closed = [];
  window.addEventListener("beforeprint", function () {
    closed = Array.prototype.slice.call(document.querySelectorAll("details.evidence:not([open])"));
    closed.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    closed.forEach(function (d) { d.open = false; });
    closed = [];
  });
  readHash();
  apply();
  body.setAttribute("data-ready", "true");
})();
"""
