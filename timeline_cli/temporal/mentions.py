"""Temporal expressions in a parsed article: found (``detection``), given a tense, normalized.

The tense of the verb that governs an expression decides the direction of "Friday" or "the
13th"; the last day the narrative mentioned is the reference of "that day".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from timeline_cli.core.timevalue import TimeValue
from timeline_cli.temporal.detection import Candidate, temporal_candidates
from timeline_cli.temporal.normalize import BEHIND, FUTURE, PAST, PRESENT, UNKNOWN, normalize
from timeline_cli.temporal.wordlists import codes, words

# The words of tense are data: temporal/data/tense.toml.
_FUTURE_AUX = words("tense", "future_auxiliaries")
_MODAL_PAST = words("tense", "perfect_auxiliaries")
# Heads of an infinitive that make it future: "expected to meet", "plans to visit".
_FUTURE_HEADS = words("tense", "future_heads")
_FUTURE_WORDS = words("tense", "future_words")
# Verbs whose dates lie ahead even in the past tense: "planned a demonstration on Saturday".
_PROSPECTIVE_VERBS = words("tense", "prospective_verbs")


@dataclass(frozen=True)
class Timex:
    """A temporal expression of a Doc: its token span, governing verb, tense and value."""

    start: int  # token index
    end: int
    text: str
    start_char: int  # in the Doc's text
    end_char: int
    governor: int | None  # token index of the governing verb
    tense: str
    value: TimeValue | None
    anchor: date | None = None  # the date it was resolved against
    anchor_source: str | None = None  # "publication" or "narrative" (the text's last full date)


def find_timexes(doc: Doc, anchor: date | None) -> list[Timex]:
    """Every temporal expression of the Doc, normalized against the anchor date.

    Without an anchor (an undated article), relative expressions resolve against the last full
    date the text itself gave before them ("on March 3, 2011 ... two days later"), as
    HeidelTime's narrative mode does; before any, they stay unresolved. Never against today.
    """
    timexes = []
    narrative = _Narrative()
    paragraph_of = _paragraph_index(doc)
    candidates = temporal_candidates(doc)
    dated_paragraphs = sorted({paragraph_of(c.span.start_char) for c in candidates})
    rank_of = {paragraph: rank for rank, paragraph in enumerate(dated_paragraphs)}
    captions = caption_dates(doc, candidates, anchor, paragraph_of)
    for candidate in candidates:
        span = candidate.span
        governor = speech_verb_before(span) or governing_verb(span.root)
        tense = direction_of(span, governor)
        paragraph = paragraph_of(span.start_char)
        caption = captions.get(paragraph)
        paragraph = rank_of[paragraph]
        day, previous = narrative.recent(paragraph)
        effective_anchor = caption or anchor or narrative.full_date
        value = normalize(candidate.text, effective_anchor, tense, day, previous, narrative.quarter)
        story_year = narrative.other_year(paragraph, effective_anchor)
        if story_year is not None and _yearless_day(value, candidate.text):
            # "on March 18 2003 ... until March 7, when he sent": the year the story tells
            value = normalize(candidate.text, story_year, tense, day, previous, narrative.quarter)
            effective_anchor = story_year
        value = _with_signal_mod(value, span)
        narrative.note(value, paragraph, candidate.text)
        timexes.append(
            Timex(
                span.start,
                span.end,
                span.text,
                span.start_char,
                span.end_char,
                governor.i if governor is not None else None,
                tense,
                value,
                effective_anchor,
                "publication" if anchor else "narrative" if effective_anchor else None,
            )
        )
    return timexes


# Credits that make a paragraph a caption: "(AP Photo/NOAA)", "Video provided by ...",
# "REUTERS/Jane Doe/File Photo".
_CREDIT = re.compile(
    r"\((?:AP|AFP|Reuters|EPA)\b[^)]*(?:Photo|Image|Video)|\b(?:Photo|Video|Image|Picture)s?"
    r"\s+(?:by|provided by|courtesy of|credit)\b|\b[A-Z]{2,}/[A-Z][\w .-]+/(?:File )?Photo\b"
    r"|\bFile Photo\b",
    re.IGNORECASE,
)


def caption_dates(
    doc: Doc,
    candidates: list[Candidate],
    anchor: date | None,
    paragraph_of: Callable[[int], int],
) -> dict[int, date]:
    """Captions carry their own date ("This image ... Sunday, Aug. 28, 2005 ... (AP Photo)",
    "... Thursday night ... Video provided by J. Doe 2/1/19"): by paragraph, the day a
    caption's relative dates are told from."""
    found: dict[int, date] = {}
    text = doc.text  # built once: a Doc rebuilds its text on each access
    credited = {paragraph_of(match.start()) for match in _CREDIT.finditer(text)}
    for candidate in candidates:
        paragraph = paragraph_of(candidate.span.start_char)
        if paragraph not in credited or paragraph in found:
            continue
        if not re.search(r"\b[12]\d{3}\b|\d{1,2}/\d{1,2}/\d{2,4}", candidate.text):
            continue
        value = normalize(candidate.text, anchor, UNKNOWN)
        if value is not None and value.precision == "day" and value.interval is not None:
            found[paragraph] = value.interval[0]
    return found


