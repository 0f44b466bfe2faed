"""Entity timelines as eval-timeline builds them, on small articles of our own in CAT form."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from factories import make_event, make_mention
from spacy.language import Language

from timeline_cli.core.models import ChronologyEvent
from timeline_cli.evaluation.semeval import CatDocument, MentionId, read_cat
from timeline_cli.evaluation.timeline import (
    Corpus,
    entity_timeline,
    in_past_tense,
    read_corpus,
    task_date,
    timeline_entries,
)

WEDNESDAY = date(2012, 3, 7)
TARGETS = ("Quill tablet", "Lena Varga")


def cat_article(folder: Path, doc_id: str, *sentences: str) -> CatDocument:
    """A CAT article of these sentences (the first is the title), tokens split on spaces."""
    lines = []
    for number, sentence in enumerate(sentences):
        for word in sentence.split():
            n = len(lines)
            lines.append(f'<token t_id="{n + 1}" sentence="{number}" number="{n}">{word}</token>')
    path = folder / f"{doc_id}-article.xml"
    root = f'<Document doc_id="{doc_id}" doc_name="{doc_id}-article">'
    path.write_text("\n".join([root, *lines, "</Document>"]), encoding="utf-8")
    return read_cat(path)


@pytest.fixture(scope="module")
def corpus(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    del nlp  # loaded once for the session; read_corpus finds it in the cache
    folder = tmp_path_factory.mktemp("cat")
    article = cat_article(
        folder,
        "7",
        "Orchard recalls Quill tablet",
        "March 7 , 2012",
        "Orchard Labs recalled the Quill tablet on Monday .",
        "Lena Varga also praised the tablet 's screen .",
        "The Quill tablet has a bright screen .",
        "Orchard unveiled the Quill tablet in 2010 .",
        "Lena Varga showed off the tablet .",
        "Lena Varga made an appearance at the fair on Tuesday .",
        "The Quill tablet has a new screen .",
    )
    return read_corpus([(article, WEDNESDAY)], None)


def lines(corpus: Corpus, entity: str) -> list[str]:
    timeline = entity_timeline(entity, corpus, TARGETS)
    return [entry.line() for entry in timeline.entries]


def test_an_entity_s_timeline_holds_the_events_it_is_an_argument_of(corpus: Corpus) -> None:
    tablet = lines(corpus, "Quill tablet")
    varga = lines(corpus, "Lena Varga")
    assert "2\t2012-03-05\t7-2-recalled" in tablet
    assert not any("praised" in line for line in tablet)  # its screen is praised, by Varga
    assert "1\t2012-03-05\t7-3-praised" in varga
    assert not any("recalled" in line for line in varga)


def test_no_event_is_read_from_the_title(corpus: Corpus) -> None:
    assert not any("-0-" in line for line in lines(corpus, "Quill tablet"))


def test_a_phrasal_verb_is_written_with_its_particle(corpus: Corpus) -> None:
    assert any(line.endswith("7-6-showed_off") for line in lines(corpus, "Lena Varga"))


def test_a_support_verb_construction_is_written_as_its_noun(corpus: Corpus) -> None:
    """As TimeML annotates it: "made an appearance" is an appearance; what the tablet has is
    no event of its own."""
    assert "2\t2012-03-06\t7-7-appearance" in lines(corpus, "Lena Varga")
    assert any(line.endswith("7-8-has") for line in lines(corpus, "Quill tablet"))


def test_past_events_without_a_date_take_the_occasion_the_report_tells(corpus: Corpus) -> None:
    """Praised and showed off in the past tense: on Monday, the day of the recall told before,
    not on Wednesday's report; a state in the present tense holds on the day of the report;
    a year told on the way ("in 2010") is no occasion."""
    varga = lines(corpus, "Lena Varga")
    assert varga[:2] == ["1\t2012-03-05\t7-3-praised", "1\t2012-03-05\t7-6-showed_off"]
    assert "3\t2012-03-07\t7-4-has" in lines(corpus, "Quill tablet")


def test_an_older_day_is_no_occasion_for_what_follows(tmp_path: Path) -> None:
    article = cat_article(
        tmp_path,
        "8",
        "Orchard profile",
        "Orchard Labs recalled the Quill tablet on February 1 , 2012 .",
        "Lena Varga praised the tablet 's screen .",
    )
    corpus = read_corpus([(article, WEDNESDAY)], None)
    assert lines(corpus, "Lena Varga") == ["1\t2012-03-07\t8-2-praised"]


@pytest.mark.parametrize(
    ("text", "word", "past"),
    [
        ("Lena Varga praised the tablet.", "praised", True),
        ("The tablet was praised by critics.", "praised", True),
        ("The tablet has a bright screen.", "has", False),
        ("The tablet has been praised by critics.", "praised", False),  # present perfect
        ("While introducing the tablet, Lena Varga smiled.", "introducing", True),
        ("While introducing the tablet, Lena Varga smiles.", "introducing", False),
        ("Lena Varga started by hinting at a surprise.", "hinting", True),
        ("Lena Varga will unveil the tablet.", "unveil", False),
    ],
)
def test_a_participle_takes_the_tense_of_the_verb_it_hangs_on(
    nlp: Language, text: str, word: str, past: bool
) -> None:
    doc = nlp(text)
    (token,) = [token for token in doc if token.text == word]
    assert in_past_tense(token) is past


def event(event_id: str, value: str | None, precision: str, start: date | None = None,
          end: date | None = None) -> ChronologyEvent:  # fmt: skip
    mention = make_mention("1", "A sentence.", trigger="word")
    return make_event(
        value, precision, id=event_id, start=start, end=end, type="other", summary="",
        mentions=[mention],
    )  # fmt: skip


@pytest.mark.parametrize(
    ("value", "precision", "start", "end", "written"),
    [
        ("2010-06-07", "day", date(2010, 6, 7), date(2010, 6, 7), "2010-06-07"),
        ("2010-06-08", "publication", date(2010, 6, 8), date(2010, 6, 8), "2010-06-08"),
        ("2006-03", "month", date(2006, 3, 1), date(2006, 3, 31), "2006-03"),
        ("1976", "year", date(1976, 1, 1), date(1976, 12, 31), "1976"),
        ("2006-W13", "week", date(2006, 3, 27), date(2006, 4, 2), "2006-03"),
        ("2006-Q2", "quarter", date(2006, 4, 1), date(2006, 6, 30), "2006"),
        (None, "unknown", None, None, "XXXX-XX-XX"),
    ],
)
def test_dates_are_written_as_timeml_values_cut_to_their_precision(
    value: str | None, precision: str, start: date | None, end: date | None, written: str
) -> None:
    assert task_date(event("e", value, precision, start, end)) == written


def test_equal_dates_share_a_position_and_undated_events_take_none() -> None:
    involved = {
        MentionId("1", 3, "said"): event("a", "2010-06-07", "day", date(2010, 6, 7)),
        MentionId("1", 2, "unveiled"): event("b", "2010-06-07", "day", date(2010, 6, 7)),
        MentionId("1", 4, "founded"): event("c", "2010", "year", date(2010, 1, 1)),
        MentionId("1", 5, "hoped"): event("d", None, "unknown"),
    }
    written = [entry.line() for entry in timeline_entries(involved)]
    assert written == [
        "0\tXXXX-XX-XX\t1-5-hoped",
        "1\t2010\t1-4-founded",  # the year starts first
        "2\t2010-06-07\t1-2-unveiled",
        "2\t2010-06-07\t1-3-said",
    ]
