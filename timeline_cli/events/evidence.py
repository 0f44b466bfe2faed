"""What an event's clause says: its participants (actors and places) and a short summary.

The clause of a predicate is its subtree without the clauses nested in it; a clause without a
subject borrows the subject of the clause it hangs on ("Lund met Berg, before meeting Okafor").
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from timeline_cli.events.actors import PLACE_LABELS, ActorIndex, title_words
from timeline_cli.events.docindex import sentence_entities
from timeline_cli.events.predicates import is_verb

NESTED_CLAUSES = ("ccomp", "advcl", "relcl", "acl", "parataxis", "csubj", "conj", "xcomp", "pcomp")
SUBJECTS = ("nsubj", "nsubjpass", "agent", "expl")
PLACE_PREPOSITIONS = ("in", "at", "to", "into", "near", "outside", "inside", "from", "across")
PERSONAL_PRONOUNS = ("he", "she")
OPENING_ADVERBS = ("meanwhile", "separately", "however", "also", "earlier", "later", "moreover")
SUMMARY_WORDS = 30


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


def stranded_speaker(verb: Token) -> Span | None:
    """The speaker of a closing attribution the parse left unattached: ", Republican sources
    said Monday." at the end of a long sentence, where the words between the comma and the verb
    are a noun phrase that the parse hung elsewhere."""
    if any(child.dep_ in SUBJECTS for child in verb.children):
        return None
    position = verb.i - 1
    while position > verb.sent.start and verb.i - position <= 6:
        token = verb.doc[position]
        if token.is_punct:
            break
        if token.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "ADP"):
            return None
        position -= 1
    phrase = verb.doc[position + 1 : verb.i]
    if verb.doc[position].text != "," or not phrase or phrase[-1].pos_ not in ("NOUN", "PROPN"):
        return None
    return phrase


def subject_tokens(clause: Token) -> set[int]:
    """The clause's subject; a clause without one borrows its governing clause's subject,
    unless it closes the sentence after a comma with a speaker of its own (``stranded_speaker``)."""
    if (stranded := stranded_speaker(clause)) is not None:
        return {token.i for token in stranded}
    current = clause
    for _ in range(6):
        for child in current.children:
            if child.dep_ in SUBJECTS and (child.tag_ not in ("WP", "WDT") or child.is_upper):
                return {token.i for token in child.subtree}
        if current.dep_ in ("relcl", "acl") and current.head.pos_ in ("NOUN", "PROPN"):
            return {token.i for token in current.head.subtree} - {t.i for t in current.subtree}
        if (
            current.dep_ not in ("xcomp", "advcl", "pcomp", "conj", "prep", "pobj", "acomp")
            or current.head is current
            or _own_auxiliary(current)
        ):
            return set()
        current = current.head
    return set()


def _own_auxiliary(verb: Token) -> bool:
    """A conjoined verb with an auxiliary of its own ("... emerged that workers hired
    there were dismissed") starts a clause whose subject the parser lost: borrowing the
    first verb's subject would name the wrong one."""
    return verb.dep_ == "conj" and any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def participants(
    sentence: Span, clause: Token, trigger: Token, actors: ActorIndex
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Actors (the subject's first, persons and organisations before countries and groups, then
    in text order) and places of the clause an event is told in."""
    subject = subject_tokens(clause) if is_verb(clause) else set()
    tokens = clause_of(clause) | subject | {trigger.i}
    names, places = _named_in(sentence, tokens, subject, actors)
    if not names and not places and _is_passive(clause):
        # A passive whose patient the parser lost: the sentence's participants stand in.
        names, places = _named_in(sentence, {t.i for t in sentence}, set(), actors)
    return names, places


def _named_in(
    sentence: Span, tokens: set[int], subject: set[int], actors: ActorIndex
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    names: list[tuple[bool, bool, int, str]] = []
    places: list[str] = []
    for entity in sentence_entities(sentence):
        if entity.root.i not in tokens:
            continue
        name = actors.canonical(entity)
        if name is None:
            continue
        if entity.label_ in PLACE_LABELS and _is_place(entity):
            places.append(name)
        else:
            minor = entity.label_ not in ("PERSON", "ORG")  # "U.S." in "U.S. Secretary Lund"
            names.append((entity.root.i not in subject, minor, entity.start, name))
    for index in sorted(subject):
        token = sentence.doc[index]
        if token.lower_ in PERSONAL_PRONOUNS and token.i in tokens:
            person = antecedent(token, sentence, actors)
            if person:
                names.append((False, False, token.i, person))
    ordered = [name for *_, name in sorted(names)]
    return tuple(dict.fromkeys(ordered)), tuple(dict.fromkeys(places))


def _is_passive(token: Token) -> bool:
    return token.tag_ == "VBN" and any(child.dep_ == "auxpass" for child in token.children)


def antecedent(pronoun: Token, sentence: Span, actors: ActorIndex) -> str | None:
    """Who 'he' or 'she' is: the subject of the clause this one hangs from ("Berg raised
    concerns when he visited"), or of the words a speaker reports ("Farkas is leaving, he
    said"), else the latest person named before it."""
    clause = pronoun.head
    subjects: set[int] = set()
    if clause.dep_ in ("advcl", "conj", "relcl", "ccomp") and clause.head is not clause:
        subjects = {t.i for c in clause.head.children if c.dep_ in SUBJECTS for t in c.subtree}
    for reported in (c for c in clause.children if c.dep_ == "ccomp" and c.i < pronoun.i):
        subjects |= {t.i for c in reported.children if c.dep_ in SUBJECTS for t in c.subtree}
    for entity in sentence_entities(sentence):
        if entity.root.i in subjects and entity.label_ in ("PERSON", "ORG"):
            name = actors.canonical(entity)
            if name:
                return name
    return actors.person_before(pronoun.i)


def _is_place(entity: Span) -> bool:
    root = entity.root
    if root.dep_ in ("appos", "npadvmod", "conj") and root.head.ent_type_ in PLACE_LABELS:
        root = root.head  # "Portland, Ore.", "Peru and Chile"
    if root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS:
        return True
    return root.dep_ == "dobj" and root.head.lemma_ in ("visit", "tour", "reach")


def told_tokens(trigger: Token, clause: Token, statement: bool) -> set[int]:
    """The tokens a summary is made of: the clause, its infinitives, and what a statement said;
    for an event noun outside any clause of its own, its noun phrase."""
    if not is_verb(clause):
        return {token.i for token in clause.subtree}
    subject = subject_tokens(clause)
    if not subject and _is_passive(clause):
        return {token.i for token in clause.sent}  # the patient is lost: tell the sentence
    clause_tokens = clause_of(clause) | subject
    kept = ("xcomp", "ccomp") if statement else ("xcomp",)
    told = clause_tokens | {trigger.i}
    for child in clause.children:
        if child.dep_ in kept or (len(clause_tokens) < 8 and child.dep_ == "advcl"):
            told |= {token.i for token in child.subtree}
    return told


def _without_cut_opening(tokens: list[Token], indices: set[int]) -> list[Token]:
    """Drop an opening phrase whose end was cut away: "On ways [to deal with the North], the
    diplomat emphasized ..." must not read "On ways, the diplomat emphasized"."""
    if not tokens or tokens[0].dep_ != "prep":
        return tokens
    phrase = {token.i for token in tokens[0].subtree}
    if phrase <= indices:
        return tokens
    return [token for token in tokens if token.i not in phrase]


def _named_before(person: str, pronoun: Token, indices: set[int]) -> bool:
    """The summary already names the person before the pronoun: "Gibbs said he was amazed"
    keeps "he"."""
    names = set(person.split())
    doc = pronoun.doc
    return any(doc[i].text in names for i in indices if i < pronoun.i)


def summary_of(sentence: Span, indices: set[int], actors: ActorIndex) -> str:
    """The told tokens as text, without dangling function words, cut at SUMMARY_WORDS; a
    subject pronoun is written as the name it stands for ("Tomas Berg visited Peru")."""
    doc = sentence.doc
    named = {
        token.i: person
        for token in sentence
        if token.i in indices and token.dep_ in SUBJECTS and token.lower_ in PERSONAL_PRONOUNS
        if (person := antecedent(token, sentence, actors))
        and not _named_before(person, token, indices)
    }
    tokens = [doc[i] for i in sorted(indices) if not doc[i].is_space]
    tokens = _without_cut_opening(tokens, indices)
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


# --- headlines ------------------------------------------------------------------------------

HEADLINE_WORDS = 12
_PHRASE_WORDS = 6  # an object or a subject longer than this is cut to its head and modifiers
_HEAD_MODIFIERS = ("compound", "amod", "nmod", "nummod", "poss", "quantmod")
_PLURAL_PRONOUNS = ("we", "they", "you", "i")
_REPORTED_WORDS = 7


def headline_of(
    sentence: Span,
    clause: Token,
    trigger: Token,
    actors: ActorIndex,
    places: tuple[str, ...],
    planned: bool,
    statement: bool,
) -> str:
    """A short headline: subject, verb and object or place, in headline style ("Lund
    meets Tomas Berg in Oslo", "Berg to visit Lima", "Miners rescued");
    for an event noun, its phrase ("Talks with Mira Okafor in Lima"). Names are the
    actors' canonical names. Empty when the parse gives neither subject nor object."""
    if is_verb(clause):
        words = _verb_headline(sentence, clause, actors, planned, statement)
    else:
        words = _noun_headline(sentence, trigger, actors)
    if not words:
        return ""
    text = " ".join(words)
    place = places[0] if places else None
    if place and not statement and place not in text:
        text += f" in {place}"
    parts = text.split()
    text = " ".join(parts[:HEADLINE_WORDS]) + (" …" if len(parts) > HEADLINE_WORDS else "")
    return text[:1].upper() + text[1:]


def _verb_headline(
    sentence: Span, verb: Token, actors: ActorIndex, planned: bool, statement: bool
) -> list[str]:
    subject_head = _subject_head(verb)
    subject = _noun_phrase(sentence, subject_head, actors) if subject_head is not None else ""
    particle = " ".join(c.text for c in verb.children if c.dep_ == "prt")
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if planned:
        form = f"to {'be ' + verb.text if passive else verb.lemma_}"
    elif passive:
        form = verb.text  # headline style drops the auxiliary: "Miners rescued"
    else:
        form = _present(verb.lemma_.lower(), _plural(subject_head, sentence))
    told = _object_phrase(sentence, verb, actors, statement)
    if not subject and not told:
        return []
    return [word for word in (subject, form, particle, told) if word]


def _subject_head(verb: Token) -> Token | None:
    """The head of the clause's subject, its own or borrowed (``subject_tokens``); None for
    a pronoun that names nothing ("it", "this")."""
    tokens = subject_tokens(verb)
    doc = verb.doc
    heads = [doc[i] for i in sorted(tokens) if doc[i].head.i not in tokens or doc[i].head == doc[i]]
    if not heads:
        return None
    head = heads[0]
    if head.pos_ == "PRON" and head.lower_ not in PERSONAL_PRONOUNS:
        return None
    return head


_OBJECT_PREPOSITIONS = (
    "with",
    "on",
    "against",
    "to",
    "for",
    "off",
    "into",
    "over",
    "from",
    "about",
)
_TIME_LABELS = ("DATE", "TIME")


def _object_phrase(sentence: Span, verb: Token, actors: ActorIndex, statement: bool) -> str:
    """What the verb acts on: its object, else a prepositional object ("met with Kim";
    not a date: "on Monday"), else for a statement the start of the reported words."""
    for child in verb.children:
        if child.dep_ in ("dobj", "attr", "oprd"):  # "entered its third day" too
            extra = [p for p in child.children if p.dep_ == "prep" and p.lower_ == "with"]
            phrase = _noun_phrase(sentence, child, actors)
            return " ".join([phrase, *(_prep_phrase(sentence, p, actors) for p in extra)])
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in _OBJECT_PREPOSITIONS:
            phrase = _prep_phrase(sentence, child, actors)
            if phrase:
                return phrase
    reported = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if statement and reported is not None:
        tokens = [
            t for t in reported.subtree if not (t.i == reported.left_edge.i and t.dep_ == "mark")
        ]
        return _render(tokens, sentence, actors, limit=_REPORTED_WORDS)
    return ""


def _prep_phrase(sentence: Span, preposition: Token, actors: ActorIndex) -> str:
    noun = next((c for c in preposition.children if c.dep_ == "pobj"), None)
    if noun is None or noun.ent_type_ in _TIME_LABELS:
        return ""
    return f"{preposition.lower_} {_noun_phrase(sentence, noun, actors)}"


def _noun_headline(sentence: Span, noun: Token, actors: ActorIndex) -> list[str]:
    words = [_noun_phrase(sentence, noun, actors, keep_entities=False)]
    words += [
        _prep_phrase(sentence, child, actors)
        for child in noun.children
        if child.dep_ == "prep" and child.lower_ in ("with", "between", "of", "on", "against")
    ][:1]
    return [word for word in words if word]


def _noun_phrase(
    sentence: Span, head: Token, actors: ActorIndex, keep_entities: bool = True
) -> str:
    """A noun phrase as a headline names it: the actor it is (or its apposition names:
    "the union's deputy leader, Mira Okafor"), by canonical name; a personal pronoun
    by the person it stands for; else the noun with its modifiers, no article."""
    if head.lower_ in PERSONAL_PRONOUNS:
        return antecedent(head, sentence, actors) or ""
    if keep_entities:
        apposed = [c for c in head.children if c.dep_ == "appos"]
        for token in (head, *apposed):
            entity = _entity_at(sentence, token)
            name = actors.canonical(entity) if entity is not None else None
            if name and (token is head or entity.label_ in ("PERSON", "ORG")):
                return name
    modifiers = [
        token for child in head.lefts if child.dep_ in _HEAD_MODIFIERS for token in child.subtree
    ]
    first = min((token.i for token in modifiers), default=head.i)
    tokens = list(sentence.doc[first : head.i + 1])  # hyphens and all: "Park Ji-won"
    titles = [i for i, token in enumerate(tokens[:-1]) if token.lower_ in title_words()]
    if head.pos_ == "PROPN" and titles:
        tokens = tokens[titles[-1] + 1 :]  # a name after its title: "Foreign Minister Park"
    return _render(tokens[-_PHRASE_WORDS:], sentence, actors)


def _entity_at(sentence: Span, token: Token) -> Span | None:
    return next((e for e in sentence_entities(sentence) if e.start <= token.i < e.end), None)


def _render(
    tokens: list[Token], sentence: Span, actors: ActorIndex, limit: int = _PHRASE_WORDS
) -> str:
    """Tokens as written (spacing kept: "inter-American"), without articles; an entity among
    them by its canonical name, a personal pronoun by its person; cut at ``limit`` words."""
    parts: list[str] = []
    previous: Token | None = None
    first: Token | None = None
    first_named = False
    for token in tokens:
        if previous is not None and token.i <= previous.i:
            continue  # inside an entity already written
        if token.dep_ == "det" or (token.is_punct and token.text not in "-‐–'’"):
            continue
        entity = _entity_at(sentence, token)
        name = actors.canonical(entity) if entity is not None else None
        if token.lower_ in PERSONAL_PRONOUNS:
            name = antecedent(token, sentence, actors)
        joined = previous is not None and previous.i + 1 == token.i and not previous.whitespace_
        if parts and not joined:
            parts.append(" ")
        parts.append(name or token.text)
        if first is None:
            first, first_named = token, bool(name)
        previous = sentence.doc[entity.end - 1] if name and entity is not None else token
    words = "".join(parts).split()
    text = " ".join(words[:limit]) + (" …" if len(words) > limit else "")
    if first is not None and first.is_sent_start and first.pos_ != "PROPN" and not first_named:
        return text[:1].lower() + text[1:]  # "the talks ended", inside a headline
    return text


def _plain(entity: Span) -> str:
    tokens = [t for t in entity if t.dep_ != "det" and t.lower_ not in ("'s", "’s")]
    return " ".join(t.text for t in tokens)


def _plural(subject: Token | None, sentence: Span) -> bool:
    if subject is None:
        return False
    if any(child.dep_ == "conj" for child in subject.children):
        return True
    entity = _entity_at(sentence, subject)
    if entity is not None and entity.label_ in ("PERSON", "ORG", "GPE"):
        return False  # "Tomas Berg", "World Food Programme": one actor
    return subject.lower_ in _PLURAL_PRONOUNS or subject.tag_ in ("NNS", "NNPS")


def _present(lemma: str, plural: bool) -> str:
    """The present tense of headlines: "meets", "says", "carries"; "meet" for a plural."""
    if lemma == "be":
        return "are" if plural else "is"
    if plural:
        return lemma
    if lemma == "have":
        return "has"
    if re.search(r"(s|sh|ch|x|z|o)$", lemma):
        return lemma + "es"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ies"
    return lemma + "s"
