"""The chronology as Markdown: a dated list under month headings, sources as footnotes.

Each event is one bullet, ``**9 Mar 2012** — meeting: summary (actors; in places)``, followed by
footnote references ``[^1]`` whose footnotes quote the evidence sentence and name the article
(title, id, publication date, address). A sentence that is the evidence of several events is one
footnote. Dates are shown at their precision; dates other articles give are flagged under the
event. Text from the articles and file names is escaped where Markdown would read it as markup,
and kept on one line with its control characters made visible, so the file renders as written
(an id holding a blank line and ``<img onerror=...>`` stays text) and still reads as plain
text. The same input gives the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from timeline_cli.chronology.keydates import key_label
from timeline_cli.core.controls import visible
from timeline_cli.core.models import Chronology, ChronologyEvent, Document, Mention
from timeline_cli.output.labels import (
    day_label,
    event_date_label,
    events_from_articles,
    period_heading,
    value_label,
    web_url,
)
from timeline_cli.output.record_reader import as_chronology

_SPECIAL = re.compile(r"([\\`*_\[\]<>~|])")
_ENTITY = re.compile(r"&(?=#?\w+;)")


def escape_markdown(text: str) -> str:
    """Text on one line, with the characters Markdown would read as markup backslash-escaped."""
    text = _SPECIAL.sub(r"\\\1", _one_line(text))
    return _ENTITY.sub(r"\\&", text)


def code_span(text: str) -> str:
    """Text as a code span: shown as written, never read as markup (a fence longer than any run
    of backticks inside, spaces inside it where the text starts or ends with one)."""
    text = _one_line(text)
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def _one_line(text: str) -> str:
    """Line breaks and runs of blanks as one space (a blank line would end the paragraph and
    let what follows be read as a block of HTML), control characters visible."""
    return visible(" ".join(text.split()))


def to_markdown(chronology: Chronology | Mapping[str, Any], title: str = "Chronology") -> str:
    """The chronology (or its JSON record) as a Markdown document."""
    chronology = as_chronology(chronology)
    documents = {document.id: document for document in chronology.documents}
    notes: dict[tuple[str, int, int, str], int] = {}
    footnotes: list[str] = []

    def reference(mention: Mention) -> str:
        key = (mention.document, mention.start, mention.end, mention.sentence)
        if key not in notes:
            notes[key] = len(notes) + 1
            footnotes.append(f"[^{notes[key]}]: {_footnote(mention, documents)}")
        return f"[^{notes[key]}]"

    events = chronology.events
    lines = [f"# {escape_markdown(title)}", "", _overview(chronology)]
    heading = None
    for event in events:
        current = period_heading(event)
        if current != heading:
            lines.extend(["", f"## {escape_markdown(current)}", ""])
            heading = current
        references = "".join(reference(m) for m in event.mentions)
        lines.append(f"- {_bullet(event)}{references}")
        for conflict in event.conflicts:
            sources = ", ".join(escape_markdown(d) for d in conflict.documents)
            lines.append(
                f"  - ⚠ date disputed: **{escape_markdown(value_label(conflict.date))}** "
                f"according to {sources}"
            )
    if footnotes:  # no heading: renderers with footnotes gather them under their own
        lines.extend(["", *footnotes])
    return "\n".join(lines) + "\n"


def _overview(chronology: Chronology) -> str:
    events = chronology.events
    parts = [events_from_articles(events, len(chronology.documents))]
    undated = sum(1 for event in events if event.start is None)
    if undated:
        parts.append(f"{undated} undated")
    reported = sum(1 for event in events if event.precision == "publication")
    if reported:
        parts.append(f"{reported} dated only by the article's publication (“as reported”)")
    return escape_markdown(", ".join(parts) + ".")


def _bullet(event: ChronologyEvent) -> str:
    label, note = event_date_label(event)
    when = f"**{escape_markdown(label)}**"
    if note:
        when += f" ({escape_markdown(note)})"
    if event.key is not None:
        when += f" ({escape_markdown(key_label(event.key))})"
    text = f"{when} — {escape_markdown(event.type)}: {escape_markdown(event.summary)}"
    who = ", ".join(event.actors)
    if event.places:
        who = "; ".join(part for part in (who, "in " + ", ".join(event.places)) if part)
    if who:
        text += f" ({escape_markdown(who)})"
    sources = event.source_count
    if sources > 1:
        text += f" — {sources} sources"
    return text


def _footnote(mention: Mention, documents: Mapping[str, Document]) -> str:
    quote = f"“{escape_markdown(mention.sentence)}”"
    document = documents.get(mention.document)
    parts = []
    if document is not None and document.title:
        parts.append(f"*{escape_markdown(document.title)}*")
    parts.append(code_span(mention.document))
    if document is not None:
        day = document.publication.date
        if day:
            inferred = " (year inferred)" if document.publication.inferred else ""
            parts.append(f"{day_label(day)}{inferred}")
        if document.outlet:
            parts.append(escape_markdown(document.outlet))
        url = web_url(document.url)
        if url:
            parts.append(f"<{url}>")
        elif document.url:
            parts.append(escape_markdown(document.url))
    return f"{quote} — {', '.join(parts)}"
