"""Which predicate each date of a sentence dates, and the dates predicates take from others.

A temporal expression dates the predicate the parse hangs it on: an event noun it modifies
("Wednesday's bombing", "the May 20 vote", "talks in Geneva this month"), the light verb that
carries such a noun ("launched an overnight attack"), else the nearest verb above it.
A predicate with no date of its own may take one from:

- the verb it is conjoined with ("was declared the winner ... and sworn in");
- a temporal clause or phrase of its own ("As riots spread Sunday, Kibaki was sworn in");
- the clause a "when" clause hangs on ("a climax in September when they were convicted");
- an anchor event with a short offset ("Minutes after Sunday night's launch, ... landed",
  "a day after the vote");
- the dated statement that reports it ("won 68 percent of the vote, the body said Monday").

Statements without any date are dated by a deictic date inside the quotation they introduce
("'Today marks a sad milestone,' he said"), else by the publication date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from timeline_cli.core.timevalue import TimeValue
from timeline_cli.events.evidence import clause_of
from timeline_cli.events.lexicon import Lexicon
from timeline_cli.events.predicates import is_event_noun, is_verb, negated
from timeline_cli.temporal.mentions import Timex, governing_verb
from timeline_cli.temporal.normalize import INVALID

_MODIFIER_DEPS = ("poss", "compound", "amod", "nmod", "npadvmod", "nummod", "appos")
_CARRIED_DEPS = ("dobj", "attr", "nsubjpass", "oprd")
_SIMULTANEOUS = ("as", "when", "while", "during", "amid", "at")
_DURING = ("during", "amid")
_START_WORDS = ("from", "since", "starting", "beginning")
_END_WORDS = ("to", "till", "until", "through", "thru")
_SHORT_OFFSETS = {
    "second", "seconds", "minute", "minutes", "hour", "hours", "moment", "moments", "shortly",
    "soon", "immediately", "just", "right",
}  # fmt: skip
_NUMBERS = {
    "the": 1,
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
}
_WEEKEND = re.compile(r"(\d{4})-W(\d{2})-WE")
_DESCRIPTIVE = ("decade", "century")
_BARE_PARTS_OF_DAY = ("night", "morning", "afternoon", "evening", "day", "the day", "the night")
_DEICTIC = ("today", "tonight", "yesterday", "this morning", "this afternoon", "this evening")


@dataclass(frozen=True)
class Dating:
    """The date of a predicate and where it came from."""

    value: TimeValue
    text: str | None  # the expression as written, None when the publication date stands in
    end: TimeValue | None = None  # the end of a stretch ("from 2010 till January 2014")
    own: bool = True  # written in the predicate's own clause, not borrowed from another
    publication: bool = False  # dated only by the article's publication date


def datable(timex: Timex, doc: Doc) -> bool:
    """A calendar date or time, or a relative one left open for want of an anchor; not the
    baseline of a comparison ("up 14 percent from a year ago") nor a bare part of the day
    ("any time of day or night")."""
    value = timex.value
    if value is not None and value.type == INVALID:
        return True  # "February 30": it dates its event as impossible, not as the report's day
    if value is None or value.type not in ("DATE", "TIME"):
        return False
    calendar = value.interval is not None or _WEEKEND.fullmatch(value.value) is not None
    if not (calendar or value.value.startswith("X")):
        return False
    if value.rule == "part_of_day" and timex.text.lower() in _BARE_PARTS_OF_DAY:
        return False
    return not _is_comparison(doc[timex.start : timex.end].root)


def _is_comparison(root: Token) -> bool:
    """ "than a year ago", "compared with a year ago", "up from a year earlier"."""
    current = root
    for _ in range(3):
        head = current.head
        if head is current:
            return False
        word = head.lower_
        if word in ("than", "versus", "vs", "vs.", "unlike", "like"):
            return True
        if word in ("with", "to") and head.head.lemma_ in ("compare", "compared"):
            return True
        if word == "from" and head.head.lower_ in ("up", "down", "rise", "fall"):
            return True
        current = head
    return False


def day_value(value: TimeValue) -> TimeValue:
    """Events are dated to the day: "at 7:18 p.m. Sunday" dates its event on Sunday. A bound
    with "more than" is only known to the next unit: "more than a week ago" is that month."""
    if value.type == "TIME" and "T" in value.value and len(value.value) >= 10:
        return replace(value, value=value.value[:10], type="DATE", mod=None)
    weekend = _WEEKEND.fullmatch(value.value)
    if weekend:  # a weekend is dated by its Saturday, the day the stretch begins
        saturday = date.fromisocalendar(int(weekend.group(1)), int(weekend.group(2)), 6)
        return TimeValue(saturday.isoformat(), "DATE", rule=value.rule)
    interval = value.interval
    if value.mod == "MORE_THAN" and interval is not None:
        if value.precision == "week":
            return replace(value, value=interval[0].strftime("%Y-%m"))
        if value.precision == "month":
            return replace(value, value=interval[0].strftime("%Y"))
    return value


def date_owner(timex: Timex, sentence: Span, lexicon: Lexicon) -> Token | None:
    """The predicate a temporal expression dates, or None when it dates nothing."""
    doc = sentence.doc
    node = doc[timex.start : timex.end].root
    clause = next((c for c in node.children if c.dep_ in ("relcl", "acl") and is_verb(c)), None)
    if clause is not None and not any(c.tag_ == "WRB" for c in clause.children):
        return clause  # "the following year he was appointed"; not "in August, when ..."
    if node.dep_ in _MODIFIER_DEPS and node.head.pos_ in ("NOUN", "PROPN"):
        noun = node.head
        if not _inside(noun, timex) and (node.dep_ == "poss" or is_event_noun(noun, lexicon)):
            return carrier(noun, lexicon)
        descriptive = timex.value is not None and timex.value.precision in _DESCRIPTIVE
        if descriptive and node.dep_ in ("compound", "amod", "nummod") and not _inside(noun, timex):
            return None  # a period that describes a thing: "the 11th century temple"
    if _period_of_a_figure(node, timex):
        return None  # "a loss for the third quarter" was not reported in that quarter
    if node.dep_ == "pobj" and node.head.head.pos_ in ("NOUN", "PROPN"):
        noun = node.head.head
        if is_event_noun(noun, lexicon) and not _inside(noun, timex):
            return carrier(noun, lexicon)
    before = doc[timex.start - 1] if timex.start > sentence.start else None
    if before is not None and node.dep_ != "pobj" and _names_the_time_of(before, lexicon):
        if before.dep_ == "dobj" and is_verb(before.head):
            return before.head  # "returned its verdict Thursday evening"
        return carrier(before, lexicon)  # "the summit next month", "protests last week"
    verb = governing_verb(node)
    if verb is None or not (sentence.start <= verb.i < sentence.end):
        return None
    following = _next_conjunct(timex, verb, sentence)
    if following is not None:
        return following  # "was made a general, and the following year he was appointed"
    noun_before = _event_noun_before(node, lexicon)
    if noun_before is not None and negated(verb):
        return noun_before  # "no foul play was found after an autopsy on Friday"
    speaker = _speech_before(timex, sentence, lexicon)
    if speaker is not None and verb is not speaker and verb.dep_ == "ccomp":
        return speaker  # "Lavrov said Monday Russia still favored the idea": said on Monday
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    copula = verb.lemma_ in ("be", "mark", "remain")
    if copula and subject is not None and is_event_noun(subject, lexicon):
        return subject  # "The last polar launch was in 1969."
    return verb


def _period_of_a_figure(node: Token, timex: Timex) -> bool:
    """The period a figure covers: "profits for the fourth quarter", "sales for the year"."""
    if node.dep_ != "pobj" or node.head.lower_ != "for" or node.head.head.pos_ != "NOUN":
        return False
    return timex.value is not None and timex.value.precision in _FIGURE_PERIODS


_FIGURE_PERIODS = ("month", "quarter", "half", "year")


def _event_noun_before(node: Token, lexicon: Lexicon) -> Token | None:
    """The event noun right before an expression's preposition: "an autopsy [on Friday]"."""
    if node.dep_ != "pobj" or node.head.i == 0:
        return None
    before = node.doc[node.head.i - 1]
    return before if is_event_noun(before, lexicon) else None


