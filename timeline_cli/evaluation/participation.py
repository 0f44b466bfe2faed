"""Which predicates of a parsed article a named entity takes part in.

An entity takes part in a predicate when one of its mentions is an argument of it: the
subject or object of a verb ("iPhone 4 has two cameras"), the agent of a passive ("was
introduced by Jobs"), the noun a relative clause hangs on ("the store, which sells music"),
the possessor of an event noun ("its launch") or the object of a preposition on one ("the
launch of the store"). A subject also takes part in the verbs that share it: coordinated
verbs without a subject of their own ("was made and marketed"), verbs it controls ("chose to
step down"), participles hanging on its clause ("unveiled the phone, saying ...", "started by
hinting ..."); an object in the infinitive that follows it ("prompted Apple Corps to file").
The object of a preposition on a verb is not an argument ("downloaded from the store"). A
name that modifies a common noun stands for the entity as a subject or an object ("sold 21
million iPod players", "the Nikkei 225 index fell"), elsewhere only for that noun ("hearing
loss from iPod use": the use, not the loss).

Mentions are found by name, on noun phrases read from the parse, and by simple coreference:

- a name mention is a noun phrase whose name words (capitalised words but titles, numbers,
  and the entity's own words: ``Apple CEO Steve Jobs``, ``the 3G iPhone``, ``iPods``) hold all
  the entity's words with no further name after them (``iPod Touch`` is not ``iPod``, nor is
  ``iPod nano`` where the collection writes ``iPod Nano``; ``iPhone 3GS`` is not ``iPhone
  3G``); or stand for it: an alias the run links to it (``Jobs``), the acronym of its
  capitalised words (``GM``), a person's surname, its last two words or more (``Apple Corps``
  for ``Beatles Apple Corps``), its first two words or more (``Dow Jones``), its one name word
  before a common noun (``iTunes`` for ``iTunes store``), or, after the full name, the name
  without its number in an article that names no other of its kind (``the Nikkei`` for
  ``Nikkei 225``, but not ``iPhone`` next to ``iPhone 3GS``). A phrase that names another
  target better belongs to that one: by a closer match, or as closely by more of its words
  (``Marble store`` is not ``Marble`` when both are targets);
- ``he``, ``his``... stand for a person entity when it is the subject told last before them
  (in the sentence, else the previous sentence's), or else the person named last;
- ``it`` and ``its`` stand for another entity when it is the singular subject told last
  before them in the sentence (for ``its``, any noun phrase), or the previous sentence's
  subject, or, in a clause that opens the sentence, the main clause's subject ("Even though
  it now uses ..., iPhone 4 has"); an expletive 'it' stands for nothing ("It was announced
  that ...");
- ``the store`` stands for ``iTunes store`` once the article has named it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from timeline_cli.events.actors import title_words

_NOMINAL = ("NOUN", "PROPN", "NUM")
# Links inside a name: "Steve Jobs", "iPhone 4", "S&P 500 index", "the 3G iPhone".
_NAME_LINKS = ("compound", "nmod", "nummod", "flat")
_SUBJECTS = ("nsubj", "nsubjpass")
_OBJECTS = ("dobj", "dative", "attr", "oprd")
# Clauses that take their subject from the clause they hang on.
_CONTROLLED = ("xcomp", "advcl", "pcomp", "conj")
_PERSON_PRONOUNS = ("he", "she", "him", "his", "her")
_THING_PRONOUNS = ("it", "its")
# Adverbs that make a phrasal verb when nothing follows them ("took the phone out of ...").
_PARTICLES = ("out", "off", "up", "down", "away", "back", "over")
_EXACT, _ALIAS, _PARTIAL, _SHORT = 4, 3, 2, 1


@dataclass(frozen=True)
class Target:
    """A target entity: its name, its words (lower case) and other names it goes by."""

    name: str
    aliases: tuple[str, ...] = ()
    # Words that continue its name into another one ("nano" of "iPod nano", written "iPod
    # Nano" somewhere in the collection).
    continuations: frozenset[str] = frozenset()

    @property
    def words(self) -> tuple[str, ...]:
        return name_words(self.name)


def name_words(text: str) -> tuple[str, ...]:
    """The words of a name, lower case and without dots: ``U.S. dollar`` -> (``us``,
    ``dollar``)."""
    return tuple(_plain(word) for word in text.split() if any(c.isalnum() for c in word))


def _plain(word: str) -> str:
    return word.lower().replace(".", "")


# --------------------------------------------------------------------------- name mentions


def name_tokens(head: Token) -> list[Token]:
    """The name words of the noun phrase ``head`` heads, in text order: the head and the words
    joined to it as parts of a name (not determiners, adjectives, possessors or clauses)."""
    found = [head]
    stack = [head]
    while stack:
        token = stack.pop()
        for child in token.children:
            if child.dep_ in _NAME_LINKS or (child.dep_ == "amod" and _is_name_word(child)):
                found.append(child)
                stack.append(child)
    return sorted(found, key=lambda token: token.i)


def _is_name_word(token: Token) -> bool:
    return token.pos_ == "PROPN" or any(c.isupper() or c.isdigit() for c in token.text)


def phrase_words(tokens: Sequence[Token]) -> tuple[str, ...]:
    """The words of tokens, those the text writes without a space joined again ("3G" that the
    tokenizer split in two)."""
    words: list[str] = []
    glued = False
    for token in tokens:
        if glued and words:
            words[-1] += _plain(token.text)
        else:
            words.append(_plain(token.text))
        glued = not token.whitespace_ and token.i + 1 < len(token.doc)
        glued = glued and token.nbor(1) in tokens
    return tuple(word for word in words if any(c.isalnum() for c in word))


def match_score(target: Target, tokens: Sequence[Token]) -> int:
    """How well a noun phrase's name words name a target: all its words and no further name
    after them (4), an alias or its acronym (3), a part that stands for it (2), the name
    without its number (1), not at all (0)."""
    entity = target.words
    words = _name_words_of(tokens, entity)
    if not words:
        return 0
    if set(entity) <= set(words) and words[-1] in entity:
        return _EXACT
    text = " ".join(words)
    if any(name_words(alias) == words for alias in target.aliases) or text == _acronym(target.name):
        return _ALIAS
    if _stands_for(target, words, tokens):
        return _PARTIAL
    return _SHORT if _shortened(target, words) else 0


def _name_words_of(tokens: Sequence[Token], entity: tuple[str, ...]) -> tuple[str, ...]:
    """The phrase's words that can be part of a name: capitalised words but titles, numbers and
    the entity's own words ("label Apple Corps" -> "apple corps", "iPod players" -> "ipod",
    "Ms. Varga" -> "varga"); a plural of an entity's word counts as that word ("iPods")."""
    kept = [
        token
        for token in tokens
        if (_is_name_word(token) and token.lower_ not in title_words())
        or _plain(token.text) in entity
    ]
    words = []
    for word in phrase_words(kept):
        singular = word[:-1] if word.endswith("s") else word
        words.append(singular if word not in entity and singular in entity else word)
    return tuple(words)


