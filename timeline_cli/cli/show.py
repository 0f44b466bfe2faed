"""``timeline show``: a saved chronology rendered again, in any format, with any filter."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from timeline_cli.chronology.filters import apply_filter
from timeline_cli.cli.console import stderr_console, stdout_console
from timeline_cli.cli.errors import reporting_errors
from timeline_cli.cli.options import (
    DEFAULT_OUTPUT,
    NO_CRITERIA,
    FilterOptions,
    NoColorOption,
    OutputOptions,
    filter_options,
    output_options,
)
from timeline_cli.cli.saved import read_chronology
from timeline_cli.output.sharing import shared
from timeline_cli.output.targets import check_target, write_chronology


@output_options
@filter_options
def show(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE", help="A chronology saved with --format json; - reads standard input."
        ),
    ],
    destination: OutputOptions = DEFAULT_OUTPUT,
    no_color: NoColorOption = False,
    criteria: FilterOptions = NO_CRITERIA,
) -> None:
    """Render a saved chronology again, in any format and with any filter, without the NLP."""
    with reporting_errors(stderr_console(no_color)):
        target = destination.target()
        chosen = criteria.event_filter()
        check_target(target)
        chronology = apply_filter(shared(read_chronology(file)), chosen)
        write_chronology(chronology, target, stdout_console(no_color))
