"""Named participants of an article: cleaned names and, within the article, one name per actor.

spaCy's entity spans carry determiners, possessives and titles ("the Foreign Ministry's",
"Minister Cho Tae-yul"); those are stripped. A surname alone ("Clinton", "Cho") is linked to
the latest full name before it that contains it, and an acronym introduced in parentheses
("Human Rights Watch (HRW)") to its long form.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span

ACTOR_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT")
PLACE_LABELS = ("GPE", "LOC", "FAC")
_ACRONYM_RE = re.compile(
    r"((?:[A-Z][\w&'\-]*\s+(?:(?:of|the|for|and|on)\s+)*){1,8})\(([A-Z][A-Z&]{1,9})\)"
)
_SMALL_WORDS = {"of", "the", "for", "and", "on"}


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    text = resources.files("timeline_cli").joinpath("data/titles.txt").read_text("utf-8")
    return frozenset(
        line.strip().lower()
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


def clean_name(span: Span) -> str | None:
    """The bare name of an entity, or None when what is left is not a usable name."""
    tokens = list(span)
    while tokens and tokens[0].lower_ in ("the", "a", "an"):
        tokens = tokens[1:]
    while tokens and tokens[-1].lower_ in ("'s", "’s", "'", "’"):
        tokens = tokens[:-1]
    if span.label_ == "PERSON":
        while len(tokens) > 1 and tokens[0].lower_ in title_words():
            tokens = tokens[1:]
    text = "".join(token.text_with_ws for token in tokens).strip()
    text = re.sub(r"[’']s$", "", text).strip()
    if not text or "\n" in text or not any(char.isalpha() for char in text):
        return None
    if re.search(r"[\[\]{}<>|@]", text):
        return None
    return text


def is_title_modifier(span: Span) -> bool:
    """'Finance' in 'Finance Minister Kim' or 'State' in 'Secretary of State' is part of a
    title, not an organisation."""
    if len(span) != 1 or span.label_ != "ORG":
        return False
    doc = span.doc
    following = doc[span.end] if span.end < len(doc) else None
    if following is not None and following.lower_ in title_words():
        return True
    return (
        span.start >= 2
        and doc[span.start - 1].lower_ == "of"
        and doc[span.start - 2].lower_ in title_words()
    )


_ROLE_JOINERS = {"of", "for", "the", "and", "'s", "’s", "-"}


def title_before(entity: Span) -> str | None:
    """The title written before a name ("Foreign Minister Cho", "U.S. Secretary of State
    Hillary Clinton"), including title words spaCy put inside the entity."""
    doc = entity.doc
    inside = []  # title words at the front of the entity, as clean_name strips them
    for token in entity[:-1]:
        if token.lower_ not in title_words():
            break
        inside.append(token)
    start = entity.start
    while start > 0:
        token = doc[start - 1]
        is_title = token.lower_ in title_words() or token.lower_ in _ROLE_JOINERS
        is_place = token.ent_type_ in ("GPE", "NORP") and token.text[:1].isupper()
        if not (is_title or is_place) or start - 1 < entity.start - 8:
            break
        start -= 1
    prefix = list(doc[start : entity.start])
    while prefix and prefix[0].lower_ in _ROLE_JOINERS:
        prefix = prefix[1:]
    tokens = [*prefix, *inside]
    if not any(t.lower_ in title_words() for t in tokens):
        return None
    role = "".join(t.text_with_ws for t in tokens).strip()
    return role if role.lower() not in ("state", "foreign") else None


class ActorIndex:
    """Canonical actor names for one Doc: full names for surnames, long forms for acronyms."""

    def __init__(self, doc: Doc) -> None:
        self._acronyms = _acronyms(doc.text)
        # Indexes built once, so that each look-up costs a dictionary access and a bisection,
        # not a scan of every name of the article.
        self._full_names: dict[str, list[tuple[int, str]]] = {}  # part -> (start, full name)
        self._names: dict[int, tuple[str, str]] = {}  # entity start -> (name, label)
        self._person_starts: list[int] = []  # in text order
        self.people: set[str] = set()  # canonical names of persons and organisations
        entities = [entity for entity in doc.ents if entity.label_ in ACTOR_LABELS]
        for entity in entities:
            if is_title_modifier(entity):
                continue
            name = clean_name(entity)
            if name is None:
                continue
            if entity.label_ == "PERSON":
                self._person_starts.append(entity.start)
                if len(name.split()) > 1:
                    for part in dict.fromkeys(name.split()):
                        self._full_names.setdefault(part, []).append((entity.start, name))
            self._names[entity.start] = (name, entity.label_)
        self.roles: dict[str, set[str]] = {}  # canonical person -> titles written with it
        self.aliases: dict[str, str] = dict(self._acronyms)  # mention -> canonical name
        self.kinds: dict[str, str] = {}  # canonical name -> entity label
        self.counts: Counter[str] = Counter()  # names as written in full -> mentions
        for entity in entities:
            if entity.start not in self._names:
                continue
            canonical = self.canonical(entity) or ""
            name, label = self._names[entity.start]
            self.kinds.setdefault(canonical, label)
            if name == canonical or len(name.split()) > 1:  # a bare surname votes for no
                self.counts[name] += 1  # spelling
            if name != canonical:
                self.aliases[name] = canonical
            if label in ("PERSON", "ORG"):
                self.people.add(canonical)
            role = title_before(entity) if label == "PERSON" else None
            if role:
                self.roles.setdefault(canonical, set()).add(role)

    def person_before(self, position: int) -> str | None:
        """The latest person named before a token, for 'he' and 'she'."""
        before = bisect_left(self._person_starts, position)
        return self._canonical_at(self._person_starts[before - 1]) if before else None

    def canonical(self, entity: Span) -> str | None:
        return self._canonical_at(entity.start)

    def _canonical_at(self, start: int) -> str | None:
        """The actor an entity names, or None for entities that are not usable names."""
        found = self._names.get(start)
        if found is None:
            return None
        name, label = found
        if name in self._acronyms:
            return self._acronyms[name]
        if label == "PERSON" and len(name.split()) == 1:
            return self._full_name_for(name, start) or name
        return name

    def _full_name_for(self, surname: str, position: int) -> str | None:
        matches = self._full_names.get(surname, [])
        before = bisect_left(matches, position, key=lambda match: match[0])
        if before:
            return matches[before - 1][1]
        distinct = {full for _, full in matches}
        return distinct.pop() if len(distinct) == 1 else None


def _acronyms(text: str) -> dict[str, str]:
    """Acronyms introduced as 'Long Name (LN)' whose letters are the long name's initials."""
    found = {}
    for match in _ACRONYM_RE.finditer(text):
        words = match.group(1).split()
        acronym = match.group(2)
        for start in range(len(words)):
            candidate = words[start:]
            initials = "".join(word[0] for word in candidate if word.lower() not in _SMALL_WORDS)
            if (
                initials.upper() == acronym.replace("&", "")
                and candidate[0].lower() not in _SMALL_WORDS
            ):
                found[acronym] = " ".join(candidate)
                break
    return found
