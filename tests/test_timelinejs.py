"""TimelineJS 3 data, checked against the field names and types of its documented JSON format."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser
from typing import Any

import pytest
from factories import make_event, make_mention

from timeline_cli.core.models import (
    ArticleRef,
    Chronology,
    ChronologyEvent,
    DateConflict,
    Document,
    Publication,
)
from timeline_cli.output.export import chronology_record
from timeline_cli.output.timelinejs import timelinejs_record, to_timelinejs, to_timelinejs_sheet

# From https://timeline.knightlab.com/docs/json-format.html (TimelineJS3 website/docs/
# json-format.njk): the properties of each object, which are required, and their types.
TOP_LEVEL = {"events": list, "title": dict, "eras": list, "scale": str}
SLIDE = {
    "start_date": dict,  # required, except for the title slide
    "end_date": dict,
    "text": dict,
    "media": dict,
    "group": str,
    "display_date": str,
    "background": dict,
    "autolink": bool,
    "unique_id": str,
}
DATE = {
    "year": int,  # required
    "month": int,  # 1-12
    "day": int,
    "hour": int,  # 0-23
    "minute": int,  # 0-59
    "second": int,  # 0-59
    "millisecond": int,
    "display_date": str,
    "format": str,
}
TEXT = {"headline": str, "text": str}
MEDIA = {"url": str, "caption": str, "credit": str, "thumbnail": str, "alt": str, "title": str}
RANGES = {"month": (1, 12), "hour": (0, 23), "minute": (0, 59), "second": (0, 59)}


def check_fields(value: Any, fields: dict[str, type], where: str) -> None:
    assert isinstance(value, dict), f"{where}: not an object"
    for name, item in value.items():
        assert name in fields, f"{where}: unknown property {name!r}"
        assert isinstance(item, fields[name]) and not (
            fields[name] is int and isinstance(item, bool)
        ), f"{where}.{name}: {item!r} is not {fields[name].__name__}"


def check_date(value: Any, where: str) -> date:
    """A valid date object; the first day it can mean, to compare start and end."""
    check_fields(value, DATE, where)
    assert "year" in value, f"{where}: no year"
    for name, (low, high) in RANGES.items():
        if name in value:
            assert low <= value[name] <= high, f"{where}.{name} out of range"
    if "day" in value:
        assert "month" in value, f"{where}: a day without a month"
    return date(value["year"], value.get("month", 1), value.get("day", 1))  # a real day


def check_slide(slide: Any, where: str, title: bool = False) -> None:
    check_fields(slide, SLIDE, where)
    if not title:
        assert "start_date" in slide, f"{where}: no start_date"
    start = None
    if "start_date" in slide:
        start = check_date(slide["start_date"], f"{where}.start_date")
    if "end_date" in slide:
        end = check_date(slide["end_date"], f"{where}.end_date")
        assert start is not None and start <= end, f"{where}: ends before it starts"
    if "text" in slide:
        check_fields(slide["text"], TEXT, f"{where}.text")
    if "media" in slide:
        check_fields(slide["media"], MEDIA, f"{where}.media")
        assert "url" in slide["media"], f"{where}.media: no url"


def validate(data: Any) -> None:
    """Raise AssertionError unless data is TimelineJS 3 JSON as its documentation describes."""
    check_fields(data, TOP_LEVEL, "timeline")
    assert "events" in data, "timeline: no events"
    if "title" in data:
        check_slide(data["title"], "title", title=True)
    for index, slide in enumerate(data["events"]):
        check_slide(slide, f"events[{index}]")
    ids = [slide["unique_id"] for slide in data["events"] if "unique_id" in slide]
    assert len(ids) == len(set(ids)), "unique_id values repeat"
    if "scale" in data:
        assert data["scale"] in ("human", "cosmological")


class Markup(HTMLParser):
    """Element names in an HTML fragment, and whether they all close."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open.pop() == tag


