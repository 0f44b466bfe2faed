"""``timeline eval-timex``: TempEval-3 Task A scores of the extractor on TimeML files.

Detection and normalization run exactly as in ``timeline extract`` (the same spaCy pipeline,
``nlp.pipe`` and ``find_timexes`` with the article's date as anchor), so the scores measure
the code that dates events. The one difference is the input: the TimeML text is used as it
is, without the article cleaning ``extract`` applies, because the gold offsets index it.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from rich.table import Table
from spacy.tokens import Doc

from timeline_cli.evaluation.flaws import FlawError, FlawLog
from timeline_cli.evaluation.tempeval import Mismatch, Prediction, mismatches, score
from timeline_cli.evaluation.timeml import TimemlDocument, iter_timeml_files, parse_timeml
from timeline_cli.pipeline.nlp import load_pipeline
from timeline_cli.temporal.mentions import Timex, find_timexes

# The normalizer's types for look-alikes ("58-year-old") and impossible dates ("February 30").
NOT_TEMPORAL = ("NONE", "INVALID")

_BATCH_SIZE = 32  # TimeML articles are short: a count of them bounds the memory


def evaluate(
    paths: Sequence[Path], model: str | None = None, errors: int = 0
) -> tuple[dict[str, object], list[Mismatch], FlawLog]:
    """Scores of all TimeML files under the paths, up to ``errors`` mismatch rows, and the
    flaws met: a file that cannot be used is skipped and logged, the others are scored.

    ``seconds`` is the wall time of the whole run, model loading included, so that it
    compares with tools timed end to end from the command line.
    """
    started = time.perf_counter()
    flaws = FlawLog()
    documents = read_documents(iter_timeml_files(paths), flaws)
    predictions = predict_all(documents, model)
    scores = score([(list(doc.gold), predicted) for doc, predicted in predictions]).to_dict()
    rows = mismatches([(doc.id, doc.gold, predicted) for doc, predicted in predictions])
    scores["seconds"] = time.perf_counter() - started
    scores["flaws"] = flaws.record()
    return scores, rows[:errors] if errors > 0 else [], flaws


def read_documents(files: Sequence[Path], flaws: FlawLog) -> list[TimemlDocument]:
    """The usable TimeML files; each other one is logged with its reason and left out."""
    documents = []
    for path in files:
        try:
            documents.append(parse_timeml(path, flaws))
        except FlawError as error:
            flaws.skipped_file(error)
    return documents


def predict_all(
    documents: Sequence[TimemlDocument], model: str | None = None
) -> list[tuple[TimemlDocument, list[Prediction]]]:
    """Each document with the expressions the extractor finds and normalizes in its text."""
    nlp = load_pipeline(model)
    pairs = ((document.text, document) for document in documents)
    return [
        (document, predictions(doc, document))
        for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=_BATCH_SIZE)
    ]


def predictions(doc: Doc, document: TimemlDocument) -> list[Prediction]:
    """The document's predicted expressions, anchored on its creation date."""
    return list(as_predictions(find_timexes(doc, anchor=document.dct)))


def as_predictions(timexes: Iterable[Timex]) -> Iterable[Prediction]:
    """Timexes with a value; one the normalizer rejected is not claimed as an expression."""
    for timex in timexes:
        value = timex.value
        if value is None or value.type in NOT_TEMPORAL:
            continue
        yield Prediction(timex.start_char, timex.end_char, timex.text, value.type, value.value)


def scores_table(scores: dict[str, object]) -> Table:
    """The scores as a small table: span P/R/F1, then value and type F1."""
    table = Table(
        title=f"TempEval-3 Task A: {scores['documents']} documents, "
        f"{scores['gold']} gold, {scores['predicted']} predicted"
    )
    for column in ("", "precision", "recall", "F1"):
        table.add_column(column, justify="right" if column else "left")
    for name in ("strict", "relaxed"):
        span = scores[name]
        assert isinstance(span, dict)
        table.add_row(
            f"{name} span", *(f"{span[key]:.3f}" for key in ("precision", "recall", "f1"))
        )
    table.add_row("value", "", "", f"{scores['value_f1']:.3f}")
    table.add_row("type", "", "", f"{scores['type_f1']:.3f}")
    table.caption = f"{scores['seconds']:.1f} s"
    return table
