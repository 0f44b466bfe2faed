"""The event lexicon (``data/lexicon.toml``): event types and the words that name them, plus
the word lists that decide whether a predicate tells a fact, a plan or nothing."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

OTHER = "other"


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, str]  # lemma -> event type (or subtype)
    verb_phrases: dict[tuple[str, str], str]  # (lemma, dependent word) -> type
    nouns: dict[str, str]
    noun_phrases: dict[tuple[str, str], str]  # (modifier, noun lemma) -> type
    parents: dict[str, str]  # subtype -> the type it is a kind of
    light_verbs: frozenset[str]
    aspectual_verbs: frozenset[str]
    undoing_verbs: frozenset[str]
    agents: dict[str, str]  # subject noun -> event type ("protester" -> "protest")
    state_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    hazard_nouns: frozenset[str]
    hazard_titles: frozenset[str]
    impact_verbs: frozenset[str]
    event_prepositions: frozenset[str]
    not_event_nouns: frozenset[str]
    occurrences: frozenset[str]
    speaker_nouns: frozenset[str]
    refusal_verbs: frozenset[str]
    withheld_words: frozenset[str]
    period_bounds: frozenset[str]
    period_nouns: frozenset[str]
    newsroom_nouns: frozenset[str]
    blocking_heads: frozenset[str]
    planning_heads: frozenset[str]
    blocking_modals: frozenset[str]
    future_auxiliaries: frozenset[str]
    conditional_marks: frozenset[str]
    types: tuple[str, ...]  # the event types in the lexicon's order, "other" last

    @property
    def event_types(self) -> tuple[str, ...]:
        return self.types

    def type_of(self, name: str) -> tuple[str, str | None]:
        """(type, subtype) for a lexicon type name: a subtype reports its parent as type."""
        parent = self.parents.get(name)
        return (parent, name) if parent else (name, None)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    raw = tomllib.loads(
        resources.files("timeline_cli.events").joinpath("data/lexicon.toml").read_text("utf-8")
    )
    verbs: dict[str, str] = {}
    verb_phrases: dict[tuple[str, str], str] = {}
    nouns: dict[str, str] = {}
    noun_phrases: dict[tuple[str, str], str] = {}
    parents: dict[str, str] = {}
    for event_type, words in raw["types"].items():
        if "parent" in words:
            parents[event_type] = words["parent"]
        for entry in words.get("verbs", []):
            _add(entry, event_type, verbs, verb_phrases)
        for entry in words.get("nouns", []):
            _add(entry, event_type, nouns, noun_phrases)
    types = [name for name in raw["types"] if name not in parents]
    return Lexicon(
        verbs=verbs,
        verb_phrases=verb_phrases,
        nouns=nouns,
        noun_phrases=noun_phrases,
        parents=parents,
        light_verbs=frozenset(raw["verbs"]["light"]),
        aspectual_verbs=frozenset(raw["verbs"]["aspectual"]),
        undoing_verbs=frozenset(raw["verbs"]["undoing"]),
        agents=dict(raw["verbs"]["agents"]),
        state_verbs=frozenset(raw["verbs"]["states"]),
        speech_verbs=frozenset(raw["verbs"]["speech"]),
        hazard_nouns=frozenset(raw["hazards"]["nouns"]),
        hazard_titles=frozenset(raw["hazards"]["titles"]),
        impact_verbs=frozenset(raw["hazards"]["impact_verbs"]),
        event_prepositions=frozenset(raw["nouns"]["event_prepositions"]),
        not_event_nouns=frozenset(raw["nouns"]["not_events"]),
        occurrences=frozenset(raw["nouns"]["occurrences"]),
        speaker_nouns=frozenset(raw["nouns"]["speakers"]),
        refusal_verbs=frozenset(raw["verbs"]["refusals"]),
        withheld_words=frozenset(raw["verbs"]["withheld_words"]),
        period_bounds=frozenset(raw["verbs"]["period_bounds"]),
        period_nouns=frozenset(raw["nouns"]["periods"]),
        newsroom_nouns=frozenset(raw["nouns"]["newsroom"]),
        blocking_heads=frozenset(raw["factuality"]["blocking_heads"]),
        planning_heads=frozenset(raw["factuality"]["planning_heads"]),
        blocking_modals=frozenset(raw["factuality"]["blocking_modals"]),
        future_auxiliaries=frozenset(raw["factuality"]["future_auxiliaries"]),
        conditional_marks=frozenset(raw["factuality"]["conditional_marks"]),
        types=(*dict.fromkeys(types), OTHER),
    )


def _add(
    entry: str,
    event_type: str,
    single: dict[str, str],
    phrases: dict[tuple[str, str], str],
) -> None:
    """A one-word entry goes to ``single``; a phrase is keyed by its first and last words."""
    words = entry.split()
    if len(words) == 1:
        single.setdefault(words[0], event_type)
    else:
        phrases.setdefault((words[0], words[-1]), event_type)
