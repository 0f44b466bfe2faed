"""Trust flags: a year inferred from a dateline, a date that is only the publication's."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from factories import make_event, make_mention

from timeline_cli.chronology.trust import FLAGS, date_notes, event_flags, flag_events
from timeline_cli.core.models import (
    Chronology,
    ChronologyEvent,
    DateConflict,
    Document,
    Mention,
    Publication,
)
from timeline_cli.output.record_reader import chronology_from_record
from timeline_cli.output.writers import serialize
from timeline_cli.pipeline.run import run

DATED = """Talks resume in Seoul

SEOUL, March 7, 2012 (AP) — Negotiators from the two Koreas met in Seoul on Tuesday to discuss \
family reunions, officials said.
"""
# A dateline without a year: 2012 is inferred from the weekday and the other article.
YEARLESS = """Ministers meet in Washington

WASHINGTON, March 9 (Yonhap) — Foreign Minister Kim Sung-hwan met Secretary of State Hillary \
Clinton in Washington on Friday to discuss North Korea.

The two ministers first met in Seoul on May 3, 2010, when Kim was still a vice minister in \
charge of trade talks with Europe.

Kim said the talks had been useful and that both sides would meet again soon.
"""


def mention(document: str, date_text: str | None) -> Mention:
    return make_mention(document, date_text=date_text, date_rule="weekday")


def event(*mentions: Mention, precision: str = "day", **fields: object) -> ChronologyEvent:
    return make_event("2012-03-09", precision, mentions=mentions, **fields)


@pytest.mark.parametrize(
    ("mentions", "conflicts", "expected"),
    [
        ([mention("b", "on Friday")], (), ("inferred-year",)),
        ([mention("b", "March 9")], (), ("inferred-year",)),
        ([mention("b", "March 9, 2012")], (), ()),  # the mention writes its year
        ([mention("b", "in March '12")], (), ()),
        ([mention("a", "on Friday")], (), ()),  # an article dated otherwise
        ([mention("b", "on Friday"), mention("a", "on Friday")], (), ()),  # vouched for
        # an article that gives another date vouches for nothing
        (
            [mention("b", "on Friday"), mention("a", "on Thursday")],
            (DateConflict("2012-03-08", ("a",)),),
            ("inferred-year",),
        ),
    ],
)
def test_an_inferred_year_is_flagged_unless_a_mention_vouches_for_it(
    mentions: list[Mention], conflicts: tuple[DateConflict, ...], expected: tuple[str, ...]
) -> None:
    assert event_flags(event(*mentions, conflicts=conflicts), {"b"}) == expected


def test_publication_dates_are_flagged_and_undated_events_have_no_inferred_year() -> None:
    reported = event(mention("b", None), precision="publication")
    assert event_flags(reported, {"b"}) == ("as-reported", "inferred-year")
    assert event_flags(reported, set()) == ("as-reported",)
    undated = event(mention("b", "on Friday"), precision="unresolved", start=None, end=None)
    assert event_flags(undated, {"b"}) == ()


def test_flags_come_from_the_documents_whose_year_was_inferred() -> None:
    inferred = Publication(date(2012, 3, 9), "dateline", "year inferred: the lead names Friday")
    documents = [
        Document("a", "a.txt", "", "", (), publication=Publication(date(2012, 3, 7), "dateline")),
        Document("b", "b.txt", "", "", (), publication=inferred),
    ]
    flagged = flag_events([event(mention("a", "Friday")), event(mention("b", "Friday"))], documents)
    assert [e.flags for e in flagged] == [(), ("inferred-year",)]


def test_date_notes_say_what_the_date_rests_on() -> None:
    flagged = event(mention("b", None), precision="publication", flags=FLAGS, planned=True)
    assert date_notes(flagged) == ["as reported", "year inferred", "planned"]
    # a chronology saved before flags existed still says "as reported"
    assert date_notes(event(mention("b", None), precision="publication")) == ["as reported"]


# --- end to end: every format ------------------------------------------------------------------


@pytest.fixture(scope="module")
def flagged(tmp_path_factory: pytest.TempPathFactory) -> Chronology:
    folder = tmp_path_factory.mktemp("trust")
    (folder / "a.txt").write_text(DATED, encoding="utf-8")
    (folder / "b.txt").write_text(YEARLESS, encoding="utf-8")
    return run(sorted(folder.glob("*.txt"))).chronology


def by_summary(chronology: Chronology, words: str) -> ChronologyEvent:
    return next(e for e in chronology.events if words in e.summary)


def test_events_of_an_article_with_an_inferred_year_are_flagged(flagged: Chronology) -> None:
    meeting = by_summary(flagged, "met Secretary of State")
    assert (meeting.date, meeting.flags) == ("2012-03-09", ("inferred-year",))
    said = by_summary(flagged, "talks had been useful")
    assert (said.precision, said.flags) == ("publication", ("as-reported", "inferred-year"))
    assert by_summary(flagged, "first met in Seoul").flags == ()  # "May 3, 2010"
    assert by_summary(flagged, "two Koreas met").flags == ()  # a dated dateline


def test_every_format_flags_the_events(flagged: Chronology) -> None:
    record = json.loads(serialize(flagged, "json"))
    meeting = next(e for e in record["events"] if "Secretary" in e["summary"])
    assert meeting["flags"] == ["inferred-year"]
    assert chronology_from_record(record).events == flagged.events  # read back as written
    text = serialize(flagged, "csv")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    row = next(r for r in rows if "Secretary" in r["summary"])
    assert row["flags"] == "inferred-year" and row["date"] == "9 Mar 2012 (year inferred)"
    assert "2012-03-09 (year inferred)" in row["published"]
    assert "year inferred" in serialize(flagged, "table")
    assert "**9 Mar 2012** (year inferred)" in serialize(flagged, "markdown")
    slides = json.loads(serialize(flagged, "timelinejs"))["events"]
    slide = next(s for s in slides if "Secretary" in s["text"]["text"])
    assert slide["start_date"]["display_date"] == "9 Mar 2012 (year inferred)"
    assert "Year inferred" in slide["text"]["text"] and "lead names Friday" in slide["text"]["text"]
    sheet = list(csv.DictReader(io.StringIO(serialize(flagged, "timelinejs-sheet"))))
    assert "9 Mar 2012 (as reported, year inferred)" in [r["Display Date"] for r in sheet]
    page = serialize(flagged, "html")
    assert 'data-flags="inferred-year">year inferred</span>' in page
    assert 'data-flags="as-reported inferred-year">as reported, year inferred</span>' in page


def test_show_keeps_the_flags(flagged: Chronology, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from timeline_cli.cli.app import app

    saved = tmp_path / "chronology.json"
    saved.write_text(serialize(flagged, "json"), encoding="utf-8")
    result = CliRunner().invoke(app, ["show", str(saved), "--format", "markdown"])
    assert result.exit_code == 0
    assert "(as reported, year inferred)" in result.stdout