def _stands_for(target: Target, words: tuple[str, ...], tokens: Sequence[Token]) -> bool:
    """A surname, the last words of a longer name, its first words ("Dow Jones" for "Dow
    Jones Industrial Average"), or its one name word before a common noun ("iTunes" for
    "iTunes store")."""
    entity = target.words
    size = len(words)
    if size >= len(entity) or not _is_run(words, entity):
        return False
    if entity[-size:] == words:
        return size >= 2 or tokens[-1].ent_type_ == "PERSON"
    rest = target.name.split()[size:]
    if entity[:size] != words:
        return False
    return size >= 2 or all(word.isalpha() and word.islower() for word in rest)


def _shortened(target: Target, words: tuple[str, ...]) -> bool:
    """The name without its number ("Nikkei" for "Nikkei 225", "FTSE" for "FTSE 100 index")."""
    rest = target.name.split()[len(words) :]
    numbered = any(word.isdigit() for word in rest)
    common = all(word.isdigit() or (word.isalpha() and word.islower()) for word in rest)
    return target.words[: len(words)] == words and numbered and common


def _is_run(words: tuple[str, ...], entity: tuple[str, ...]) -> bool:
    size = len(words)
    return any(entity[i : i + size] == words for i in range(len(entity) - size + 1))


def _acronym(name: str) -> str:
    capitals = [word[0] for word in name.split() if word[:1].isupper()]
    return "".join(capitals).lower() if len(capitals) >= 2 else ""