def _paragraph_index(doc: Doc) -> Callable[[int], int]:
    """The paragraph a character offset lies in, counted by blank lines before it: the text is
    scanned once per Doc, not once per expression (a long article has thousands)."""
    break_ends = [match.end() for match in re.finditer("\n\n", doc.text)]
    return lambda offset: bisect_right(break_ends, offset)


class _Narrative:
    """The last day and the last calendar value the text mentioned, for "that day" and "that
    year" (they count only in the same or the next paragraph with a temporal expression: a
    paragraph without one, such as a one-sentence quote, does not end the narrative), and the
    last quarter named."""

    def __init__(self) -> None:
        self.day: tuple[date, int] | None = None
        self.value: tuple[TimeValue, int] | None = None
        self.quarter: TimeValue | None = None  # the last quarter named anywhere before
        self.full_date: date | None = None  # the last day named with its year
        self.full_date_paragraph = -1

    def other_year(self, paragraph: int, anchor: date | None) -> date | None:
        """A full date of another year than the anchor's, told in this or the last paragraph:
        the year a narrative of the past is set in."""
        full = self.full_date
        if full is None or anchor is None or full.year == anchor.year:
            return None
        return full if paragraph - self.full_date_paragraph <= 1 else None

    def recent(self, paragraph: int) -> tuple[date | None, TimeValue | None]:
        day = self.day[0] if self.day and paragraph - self.day[1] <= 1 else None
        value = self.value[0] if self.value and paragraph - self.value[1] <= 1 else None
        return day, value

    def note(self, value: TimeValue | None, paragraph: int, text: str) -> None:
        if value is None or value.interval is None or value.type not in ("DATE", "TIME"):
            return
        self.value = (value, paragraph)
        looking_back = re.search(r"year[- ](?:ago|earlier)|last year|previous year", text, re.I)
        if value.precision == "quarter" and not looking_back:  # "the year-ago quarter" is not
            self.quarter = value  # the quarter the story is about
        if value.precision in ("day", "time") and re.search(r"\b[12]\d{3}\b", text):
            self.full_date = value.interval[0]
            self.full_date_paragraph = paragraph
        if value.precision in ("day", "time"):
            self.day = (value.interval[0], paragraph)


def _yearless_day(value: TimeValue | None, text: str) -> bool:
    """A month and day written without their year ("March 7")."""
    return (
        value is not None
        and value.rule == "month_day_year"
        and value.precision == "day"
        and re.search(r"\b[12]\d{3}\b|'\d{2}\b", text) is None
    )


_SIGNAL_MODS = codes("tense", "signal_mods")


def _with_signal_mod(value: TimeValue | None, span: Span) -> TimeValue | None:
    """'before March 2013' is March 2013 with mod BEFORE: the event lies before it."""
    if value is None or value.mod is not None or span.root.dep_ != "pobj":
        return value
    mod = _SIGNAL_MODS.get(span.root.head.lower_)
    return replace(value, mod=mod) if mod else value


def direction_of(span: Span, governor: Token | None) -> str:
    """Which way a weekday or month points: the tense of its verb, except that plans and
    deadlines point ahead ("scheduled a news conference Thursday", "postponed until Tuesday")."""
    if governor is None:
        return UNKNOWN
    if _modifies_a_noun(span):
        return _tense_of_noun(span, governor)
    preposition = span.root.head if span.root.dep_ == "pobj" else None
    if preposition is not None and preposition.lower_ == "since":
        return BEHIND  # "since March 3", whatever the tense
    if any(child.dep_ == "mark" and child.lower_ == "since" for child in governor.children):
        return BEHIND  # "since the outbreak was declared on 23 April"
    if governor.lemma_ in _PROSPECTIVE_VERBS:
        return FUTURE
    if governor.dep_ == "pcomp" and governor.head.lower_ in ("before", "ahead"):
        return UNKNOWN  # "before flying home on 30 April": before the main event, not today
    tense = tense_of(governor)
    if tense != PAST and preposition is not None and preposition.lower_ in ("until", "till"):
        return FUTURE  # "expects to be closed until at least Sunday"
    if tense == PAST and preposition is not None and preposition.lower_ in ("until", "till", "by"):
        perfect = any(c.lower_ == "had" for c in governor.children if c.dep_ == "aux")
        return PAST if perfect and preposition.lower_ == "by" else UNKNOWN
    return tense