def _names_the_time_of(noun: Token, lexicon: Lexicon) -> bool:
    """An event noun a following date belongs to ("the summit next month"); not the object of
    a verb's preposition, whose date is the verb's ("shot to death last Oct. 23")."""
    if not is_event_noun(noun, lexicon):
        return False
    return not (noun.dep_ == "pobj" and is_verb(noun.head.head))


def _next_conjunct(timex: Timex, verb: Token, sentence: Span) -> Token | None:
    """The conjoined clause an expression opens: after "and" or "but", it dates what
    follows, whatever the parse attaches it to."""
    doc = sentence.doc
    before = doc[timex.start - 1] if timex.start > sentence.start else None
    if before is None or before.lower_ not in ("and", "but") or verb.i > timex.start:
        return None
    return next(
        (
            token
            for token in doc[timex.end : sentence.end]
            if token.dep_ == "conj" and token.head is verb and is_verb(token)
        ),
        None,
    )


def _speech_before(timex: Timex, sentence: Span, lexicon: Lexicon) -> Token | None:
    """A verb of saying right before the expression ("said Monday", "said on Sunday")."""
    doc = sentence.doc
    position = timex.start - 1
    if position >= sentence.start and doc[position].lower_ in ("on", "late", "early"):
        position -= 1
    if position < sentence.start:
        return None
    verb = doc[position]
    return verb if verb.lemma_ in lexicon.speech_verbs and is_verb(verb) else None


