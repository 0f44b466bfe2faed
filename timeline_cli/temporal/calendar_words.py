"""Month, weekday and number words shared by the date finders and the normalizer.

The words themselves are data (``temporal/data/calendar.toml`` and ``numbers.toml``); this
module gives them the shapes the code reads: lookups and regular expressions.
"""

from __future__ import annotations

import re

from timeline_cli.temporal.wordlists import alternation, numbers, words

_FULL_MONTHS = numbers("calendar", "months")
_FULL_WEEKDAYS = numbers("calendar", "weekdays")

MONTHS = {**_FULL_MONTHS, **numbers("calendar", "month_abbreviations")}
WEEKDAYS = {**_FULL_WEEKDAYS, **numbers("calendar", "weekday_abbreviations")}
NUMBER_WORDS = {**numbers("numbers", "cardinals"), **numbers("numbers", "amounts")}
# Amounts that name no number: a duration of "several years" is PXY, not P3Y.
VAGUE_NUMBERS = words("numbers", "vague")
ORDINAL_WORDS = dict(numbers("numbers", "ordinals"))

# A month's name, or its abbreviation with or without a full stop ("Sept." and "Sept").
MONTH_PATTERN = (
    rf"(?:{alternation(_FULL_MONTHS)}"
    rf"|(?:{alternation(numbers('calendar', 'month_abbreviations'))})\.?)"
)
# Full weekday names only: "sun", "sat" and "wed" are other words in running text.
WEEKDAY_PATTERN = rf"(?:{alternation(_FULL_WEEKDAYS)})"
WEEKDAY_RE = re.compile(r"\b(" + WEEKDAY_PATTERN + r")\b", re.IGNORECASE)


def month_number(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def weekday_number(word: str) -> int | None:
    return WEEKDAYS.get(word.lower().rstrip("."))


def number_value(word: str) -> int | None:
    """'3', 'three', 'a few' -> an integer; None if the word is not a number."""
    word = word.lower().strip()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)
