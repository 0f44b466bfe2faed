"""Finding temporal expressions in a parsed Doc.

spaCy's DATE and TIME entities are the start. Rules on the Doc then repair what the statistical
model gets wrong for TimeML-style expressions:

- a Matcher adds what it misses: bare weekdays, "the 13th", "yesterday", "now", "recently";
- adjacent entities that form one expression are joined ("Tuesday" + "morning");
- entities that hold two expressions are split: ranges and lists ("from 1991 to 1997",
  "April 24 and 25") and "the quarter ended Sept. 30";
- hedges and modifiers are trimmed from the span ("just last month", "earlier this week"),
  while the text the normalizer reads keeps them, so "early March" still gets mod START;
- look-alikes are dropped: "the 11th Circuit", "quarterly dividend";
- an era after a year belongs to it ("1274 BCE"), so that it is not read as a year of ours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from timeline_cli.temporal.calendar_words import MONTH_PATTERN, MONTHS, WEEKDAYS
from timeline_cli.temporal.wordlists import codes, numbers, phrases, words

TEMPORAL_LABELS = ("DATE", "TIME")
# The words are data: temporal/data/detection.toml, and calendar, numbers and holidays.toml.
_RELATIVE_UNITS = list(phrases("detection", "relative_units"))
_DAYLIGHT_MARKS = tuple(word for word in codes("calendar", "daylight") if " " not in word)
_DAY_WORDS = {day for day in WEEKDAYS if len(day) > 3} | words("detection", "day_words")
_QUARTER_ORDINALS = tuple(word for word, n in numbers("numbers", "part_ordinals").items() if n > 0)
_UNITS = list(phrases("detection", "units"))
# spaCy labels holidays EVENT; as dates they are the normalizer's ("holiday" rule).
_HOLIDAY_WORDS = list(phrases("holidays", "detected"))
# Words that join two expressions in one entity: "1994 and 1997", "the quarter ended Sept. 30".
SPLIT_WORDS = words("detection", "split_words")
LEADING_CONNECTORS = words("detection", "leading_connectors")
# Hedges outside TimeML extents; the normalizer still sees them (as a mod where they are one).
TRIMMED_PREFIXES = words("detection", "trimmed_prefixes")
# Words after "Today" that make it a title ("the Today programme"), not a day.
_PROGRAMME_WORDS = words("detection", "programme_words")
_ERA_RE = re.compile(r"B\.?C\.?E\.?", re.IGNORECASE)  # "BCE", "B.C.E."
_BC_RE = re.compile(r"B\.?C\.?", re.IGNORECASE)  # "BC", "B.C."
_TEMPORAL_HEADS = set(MONTHS) | set(WEEKDAYS) | words("detection", "temporal_heads")
# A 24-hour clock written without a colon, which wire copy dates by its zone: "0400 GMT".
_ZONED_CLOCK_MARKS = sorted(words("modifiers", "time_zones") | {"hrs"})
_FOUR_DIGIT_CLOCK = r"^(?:[01]\d|2[0-3])[0-5]\d$"


@dataclass(frozen=True)
class Candidate:
    """A temporal expression: the span to report, and the text to normalize (may be wider)."""

    span: Span
    text: str


@lru_cache(maxsize=4)
def _matcher(vocab: Vocab) -> Matcher:
    weekday_words = [word for word in WEEKDAYS if len(word) > 3]
    month_words = [word for word in MONTHS if len(word) > 3 or word == "may"]
    ordinal = {"TEXT": {"REGEX": r"^\d{1,2}(st|nd|rd|th)$"}}
    matcher = Matcher(vocab)
    patterns = [
        [{"LOWER": {"IN": ["last", "next", "this"]}, "OP": "?"}, {"LOWER": {"IN": weekday_words}}],
        [
            {"LOWER": "the"},
            ordinal,
            {"LOWER": "of"},
            {"LOWER": {"IN": ["last", "this", "next"]}},
            {"LOWER": "month"},
        ],
        [{"LOWER": "the"}, ordinal],
        [{"LOWER": {"IN": month_words}, "IS_TITLE": True}, {"TEXT": {"REGEX": r"^\d{1,2}$"}}],
        [{"LOWER": {"IN": ["yesterday", "today", "tomorrow", "tonight", "now", "currently"]}}],
        [{"LOWER": {"IN": ["recently", "daily"]}}],
        [{"LOWER": "the"}, {"LOWER": {"IN": ["past", "future"]}}],
        [
            {"LOWER": "the"},
            {"LOWER": {"IN": ["near", "short"]}},
            {"LOWER": {"IN": ["future", "term"]}},
        ],
        [
            {"LOWER": {"IN": ["every", "each"]}},
            {"LOWER": {"IN": ["day", "week", "month", "year", *weekday_words, *month_words]}},
        ],
        [
            {"LOWER": {"IN": ["the", "its"]}},
            {"LOWER": {"IN": ["latest", "most"]}},
            {"LOWER": "recent", "OP": "?"},
            {"LOWER": {"IN": ["period", "quarter"]}},
        ],
        [
            {"LOWER": "fiscal", "OP": "?"},
            {"LOWER": {"IN": list(_QUARTER_ORDINALS)}},
            {"TEXT": "-", "OP": "?"},
            {"LOWER": "quarter"},
        ],
        [
            {"LIKE_NUM": True},
            {"LOWER": {"IN": _UNITS}},
            {"LOWER": {"IN": ["ago", "earlier", "later"]}},
        ],
        [
            {"LOWER": "last", "OP": "?"},
            {"LOWER": {"IN": _HOLIDAY_WORDS}},
            {"LOWER": {"IN": ["day", "eve", "week"]}, "OP": "?"},
        ],
        # Told from the narrative's day: "a day before", "minutes later", "the night before".
        [
            {"LOWER": {"IN": ["a", "an", "one", "two", "three", "four", "five", "few"]}, "OP": "*"},
            {"LOWER": {"IN": _RELATIVE_UNITS}},
            {"LOWER": {"IN": ["before", "earlier", "later", "after"]}},
        ],
        [
            {"LIKE_NUM": True},
            {"LOWER": {"IN": _RELATIVE_UNITS}},
            {"LOWER": {"IN": ["before", "earlier", "later", "after"]}},
        ],
        [
            {"LOWER": "the"},
            {"LOWER": {"IN": ["day", "night", "morning", "evening", "afternoon"]}},
            {"LOWER": {"IN": ["before", "after"]}},
        ],
        [{"LOWER": "overnight"}],
        [{"TEXT": {"REGEX": r"^\d{1,2}/\d{1,2}/(?:\d{2}|\d{4})$"}}],  # "2/1/19" in a credit
        [{"LOWER": "as"}, {"LOWER": "the"}, {"LOWER": "sun"}, {"LEMMA": {"IN": ["set", "rise"]}}],
        [{"LOWER": "at"}, {"LOWER": {"IN": list(_DAYLIGHT_MARKS)}}],
        [{"LOWER": "press"}, {"LOWER": "time"}],
        [{"TEXT": {"REGEX": _FOUR_DIGIT_CLOCK}}, {"LOWER": {"IN": _ZONED_CLOCK_MARKS}}],
    ]
    matcher.add("TIMEX", patterns, greedy="LONGEST")
    return matcher


def temporal_candidates(doc: Doc) -> list[Candidate]:
    """Every temporal expression of the Doc, in text order, none overlapping another."""
    spans = _joined([e for e in doc.ents if e.label_ in TEMPORAL_LABELS])
    for _, start, end in _matcher(doc.vocab)(doc):
        if _preposition_with_object(doc, end):
            continue  # "a day before the vote" dates by the vote, not by the narrative
        overlapped = [s for s in spans if s.start < end and start < s.end]
        # a pattern that holds whole entities reads more: "48 hours" + "later"
        if all(start <= s.start and s.end <= end for s in overlapped):
            spans = [s for s in spans if s not in overlapped] + [doc[start:end]]
    candidates = [part for span in spans for part in _split(span)]
    candidates = [_with_era(_trimmed(c)) for c in candidates if not _look_alike(c.span)]
    return _with_listed_days(sorted(candidates, key=lambda candidate: candidate.span.start))


def _preposition_with_object(doc: Doc, end: int) -> bool:
    last = doc[end - 1]
    following = doc[end] if end < len(doc) else None
    return (
        last.lower_ in ("before", "after")
        and following is not None
        and following.pos_ in ("DET", "NOUN", "PROPN", "NUM", "PRON", "ADJ", "VERB", "SCONJ")
    )


def _with_listed_days(candidates: list[Candidate]) -> list[Candidate]:
    """'March 3, 4 and 5': bare days listed after a month and day are days of that month."""
    listed: dict[int, Candidate] = {}
    for candidate in candidates:
        month = re.fullmatch(rf"({MONTH_PATTERN}) \d{{1,2}}", candidate.text, re.IGNORECASE)
        doc, index = candidate.span.doc, candidate.span.end
        while month and index + 1 < len(doc) and doc[index].lower_ in (",", "and", "or"):
            number = doc[index + 1]
            if not (number.text.isdigit() and 1 <= int(number.text) <= 31):
                break
            listed[number.i] = Candidate(doc[number.i : number.i + 1], f"{month.group(1)} {number}")
            index = number.i + 1
    kept = [c for c in candidates if not any(i in listed for i in range(c.span.start, c.span.end))]
    return sorted([*kept, *listed.values()], key=lambda candidate: candidate.span.start)


def _joined(spans: list[Span]) -> list[Span]:
    """Merge entities that touch: "Tuesday" + "morning", "9 a.m." + "Tuesday"."""
    joined: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        if joined and joined[-1].end == span.start and not joined[-1][-1].is_punct:
            previous = joined.pop()
            span = span.doc[previous.start : span.end]
        joined.append(span)
    return joined


def _split(span: Span) -> list[Candidate]:
    """One entity holding a range or list becomes its parts; others pass unchanged."""
    tokens = list(span)
    start = span.start
    if tokens and tokens[0].lower_ in LEADING_CONNECTORS and len(tokens) > 1:
        start += 1
    for token in span.doc[start : span.end]:
        if token.lower_ not in SPLIT_WORDS or token.i == start or token.i == span.end - 1:
            continue
        if token.is_punct and not (token.whitespace_ or token.nbor(-1).whitespace_):
            continue  # "10-hour", "ninety-six": a hyphen inside a word joins, it does not split
        left, right = span.doc[start : token.i], span.doc[token.i + 1 : span.end]
        if _is_expression(left) and _is_expression(right):
            return [Candidate(left, left.text), *_split(right)]
    last = span.doc[span.end - 1]
    before = span.doc[start : last.i]
    if last.lower_ in _DAY_WORDS and len(before) and _is_stretch(before, singular=True):
        # "more than four hours Friday", "the day Friday": a length, then the day it fell on
        return [Candidate(before, before.text), Candidate(span.doc[last.i : span.end], last.text)]
    of = next((t for t in span if t.lower_ == "of" and t.i > start), None)
    if (
        of is not None
        and _is_stretch(span.doc[start : of.i])
        and _is_year(span.doc[of.i + 1 : span.end])
    ):
        # "the first nine months of 1997": a length of time, then the year it lies in
        left, right = span.doc[start : of.i], span.doc[of.i + 1 : span.end]
        return [Candidate(left, left.text), Candidate(right, right.text)]
    whole = span.doc[start : span.end]
    return [Candidate(whole, whole.text)]


def _is_stretch(span: Span, singular: bool = False) -> bool:
    units = ("months", "weeks", "days", "quarters", "hours", "minutes", "years")
    if singular:
        units += ("month", "week", "day", "quarter", "hour", "minute", "year")
    return any(t.lower_ in units for t in span)


def _is_year(span: Span) -> bool:
    words = [t.lower_ for t in span if t.lower_ not in ("the", "fiscal")]
    return words == ["year"] or (len(words) == 1 and len(words[0]) == 4 and words[0].isdigit())


def _is_expression(span: Span) -> bool:
    return any(token.like_num or token.lower_.rstrip(".") in _TEMPORAL_HEADS for token in span)


def _trimmed(candidate: Candidate) -> Candidate:
    """The span without hedges before it nor punctuation, spaces, "'s" or a noun spelt like a
    month ("the March 1 march") after it."""
    span = candidate.span
    doc = span.doc
    start, end = span.start, span.end
    text = candidate.text
    while start < end - 1 and (doc[start].lower_ in TRIMMED_PREFIXES or _is_article(doc, start)):
        start += 1
    if end > start + 1 and doc[end - 1].is_lower and doc[end - 1].text in MONTHS:
        end -= 1  # "march", "may" in lower case are a noun and a verb, never the month
        text = text[: doc[end - 1].idx + len(doc[end - 1]) - span.start_char]
    while end > start + 1 and (
        doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].tag_ == "POS"
    ):
        end -= 1
    return Candidate(doc[start:end], text)


def _with_era(candidate: Candidate) -> Candidate:
    """'1274 BCE', 'the 5th century B.C.': the era that spaCy leaves outside the entity."""
    span = candidate.span
    doc = span.doc
    if span.end >= len(doc) or not (span[-1].like_num or span[-1].lower_ == "century"):
        return candidate
    era = doc[span.end]
    before_common_era = _ERA_RE.fullmatch(era.text) or (
        _BC_RE.fullmatch(era.text) and not _names_follow(doc, era.i)
    )
    if not before_common_era:
        return candidate
    return Candidate(doc[span.start : era.i + 1], f"{candidate.text} {era.text}")


def _names_follow(doc: Doc, index: int) -> bool:
    """'B.C. Hydro', 'BC Supreme Court': the province, not the era."""
    return index + 1 < len(doc) and doc[index + 1].is_title


def _is_article(doc: Doc, index: int) -> bool:
    """'an' in 'an Aug. 10, 1988 memo', 'both' in 'both 1990 and 1991': not in the extent."""
    following = doc[index + 1] if index + 1 < len(doc) else None
    if doc[index].lower_ not in ("a", "an", "both") or following is None:
        return False
    return following.like_num or following.lower_.rstrip(".") in MONTHS


def _look_alike(span: Span) -> bool:
    """'the 11th Circuit' (a court), 'quarterly dividend' (an adjective, not a date), 'the
    Today programme' (a title, not a day)."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and after.is_title and span[-1].text[-2:] in ("st", "nd", "rd", "th"):
        return True
    if _is_title_today(span, after):
        return True
    return len(span) == 1 and span[0].lower_ == "quarterly" and span[0].dep_ == "amod"


def _is_title_today(span: Span, after: Token | None) -> bool:
    """A capitalized 'Today' inside a sentence, before a common noun, names something: "told
    the Today programme", "on NBC's Today show" (which the tagger may read as a verb)."""
    first = span[0]
    return (
        len(span) == 1
        and first.text == "Today"
        and not first.is_sent_start
        and after is not None
        and after.is_lower
        and (after.pos_ == "NOUN" or after.lower_ in _PROGRAMME_WORDS)
    )