def _tense_of_noun(span: Span, governor: Token) -> str:
    """A date of a noun has no tense of its own ("arrangements for Obama's visit in November"),
    except where the noun or what it follows sets one: "since his death on 25 June" lies
    behind; an event that acts, as the active subject of a verb, happens no later than the
    verb ("The attack in May claimed 60 lives", "the summit in May will decide")."""
    noun = span.root.head.head if span.root.dep_ == "pobj" else span.root.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "since":
        return BEHIND
    for _ in range(2):  # "a suicide attack on a police centre in May claimed 60 lives"
        if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.i != governor.i:
            noun = noun.head.head
    active = not any(c.dep_ == "auxpass" for c in governor.children)
    if noun.dep_ == "nsubj" and noun.head.i == governor.i and active:
        tense = tense_of(governor)
        return tense if tense in (PAST, FUTURE) else UNKNOWN
    return UNKNOWN


_SAYING = words("tense", "saying_verbs")


def speech_verb_before(span: Span) -> Token | None:
    """The verb of saying an expression follows ("said on Saturday it would strike"): it dates
    the saying, whatever the parse attaches it to."""
    doc = span.doc
    position = span.start - 1
    if position >= 0 and doc[position].lower_ in ("on", "late", "early"):
        position -= 1
    if position < 0:
        return None
    verb = doc[position]
    return verb if verb.lemma_ in _SAYING and verb.pos_ == "VERB" else None


def _modifies_a_noun(span: Span) -> bool:
    root = span.root
    head = root.head.head if root.dep_ == "pobj" else root.head
    return (
        root.dep_ in ("pobj", "npadvmod")
        and head.pos_ in ("NOUN", "PROPN")
        and not head.ent_type_
        and head.i != root.i
    )


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above a token in the parse (the token itself if it is a verb)."""
    current = token
    for _ in range(12):  # parse trees of news sentences are far shallower
        if current.pos_ in ("VERB", "AUX") and current.dep_ != "aux":
            return current
        if current.head is current:
            return current if current.pos_ in ("VERB", "AUX") else None
        current = current.head
    return None


def tense_of(verb: Token) -> str:
    """'past', 'present', 'future' or 'unknown' for the clause a verb heads."""
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and not auxiliaries and verb.head is not verb:
        return tense_of(verb.head)  # "A flood hit the town, followed on Sunday by ..."
    aux_lemmas = {child.lower_ for child in auxiliaries} | {child.lemma_ for child in auxiliaries}
    if aux_lemmas & _FUTURE_AUX or _has_future_word(verb):
        return FUTURE
    if verb.tag_ == "VBD" or aux_lemmas & _MODAL_PAST or any(a.tag_ == "VBD" for a in auxiliaries):
        return PAST
    if verb.tag_ in ("VB", "VBG") and _is_prospective(verb):
        return FUTURE
    if verb.dep_ == "acl" and _has_to(verb):
        return FUTURE  # "guidelines to be published in early November"
    if verb.tag_ == "VBG" and _is_retrospective(verb):
        return PAST
    if verb.dep_ == "relcl" and _has_to(verb):
        return FUTURE  # "another event to be held on October 12"
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod", "relcl"):
        return PAST
    if verb.tag_ in ("VBZ", "VBP"):
        return PRESENT
    return UNKNOWN


def _has_future_word(verb: Token) -> bool:
    return any(
        child.lower_ in _FUTURE_WORDS for child in verb.children if child.dep_ in ("amod", "advmod")
    )


def _is_prospective(verb: Token) -> bool:
    """'expected to meet', 'plans to visit', 'before meeting', 'ahead of talks'."""
    marker = next(
        (
            c.lower_
            for c in verb.children
            if c.dep_ in ("mark", "aux") and c.lower_ in ("to", "before")
        ),
        None,
    )
    head = verb.head
    if verb.dep_ == "pcomp" and head.lower_ in ("before", "ahead"):
        return True
    if marker == "before":
        return True
    return marker == "to" and (head.lemma_ in _FUTURE_HEADS or tense_of_simple(head) == FUTURE)


def _has_to(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _is_retrospective(verb: Token) -> bool:
    return verb.dep_ == "pcomp" and verb.head.lower_ in ("after", "since", "following")


def tense_of_simple(verb: Token) -> str:
    auxiliaries = {child.lower_ for child in verb.children if child.dep_ in ("aux", "auxpass")}
    return FUTURE if auxiliaries & _FUTURE_AUX else UNKNOWN
