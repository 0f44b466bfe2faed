"""Per-document lookups computed once: sentences, paragraphs and direct quotes by token.

Everything a rule asks about a token's place in the article ("which sentence?", "inside a
quote?") is answered from arrays built in one pass over the Doc, so the cost of an article
grows with its length, not with its length times its mentions.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Span, Token

# Wire copy typed on old systems writes `` and '' for curly quotes.
_OPENING_QUOTES = ("“", "«", "``")
_CLOSING_QUOTES = ("”", "»", "''")
_STRAIGHT_QUOTE = '"'
_QUOTE_OR_BREAK = re.compile(r'[“”«»"]|``|\'\'|\n\n')


class DocIndex:
    """Sentences, paragraph numbers and quotation state of every token of one Doc."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.sentences: list[Span] = list(doc.sents)
        self._sentence_starts = [sentence.start for sentence in self.sentences]
        text = doc.text
        self._paragraph_starts = _paragraph_starts(text)
        self._quotes = _quotations(text)
        self._quote_starts = [start for start, _ in self._quotes]

    def sentence_of(self, token: Token) -> Span:
        return self.sentences[bisect_right(self._sentence_starts, token.i) - 1]

    def number_of(self, sentence: Span) -> int:
        return bisect_right(self._sentence_starts, sentence.start) - 1

    def paragraph_of(self, token: Token) -> int:
        return bisect_right(self._paragraph_starts, token.idx) - 1

    def in_quote(self, token: Token) -> bool:
        """Whether the token stands inside a direct quotation ("...", “...”)."""
        at = bisect_right(self._quote_starts, token.idx) - 1
        return at >= 0 and token.idx < self._quotes[at][1]


_ENTITIES = "timeline_cli.entities"


def sentence_entities(sentence: Span) -> list[Span]:
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


def _paragraph_starts(text: str) -> list[int]:
    starts = [0]
    position = text.find("\n\n")
    while position != -1:
        starts.append(position + 2)
        position = text.find("\n\n", position + 2)
    return starts


def _quotations(text: str) -> list[tuple[int, int]]:
    """The character ranges of direct quotations. A quotation never runs past its paragraph:
    news style leaves the closing mark off a quote that goes on in the next one."""
    ranges = []
    opened: int | None = None
    for match in _QUOTE_OR_BREAK.finditer(text):
        mark = match.group()
        if (
            mark == "\n\n"
            or mark in _CLOSING_QUOTES
            or (mark == _STRAIGHT_QUOTE and opened is not None)
        ):
            if opened is not None:
                ranges.append((opened, match.start()))
            opened = None
        else:
            opened = match.end()
    if opened is not None:
        ranges.append((opened, len(text)))
    return ranges
