"""Month, weekday and number words shared by the date finders and the normalizer."""

from __future__ import annotations

import re

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "several": 3,
    "a few": 3, "few": 3, "a couple of": 2, "couple of": 2, "dozen": 12, "a dozen": 12,
    "many": 3, "some": 3,
}  # fmt: skip
# Amounts that name no number: a duration of "several years" is PXY, not P3Y.
VAGUE_NUMBERS = frozenset({"several", "a few", "few", "many", "some"})

ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip

_FULL_MONTH_NAMES = [name for name in MONTHS if len(name) > 3 or name == "may"]
MONTH_PATTERN = (
    r"(?:"
    + "|".join(sorted(_FULL_MONTH_NAMES, key=len, reverse=True))
    + r"|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?)"
)
WEEKDAY_PATTERN = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
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
