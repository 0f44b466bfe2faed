"""The registry of output formats (output/writers.py): one entry per format, and what the
CLI's tables of formats, extensions and binary formats derive from it."""

from __future__ import annotations

import pytest
from factories import make_event, make_mention

from timeline_cli.core.models import Chronology, ChronologyEvent
from timeline_cli.output.writers import (
    BINARY_FORMATS,
    FORMATS,
    REGISTRY,
    STREAMING_FORMATS,
    SUFFIX_FORMATS,
    format_named,
    serialize,
)

MENTION = make_mention("council", "The council met on 9 March 2012.")


def event(number: int) -> ChronologyEvent:
    return make_event(
        f"2012-03-0{number}",
        id=f"ev-{number}",
        summary=f"The council met ({number}).",
        actors=("the council",),
        mentions=[MENTION],
    )


CHRONOLOGY = Chronology(documents=(), events=(event(8), event(9)))


@pytest.mark.parametrize("name", FORMATS)
def test_every_format_writes_the_chronology(name: str) -> None:
    written = serialize(CHRONOLOGY, name)
    if name in BINARY_FORMATS:
        assert isinstance(written, bytes) and written
    else:
        assert isinstance(written, str)
        assert "The council met (9)." in written


def test_the_tables_of_the_cli_follow_the_registry() -> None:
    assert tuple(f.name for f in REGISTRY) == FORMATS
    assert len(set(FORMATS)) == len(FORMATS)
    assert BINARY_FORMATS == ("xlsx",)
    assert SUFFIX_FORMATS[".md"] == "markdown" and SUFFIX_FORMATS[".ndjson"] == "jsonl"
    assert SUFFIX_FORMATS[".htm"] == "html" and ".xlsx" in format_named("xlsx").suffixes
    # every extension stands for one format; TimelineJS has none of its own
    assert len(SUFFIX_FORMATS) == sum(len(f.suffixes) for f in REGISTRY)
    assert not format_named("timelinejs").suffixes


def test_a_streaming_format_written_event_by_event_is_the_whole_text() -> None:
    assert STREAMING_FORMATS == ("jsonl",)
    jsonl = format_named("jsonl")
    assert jsonl.line is not None
    lines = "".join(jsonl.line(e) for e in CHRONOLOGY.events)
    assert lines == serialize(CHRONOLOGY, "jsonl")
    assert not format_named("json").streams


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="not a format: yaml"):
        serialize(CHRONOLOGY, "yaml")
