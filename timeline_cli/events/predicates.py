"""Predicates of a parsed sentence: which words can tell an event, and whether they tell a fact.

A predicate is a verb ("derailed", "was sworn in") or an event noun ("the vote", "Friday's
protest"). Its *mood* says what the text commits to: ``fact`` (it happened, or happens as the
article reports it), ``planned`` (a scheduled or announced future event: "will meet", "is
scheduled to visit", "is expected to say") or nothing at all (negated, hedged, conditional,
a question, or inside a direct quotation, where the speaker, not the article, tells it).
"""

from __future__ import annotations

from spacy.tokens import Token

from timeline_cli.events.docindex import DocIndex
from timeline_cli.events.lexicon import Lexicon

FACT = "fact"
PLANNED = "planned"

_NEGATIONS = ("not", "n't", "never", "no")
# Clause links through which the mood of a governing verb reaches the clause it governs.
_GOVERNED = ("xcomp", "ccomp", "advcl", "conj", "acl", "relcl", "pcomp", "pobj", "dobj", "prep")
_BLOCKABLE = ("xcomp", "ccomp", "pobj", "acl", "dobj", "prep")
_NOUN_TAGS = ("NOUN", "PROPN")


def is_verb(token: Token) -> bool:
    return token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ not in ("aux", "auxpass"))


def is_event_noun(token: Token, lexicon: Lexicon) -> bool:
    """A noun that names a happening: one the lexicon types, or a gerund ("the killing")."""
    if token.pos_ not in _NOUN_TAGS or token.ent_type_ in ("DATE", "TIME"):
        return False
    if token.lemma_.lower() in lexicon.nouns or token.lower_ in lexicon.nouns:
        return True
    if token.lemma_.lower() in lexicon.occurrences:
        return True
    if any((child.lower_, token.lemma_) in lexicon.noun_phrases for child in token.children):
        return True
    word = token.lower_
    return (
        token.tag_ == "NN"
        and word.endswith("ing")
        and len(word) > 5
        and word not in lexicon.not_event_nouns
    )


def mood_of(token: Token, index: DocIndex, lexicon: Lexicon, dated: bool = False) -> str | None:
    """``fact``, ``planned`` or None (not an event) for a verb or event noun.

    An event noun with a date of its own is presupposed, whatever governs it: "a decision to
    seek a third term in the last election in 2015" still tells an election in 2015.
    """
    if _quoted(token, index) or _is_question(token, index) or _imagined(token, index):
        return None
    if negated(token):
        return None
    if dated and not is_verb(token):
        return FACT
    infinitive = is_verb(token) and _infinitive(token)
    if infinitive and token.dep_ == "relcl" and is_event_noun(token.head, lexicon):
        return PLANNED  # "a summit to be held on October 12"; not "the first to be elected"
    if infinitive and token.dep_ == "acl":
        # "on a path to come ashore", "a plan to visit": intended, not told as happening
        return PLANNED if token.head.lemma_ in lexicon.planning_heads else None
    mood = FACT
    current = token
    for _ in range(8):  # parse trees of news sentences are far shallower
        clause_mood = _own_mood(current, lexicon)
        if clause_mood is None:
            return None
        if clause_mood == PLANNED:
            mood = PLANNED
        head = current.head
        if head is current or current.dep_ not in _GOVERNED:
            break
        if current.dep_ in ("relcl", "acl") and is_verb(current):
            break  # a relative clause keeps its own tense: "officials who arrived Monday"
        blocked = head.lemma_ in lexicon.blocking_heads and current.dep_ in _BLOCKABLE
        if blocked and (current.dep_ != "prep" or head.pos_ in _NOUN_TAGS):
            return None  # "hoping to launch", "an offer of talks"; not "tried, with ..."
        if head.lemma_ in lexicon.speech_verbs and _infinitive(current):
            return None  # "urged China to stop": asked for, not done
        if head.lemma_ in lexicon.planning_heads and current.dep_ in ("xcomp", "ccomp"):
            mood = PLANNED
        if current.dep_ in ("ccomp", "conj") and head.lemma_ in lexicon.speech_verbs:
            break  # what a speaker says keeps its own mood: "said it would meet" is planned
        current = head
    return mood


def _infinitive(token: Token) -> bool:
    return any(child.lower_ == "to" and child.dep_ == "aux" for child in token.children)


def _own_mood(token: Token, lexicon: Lexicon) -> str | None:
    """The mood a clause's own auxiliaries and subordinator give it."""
    auxiliaries = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in auxiliaries}
    if any(c.dep_ == "mark" and c.lower_ in lexicon.conditional_marks for c in token.children):
        return None
    if words & {"would", "'d"} and _reported(token, lexicon):
        return PLANNED  # future in the past: "the union said the talks would resume Friday"
    if words & lexicon.blocking_modals:
        return None
    if words & lexicon.future_auxiliaries or _going_to(token):
        return PLANNED
    return FACT


def _quoted(token: Token, index: DocIndex) -> bool:
    """Told by a speaker in a direct quotation. A quoted fragment inside the journalist's own
    sentence ("Berg “raised our concerns” with officials") is the article's account."""
    if not index.in_quote(token):
        return False
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is None or index.in_quote(subject)


def negated(token: Token) -> bool:
    """ "did not meet", "never met", "no meeting", "no expression of regret was made"."""
    near = [
        *token.children,
        *(g for c in token.children if c.dep_ in ("aux", "auxpass") for g in c.children),
    ]
    if any(
        child.dep_ == "neg" or (child.lower_ in _NEGATIONS and child.dep_ in ("det", "advmod"))
        for child in near
    ):
        return True
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(g.lower_ == "no" and g.dep_ == "det" for s in subjects for g in s.children)


def _reported(token: Token, lexicon: Lexicon) -> bool:
    current = token
    for _ in range(4):
        if current.dep_ not in ("ccomp", "conj") or current.head is current:
            return False
        if current.head.lemma_ in lexicon.speech_verbs:
            return True
        current = current.head
    return False


def _going_to(token: Token) -> bool:
    """'is going to visit', 'is to open', 'are about to sign'."""
    head = token.head
    return (
        _infinitive(token)
        and token.dep_ == "xcomp"
        and head.lemma_ in ("go", "be")
        and head.tag_
        in (
            "VBG",
            "VBZ",
            "VBP",
            "VBD",
        )
    )


def _imagined(token: Token, index: DocIndex) -> bool:
    """A sentence that asks the reader to do or imagine something tells no fact: "Let us say
    Mubarak resigns", "Imagine the army takes power", "Read more about the vote"."""
    root = index.sentence_of(token).root
    if root.lower_ in ("suppose", "imagine", "assume", "let") and root.i <= root.sent.start + 1:
        return True
    subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in root.children)
    auxiliary = any(c.dep_ in ("aux", "auxpass") for c in root.children)
    return root.tag_ == "VB" and not subject and not auxiliary


def _is_question(token: Token, index: DocIndex) -> bool:
    sentence = index.sentence_of(token)
    return sentence.text.rstrip(" \"'”’)").endswith("?")
