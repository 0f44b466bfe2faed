"""``timeline explain``: how each date of the articles was resolved."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from timeline_cli.cli.console import stderr_console, stdout_console
from timeline_cli.cli.errors import ERROR_CODES, ExitStatus, report_notices, reporting_errors
from timeline_cli.cli.inputs import collect
from timeline_cli.cli.options import (
    FollowSymlinksOption,
    JsonOption,
    ModelOption,
    PublishedOption,
    parse_published,
)
from timeline_cli.ingest.readers import FieldNames
from timeline_cli.output.export import json_text
from timeline_cli.output.targets import Target, write_stdout, writing


def explain(
    paths: Annotated[
        list[Path], typer.Argument(metavar="PATH...", help="Article files or folders.")
    ],
    date_text: Annotated[
        str | None,
        typer.Option("--date", metavar="TEXT", help='Only this expression, e.g. "on the 13th".'),
    ] = None,
    published: PublishedOption = None,
    as_json: JsonOption = False,
    model: ModelOption = None,
    follow_symlinks: FollowSymlinksOption = False,
) -> None:
    """Show how each date of the articles was resolved: expression, anchor, tense, rule, value."""
    errors = stderr_console()
    with reporting_errors(errors):
        arguments = [str(path) for path in paths]
        inputs = collect(arguments, FieldNames(), errors, False, follow_symlinks)
        from timeline_cli.chronology.explain import explanation_text  # spaCy, once needed
        from timeline_cli.pipeline.explaining import explain_files

        loaded, explanations = explain_files(
            inputs.files, parse_published(published), model, date_text
        )
        report_notices(errors, tuple(n for n in loaded.notices if n.code in ERROR_CODES))
        with writing(Target("json" if as_json else "table")):
            if as_json:
                records = [item.record() for item in explanations]
                write_stdout(json_text(records, indent=2) + "\n")
            else:
                stdout_console().print(explanation_text(explanations))
    if loaded.documents and not explanations:
        errors.print("timeline: no matching date expression")
    raise typer.Exit(ExitStatus.SKIPPED if loaded.skipped or inputs.unlisted else ExitStatus.OK)
