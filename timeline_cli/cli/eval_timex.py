"""``timeline eval-timex``: date finding and normalization scored on TimeML (TempEval-3)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from timeline_cli.cli.console import stderr_console, stdout_console
from timeline_cli.cli.errors import UsageError, report_flaws, reporting_errors, whole_number
from timeline_cli.cli.options import JsonOption, ModelOption


def eval_timex(
    paths: Annotated[
        list[Path],
        typer.Argument(metavar="PATH...", help="TimeML (.tml) files or folders of them."),
    ],
    as_json: JsonOption = False,
    errors: Annotated[
        str, typer.Option("--errors", metavar="N", help="List the first N mismatches.")
    ] = "0",
    model: ModelOption = None,
) -> None:
    """Score temporal expression finding and normalization on TimeML (TempEval-3 Task A)."""
    from timeline_cli.evaluation.timex import evaluate, scores_table

    stderr = stderr_console()
    with reporting_errors(stderr, usage=(FileNotFoundError,), writes_output=False):
        shown = whole_number("--errors", errors, minimum=0)
        scores, rows, flaws = evaluate(paths, model=model, errors=shown)
        if scores["documents"] == 0 and not flaws.flaws:
            raise UsageError(f"no .tml files in {', '.join(map(str, paths))}")
    if as_json:
        typer.echo(json.dumps(scores, indent=2))
    else:
        stdout_console().print(scores_table(scores))
    for row in rows:
        typer.echo(f"{row.document}\tgold: {row.gold or '-'}\tpredicted: {row.predicted or '-'}")
    raise typer.Exit(report_flaws(stderr, flaws))
