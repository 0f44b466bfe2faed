"""The type of an event, from its predicate and the words around it (``data/lexicon.toml``).

Order of evidence: a phrase the lexicon lists ("swear in", "win vote"); the event noun a
light verb carries ("held talks", "launched an attack"); a natural hazard as the subject of
an impact verb ("the storm hammered the coast"); the verb or noun itself; else ``other``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from timeline_cli.events.actors import title_words
from timeline_cli.events.lexicon import OTHER, Lexicon
from timeline_cli.events.predicates import is_event_noun, is_verb

_PHRASE_DEPS = (
    "prt", "dobj", "acomp", "advmod", "oprd", "ccomp", "prep", "xcomp", "attr", "npadvmod",
    "nsubjpass",
)  # fmt: skip
_OBJECT_DEPS = ("dobj", "attr", "nsubjpass", "oprd")
_SUBJECTS = ("nsubj", "nsubjpass")
_INFORMATION = {
    "footage", "figure", "report", "datum", "data", "result", "statement", "video", "image",
    "photo", "detail", "list", "name", "record", "document", "transcript", "finding", "number",
    "estimate", "forecast", "earnings", "earning", "profit", "loss", "letter", "memo", "passage",
    "advice", "opinion", "paper", "file", "email", "evidence", "information", "picture",
}  # fmt: skip
_PEOPLE = {
    "prisoner", "hostage", "detainee", "captive", "activist", "dissident", "journalist",
    "defector", "refugee", "suspect", "inmate", "protester", "worker", "people", "man", "woman",
    "child", "him", "her", "them", "sailor", "soldier", "crew", "national", "citizen",
}  # fmt: skip


def hazard_names(doc: Doc, lexicon: Lexicon) -> frozenset[str]:
    """Names the article gives natural hazards: "Katrina" after "Hurricane Katrina"."""
    names = set()
    for entity in doc.ents:
        before = doc[entity.start - 1].lower_ if entity.start > 0 else ""
        words = [token.lower_ for token in entity]
        titled = len(words) > 1 and words[0] in lexicon.hazard_titles
        if titled or before in lexicon.hazard_titles:
            names.add(words[-1])
    return frozenset(names)


def classify(token: Token, lexicon: Lexicon, hazards: frozenset[str] = frozenset()) -> str:
    """The lexicon type (or subtype) of the event a verb or event noun tells."""
    if is_verb(token):
        return _verb_type(token, lexicon, hazards)
    return noun_type(token, lexicon)


def noun_type(token: Token, lexicon: Lexicon) -> str:
    if token.lemma_.lower() == "release":
        return _release_noun_type(token)
    for child in token.children:
        if child.dep_ in ("compound", "amod"):
            for word in (child.lower_, child.lemma_.lower()):
                phrase = lexicon.noun_phrases.get((word, token.lemma_.lower()))
                if phrase:
                    return phrase
    return lexicon.nouns.get(token.lemma_.lower()) or lexicon.nouns.get(token.lower_) or OTHER


def _verb_type(verb: Token, lexicon: Lexicon, hazards: frozenset[str]) -> str:
    lemma = verb.lemma_.lower()
    if _undoes(verb, lexicon):
        return OTHER  # "the launch was aborted": what happened is not a launch
    if claims_lives(verb):
        return _killer_type(verb, lexicon, hazards)
    if lemma in lexicon.speech_verbs or lexicon.verbs.get(lemma) == "statement":
        if not speaks(verb, lexicon):
            return OTHER  # "ordered to report to prison"
        speaker = _speaker(verb)
        decides = lemma in ("declare", "rule", "find", "order", "decide", "uphold")
        if decides and speaker is not None and speaker.lemma_.lower() in _COURTS:
            return "ruling"  # what a court declares is its ruling
    phrase = _phrase_type(verb, lexicon)
    if phrase and _fits_subject(phrase, verb):
        return phrase
    if lemma in lexicon.light_verbs or lemma in lexicon.aspectual_verbs:
        carried = carried_event(verb, lexicon) or _event_subject(verb, lexicon)
        carried_type = noun_type(carried, lexicon) if carried is not None else None
        # "announced a boycott" is a boycott, "announced another event" an announcement
        if carried_type and not (carried_type == OTHER and lemma in lexicon.speech_verbs):
            return carried_type  # "held talks", "the riots saw 130 injured"
    subject = _subject_noun(verb)
    if _is_hazard(subject, lexicon, hazards) and lemma in (*lexicon.impact_verbs, "kill"):
        return "disaster"
    if lemma == "kill":
        if _is_passive(verb) and _in_an_accident(verb, lexicon):
            return "accident"  # "31 marines were killed when their helicopter crashed"
        return "death" if _is_passive(verb) else "attack"
    if lemma == "release":
        return _release_type(verb)
    if lemma in lexicon.speech_verbs:
        spoken = _speech_type(verb, lexicon)
        if spoken is not None:
            return spoken
    if lemma in _COUNT_CHANGES and _official_figure(verb):
        return "announcement"  # "the official death toll rose to 110,000": a new figure given
    if subject is not None and subject.lemma_.lower() in _LEGISLATURES and lemma in _VOTING_VERBS:
        return "vote"  # "the parliament ratified the treaty"
    if lemma in _TITLE_VERBS and _names_a_title(verb):
        return "appointment"  # "was made a brigadier general", "named him minister"
    typed = lexicon.verbs.get(lemma)
    if typed == "deportation" and not _out_of_a_country(verb):
        return OTHER  # "expelled from the talks" deports no one
    if typed and _fits_subject(typed, verb):
        return typed
    if subject is not None and subject.lemma_.lower() in lexicon.agents:
        return lexicon.agents[subject.lemma_.lower()]  # "protesters converged on the palace"
    told = _event_subject(verb, lexicon)
    if told is not None:
        return noun_type(told, lexicon)  # "the protest began on Monday", "strikes paralysed"
    return OTHER


_PERSONAL_TYPES = ("resignation", "appointment")
# Verbs whose subject appoints someone else: "the government appointed a tsar".
_APPOINTING_VERBS = ("appoint", "nominate", "hire", "name", "promote", "install", "elevate")
_PERSON_PRONOUNS = ("he", "she", "who", "whom", "i")
_NOT_PERSONS = ("ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT")
_BODIES = {
    "company", "firm", "government", "agency", "party", "team", "club", "group", "bank",
    "airline", "carrier", "union", "it", "they", "mission", "operation", "crew",
}  # fmt: skip
_RESULT_WORDS = {"profit", "loss", "revenue", "earnings", "earning", "money", "sales"}
_RESULT_VERBS = {"lose", "make", "earn", "post", "report", "gain", "book", "record", "have"}
_LEGISLATURES = {
    "parliament", "senate", "congress", "assembly", "house", "lawmaker", "legislature",
    "legislator", "deputy", "mp", "duma", "knesset", "bundestag", "chamber",
}  # fmt: skip
_VOTING_VERBS = {"ratify", "approve", "pass", "adopt", "reject", "endorse", "back", "vote"}
_TITLE_VERBS = {"make", "name", "appoint", "elect", "choose", "select", "nominate"}
_COURTS = {"court", "tribunal", "judge", "justice", "jury"}
_OCCURRENCE_ENDINGS = ("ment", "tion", "sion", "ing", "ure", "al")


def _out_of_a_country(verb: Token) -> bool:
    """Deported or expelled from a country (or without saying from what)."""
    sources = [
        g for c in verb.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children
    ]
    return not sources or any(
        s.ent_type_ in ("GPE", "LOC") or s.lemma_.lower() in ("country", "territory", "state")
        for s in sources
    )


def _names_a_title(verb: Token) -> bool:
    for child in verb.children:
        if child.dep_ in ("oprd", "attr", "dobj", "xcomp") and child.lower_ in title_words():
            return True
    return False


def _fits_subject(event_type: str, verb: Token) -> bool:
    """Resigning and taking office are what people do: "the company stood down from the
    mission" is no resignation."""
    if event_type not in _PERSONAL_TYPES or verb.lemma_.lower() in _APPOINTING_VERBS:
        return True
    subject = _subject_noun(verb)
    if subject is None or subject.ent_type_ == "PERSON" or subject.lower_ in _PERSON_PRONOUNS:
        return True
    return subject.ent_type_ not in _NOT_PERSONS and subject.lemma_.lower() not in _BODIES


