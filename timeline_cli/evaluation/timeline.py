"""``timeline eval-timeline``: entity timelines on SemEval-2015 Task 4 (Track A) data, scored.

The articles are the task's tokenized CAT files, their publication dates the TimeML copies'.
Extraction is that of ``timeline extract``, with undated factual events and states kept (dated
by the report) and no merging, since the task lists every mention. Then, for each target
entity (the first line of each gold file), the events it takes part in form its timeline:
those whose predicate has the entity, or a pronoun or description standing for it, among its
arguments (see ``participation``).

Dates follow the narrative: an event told in the past tense without a date of its own
happened on the occasion the report tells ("Jobs said yesterday ..." then "Jobs also said
..."): the day of the last event told before it that the text dates within a week before the
report, if any, else the report's day; one in the present tense holds on the report's day.
Dates are written as the task's gold writes most of them, TimeML values cut to their
precision (``2010-06-07``, ``2006-03``, ``1976``). Events are ordered by date (equal dates
share a position); undated events get position 0, which the task ignores. Each event's mention
is the task's ``DOCID-SENTENCE-word`` id of the word that names it, as TimeML annotates it:
the noun of a support-verb construction (``keynote`` in "gave his keynote"), a phrasal verb
with its particle (``showed_off``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from spacy.tokens import Doc, Token

from timeline_cli.core.models import Actor, ChronologyEvent, Document, Publication
from timeline_cli.evaluation.flaws import FlawLog
from timeline_cli.evaluation.participation import (
    Target,
    continuations,
    involvement,
    particle_tokens,
)
from timeline_cli.evaluation.semeval import (
    CatDocument,
    MentionId,
    Timeline,
    TimelineEntry,
    read_articles,
    read_timelines,
    score_timeline_sets,
    timeline_filename,
    write_timeline,
)
from timeline_cli.events.lexicon import load_lexicon
from timeline_cli.ingest.documents import text_document
from timeline_cli.pipeline.extraction import extract_document
from timeline_cli.pipeline.nlp import load_pipeline
from timeline_cli.pipeline.run import build_chronology

TITLE_SENTENCE = 0
UNDATED = "XXXX-XX-XX"
# Precisions of a date the text gives an event itself (not the report's day).
_OWN_DATES = ("day", "time")
_AUXILIARIES = ("aux", "auxpass")
# Clauses without a tense of their own: participles, infinitives, coordinated verbs.
_NON_FINITE = ("advcl", "xcomp", "pcomp", "conj", "acl")
# Verbs whose object names the event they tell: "made an appearance" is an appearance.
# ("has a new screen" tells what the phone has: "have" is not one of them).
_SUPPORT_VERBS = ("make", "take", "give", "hold", "pay", "extend", "deliver", "conduct")
# How far back the occasion a report tells can lie: "yesterday", "on Friday", "last week".
RECENT_DAYS = 7


_BATCH_SIZE = 32  # SemEval articles are short: a count of them bounds the memory


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


@dataclass(frozen=True)
class Corpus:
    """The task's articles read as ``extract`` reads them, with their parses kept: events
    unmerged (one mention each) and dated as the narrative tells them."""

    events: Sequence[ChronologyEvent]
    actors: Sequence[Actor]
    cats: dict[str, CatDocument]
    parses: dict[str, Doc]

    def trigger(self, event: ChronologyEvent) -> Token | None:
        """The parsed word that names an event."""
        mention = event.mentions[0]
        doc = self.parses.get(mention.document)
        return _token_at(doc, mention.trigger_start) if doc is not None else None


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
    corpus = read_corpus([(a.cat, a.published) for a in articles], model)
    gold = read_timelines(data.gold, flaws)
    out.mkdir(parents=True, exist_ok=True)
    entities = [timeline.entity for timeline in gold.values()]
    system = {}
    for timeline in gold.values():
        built = entity_timeline(timeline.entity, corpus, entities)
        name = timeline_filename(timeline.entity)
        write_timeline(built, out / name)
        system[name] = built
    scores = score_timeline_sets(system, gold)
    scores["flaws"] = flaws.record()
    return scores, flaws


def read_corpus(articles: Sequence[tuple[CatDocument, date]], model: str | None) -> Corpus:
    """Parse and extract every article once, keeping the parses to read participants from."""
    documents = [_document(cat, published) for cat, published in articles]
    nlp = load_pipeline(model)
    pairs = ((document.body, document) for document in documents)
    parses: dict[str, Doc] = {}
    extractions = []
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=_BATCH_SIZE):
        parses[document.id] = doc
        # The task asks for every event an entity takes part in, dated by the text or not.
        extractions.append(extract_document(doc, document, as_reported=True))
    chronology = build_chronology(documents, extractions, merge=False)
    cats = {cat.doc_id: cat for cat, _ in articles}
    corpus = Corpus(chronology.events, chronology.actors, cats, parses)
    published = {cat.doc_id: day for cat, day in articles}
    return replace(corpus, events=narrative_dates(corpus, published))


def _document(cat: CatDocument, published: date) -> Document:
    return text_document(cat.doc_id, cat.doc_name, cat.text, Publication(published, "dct"))


def entity_timeline(entity: str, corpus: Corpus, entities: Sequence[str] = ()) -> Timeline:
    """The events an entity takes part in, as the task's ordered timeline; ``entities`` are
    all the targets, so that a name another target owns is left to it."""
    target = _target(entity, corpus.actors)
    target = replace(target, continuations=continuations(corpus.parses.values(), target))
    others = [_target(other, ()) for other in entities if other != entity]
    light = _light_verbs()
    roles = {
        doc_id: involvement(doc, target, others, light) for doc_id, doc in corpus.parses.items()
    }
    involved: dict[MentionId, ChronologyEvent] = {}
    for event in corpus.events:
        token = corpus.trigger(event)
        document = event.mentions[0].document
        if token is None or token.i not in roles[document]:
            continue
        mention_id = _mention_id(token, corpus.cats[document])
        if mention_id is not None:
            involved.setdefault(mention_id, event)
    return Timeline(entity, timeline_entries(involved))


def timeline_entries(involved: dict[MentionId, ChronologyEvent]) -> tuple[TimelineEntry, ...]:
    """One entry per mention; equal dates share a position, undated events take position 0."""
    dates = {mention: (event.start, task_date(event)) for mention, event in involved.items()}
    positions = sorted({key for key in dates.values() if key[0] is not None})
    entries = [
        TimelineEntry(positions.index(key) + 1 if key[0] is not None else 0, key[1], (mention,))
        for mention, key in dates.items()
    ]
    return tuple(
        sorted(entries, key=lambda entry: (entry.order, entry.date, str(entry.mentions[0])))
    )


def _light_verbs() -> frozenset[str]:
    return load_lexicon().light_verbs


def _target(entity: str, actors: Sequence[Actor]) -> Target:
    """The entity with the other names the run knows its actor by."""
    names = {entity.lower()}
    aliases: set[str] = set()
    for actor in actors:
        known = {actor.name, *actor.aliases}
        if names & {name.lower() for name in known}:
            aliases |= known
    return Target(entity, tuple(sorted(aliases - {entity})))


def _mention_id(token: Token, cat: CatDocument) -> MentionId | None:
    """The task's id of a trigger and its particles; None in the title, which the task
    annotates no event in, or for a word the CAT tokens do not hold."""
    try:
        words = particle_tokens(_named_by(token))
        tokens = dict.fromkeys(cat.token_at(word.idx) for word in words)
        mention_id = cat.mention_id(list(tokens))
    except ValueError:
        return None
    return mention_id if mention_id.sentence != TITLE_SENTENCE else None


def _named_by(verb: Token) -> Token:
    """The word that names the event, as TimeML annotates it: the noun of a support-verb
    construction ("gave his keynote", "made an appearance", "took medical leave"), else the
    trigger itself."""
    if verb.lemma_ not in _SUPPORT_VERBS:
        return verb
    for child in verb.children:
        counted = any(c.dep_ == "nummod" for c in child.children) or child.ent_type_
        if child.dep_ == "dobj" and child.pos_ == "NOUN" and not counted:
            return child
    return verb


# --------------------------------------------------------------------------- dates


def narrative_dates(corpus: Corpus, published: dict[str, date]) -> list[ChronologyEvent]:
    """Events dated only by the report and told in the past tense take the date of the
    occasion the report tells: the event dated by the text, within ``RECENT_DAYS`` before the
    report, that was told last before them in the article."""
    occasion: dict[str, ChronologyEvent] = {}  # the last one told in each article
    dated = {}
    for event in sorted(corpus.events, key=_text_position):
        document = event.mentions[0].document
        told = occasion.get(document)
        if event.precision == "publication" and told is not None and _told_in_past(event, corpus):
            event = replace(
                event, date=told.date, precision=told.precision, start=told.start, end=told.end
            )
        elif _is_occasion(event, published.get(document)):
            occasion[document] = event
        dated[event.id] = event
    return [dated[event.id] for event in corpus.events]


def _told_in_past(event: ChronologyEvent, corpus: Corpus) -> bool:
    token = corpus.trigger(event)
    return token is not None and in_past_tense(token)


def _text_position(event: ChronologyEvent) -> tuple[str, int]:
    mention = event.mentions[0]
    return mention.document, mention.trigger_start or mention.start


def _token_at(doc: Doc, start: int | None) -> Token | None:
    """The token at a character offset of the text."""
    if start is None:
        return None
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _is_occasion(event: ChronologyEvent, published: date | None) -> bool:
    """An event the text gives a day of its own, a few days before the report at most (a
    plan is none)."""
    if event.precision not in _OWN_DATES or event.start is None or event.planned:
        return False
    if published is None:
        return True
    return published - timedelta(days=RECENT_DAYS) <= event.start <= published


def in_past_tense(token: Token) -> bool:
    """A verb in a past tense ("said", "was praised", "had been told"); a participle or an
    infinitive, which has no tense of its own, takes that of the verb it hangs on ("While
    introducing the phone, Jobs started by ...")."""
    verb: Token | None = token
    for _ in range(4):
        if verb is None:
            return False
        tenses = {verb.tag_} | {aux.tag_ for aux in verb.children if aux.dep_ in _AUXILIARIES}
        if "VBD" in tenses:
            return True
        if tenses & {"VBZ", "VBP", "MD"}:
            return False  # present, or a modal
        verb = _governing_verb(verb)
    return False


def _governing_verb(verb: Token) -> Token | None:
    """The verb a non-finite clause hangs on, directly or through a preposition ("by
    hinting")."""
    if verb.dep_ not in _NON_FINITE or verb.head is verb:
        return None
    head = verb.head
    while head.dep_ == "prep" and head.head is not head:
        head = head.head
    return head


def task_date(event: ChronologyEvent) -> str:
    """The event's date as the task's gold writes most anchors: a TimeML value cut to the
    precision the text gives (``2010-06-07``, ``2006-03``, ``1976``); ``XXXX-XX-XX`` when
    nothing dates it. A week is told by the month it begins in."""
    if event.start is None or event.date is None:
        return UNDATED
    if event.precision in ("day", "publication", "time"):
        return event.start.isoformat()
    if event.precision == "month":
        return event.start.isoformat()[:7]
    if event.precision == "week":
        return event.start.isoformat()[:7]  # the month the week begins in
    return f"{event.start.year:04d}"
