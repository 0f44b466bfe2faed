"""Parsing in parts and batches bounded by characters gives what a whole parse gives."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from timeline_cli.core.models import Document, Publication, Segment
from timeline_cli.output.writers import serialize
from timeline_cli.pipeline.extraction import (
    RUN_ON_CHARS,
    Limits,
    document_batches,
    extract_all,
    split_text,
)
from timeline_cli.pipeline.run import Settings, run

SMALL = Limits(part_chars=120, batch_chars=300)


def test_parts_join_back_into_the_text_and_respect_the_limit() -> None:
    text = "First paragraph here.\n\nSecond one, a bit longer.\n\nThird.\n\nFourth and last."
    parts = split_text(text, 30)
    assert "".join(parts) == text
    assert all(len(part) <= 30 for part in parts)
    assert all(part.endswith("\n\n") for part in parts[:-1])  # cut at paragraph breaks


def test_a_paragraph_over_the_limit_is_cut_at_a_sentence_end_then_a_space() -> None:
    sentences = "One thing happened. Another thing happened. A third thing happened."
    parts = split_text(sentences, 30)
    assert "".join(parts) == sentences
    assert parts[0] == "One thing happened. "
    run_on = "word " * 100  # no full stop at all
    parts = split_text(run_on, 42)
    assert "".join(parts) == run_on
    assert all(len(part) <= 42 and part.endswith(" ") for part in parts)
    assert split_text("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]


def test_short_text_is_one_part() -> None:
    assert split_text("Short.", 100) == ["Short."]


def _document(body: str, published: Publication | None = None) -> Document:
    return Document(
        "story", "story.txt", body, body, (Segment(0, 0, len(body)),), None,
        published or Publication(),
    )  # fmt: skip


# Our own sentences: a full date early, relative dates later that resolve against it (an
# undated article's narrative context), and a surname that names a person introduced before.
STORY = "\n\n".join(
    [
        "Foreign Minister Anna Keller met Prime Minister Ravi Sen in Geneva on March 3, 2011.",
        "The two leaders discussed trade and the border for three hours.",
        "Two days later, Keller visited Bern, where she met President Jonas Weber.",
        "Sen said on Friday that the talks had gone well.",
        "Weber announced on the 14th that a treaty would be signed in Zurich.",
        "Keller met Weber again on March 20, 2011 in Lausanne.",
    ]
)


def test_an_article_parsed_in_parts_gives_the_events_of_a_whole_parse(nlp: Language) -> None:
    document = _document(STORY)
    assert len(split_text(STORY, SMALL.part_chars)) >= 4
    (whole,) = extract_all(nlp, [document], Limits(part_chars=100_000))
    (parts,) = extract_all(nlp, [document], SMALL)
    assert parts.events == whole.events
    assert parts.actors == whole.actors and parts.notices == whole.notices
    # what the parts have to get right: offsets into the article, evidence sentences, and
    # relative dates resolved against a date read in an earlier part
    visit = next(event for event in parts.events if event.type == "visit")
    assert visit.date is not None and visit.date.value == "2011-03-05"
    assert STORY[visit.mention.start : visit.mention.end] == visit.mention.sentence
    assert "Anna Keller" in visit.actors


def test_seeds_in_parts_and_small_batches_give_byte_identical_json(seeds: Path) -> None:
    paths = sorted(seeds.glob("*.txt"))
    whole = run(paths, Settings(limits=Limits(part_chars=1_000_000))).chronology
    parts = run(paths, Settings(limits=Limits(part_chars=400, batch_chars=900))).chronology
    assert serialize(parts, "json") == serialize(whole, "json")
    longest = max(len(document.body) for document in whole.documents)
    assert len(split_text(max((d.body for d in whole.documents), key=len), 400)) > 3
    assert longest > 1_200


@pytest.mark.parametrize("budget", [1, 50, 10_000])
def test_document_batches_keep_the_order_and_every_article(budget: int) -> None:
    documents = [_document(f"Text number {index}. " * (index + 1)) for index in range(12)]
    batches = document_batches(documents, budget)
    assert [d for batch in batches for d in batch] == documents
    assert all(len(batch) == 1 or sum(len(d.body) for d in batch) <= budget for batch in batches)


def test_a_text_without_spaces_is_cut_anyway_and_joined_whole(nlp: Language) -> None:
    body = (
        "Anna Keller met Ravi Sen in Geneva on March 3, 2011.\n\n"
        + "x" * 300
        + "\n\nKeller met Sen again in Bern on May 4, 2011."
    )
    (extraction,) = extract_all(nlp, [_document(body)], Limits(part_chars=100, batch_chars=150))
    dates = [event.date.value for event in extraction.events if event.date]
    assert dates == ["2011-03-03", "2011-05-04"]
    last = extraction.events[-1].mention
    assert body[last.start : last.end] == last.sentence


def test_run_on_text_is_cut_into_sentences_of_bounded_length() -> None:
    clause = "the minister met the envoy in Seoul on Monday and talks went on, "
    run_on = clause * 200  # 13,000 characters without a full stop
    parts = split_text(run_on, 100_000)
    assert "".join(parts) == run_on
    assert len(parts) > 1 and all(len(part) <= RUN_ON_CHARS for part in parts)
    assert all(part.endswith(", ") for part in parts[:-1])  # cut after a comma
    normal = "A sentence. " * 1000  # long, but made of sentences: left whole
    assert split_text(normal, 100_000) == [normal]


def test_a_run_on_article_gives_sentences_of_bounded_length(nlp: Language) -> None:
    clause = "Anna Keller met Ravi Sen in Geneva on March 3, 2011 and they talked, "
    body = clause * 100
    (extraction,) = extract_all(nlp, [_document(body)])
    assert extraction.events
    for event in extraction.events:
        mention = event.mention
        assert len(mention.sentence) <= RUN_ON_CHARS
        assert body[mention.start : mention.end] == mention.sentence


def test_articles_are_parsed_a_batch_at_a_time(nlp: Language) -> None:
    """The first article's events come before the last article is even read: no run holds
    every parse at once."""
    read: list[int] = []

    def documents() -> Iterator[Document]:
        for index in range(30):
            read.append(index)
            yield _document(f"Anna Keller met Ravi Sen in Geneva on March {index % 28 + 1}, 2011.")

    extractions = extract_all(nlp, documents(), Limits(batch_chars=200))
    first = next(extractions)
    assert first.events and len(read) < 10
    assert len(list(extractions)) == 29 and len(read) == 30


def test_the_days_an_article_names_each_once_and_which_date_its_events(nlp: Language) -> None:
    text = (
        "Protesters filled the square on January 25, 2011.\n\n"
        "Since the January 25 uprising, the square has been full.\n\n"
        "The minister resigned on Monday.\n\n"
        "Analysts expect calm by March 3, 2011, though nobody knows."
    )
    (extraction,) = extract_all(nlp, [_document(text, Publication(date(2011, 2, 2)))])
    days = {mention.day: mention.event for mention in extraction.days}
    assert list(days) == sorted(days)  # each day once, in calendar order
    assert days[date(2011, 1, 25)] is True  # named twice, once dating the protest
    assert days[date(2011, 1, 31)] is True  # "on Monday": the resignation's day
    assert days[date(2011, 3, 3)] is False  # named, but no event of the article is on it
