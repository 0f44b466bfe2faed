"""TempEval-3 Task A scores and speed of timeline-cli, beside a dateparser baseline, in one run.

    python bench/timex.py PATH [--model NAME] [--skip-baseline]

PATH holds TimeML files (e.g. the TempEval-3 training data: TimeBank and AQUAINT). Both
systems read the same documents with the document creation time as anchor:

- timeline-cli: detection and normalization exactly as ``timeline extract`` runs them
  (``timeline eval-timex`` is the same code);
- baseline: dateparser's ``search_dates`` over each text (what a script would do), its
  matches located in the text in order and typed DATE with day values.

HeidelTime's figures cannot be measured here (it needs TreeTagger binaries); the published and
recorded ones are printed beside for reference, from ``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import datetime
from pathlib import Path

from dateparser.search import search_dates

from timeline_cli.evaluation.flaws import FlawLog
from timeline_cli.evaluation.tempeval import Prediction, score
from timeline_cli.evaluation.timeml import TimemlDocument, iter_timeml_files
from timeline_cli.evaluation.timex import predict_all, read_documents

HEIDELTIME_TRAIN = {
    "relaxed": 0.921,
    "strict": 0.841,
    "value": 0.774,
    "type": 0.880,
    "docs/s": 0.64,
}


def baseline_predictions(document: TimemlDocument) -> list[Prediction]:
    settings = {"RETURN_AS_TIMEZONE_AWARE": False}
    if document.dct is not None:
        settings["RELATIVE_BASE"] = datetime.combine(document.dct, datetime.min.time())
    found = search_dates(document.text, languages=["en"], settings=settings) or []
    predictions, cursor = [], 0
    for text, moment in found:
        start = document.text.find(text, cursor)
        if start < 0:
            continue
        cursor = start + len(text)
        predictions.append(Prediction(start, cursor, text, "DATE", moment.date().isoformat()))
    return predictions


def report(name: str, pairs: list, seconds: float, documents: int) -> dict[str, float]:
    scores = score(pairs).to_dict()
    row = {
        "relaxed": scores["relaxed"]["f1"],
        "strict": scores["strict"]["f1"],
        "value": scores["value_f1"],
        "type": scores["type_f1"],
        "docs/s": documents / seconds,
    }
    print(f"{name:<22}" + "".join(f"{row[key]:>10.3f}" for key in row) + f"{seconds:>10.1f}")
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--model", default=None)
    parser.add_argument("--skip-baseline", action="store_true")
    options = parser.parse_args()
    flaws = FlawLog()
    documents = read_documents(iter_timeml_files([options.path]), flaws)
    for flaw in flaws.flaws:
        print(f"warning: {flaw}", file=sys.stderr)
    gold = sum(len(document.gold) for document in documents)
    print(f"{len(documents)} documents, {gold} gold expressions\n")
    print(
        f"{'system':<22}{'relaxed':>10}{'strict':>10}{'value':>10}{'type':>10}{'docs/s':>10}{'seconds':>10}"
    )

    started = time.perf_counter()
    predicted = predict_all(documents, options.model)
    ours = report(
        "timeline-cli",
        [(list(doc.gold), predictions) for doc, predictions in predicted],
        time.perf_counter() - started,
        len(documents),
    )
    if not options.skip_baseline:
        started = time.perf_counter()
        pairs = [(list(doc.gold), baseline_predictions(doc)) for doc in documents]
        seconds = time.perf_counter() - started
        baseline = report("dateparser search_dates", pairs, seconds, len(documents))
        ratio = ours["value"] / max(baseline["value"], 1e-9)
        print(f"\nvalue F1 ratio timeline-cli / baseline: {ratio:.1f}")
    recorded = HEIDELTIME_TRAIN
    print(
        f"{'HeidelTime (recorded)':<22}" + "".join(f"{value:>10.3f}" for value in recorded.values())
    )
    value_ratio = ours["value"] / recorded["value"]
    speed_ratio = ours["docs/s"] / recorded["docs/s"]
    print(f"value F1 ratio timeline-cli / HeidelTime (recorded): {value_ratio:.3f}")
    print(f"speed ratio timeline-cli / HeidelTime (recorded): {speed_ratio:.0f}x")


if __name__ == "__main__":
    main()
