"""The Markdown export: month headings, one bullet an event, evidence as footnotes."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date

import pytest
from factories import make_event, make_mention
from markdown_it import MarkdownIt

from timeline_cli.core.models import (
    Chronology,
    ChronologyEvent,
    DateConflict,
    Document,
    Mention,
    Publication,
)
from timeline_cli.output.export import chronology_record
from timeline_cli.output.markdown import code_span, escape_markdown, to_markdown

SENTENCE = "On Friday, Kim met Clinton in Washington."


def chronology_event(
    value: str | None,
    precision: str,
    event_type: str = "meeting",
    summary: str = "Kim met Clinton",
    sentence: str = SENTENCE,
    document: str = "a",
    conflicts: tuple[DateConflict, ...] = (),
) -> ChronologyEvent:
    mention = make_mention(document, sentence, date_text="Friday", date_rule="weekday")
    return make_event(
        value, precision, type=event_type, summary=summary,
        actors=("Kim Sung-hwan", "Hillary Clinton"), places=("Washington",), mentions=[mention],
        conflicts=conflicts,
    )  # fmt: skip


DOCUMENTS = (
    Document(
        "a", "a.txt", "", "", (), "Kim *meets* Clinton",
        Publication(date(2012, 3, 9), "header"), "https://example.org/a?x=1&y=2", "Example Times",
    ),
    Document("b", "b.txt", "", "", (), None, Publication(), None),
)  # fmt: skip


def render(markdown: str) -> str:
    return MarkdownIt("commonmark").render(markdown)


def test_seeds_as_a_dated_list_with_footnoted_sources(seeds_chronology: Chronology) -> None:
    text = to_markdown(seeds_chronology)
    lines = text.splitlines()
    assert lines[0] == "# Chronology"
    headings = [line[3:] for line in lines if line.startswith("## ")]
    assert headings[:2] == ["February 2012", "March 2012"]
    assert headings[-1] == "May 2024"
    bullets = [line for line in lines if line.startswith("- ")]
    assert len(bullets) == len(seeds_chronology.events)
    assert "- **9 Mar 2012** — meeting: Finance Minister Kim Sung-hwan meeting" in text
    assert "- **7 Mar 2012** (as reported) — statement: " in text
    # every reference has its footnote, every footnote is referenced, numbered in order
    references = {int(n) for n in re.findall(r"\[\^(\d+)\](?!:)", text)}
    footnotes = [int(n) for n in re.findall(r"^\[\^(\d+)\]: ", text, re.MULTILINE)]
    assert footnotes == list(range(1, len(footnotes) + 1)) and references == set(footnotes)
    for event in seeds_chronology.events:
        for mention in event.mentions:
            assert f"“{escape_markdown(mention.sentence)}” — " in text
    assert "[^1]: “Clinton said Glyn Davies" in text
    assert (
        "— *Cho Tae-yeol Criticizes Forced Repatriation of Defectors: "
        '"Please Send Them Where They Want"*, `003_1313ecc6bbfa66b3`, 14 May 2024, '
        "The Asia Business Daily, <https://cm.asiae.co.kr/en/article/2024051400055408640>"
    ) in text


def test_seeds_markdown_is_deterministic_and_the_same_from_the_record(
    seeds_chronology: Chronology,
) -> None:
    text = to_markdown(seeds_chronology)
    assert text == to_markdown(seeds_chronology)
    assert text == to_markdown(json.loads(json.dumps(chronology_record(seeds_chronology))))


def test_seeds_markdown_renders_without_stray_markup(seeds_chronology: Chronology) -> None:
    html = render(to_markdown(seeds_chronology))
    tags = set(re.findall(r"<(\w+)", html))
    assert tags <= {"h1", "h2", "p", "ul", "li", "strong", "em", "code", "a"}


def test_bullet_with_date_type_summary_actors_and_places() -> None:
    text = to_markdown(Chronology(DOCUMENTS, (chronology_event("2012-03-09", "day"),)))
    assert text == (
        "# Chronology\n\n1 event from 2 articles.\n\n## March 2012\n\n"
        "- **9 Mar 2012** — meeting: Kim met Clinton "
        "(Kim Sung-hwan, Hillary Clinton; in Washington)[^1]\n\n"
        "[^1]: “On Friday, Kim met Clinton in Washington.” — *Kim \\*meets\\* Clinton*, `a`, "
        "9 Mar 2012, Example Times, <https://example.org/a?x=1&y=2>\n"
    )


@pytest.mark.parametrize(
    ("value", "precision", "heading", "label"),
    [
        ("2012-03-09", "publication", "March 2012", "**9 Mar 2012** (as reported)"),
        ("2012-03", "month", "March 2012", "**Mar 2012**"),
        ("2012-W10", "week", "March 2012", "**week of 5 Mar 2012**"),
        ("2012", "year", "2012, month unknown", "**2012**"),
        ("2012-Q1", "quarter", "Q1 2012", "**Q1 2012**"),
        ("199", "decade", "1990s", "**1990s**"),
        (None, "unresolved", "Undated", "**undated**"),
    ],
)
def test_dates_at_their_precision(
    value: str | None, precision: str, heading: str, label: str
) -> None:
    text = to_markdown(Chronology(DOCUMENTS, (chronology_event(value, precision),)))
    assert f"\n## {heading}\n\n- {label} — meeting: " in text


def test_events_are_grouped_by_month_in_order() -> None:
    events = (
        chronology_event("2012-02", "month", summary="first"),
        chronology_event("2012-03-05", "day", summary="second"),
        chronology_event("2012-03-09", "day", summary="third"),
        chronology_event(None, "unknown", summary="fourth"),
    )
    text = to_markdown(Chronology(DOCUMENTS, events))
    outline = [
        line.split(" — ")[0] if line.startswith("- ") else line
        for line in text.splitlines()
        if line.startswith(("## ", "- "))
    ]
    assert outline == [
        "## February 2012",
        "- **Feb 2012**",
        "## March 2012",
        "- **5 Mar 2012**",
        "- **9 Mar 2012**",
        "## Undated",
        "- **undated**",
    ]
    assert text.count("[^1]:") == 1  # the same sentence is one footnote
    assert re.findall(r"\[\^\d+\]", text).count("[^1]") == 5


def test_conflicts_and_source_counts_are_shown() -> None:
    event = chronology_event(
        "2012-03-09", "day", conflicts=(DateConflict("2012-03-08", ("b", "c")),)
    )
    second = Mention("b", "Kim met Clinton on Thursday.", 0, 28, "met", "Thursday", "weekday")
    event = replace(event, mentions=(*event.mentions, second))
    text = to_markdown(Chronology(DOCUMENTS, (event,)))
    assert "(Kim Sung-hwan, Hillary Clinton; in Washington) — 2 sources[^1][^2]\n" in text
    assert "\n  - ⚠ date disputed: **8 Mar 2012** according to b, c\n" in text
    assert "[^2]: “Kim met Clinton on Thursday.” — `b`\n" in text


def test_markdown_special_characters_are_escaped() -> None:
    hostile = "Kim *met* _Clinton_ <script>alert(1)</script> [link](http://x) `code` &amp; ~~no~~"
    event = chronology_event(
        "2012-03-09", "day", summary=hostile, sentence="A | B\n# not a heading <b>x</b>"
    )
    text = to_markdown(Chronology(DOCUMENTS, (event,)))
    html = render(text)
    assert "<script>" not in html and "<em>met</em>" not in html and "<code>code" not in html
    assert "<b>" not in html and 'href="http://x"' not in html
    assert (
        "Kim *met* _Clinton_ &lt;script&gt;alert(1)&lt;/script&gt; [link](http://x) `code` "
        "&amp;amp; ~~no~~"
    ) in html
    assert "“A | B # not a heading &lt;b&gt;x&lt;/b&gt;”" in html  # one line, no heading
    assert escape_markdown("U.S. plan, 30% of 1,000") == "U.S. plan, 30% of 1,000"


@pytest.mark.parametrize(
    "text", ["report", "a`b", "``x``", "`edge", "two\n\nlines <b>bold</b>", "esc\x1b[2J"]
)
def test_code_spans_show_any_id_as_written_on_one_line(text: str) -> None:
    span = code_span(text)
    assert "\n" not in span and "\x1b" not in span
    html = MarkdownIt("commonmark").render(span)
    assert html.count("<code>") == 1 and "<b>" not in html
    shown = html.split("<code>", 1)[1].split("</code>", 1)[0]
    assert shown == " ".join(text.split()).replace("\x1b", "\\x1b").replace("<", "&lt;").replace(
        ">", "&gt;"
    )