def nominal_heads(doc: Doc | Span) -> Iterable[Token]:
    """The heads of the article's noun phrases (the top of each chain of name words)."""
    for token in doc:
        if token.pos_ in _NOMINAL and not (
            token.dep_ in _NAME_LINKS and token.head.pos_ in _NOMINAL
        ):
            yield token


def name_mentions(doc: Doc, target: Target, others: Sequence[Target] = ()) -> list[Token]:
    """Heads of the noun phrases that name the target, and no other target better (by more
    of the phrase: "Marble store" names the target "Marble store" rather than "Marble"). The
    name without its number ("the Nikkei") names it after a fuller mention, in an article
    that names no other of its kind (no "iPhone 3GS" next to "iPhone 4")."""
    found = []
    phrases = [(head, name_tokens(head)) for head in nominal_heads(doc)]
    for head, tokens in phrases:
        if head.lower_ in target.continuations or head.lemma_.lower() in target.continuations:
            continue  # "the iPod nano" is not the iPod
        rank = _rank(target, tokens)
        if rank[0] == _SHORT and not (found and _alone_of_its_kind(target, phrases)):
            continue
        if rank[0] and all(_rank(other, tokens) <= rank for other in others):
            found.append(head)
    return found


def _alone_of_its_kind(target: Target, phrases: Sequence[tuple[Token, list[Token]]]) -> bool:
    """No phrase names the target's first word with another word after it."""
    first = target.words[0]
    for _, tokens in phrases:
        words = _name_words_of(tokens, target.words)
        if first in words[:-1] and words[words.index(first) + 1] not in target.words:
            return False
    return True


def _rank(target: Target, tokens: Sequence[Token]) -> tuple[int, int]:
    score = match_score(target, tokens)
    return score, len(target.words) if score else 0


# --------------------------------------------------------------------------- coreference


def coreferent_mentions(doc: Doc, target: Target, named: Sequence[Token]) -> list[Token]:
    """Pronouns and definite descriptions that stand for the target in an article where
    ``named`` are its name mentions."""
    if not named:
        return []
    person = sum(head.ent_type_ == "PERSON" for head in named) * 2 > len(named)
    mentions = set(named)
    found: list[Token] = []
    description = _description_noun(target)
    for token in doc:
        if _stands_for_target(token, person, description, mentions, named[0]):
            found.append(token)
            mentions.add(token)
    return found


def _stands_for_target(
    token: Token, person: bool, description: str | None, mentions: set[Token], first: Token
) -> bool:
    """Whether a pronoun or a description stands for the target (see the module's doc)."""
    word = token.lower_
    if person and word in _PERSON_PRONOUNS:
        return _names(_person_antecedent(token, mentions), mentions)
    if not person and word in _THING_PRONOUNS:
        return not _expletive(token) and _names(_thing_antecedent(token), mentions)
    if description and word == description and token.i > first.i and _definite(token):
        return not any(child.dep_ in _NAME_LINKS for child in token.children)
    return False


def _names(antecedent: Token | None, mentions: set[Token]) -> bool:
    """Whether a phrase is one of the mentions, or in apposition to one ("The newest
    iPhone, iPhone 4, ...")."""
    if antecedent is None:
        return False
    appositions = [child for child in antecedent.children if child.dep_ == "appos"]
    return antecedent in mentions or any(child in mentions for child in appositions)


def _person_antecedent(pronoun: Token, mentions: set[Token]) -> Token | None:
    """Who 'he' or 'she' is: the subject told last before it in its sentence or, at the start
    of a sentence, the previous sentence's subject, when that is the target; else the person
    named last before it."""
    sentence = pronoun.sent
    before = [t for t in sentence if t.i < pronoun.i and t.dep_ in _SUBJECTS]
    if not before and sentence.start > 0:
        subject = _subject(pronoun.doc[sentence.start - 1].sent.root)
        before = [subject] if subject is not None else []
    if before and _names(before[-1], mentions):
        return before[-1]
    return _person_before(pronoun, mentions)


