"""The event lexicon (``data/lexicon.toml``): trigger lemmas by event type, and factuality cues."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, str]  # lemma -> event type
    verb_phrases: dict[tuple[str, str], str]  # (lemma, dependent word) -> event type
    nouns: dict[str, str]
    noun_phrases: dict[tuple[str, str], str]  # (modifier, noun lemma) -> event type
    light_verbs: frozenset[str]
    event_prepositions: frozenset[str]
    blocking_heads: frozenset[str]
    blocking_modals: frozenset[str]

    @property
    def event_types(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys([*self.verbs.values(), *self.nouns.values()]))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    raw = tomllib.loads(
        resources.files("timeline_cli").joinpath("data/lexicon.toml").read_text("utf-8")
    )
    verbs: dict[str, str] = {}
    verb_phrases: dict[tuple[str, str], str] = {}
    nouns: dict[str, str] = {}
    noun_phrases: dict[tuple[str, str], str] = {}
    for event_type, words in raw["types"].items():
        for entry in words.get("verbs", []):
            _add(entry, event_type, verbs, verb_phrases)
        for entry in words.get("nouns", []):
            _add(entry, event_type, nouns, noun_phrases)
    return Lexicon(
        verbs,
        verb_phrases,
        nouns,
        noun_phrases,
        frozenset(raw["nouns"]["light_verbs"]),
        frozenset(raw["nouns"]["event_prepositions"]),
        frozenset(raw["factuality"]["blocking_heads"]),
        frozenset(raw["factuality"]["blocking_modals"]),
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
