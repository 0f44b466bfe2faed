"""One name per actor across articles: romanization variants, acronyms, titles."""

from __future__ import annotations

from spacy.language import Language

from timeline_cli.events.actors import ActorIndex, title_before
from timeline_cli.events.registry import DocumentActors, Registry, variant_key


def test_korean_romanization_variants_share_a_key() -> None:
    assert variant_key("Han Tae-yul") == variant_key("Han Tae-yeol")
    assert variant_key("Kim Sung-min") == variant_key("Kim Seong-min")
    assert variant_key("Kim Sungmin") == variant_key("Kim Sung-min")
    assert variant_key("Kim Sung-min") != variant_key("Kim Soo-jin")
    assert variant_key("Lee Sung-min") != variant_key("Kim Sung-min")  # family names differ


def test_romanization_variants_fold_only_in_korean_looking_names() -> None:
    # a made-up Korean name in two romanizations: one person
    assert variant_key("Cho Hyeon-woo") == variant_key("Cho Hyun-woo")
    assert variant_key("Cho Hyeon-woo") == variant_key("Cho Hyunwu")
    # English names whose vowels differ are different people
    assert variant_key("Sam Boorman") != variant_key("Sam Burman")
    assert variant_key("Keith Moon") != variant_key("Keith Mun")
    assert variant_key("Ada Booker") != variant_key("Ada Buker")
    # a Korean family name before an English given name does not make it Korean
    assert variant_key("Kim Boorman") != variant_key("Kim Burman")
    # punctuation and spacing still fold in every name
    assert variant_key("Mary Ann-Smith") == variant_key("Mary Ann Smith")
    assert variant_key("Cho Hyeon woo") == variant_key("Cho Hyun-woo")


def test_english_variants_stay_two_actors_and_korean_ones_merge() -> None:
    people = {"Sam Boorman": "PERSON", "Cho Hyeon-woo": "PERSON"}
    first = DocumentActors("a", {"Sam Boorman": 1, "Cho Hyeon-woo": 2}, people)
    others = {"Sam Burman": "PERSON", "Cho Hyun-woo": "PERSON"}
    second = DocumentActors("b", {"Sam Burman": 1, "Cho Hyun-woo": 1}, others)
    registry = Registry([first, second])
    assert registry.canonical("Cho Hyun-woo") == "Cho Hyeon-woo"
    assert registry.canonical("Sam Burman") == "Sam Burman"
    assert {actor.name for actor in registry.actors} == {
        "Sam Boorman",
        "Sam Burman",
        "Cho Hyeon-woo",
    }


def test_registry_picks_the_spelling_written_most_then_read_first() -> None:
    first = DocumentActors("a", {"Han Tae-yul": 2, "Ada Lund": 1}, {"Han Tae-yul": "PERSON"})
    second = DocumentActors("b", {"Han Tae-yeol": 2}, {"Han Tae-yeol": "PERSON"})
    registry = Registry([second, first])  # the order documents come in changes nothing
    assert registry.canonical("Han Tae-yeol") == "Han Tae-yul"
    (han,) = [actor for actor in registry.actors if actor.name == "Han Tae-yul"]
    assert han.aliases == ("Han Tae-yeol",)


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
