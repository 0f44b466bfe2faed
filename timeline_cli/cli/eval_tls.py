"""``timeline eval-tls``: the key dates scored against journalists' timelines (date F1)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from timeline_cli.cli.console import stderr_console, stdout_console
from timeline_cli.cli.errors import print_warning, reporting_errors, whole_number
from timeline_cli.cli.options import JobsOption, JsonOption, ModelOption, NoCacheOption
from timeline_cli.core.controls import visible


def eval_tls(
    folder: Annotated[
        Path,
        typer.Argument(
            metavar="FOLDER",
            help="Topics in Timeline17's layout: folders of articles.jsonl and timelines.jsonl.",
        ),
    ],
    as_json: JsonOption = False,
    model: ModelOption = None,
    jobs: JobsOption = "1",
    cache_file: Annotated[
        Path | None, typer.Option("--cache", metavar="FILE", help="The parse cache to use.")
    ] = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Score the key dates against journalists' timelines: date F1 (news-tls protocol)."""
    from timeline_cli.evaluation.tls import TlsDataError, evaluate_tls, tls_table
    from timeline_cli.pipeline.cache import default_cache_path
    from timeline_cli.pipeline.run import Settings

    stderr = stderr_console()
    with reporting_errors(stderr, usage=(TlsDataError,), writes_output=False):
        workers = whole_number("--jobs", jobs, minimum=1)
        cache = None if no_cache else cache_file or default_cache_path()
        settings = Settings(model=model, jobs=workers, cache=cache)
        scores = evaluate_tls(folder, settings, on_topic=lambda name: _progress(stderr, name))
    for warning in scores["warnings"]:
        print_warning(stderr, warning)
    if as_json:
        typer.echo(json.dumps(scores, indent=2))
    else:
        stdout_console().print(tls_table(scores))
        seconds = scores["seconds"]
        typer.echo(f"extraction {seconds['extraction']:.1f} s, ranking {seconds['ranking']:.3f} s")


def _progress(errors: Console, topic: str) -> None:
    if errors.is_terminal:
        errors.print(f"timeline: reading {visible(topic)}", markup=False)