def _undoes(verb: Token, lexicon: Lexicon) -> bool:
    lemma = verb.lemma_.lower()
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return lemma in lexicon.undoing_verbs or any(
        f"{lemma} {p}" in lexicon.undoing_verbs for p in particles
    )


def _in_an_accident(verb: Token, lexicon: Lexicon) -> bool:
    return any(
        lexicon.verbs.get(child.lemma_.lower()) == "accident"
        for child in verb.children
        if child.dep_ in ("advcl", "conj")
    )


def _speech_type(verb: Token, lexicon: Lexicon) -> str | None:
    """What kind of saying: a court's is a ruling; a confirmed occurrence is that occurrence
    ("the deployment was confirmed"), confirmed figures an announcement; a company's results
    or its own next move are announcements ("said they are expanding the recalls")."""
    if _is_passive(verb) and _speaker(verb) is None:
        told = _subject_noun(verb)
        if told is not None and (
            is_event_noun(told, lexicon) or told.lower_.endswith(_OCCURRENCE_ENDINGS)
        ):
            return noun_type(told, lexicon)
        return "announcement"
    if _tells_results(verb) or _announces_own_move(verb, lexicon):
        return "announcement"
    return None


def speaks(verb: Token, lexicon: Lexicon) -> bool:
    """A verb of saying used as one: "report to prison", "confirmed as minister" and "the
    blast claimed 60 lives" are not."""
    lemma = verb.lemma_.lower()
    if not is_verb(verb) or claims_lives(verb):
        return False
    if lemma not in lexicon.speech_verbs and lexicon.verbs.get(lemma) != "statement":
        return False
    return not any(
        child.dep_ == "prep"
        and (
            child.lower_ in ("to", "for")
            or (lemma in ("confirm", "name") and child.lower_ == "as" and not _dated(child))
        )
        for child in verb.children
    )


