"""Reading TimeML: plain text, offsets of gold TIMEX3s, the creation date, file discovery."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline_cli.timeml import (
    GoldTimex,
    TimemlError,
    iter_timeml_files,
    parse_timeml,
    parse_timeml_string,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "timeml"
EARNINGS = FIXTURES / "earnings.tml"
NO_DCT = FIXTURES / "nested" / "no_dct.tml"


def test_every_gold_offset_indexes_its_text() -> None:
    document = parse_timeml(EARNINGS)
    assert [timex.text for timex in document.gold] == [
        "Monday",
        "last year",
        "more than 12 years",
        "Friday",
    ]
    for timex in document.gold:
        assert document.text[timex.start : timex.end] == timex.text


def test_tags_are_removed_and_entities_unescaped() -> None:
    document = parse_timeml(EARNINGS)
    assert "<" not in document.text and "&amp;" not in document.text
    assert "Smith & Jones Inc. said Monday that its profit rose 5% in last year." in document.text
    # '&amp;' is one character in the plain text, so offsets after it are not shifted.
    assert document.text.index("Monday") == document.gold[0].start


def test_attributes_id_and_creation_date() -> None:
    document = parse_timeml(EARNINGS)
    assert document.id == "fixture_earnings"  # from <DOCID>
    assert document.dct == date(2012, 3, 7)  # the DCT's time of day is dropped
    assert document.gold[2] == GoldTimex(
        113, 131, "more than 12 years", "DURATION", "P12Y", "MORE_THAN"
    )
    assert document.gold[0].mod is None


def test_tags_inside_a_timex_and_missing_dct() -> None:
    document = parse_timeml(NO_DCT)
    assert document.id == "no_dct"  # no <DOCID>: the file name
    assert document.dct is None
    assert document.text == "Prices <fell> the next day."  # &lt; &gt; unescaped
    (timex,) = document.gold
    assert (timex.text, timex.start, timex.end) == ("the next day", 14, 26)


def test_empty_timex_marks_no_expression() -> None:
    source = (
        '<TimeML><TEXT>From <TIMEX3 tid="t1" type="DATE" value="1998"/>1998 on.'
        '<TIMEX3 tid="t2" type="DATE" value="1999">1999</TIMEX3></TEXT></TimeML>'
    )
    document = parse_timeml_string(source, "inline")
    assert [(t.text, t.start) for t in document.gold] == [("1999", 13)]


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("<TimeML><TEXT>unclosed</TimeML>", "not well-formed"),
        ("<TimeML><DOCID>x</DOCID></TimeML>", "no <TEXT>"),
        (
            '<TimeML><DCT><TIMEX3 value="soon">x</TIMEX3></DCT><TEXT>a</TEXT></TimeML>',
            "DCT value",
        ),
    ],
)
def test_unusable_files_raise_timeml_error(source: str, message: str) -> None:
    with pytest.raises(TimemlError, match=message):
        parse_timeml_string(source, "bad", origin="bad.tml")


def test_iter_timeml_files_recurses_sorts_and_deduplicates() -> None:
    files = iter_timeml_files([FIXTURES, EARNINGS])
    assert files == [EARNINGS, NO_DCT]  # notes.txt in the folder is not TimeML


def test_iter_timeml_files_rejects_missing_paths(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        iter_timeml_files([tmp_path / "missing"])
