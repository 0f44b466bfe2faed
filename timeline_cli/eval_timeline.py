"""``timeline eval-timeline``: entity timelines on SemEval-2015 Task 4 (Track A) data, scored.

The articles are the task's tokenized CAT files, their publication dates the TimeML copies'.
Extraction and merging are exactly those of ``timeline extract``; then, for each target entity
(the first line of each gold file), the events it takes part in form its timeline: an event
belongs to an entity when one of its actors or places is that entity (by name or alias,
ignoring case) or its summary names it. Events are ordered by date (equal dates share a
position); undated events get position 0, which the task ignores. Each event's mentions are
written as the task's ``DOCID-SENTENCE-word`` ids of their trigger tokens.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from timeline_cli.extraction import extract_all
from timeline_cli.flaws import FlawLog
from timeline_cli.models import Actor, ChronologyEvent, Document, Publication, Segment
from timeline_cli.nlp import load_pipeline
from timeline_cli.pipeline import build_chronology
from timeline_cli.semeval import (
    CatDocument,
    Timeline,
    TimelineEntry,
    read_articles,
    read_timelines,
    score_timeline_sets,
    timeline_filename,
    write_timeline,
)

TITLE_SENTENCE = 0
_DATE_FORMS = {"day": "{}", "publication": "{}", "time": "{}", "month": "{}-XX", "year": "{}-XX-XX"}


@dataclass(frozen=True)
class TaskData:
    articles: Path
    dates: Path
    gold: Path

    @classmethod
    def at(cls, folder: Path) -> TaskData:
        data = cls(folder / "articles_cat", folder / "articles_timeml", folder / "gold_timelines")
        for part in (data.articles, data.dates, data.gold):
            if not part.is_dir():
                raise FileNotFoundError(f"{part}: no such folder (expected the task's layout)")
        return data


def evaluate_timelines(
    folder: Path, out: Path, model: str | None = None
) -> tuple[dict[str, object], FlawLog]:
    """Build every target entity's timeline into ``out`` and score them against the gold.

    Flaws of the task's files are repaired or left out (see ``semeval``), logged, and listed
    under ``flaws`` in the scores; the rest is scored.
    """
    data = TaskData.at(folder)
    flaws = FlawLog()
    articles = read_articles(data.articles, data.dates, flaws)
    cats = {article.cat.doc_id: article.cat for article in articles}
    events, actors = _events([_document(a.cat, a.published) for a in articles], model)
    gold = read_timelines(data.gold, flaws)
    out.mkdir(parents=True, exist_ok=True)
    system = {}
    for timeline in gold.values():
        built = entity_timeline(timeline.entity, events, actors, cats)
        name = timeline_filename(timeline.entity)
        write_timeline(built, out / name)
        system[name] = built
    scores = score_timeline_sets(system, gold)
    scores["flaws"] = flaws.record()
    return scores, flaws


def _document(cat: CatDocument, published: date) -> Document:
    return Document(
        id=cat.doc_id,
        path=cat.doc_name,
        text=cat.text,
        body=cat.text,
        segments=(Segment(0, 0, len(cat.text)),),
        publication=Publication(published, "dct"),
    )


def _events(
    documents: Sequence[Document], model: str | None
) -> tuple[Sequence[ChronologyEvent], Sequence[Actor]]:
    # The task asks for every event an entity takes part in, dated by the text or not.
    extracted = extract_all(load_pipeline(model), documents, as_reported=True)
    chronology = build_chronology(documents, extracted, merge=False)
    return chronology.events, chronology.actors


def entity_timeline(
    entity: str,
    events: Sequence[ChronologyEvent],
    actors: Sequence[Actor],
    cats: dict[str, CatDocument],
) -> Timeline:
    """The events an entity takes part in, as the task's ordered timeline."""
    names = {name.lower() for name in _names_of(entity, actors)}
    involved = [event for event in events if takes_part(entity, names, event)]
    dated = sorted({event.start for event in involved if event.start is not None})
    entries = []
    for event in involved:
        mentions = tuple(dict.fromkeys(_mention_ids(event, cats)))
        if not mentions:
            continue
        order = dated.index(event.start) + 1 if event.start is not None else 0
        entries.append(TimelineEntry(order, _task_date(event), mentions))
    entries.sort(key=lambda entry: (entry.order, entry.date, [str(m) for m in entry.mentions]))
    return Timeline(entity, tuple(entries))


def takes_part(entity: str, names: set[str], event: ChronologyEvent) -> bool:
    """An entity takes part in an event that names it among its actors or places (by name or
    alias), or whose summary holds all the words of its name ("3G iPhone" for "iPhone 3G"),
    or, for a name of three words or more, two of them in a row ("Apple Corps")."""
    if {name.lower() for name in (*event.actors, *event.places)} & names:
        return True
    words = set(re.findall(r"[\w']+", event.summary.lower()))
    entity_words = re.findall(r"[\w']+", entity.lower())
    if all(word in words for word in entity_words):
        return True
    pairs = [" ".join(entity_words[i : i + 2]) for i in range(len(entity_words) - 1)]
    summary = " ".join(re.findall(r"[\w']+", event.summary.lower()))
    return len(entity_words) >= 3 and any(f" {pair} " in f" {summary} " for pair in pairs)


def _names_of(entity: str, actors: Sequence[Actor]) -> set[str]:
    """The entity's name and, for the actor it is (by name or alias), all that actor's names."""
    names = {entity}
    for actor in actors:
        known = {actor.name.lower(), *(alias.lower() for alias in actor.aliases)}
        if entity.lower() in known:
            names.update({actor.name, *actor.aliases})
    return names


def _mention_ids(event: ChronologyEvent, cats: dict[str, CatDocument]) -> list[object]:
    ids = []
    for mention in event.mentions:
        cat = cats.get(mention.document)
        if cat is None or mention.trigger_start is None:
            continue
        try:
            mention_id = cat.mention_id([cat.token_at(mention.trigger_start)])
        except ValueError:
            continue
        if mention_id.sentence != TITLE_SENTENCE:  # the task annotates no event in titles
            ids.append(mention_id)
    return ids


def _task_date(event: ChronologyEvent) -> str:
    if event.start is None or event.date is None:
        return "XXXX-XX-XX"
    form = _DATE_FORMS.get(event.precision)
    if form is None:
        return f"{event.start.year:04d}-XX-XX"
    value = event.start.isoformat() if event.precision in ("publication", "time") else event.date
    return form.format(value[:10] if event.precision != "year" else value[:4])
