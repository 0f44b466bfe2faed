"""Events read from the parse, one sentence at a time.

A trigger (a verb or event noun of the lexicon) gives an event type. Its clause gives the
actors (subject first) and places; its date is the temporal expression the clause governs,
else one governing an ancestor clause, else the nearest one in the sentence that no other
event claims; with none, the publication date (precision ``publication``). Negated, modal and
unreal triggers ("no meeting", "could visit", "an offer of talks") are not events, nor are
future events without a date of their own.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from timeline_cli.actors import PLACE_LABELS, ActorIndex
from timeline_cli.lexicon import Lexicon, load_lexicon
from timeline_cli.mentions import FUTURE, Timex, governing_verb, tense_of
from timeline_cli.models import Document, Event, Mention
from timeline_cli.normalize import UNRESOLVED
from timeline_cli.timevalue import TimeValue

NESTED_CLAUSES = ("ccomp", "advcl", "relcl", "acl", "parataxis", "csubj", "conj", "xcomp", "pcomp")
SUBJECTS = ("nsubj", "nsubjpass", "agent", "expl")
PLACE_PREPOSITIONS = ("in", "at", "to", "into", "near", "outside", "inside", "from", "across")
TOPIC_PREPOSITIONS = ("of", "on", "about", "over", "against", "for", "to", "from", "in", "by")
TEMPORAL_MARKERS = ("when", "while", "as", "after", "before", "until")
PERSONAL_PRONOUNS = ("he", "she")
OPENING_ADVERBS = ("meanwhile", "separately", "however", "also", "earlier", "later", "moreover")
SUMMARY_WORDS = 30
PUBLICATION_RULE = "publication date"
_DATE_DEPS = ("npadvmod", "advmod", "tmod", "pobj", "nsubj", "attr", "dobj", "appos", "ROOT")


@dataclass(frozen=True)
class Trigger:
    token: Token
    type: str
    clause: Token  # the head of the clause the event is told in


def extract_events(
    doc: Doc,
    document: Document,
    timexes: list[Timex],
    lexicon: Lexicon | None = None,
    actors: ActorIndex | None = None,
) -> list[Event]:
    """All events of one parsed article, in text order."""
    lexicon = lexicon or load_lexicon()
    actors = actors or ActorIndex(doc)
    events: list[Event] = []
    for sentence in doc.sents:
        sentence_timexes = [t for t in timexes if sentence.start <= t.start < sentence.end]
        triggers = list(find_triggers(sentence, lexicon))
        claimed = {trigger.clause.i for trigger in triggers}
        seen: set[tuple[str, str | None]] = set()
        for trigger in triggers:
            event = _build_event(trigger, sentence, sentence_timexes, claimed, actors, document)
            if event is None:
                continue
            key = (event.type, event.date.value if event.date else None)
            if key not in seen:
                seen.add(key)
                events.append(event)
    return events


# --- triggers ------------------------------------------------------------------------------


def find_triggers(sentence: Span, lexicon: Lexicon) -> Iterator[Trigger]:
    for token in sentence:
        event_type = _verb_type(token, lexicon) if token.pos_ == "VERB" else None
        if event_type and _is_factual(token, lexicon) and _is_predicate(token):
            yield Trigger(token, event_type, token)
            continue
        event_type = _noun_type(token, lexicon) if token.pos_ in ("NOUN", "PROPN") else None
        if event_type:
            clause = _noun_clause(token, lexicon)
            if clause is not None and _is_factual(token, lexicon) and _is_factual(clause, lexicon):
                yield Trigger(token, event_type, clause)


def _is_predicate(verb: Token) -> bool:
    """A verb that tells something happened, not a modifier ('refugees detained in China')
    or a topic ('its policy of repatriating defectors')."""
    if verb.dep_ == "amod":
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if (
        verb.dep_ == "acl"
        and not auxiliaries
        and not any(c.dep_ in SUBJECTS for c in verb.children)
    ):
        return False
    if verb.tag_ == "VBN" and not auxiliaries and verb.dep_ in ("ccomp", "acl", "advcl", "relcl"):
        return False  # "defectors detained in Baishan": a participle, whatever the parser says
    return not (
        verb.tag_ == "VBG"
        and verb.dep_ in ("pcomp", "pobj")
        and verb.head.lower_ in TOPIC_PREPOSITIONS
    )


_PEOPLE_WORDS = {
    "prisoner", "hostage", "detainee", "captive", "activist", "dissident", "journalist",
    "defector", "refugee", "suspect", "inmate", "protester", "worker", "people", "man", "woman",
}  # fmt: skip


def _released_people(verb: Token) -> bool:
    """'released two journalists' frees people; 'released the iPhone' launches a product."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return not objects or any(
        o.ent_type_ in ("PERSON", "NORP") or o.lemma_ in _PEOPLE_WORDS for o in objects
    )


