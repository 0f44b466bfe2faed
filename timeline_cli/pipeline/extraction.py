"""Extraction of one batch of articles: parse, find dates, read events, describe actors.

A pure function of the articles, the model name and the limits below, so that it can run in
this process, in worker processes or on a Dask cluster with the same results.

Memory is bounded by characters, not by articles: the parser's working memory grows with
the characters it is given at once, so texts go to spaCy in batches of at most
``BATCH_CHARS``, and an article longer than ``PART_CHARS`` is parsed in parts cut at
paragraph breaks, joined back into one Doc (``Doc.from_docs``) before anything reads it. The
rules downstream see one Doc with the article's own offsets, sentences and narrative order.
Each part is parsed with ``MARGIN_CHARS`` of the text around it, then cut out of that parse:
the model reads a few words on either side of each word, so the words at a cut get the
annotations a whole parse gives them. Each Doc is dropped once its events are read.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from timeline_cli.core.models import DayMention, Document, Event, Notice
from timeline_cli.events.actors import ActorIndex
from timeline_cli.events.extract import extract_events
from timeline_cli.events.registry import DocumentActors
from timeline_cli.pipeline.nlp import load_pipeline
from timeline_cli.temporal.mentions import Timex, find_timexes
from timeline_cli.temporal.normalize import INVALID, UNRESOLVED

# An article longer than this is parsed in parts. Paragraphs of news are far shorter; a
# "paragraph" longer than this (a page without blank lines, a run-on text without full
# stops) is cut at a line break, else after a sentence's end, else at a space.
PART_CHARS = 20_000
# Characters given to spaCy at once: the parser's peak memory grows with them.
BATCH_CHARS = 50_000
# A stretch of text this long without a sentence end or a line break is no sentence (a page
# of run-on text, a list without full stops): it is cut, as every mention costs in
# proportion to its sentence. News sentences are a tenth of it.
RUN_ON_CHARS = 2_000
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+|\n")
_RUN_ON_CUTS = (re.compile(r"[,;:]\s+"), re.compile(r"\s+"))
# Context parsed on either side of a part (en_core_web_sm reads 4 tokens either way).
MARGIN_CHARS = 200
_PARAGRAPH_BREAK = re.compile(r"\n\n+")
_FALLBACK_CUTS = (re.compile(r"\n"), re.compile(r"[.!?][\"'”’)]*\s"), re.compile(r"\s"))


@dataclass(frozen=True)
class Limits:
    """How much text is parsed at once (see the module's docstring)."""

    part_chars: int = PART_CHARS
    batch_chars: int = BATCH_CHARS


@dataclass(frozen=True)
class Extraction:
    """What one article yields: its events, the notices its dates call for, its actors, and
    the days it names (the evidence key dates are ranked by)."""

    document: Document
    events: list[Event]
    notices: list[Notice]
    actors: DocumentActors
    days: tuple[DayMention, ...] = ()


def extract_all(
    nlp: Language,
    documents: Iterable[Document],
    limits: Limits | None = None,
    as_reported: bool = False,
) -> Iterator[Extraction]:
    """Parse every article, in parts and batches bounded by characters, and extract what each
    holds, in the order of the articles."""
    limits = limits or Limits()
    parsed: list[Doc] = []  # the parts of the article being parsed
    for batch in _batches(_parts(documents, limits.part_chars), limits.batch_chars):
        for doc, part in nlp.pipe(batch, as_tuples=True, batch_size=len(batch)):
            parsed.append(_kept(nlp, doc, part))
            if part.last:
                yield extract_document(_joined(parsed), part.document, as_reported)
                parsed = []


def _kept(nlp: Language, doc: Doc, part: _Part) -> Doc:
    """The part's own tokens, without the margins parsed around it."""
    if part.keep is None:
        return doc
    start, end = part.keep
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None or span.start_char != start or len(span.text_with_ws) != end - start:
        # the cut fell inside a token of the margin's parse (a text without spaces)
        return nlp(part.document.body[part.start : part.start + end - start])
    return span.as_doc()


def _joined(parts: list[Doc]) -> Doc:
    """One Doc of an article's parts, with the text and offsets of the article."""
    if len(parts) == 1:
        return parts[0]
    return Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor"])


def extract_document(doc: Doc, document: Document, as_reported: bool = False) -> Extraction:
    """The events, date notices and actors of one parsed article (with ``as_reported``,
    undated events too: see ``extract_events``)."""
    timexes = find_timexes(doc, document.publication.date)
    index = ActorIndex(doc)
    events = extract_events(doc, document, timexes, actors=index, as_reported=as_reported)
    actors = DocumentActors(
        id=document.id,
        counts=dict(index.counts),
        kinds=dict(index.kinds),
        aliases=dict(index.aliases),
        roles={name: frozenset(titles) for name, titles in index.roles.items()},
        descriptors=frozenset(index.descriptors),
    )
    days = day_mentions(document, timexes, events)
    return Extraction(document, events, date_notices(document, timexes), actors, days)


def day_mentions(
    document: Document, timexes: Sequence[Timex], events: Sequence[Event]
) -> tuple[DayMention, ...]:
    """The days the article names, each once and in calendar order, with whether one of its
    events is dated by an expression naming it (the event's sentence holds the expression
    and the event takes its day)."""
    carried: dict[date, list[tuple[int, int]]] = {}  # day -> sentences of its events
    for event in events:
        if event.mention.date_text and event.interval and event.precision in ("day", "time"):
            sentence = (event.mention.start, event.mention.end)
            carried.setdefault(event.interval[0], []).append(sentence)
    found: dict[date, bool] = {}
    for timex in timexes:
        value = timex.value
        if value is None or value.precision not in ("day", "time") or value.interval is None:
            continue
        day = value.interval[0]
        where = document.source_offset(timex.start_char)
        event = any(start <= where < end for start, end in carried.get(day, ()))
        found[day] = found.get(day, False) or event
    return tuple(DayMention(day, event) for day, event in sorted(found.items()))


def extract_batch(
    documents: Sequence[Document], model: str | None = None, limits: Limits | None = None
) -> list[Extraction]:
    """Extract a batch of articles with the named pipeline (loaded once per process)."""
    return list(extract_all(load_pipeline(model), documents, limits))


def split_text(text: str, limit: int) -> list[str]:
    """The text in consecutive parts of at most ``limit`` characters that join back into it,
    cut after paragraph breaks where possible (see ``PART_CHARS``), and run-on stretches cut
    whatever the limit (see ``RUN_ON_CHARS``)."""
    parts: list[str] = []
    for piece in _run_on_pieces(text):
        start = 0
        while len(piece) - start > limit:
            end = _cut(piece, start, start + limit)
            parts.append(piece[start:end])
            start = end
        parts.append(piece[start:])
    return parts


def _run_on_pieces(text: str) -> list[str]:
    """The text cut inside every stretch of more than RUN_ON_CHARS without a sentence end or
    a line break (after a comma or semicolon where there is one, else at a space)."""
    cuts = []
    start = 0
    for end in [*(match.end() for match in _SENTENCE_END.finditer(text)), len(text)]:
        while end - start > RUN_ON_CHARS:
            start = _cut(text, start, start + RUN_ON_CHARS, _RUN_ON_CUTS)
            cuts.append(start)
        start = end
    bounds = [0, *cuts, len(text)]
    return [text[begin:finish] for begin, finish in itertools.pairwise(bounds)]


def _cut(text: str, start: int, limit: int, patterns: Sequence[re.Pattern[str]] = ()) -> int:
    """Where a part beginning at ``start`` ends: after the last paragraph break before
    ``limit``, else after the last line break, sentence end or space; else at ``limit``."""
    for pattern in patterns or (_PARAGRAPH_BREAK, *_FALLBACK_CUTS):
        ends = [match.end() for match in pattern.finditer(text, start, limit)]
        usable = [end for end in ends if start < end <= limit]
        if usable:
            return usable[-1]
    return limit


@dataclass(frozen=True)
class _Part:
    document: Document
    start: int  # where the part starts in the article's body
    keep: tuple[int, int] | None  # its characters in the text parsed, None for all of them
    last: bool  # the article's last part


def _parts(documents: Iterable[Document], limit: int) -> Iterator[tuple[str, _Part]]:
    """The texts to parse: each article whole, or its parts with their margins."""
    for document in documents:
        body = document.body
        texts = split_text(body, limit)
        if len(texts) == 1:
            yield body, _Part(document, 0, None, True)
            continue
        start = 0
        for index, text in enumerate(texts):
            end = start + len(text)
            before, after = _margin_start(body, start), _margin_end(body, end)
            keep = None if (before, after) == (start, end) else (start - before, end - before)
            yield body[before:after], _Part(document, start, keep, index == len(texts) - 1)
            start = end


def _margin_start(text: str, start: int) -> int:
    """Where the context before a part begins: up to MARGIN_CHARS back, at a word's start."""
    if start == 0 or not text[start - 1].isspace():
        return start  # a cut inside a word: no context, the part is parsed alone
    space = re.search(r"\s", text[max(0, start - MARGIN_CHARS) : start])
    return start if space is None else max(0, start - MARGIN_CHARS) + space.end()


def _margin_end(text: str, end: int) -> int:
    """Where the context after a part ends: up to MARGIN_CHARS on, at a word's end."""
    if end == len(text) or not text[end - 1].isspace():
        return end
    window = text[end : end + MARGIN_CHARS]
    if end + MARGIN_CHARS >= len(text):
        return len(text)
    spaces = [match.start() for match in re.finditer(r"\s", window)]
    return end + spaces[-1] if spaces else end


def _batches(parts: Iterable[tuple[str, _Part]], budget: int) -> Iterator[list[tuple[str, _Part]]]:
    """Consecutive parts in lists of at most ``budget`` characters (or one longer part)."""
    batch: list[tuple[str, _Part]] = []
    size = 0
    for part in parts:
        if batch and size + len(part[0]) > budget:
            yield batch
            batch, size = [], 0
        batch.append(part)
        size += len(part[0])
    if batch:
        yield batch


def document_batches(
    documents: Sequence[Document], budget: int = BATCH_CHARS
) -> list[Sequence[Document]]:
    """Consecutive articles in batches of about ``budget`` characters, for worker processes."""
    batches: list[Sequence[Document]] = []
    start, size = 0, 0
    for index, document in enumerate(documents):
        if index > start and size + len(document.body) > budget:
            batches.append(documents[start:index])
            start, size = index, 0
        size += len(document.body)
    if start < len(documents):
        batches.append(documents[start:])
    return batches


def date_notices(document: Document, timexes: Sequence[Timex]) -> list[Notice]:
    """Impossible dates ("February 30", "1274 BCE"), and relative dates an undated article
    leaves open."""
    notices = [
        Notice("impossible-date", _impossible(document, timex), document.id)
        for timex in timexes
        if timex.value is not None and timex.value.type == INVALID
    ]
    unresolved = sum(1 for t in timexes if t.value is not None and t.value.value == UNRESOLVED)
    if document.publication.date is None and unresolved:
        message = (
            f"{document.id}: {unresolved} relative date(s) left unresolved "
            "(no publication date to resolve them against)"
        )
        notices.append(Notice("unresolved-dates", message, document.id))
    return notices


def _impossible(document: Document, timex: Timex) -> str:
    assert timex.value is not None
    if timex.value.rule == "before_common_era":
        reason = "is before the Common Era, where the chronology places nothing"
    else:
        reason = "is not a calendar date"
    return f"{_where(document)}: {timex.text!r} {reason}; it dates nothing"


def _where(document: Document) -> str:
    """The file, and the row's id for an article that is one row of a dataset."""
    if Path(document.path).stem == document.id:
        return document.path
    return f"{document.path} (id {document.id})"
