"""Events read from short real sentences with the real spaCy pipeline."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from timeline_cli.events import extract_events
from timeline_cli.mentions import find_timexes
from timeline_cli.models import Document, Event, Publication, Segment


def events_of(nlp: Language, text: str, published: date | None = date(2024, 5, 14)) -> list[Event]:
    document = Document(
        id="article",
        path="article.txt",
        text=text,
        body=text,
        segments=(Segment(0, 0, len(text)),),
        publication=Publication(published, "option" if published else None),
    )
    doc = nlp(text)
    return extract_events(doc, document, find_timexes(doc, published))


def only(events: list[Event], event_type: str) -> Event:
    matching = [event for event in events if event.type == event_type]
    assert len(matching) == 1, matching
    return matching[0]


def test_meeting_with_date_actors_and_place(nlp: Language) -> None:
    text = (
        "On the 13th (local time), Minister Cho Tae-yul held talks with Wang Yi "
        "at the Diaoyutai State Guesthouse in Beijing, China."
    )
    meeting = only(events_of(nlp, text), "talks")
    assert meeting.date is not None and meeting.date.value == "2024-05-13"
    assert meeting.precision == "day"
    assert meeting.actors[:2] == ("Cho Tae-yul", "Wang Yi")
    assert "Beijing" in meeting.places
    assert meeting.mention.date_text == "the 13th"
    assert text[meeting.mention.start : meeting.mention.end] == meeting.mention.sentence


def test_statement_by_organisation_with_acronym(nlp: Language) -> None:
    text = (
        "The international human rights organization Human Rights Watch (HRW) also confirmed "
        "on the 8th that the Chinese government recently repatriated about 60 defectors."
    )
    statement = only(events_of(nlp, text), "statement")
    assert statement.actors[0] == "Human Rights Watch"
    assert statement.date is not None and statement.date.value == "2024-05-08"


def test_repatriation_month_precision(nlp: Language) -> None:
    text = (
        "Earlier, China forcibly repatriated about 500 North Korean defectors immediately "
        "after the closing of the Hangzhou Asian Games in October last year."
    )
    repatriation = only(events_of(nlp, text), "repatriation")
    assert repatriation.date is not None and repatriation.date.value == "2023-10"
    assert repatriation.precision == "month"
    assert repatriation.actors[0] == "China"


def test_sentence_without_date_gets_publication_precision(nlp: Language) -> None:
    statement = only(
        events_of(nlp, "Clinton said Washington has engagement with China."), "statement"
    )
    assert statement.precision == "publication"
    assert statement.date is not None and statement.date.value == "2024-05-14"


def test_statement_is_dated_by_its_when_clause(nlp: Language) -> None:
    text = (
        "Clinton said Glyn Davies raised our concerns with senior Chinese officials "
        "when he visited China last month."
    )
    events = events_of(nlp, text, date(2012, 3, 9))
    raised = [e for e in events if e.type == "statement" and e.actors[0] == "Glyn Davies"]
    assert raised and raised[0].date is not None and raised[0].date.value == "2012-02"
    visit = only(events, "visit")
    assert visit.actors == ("Glyn Davies",) and visit.places == ("China",)


def test_negated_and_unreal_events_are_skipped(nlp: Language) -> None:
    assert not [
        e
        for e in events_of(nlp, "There has been no separate meeting between Kim and Ri.")
        if e.type in ("meeting", "talks")
    ]
    unreal = events_of(nlp, "Ri Yong-ho rejected an offer of talks by Lim Sung-nam.")
    assert not [e for e in unreal if e.type in ("meeting", "talks")]


def test_future_event_without_date_is_skipped(nlp: Language) -> None:
    events = events_of(
        nlp, "Kim Soo-kwon will meet with Chinese foreign ministry officials in Beijing."
    )
    assert not [e for e in events if e.type == "meeting"]


def test_topic_nouns_are_not_events(nlp: Language) -> None:
    text = "Cho Tae-yul pointed out the issue of forced repatriation of North Korean defectors."
    assert not [e for e in events_of(nlp, text) if e.type == "repatriation"]


def test_surname_links_to_full_name(nlp: Language) -> None:
    text = "Hillary Clinton arrived in Seoul. Clinton met Kim Sung-hwan on Friday."
    meeting = only(events_of(nlp, text, date(2012, 3, 9)), "meeting")
    assert meeting.actors[0] == "Hillary Clinton"


def test_unnamed_speakers_are_not_statements(nlp: Language) -> None:
    events = events_of(
        nlp, "“We urge every country to act according to international obligations,” she added."
    )
    assert not [e for e in events if e.actors == ()]


def test_undated_article_keeps_relative_dates_unresolved(nlp: Language) -> None:
    meeting = only(
        events_of(nlp, "Minister Cho Tae-yul held talks with Wang Yi on the 13th.", None), "talks"
    )
    assert meeting.precision == "unresolved"


def test_pronoun_subjects_are_written_as_names_in_the_summary(nlp: Language) -> None:
    text = "Clinton said Glyn Davies raised our concerns when he visited China last month."
    visit = only(events_of(nlp, text, date(2012, 3, 9)), "visit")
    assert visit.summary == "Glyn Davies visited China last month"


def test_persons_come_before_their_countries_among_actors(nlp: Language) -> None:
    text = "U.S. Secretary of State Hillary Clinton made clear Friday that she opposes it."
    statement = only(events_of(nlp, text, date(2012, 3, 9)), "statement")
    assert statement.actors[0] == "Hillary Clinton"