def _verb_type(token: Token, lexicon: Lexicon) -> str | None:
    for child in token.children:
        for word in (child.lower_, child.lemma_):
            phrase_type = lexicon.verb_phrases.get((token.lemma_, word))
            if phrase_type and child.dep_ in (
                "prt",
                "dobj",
                "acomp",
                "advmod",
                "oprd",
                "ccomp",
                "prep",
                "xcomp",
            ):
                return phrase_type
    event_type = lexicon.verbs.get(token.lemma_)
    if event_type == "release" and not _released_people(token):
        return "launch"
    return event_type


def _noun_type(token: Token, lexicon: Lexicon) -> str | None:
    if token.dep_ == "compound":
        return None
    for child in token.children:
        phrase_type = lexicon.noun_phrases.get((child.lower_, token.lemma_))
        if phrase_type and child.dep_ in ("compound", "amod"):
            return phrase_type
    return lexicon.nouns.get(token.lemma_)


def _noun_clause(noun: Token, lexicon: Lexicon) -> Token | None:
    """The verb an event noun is told with, or None when the noun is only a topic."""
    head = noun.head
    if noun.dep_ in ("dobj", "attr", "nsubjpass") and head.lemma_ in lexicon.light_verbs:
        return head
    if _has_own_date(noun) or any(child.dep_ == "poss" for child in noun.children):
        return governing_verb(noun) or noun
    determined = any(
        child.dep_ in ("det", "poss") and child.lower_ != "no" for child in noun.children
    )
    if noun.dep_ == "pobj" and head.lower_ in lexicon.event_prepositions and determined:
        return governing_verb(noun) or noun
    if noun.dep_ == "nsubj" and head.lemma_ in (
        "take",
        "begin",
        "start",
        "end",
        "open",
        "come",
        "continue",
    ):
        return head
    return None


def _has_own_date(noun: Token) -> bool:
    return any(
        token.ent_type_ in ("DATE", "TIME")
        for child in noun.children
        if child.dep_ in ("prep", "npadvmod", "acl")
        for token in child.subtree
    )


def _is_factual(token: Token, lexicon: Lexicon) -> bool:
    # Negation may hang on an auxiliary: "are not repatriated".
    near = [
        *token.children,
        *(g for c in token.children if c.dep_ in ("aux", "auxpass") for g in c.children),
    ]
    if any(child.dep_ == "neg" or child.lower_ == "no" for child in near):
        return False
    if any(child.dep_ == "aux" and child.lower_ in lexicon.blocking_modals for child in near):
        return False
    head = token.head
    if (
        token.dep_ in ("xcomp", "pobj", "acl", "ccomp", "dobj")
        and head.lemma_ in lexicon.blocking_heads
    ):
        return False
    return not (head.dep_ == "prep" and head.head.lemma_ in lexicon.blocking_heads)


# --- one event -------------------------------------------------------------------------------


def _build_event(
    trigger: Trigger,
    sentence: Span,
    timexes: list[Timex],
    claimed: set[int],
    actors: ActorIndex,
    document: Document,
) -> Event | None:
    clause_tokens = clause_of(trigger.clause)
    subject = _subject_tokens(trigger.clause)
    names, places = _participants(sentence, clause_tokens | subject, subject, actors)
    if trigger.type == "statement" and not _named(sentence, subject, actors):
        return None  # an unnamed speaker ("we urge") says nothing a chronology can attribute
    if not names and not places and _is_passive(trigger.token):
        # A passive whose patient the parser lost: the sentence's participants stand in.
        clause_tokens = {token.i for token in sentence}
        names, places = _participants(sentence, clause_tokens, set(), actors)
    if not names and not places:
        return None
    timex = _attached_timex(trigger, timexes, claimed)
    if timex is None and tense_of(trigger.clause) == FUTURE:
        return None
    date, precision = _event_date(timex, document)
    raw = sentence.text  # not doc.text, which is rebuilt from every token on each access
    text = raw.strip()
    start = sentence.start_char + (raw.index(text) if text else 0)
    mention = Mention(
        document=document.id,
        sentence=text,
        start=document.source_offset(start),
        end=document.source_offset(start + len(text)),
        trigger=trigger.token.text,
        date_text=timex.text
        if timex and date is not None and date.rule != PUBLICATION_RULE
        else None,
        date_rule=date.rule if date else None,
        trigger_start=document.source_offset(trigger.token.idx),
    )
    named = _named_pronouns(sentence, subject, actors)
    summary = _summary(sentence.doc, _told(trigger, clause_tokens | subject), named)
    principals = tuple(name for name in names if name in actors.people)
    return Event(
        trigger.type,
        trigger.token.lemma_,
        date,
        precision,
        names,
        places,
        summary,
        mention,
        principals,
    )


