"""``timeline eval-timeline``: entity timelines scored as SemEval-2015 Task 4 does."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from timeline_cli.cli.console import stderr_console
from timeline_cli.cli.errors import UsageError, report_flaws, reporting_errors
from timeline_cli.cli.options import JsonOption, ModelOption


def eval_timeline(
    folder: Annotated[
        Path,
        typer.Argument(
            metavar="FOLDER",
            help="SemEval-2015 Task 4 data: articles_cat/, articles_timeml/, gold_timelines/.",
        ),
    ],
    out: Annotated[
        Path, typer.Option("--out", metavar="FOLDER", help="Folder for the system's timelines.")
    ],
    force: Annotated[
        bool, typer.Option("--force", help="Write into --out even if it holds files.")
    ] = False,
    as_json: JsonOption = False,
    model: ModelOption = None,
) -> None:
    """Build each target entity's timeline as extract would, and score it (TimeLine, Track A)."""
    stderr = stderr_console()
    with reporting_errors(stderr, usage=(FileNotFoundError,), writes_output=False):
        if out.is_dir() and any(out.iterdir()) and not force:
            raise UsageError(f"{out} is not empty; use --force to write into it")
        from timeline_cli.evaluation.timeline import evaluate_timelines

        scores, flaws = evaluate_timelines(folder, out, model)
    if as_json:
        typer.echo(json.dumps(scores, indent=2))
    else:
        for row in [*scores["timelines"], {**scores["micro"], "entity": "micro-average"}]:
            figures = "  ".join(
                f"{key[0].upper()} {row[key]:.3f}" for key in ("precision", "recall")
            )
            typer.echo(f"{row['entity']:<30} {figures}  F1 {row['f1']:.3f}")
    raise typer.Exit(report_flaws(stderr, flaws))
