"""SemEval-2015 Task 4 "TimeLine": reading the task's files and scoring event timelines.

The task (Minard et al., 2015) asks, for each target entity, for a timeline of the events
it takes part in across a collection of news articles.  This module holds the pieces that
do not depend on how the timelines are built:

- the Track A input: one CAT XML file per article (tokens with sentence numbers, sentence 0
  being the title) and a TimeML copy of it that carries the publication date (``<DCT>``);
- the timeline files: first line the entity, then ``ORDER<TAB>DATE<TAB>MENTION...``, where
  a mention is ``DOCID-SENTENCE-word`` (``16844-2-unveiled``; a multi-word mention joins its
  words with ``_``; words are lower case);
- the scorer.

The task's own files have flaws (two gold lines fused into one, a DCT written day first).
The readers repair what can be checked, leave out the smallest part that holds any other flaw
(a token, a line, a file, an article), and log each with its file and line (``flaws.FlawLog``);
without a log they raise at the first flaw, as for the system's own timelines.

The scorer follows the official one (``evaluation_all.py`` of the task, built on the
TempEval-3 temporal-awareness script of UzZaman & Allen, 2011):

1. Lines with ORDER 0 are dropped; the remaining lines are sorted by ORDER (the official
   script sorts whole lines with a natural sort: ORDER as a number, then DATE, then mentions).
2. Every mention becomes an event node; a mention id written twice in one timeline gives two
   nodes (its 1st, 2nd... occurrence), and a system occurrence is the same node as the gold
   occurrence of the same rank.  Every distinct DATE string becomes one date node; system and
   gold date nodes are the same node when the strings are equal (``XXXX-XX-XX`` included).
   Date nodes are *not* ordered among themselves: the official script adds no relation
   between them, and ``2006`` against ``2006-05-08`` could not be ordered as points anyway.
3. Relations are added in the official order: each event SIMULTANEOUS with its date node,
   then, walking the sorted events, BEFORE from one event to the next when its ORDER is
   smaller, SIMULTANEOUS when it is equal.
4. The closure is point algebra: SIMULTANEOUS makes equivalence classes, BEFORE orders
   classes and is transitive.  A relation that contradicts the ones added before it (BEFORE
   inside a class, or against the order; SIMULTANEOUS between ordered classes) is *violated*:
   it does not enter the closure.  This happens in the gold itself, where a date or
   ``XXXX-XX-XX`` shared by two ORDER positions makes them one class.
5. The reduced graph is the transitive reduction: the relations of the closure that no other
   relation kept implies (one SIMULTANEOUS per merge of two classes, one BEFORE per edge of
   the reduced order between classes), plus the violated relations, which the official
   script also keeps and counts.  Which relation stands for a class merge or an edge is the
   first one added, so a line's mentions each keep their link to the date, and a BEFORE
   runs from the last mention of a position to the first of the next one.  The official
   script only drops relations implied by those added *before* them; a BEFORE made
   redundant by later ones can only arise next to a violated relation.
6. A relation is verified by a graph when that graph's closure entails it, or when the graph
   asserted the very same relation (the official script's literal match; it only matters for
   violated relations).  Precision = verified system reduced relations / system reduced
   relations; recall = verified gold reduced relations / gold reduced relations; all four
   counts are summed over timelines before any ratio (micro-average).

Two choices differ from the official script on purpose: a gold timeline the system did not
produce adds its relations to the recall denominator (the script skips it, so a missing
timeline costs nothing), and a system timeline for an entity without gold adds its relations
to the precision denominator (the script never reads it).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import Any, Literal, NamedTuple, TypeVar

from timeline_cli.evaluation.flaws import FlawError, FlawLog
from timeline_cli.evaluation.timeml import creation_date
from timeline_cli.evaluation.xmlfile import XmlFile, read_xml

BEFORE: Literal["BEFORE"] = "BEFORE"
SIMULTANEOUS: Literal["SIMULTANEOUS"] = "SIMULTANEOUS"
RelationKind = Literal["BEFORE", "SIMULTANEOUS"]

SENTENCE_SEPARATOR = "\n\n"
TOKEN_SEPARATOR = " "

_DOC_ID_PREFIX = re.compile(r"^(\d+)(?=[-_.]|$)")
_MENTION = re.compile(r"^(\d+)-(0|[1-9]\d*)-(\S+)$")
# A date as the task writes it, and a mention id with the next line's ORDER stuck to its end.
_TASK_DATE = re.compile(r"(?:\d{4}|XXXX)-(?:\d{2}|XX)-(?:\d{2}|XX)")
_FUSED_MENTION = re.compile(r"(?P<mention>\d+-(?:0|[1-9]\d*)-\S*\D)(?P<order>\d+)")


# --------------------------------------------------------------------------- CAT articles


@dataclass(frozen=True)
class Token:
    """One CAT token, with where it sits in the document's rebuilt text.

    ``t_id`` is the CAT id, ``number`` the token's index in the document, ``sentence`` the
    sentence number used in the task's mention ids (0 is the title).
    """

    t_id: int
    sentence: int
    number: int
    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class MentionId:
    """An event mention as the task writes it: ``DOCID-SENTENCE-word`` (``16844-2-unveiled``)."""

    doc_id: str
    sentence: int
    word: str

    @classmethod
    def parse(cls, text: str) -> MentionId:
        """Split an id; the word keeps its own hyphens (``16900-2-pre-orders``)."""
        match = _MENTION.match(text)
        if match is None:
            raise ValueError(f"not a DOCID-SENTENCE-word mention id: {text!r}")
        return cls(match[1], int(match[2]), match[3])

    def __str__(self) -> str:
        return f"{self.doc_id}-{self.sentence}-{self.word}"


@dataclass(frozen=True)
class CatDocument:
    """One article in CAT format, with a plain text to give spaCy and a way back to tokens.

    The text has the title first, the tokens of a sentence joined by single spaces and a
    blank line between sentences, so that sentence boundaries survive and every character
    offset of a spaCy token falls inside exactly one CAT token.
    """

    doc_id: str
    doc_name: str
    tokens: tuple[Token, ...]
    text: str

    def token_at(self, offset: int) -> Token:
        """The token covering character ``offset`` of ``text``.

        Raises ``ValueError`` for an offset on a separator or outside the text, so a caller
        notices a misaligned mapping instead of silently taking a neighbour.
        """
        index = bisect_right(self.tokens, offset, key=lambda token: token.start) - 1
        if index >= 0 and offset < self.tokens[index].end:
            return self.tokens[index]
        raise ValueError(f"{self.doc_id}: offset {offset} is not inside a token")

    def tokens_between(self, start: int, end: int) -> tuple[Token, ...]:
        """The tokens overlapping the character span ``[start, end)`` (a spaCy span's extent)."""
        return tuple(token for token in self.tokens if token.start < end and start < token.end)

    def sentence(self, number: int) -> tuple[Token, ...]:
        """The tokens of one sentence (0 is the title)."""
        return tuple(token for token in self.tokens if token.sentence == number)

    def mention_id(self, tokens: Sequence[Token]) -> MentionId:
        """The task's id for an event made of ``tokens``: lower case, words joined by ``_``.

        The gold timelines write ``This`` as ``this`` and a phrasal verb split in the text
        (``taking ... out``) as ``taking_out``; the sentence is that of the first token.
        """
        if not tokens:
            raise ValueError("a mention needs at least one token")
        ordered = sorted(tokens, key=lambda token: token.number)
        word = "_".join(token.text.lower() for token in ordered)
        return MentionId(self.doc_id, ordered[0].sentence, word)


def read_cat(path: Path, flaws: FlawLog | None = None) -> CatDocument:
    """Read one CAT article: its id, its tokens, and the text rebuilt from them.

    A token without integer ``t_id``, ``sentence`` and ``number`` is logged and left out;
    FlawError for a file that cannot be used. Without a log, any flaw raises.
    """
    log = flaws or FlawLog(strict=True)
    xml = read_xml(path)
    raw = sorted(_raw_tokens(xml, log), key=lambda token: token.number)
    text, tokens = _layout(raw, xml)
    doc_id = xml.root.get("doc_id") or _doc_id_from_name(path)
    return CatDocument(doc_id, xml.root.get("doc_name", path.stem), tokens, text)


class _RawToken(NamedTuple):
    t_id: int
    sentence: int
    number: int
    text: str
    line: int | None


def _raw_tokens(xml: XmlFile, flaws: FlawLog) -> Iterator[_RawToken]:
    """Each ``<token>`` with its line; markables are not read."""
    for element in xml.iter("token"):
        try:
            t_id, sentence, number = (int(element.get(name, "")) for name in _TOKEN_FIELDS)
        except ValueError:
            problem = f"token {element.text!r} without integer {', '.join(_TOKEN_FIELDS)}"
            flaws.skipped(xml.path, xml.line(element), problem, "token")
            continue
        yield _RawToken(t_id, sentence, number, element.text or "", xml.line(element))


_TOKEN_FIELDS = ("t_id", "sentence", "number")


def _layout(raw: Sequence[_RawToken], xml: XmlFile) -> tuple[str, tuple[Token, ...]]:
    """Join tokens into the document text, remembering where each one starts."""
    pieces: list[str] = []
    tokens: list[Token] = []
    length = 0
    for t_id, sentence, number, text, line in raw:
        if tokens:
            if sentence < tokens[-1].sentence:  # the text cannot be rebuilt in order
                problem = f"sentence {sentence} comes after sentence {tokens[-1].sentence}"
                raise FlawError(xml.path, problem, line)
            separator = _separator(tokens[-1], sentence, text)
            pieces.append(separator)
            length += len(separator)
        tokens.append(Token(t_id, sentence, number, text, length))
        pieces.append(text)
        length += len(text)
    return "".join(pieces), tuple(tokens)


# Tokens written against the one before ("Cupertino," "Jobs's", "56%") or after ("$5", "(AP").
_ATTACHED_LEFT = {
    ",", ".", ";", ":", "!", "?", ")", "%", "'s", "’s", "n't", "'re", "'ve", "'ll", "'d", "'m",
}  # fmt: skip
_ATTACHED_RIGHT = {"(", "$"}


def _separator(previous: Token, current: int, text: str) -> str:
    """A blank line between sentences; inside one, a space, except where news text writes none
    ("February 24, 1955", not "February 24 , 1955", which the parser reads as two dates)."""
    if current != previous.sentence:
        return SENTENCE_SEPARATOR
    if text.lower() in _ATTACHED_LEFT or previous.text in _ATTACHED_RIGHT:
        return ""
    return TOKEN_SEPARATOR


# --------------------------------------------------------------------------- TimeML copies


@dataclass(frozen=True)
class Article:
    """One article of the task: its CAT text and the publication date of its TimeML copy."""

    cat: CatDocument
    published: date


def read_articles(cat_dir: Path, timeml_dir: Path, flaws: FlawLog) -> list[Article]:
    """Every article whose two files are usable, paired by document id, in document id order.

    File names cannot pair them: the two copies of one article are named differently
    (``4980_..._Macbook.txt.xml`` and ``4980_..._Macbook.tml``). A file that cannot be used,
    a second file with the same id, and an article lacking its other half (a CAT text
    without a DCT cannot be dated) are logged and left out.
    """
    cats = _by_doc_id(sorted(cat_dir.glob("*.xml")), _cat_entry, flaws)
    dates = _by_doc_id(sorted(timeml_dir.glob("*.tml")), _dct_entry, flaws)
    for doc_id in sorted(cats.keys() - dates.keys(), key=_doc_id_key):
        problem = f"no usable TimeML copy of document {doc_id} to date it"
        flaws.skipped(cats[doc_id][0], None, problem, "article")
    for doc_id in sorted(dates.keys() - cats.keys(), key=_doc_id_key):
        flaws.skipped(dates[doc_id][0], None, f"no usable CAT file of document {doc_id}", "file")
    paired = sorted(cats.keys() & dates.keys(), key=_doc_id_key)
    return [Article(cats[doc_id][1], dates[doc_id][1]) for doc_id in paired]


def read_dct(timeml_path: Path, flaws: FlawLog | None = None) -> date:
    """The publication date: the ``value`` of the TIMEX3 inside ``<DCT>``, time of day dropped.

    A day-first value is repaired as ``timeml.creation_date`` does; without a log it raises.
    """
    return _dct_entry(timeml_path, flaws or FlawLog(strict=True))[1]


def _cat_entry(path: Path, flaws: FlawLog) -> tuple[str, CatDocument]:
    document = read_cat(path, flaws)
    return document.doc_id, document


def _dct_entry(path: Path, flaws: FlawLog) -> tuple[str, date]:
    """A TimeML copy's document id (its ``<DOCID>``, or the number its name starts with) and DCT."""
    xml = read_xml(path)
    element = xml.find("DOCID")
    doc_id = (element.text or "").strip() if element is not None else ""
    published = creation_date(xml, flaws)
    if published is None:
        raise FlawError(path, "no <DCT><TIMEX3 value='YYYY-MM-DD'>: the article cannot be dated")
    return doc_id or _doc_id_from_name(path), published


Entry = TypeVar("Entry")


def _by_doc_id(
    paths: Iterable[Path], read: Callable[[Path, FlawLog], tuple[str, Entry]], flaws: FlawLog
) -> dict[str, tuple[Path, Entry]]:
    """What each usable file holds, by document id; the first file of an id wins."""
    found: dict[str, tuple[Path, Entry]] = {}
    for path in paths:
        try:
            doc_id, entry = read(path, flaws)
        except FlawError as error:
            flaws.skipped_file(error)
            continue
        if doc_id in found:
            flaws.skipped(path, None, f"document id {doc_id} is also {found[doc_id][0]}", "file")
            continue
        found[doc_id] = (path, entry)
    return found


def _doc_id_from_name(path: Path) -> str:
    """The leading number of a file name (``16844-Apple_unveils_iPhone_4.xml`` -> ``16844``)."""
    match = _DOC_ID_PREFIX.match(path.name)
    if match is None:
        raise FlawError(path, "no document id attribute and no number at the start of its name")
    return match[1]


def _doc_id_key(doc_id: str) -> tuple[int, str]:
    return (int(doc_id), "") if doc_id.isdigit() else (-1, doc_id)


# --------------------------------------------------------------------------- timelines


@dataclass(frozen=True)
class TimelineEntry:
    """One line: position (0 = not ordered), date (``XX`` unknown parts), coreferent mentions."""

    order: int
    date: str
    mentions: tuple[MentionId, ...]

    def line(self) -> str:
        return "\t".join([str(self.order), self.date, *map(str, self.mentions)])


@dataclass(frozen=True)
class Timeline:
    """A target entity and its lines, in file order."""

    entity: str
    entries: tuple[TimelineEntry, ...]


def timeline_filename(entity: str) -> str:
    """The task's file name for an entity: lower case, spaces as ``_`` (``steve_jobs.txt``)."""
    return "_".join(entity.lower().split()) + ".txt"


def read_timeline(path: Path, flaws: FlawLog | None = None) -> Timeline:
    """Read a gold or system timeline file (both use the same format).

    With a log, a line that cannot be used is logged and left out, and two lines fused into
    one are split again; FlawError for a file that cannot be used at all.
    """
    try:
        data = path.read_bytes()
        text = data.decode("utf-8-sig")
    except OSError as error:
        raise FlawError(path, error.strerror or str(error)) from error
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise FlawError(path, f"not UTF-8 ({error.reason})", line) from error
    return parse_timeline(text, str(path), flaws)


read_gold_timeline = read_timeline


def read_timelines(folder: Path, flaws: FlawLog | None = None) -> dict[str, Timeline]:
    """Every ``*.txt`` timeline of a folder by file name; with a log, an unusable file is
    logged and left out."""
    timelines = {}
    for path in sorted(folder.glob("*.txt")):
        try:
            timelines[path.name] = read_timeline(path, flaws)
        except FlawError as error:
            if flaws is None:
                raise
            flaws.skipped_file(error)
    return timelines


def parse_timeline(text: str, origin: str = "<string>", flaws: FlawLog | None = None) -> Timeline:
    """Parse a timeline: entity line, then one ``ORDER<TAB>DATE<TAB>MENTION...`` per line.

    Without a log, the first flaw raises FlawError with its line.
    """
    log = flaws or FlawLog(strict=True)
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise FlawError(origin, "no entity name on the first line", 1)
    entries: list[TimelineEntry] = []
    for number, line in enumerate(lines[1:], start=2):
        if line.strip():
            entries.extend(_parse_line(line, origin, number, log))
    return Timeline(lines[0], tuple(entries))


def _parse_line(line: str, origin: str, number: int, flaws: FlawLog) -> list[TimelineEntry]:
    """The entry of a line, or the entries of lines fused into it; none if it is unusable."""
    pieces = _unfused(line.split("\t"))
    try:
        entries = [_parse_entry(fields) for fields in pieces]
    except ValueError as error:
        flaws.skipped(origin, number, str(error), "line")
        return []
    if len(pieces) > 1:
        joints = [f"ORDER {after[0]} stuck to {before[-1]!r}" for before, after in pairwise(pieces)]
        problem = f"{len(pieces)} lines fused into one ({', '.join(joints)})"
        flaws.repaired(origin, number, problem, f"split into {len(pieces)} lines")
    return entries


def _unfused(fields: list[str]) -> list[list[str]]:
    """The fields of each line fused into this one: where the line break was lost, a mention
    runs into the next line's ORDER (``629292-7-travelling8``) and a date follows it."""
    for index in range(3, len(fields)):
        joint = _FUSED_MENTION.fullmatch(fields[index - 1])
        if joint and _TASK_DATE.fullmatch(fields[index]):
            first = [*fields[: index - 1], joint["mention"]]
            return [first, *_unfused([joint["order"], *fields[index:]])]
    return [fields]


def _parse_entry(fields: list[str]) -> TimelineEntry:
    if len(fields) < 3 or not fields[0].isdigit() or not fields[1]:
        line = "\t".join(fields)
        raise ValueError(f"expected ORDER<TAB>DATE<TAB>MENTION..., got {line!r}")
    mentions = tuple(MentionId.parse(field) for field in fields[2:])
    return TimelineEntry(int(fields[0]), fields[1], mentions)


def format_timeline(timeline: Timeline) -> str:
    """The file text: entity line, then the entries in their order, each line ending in LF."""
    _check_writable(timeline)
    lines = [timeline.entity, *(entry.line() for entry in timeline.entries)]
    return "".join(line + "\n" for line in lines)


def write_timeline(timeline: Timeline, path: Path) -> None:
    """Write a timeline in the task's format (UTF-8, LF line ends, entries as given)."""
    path.write_bytes(format_timeline(timeline).encode("utf-8"))


def _check_writable(timeline: Timeline) -> None:
    """Refuse what would not read back the same: tabs or line breaks inside fields, no mention."""
    if not timeline.entity.strip() or _has_break(timeline.entity):
        raise ValueError(f"bad entity name {timeline.entity!r}")
    for entry in timeline.entries:
        if entry.order < 0 or not entry.mentions or not entry.date or _has_break(entry.date):
            raise ValueError(f"cannot write timeline entry {entry!r}")
        if "\t" in entry.date or any(MentionId.parse(str(m)) != m for m in entry.mentions):
            raise ValueError(f"cannot write timeline entry {entry!r}")


def _has_break(text: str) -> bool:
    return len(text.splitlines()) > 1 or text.endswith(("\n", "\r"))


# --------------------------------------------------------------------------- graphs


@dataclass(frozen=True, order=True)
class Node:
    """A point of a timeline graph: an event occurrence, or a date.

    ``occurrence`` tells apart the 1st, 2nd... time a mention id appears in one timeline.
    """

    kind: Literal["date", "event"]
    label: str
    occurrence: int = 0


@dataclass(frozen=True, order=True)
class Relation:
    """``source`` BEFORE ``target``, or the two SIMULTANEOUS (then stored in sorted order)."""

    source: Node
    kind: RelationKind
    target: Node

    @classmethod
    def of(cls, source: Node, kind: RelationKind, target: Node) -> Relation:
        if kind == SIMULTANEOUS and target < source:
            source, target = target, source
        return cls(source, kind, target)


@dataclass(frozen=True)
class TemporalGraph:
    """A timeline as a temporal graph: what was asserted, its closure and its reduction.

    ``classes`` maps each node to its SIMULTANEOUS class, ``later`` each class to the classes
    strictly after it; ``violated`` are the asserted relations left out of the closure.
    """

    asserted: frozenset[Relation]
    reduced: tuple[Relation, ...]
    violated: tuple[Relation, ...]
    classes: Mapping[Node, Node] = field(repr=False)
    later: Mapping[Node, frozenset[Node]] = field(repr=False)

    def entails(self, relation: Relation) -> bool:
        """Whether the closure holds ``relation`` (both nodes must be in the graph)."""
        source = self.classes.get(relation.source)
        target = self.classes.get(relation.target)
        if source is None or target is None:
            return False
        if relation.kind == SIMULTANEOUS:
            return source == target
        return target in self.later[source]

    def verifies(self, relation: Relation) -> bool:
        """Entailed, or asserted word for word (the official scorer's direct match)."""
        return relation in self.asserted or self.entails(relation)


def build_graph(timeline: Timeline, anchors: bool = True) -> TemporalGraph:
    """The graph of a timeline; ``anchors=False`` leaves dates out (the ordering-only subtrack)."""
    events = _sorted_events(timeline)
    asserted = _asserted_relations(events, anchors)
    builder = _ClosureBuilder()
    for relation in asserted:
        builder.add(relation)
    return builder.graph(asserted)


def _sorted_events(timeline: Timeline) -> list[tuple[int, str, Node]]:
    """(order, date, node) of every mention, ORDER 0 dropped, in the official scorer's order."""
    entries = sorted(
        (entry for entry in timeline.entries if entry.order != 0),
        key=lambda entry: _natural_key(entry.line()),
    )
    seen: Counter[str] = Counter()
    events: list[tuple[int, str, Node]] = []
    for entry in entries:
        for mention in map(str, entry.mentions):
            events.append((entry.order, entry.date, Node("event", mention, seen[mention])))
            seen[mention] += 1
    return events


def _natural_key(text: str) -> list[int | str]:
    """Digits compare as numbers (``9`` before ``10``), as in the official ``order_timeline``."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]


def _asserted_relations(events: Sequence[tuple[int, str, Node]], anchors: bool) -> list[Relation]:
    """Event-date SIMULTANEOUS links first, then the chain of consecutive events."""
    relations: list[Relation] = []
    if anchors:
        relations += [Relation.of(node, SIMULTANEOUS, Node("date", day)) for _, day, node in events]
    for (order, _, node), (next_order, _, next_node) in pairwise(events):
        kind: RelationKind = BEFORE if order < next_order else SIMULTANEOUS
        relations.append(Relation.of(node, kind, next_node))
    return relations


class _ClosureBuilder:
    """Adds relations one by one: union-find for SIMULTANEOUS, a DAG of classes for BEFORE."""

    def __init__(self) -> None:
        self.parent: dict[Node, Node] = {}
        self.merges: list[Relation] = []
        self.befores: list[Relation] = []
        self.violated: list[Relation] = []

    def find(self, node: Node) -> Node:
        self.parent.setdefault(node, node)
        while self.parent[node] != node:
            self.parent[node] = self.parent[self.parent[node]]
            node = self.parent[node]
        return node

    def add(self, relation: Relation) -> None:
        """Keep one relation, or reject it if it contradicts those kept before it.

        A BEFORE already implied is kept too: :meth:`reduced_befores` drops it at the end,
        together with those that later relations make redundant.
        """
        source, target = self.find(relation.source), self.find(relation.target)
        if relation.kind == SIMULTANEOUS:
            self._add_simultaneous(relation, source, target)
        elif source == target or self.reaches(target, source):
            self.violated.append(relation)
        else:
            self.befores.append(relation)

    def _add_simultaneous(self, relation: Relation, source: Node, target: Node) -> None:
        if source == target:
            return
        if self.reaches(source, target) or self.reaches(target, source):
            self.violated.append(relation)
            return
        self.parent[target] = source
        self.merges.append(relation)

    def successors(self, edges: Iterable[Relation]) -> dict[Node, set[Node]]:
        graph: dict[Node, set[Node]] = {}
        for edge in edges:
            graph.setdefault(self.find(edge.source), set()).add(self.find(edge.target))
        return graph

    def reaches(self, start: Node, goal: Node, edges: Iterable[Relation] | None = None) -> bool:
        """Whether class ``goal`` is strictly later than class ``start``."""
        return goal in _reachable(start, self.successors(self.befores if edges is None else edges))

    def reduced_befores(self) -> list[Relation]:
        """Drop each BEFORE implied by the others; the last ones checked first, so a repeated
        edge between two classes keeps its first statement."""
        kept = list(self.befores)
        for edge in reversed(self.befores):
            others = [other for other in kept if other is not edge]
            if self.reaches(self.find(edge.source), self.find(edge.target), others):
                kept = others
        return kept

    def graph(self, asserted: Sequence[Relation]) -> TemporalGraph:
        """Freeze the closure; the reduction lists kept relations in the order they were added."""
        nodes = {node for relation in asserted for node in (relation.source, relation.target)}
        classes = {node: self.find(node) for node in sorted(nodes)}
        graph = self.successors(self.befores)
        later = {root: frozenset(_reachable(root, graph)) for root in set(classes.values())}
        kept = set(self.merges) | set(self.reduced_befores())
        reduced = [relation for relation in asserted if relation in kept] + self.violated
        return TemporalGraph(
            frozenset(asserted), tuple(reduced), tuple(self.violated), classes, later
        )


def _reachable(start: Node, graph: Mapping[Node, set[Node]]) -> set[Node]:
    """The nodes reachable from ``start`` by one edge or more."""
    found: set[Node] = set()
    queue = deque(graph.get(start, ()))
    while queue:
        node = queue.popleft()
        if node not in found:
            found.add(node)
            queue.extend(graph.get(node, ()))
    return found


# --------------------------------------------------------------------------- scoring


@dataclass(frozen=True)
class TimelineScore:
    """The four counts of temporal awareness; sums of them give the micro-average."""

    system_relations: int = 0
    gold_relations: int = 0
    system_verified: int = 0
    gold_verified: int = 0

    @property
    def precision(self) -> float:
        return self.system_verified / self.system_relations if self.system_relations else 0.0

    @property
    def recall(self) -> float:
        return self.gold_verified / self.gold_relations if self.gold_relations else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def __add__(self, other: TimelineScore) -> TimelineScore:
        return TimelineScore(
            self.system_relations + other.system_relations,
            self.gold_relations + other.gold_relations,
            self.system_verified + other.system_verified,
            self.gold_verified + other.gold_verified,
        )

    def to_dict(self) -> dict[str, int | float]:
        return {
            "system_relations": self.system_relations,
            "gold_relations": self.gold_relations,
            "system_verified": self.system_verified,
            "gold_verified": self.gold_verified,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


_EMPTY_GRAPH = TemporalGraph(frozenset(), (), (), {}, {})


def score_timelines(
    system: Timeline | None, gold: Timeline | None, anchors: bool = True
) -> TimelineScore:
    """Temporal awareness of one system timeline against its gold; ``None`` for a missing side."""
    system_graph = build_graph(system, anchors) if system is not None else _EMPTY_GRAPH
    gold_graph = build_graph(gold, anchors) if gold is not None else _EMPTY_GRAPH
    return TimelineScore(
        system_relations=len(system_graph.reduced),
        gold_relations=len(gold_graph.reduced),
        system_verified=sum(gold_graph.verifies(r) for r in system_graph.reduced),
        gold_verified=sum(system_graph.verifies(r) for r in gold_graph.reduced),
    )


def micro_average(scores: Iterable[TimelineScore]) -> TimelineScore:
    """Counts summed over timelines: precision, recall and F1 of the sums, not a mean of F1s."""
    return sum(scores, TimelineScore())


def score_directory(
    system_dir: Path, gold_dir: Path, anchors: bool = True, flaws: FlawLog | None = None
) -> dict[str, Any]:
    """Score every ``*.txt`` timeline of ``system_dir`` against the same file name in ``gold_dir``.

    Files are matched by name, as the task names them after the entity
    (:func:`timeline_filename`).  With a log, flaws of the gold files are logged, and a gold
    file that cannot be used is left out with its system file.  Returns one row per file
    name and the micro-average.
    """
    gold = read_timelines(gold_dir, flaws)
    unusable = {path.name for path in gold_dir.glob("*.txt")} - gold.keys()
    system = {name: t for name, t in read_timelines(system_dir).items() if name not in unusable}
    return score_timeline_sets(system, gold, anchors)


def score_timeline_sets(
    system: Mapping[str, Timeline], gold: Mapping[str, Timeline], anchors: bool = True
) -> dict[str, Any]:
    """Score system timelines against the gold ones of the same name (missing sides count)."""
    names = sorted(system.keys() | gold.keys())
    scores = [score_timelines(system.get(name), gold.get(name), anchors) for name in names]
    rows = [
        _row(name, system.get(name), gold.get(name), score)
        for name, score in zip(names, scores, strict=True)
    ]
    return {"anchors": anchors, "timelines": rows, "micro": micro_average(scores).to_dict()}


def _row(
    name: str, system: Timeline | None, gold: Timeline | None, score: TimelineScore
) -> dict[str, Any]:
    """One file's report; ``status`` says which side is missing, if any."""
    if gold is None:
        status, entity = "missing_gold", system.entity if system else ""
    else:
        status, entity = ("scored" if system else "missing_system"), gold.entity
    return {"file": name, "entity": entity, "status": status, **score.to_dict()}