def _is_passive(token: Token) -> bool:
    return token.tag_ == "VBN" and any(child.dep_ == "auxpass" for child in token.children)


def _named(sentence: Span, subject: set[int], actors: ActorIndex) -> bool:
    if any(sentence.doc[i].lower_ in PERSONAL_PRONOUNS for i in subject):
        return True
    entities = _entities(sentence)
    return any(entity.root.i in subject and actors.canonical(entity) for entity in entities)


def _told(trigger: Trigger, clause_tokens: set[int]) -> set[int]:
    """The tokens a summary is made of: the clause, its infinitives, and what a statement said."""
    head = trigger.clause
    kept = ("xcomp", "ccomp") if trigger.type == "statement" else ("xcomp",)
    told = clause_tokens | {trigger.token.i}
    for child in head.children:
        if child.dep_ in kept or (len(clause_tokens) < 8 and child.dep_ == "advcl"):
            told |= {token.i for token in child.subtree}
    if trigger.token is not head and _has_own_date(trigger.token):
        return {token.i for token in trigger.token.subtree}
    return told


def clause_of(head: Token) -> set[int]:
    """Token indices of a clause: the head's subtree without the clauses nested in it."""
    tokens: set[int] = set()
    stack = [head]
    while stack:
        token = stack.pop()
        tokens.add(token.i)
        stack.extend(child for child in token.children if not _is_nested_clause(child))
    return tokens


def _is_nested_clause(token: Token) -> bool:
    if token.dep_ == "conj":
        return token.pos_ in ("VERB", "AUX")
    return token.dep_ in NESTED_CLAUSES


def _subject_tokens(clause: Token) -> set[int]:
    """The clause's subject; a clause without one borrows its governing clause's subject."""
    current = clause
    for _ in range(6):
        for child in current.children:
            if child.dep_ in SUBJECTS and child.tag_ not in ("WP", "WDT"):
                return {token.i for token in child.subtree}
        if current.dep_ in ("relcl", "acl") and current.head.pos_ in ("NOUN", "PROPN"):
            return {token.i for token in current.head.subtree} - {t.i for t in current.subtree}
        if (
            current.dep_ not in ("xcomp", "advcl", "pcomp", "conj", "prep", "pobj")
            or current.head is current
        ):
            return set()
        current = current.head
    return set()


