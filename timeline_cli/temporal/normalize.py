"""Turning a temporal expression into a TimeML value, against an anchor date.

Contract: ``normalize(text, anchor, tense, reference)`` returns a ``TimeValue`` (value, type,
modifier and the name of the rule that decided it) or ``None`` when the text is not a temporal
expression the rules understand. ``anchor`` is the article's publication date (or None when it
is unknown); ``reference`` is the last date the narrative mentioned, for "that day" and "the
next week"; ``tense`` ("past", "present", "future" or "unknown", or "behind" for a past beyond
doubt) is that of the verb governing the expression, which decides the direction of "Friday",
"October" and "the 13th".

Relative expressions with no anchor come back with an ``X`` value (``XXXX-XX-XX``): they are
recognized but never guessed from today's date. Durations and sets get DURATION and SET types
and so can never be placed on a timeline. dateparser parses absolute forms ("June 3, 2025");
the rules here decide granularity and direction, which dateparser cannot.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import replace
from datetime import date

from timeline_cli.core.timevalue import TimeValue
from timeline_cli.temporal.calendar_words import MONTH_PATTERN, NUMBER_WORDS, ORDINAL_WORDS
from timeline_cli.temporal.rules import RULES
from timeline_cli.temporal.rules.base import (
    BEHIND,
    FUTURE,
    PAST,
    PRESENT,
    UNKNOWN,
    UNRESOLVED,
    Context,
)
from timeline_cli.temporal.wordlists import alternation, codes, groups, numbers, phrases, words

__all__ = ["BEHIND", "FUTURE", "INVALID", "PAST", "PRESENT", "UNKNOWN", "UNRESOLVED", "normalize"]

# The type of an expression that names an impossible date ("February 30"): found, reported,
# never placed on the calendar.
INVALID = "INVALID"


def _any(key: str) -> str:
    """A pattern matching any phrase of a list of temporal/data/modifiers.toml."""
    return alternation(phrases("modifiers", key))


def _hedge_pattern() -> re.Pattern[str]:
    """Hedges, "the night of" and an article before a number or a month ("an Aug. 10 memo")."""
    month_starts = {name[:3] for name in numbers("calendar", "months")}  # "sep" of "sept."
    before_date = "|".join(rf" {start}" for start in [r"\d", *sorted(month_starts)])
    return re.compile(
        rf"(?:{_any('hedges')}"
        rf"|the (?:{_any('parts_before_of')}) of"
        rf"|(?:{_any('articles')})(?={before_date}))"
        r" "
    )


def _modifier_patterns() -> tuple[tuple[re.Pattern[str], Mapping[str, str]], ...]:
    """Each pattern with the mods of the words its group 1 matches."""
    part_of = codes("modifiers", "part_of")
    adjectives = codes("modifiers", "part_adjective")
    prefixes = codes("modifiers", "part_prefix")
    quantifiers = codes("modifiers", "quantifiers")
    before_numbers = codes("modifiers", "quantifiers_before_numbers")
    return (
        (re.compile(rf"(?:the )?(?:very )?({alternation(part_of)}) of (?:the )?"), part_of),
        (re.compile(rf"(?:the )?({alternation(adjectives)})[- ]"), adjectives),
        (re.compile(rf"({alternation(prefixes)})(?:-| |(?=\d))"), prefixes),
        (
            re.compile(rf"({alternation(quantifiers)}|(?:{alternation(before_numbers)})(?= \d)) "),
            {**quantifiers, **before_numbers},
        ),
    )


def _preposition_pattern() -> re.Pattern[str]:
    """A preposition dropped from the front: "on Friday", "over the weekend", but not the "at"
    of "at least"."""
    only_before = [
        rf"{re.escape(word)}(?= (?:{alternation(following)}))"
        for word, following in groups("modifiers", "prepositions_only_before").items()
    ]
    except_before = [
        rf"{re.escape(word)}(?! (?:{alternation(following)}))"
        for word, following in groups("modifiers", "prepositions_except_before").items()
    ]
    dropped = [_any("prepositions"), *only_before, *except_before]
    return re.compile(rf"^(?:{'|'.join(dropped)}) ")


_HEDGES = _hedge_pattern()
_MODIFIERS = _modifier_patterns()
_PREPOSITIONS = _preposition_pattern()
_TRAILING_HEDGES = re.compile(rf" (?:{_any('trailing_hedges')})\b")  # "10 years or so"
_TIME_ZONES = re.compile(rf"\b(?:{_any('time_zones')})\b ?")
# "0400 GMT", "1430 hrs": a 24-hour clock without its colon, known by the zone after it.
_FOUR_DIGIT_CLOCK = re.compile(
    rf"\b([01]\d|2[0-3])([0-5]\d) ?(?:hrs\b ?|(?=(?:{_any('time_zones')})\b))"
)
_SAME_AS = codes("modifiers", "same_as")
_BARE_PERIODS = words("modifiers", "bare_periods")


def normalize(
    text: str,
    anchor: date | None,
    tense: str = UNKNOWN,
    reference: date | None = None,
    previous: TimeValue | None = None,
    focus_quarter: TimeValue | None = None,
) -> TimeValue | None:
    """The TimeML value of a temporal expression, or None if no rule understands it."""
    core, mod = _split_modifier(_simplify(text))
    context = Context(anchor, reference, tense, mod, previous, focus_quarter)
    for rule in RULES:
        try:
            value = rule(core, context)
        except (ValueError, OverflowError):  # "February 30", or arithmetic off the calendar
            return TimeValue("", INVALID, mod=mod, rule=rule.__name__)
        if value is not None:
            return replace(value, mod=value.mod or mod, rule=value.rule or rule.__name__)
    return None


def _simplify(text: str) -> str:
    """Lower case, plain quotes and dashes, no surrounding prepositions, time zones or "'s"."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = "".join(char for char in text if unicodedata.category(char) != "Cf")  # zero-width
    text = re.sub(r"[–—‑]", "-", text)
    text = re.sub(r"\s*\((?:local time|[a-z]{2,4} time|[a-z]{3,4})\)\s*$", "", text)
    text = re.sub(r"\s+", " ", text).strip(" ,.;:()\"'")
    text = re.sub(r"\b(\w+) \1\b", r"\1", text)  # "the the end of November"
    text = re.sub(r"'s$", "", text)
    text = _PREPOSITIONS.sub("", text)
    text = _TRAILING_HEDGES.sub("", text)
    text = _FOUR_DIGIT_CLOCK.sub(r"\1:\2 ", text)
    text = _TIME_ZONES.sub("", text).strip()
    text = _SAME_AS.get(text, text)
    return _digits_for_words(text)


