"""``timeline eval-events``: dated events scored against hand-dated gold events."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from timeline_cli.cli.console import stderr_console, stdout_console
from timeline_cli.cli.errors import reporting_errors
from timeline_cli.cli.options import JsonOption, ModelOption


def eval_events(
    folder: Annotated[
        Path,
        typer.Argument(
            metavar="FOLDER",
            help="A folder in news-dev's layout: articles/, index.csv, gold.json.",
        ),
    ],
    as_json: JsonOption = False,
    errors: Annotated[
        bool,
        typer.Option("--errors", help="List every missed, misdated, mistyped or spurious event."),
    ] = False,
    model: ModelOption = None,
) -> None:
    """Score dated events against hand-dated gold events (found, dated, typed, precision)."""
    from timeline_cli.evaluation.events import GoldError, evaluate_events, events_table

    with reporting_errors(stderr_console(), usage=(GoldError,), writes_output=False):
        scores = evaluate_events(folder, model=model)
    if as_json:
        typer.echo(json.dumps(scores if errors else {**scores, "errors": []}, indent=2))
        return
    stdout_console().print(events_table(scores))
    if errors:
        for line in scores["errors"]:  # type: ignore[union-attr]
            typer.echo(line)
