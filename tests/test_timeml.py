"""Reading TimeML: plain text, offsets of gold TIMEX3s, the creation date, file discovery."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline_cli.evaluation.flaws import FlawError, FlawLog
from timeline_cli.evaluation.timeml import (
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
        ("<TimeML><TEXT>unclosed</TimeML>", "XML error: mismatched tag"),
        ("<TimeML><DOCID>x</DOCID></TimeML>", "no <TEXT>"),
        (
            '<TimeML><DCT><TIMEX3 value="soon">x</TIMEX3></DCT><TEXT>a</TEXT></TimeML>',
            "DCT value",
        ),
    ],
)
def test_unusable_files_raise_a_flaw(source: str, message: str) -> None:
    with pytest.raises(FlawError, match=message):
        parse_timeml_string(source, "bad", origin="bad.tml")


def test_iter_timeml_files_recurses_sorts_and_deduplicates() -> None:
    files = iter_timeml_files([FIXTURES, EARNINGS])
    assert files == [EARNINGS, NO_DCT]  # notes.txt in the folder is not TimeML


def test_iter_timeml_files_rejects_missing_paths(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        iter_timeml_files([tmp_path / "missing"])


# -- flaws of outside files: repaired when the repair can be checked, else the file is refused


def timeml_with_dct(value: str, text: str = "Shares rose on Monday.") -> str:
    return (
        '<?xml version="1.0"?>\n<TimeML>\n<DOCID>d1</DOCID>\n'
        f'<DCT><TIMEX3 tid="t0" type="DATE" value="{value}">{value}</TIMEX3></DCT>\n'
        f"<TEXT>{text}</TEXT>\n</TimeML>\n"
    )


def test_a_day_first_dct_is_read_as_the_date_the_text_prints() -> None:
    flaws = FlawLog()
    source = timeml_with_dct("03-02-2009", "WELLINGTON , March 2 , 2009 - Shares rose.")
    document = parse_timeml_string(source, "d1", origin="d1.tml", flaws=flaws)
    assert document.dct == date(2009, 3, 2)  # month first here: the text says so
    (flaw,) = flaws.flaws
    assert (flaw.file, flaw.line, flaw.action) == ("d1.tml", 4, "repaired")
    assert "'03-02-2009' is not YYYY-MM-DD" in flaw.problem and "2009-03-02" in flaw.detail
    day_first = timeml_with_dct("03-02-2009", "Published 3 February 2009.")
    assert parse_timeml_string(day_first, "d1", flaws=FlawLog()).dct == date(2009, 2, 3)


def test_a_dct_with_only_one_possible_reading_is_repaired() -> None:
    flaws = FlawLog()
    document = parse_timeml_string(timeml_with_dct("25-02-2009"), "d1", flaws=flaws)
    assert document.dct == date(2009, 2, 25)
    assert "the only day it can be" in flaws.flaws[0].detail


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("03-02-2009", "could be 2009-02-03 or 2009-03-02; the text prints neither"),
        ("1998-02-30", "'1998-02-30' is not a calendar date"),
        ("soon", "'soon' is not a calendar date"),
    ],
)
def test_a_dct_that_cannot_be_checked_refuses_the_file_with_its_line(
    value: str, problem: str
) -> None:
    with pytest.raises(TimemlError, match=problem) as refused:
        parse_timeml_string(timeml_with_dct(value), "d1", origin="d1.tml", flaws=FlawLog())
    assert (refused.value.file, refused.value.line) == ("d1.tml", 4)
    assert str(refused.value).startswith("d1.tml:4: DCT value")


def test_without_a_log_a_repair_is_refused() -> None:
    with pytest.raises(FlawError, match="not YYYY-MM-DD"):
        parse_timeml_string(timeml_with_dct("25-02-2009"), "d1")


def test_elements_nested_too_deep_refuse_the_file() -> None:
    depth = 5000  # walking it would exhaust Python's recursion limit
    source = f"<TimeML><TEXT>{'<s>' * depth}x{'</s>' * depth}</TEXT></TimeML>"
    with pytest.raises(TimemlError, match="nested more than 100 deep"):
        parse_timeml_string(source, "deep", origin="deep.tml")


def test_an_entity_bomb_refuses_the_file_with_its_line() -> None:
    entities = ['<!ENTITY e0 "lol">'] + [
        f'<!ENTITY e{n} "{f"&e{n - 1};" * 10}">' for n in range(1, 10)
    ]
    source = f"<!DOCTYPE TimeML [\n{chr(10).join(entities)}\n]>\n<TimeML><TEXT>&e9;</TEXT></TimeML>"
    with pytest.raises(FlawError, match="amplification") as refused:
        parse_timeml_string(source, "bomb", origin="bomb.tml")
    assert refused.value.line == 13  # where the entity is used
