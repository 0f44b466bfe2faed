"""How often an event gets the date its TimeML links imply (TimeBank/AQUAINT TLINKs).

A gold EVENT linked to a date by IS_INCLUDED, DURING or SIMULTANEOUS (to a TIMEX3 of the
text, or to the document's creation time) happened on that date. For every such gold event
that the extractor also reads as an event (its trigger is the gold event's word), the
extractor's date is compared with the implied one at the implied precision (a time of day
counts as its day). Links to the creation time are counted apart, since an event dated only
by the publication date agrees with them by construction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from timeline_cli.core.models import Document, Event, Publication
from timeline_cli.evaluation.timeml import TimemlDocument, iter_timeml_files, parse_timeml
from timeline_cli.events.extract import extract_events
from timeline_cli.ingest.documents import text_document
from timeline_cli.pipeline.nlp import load_pipeline
from timeline_cli.temporal.mentions import find_timexes

INCLUDING_RELATIONS = ("IS_INCLUDED", "DURING", "SIMULTANEOUS")
_BATCH_SIZE = 32  # TimeML articles are short: a count of them bounds the memory


@dataclass
class AnchoringScore:
    linked: int = 0  # gold events with an implied date
    read: int = 0  # of those, events the extractor reads too
    agree: int = 0  # of those, dated as the links imply
    linked_to_creation: int = 0
    read_to_creation: int = 0
    agree_to_creation: int = 0
    disagreements: list[str] = field(default_factory=list)

    def record(self) -> dict[str, object]:
        return {
            "text_dates": _shares(self.linked, self.read, self.agree),
            "creation_time": _shares(
                self.linked_to_creation, self.read_to_creation, self.agree_to_creation
            ),
        }


def _shares(linked: int, read: int, agree: int) -> dict[str, object]:
    return {
        "linked_events": linked,
        "read_by_tool": read,
        "dated_as_linked": agree,
        "agreement": agree / read if read else 0.0,
    }


def implied_dates(document: TimemlDocument) -> dict[str, tuple[str, bool]]:
    """For each linked gold event: the date its links imply, and whether that date is the
    document's creation time. A link to a date in the text wins over one to the DCT."""
    values = dict(document.timex_values)
    creation = "t0"
    implied: dict[str, tuple[str, bool]] = {}
    for link in document.links:
        value = _day_level(values.get(link.tid, ""))
        if link.relation not in INCLUDING_RELATIONS or not value:
            continue
        to_creation = link.tid == creation
        if link.eid not in implied or (implied[link.eid][1] and not to_creation):
            implied[link.eid] = (value, to_creation)
    return implied


def _day_level(value: str) -> str | None:
    """A calendar value as events are dated: a time of day as its day; PRESENT_REF and other
    non-calendar values imply nothing."""
    if not value or not value[:4].isdigit():
        return None
    return value.split("T")[0] if "T" in value else value


def score_document(
    document: TimemlDocument, events: Sequence[Event], score: AnchoringScore
) -> None:
    by_trigger = {event.mention.trigger_start: event for event in events}
    implied = implied_dates(document)
    for gold in document.events:
        if gold.eid not in implied:
            continue
        value, to_creation = implied[gold.eid]
        event = by_trigger.get(gold.start)
        agrees = event is not None and event.date is not None and event.date.value == value
        if to_creation:
            score.linked_to_creation += 1
            score.read_to_creation += event is not None
            score.agree_to_creation += agrees
            continue
        score.linked += 1
        score.read += event is not None
        score.agree += agrees
        if event is not None and not agrees:
            got = event.date.value if event.date else None
            score.disagreements.append(
                f"{document.id}\t{gold.text}\tlinked {value}\tgot {got} ({event.mention.date_text})"
            )


def evaluate_anchoring(paths: Iterable[Path], model: str | None = None) -> AnchoringScore:
    """Anchoring agreement over every TimeML file under the paths."""
    documents = [parse_timeml(path) for path in iter_timeml_files(paths)]
    nlp = load_pipeline(model)
    score = AnchoringScore()
    pairs = ((document.text, document) for document in documents)
    for doc, timeml in nlp.pipe(pairs, as_tuples=True, batch_size=_BATCH_SIZE):
        article = _article(timeml)
        events = extract_events(doc, article, find_timexes(doc, timeml.dct))
        score_document(timeml, events, score)
    return score


def _article(document: TimemlDocument) -> Document:
    publication = Publication(document.dct, "dct" if document.dct else None)
    return text_document(document.id, document.id, document.text, publication)