def _expletive(pronoun: Token) -> bool:
    """ "It was announced that ...", "it is likely that ...": an 'it' that stands for nothing."""
    if pronoun.dep_ == "expl":
        return True
    verb = pronoun.head
    clause = any(
        child.dep_ in ("ccomp", "csubj") and child.i > pronoun.i for child in verb.children
    )
    passive = any(child.dep_ == "auxpass" for child in verb.children)
    return pronoun.dep_ in _SUBJECTS and clause and (passive or verb.lemma_ == "be")


def _description_noun(target: Target) -> str | None:
    """The common noun a target's name ends in ("store" of "iTunes store")."""
    words = target.name.split()
    last = words[-1] if words else ""
    return last if len(words) > 1 and last.isalpha() and last.islower() else None


def _definite(noun: Token) -> bool:
    return any(child.dep_ == "det" and child.lower_ in ("the", "this") for child in noun.children)


def _person_before(pronoun: Token, mentions: set[Token]) -> Token | None:
    """The person named (or already resolved) last before a pronoun, in its sentence or the
    two before it."""
    start = pronoun.sent.start
    for _ in range(2):
        start = pronoun.doc[start - 1].sent.start if start else 0
    for token in reversed(pronoun.doc[start : pronoun.i]):
        if token in mentions or token.ent_type_ == "PERSON" or _name_head(token) in mentions:
            return token if token in mentions else _name_head(token)
    return None


def _name_head(token: Token) -> Token:
    current = token
    while current.dep_ in _NAME_LINKS and current.head.pos_ in _NOMINAL:
        current = current.head
    return current


def _thing_antecedent(pronoun: Token) -> Token | None:
    """What 'it' or 'its' stands for: the singular subject told last before it in its sentence
    (for 'its', any noun phrase: "downloaded from the store since its launch"), else, for a
    clause that opens the sentence, the main clause's subject ("Even though it now uses ...,
    iPhone 4 has"), else the main subject of the sentence before."""
    sentence = pronoun.sent
    roles = _SUBJECTS if pronoun.lower_ == "it" else (*_SUBJECTS, *_OBJECTS, "pobj")
    before = [
        t
        for t in sentence
        if t.i < pronoun.i
        and t.dep_ in roles
        and t.pos_ in ("NOUN", "PROPN")
        and _singular(t)
        and t.ent_type_ != "PERSON"
    ]
    if before:
        return before[-1]
    clause = _clause_of(pronoun)
    if clause.dep_ == "advcl" and clause.i < clause.head.i:
        main = _subject(clause.head)
        if main is not None and main.pos_ != "PRON":
            return main
    if sentence.start == 0:
        return None
    previous = pronoun.doc[sentence.start - 1].sent
    return _subject(previous.root)


def _singular(noun: Token) -> bool:
    return noun.tag_ not in ("NNS", "NNPS")


def _clause_of(token: Token) -> Token:
    current = token.head
    while current.pos_ not in ("VERB", "AUX") and current.head is not current:
        current = current.head
    return current


def _subject(verb: Token) -> Token | None:
    return next((child for child in verb.children if child.dep_ in _SUBJECTS), None)


# --------------------------------------------------------------------------- predicates