def markup(fragment: str) -> list[str]:
    parser = Markup()
    parser.feed(fragment)
    parser.close()
    assert parser.open == []
    return parser.tags


def chronology_event(
    value: str | None,
    precision: str,
    event_id: str = "ev-1",
    summary: str = "Kim met Clinton",
    conflicts: tuple[DateConflict, ...] = (),
) -> ChronologyEvent:
    mention = make_mention(
        "a", "On Friday, Kim met Clinton.", date_text="Friday", date_rule="weekday",
        trigger_start=15,
    )  # fmt: skip
    return make_event(
        value, precision, id=event_id, summary=summary,
        actors=("Kim Sung-hwan", "Hillary Clinton", "Ban Ki-moon"), places=("Washington",),
        mentions=[mention], conflicts=conflicts,
    )  # fmt: skip


DOCUMENT = Document(
    "a", "a.txt", "", "", (), "Kim <i>meets</i> Clinton",
    Publication(date(2012, 3, 9), "header"), "https://example.org/a?x=1&y=2", "Example Times",
)  # fmt: skip


def one(event: ChronologyEvent) -> dict[str, Any]:
    data = timelinejs_record(Chronology((DOCUMENT,), (event,)))
    validate(data)
    assert len(data["events"]) == 1
    return data["events"][0]


def test_seeds_make_a_valid_timeline_with_a_slide_per_dated_event(
    seeds_chronology: Chronology,
) -> None:
    text = to_timelinejs(seeds_chronology)
    data = json.loads(text)
    validate(data)
    dated = [event for event in seeds_chronology.events if event.start is not None]
    assert [slide["unique_id"] for slide in data["events"]] == [event.id for event in dated]
    assert [slide["group"] for slide in data["events"]] == [event.type for event in dated]
    for slide in data["events"]:
        markup(slide["text"]["headline"])
        assert set(markup(slide["text"]["text"])) <= {"p", "strong", "ul", "li", "q", "a"}
    assert data["title"]["text"]["headline"] == "Chronology"
    assert f"{len(dated)} events from 3 articles" in data["title"]["text"]["text"]


def test_seeds_timeline_is_deterministic_and_the_same_from_the_record(
    seeds_chronology: Chronology,
) -> None:
    text = to_timelinejs(seeds_chronology)
    assert text == to_timelinejs(seeds_chronology)
    assert text == to_timelinejs(json.loads(json.dumps(chronology_record(seeds_chronology))))
    assert text.endswith("}\n")


@pytest.mark.parametrize(
    ("value", "precision", "start", "end", "display"),
    [
        ("2012-03-09", "day", {"year": 2012, "month": 3, "day": 9}, None, "9 Mar 2012"),
        (
            "2012-03-09", "publication", {"year": 2012, "month": 3, "day": 9}, None,
            "9 Mar 2012 (as reported)",
        ),
        (
            "2012-03-09T21:28", "time",
            {"year": 2012, "month": 3, "day": 9, "hour": 21, "minute": 28}, None,
            "9 Mar 2012, 21:28",
        ),
        ("2012-03", "month", {"year": 2012, "month": 3}, None, "Mar 2012"),
        ("2012", "year", {"year": 2012}, None, "2012"),
        (
            "2012-W10", "week", {"year": 2012, "month": 3, "day": 5},
            {"year": 2012, "month": 3, "day": 11}, "week of 5 Mar 2012",
        ),
        ("2012-Q1", "quarter", {"year": 2012, "month": 1}, {"year": 2012, "month": 3}, "Q1 2012"),
        (
            "2012-WI", "season", {"year": 2012, "month": 12}, {"year": 2013, "month": 2},
            "Winter 2012",
        ),
        ("199", "decade", {"year": 1990}, {"year": 1999}, "1990s"),
    ],
)  # fmt: skip
def test_dates_at_the_event_precision(
    value: str, precision: str, start: dict[str, int], end: dict[str, int] | None, display: str
) -> None:
    slide = one(chronology_event(value, precision))
    if end is None:
        assert slide["start_date"] == {**start, "display_date": display}
        assert "end_date" not in slide and "display_date" not in slide
    else:
        assert slide["start_date"] == start and slide["end_date"] == end
        assert slide["display_date"] == display


