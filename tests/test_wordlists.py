"""The word lists of the temporal layer: every data file loads, no list is empty, every word
is in lower case (the text is lower-cased before it is matched), and a list of the wrong shape
fails with its file and key named."""

from __future__ import annotations

from importlib import resources

import pytest

from timeline_cli.temporal import wordlists


def every_word(entry: object) -> list[str]:
    """The words of a list or a table: list items and table keys (a table's values are codes,
    numbers or rules, not words of the text)."""
    assert isinstance(entry, list | dict), entry
    return list(entry)


def all_lists() -> list[tuple[str, str, object]]:
    return [
        (file, key, entry)
        for file in wordlists.FILES
        for key, entry in wordlists.load(file).items()
    ]


def test_every_data_file_is_known_and_loads() -> None:
    shipped = resources.files("timeline_cli.temporal").joinpath(wordlists.DATA_DIR).iterdir()
    names = {entry.name.removesuffix(".toml") for entry in shipped if entry.name.endswith(".toml")}
    assert names == set(wordlists.FILES)
    for file in wordlists.FILES:
        assert wordlists.load(file), file


@pytest.mark.parametrize(("file", "key", "entry"), all_lists())
def test_every_list_is_non_empty_and_lower_case(file: str, key: str, entry: object) -> None:
    found = every_word(entry)
    assert found, f"{file}.toml: {key} is empty"
    assert [word for word in found if word != word.lower() or not word.strip()] == []
    assert len(found) == len(set(found)), f"{file}.toml: {key} repeats a word"


def test_a_list_of_the_wrong_shape_names_its_file_and_key() -> None:
    with pytest.raises(ValueError, match=r"calendar\.toml: months must be a list of strings"):
        wordlists.phrases("calendar", "months")
    with pytest.raises(ValueError, match=r"calendar\.toml: short_units must be a table"):
        wordlists.numbers("calendar", "short_units")
    with pytest.raises(ValueError, match=r"calendar\.toml: seasons must be a table of integers"):
        wordlists.numbers("calendar", "seasons")
    with pytest.raises(ValueError, match=r"calendar\.toml: no list named 'moons'"):
        wordlists.words("calendar", "moons")
    with pytest.raises(ValueError, match="no word list file named 'planets'"):
        wordlists.load("planets")


def test_typed_accessors() -> None:
    assert wordlists.numbers("calendar", "months")["march"] == 3
    assert wordlists.codes("calendar", "seasons")["autumn"] == "FA"
    assert "several" in wordlists.words("numbers", "vague")
    assert wordlists.groups("modifiers", "prepositions_except_before")["at"] == ("least", "most")


def test_the_alternation_tries_longer_words_first() -> None:
    assert wordlists.alternation(["may", "may day", "a.m."]) == r"may\ day|a\.m\.|may"


def test_a_holiday_rule_is_a_fixed_day_a_counted_weekday_or_a_day_from_easter() -> None:
    holidays = wordlists.holidays()
    assert holidays["christmas"] == wordlists.Holiday(month=12, day=25)
    assert holidays["thanksgiving"] == wordlists.Holiday(month=11, day=1, weekday=3, nth=4)
    assert holidays["good friday"] == wordlists.Holiday(days_after_easter=-2)
