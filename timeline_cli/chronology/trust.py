"""How far an event's date can be trusted: flags each event carries into every format.

- ``as-reported``: no expression of the text dates the event; the article's publication date
  stands in (precision ``publication``). The event happened on or before that day.
- ``inferred-year``: the date rests on a year the tool inferred, not one it read: the article
  was dated by a dateline without a year (``published``), and no mention that gives the
  event's date writes a year of its own ("on Monday", "March 5", or no expression at all).
  A mention from an article dated otherwise, or one that writes its year ("March 5, 2012"),
  vouches for the year and the flag is not set. A mention that dates the event from an
  earlier full date of the same article ("the next day") is counted as depending on the
  inferred year too: the flag errs on the side of saying so.

The flags are set once the chronology is merged (``flag_events``), written in the JSON
(``flags``) and read back from it, so ``timeline show`` shows what ``extract`` found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace

from timeline_cli.core.models import ChronologyEvent, Document, Mention

AS_REPORTED = "as-reported"
INFERRED_YEAR = "inferred-year"
FLAGS = (AS_REPORTED, INFERRED_YEAR)
# How each flag reads beside a date, in the table, the page, Markdown and TimelineJS.
FLAG_LABELS = {AS_REPORTED: "as reported", INFERRED_YEAR: "year inferred"}
# A year written in a date expression: "2012", "'12".
_WRITTEN_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)|'\d{2}\b")


def flag_events(
    events: Iterable[ChronologyEvent], documents: Iterable[Document]
) -> list[ChronologyEvent]:
    """The events with their trust flags set."""
    inferred = {document.id for document in documents if document.publication.inferred}
    return [replace(event, flags=event_flags(event, inferred)) for event in events]


def event_flags(event: ChronologyEvent, inferred: set[str]) -> tuple[str, ...]:
    """The flags of one event; ``inferred`` holds the ids of articles whose year was inferred."""
    flags = []
    if event.precision == "publication":
        flags.append(AS_REPORTED)
    if event.start is not None and _rests_on_inferred_year(event, inferred):
        flags.append(INFERRED_YEAR)
    return tuple(flags)


def _rests_on_inferred_year(event: ChronologyEvent, inferred: set[str]) -> bool:
    disputing = {document for conflict in event.conflicts for document in conflict.documents}
    giving = [m for m in event.mentions if m.document not in disputing] or list(event.mentions)
    return all(_needs_inferred_year(mention, inferred) for mention in giving)


def _needs_inferred_year(mention: Mention, inferred: set[str]) -> bool:
    return mention.document in inferred and not _WRITTEN_YEAR.search(mention.date_text or "")


def date_notes(event: ChronologyEvent) -> list[str]:
    """What to say beside an event's date: 'as reported', 'year inferred', 'planned'."""
    notes = [FLAG_LABELS[flag] for flag in event.flags if flag in FLAG_LABELS]
    if event.precision == "publication" and AS_REPORTED not in event.flags:
        notes.insert(0, FLAG_LABELS[AS_REPORTED])  # a chronology saved before flags existed
    if event.planned:
        notes.append("planned")
    return notes


def inferred_reasons(
    event: ChronologyEvent, documents: Mapping[str, Document]
) -> list[tuple[str, str]]:
    """For an ``inferred-year`` event, each article whose year was inferred and why."""
    if INFERRED_YEAR not in event.flags:
        return []
    reasons = []
    for document_id in event.documents:
        document = documents.get(document_id)
        if document is not None and document.publication.inferred:
            note = document.publication.note or ""
            reasons.append((document_id, note.removeprefix("year inferred: ")))
    return reasons
