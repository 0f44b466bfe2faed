"""The English word lists of the temporal layer, read once from ``temporal/data/*.toml``.

Each TOML file says what its lists are for and which module reads them. The accessors here
check the shape of a list as they read it, so that a mistake in a data file fails at import
with the file and key named, not later as a rule that silently matches nothing.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType

DATA_DIR = "data"

# The data files, by name (without ".toml").
FILES = ("calendar", "numbers", "modifiers", "holidays", "relative", "tense", "detection")


@cache
def load(file: str) -> Mapping[str, object]:
    """The parsed contents of one data file."""
    if file not in FILES:
        raise ValueError(f"no word list file named {file!r}; known: {', '.join(FILES)}")
    text = (
        resources.files("timeline_cli.temporal")
        .joinpath(f"{DATA_DIR}/{file}.toml")
        .read_text("utf-8")
    )
    return MappingProxyType(tomllib.loads(text))


def _entry(file: str, key: str) -> object:
    data = load(file)
    if key not in data:
        raise ValueError(f"{file}.toml: no list named {key!r}")
    return data[key]


def _wrong(file: str, key: str, expected: str) -> ValueError:
    return ValueError(f"{file}.toml: {key} must be {expected}")


@cache
def phrases(file: str, key: str) -> tuple[str, ...]:
    """A list of words or phrases, in the file's order."""
    entry = _entry(file, key)
    if not isinstance(entry, list) or not all(isinstance(item, str) for item in entry):
        raise _wrong(file, key, "a list of strings")
    return tuple(entry)


@cache
def words(file: str, key: str) -> frozenset[str]:
    """A list of words or phrases, as a set."""
    return frozenset(phrases(file, key))


def _table(file: str, key: str) -> dict[str, object]:
    entry = _entry(file, key)
    if not isinstance(entry, dict):
        raise _wrong(file, key, "a table")
    return entry


@cache
def numbers(file: str, key: str) -> Mapping[str, int]:
    """A table of words to integers (a month's number, a step of -1 or +1, a count)."""
    table: dict[str, int] = {}
    for word, value in _table(file, key).items():
        if not isinstance(value, int) or isinstance(value, bool):
            raise _wrong(file, key, "a table of integers")
        table[word] = value
    return MappingProxyType(table)


@cache
def codes(file: str, key: str) -> Mapping[str, str]:
    """A table of words to codes (a TimeML unit, season or modifier)."""
    table: dict[str, str] = {}
    for word, value in _table(file, key).items():
        if not isinstance(value, str):
            raise _wrong(file, key, "a table of strings")
        table[word] = value
    return MappingProxyType(table)


@cache
def groups(file: str, key: str) -> Mapping[str, tuple[str, ...]]:
    """A table of words to lists of words."""
    table: dict[str, tuple[str, ...]] = {}
    for word, value in _table(file, key).items():
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise _wrong(file, key, "a table of lists of strings")
        table[word] = tuple(value)
    return MappingProxyType(table)


@dataclass(frozen=True)
class Holiday:
    """When a holiday falls in any year (see temporal/data/holidays.toml): on month and day; or
    on the ``nth`` ``weekday`` counted from that day (backwards when ``nth`` is negative); or
    ``days_after_easter`` days after Easter Sunday."""

    month: int = 0
    day: int = 0
    weekday: int | None = None  # 0 = Monday
    nth: int = 0
    days_after_easter: int | None = None


@cache
def holidays() -> Mapping[str, Holiday]:
    """Every holiday the normalizer dates, by lower-case name."""
    weekdays = numbers("calendar", "weekdays")
    found: dict[str, Holiday] = {}
    for name, rule in _table("holidays", "holidays").items():
        if not isinstance(rule, dict):
            raise _wrong("holidays", f"holidays.{name}", "a table")
        fields = dict(rule)
        if "weekday" in fields:  # a name; None if it names no weekday, which fails below
            fields["weekday"] = weekdays.get(str(fields["weekday"]))
        try:
            holiday = Holiday(**fields)
        except TypeError as error:  # an unknown field
            raise _wrong("holidays", f"holidays.{name}", f"a holiday rule ({error})") from error
        if not _is_complete(holiday):
            raise _wrong(
                "holidays",
                f"holidays.{name}",
                "month and day, with weekday and nth or not, or days_after_easter alone",
            )
        found[name] = holiday
    return MappingProxyType(found)


def _is_complete(holiday: Holiday) -> bool:
    if holiday.days_after_easter is not None:
        return holiday == Holiday(days_after_easter=holiday.days_after_easter)
    if not (1 <= holiday.month <= 12 and 1 <= holiday.day <= 31):
        return False
    return (holiday.weekday is None) == (holiday.nth == 0) and holiday.weekday in (None, *range(7))


def alternation(choices: Iterable[str]) -> str:
    """A regular expression matching any of the words, the longest tried first, so that a
    search never stops at a word that is the start of a longer one ("may" in "may day")."""
    longest_first = sorted(choices, key=lambda choice: (-len(choice), choice))
    return "|".join(re.escape(choice) for choice in longest_first)