_CARDINALS = numbers("numbers", "cardinals")
_UNITS = alternation(word for word, value in _CARDINALS.items() if 1 <= value <= 9)
_TEENS = alternation(word for word, value in _CARDINALS.items() if 10 <= value <= 19)
_TENS = alternation(word for word, value in _CARDINALS.items() if value in range(20, 100, 10))
_CENTURIES = alternation(word for word, value in _CARDINALS.items() if 10 <= value <= 20)
_DECADES = numbers("numbers", "decades")


def _digits_for_words(text: str) -> str:
    """Spoken years and dates as digits: "nineteen ninety-six" -> "1996", "the nineties" ->
    "the 1990s", "the year two thousand" -> "the year 2000", "march eighth" -> "march 8th".
    Broadcast transcripts spell them out; the rules read digits."""

    def number(word: str) -> int:
        return NUMBER_WORDS[word]

    def spoken_year(match: re.Match[str]) -> str:
        century, tens, unit = match.group(1), match.group(2), match.group(3)
        return str(number(century) * 100 + number(tens) + (number(unit) if unit else 0))

    text = re.sub(rf"\b({_CENTURIES}) ({_TENS}|{_TEENS})(?:[- ]({_UNITS}))?\b", spoken_year, text)
    text = re.sub(
        rf"\btwo thousand(?: and)?(?: ({_UNITS}|{_TEENS}))?\b",
        lambda m: str(2000 + (number(m.group(1)) if m.group(1) else 0)),
        text,
    )
    text = re.sub(
        rf"\b(?:the )?({alternation(_DECADES)})\b",
        lambda m: f"the 19{_DECADES[m.group(1)]}0s",
        text,
    )
    return re.sub(
        rf"\b({MONTH_PATTERN}) ({alternation(ORDINAL_WORDS)})\b",
        lambda m: f"{m.group(1)} {ORDINAL_WORDS[m.group(2)]}th",
        text,
    )


def _split_modifier(text: str) -> tuple[str, str | None]:
    """Peel hedges ("just", "sometime") and modifiers ("early", "at least") off the front;
    the first modifier found is the expression's mod."""
    found: str | None = None
    peeled = True
    while peeled:
        peeled = False
        hedge = _HEDGES.match(text)
        if hedge and hedge.end() < len(text):
            text, peeled = text[hedge.end() :], True
        for pattern, mods in _MODIFIERS:
            match = pattern.match(text)
            if match and match.end() < len(text):
                text, peeled = text[match.end() :].strip(), True
                found = found or mods[match.group(1)]
                break
    if found and text in _BARE_PERIODS:
        text = f"this {text}"  # "the end of the month" is this month's end
    return text, found