_LIVES = ("life", "lives", "victim")


def claims_lives(verb: Token) -> bool:
    """ "The flood claimed 60 lives": a killing, not a claim."""
    return verb.lemma_.lower() == "claim" and any(
        child.dep_ == "dobj" and child.lemma_.lower() in _LIVES for child in verb.children
    )


def _killer_type(verb: Token, lexicon: Lexicon, hazards: frozenset[str]) -> str:
    """What kind of killing the killer makes it: an attack, a disaster, an accident."""
    subject = _subject_noun(verb)
    if subject is None:
        return "death"
    if _is_hazard(subject, lexicon, hazards):
        return "disaster"
    if is_event_noun(subject, lexicon):
        return noun_type(subject, lexicon)
    return lexicon.agents.get(subject.lemma_.lower(), "death")


def _dated(preposition: Token) -> bool:
    return any(token.ent_type_ in ("DATE", "TIME") for token in preposition.subtree)


def _speaker(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "nsubj":
            return _counted(child)
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _announces_own_move(verb: Token, lexicon: Lexicon) -> bool:
    """ "Mazda said it is recalling 159,807 vehicles": a speaker telling what it does now or
    will do."""
    for child in verb.children:
        if child.dep_ != "ccomp" or child.lemma_ in lexicon.state_verbs:
            continue
        subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lower_ not in ("it", "they"):
            continue
        if any(c.dep_ == "neg" for c in child.children):
            continue
        auxiliaries = {c.lower_ for c in child.children if c.dep_ == "aux"}
        if child.tag_ == "VBG" and auxiliaries & {"is", "are", "'s", "'re"}:
            return True
    return False


def _tells_results(verb: Token) -> bool:
    """A statement whose content is results: money lost or made, profits ("reported it lost
    money"), or counted figures ("reported 351 cases", "confirmed 109 cases")."""
    for child in verb.children:
        if child.dep_ == "dobj" and any(c.dep_ == "nummod" for c in child.children):
            return True
        if child.dep_ != "ccomp" or child.lemma_ not in _RESULT_VERBS:
            continue
        if any(c.dep_ == "aux" and c.tag_ == "MD" for c in child.children):
            continue  # "should record a single to raise money" tells no result
        for token in child.subtree:
            if token.ent_type_ == "MONEY" or token.lemma_.lower() in _RESULT_WORDS:
                return True
    return False


def _event_subject(verb: Token, lexicon: Lexicon) -> Token | None:
    subject = _subject_noun(verb)
    return subject if subject is not None and is_event_noun(subject, lexicon) else None


def _phrase_type(verb: Token, lexicon: Lexicon) -> str | None:
    """A listed phrase: the verb with a particle, object or complement word, looking one step
    into objects and prepositions ("won 68 percent of the vote")."""
    lemma = verb.lemma_.lower()
    near: list[Token] = []
    for child in verb.children:
        if child.dep_ in _PHRASE_DEPS:
            near.append(child)
            near.extend(g for g in child.children if g.dep_ in ("pobj", "prep", "prt"))
            near.extend(
                gg
                for g in child.children
                if g.dep_ == "prep"
                for gg in g.children
                if gg.dep_ == "pobj"
            )
    for token in near:
        for word in (token.lower_, token.lemma_.lower()):
            phrase = lexicon.verb_phrases.get((lemma, word))
            if phrase:
                return phrase
    return None


def carried_event(verb: Token, lexicon: Lexicon) -> Token | None:
    """The event noun a verb takes as object: "held talks", "stoked protests"."""
    for child in verb.children:
        if child.dep_ in _OBJECT_DEPS and is_event_noun(child, lexicon):
            return child
        if child.dep_ == "prt":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj" and is_event_noun(grandchild, lexicon):
                    return grandchild
    return None


_QUANTITIES = {"thousand", "hundred", "dozen", "million", "score", "number", "group", "crowd"}


def _subject_noun(verb: Token) -> Token | None:
    """The verb's subject, or the subject of the clause it hangs on ("Katrina turned east
    before slamming ashore"; "the storm, which weakened overnight"); in "thousands of
    protesters", the protesters."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    told_by = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent else None
    if told_by is not None and verb.lemma_ in ("follow", "precede", "accompany"):
        return told_by  # "followed on Sunday by the first death": the death happened
    current = verb
    for _ in range(4):
        subject = next((c for c in current.children if c.dep_ in _SUBJECTS), None)
        if subject is not None and subject.tag_ in ("WDT", "WP") and current.dep_ == "relcl":
            return _counted(current.head)  # "the earthquake which struck Haiti"
        if subject is not None:
            return _counted(subject)
        if current.dep_ in ("relcl", "acl") and current.head.pos_ in ("NOUN", "PROPN"):
            return current.head
        if (
            current.dep_ not in ("xcomp", "advcl", "pcomp", "conj", "prep", "acomp")
            or current.head is current
        ):
            return None
        current = current.head
    return None


def _counted(noun: Token) -> Token:
    if noun.lemma_.lower() not in _QUANTITIES:
        return noun
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    counted = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
    return counted or noun


def _is_hazard(subject: Token | None, lexicon: Lexicon, hazards: frozenset[str]) -> bool:
    if subject is None:
        return False
    return subject.lemma_.lower() in lexicon.hazard_nouns or subject.lower_ in hazards


def _is_passive(verb: Token) -> bool:
    return any(child.dep_ in ("auxpass", "nsubjpass") for child in verb.children)


_COUNT_CHANGES = ("rise", "increase", "climb", "reach", "jump", "soar", "fall", "drop", "grow")


def _official_figure(verb: Token) -> bool:
    """The verb's subject is an official figure: "the official number of cases"."""
    return any(
        word.dep_ == "amod" and word.lower_ == "official"
        for child in verb.children
        if child.dep_ == "nsubj"
        for word in child.subtree
        if word.i < child.i  # "the official government death toll", not "toll of officials"
    )


def _release_type(verb: Token) -> str:
    """Releasing people frees them, releasing information announces it, releasing a product
    launches it."""
    objects = [child for child in verb.children if child.dep_ in ("dobj", "nsubjpass")]
    if not objects and verb.dep_ in ("acl", "relcl"):
        objects = [verb.head]  # "a report released last week", "the system, to be released"
    return _released(objects)


def _release_noun_type(noun: Token) -> str:
    """The same for the noun: "the release of the hostages", "his release from prison",
    "the film's release"."""
    if any(c.dep_ == "prep" and c.lower_ == "from" for c in noun.children):
        return "release"  # "release from prison", "from custody"
    owners = [c for c in noun.children if c.dep_ == "poss"]
    owners += [
        g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
    ]
    if any(owner.lower_ == "its" for owner in owners):
        return "launch"
    return _released([owner for owner in owners if owner.pos_ != "PRON"] or owners)


def _released(objects: list[Token]) -> str:
    if not objects:
        return "release"
    words = {obj.lemma_.lower() for obj in objects}
    if any(obj.ent_type_ in ("PERSON", "NORP") for obj in objects) or words & _PEOPLE:
        return "release"
    if any(obj.pos_ == "PRON" for obj in objects):
        return "release"  # "his release", "their release"
    if words & _INFORMATION:
        return "announcement"
    if words & {"body", "remains", "corpse"}:
        return OTHER  # "the body was released to the family"
    return "launch"
