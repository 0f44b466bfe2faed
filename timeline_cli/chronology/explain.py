"""Why a date is what it is: each temporal expression of an article with its anchor, the
tense that set its direction, the rule that resolved it, and its value."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from spacy.language import Language

from timeline_cli.core.controls import visible
from timeline_cli.core.models import Document
from timeline_cli.temporal.mentions import find_timexes


@dataclass(frozen=True)
class Explanation:
    document: str
    expression: str
    sentence: str
    anchor: str  # the date and where it came from
    tense: str
    rule: str
    value: str
    type: str
    mod: str | None
    precision: str | None

    def record(self) -> dict[str, Any]:
        return dict(self.__dict__)


def explain_documents(
    nlp: Language, documents: Iterable[Document], expression: str | None = None
) -> list[Explanation]:
    """The explanations of every date in the documents, or of those containing ``expression``."""
    wanted = expression.lower().strip() if expression else None
    explanations = []
    pairs = ((document.body, document) for document in documents)
    for doc, document in nlp.pipe(pairs, as_tuples=True):
        publication = document.publication
        for timex in find_timexes(doc, publication.date):
            if wanted and wanted not in timex.text.lower() and timex.text.lower() not in wanted:
                continue
            explanations.append(_explain(document, doc[timex.start].sent.text.strip(), timex))
    return explanations


def _explain(document: Document, sentence: str, timex: Any) -> Explanation:
    if timex.anchor_source == "publication":
        source = document.publication.source or "publication"
        anchor = f"{timex.anchor} (publication date, from {source})"
    elif timex.anchor_source == "narrative":
        anchor = f"{timex.anchor} (no publication date: the last full date written before it)"
    else:
        anchor = "none (no publication date, no full date before it)"
    value = timex.value
    return Explanation(
        document=document.id,
        expression=timex.text,
        sentence=sentence,
        anchor=anchor,
        tense=timex.tense,
        rule=value.rule if value else "none understood it",
        value=value.value if value else "",
        type=value.type if value else "",
        mod=value.mod if value else None,
        precision=value.precision if value else None,
    )


def explanation_text(explanations: list[Explanation]) -> Text:
    """One short block per expression, readable in a narrow terminal; the articles' text with
    its control characters made visible."""
    text = Text()
    for item in explanations:
        value = f"{item.value} {item.type}".strip() or "no value"
        value += f" ({item.mod})" if item.mod else ""
        text.append(f"{visible(item.document)}: ", style="dim")
        text.append(f"“{visible(item.expression)}”", style="bold")
        text.append(f"  →  {value}\n", style="green" if item.value else "red")
        text.append(f"  rule {item.rule} · tense {item.tense} · anchor {item.anchor}\n")
        text.append(f"  in: {visible(item.sentence)}\n\n", style="dim")
    return text
