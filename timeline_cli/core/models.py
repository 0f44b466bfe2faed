"""The plain data passed between pipeline stages. Every class is frozen: stages never mutate."""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date

from timeline_cli.core.timevalue import TimeValue


@dataclass(frozen=True)
class Notice:
    """A warning for the user: which document (if any), a stable code, and a readable message."""

    code: str
    message: str
    document: str | None = None


@dataclass(frozen=True)
class Segment:
    """A run of cleaned text copied verbatim from the original file.

    ``body_start`` is where it begins in the cleaned body, ``source_start`` in the original text.
    """

    body_start: int
    source_start: int
    length: int


@dataclass(frozen=True)
class Publication:
    """When an article was published, where that came from, and why (for inferred years)."""

    date: date | None = None
    source: str | None = None  # header | dateline | metadata | option | None
    note: str | None = None

    @property
    def inferred(self) -> bool:
        """Whether the date was inferred rather than read (a dateline's missing year): only
        an inferred date comes with a note saying why."""
        return self.date is not None and self.note is not None


@dataclass(frozen=True)
class Document:
    """One article after reading and cleaning: the text the NLP stage sees and its provenance."""

    id: str
    path: str
    text: str
    body: str
    segments: tuple[Segment, ...]
    title: str | None = None
    publication: Publication = field(default_factory=Publication)
    url: str | None = None
    outlet: str | None = None  # the publisher: metadata, the page's site name, front matter
    credit: str | None = None  # the agency or outlet the text credits (dateline, byline)
    copy_of: str | None = None  # the article this one is a near-copy of (``copies``)
    source: str | None = None  # the independent outlet it counts as (``sources``)

    def source_offset(self, body_offset: int) -> int:
        """Map an offset in ``body`` back to the same character in the original ``text``."""
        # The last segment starting at or before the offset (segments are in body order):
        # a bisection, as long articles have thousands of segments and events.
        index = bisect_right(self.segments, body_offset, key=lambda s: s.body_start) - 1
        if index < 0:
            return body_offset
        segment = self.segments[index]
        return segment.source_start + min(body_offset - segment.body_start, segment.length)


EVENT_PREFIX = "ev-"
MENTION_PREFIX = "m-"


@dataclass(frozen=True)
class Mention:
    """The evidence of one event: the sentence it was read from, located in the source file."""

    document: str
    sentence: str
    start: int
    end: int
    trigger: str
    date_text: str | None = None
    date_rule: str | None = None
    trigger_start: int | None = None  # where the trigger word starts in the source text

    @property
    def key(self) -> str:
        """A stable hash of where the mention stands: its article, sentence and trigger. It
        does not depend on the event's date or type, which rules or corrections may change."""
        place = f"{self.document}|{self.start}|{self.trigger_start}|{self.trigger}"
        return hashlib.sha1(place.encode()).hexdigest()[:10]

    @property
    def id(self) -> str:
        return MENTION_PREFIX + self.key


@dataclass(frozen=True)
class DayMention:
    """A day an article names ("since the Jan. 25 uprising", "on Tuesday"): the evidence the
    key dates of a story are ranked by (``keydates``). ``event`` tells whether an event the
    article reports is dated by that very expression."""

    day: date
    event: bool = False


@dataclass(frozen=True)
class KeyDay:
    """Why an event stands for one of the key dates of a story (``keydates``)."""

    rank: int  # 1 for the most important day
    score: float
    sources: int  # articles that name the day or report an event on it


@dataclass(frozen=True)
class Event:
    """One event as read from one sentence of one article."""

    type: str
    trigger: str
    date: TimeValue | None
    precision: str
    actors: tuple[str, ...]
    places: tuple[str, ...]
    summary: str
    mention: Mention
    principals: tuple[str, ...] = ()  # the persons and organisations among the actors
    subtype: str | None = None  # a finer kind of the type ("charge" for an "other" event)
    planned: bool = False  # a scheduled or announced future event, not yet a fact
    end: TimeValue | None = None  # the end of a stretch ("from 2010 till January 2014")
    headline: str = ""  # subject, verb, object or place: "Lund meets Berg in Oslo"

    @property
    def interval(self) -> tuple[date, date] | None:
        """The days the event covers: its date's, up to the end of its stretch if it has one."""
        if self.date is None or self.date.interval is None:
            return None
        first, last = self.date.interval
        if self.end is not None and self.end.interval is not None:
            last = max(last, self.end.interval[1])
        return first, last


@dataclass(frozen=True)
class DateConflict:
    """A date other articles give for an event, and which articles give it."""

    date: str
    documents: tuple[str, ...]


@dataclass(frozen=True)
class ArticleRef:
    """An article that reports an event: where to find it, and the independent outlet it
    counts as (``outlet``; None when unknown), or the article it copies."""

    document: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    copy_of: str | None = None

    @property
    def source_key(self) -> tuple[str, str]:
        """Articles with equal keys are one source: one outlet, or one story and its copies."""
        if self.outlet:
            return ("outlet", self.outlet)
        return ("article", self.copy_of or self.document)


@dataclass(frozen=True)
class ChronologyEvent:
    """An event of the chronology: one or more event mentions judged to be the same event."""

    id: str
    date: str | None
    precision: str
    start: date | None
    end: date | None
    type: str
    summary: str
    actors: tuple[str, ...]
    places: tuple[str, ...]
    mentions: tuple[Mention, ...]
    conflicts: tuple[DateConflict, ...] = ()  # other dates other articles give
    subtype: str | None = None
    planned: bool = False
    end_date: str | None = None  # TimeML value of a stretch's end
    headline: str = ""  # a short headline; ``summary`` is the clause
    articles: tuple[ArticleRef, ...] = ()  # by document id; empty before ``sources`` runs
    corrections: tuple[str, ...] = ()  # what the corrections file changed, in words
    flags: tuple[str, ...] = ()  # how far the date can be trusted (``trust.FLAGS``)
    key: KeyDay | None = None  # set in the key-dates view only

    @property
    def documents(self) -> tuple[str, ...]:
        return tuple(sorted({mention.document for mention in self.mentions}))

    @property
    def source_count(self) -> int:
        """Independent sources: outlets, and stories of unknown outlet with their copies."""
        if not self.articles:
            return len(self.documents)
        return len({article.source_key for article in self.articles})

    @property
    def outlets(self) -> tuple[str, ...]:
        """The independent outlets named, sorted."""
        return tuple(sorted({a.outlet for a in self.articles if a.outlet}))


@dataclass(frozen=True)
class Actor:
    """A participant as named across the run, with the other names and titles it goes by."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Chronology:
    documents: tuple[Document, ...]
    events: tuple[ChronologyEvent, ...]
    notices: tuple[Notice, ...] = ()
    actors: tuple[Actor, ...] = ()
    corrections: tuple[Correction, ...] = ()
    # The folders the articles were read from, relative to the folder of the file the
    # chronology is saved in (only those inside it): where an update finds them again.
    inputs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Correction:
    """One entry of a corrections file (``corrections``) and what became of it.

    ``action`` is ``fix`` (``date`` and/or ``type``), ``drop``, ``merge`` (``events``) or
    ``split`` (``mentions`` or ``documents`` of ``event`` leave it)."""

    action: str
    events: tuple[str, ...]  # the event addressed, or those merged
    date: str | None = None
    type: str | None = None
    mentions: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    note: str | None = None
    origin: str | None = None  # the file it was read from
    applied: bool = False
    message: str = ""