def predicates_of(mention: Token) -> set[int]:
    """Token indices of the predicates a mention is an argument of (see the module's doc)."""
    node = mention
    while node.dep_ in ("appos", "conj") and node.head.pos_ in _NOMINAL and node.head is not node:
        node = node.head  # "Steve Jobs and Steve Wozniak", "its CEO, Steve Jobs"
    found = {node.i}  # the phrase's own head, when it is an event noun ("iPod use")
    found.update(c.i for c in node.children if c.dep_ in ("relcl", "acl"))
    head = node.head
    if node.dep_ == "poss" or head is node:
        return found | ({head.i} if node.dep_ == "poss" else set())
    if node.dep_ in _SUBJECTS:
        found |= {head.i} | _sharing_subject(head)
    elif node.dep_ in _OBJECTS:
        found.add(head.i)
        for clause in head.children:  # "prompting Apple Corps to file suit"
            if clause.dep_ == "xcomp" and clause.i > node.i and _subject(clause) is None:
                found |= {clause.i} | _sharing_subject(clause)
    elif node.dep_ == "pobj":
        preposition = head
        governor = preposition.head
        if preposition.dep_ == "agent":  # only the passive verb: "was recommended by Jobs
            found.add(governor.i)  # to take over" tells Cook's taking over
        elif preposition.dep_ == "prep" and governor.pos_ in ("NOUN", "PROPN"):
            found.add(governor.i)
    return found


def _sharing_subject(verb: Token) -> set[int]:
    """Verbs that take this verb's subject: coordinated ones without their own, controlled
    infinitives, and participles hanging on it, directly or after a preposition ("started by
    hinting at ...")."""
    found: set[int] = set()
    stack = [verb]
    while stack:
        current = stack.pop()
        for child in _dependents(current):
            if child.pos_ in ("VERB", "AUX") and _subject(child) is None and child.i not in found:
                found.add(child.i)
                stack.append(child)
    return found


def _dependents(verb: Token) -> list[Token]:
    """The clauses that hang on a verb and may borrow its subject."""
    found = []
    for child in verb.children:
        if child.dep_ in _CONTROLLED:
            found.append(child)
        elif child.dep_ == "prep":
            found.extend(c for c in child.children if c.dep_ == "pcomp")
    return found


def involvement(
    doc: Doc, target: Target, others: Sequence[Target] = (), light: frozenset[str] = frozenset()
) -> set[int]:
    """Token indices of every predicate of the article the target takes part in; with the
    ``light`` verbs' lemmas, the events their objects name too ("gave a keynote")."""
    named = name_mentions(doc, target, others)
    found: set[int] = set()
    for mention in named:
        if _modifier_use(mention, target) and mention.dep_ not in (*_SUBJECTS, *_OBJECTS):
            found.add(mention.i)  # "hearing loss from iPod use": the use, not the loss
        else:
            found |= predicates_of(mention)
    for mention in coreferent_mentions(doc, target, named):
        found |= predicates_of(mention)
    carried = {
        child.i
        for index in found
        if doc[index].lemma_ in light
        for child in doc[index].children
        if child.dep_ == "dobj"
    }
    return found | carried


def _modifier_use(head: Token, target: Target) -> bool:
    """The name modifies a common noun ("iPod players", "iPod use")."""
    return head.pos_ == "NOUN" and head.text.islower() and _plain(head.text) not in target.words


def continuations(docs: Iterable[Doc], target: Target) -> frozenset[str]:
    """Words written capitalised right after the target's name, mid-sentence, in any of the
    articles: in lower case they still continue it ("iPod nano" after "iPod Nano"). First
    sentences are left out: a title capitalises every word."""
    size = len(target.words)
    found = set()
    for doc in docs:
        for token in doc:
            capitalised = token.text[:1].isupper() and token.is_alpha
            if not capitalised or token.is_sent_start or token.sent.start == 0:
                continue
            before = doc[max(token.i - size, 0) : token.i]
            if tuple(_plain(t.text) for t in before) == target.words:
                found.add(token.lemma_.lower())
                found.add(token.lower_)
    return frozenset(found)


def particle_tokens(token: Token) -> list[Token]:
    """A phrasal verb's words: the verb and its particles ("showed off", "taking ... out of",
    "took six months off")."""
    particles = [
        child
        for child in token.children
        if child.dep_ == "prt"
        or (
            child.dep_ in ("prep", "advmod")
            and child.lower_ in _PARTICLES
            and all(grandchild.dep_ == "prep" for grandchild in child.children)
        )
    ]
    return sorted([token, *particles], key=lambda t: t.i)


__all__ = [
    "Target",
    "continuations",
    "coreferent_mentions",
    "involvement",
    "match_score",
    "name_mentions",
    "name_tokens",
    "particle_tokens",
    "predicates_of",
]