def _participants(
    sentence: Span, tokens: set[int], subject: set[int], actors: ActorIndex
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Actors (the subject's first, persons and organisations before countries and groups, then
    in text order) and places among the entities of a clause."""
    names: list[tuple[bool, bool, int, str]] = []
    places: list[str] = []
    for entity in _entities(sentence):
        if entity.root.i not in tokens:
            continue
        name = actors.canonical(entity)
        if name is None:
            continue
        if entity.label_ in PLACE_LABELS and _is_place(entity):
            places.append(name)
        else:
            minor = entity.label_ not in ("PERSON", "ORG")  # "U.S." in "U.S. Secretary Clinton"
            names.append((entity.root.i not in subject, minor, entity.start, name))
    for index in sorted(subject):
        token = sentence.doc[index]
        if token.lower_ in PERSONAL_PRONOUNS and token.i in tokens:
            person = _antecedent(token, sentence, actors)
            if person:
                names.append((False, False, token.i, person))
    ordered = [name for *_, name in sorted(names)]
    return tuple(dict.fromkeys(ordered)), tuple(dict.fromkeys(places))


def _named_pronouns(sentence: Span, subject: set[int], actors: ActorIndex) -> dict[int, str]:
    """'he' and 'she' as subjects, by token, with the name they stand for."""
    named = {}
    for index in subject:
        token = sentence.doc[index]
        if token.lower_ in PERSONAL_PRONOUNS:
            person = _antecedent(token, sentence, actors)
            if person:
                named[index] = person
    return named


def _antecedent(pronoun: Token, sentence: Span, actors: ActorIndex) -> str | None:
    """Who 'he' or 'she' is: the subject of the clause this one hangs from ("Davies raised
    concerns when he visited"), else the latest person named before it."""
    clause = pronoun.head
    if clause.dep_ in ("advcl", "conj", "relcl", "ccomp") and clause.head is not clause:
        governing_subject = {
            t.i for c in clause.head.children if c.dep_ in SUBJECTS for t in c.subtree
        }
        for entity in _entities(sentence):
            if entity.root.i in governing_subject and entity.label_ in ("PERSON", "ORG"):
                name = actors.canonical(entity)
                if name:
                    return name
    return actors.person_before(pronoun.i)


_ENTITIES = "timeline_cli.entities"


def _entities(sentence: Span) -> list[Span]:
    """The entities of a sentence, as ``Span.ents`` gives them. That rebuilds every entity of
    the Doc on each call, so they are listed once per Doc (in its ``user_data``) and the
    sentence's are found by bisection: the cost of a mention stays that of its sentence."""
    doc = sentence.doc
    if _ENTITIES not in doc.user_data:
        entities = list(doc.ents)
        doc.user_data[_ENTITIES] = (entities, [entity.start for entity in entities])
    entities, starts = doc.user_data[_ENTITIES]
    found = []
    index = bisect_left(starts, sentence.start)
    while index < len(entities) and entities[index].end <= sentence.end:
        found.append(entities[index])
        index += 1
    return found


def _is_place(entity: Span) -> bool:
    root = entity.root
    if root.dep_ in ("appos", "npadvmod", "conj") and root.head.ent_type_ in PLACE_LABELS:
        root = root.head  # "Washington, D.C.", "Thailand and Laos"
    if root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS:
        return True
    return root.dep_ == "dobj" and root.head.lemma_ in ("visit", "tour", "reach")


def _attached_timex(trigger: Trigger, timexes: list[Timex], claimed: set[int]) -> Timex | None:
    """The date of an event: governed by its clause or a 'when' clause of it, else by an
    ancestor clause, else (except for statements) the nearest one no other event claims."""
    candidates = [t for t in timexes if _can_date_event(t, trigger.token.doc)]
    own = trigger.clause
    temporal_clauses = {
        child.i
        for child in own.children
        if child.dep_ == "advcl" and any(m.lower_ in TEMPORAL_MARKERS for m in child.children)
    }
    in_clause = [t for t in candidates if t.governor == own.i or _inside(t, trigger.token)]
    in_clause = in_clause or [t for t in candidates if t.governor in temporal_clauses]
    if in_clause:
        return in_clause[0]
    ancestors = {token.i for token in own.ancestors}
    governed_above = [
        t for t in candidates if t.governor in ancestors and t.governor not in claimed
    ]
    if governed_above:
        return governed_above[-1]
    if trigger.type == "statement":
        return None  # what was said is dated by the report, not by dates inside the quote
    free = [t for t in candidates if t.governor not in claimed]
    return min(free, key=lambda t: abs(t.start - trigger.token.i), default=None)


def _inside(timex: Timex, token: Token) -> bool:
    return any(timex.start <= child.i < timex.end for child in token.children)


def _can_date_event(timex: Timex, doc: Doc) -> bool:
    """Calendar dates used as adverbials; not durations, sets, or modifiers ('the 1951 treaty')."""
    value = timex.value
    if value is None or value.type not in ("DATE", "TIME"):
        return False
    return doc[timex.start : timex.end].root.dep_ in _DATE_DEPS


def _event_date(timex: Timex | None, document: Document) -> tuple[TimeValue | None, str]:
    """The event's date and precision; the publication date (precision 'publication') when the
    sentence dates it only vaguely ('recently') or not at all."""
    published = document.publication.date
    if timex is not None and timex.value is not None:
        if timex.value.is_calendar:
            return timex.value, timex.value.precision or "day"
        if timex.value.value == UNRESOLVED and published is None:
            return timex.value, "unresolved"
    if published is None:
        return None, "unknown"
    return TimeValue(published.isoformat(), rule=PUBLICATION_RULE), "publication"


def _summary(doc: Doc, indices: set[int], named: dict[int, str] | None = None) -> str:
    """The told tokens as text, without dangling function words, cut at SUMMARY_WORDS; a
    pronoun in ``named`` is written as the name it stands for ("Glyn Davies visited China")."""
    named = named or {}
    tokens = [doc[i] for i in sorted(indices) if not doc[i].is_space]
    while tokens and (
        tokens[0].dep_ in ("punct", "cc", "mark")
        or tokens[0].tag_ == "WRB"  # "when he visited China" reads as "he visited China"
        or tokens[0].lower_ in OPENING_ADVERBS
    ):
        tokens = tokens[1:]
    while tokens and (
        tokens[-1].dep_ in ("cc", "mark", "prep", "aux", "det") or tokens[-1].is_punct
    ):
        tokens = tokens[:-1]
    parts: list[str] = []
    previous: Token | None = None
    for token in tokens:
        if token.dep_ == "prep" and not any(child.i in indices for child in token.children):
            continue  # a preposition whose object was cut away
        joined = previous is not None and previous.i + 1 == token.i and not previous.whitespace_
        if previous is not None and not joined and not (token.is_punct and token.text in ",.;:)’”"):
            parts.append(" ")
        parts.append(named.get(token.i, token.text))
        previous = token
    words = "".join(parts).split()
    text = " ".join(words[:SUMMARY_WORDS])
    return text + " …" if len(words) > SUMMARY_WORDS else text
