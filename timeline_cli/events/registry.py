"""One name per actor across all articles of a run.

Within an article, ``actors.ActorIndex`` links surnames and acronyms to full names. Across
articles, names that differ only in romanization or punctuation become one actor, and an
acronym defined in any article ("World Food Programme (WFP)") stands for its long form in all.

The variant rule, on persons' names of two or more parts: lower case, hyphens and spaces
removed between the given-name parts, and the family name (the first part) equal. Romanized
Korean names get one more fold, as their spellings vary by system (McCune-Reischauer, Revised
Romanization and custom write one vowel "eo", "u" or "oo": "Seong" and "Sung", "Hyeon" and
"Hyun", "Soo" and "Su"): in the given name, "eo" -> "u" and "oo" -> "u". A name counts as
romanized Korean when its first part is a Korean family name (``data/korean_surnames.txt``)
and its given name is one to three Korean syllables ("Min-jun", "Seo-yeon", "Jiwoo"). English
names keep their vowels: "Boorman" and "Burman" stay two people. The spelling written most
often names the actor; on a tie, the one read first (articles in id order, so the order
files were named in changes nothing).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from timeline_cli.core.models import Actor


@dataclass(frozen=True)
class DocumentActors:
    """What one article says about its actors: names with their mention counts and kinds,
    aliases (surname or acronym -> full name) and titles written with persons."""

    id: str
    counts: Mapping[str, int]  # in the order the names are first read
    kinds: Mapping[str, str]
    aliases: Mapping[str, str] = field(default_factory=dict)
    roles: Mapping[str, frozenset[str]] = field(default_factory=dict)
    descriptors: frozenset[str] = frozenset()  # names used only as adjectives ("Chinese")


# One romanized Korean syllable: an optional initial consonant, a vowel, an optional final.
_SYLLABLE = (
    r"(?:kk|tt|pp|ss|jj|ch|sh|wh|[bcdghjklmnprstwy])?"
    r"(?:yeo|yae|wae|eo|eu|ae|ya|ye|yo|yu|wa|wo|we|wi|oe|ui|oo|ee|[aeiou])"
    r"(?:ng|[bgklmnpt])?"
)
_KOREAN_GIVEN_NAME = re.compile(rf"{_SYLLABLE}(?:-?{_SYLLABLE}){{0,2}}")


@lru_cache(maxsize=1)
def korean_surnames() -> frozenset[str]:
    path = resources.files("timeline_cli.events").joinpath("data/korean_surnames.txt")
    lines = path.read_text("utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def is_romanized_korean(family: str, given: str) -> bool:
    """A Korean family name followed by one to three Korean syllables (lower case)."""
    return family in korean_surnames() and _KOREAN_GIVEN_NAME.fullmatch(given) is not None


def variant_key(name: str) -> str:
    """Names with the same key are one person: 'Kim Min-jun' and 'Kim Minjun', and for
    romanized Korean names 'Kim Seong-min' and 'Kim Sung-min'."""
    parts = name.lower().replace(".", "").split()
    if len(parts) < 2:
        return name.lower()
    given = "-".join(parts[1:])
    joined = given.replace("-", "")
    if is_romanized_korean(parts[0], given):
        joined = joined.replace("eo", "u").replace("oo", "u")
    return f"{parts[0]} {joined}"


class Registry:
    """Canonical names for every name and alias seen in a run."""

    def __init__(self, documents: Iterable[DocumentActors]) -> None:
        documents = sorted(documents, key=lambda document: document.id)
        counts: Counter[str] = Counter()
        kinds: dict[str, str] = {}
        acronyms: dict[str, str] = {}
        for document in documents:
            counts.update(document.counts)  # insertion order: the order names were read
            for name, kind in document.kinds.items():
                kinds.setdefault(name, kind)
            for alias, full in document.aliases.items():
                if alias.isupper():
                    acronyms.setdefault(alias, full)
        self._canonical = self._by_variant(counts, kinds, acronyms)
        self.actors = self._describe(documents, kinds)
        # Adjectives in every article that names them: not shown as actors.
        named_as_head = {
            self.canonical(name)
            for document in documents
            for name in document.counts
            if name not in document.descriptors
        }
        self.descriptors = {
            self.canonical(name) for document in documents for name in document.descriptors
        } - named_as_head

    @staticmethod
    def _by_variant(
        counts: Counter[str], kinds: Mapping[str, str], acronyms: Mapping[str, str]
    ) -> dict[str, str]:
        groups: dict[str, list[str]] = {}
        for name in sorted(counts):
            key = variant_key(name) if kinds.get(name) == "PERSON" else name.lower()
            groups.setdefault(key, []).append(name)
        first_read = {name: position for position, name in enumerate(counts)}
        canonical: dict[str, str] = {}
        for names in groups.values():
            chosen = min(names, key=lambda name: (-counts[name], first_read[name]))
            for name in names:
                canonical[name] = chosen
        for acronym, full in acronyms.items():
            canonical[acronym] = canonical.get(full, full)
        return canonical

    def canonical(self, name: str) -> str:
        return self._canonical.get(name, name)

    def _describe(
        self, documents: list[DocumentActors], kinds: Mapping[str, str]
    ) -> tuple[Actor, ...]:
        aliases: dict[str, set[str]] = {}
        roles: dict[str, set[str]] = {}
        for name, target in self._canonical.items():
            if name != target:
                aliases.setdefault(target, set()).add(name)
        for document in documents:
            for alias, full in document.aliases.items():
                if self.canonical(full) != alias:
                    aliases.setdefault(self.canonical(full), set()).add(alias)
            for name, titles in document.roles.items():
                roles.setdefault(self.canonical(name), set()).update(titles)
        names = sorted(set(self._canonical.values()))
        return tuple(
            Actor(
                name,
                kinds.get(name, ""),
                tuple(sorted(aliases.get(name, set()) - {name})),
                tuple(sorted(roles.get(name, set()))),
            )
            for name in names
        )
