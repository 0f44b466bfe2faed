"""Publication dates read from the article text, and dateline years inferred from evidence."""

from __future__ import annotations

from datetime import date

from timeline_cli.ingest.published import (
    Dateline,
    dateline_publication,
    find_header_date,
    read_dateline,
)


def test_header_timestamp() -> None:
    lines = ["‘China not immune to pressure’", "March 7, 2012 - 21:28 By Korea Herald"]
    assert find_header_date(lines) == date(2012, 3, 7)


def test_dates_in_long_prose_lines_are_not_timestamps() -> None:
    line = (
        "The 1951 convention, signed on July 28, 1951 in Geneva, defines who is a refugee by law."
    )
    assert find_header_date([line]) is None


def test_wire_dateline_without_year() -> None:
    paragraph = (
        "WASHINGTON, March 9 (Yonhap) — Secretary of State Hillary Clinton made clear Friday that"
    )
    dateline = read_dateline(paragraph)
    assert dateline == Dateline(month=3, day=9, year=None, lead_weekday=4)


def test_dateline_with_year() -> None:
    dateline = read_dateline("SEOUL, Oct. 5, 2023 (AP) - Officials said on Thursday that")
    assert dateline is not None and dateline.year == 2023


def test_year_from_weekday_and_other_articles() -> None:
    dateline = Dateline(3, 9, None, lead_weekday=4)  # March 9, a Friday
    publication = dateline_publication(dateline, [date(2012, 3, 7), date(2024, 5, 14)])
    assert publication.date == date(2012, 3, 9)
    assert (
        publication.note is not None and "Friday" in publication.note and "2012" in publication.note
    )


def test_weekday_rules_out_nearer_years() -> None:
    # 2013-03-09 was a Saturday: a lead naming Friday forbids it even though it is nearer.
    publication = dateline_publication(Dateline(3, 9, None, 4), [date(2013, 3, 1)])
    assert publication.date == date(2012, 3, 9)


def test_no_other_articles_leaves_the_year_unknown() -> None:
    publication = dateline_publication(Dateline(3, 9, None, 4), [])
    assert publication.date is None
    assert publication.note is not None and "Friday" in publication.note
