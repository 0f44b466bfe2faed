"""TempEval-3 Task A scoring: finding temporal expressions and normalizing them.

The definitions are those of UzZaman et al. (SemEval-2013 Task 1, section 4.1), summed over
all documents before any ratio is taken (micro-averaged):

- strict span match: a prediction with the same start and end as a gold expression;
- relaxed span match: any overlap, each gold and each prediction matched at most once, the
  largest overlaps first;
- value F1 = (relaxed matches with the same value / relaxed matches) x relaxed F1, and type
  F1 likewise; values compare as exact strings, so ``P1Y`` and ``P12M`` differ.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import NamedTuple, Protocol

from timeline_cli.evaluation.timeml import GoldTimex


@dataclass(frozen=True)
class Prediction:
    """A temporal expression found by the system, in the same offsets as the gold ones."""

    start: int
    end: int
    text: str
    type: str
    value: str


class Annotation(Protocol):
    """What matching needs of a gold or predicted expression."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def value(self) -> str: ...


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, matched: int, gold: int, predicted: int) -> PRF:
        """Precision, recall and F1 of ``matched`` hits; an empty denominator scores 0."""
        precision = matched / predicted if predicted else 0.0
        recall = matched / gold if gold else 0.0
        total = precision + recall
        return cls(precision, recall, 2 * precision * recall / total if total else 0.0)

    def to_dict(self) -> dict[str, float]:
        return asdict(self)


@dataclass(frozen=True)
class Scores:
    """Task A scores of a whole collection (floats in 0..1)."""

    documents: int
    gold: int
    predicted: int
    strict: PRF
    relaxed: PRF
    value_f1: float
    type_f1: float

    def to_dict(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "gold": self.gold,
            "predicted": self.predicted,
            "strict": self.strict.to_dict(),
            "relaxed": self.relaxed.to_dict(),
            "value_f1": self.value_f1,
            "type_f1": self.type_f1,
        }


class Mismatch(NamedTuple):
    """One error: a missed gold expression (``predicted`` None), a spurious prediction
    (``gold`` None), or a relaxed match whose value or type disagrees (both given).
    Each side reads ``"text" TYPE value``."""

    document: str
    gold: str | None
    predicted: str | None


Pair = tuple[Sequence[Annotation], Sequence[Annotation]]
NamedPair = tuple[str, Sequence[GoldTimex], Sequence[Prediction]]  # document id, gold, predicted


def strict_matches(gold: Sequence[Annotation], predicted: Sequence[Annotation]) -> int:
    """How many predictions have exactly a gold expression's span (each used once)."""
    gold_spans = Counter((timex.start, timex.end) for timex in gold)
    predicted_spans = Counter((timex.start, timex.end) for timex in predicted)
    return sum((gold_spans & predicted_spans).values())


def relaxed_matches(
    gold: Sequence[Annotation], predicted: Sequence[Annotation]
) -> list[tuple[int, int]]:
    """One-to-one (gold index, prediction index) pairs of overlapping spans.

    Greedy by largest overlap; ties go to the pair whose lengths differ least, so an exact
    match wins over a prediction that merely contains the gold span.
    """
    candidates = []
    for g, gold_timex in enumerate(gold):
        for p, predicted_timex in enumerate(predicted):
            overlap = _overlap(gold_timex, predicted_timex)
            if overlap > 0:
                length_gap = abs(_length(gold_timex) - _length(predicted_timex))
                candidates.append((-overlap, length_gap, g, p))
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs = []
    for _, _, g, p in sorted(candidates):
        if g not in used_gold and p not in used_predicted:
            used_gold.add(g)
            used_predicted.add(p)
            pairs.append((g, p))
    return sorted(pairs)


def _overlap(first: Annotation, second: Annotation) -> int:
    return min(first.end, second.end) - max(first.start, second.start)


def _length(timex: Annotation) -> int:
    return timex.end - timex.start


def score(pairs: Sequence[Pair]) -> Scores:
    """Task A scores of (gold, predicted) expression lists, one pair per document."""
    gold_total = predicted_total = strict = relaxed = same_value = same_type = 0
    for gold, predicted in pairs:
        gold_total += len(gold)
        predicted_total += len(predicted)
        strict += strict_matches(gold, predicted)
        matched = relaxed_matches(gold, predicted)
        relaxed += len(matched)
        same_value += sum(gold[g].value == predicted[p].value for g, p in matched)
        same_type += sum(gold[g].type == predicted[p].type for g, p in matched)
    relaxed_scores = PRF.of(relaxed, gold_total, predicted_total)
    return Scores(
        documents=len(pairs),
        gold=gold_total,
        predicted=predicted_total,
        strict=PRF.of(strict, gold_total, predicted_total),
        relaxed=relaxed_scores,
        value_f1=_attribute_f1(same_value, relaxed, relaxed_scores.f1),
        type_f1=_attribute_f1(same_type, relaxed, relaxed_scores.f1),
    )


def _attribute_f1(agreeing: int, matched: int, relaxed_f1: float) -> float:
    """Attribute accuracy over the relaxed matches, times relaxed F1 (TempEval-3's product)."""
    return agreeing / matched * relaxed_f1 if matched else 0.0


def mismatches(documents: Sequence[NamedPair]) -> list[Mismatch]:
    """Missed, spurious and wrongly normalized expressions, in document and text order.

    A relaxed match with the right value and type is not listed even if its span differs:
    strict-vs-relaxed F1 already measures boundaries, and these rows are for what is wrong.
    """
    rows = []
    for document_id, gold, predicted in documents:
        rows.extend(_document_mismatches(document_id, gold, predicted))
    return rows


def _document_mismatches(
    document_id: str, gold: Sequence[Annotation], predicted: Sequence[Annotation]
) -> list[Mismatch]:
    matched = relaxed_matches(gold, predicted)
    placed: list[tuple[int, Mismatch]] = []
    for g, p in matched:
        gold_timex, predicted_timex = gold[g], predicted[p]
        if (gold_timex.value, gold_timex.type) != (predicted_timex.value, predicted_timex.type):
            row = Mismatch(document_id, describe(gold_timex), describe(predicted_timex))
            placed.append((gold_timex.start, row))
    matched_gold = {g for g, _ in matched}
    matched_predicted = {p for _, p in matched}
    for g, timex in enumerate(gold):
        if g not in matched_gold:
            placed.append((timex.start, Mismatch(document_id, describe(timex), None)))
    for p, timex in enumerate(predicted):
        if p not in matched_predicted:
            placed.append((timex.start, Mismatch(document_id, None, describe(timex))))
    return [row for _, row in sorted(placed, key=lambda item: item[0])]


def describe(timex: Annotation) -> str:
    """``"the past year" DURATION P1Y``: what a reader needs to judge an error row."""
    return f'"{timex.text}" {timex.type} {timex.value}'
