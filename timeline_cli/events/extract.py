"""Events read from the parse, one sentence at a time.

Every factual or planned predicate that the text dates is an event, whether or not the
lexicon knows its word (those are of type ``other``): dates are attached to predicates by
``dating``, moods decided by ``predicates``, types by ``event_types``. Statements ("X said")
are events even without a date of their own: the publication date stands in (precision
``publication``). Other predicates without any date are not events: a chronology cannot place
them, and a careful reader would not either. Planned events need a date of their own.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from timeline_cli.core.models import Document, Event, Mention
from timeline_cli.core.timevalue import TimeValue
from timeline_cli.events.actors import ActorIndex
from timeline_cli.events.dating import (
    Dating,
    anchor_event,
    anchored_offset,
    carrier,
    datable,
    date_owner,
    day_value,
    own_dating,
    quoted_deictic,
    shifted,
    simultaneous_clause_date,
    when_clause_head,
)
from timeline_cli.events.docindex import DocIndex, sentence_entities
from timeline_cli.events.evidence import (
    antecedent,
    headline_of,
    participants,
    stranded_speaker,
    summary_of,
    told_tokens,
)
from timeline_cli.events.lexicon import OTHER, Lexicon, load_lexicon
from timeline_cli.events.predicates import PLANNED, is_event_noun, is_verb, mood_of
from timeline_cli.events.taxonomy import carried_event, classify, hazard_names, noun_type, speaks
from timeline_cli.temporal.mentions import PRESENT, Timex, tense_of
from timeline_cli.temporal.normalize import BEHIND, INVALID, UNRESOLVED

PUBLICATION_RULE = "publication date"
# Types one event may be named by: "held talks" is "the meeting" later in the article.
_KINDRED = {"talks": ("meeting",), "meeting": ("talks",)}
_SUBJECTS = ("nsubj", "nsubjpass", "agent", "expl")


@dataclass(frozen=True)
class Candidate:
    """A predicate that may tell an event, with its date if it has one."""

    token: Token
    mood: str
    dating: Dating | None


def extract_events(
    doc: Doc,
    document: Document,
    timexes: list[Timex],
    lexicon: Lexicon | None = None,
    actors: ActorIndex | None = None,
    index: DocIndex | None = None,
    as_reported: bool = False,
) -> list[Event]:
    """All events of one parsed article, in text order. With ``as_reported``, factual events
    the text does not date are kept too, dated by the publication date (precision
    ``publication``), as an entity's full timeline needs them; so are states ("has two
    cameras"), quoted voices ('"...," said the coach') and every predicate of a sentence,
    not one per type and date."""
    reader = _ArticleReader(
        doc, document, timexes, lexicon or load_lexicon(), actors or ActorIndex(doc), index
    )
    reader.as_reported = as_reported
    sentences = reader.index.sentences
    read = [reader.read(sentence) for sentence in sentences]
    # "the day after the disaster" in the lead, "the January 12 earthquake" further down: a
    # second reading of those sentences finds anchors the article tells only later.
    waiting, reader.waiting = sorted(reader.waiting), set()
    reader.looking_ahead = True
    for number in waiting:
        read[number] = reader.read(sentences[number])
    return [event for events in read for event in events]


class _ArticleReader:
    def __init__(
        self,
        doc: Doc,
        document: Document,
        timexes: list[Timex],
        lexicon: Lexicon,
        actors: ActorIndex,
        index: DocIndex | None,
    ) -> None:
        self.doc = doc
        self.document = document
        self.lexicon = lexicon
        self.actors = actors
        self.index = index or DocIndex(doc)
        self.hazards = hazard_names(doc, lexicon)
        self.as_reported = False
        self.timexes = sorted(timexes, key=lambda t: t.start)
        # The latest event told so far, by trigger lemma and by type, for "a day after the vote"
        self.told_events: dict[str, list[Event]] = {}
        self.waiting: set[int] = set()  # sentences whose anchor event is told only later
        self.looking_ahead = False
        self._timex_starts = [t.start for t in self.timexes]

    def sentence_timexes(self, sentence: Span) -> list[Timex]:
        first = bisect_left(self._timex_starts, sentence.start)
        last = bisect_left(self._timex_starts, sentence.end)
        return self.timexes[first:last]

    def read(self, sentence: Span) -> list[Event]:
        timexes = self.sentence_timexes(sentence)
        quoted = [t for t in timexes if self.index.in_quote(self.doc[t.start])]
        dates = [t for t in timexes if datable(t, self.doc) and t not in quoted]
        owned: dict[int, list[Timex]] = {}
        for timex in dates:
            owner = date_owner(timex, sentence, self.lexicon)
            if owner is not None:
                owned.setdefault(owner.i, []).append(timex)
        vague = {
            owner.i
            for timex in timexes
            if _is_vague(timex) and (owner := date_owner(timex, sentence, self.lexicon))
        }
        dater = _SentenceDater(self, sentence, dates, owned, quoted, vague)
        dater.number = self.index.number_of(sentence)
        events: list[Event] = []
        seen: set[tuple[str, str | None]] = set()
        candidates = dater.candidates()
        for candidate in candidates:
            event = self._event(candidate, sentence, dater.lenders)
            if event is None:
                continue
            key = (event.type, event.date.value if event.date else None)
            if key not in seen or self.as_reported:  # as reported, every mention counts
                seen.add(key)
                events.append(event)
                self._remember(event)
        return events

    def _remember(self, event: Event) -> None:
        if event.precision in ("day", "time") and not event.planned:
            kindred = _KINDRED.get(event.type, ())
            for key in (event.trigger.lower(), event.type, *kindred):
                self.told_events.setdefault(key, []).append(event)

    def told(self, keys: tuple[str, ...], position: int, sentence: int) -> Event | None:
        """The event told last before a position under one of the keys (a trigger word, then a
        type); on a second reading, else the first told after it."""
        for key in keys:
            events = self.told_events.get(key, [])
            before = [e for e in events if e.mention.start < position]
            if before:
                return before[-1]
            after = [e for e in events if e.mention.start > position]
            if after and self.looking_ahead:
                return after[0]
        if not self.looking_ahead:
            self.waiting.add(sentence)
        return None

    def _event(self, candidate: Candidate, sentence: Span, lenders: set[int]) -> Event | None:
        token = candidate.token
        name = classify(token, self.lexicon, self.hazards)
        event_type, subtype = self.lexicon.type_of(name)
        speech = is_speech(token, self.lexicon) and not _is_passive(token)
        statement = speech or event_type == "statement"
        if candidate.dating is None or _about_a_picture(token, sentence) or _furniture(token):
            return None
        if name == OTHER and (token.i in lenders or _hearsay(token)):
            return None
        if _says_nothing(token, self.lexicon) or _bounds_a_period(token, self.lexicon):
            return None
        if name == OTHER and _is_state(token, self.lexicon) and not self._reported_state(token):
            return None
        clause = token if is_verb(token) else _clause_of_noun(token, self.lexicon)
        names, places = participants(sentence, clause, token, self.actors)
        dated = not candidate.dating.publication
        if speech and not self._has_speaker(token, sentence, dated):
            return None
        if speech and not dated and self._only_quotes(token) and not self.as_reported:
            return None  # '"We will win," said the coach': a voice, not a dated event
        # (as reported, it is still a saying the coach takes part in)
        dating = candidate.dating
        if statement and dating.publication and not names and self._unnamed_voices(token):
            return None
        if statement and dating.publication and not self.as_reported:
            dating = self._speakers_occasion(names, sentence) or dating
        date, precision = _event_date(dating, self.document)
        word = self._naming_word(token)
        if precision == "unknown" and not statement and dating.value.type != INVALID:
            return None
        return Event(
            type=event_type,
            trigger=word.lemma_,
            date=date,
            precision=precision,
            actors=names,
            places=places,
            summary=summary_of(sentence, told_tokens(token, clause, statement), self.actors),
            mention=self._mention(sentence, word, dating, date),
            principals=tuple(name for name in names if name in self.actors.people),
            subtype=subtype,
            planned=candidate.mood == PLANNED,
            end=dating.end,
            headline=headline_of(
                sentence, clause, token, self.actors, places, candidate.mood == PLANNED, statement
            ),
        )

    def _speakers_occasion(self, speakers: tuple[str, ...], sentence: Span) -> Dating | None:
        """A saying the text does not date, by a speaker it has already dated saying something
        ("Mr Lund said yesterday ... . He added that ..."): the same occasion, the same day."""
        if not speakers:
            return None
        here = self.document.source_offset(sentence.start_char)
        for told in reversed(self.told_events.get("statement", [])):
            if told.mention.start < here and speakers[0] in told.actors[:1]:
                assert told.date is not None  # only dated events are remembered
                return Dating(replace(told.date, rule=OCCASION_RULE), None)
        return None

    def _reported_state(self, token: Token) -> bool:
        """With ``as_reported``, a state is told as well ("the phone has two cameras"), but
        not a copula."""
        return self.as_reported and token.lemma_ != "be"

    def _naming_word(self, token: Token) -> Token:
        """The word that names the event: the noun a light verb carries ("gave a keynote"
        is a keynote), else the predicate itself."""
        light = self.lexicon.light_verbs | self.lexicon.aspectual_verbs
        if is_verb(token) and token.lemma_ in light:
            return carried_event(token, self.lexicon) or token
        return token

    def _only_quotes(self, verb: Token) -> bool:
        """A saying whose words are all a direct quotation, with no reported clause."""
        said = [c for c in verb.children if c.dep_ in ("ccomp", "dobj", "xcomp", "parataxis")]
        quoted = [c for c in said if self.index.in_quote(c)]
        if said:
            return len(quoted) == len(said)
        sentence = self.index.sentence_of(verb)
        return any(self.index.in_quote(token) for token in sentence if not token.is_punct)

    def _has_speaker(self, verb: Token, sentence: Span, dated: bool) -> bool:
        subject = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        subject += [g for c in verb.children if c.dep_ == "agent" for g in c.children]
        if not subject and (stranded := stranded_speaker(verb)) is not None:
            subject = [stranded.root]
        if not subject and verb.dep_ == "conj":
            subject = [c for c in verb.head.children if c.dep_ in ("nsubj",)]
        for head in subject:
            if self._newsroom(head) or _anyone_of_a_kind(head, verb, dated):
                return False
            words = {t.i for t in head.subtree}
            if head.text.isupper() and len(head.text) > 1:
                return True  # an acronym the tagger took for a word: "WHO declared"
            if head.lower_ in ("he", "she"):
                return antecedent(head, sentence, self.actors) is not None
            if head.pos_ == "PRON":
                # "we urge" names no one; "They said today ..." is dated, so it reports news
                return head.lower_ == "they" and dated
            if any(
                e.root.i in words and e.label_ in ("PERSON", "ORG", "GPE", "NORP")
                for e in sentence_entities(sentence)
            ):
                return True
            if head.lemma_.lower() in self.lexicon.speaker_nouns:
                return True
            if head.pos_ == "PROPN" and (head.ent_type_ or head.tag_ == "NNP"):
                return True  # a name; not a capitalized plural ("Executives say")
            if head.pos_ == "NOUN" and _definite(head):
                return True  # "the opposition said", "the country's air force said"
        return False

    def _unnamed_voices(self, verb: Token) -> bool:
        """Unnamed speakers in the plural after the lead ("officials said", "the sources
        said"): the story's attributions, not a statement to put on a timeline."""
        if self.as_reported or self.index.number_of(verb.sent) <= _LEAD_SENTENCES:
            return False
        return any(c.dep_ == "nsubj" and _persons_in_the_plural(c) for c in verb.children)

    def _newsroom(self, noun: Token) -> bool:
        """The story's own staff ("our correspondent says", "our reporter adds")."""
        ours = any(c.dep_ == "poss" and c.lower_ == "our" for c in noun.children)
        return noun.lemma_.lower() in self.lexicon.newsroom_nouns or (ours and noun.pos_ == "NOUN")

    def _mention(
        self, sentence: Span, token: Token, dating: Dating, date: TimeValue | None
    ) -> Mention:
        raw = sentence.text
        text = raw.strip()
        start = sentence.start_char + (raw.index(text) if text else 0)
        document = self.document
        return Mention(
            document=document.id,
            sentence=text,
            start=document.source_offset(start),
            end=document.source_offset(start + len(text)),
            trigger=token.text,
            date_text=dating.text if date is not None and not dating.publication else None,
            date_rule=date.rule if date else None,
            trigger_start=document.source_offset(token.idx),
        )


class _SentenceDater:
    """The candidates of one sentence and their dates, own or borrowed."""

    def __init__(
        self,
        reader: _ArticleReader,
        sentence: Span,
        dates: list[Timex],
        owned: dict[int, list[Timex]],
        quoted: list[Timex],
        vague: set[int],
    ) -> None:
        self.reader = reader
        self.vague = vague  # predicates dated only vaguely ("recently"): they borrow no date
        self.number = 0  # the sentence's place in the article
        self.lexicon = reader.lexicon
        self.sentence = sentence
        self.dates = dates
        self.owned = owned
        self.quoted = quoted
        self._memo: dict[int, Dating | None] = {}
        # Untyped occurrences that only date another predicate ("right after the closing of
        # the fair in October" tells a departure, not a closing).
        self.lenders: set[int] = set()

    def candidates(self) -> list[Candidate]:
        found = []
        for token in self.sentence:
            if not self._is_candidate(token) or self._long_state(token):
                continue
            mood = mood_of(token, self.reader.index, self.lexicon, token.i in self.owned)
            if mood is None:
                continue
            dating = self.dating(token)
            if dating is not None and self._unplaceable(dating):
                dating = None  # "that morning" with no day told before it
            saying = is_speech(token, self.lexicon) and not _is_passive(token)
            reported = self.reader.as_reported and mood != PLANNED
            if dating is None and (saying or reported or self._lead_news(token, mood)):
                dating = self._statement_dating()
            if dating is None or (mood == PLANNED and not dating.own):
                continue
            found.append(Candidate(token, mood, dating))
        return found

    def _long_state(self, token: Token) -> bool:
        """A state a verb holds since a year ("has been fighting cancer since 2004", "ruled
        from London since 1972"): it began long ago and is no event of that year. A day still
        dates a start: "has been held since Monday"."""
        owned = self.owned.get(token.i, []) if is_verb(token) else []
        doc = self.sentence.doc
        return bool(owned) and all(
            timex.tense == BEHIND
            and doc[timex.start : timex.end].root.head.lower_ == "since"
            and timex.value is not None
            and timex.value.precision in _COARSE_PRECISIONS
            for timex in owned
        )

    def _lead_news(self, token: Token, mood: str) -> bool:
        """The present perfect of a story's lead ("A federal court has reinstated his
        convictions") and the simple past of its first sentence ("Police clashed with farmers
        outside parliament") tell the news of the day the story is reported."""
        if self.number > _LEAD_SENTENCES or mood == PLANNED or not is_verb(token):
            return False
        if _is_state(token, self.lexicon) or token.dep_ not in _MAIN_CLAUSE:
            return False
        if token.tag_ == "VBD" and self.number == 0 and token.dep_ == "ROOT":
            # a saying keeps the day of its occasion, which the story may tell later
            return self.lexicon.type_of(classify(token, self.lexicon))[0] != "statement"
        if token.tag_ != "VBN":
            return False
        auxiliaries = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
        return bool(auxiliaries & {"has", "have"})

    def _unplaceable(self, dating: Dating) -> bool:
        """A relative date left open although the article has a date to resolve it: its
        narrative reference was missing, so it places nothing."""
        unresolved = dating.value.value.startswith("X")
        return unresolved and self.reader.document.publication.date is not None

    def _is_candidate(self, token: Token) -> bool:
        if token.i in self.owned:
            return True
        if any(t.start <= token.i < t.end for t in self.dates):
            return False
        if is_verb(token):
            return _is_predicate(token)
        return _in_event_phrase(token, self.lexicon)

    def dating(self, token: Token, depth: int = 0) -> Dating | None:
        if token.i not in self._memo:
            self._memo[token.i] = None  # guards against cycles in a broken parse
            self._memo[token.i] = self._find_dating(token, depth)
        return self._memo[token.i]

    def _find_dating(self, token: Token, depth: int) -> Dating | None:
        if token.i in self.owned:
            return own_dating(self.owned[token.i], self.sentence)
        complement = self._xcomp_dating(token)
        if complement is not None and token.lemma_ not in self.lexicon.planning_heads:
            return complement  # "tried to converge on the palace on Saturday"
        if depth > 6 or token.i in self.vague:
            return None
        borrowed = self._borrowed(token, depth)
        return (
            Dating(
                borrowed.value,
                borrowed.text,
                borrowed.end,
                own=False,
                publication=borrowed.publication,
            )
            if borrowed
            else None
        )

    def _borrowed(self, token: Token, depth: int) -> Dating | None:
        head = token.head
        if token.dep_ == "conj" and head is not token:
            found = self.dating(head, depth + 1)
            if found is not None:
                return found
        timex = simultaneous_clause_date(token, self.dates)
        if timex is not None:
            return Dating(day_value(timex.value), timex.text)
        anchor_head = when_clause_head(token)
        if anchor_head is not None:
            found = (
                self._timex_at(anchor_head)
                or self.dating(anchor_head, depth + 1)
                or self._subject_dating(anchor_head)
            )
            if found is not None:
                return found
        anchored = anchored_offset(token, self.dates)
        if anchored is not None:
            timex, offset = anchored
            value = shifted(timex.value, offset)
            if value is not None:
                self.lenders.update(self._owners_of(timex))
                return Dating(value, timex.text)
        told_before = self._after_told_event(token)
        if told_before is not None:
            return told_before
        subject_event = self._subject_event_dating(token, depth)
        if subject_event is not None:
            return subject_event
        adjunct_head = _absolute_head(token)
        if adjunct_head is not None:
            found = self.dating(adjunct_head, depth + 1)
            if found is not None:
                return found
        if not is_verb(token) and _in_event_phrase(token, self.lexicon):
            governor = _governing_predicate(token)
            if governor is not None and (
                not _anchoring(token) or _said_right_after(token, governor, self.lexicon)
            ):
                return self.dating(governor, depth + 1) or self._speech_dating(governor)
        return self._reported_dating(token, depth)

    def _reported_dating(self, token: Token, depth: int) -> Dating | None:
        """What a dated statement reports takes its date: "X won, the body said Monday"."""
        current = token
        while current.dep_ == "conj" and current.head is not current:
            current = current.head
        speaker = current.head
        if current.dep_ != "ccomp" or not is_speech(speaker, self.lexicon):
            return None
        found = self.dating(speaker, depth + 1)
        if found is not None:
            return found
        typed = classify(token, self.lexicon, self.reader.hazards) != OTHER
        if typed and (tense_of(token) == PRESENT or _progressive(token)):
            return self._speech_dating(speaker)  # "say they are expanding the recalls"
        return None

    def _subject_dating(self, verb: Token) -> Dating | None:
        """The date of a copula's event subject: "the incident was on November 15, when ..."."""
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.i in self.owned:
            return own_dating(self.owned[subject.i], self.sentence)
        return None

    def _subject_event_dating(self, verb: Token, depth: int) -> Dating | None:
        """ "The 2015 election sparked unrest": a light verb takes its event subject's date."""
        if not is_verb(verb) or verb.lemma_ not in self.lexicon.light_verbs:
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None:
            return None
        for token in subject.subtree:
            if token.i in self.owned and not is_verb(token):
                return own_dating(self.owned[token.i], self.sentence)
        return None

    def _speech_dating(self, verb: Token) -> Dating | None:
        if not is_speech(verb, self.lexicon):
            return None
        return self._statement_dating()

    def _statement_dating(self) -> Dating:
        timex = quoted_deictic(self.quoted)
        if timex is not None and timex.value is not None and timex.value.interval is not None:
            return Dating(day_value(timex.value), timex.text, own=True)
        published = self.reader.document.publication.date
        value = TimeValue(published.isoformat(), rule=PUBLICATION_RULE) if published else None
        return Dating(value, None, publication=True) if value else _UNKNOWN

    def _xcomp_dating(self, verb: Token) -> Dating | None:
        """ "was hoping to launch two rockets Sunday": the hoping is dated by its launch."""
        for child in verb.children:
            if child.dep_ == "xcomp" and child.i in self.owned:
                return own_dating(self.owned[child.i], self.sentence)
        return None

    def _after_told_event(self, token: Token) -> Dating | None:
        """ "A day after the vote": the vote the article told before, moved by the offset."""
        found = anchor_event(token, self.lexicon)
        if found is None:
            return None
        noun, offset = found
        keys = (noun.lemma_.lower(), self.lexicon.type_of(noun_type(noun, self.lexicon))[0])
        position = self.reader.document.source_offset(self.sentence.start_char)
        told = self.reader.told(keys, position, self.number)
        value = shifted(told.date, offset) if told is not None and told.date else None
        if value is None:
            return None
        phrase = self.sentence.doc[noun.head.left_edge.i : noun.right_edge.i + 1].text
        return Dating(value, phrase)

    def _owners_of(self, timex: Timex) -> list[int]:
        return [owner for owner, owned in self.owned.items() if timex in owned]

    def _timex_at(self, token: Token) -> Dating | None:
        for timex in self.dates:
            if timex.start <= token.i < timex.end:
                return Dating(day_value(timex.value), timex.text)
        return None


_UNKNOWN = Dating(TimeValue("", "DATE"), None, publication=True)


def _is_vague(timex: Timex) -> bool:
    """ "recently", "earlier", "in the past": the text dates the event, but not on a calendar."""
    value = timex.value
    return value is not None and value.value in ("PAST_REF", "FUTURE_REF", "PRESENT_REF")


def is_speech(token: Token, lexicon: Lexicon) -> bool:
    return speaks(token, lexicon)


def _definite(noun: Token) -> bool:
    return any(
        (child.dep_ == "det" and child.lower_ in ("the", "this", "that")) or child.dep_ == "poss"
        for child in noun.children
    )


def _is_passive(verb: Token) -> bool:
    return any(child.dep_ in ("auxpass", "nsubjpass") for child in verb.children)


def _is_state(token: Token, lexicon: Lexicon) -> bool:
    """A verb of state or thought ("remained", "believe"), not a phrase ("stood down")."""
    if not is_verb(token) or token.lemma_ not in lexicon.state_verbs:
        return False
    return not any(child.dep_ == "prt" for child in token.children)


def _anyone_of_a_kind(subject: Token, verb: Token, dated: bool) -> bool:
    """A bare plural that says in the present ("Executives say travel is back", "protesters
    say police stop them"): the story's background, not a statement someone made that day."""
    if dated or verb.lemma_ != "say" or verb.tag_ not in ("VBP", "VBZ"):
        return False
    bare = not any(c.dep_ in ("det", "poss", "nummod") for c in subject.children)
    return bare and _persons_in_the_plural(subject)


def _persons_in_the_plural(noun: Token) -> bool:
    """A plural noun of persons ("officials", "sources"), not a body ("police")."""
    return noun.tag_ == "NNS" and noun.lower_ != noun.lemma_.lower()


def _says_nothing(token: Token, lexicon: Lexicon) -> bool:
    """A refusal to speak, which tells that nothing happened: "declined to comment Saturday"
    (the refusal, and the comment it refused)."""
    if token.lemma_ in lexicon.withheld_words and token.dep_ == "xcomp":
        return token.head.lemma_ in lexicon.refusal_verbs
    return token.lemma_ in lexicon.refusal_verbs and any(
        child.dep_ == "xcomp" and child.lemma_ in lexicon.withheld_words for child in token.children
    )


def _bounds_a_period(token: Token, lexicon: Lexicon) -> bool:
    """The start or end of an accounting or calendar period: "the quarter ended Sept. 30",
    "the current quarter, which ends on June 26"."""
    if token.lemma_ not in lexicon.period_bounds or not is_verb(token):
        return False
    subjects = [child for child in token.children if child.dep_ == "nsubj"]
    if token.dep_ in ("acl", "relcl") and all(s.tag_ == "WDT" for s in subjects):
        subjects = [token.head]
    return any(subject.lemma_.lower() in lexicon.period_nouns for subject in subjects)


# The rule of a date a saying takes from the same speaker's dated saying before it.
OCCASION_RULE = "speakers_occasion"

# The sentences of a story's lead (counted from 0), and the clauses that tell its news.
_LEAD_SENTENCES = 1
_MAIN_CLAUSE = ("ROOT", "conj", "ccomp")

_COARSE_PRECISIONS = ("year", "decade", "century")

_HEARSAY = ("news", "report", "word", "rumor", "rumour")


def _hearsay(verb: Token) -> bool:
    """ "News emerged that 200 workers were laid off", "reports surfaced of fighting":
    the news is not the event. A rumour that tells nothing more is one ("The rumour began
    on Sunday with a text message")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lemma_.lower() not in _HEARSAY:
        return False
    told = [c for c in verb.children if c.dep_ in ("ccomp", "advcl")]
    told += [c for c in (*verb.children, *subject.children) if c.lower_ in ("of", "about")]
    told += [c for c in subject.children if c.dep_ in ("acl", "relcl")]
    return bool(told)


_FURNITURE = ("update", "publish", "post", "modify", "edit", "print", "file", "upload")


def _furniture(verb: Token) -> bool:
    """Page furniture: "Updated March 12, 2024", "Posted on Monday at 9 a.m."."""
    first = verb.doc[verb.sent.start] if verb.i > 0 else verb
    return (
        verb.lemma_.lower() in _FURNITURE
        and (verb.i == first.i or (verb.i == first.i + 1 and first.is_punct))
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


_PICTURES = ("image", "photo", "photograph", "picture", "video", "footage", "file")


def _about_a_picture(token: Token, sentence: Span) -> bool:
    """Caption credits tell when a picture was taken or released, not a news event:
    "This image released by NOAA Sunday was collected at 7:32 pm", "Video provided by ..."."""
    if token.dep_ in ("acl", "relcl") and token.head.lemma_.lower() in _PICTURES:
        return True
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (
        subject is not None
        and subject.lemma_.lower() in _PICTURES
        and any(child.lower_ in ("this", "the", "a") for child in subject.children)
    )


def _event_date(dating: Dating, document: Document) -> tuple[TimeValue | None, str]:
    """The event's date and its precision: ``publication`` when only the publication date
    dates it, ``unresolved`` for a relative date in an undated article, ``unknown`` when
    nothing does."""
    value = dating.value
    if not value.value or value.type == INVALID:
        return None, "unknown"  # no date, or an impossible one ("February 30")
    if dating.publication:
        return value, "publication"
    if value.value == UNRESOLVED or value.value.startswith("X"):
        if document.publication.date is None:
            return value, "unresolved"
        return None, "unknown"
    return value, value.precision or "day"


# Participles used as prepositions: "according to police", "following the vote".
_PREPOSITION_LIKE = ("according", "following", "including", "regarding", "concerning", "given")


def _is_predicate(verb: Token) -> bool:
    """A verb that tells something happened, not a modifier ("workers detained in Lima")."""
    if verb.dep_ in ("amod", "aux", "auxpass") or verb.lower_ in _PREPOSITION_LIKE:
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    has_subject = any(c.dep_ in _SUBJECTS for c in verb.children)
    if verb.dep_ == "acl" and not auxiliaries and not has_subject:
        return False
    return not (
        verb.tag_ == "VBN" and not auxiliaries and verb.dep_ in ("ccomp", "acl", "advcl", "relcl")
    )


def _in_event_phrase(noun: Token, lexicon: Lexicon) -> bool:
    """An event noun after "at", "after", "during"... with a determiner: "after their talks"."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in lexicon.event_prepositions:
        return False
    determined = any(c.dep_ in ("det", "poss") and c.lower_ != "no" for c in noun.children)
    return determined and is_event_noun(noun, lexicon)


def _absolute_head(verb: Token) -> Token | None:
    """The verb a "with" phrase hangs on: "protesters marched Saturday, with 500 people being
    detained" tells the detentions on Saturday."""
    if not is_verb(verb) or verb.dep_ not in ("acl", "advcl", "pcomp"):
        return None
    noun = verb.head
    preposition = noun.head if noun.dep_ == "pobj" else noun if verb.dep_ == "pcomp" else None
    if preposition is None or preposition.lower_ not in ("with", "amid"):
        return None
    head = preposition.head
    return head if is_verb(head) else None


def _anchoring(noun: Token) -> bool:
    """ "after the vote", "before the talks": the noun's time is not its governor's."""
    return noun.head.lower_ in ("after", "before", "following", "since", "ahead", "until")


def _said_right_after(noun: Token, governor: Token, lexicon: Lexicon) -> bool:
    """ "Lund said after their talks": words said after a meeting come the same day."""
    return noun.head.lower_ == "after" and is_speech(governor, lexicon)


def _governing_predicate(noun: Token) -> Token | None:
    current = noun.head
    for _ in range(6):
        if is_verb(current):
            return current
        if current.head is current:
            return None
        current = current.head
    return None


def _clause_of_noun(noun: Token, lexicon: Lexicon) -> Token:
    """The clause a noun event is told in: its verb when it is the subject ("Wednesday's
    bombing was the first attack") or when the noun only sets the scene ("Lund said, after
    their talks, ..."), else the noun phrase itself."""
    if noun.dep_ in ("nsubj", "nsubjpass") and is_verb(noun.head):
        return noun.head
    if _in_event_phrase(noun, lexicon):
        return _governing_predicate(noun) or noun
    return noun


def _progressive(verb: Token) -> bool:
    return verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lemma_ == "be" and c.tag_ in ("VBZ", "VBP") for c in verb.children
    )


__all__ = ["PUBLICATION_RULE", "carrier", "extract_events", "is_speech"]
