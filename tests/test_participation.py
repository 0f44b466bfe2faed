"""Which predicates a named entity takes part in, read from the real parse of our own sentences."""

from __future__ import annotations

from dataclasses import replace

import pytest
from spacy.language import Language

from timeline_cli.evaluation.participation import (
    Target,
    continuations,
    coreferent_mentions,
    involvement,
    name_mentions,
    particle_tokens,
)

LIGHT = frozenset({"give", "file", "hold"})


def predicates(
    nlp: Language,
    text: str,
    entity: str,
    others: tuple[str, ...] = (),
    aliases: tuple[str, ...] = (),
) -> set[str]:
    """The words of the predicates the entity takes part in."""
    doc = nlp(text)
    found = involvement(doc, Target(entity, aliases), [Target(o) for o in others], LIGHT)
    return {doc[index].text for index in found}


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("text", "entity", "named"),
    [
        ("The Quill 2 sold out on Monday.", "Quill 2", ["Quill"]),  # "2" hangs on "Quill"
        ("Orchard launched the 2 Quill on Monday.", "Quill 2", ["Quill"]),  # any order
        ("Five Quills sold out on Monday.", "Quill", ["Quills"]),  # a plural
        ("The Quill 3 sold out on Monday.", "Quill 2", []),  # another model
        ("The Quill Mini sold out on Monday.", "Quill", []),  # a longer name
        ("Orchard CEO Lena Varga resigned on Monday.", "Lena Varga", ["Varga"]),  # titles before
        ("The band's label Pebble Records sued on Monday.", "Beetles Pebble Records", ["Records"]),
        ("Marble reached ten million users.", "Marble store", ["Marble"]),  # before a common noun
        ("The NRU called a strike on Friday.", "Northern Rail Union", ["NRU"]),  # an acronym
        ("The Dow Jones closed lower on Friday.", "Dow Jones Industrial Average", ["Jones"]),
        ("Pebble sued Orchard on Monday.", "Beetles Pebble Records", []),  # one word of the middle
        ("U.S. stock markets fell on Monday.", "US stock markets", ["markets"]),  # dots aside
    ],
)
def test_noun_phrases_name_the_entity_by_all_or_telling_parts_of_its_name(
    nlp: Language, text: str, entity: str, named: list[str]
) -> None:
    assert [token.text for token in name_mentions(nlp(text), Target(entity))] == named


def test_a_name_another_target_owns_as_well_or_better_is_left_to_it(nlp: Language) -> None:
    doc = nlp("Marble sued Orchard, which runs the Marble store.")
    marble, store = Target("Marble"), Target("Marble store")
    assert [t.text for t in name_mentions(doc, store)] == ["Marble", "store"]  # alone
    assert [t.text for t in name_mentions(doc, store, [marble])] == ["store"]
    assert [t.text for t in name_mentions(doc, marble, [store])] == ["Marble"]


def test_a_lower_case_word_the_collection_capitalises_after_the_name_continues_it(
    nlp: Language,
) -> None:
    docs = [nlp("Orchard news. Orchard makes the Quill Nano."), nlp("The Quill nano sold out.")]
    plain = Target("Quill")
    target = replace(plain, continuations=continuations(docs, plain))
    assert "nano" in target.continuations
    assert [t.text for t in name_mentions(docs[1], plain)] == ["nano"]  # Quill's "nano"
    assert name_mentions(docs[1], target) == []
    title = nlp("Orchard Praises Quill Buyers. Sales of the Quill rose.")
    assert continuations([title], plain) == frozenset()  # a title capitalises every word


def test_the_name_without_its_number_names_it_when_nothing_else_is_of_its_kind(
    nlp: Language,
) -> None:
    text = "The Quill 4 sold out on Monday. The Quill returned on Tuesday."
    assert {"sold", "returned"} <= predicates(nlp, text, "Quill 4")
    text = "The Quill 4 sold out on Monday. The Quill 3 did not. The Quill returned on Tuesday."
    assert "returned" not in predicates(nlp, text, "Quill 4")
    assert "returned" not in predicates(nlp, "The Quill returned on Tuesday.", "Quill 4")


def test_a_surname_after_a_title_names_the_person(nlp: Language) -> None:
    text = "Lena Varga founded Orchard in 1998. Ms. Varga resigned on Monday."
    assert {"founded", "resigned"} <= predicates(nlp, text, "Lena Varga")


def test_other_names_the_run_knows_name_the_entity(nlp: Language) -> None:
    text = "The Fed raised rates on Wednesday."
    assert "raised" not in predicates(nlp, text, "US Federal Reserve")
    assert "raised" in predicates(nlp, text, "US Federal Reserve", aliases=("Fed",))


# --------------------------------------------------------------------------- arguments