def test_undated_events_are_left_out_and_counted_on_the_title_slide() -> None:
    events = (
        chronology_event("2012-03-09", "day", "ev-1"),
        chronology_event(None, "unresolved", "ev-2"),
        chronology_event(None, "unknown", "ev-3"),
    )
    data = timelinejs_record(Chronology((DOCUMENT,), events), title="Talks")
    validate(data)
    assert [slide["unique_id"] for slide in data["events"]] == ["ev-1"]
    assert data["title"]["text"]["headline"] == "Talks"
    assert "1 event from 1 article" in data["title"]["text"]["text"]
    assert "2 undated events are not shown" in data["title"]["text"]["text"]


def test_headline_text_group_and_id() -> None:
    slide = one(chronology_event("2012-03-09", "day", "ev-3e79202c0f"))
    assert slide["group"] == "meeting" and slide["unique_id"] == "ev-3e79202c0f"
    assert slide["text"]["headline"] == "Meeting: Kim Sung-hwan, Hillary Clinton, +1"
    text = slide["text"]["text"]
    assert "<p>Kim met Clinton</p>" in text
    assert "<strong>Actors:</strong> Kim Sung-hwan, Hillary Clinton, Ban Ki-moon" in text
    assert "<strong>Places:</strong> Washington" in text
    assert "<strong>1 source:</strong>" in text
    assert (
        '<a href="https://example.org/a?x=1&amp;y=2" rel="noreferrer">'
        "Kim &lt;i&gt;meets&lt;/i&gt; Clinton</a> (a, Example Times, 9 Mar 2012)"
    ) in text
    assert slide["autolink"] is False


def test_text_is_escaped() -> None:
    hostile = "Kim met <script>alert('x')</script> & </p><img src=x onerror=alert(1)>"
    event = replace(
        chronology_event("2012-03-09", "day", summary=hostile),
        actors=("<b>Kim</b>",),
        type="meeting",
    )
    slide = one(event)
    for field in (slide["text"]["headline"], slide["text"]["text"]):
        tags = markup(field)
        assert "script" not in tags and "img" not in tags and "b" not in tags
    text = slide["text"]["text"]
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &lt;/p&gt;" in text
    assert slide["text"]["headline"] == "Meeting: &lt;b&gt;Kim&lt;/b&gt;"


def test_conflicts_are_flagged() -> None:
    conflicts = (DateConflict("2012-03-08", ("a",)),)
    slide = one(chronology_event("2012-03-09", "day", conflicts=conflicts))
    text = slide["text"]["text"]
    assert "<strong>⚠ Date disputed:</strong> 8 Mar 2012 (2012-03-08) according to " in text


def test_repeated_ids_stay_unique() -> None:
    events = (chronology_event("2012-03-09", "day"), chronology_event("2012-03-10", "day"))
    data = timelinejs_record(Chronology((DOCUMENT,), events))
    validate(data)
    assert [slide["unique_id"] for slide in data["events"]] == ["ev-1", "ev-1-2"]


def test_the_validator_rejects_what_the_documentation_does_not_allow() -> None:
    good = {"events": [{"start_date": {"year": 2012}}]}
    validate(good)
    bad = [
        {},
        {"events": [{"text": {"headline": "no date"}}]},
        {"events": [{"start_date": {"year": "2012"}}]},
        {"events": [{"start_date": {"year": 2012, "month": 13}}]},
        {"events": [{"start_date": {"year": 2012, "day": 3}}]},
        {"events": [{"start_date": {"year": 2012, "month": 2, "day": 30}}]},
        {"events": [{"start_date": {"year": 2012}, "end_date": {"year": 2011}}]},
        {"events": [{"start_date": {"year": 2012}, "headline": "misplaced"}]},
        {"events": [{"start_date": {"year": 2012}, "text": {"body": "x"}}]},
        {"events": [{"start_date": {"year": 2012}, "unique_id": 1}]},
        {"events": [{"start_date": {"year": 2012}, "unique_id": "a"}] * 2},
    ]
    for data in bad:
        with pytest.raises((AssertionError, ValueError)):
            validate(data)


