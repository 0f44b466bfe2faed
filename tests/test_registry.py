"""One name per actor across articles: romanization variants, acronyms, titles."""

from __future__ import annotations

from spacy.language import Language

from timeline_cli.events.actors import ActorIndex, title_before
from timeline_cli.events.registry import DocumentActors, Registry, variant_key


def test_korean_romanization_variants_share_a_key() -> None:
    assert variant_key("Cho Tae-yul") == variant_key("Cho Tae-yeol")
    assert variant_key("Kim Sung-hwan") == variant_key("Kim Seong-hwan")
    assert variant_key("Kim Sunghwan") == variant_key("Kim Sung-hwan")
    assert variant_key("Kim Sung-hwan") != variant_key("Kim Soo-kwon")
    assert variant_key("Lee Sung-hwan") != variant_key("Kim Sung-hwan")  # family names differ


def test_registry_picks_the_spelling_written_most_then_read_first() -> None:
    first = DocumentActors("a", {"Cho Tae-yul": 2, "Wang Yi": 1}, {"Cho Tae-yul": "PERSON"})
    second = DocumentActors("b", {"Cho Tae-yeol": 2}, {"Cho Tae-yeol": "PERSON"})
    registry = Registry([second, first])  # the order documents come in changes nothing
    assert registry.canonical("Cho Tae-yeol") == "Cho Tae-yul"
    (cho,) = [actor for actor in registry.actors if actor.name == "Cho Tae-yul"]
    assert cho.aliases == ("Cho Tae-yeol",)


def test_acronym_defined_in_one_article_names_the_organisation_in_all() -> None:
    defining = DocumentActors(
        "a", {"Human Rights Watch": 1}, {"Human Rights Watch": "ORG"}, {"HRW": "Human Rights Watch"}
    )
    using = DocumentActors("b", {"HRW": 3}, {"HRW": "ORG"})
    registry = Registry([defining, using])
    assert registry.canonical("HRW") == "Human Rights Watch"


def test_titles_are_kept_apart_from_names(nlp: Language) -> None:
    doc = nlp("U.S. Secretary of State Hillary Clinton met Foreign Minister Kim Sung-hwan.")
    people = [entity for entity in doc.ents if entity.label_ == "PERSON"]
    assert [title_before(person) for person in people] == [
        "U.S. Secretary of State",
        "Foreign Minister",
    ]
    index = ActorIndex(doc)
    assert index.roles["Kim Sung-hwan"] == {"Foreign Minister"}


def test_surnames_link_to_the_latest_full_name(nlp: Language) -> None:
    doc = nlp(
        "Kim Soo-kwon visited Beijing. Kim met officials. Later, Kim Sung-hwan met Clinton. "
        "Kim said the talks went well."
    )
    index = ActorIndex(doc)
    kims = [index.canonical(e) for e in doc.ents if e.text == "Kim"]
    assert kims == ["Kim Soo-kwon", "Kim Sung-hwan"]