def carrier(noun: Token, lexicon: Lexicon) -> Token:
    """The light verb that carries an event noun ("held talks"), else the noun itself."""
    head = noun.head
    if noun.dep_ in _CARRIED_DEPS and is_verb(head) and head.lemma_ in lexicon.light_verbs:
        return head
    return noun


def own_dating(timexes: Sequence[Timex], doc_tokens: Span) -> Dating:
    """The date a predicate's own expressions give: a stretch when one starts it and another
    ends it, else the most precise one (a weekday rather than a clock time read on the
    publication day)."""
    doc = doc_tokens.doc
    starts = [t for t in timexes if _preposition(t, doc) in _START_WORDS]
    ends = [t for t in timexes if _preposition(t, doc) in _END_WORDS]
    if starts and ends:
        first, last = starts[0], ends[-1]
        return Dating(day_value(first.value), first.text, day_value(last.value))
    ranked = sorted(timexes, key=lambda t: (_rank(t), t.start))
    best = ranked[0]
    return Dating(day_value(best.value), best.text)


def _rank(timex: Timex) -> int:
    value = timex.value
    if value is None:
        return 9
    if value.type == "TIME" and value.rule in ("clock_time", "part_of_day"):
        return 2  # a clock time's day is the anchor's unless the text names one
    return 0 if value.precision == "day" else 1


def _preposition(timex: Timex, doc: object) -> str | None:
    span = doc[timex.start : timex.end]  # type: ignore[index]
    root = span.root
    if root.dep_ == "pobj":
        return root.head.lower_
    before = doc[timex.start - 1] if timex.start > 0 else None  # type: ignore[index]
    return before.lower_ if before is not None else None


def _inside(token: Token, timex: Timex) -> bool:
    return timex.start <= token.i < timex.end


# --- dates taken from elsewhere in the sentence ---------------------------------------------


def simultaneous_clause_date(predicate: Token, timexes: Sequence[Timex]) -> Timex | None:
    """A date in a temporal clause or phrase of the predicate: "As riots spread Sunday, ..."."""
    for child in predicate.children:
        marker = child.lower_ if child.dep_ in ("prep", "mark", "advmod") else None
        if child.dep_ == "advcl":
            marker = next((c.lower_ for c in child.children if c.dep_ in ("mark", "advmod")), None)
        if marker not in _SIMULTANEOUS:
            continue
        span = (child.left_edge.i, child.right_edge.i)
        for timex in timexes:
            if span[0] <= timex.start <= span[1]:
                return timex
    return None


def when_clause_head(predicate: Token) -> Token | None:
    """The word a "when" clause hangs on: "a climax in September when they were convicted"."""
    if predicate.dep_ not in ("advcl", "relcl", "acl", "conj"):
        return None
    if not any(c.lower_ == "when" and c.dep_ == "advmod" for c in predicate.children):
        return None
    return predicate.head


@dataclass(frozen=True)
class Offset:
    """How far an event lies from its anchor: 0 days ("minutes after"), -1 day ("the eve of",
    "a day before"), 2 months ("two months after")."""

    count: int
    unit: str = "day"  # day, month or year

    def before(self) -> Offset:
        return Offset(-self.count, self.unit)


_UNITS = {
    "day": ("day", 1), "days": ("day", 1), "week": ("day", 7), "weeks": ("day", 7),
    "month": ("month", 1), "months": ("month", 1), "year": ("year", 1), "years": ("year", 1),
}  # fmt: skip


def _anchor_phrases(predicate: Token) -> list[tuple[Token, Offset]]:
    """The "after/before X" phrases of a predicate with their offsets: "minutes after the
    launch" (0), "a day after the vote" (1 day), "two months before his death" (-2 months).
    The offset may hang on the verb or carry the phrase itself ("[a day [after the vote]]")."""
    found = []
    for child in predicate.children:
        phrases = [child] if child.dep_ == "prep" else []
        if child.dep_ in ("npadvmod", "dep", "advmod"):
            phrases = [g for g in child.children if g.dep_ == "prep"]
        if child.dep_ == "advcl":  # "shortly after he returned home on the night of Oct. 23"
            phrases = [g for g in child.children if g.dep_ == "mark"]
        for phrase in phrases:
            if phrase.lower_ in _DURING:
                found.append((phrase, Offset(0)))  # "during the two-hour session"
                continue
            if phrase.lower_ not in ("after", "before", "following"):
                continue
            offset = _offset(phrase, predicate)
            if offset is not None:
                found.append((phrase, offset.before() if phrase.lower_ == "before" else offset))
    return found