def test_the_slide_headline_is_the_event_headline_and_outlets_are_named() -> None:
    event = replace(
        chronology_event("2012-03-09", "day"),
        headline="Kim Sung-hwan meets <Hillary> Clinton",
        articles=(ArticleRef("a", outlet="Yonhap"),),
    )
    slide = one(event)
    assert slide["text"]["headline"] == "Kim Sung-hwan meets &lt;Hillary&gt; Clinton"
    assert "<strong>1 source (Yonhap):</strong>" in slide["text"]["text"]
    # a chronology saved before headlines: the type and actors, as before
    assert one(chronology_event("2012-03-09", "day"))["text"]["headline"].startswith("Meeting: ")


# -- the Google Sheets template ----------------------------------------------------------------

# The header of Knight Lab's TimelineJS Google Sheets template, as the template and the
# TimelineJS3 sources (src/js/core/ConfigFactory.js, the sample women_in_computing.csv) have it.
TEMPLATE_HEADER = (
    "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,"
    "Media Credit,Media Caption,Media Thumbnail,Type,Group,Background"
)


def sheet_rows(*events: ChronologyEvent) -> list[dict[str, str]]:
    text = to_timelinejs_sheet(Chronology((DOCUMENT,), events), title="Talks")
    assert text.split("\n", 1)[0] == TEMPLATE_HEADER  # exactly, and no byte order mark
    return list(csv.DictReader(io.StringIO(text)))


def test_the_sheet_has_the_template_header_a_title_row_and_a_row_per_dated_event() -> None:
    title, *rows = sheet_rows(
        chronology_event("2012-03-09T21:28", "time", "ev-1"),
        chronology_event(None, "unresolved", "ev-2"),
    )
    assert (title["Type"], title["Headline"], title["Year"]) == ("title", "Talks", "")
    assert "1 undated event is not shown" in title["Text"]
    (row,) = rows
    assert [row[k] for k in ("Year", "Month", "Day", "Time")] == ["2012", "3", "9", "21:28"]
    assert row["End Year"] == "" and row["Display Date"] == "9 Mar 2012, 21:28"
    assert row["Group"] == "meeting" and row["Type"] == ""
    assert row["Headline"] == "Meeting: Kim Sung-hwan, Hillary Clinton, +1"
    assert "<q>On Friday, Kim met Clinton.</q>" in row["Text"]


def test_spans_fill_the_end_columns_and_coarse_dates_leave_days_empty() -> None:
    _, quarter, month = sheet_rows(
        chronology_event("2012-Q1", "quarter", "ev-1"), chronology_event("2012-05", "month", "ev-2")
    )
    assert [quarter[k] for k in ("Year", "Month", "Day", "End Year", "End Month")] == [
        "2012", "1", "", "2012", "3",
    ]  # fmt: skip
    assert quarter["Display Date"] == "Q1 2012"
    assert [month[k] for k in ("Year", "Month", "Day", "End Year")] == ["2012", "5", "", ""]


def test_sheet_cells_that_start_like_formulas_are_quoted() -> None:
    _, row = sheet_rows(chronology_event("2012-03-09", "day", summary="=HYPERLINK(1)"))
    assert row["Text"].startswith("<p>=HYPERLINK(1)")  # HTML text: no formula
    _, row = sheet_rows(replace(chronology_event("2012-03-09", "day"), type="=cmd"))
    assert row["Group"] == "'=cmd"