@pytest.mark.parametrize(
    ("text", "entity", "expected", "not_expected"),
    [
        # subject, shared by a coordinated verb without its own subject
        ("The Quill tablet has a big screen and comes in two colours.", "Quill tablet",
         {"has", "comes"}, set()),
        # object, and the agent of a passive
        ("Orchard unveiled the Quill tablet.", "Quill tablet", {"unveiled"}, set()),
        ("The tablet was unveiled by Lena Varga.", "Lena Varga", {"unveiled"}, set()),
        # the noun a relative clause hangs on
        ("Critics praised the Marble store, which sells films.", "Marble store",
         {"praised", "sells"}, set()),
        # the object of a preposition: on an event noun yes, on a verb no
        ("Orchard celebrated the launch of the Marble store.", "Marble store", {"launch"},
         {"celebrated"}),
        ("Songs were downloaded from the Marble store.", "Marble store", set(), {"downloaded"}),
        # verbs a subject controls, and participles hanging on its clause
        ("Lena Varga chose to step down, saying she was tired.", "Lena Varga",
         {"chose", "step", "saying"}, set()),
        ("Lena Varga opened the fair by cutting a ribbon.", "Lena Varga",
         {"opened", "cutting"}, set()),
        # an object is the subject of the infinitive after it
        ("The strike prompted Lena Varga to call an election.", "Lena Varga",
         {"prompted", "call"}, set()),
        # a name that modifies a common noun: as a subject or an object, it stands for the
        # entity; after a preposition, only for that noun
        ("Orchard sold ten million Quill players.", "Quill", {"sold"}, set()),
        ("The Nikkei 225 index fell on Monday.", "Nikkei 225", {"fell"}, set()),
        ("Orchard promised refunds for Quill tablet use.", "Quill tablet", {"use"},
         {"promised"}),
        # the event a light verb's object names
        ("Lena Varga gave a keynote at the fair.", "Lena Varga", {"gave", "keynote"}, set()),
    ],
)  # fmt: skip
def test_the_entity_takes_part_in_the_predicates_it_is_an_argument_of(
    nlp: Language, text: str, entity: str, expected: set[str], not_expected: set[str]
) -> None:
    found = predicates(nlp, text, entity)
    assert expected <= found
    assert not (not_expected & found)


def test_a_speaker_does_not_take_part_in_what_is_reported(nlp: Language) -> None:
    found = predicates(nlp, "Lena Varga said that Orchard recalled the tablet.", "Lena Varga")
    assert "said" in found and "recalled" not in found


# --------------------------------------------------------------------------- coreference


def coreferent(nlp: Language, text: str, entity: str) -> list[str]:
    doc = nlp(text)
    target = Target(entity, ("Varga",))
    return [token.text for token in coreferent_mentions(doc, target, name_mentions(doc, target))]


@pytest.mark.parametrize(
    ("text", "entity", "expected"),
    [
        # he/she: the subject told last before, else the previous sentence's
        ("Lena Varga founded Orchard in 1998. She resigned in 2004.", "Lena Varga", ["She"]),
        ("Tom Berg said Lena Varga would resign, and she did so on Monday.", "Lena Varga",
         ["she"]),
        # it: the previous sentence's subject; an opening clause's, the main subject after it
        ("The Quill tablet was unveiled on Monday. It sold out in hours.", "Quill tablet",
         ["It"]),
        ("Even though it uses a slower chip, the Quill tablet lasts ten hours.", "Quill tablet",
         ["it"]),
        # its: the noun phrase before it in the sentence
        ("Songs were downloaded from the Marble store since its launch.", "Marble store",
         ["its"]),
        # an expletive 'it' stands for nothing
        ("The Quill tablet was unveiled on Monday. It was announced that sales start soon.",
         "Quill tablet", []),
        # the common noun of the name, once the name is told
        ("Orchard opened the Marble store in 2003. The store sells films.", "Marble store",
         ["store"]),
    ],
)  # fmt: skip
def test_pronouns_and_descriptions_stand_for_the_entity_told_before_them(
    nlp: Language, text: str, entity: str, expected: list[str]
) -> None:
    assert coreferent(nlp, text, entity) == expected


def test_it_does_not_stand_for_a_plural_or_an_entity_that_is_not_the_subject(
    nlp: Language,
) -> None:
    text = "Orchard unveiled the Quill tablet on Monday. It also cut prices."
    assert coreferent(nlp, text, "Quill tablet") == []  # 'it' is Orchard, the subject
    assert "cut" not in predicates(nlp, text, "Quill tablet")


def test_coreferent_mentions_take_part_as_names_do(nlp: Language) -> None:
    text = "The Quill tablet was unveiled on Monday. It sold out in hours."
    assert {"unveiled", "sold"} <= predicates(nlp, text, "Quill tablet")


@pytest.mark.parametrize(
    ("text", "verb", "words"),
    [
        ("Lena Varga showed off the new tablet.", "showed", ["showed", "off"]),
        ("Lena Varga took the tablet out of her bag.", "took", ["took", "out"]),
        ("Lena Varga took six months off in 2009.", "took", ["took", "off"]),
        ("The tablet has ten hours of battery, up two hours.", "has", ["has"]),  # a measure
        ("Lena Varga looked over the wall.", "looked", ["looked"]),  # a preposition
    ],
)
def test_a_phrasal_verb_is_written_with_its_particle(
    nlp: Language, text: str, verb: str, words: list[str]
) -> None:
    doc = nlp(text)
    (token,) = [token for token in doc if token.text == verb]
    assert [token.text for token in particle_tokens(token)] == words


def test_the_agent_of_a_passive_takes_no_part_in_what_follows_it(nlp: Language) -> None:
    text = "Tom Berg was recommended by Lena Varga to take over, and has been serving since."
    found = predicates(nlp, text, "Lena Varga")
    assert "recommended" in found and not ({"take", "serving"} & found)
