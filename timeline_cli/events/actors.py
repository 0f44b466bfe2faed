"""Named participants of an article: cleaned names and, within the article, one name per actor.

spaCy's entity spans carry determiners, possessives and titles ("the Finance Ministry's",
"Minister Ada Lund"); those are stripped. A surname alone ("Lund", "Berg") is linked to
the latest full name before it that contains it, and an acronym introduced in parentheses
("World Food Programme (WFP)") to its long form.
"""

from __future__ import annotations

import itertools
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
    text = resources.files("timeline_cli.events").joinpath("data/titles.txt").read_text("utf-8")
    return frozenset(
        line.strip().lower()
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


# Words that name a side by its compass point ("the North", "the South's envoy"): a
# shorthand the article resolves, not a name a chronology can show on its own.
COMPASS_WORDS = ("north", "south", "east", "west")
_POSSESSIVES = ("'s", "’s", "'", "’")


def clean_name(span: Span) -> str | None:
    """The bare name of an entity, or None when what is left is not a usable name."""
    tokens = list(span)
    while tokens and tokens[0].lower_ in ("the", "a", "an"):
        tokens = tokens[1:]
    owner = [i for i, token in enumerate(tokens[:-1]) if token.lower_ in _POSSESSIVES]
    if owner and (
        span.label_ == "PERSON"
        or all(token.lower_ in COMPASS_WORDS for token in tokens[: owner[-1]])
    ):  # "the union's Mira Okafor", not "Democratic People's Republic of Korea"
        tokens = tokens[owner[-1] + 1 :]
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
    if text.lower() in COMPASS_WORDS:
        return None
    return text


def is_modifier(span: Span) -> bool:
    """A nationality or group used as an adjective ("Chilean miners", "French
    authorities", "inter-American talks"): it describes a participant, it is not one."""
    root = span.root
    return span.label_ == "NORP" and (
        root.pos_ == "ADJ" or root.dep_ in ("amod", "compound", "nmod")
    )


def title_span(person: Span) -> Span | None:
    """The words written before a person's name that modify it ("U.S. Secretery of Labor" in
    "U.S. Secretery of Labor Ada Lund", misspelt): a title, whatever its spelling."""
    doc = person.doc
    left = {token.i for child in person.root.lefts for token in child.subtree}
    start = person.start
    while start > 0 and start - 1 in left and not doc[start - 1].is_punct:
        start -= 1
    while start < person.start and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    return doc[start : person.start] if start < person.start else None


def is_title_modifier(span: Span) -> bool:
    """'Finance' in 'Finance Minister Lund' or 'State' in 'Secretary of State' is part of a
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
    """The title written before a name ("Foreign Minister Berg", "U.S. Secretary of Labor
    Ada Lund"), including title words spaCy put inside the entity."""
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
        titles = _title_spans(entities)
        places, place_parts = _joined_places(entities)
        for entity in entities:
            if is_title_modifier(entity) or entity.start in place_parts:
                continue
            if any(t.start <= entity.start and entity.end <= t.end for t in titles.values()):
                continue  # a word of a title ("U.S. Secretery of" before "Labor Ada ...")
            name = places.get(entity.start) or clean_name(entity)
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
        # Names only ever used as adjectives ("Chilean miners"): they still tell
        # which events are one, but are no actors to show (``Registry.descriptors``).
        modifiers: set[str] = set()
        heads: set[str] = set()
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
            (modifiers if is_modifier(entity) else heads).add(canonical)
            role = title_before(entity) if label == "PERSON" else None
            if role is None and entity.start in titles:
                role = titles[entity.start].text
            if role:
                self.roles.setdefault(canonical, set()).add(role)
        self.descriptors = modifiers - heads

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


def _title_spans(entities: list[Span]) -> dict[int, Span]:
    """For each person whose title holds an entity ("U.S. Secretery of Labor Ada Lund"),
    that title, by the person's start: the entities inside it are no actors."""
    found = {}
    for person in (entity for entity in entities if entity.label_ == "PERSON"):
        span = title_span(person)
        if span is not None and any(
            span.start <= other.start and other.end <= span.end and other is not person
            for other in entities
        ):
            found[person.start] = span
    return found


def _joined_places(entities: list[Span]) -> tuple[dict[int, str], set[int]]:
    """Places written in two parts ("Washington, D.C.", "Nairobi, Kenya"): the whole name by
    the first part's start, and the starts of the second parts (no names of their own)."""
    names: dict[int, str] = {}
    parts: set[int] = set()
    for first, second in itertools.pairwise(entities):
        doc = first.doc
        if (
            first.label_ == second.label_ == "GPE"
            and second.start == first.end + 1
            and doc[first.end].text == ","
            and second.root.head.i in range(first.start, first.end)
        ):
            name = clean_name(first)
            if name:
                names[first.start] = f"{name}, {second.text}"
                parts.add(second.start)
    return names, parts


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