def anchored_offset(predicate: Token, timexes: Sequence[Timex]) -> tuple[Timex, Offset] | None:
    """A date reached from a dated anchor: "Minutes after Sunday night's launch" (the same
    day), "a day after the Friday vote" (one day later). Returns the anchor and the offset."""
    for phrase, offset in _anchor_phrases(predicate):
        span = (phrase.left_edge.i, phrase.right_edge.i)
        for timex in timexes:
            if span[0] <= timex.start <= span[1]:
                return timex, offset
    return None


def anchor_event(predicate: Token, lexicon: Lexicon) -> tuple[Token, Offset] | None:
    """An undated event noun that anchors the predicate with an offset: "a day after the
    vote", "hours after the blast", "on the eve of the invasion". Its date is that of the
    event the article tells."""
    for phrase, offset in _anchor_phrases(predicate):
        noun = next((c for c in phrase.children if c.dep_ == "pobj"), None)
        if noun is not None and is_event_noun(noun, lexicon):
            return noun, offset
    return _eve_of(predicate, lexicon) or _written_anchor(predicate, lexicon)


def _eve_of(predicate: Token, lexicon: Lexicon) -> tuple[Token, Offset] | None:
    doc = predicate.doc
    for index in clause_of(predicate):
        eve = doc[index]
        of = next((c for c in eve.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        noun = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if eve.lower_ == "eve" and noun is not None and is_event_noun(noun, lexicon):
            return noun, Offset(-1)
    return None


def _written_anchor(predicate: Token, lexicon: Lexicon) -> tuple[Token, Offset] | None:
    """The same read off the words when the parse scatters them: an offset of the
    predicate's own clause ("[the day]") followed by "after" or "before" and an event noun."""
    doc = predicate.doc
    for index in clause_of(predicate):
        offset = _offset_of_word(doc[index])
        after = doc[index + 1] if index + 1 < len(doc) else None
        if offset is None or after is None or after.lower_ not in ("after", "before"):
            continue
        for noun in doc[after.i + 1 : min(after.i + 4, len(doc))]:
            if is_event_noun(noun, lexicon):
                return noun, offset.before() if after.lower_ == "before" else offset
    return None


def _offset(preposition: Token, predicate: Token) -> Offset | None:
    """0 for "minutes after", N units for "N days/months after", None for a bare "after"."""
    head = preposition.head
    words = [head] if head is not predicate else []
    words += [
        token
        for token in (*preposition.children, *predicate.children)
        if token.dep_ in ("npadvmod", "dep", "advmod") and token.i < preposition.i
    ]
    for word in words:
        offset = _offset_of_word(word)
        if offset is not None:
            return offset
    return None


def _offset_of_word(word: Token) -> Offset | None:
    """ "minutes", "shortly" (the same day); "a day", "two months", "the day" (one day)."""
    text = word.lower_
    if text in _SHORT_OFFSETS:
        return Offset(0)
    if text not in _UNITS:
        return None
    unit, size = _UNITS[text]
    count_word = next((c.lower_ for c in word.children if c.dep_ in ("det", "nummod")), None)
    if count_word is None and word.i > 0:
        count_word = word.doc[word.i - 1].lower_
    count = _NUMBERS.get(count_word or "a")
    return Offset(count * size, unit) if count else None


def shifted(value: TimeValue, offset: Offset) -> TimeValue | None:
    """The anchor's date moved by the offset; "right after" an event in October is October."""
    interval = value.interval
    if interval is None:
        return None
    if offset.count == 0:
        return day_value(value)
    start = interval[0]
    if offset.unit == "day":
        if value.precision not in ("day", "time"):
            return None
        return TimeValue(
            (start + timedelta(days=offset.count)).isoformat(), "DATE", rule="anchored"
        )
    if offset.unit == "month":
        index = start.year * 12 + start.month - 1 + offset.count
        return TimeValue(f"{index // 12:04d}-{index % 12 + 1:02d}", "DATE", rule="anchored")
    return TimeValue(f"{start.year + offset.count:04d}", "DATE", rule="anchored")


def quoted_deictic(timexes: Sequence[Timex]) -> Timex | None:
    """ "Today" or "yesterday" inside a quotation: it dates the statement that quotes it."""
    for timex in timexes:
        if timex.text.lower().removesuffix("'s") in _DEICTIC and timex.value is not None:
            return timex
    return None
