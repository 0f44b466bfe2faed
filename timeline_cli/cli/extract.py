"""``timeline extract``: the dated events of articles, merged into one chronology, printed
or exported. The command wires its options to ``pipeline.run``; what it prints goes through
``output.targets``."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from timeline_cli.chronology.filters import EventFilter, apply_filter, keeps
from timeline_cli.chronology.updates import saved_inputs, update_of
from timeline_cli.cli.console import stderr_console, stdout_console
from timeline_cli.cli.errors import (
    ExitStatus,
    UsageError,
    print_warning,
    report_notices,
    reporting_errors,
    whole_number,
)
from timeline_cli.cli.inputs import STDIN_ARGUMENT, Inputs, collect
from timeline_cli.cli.options import (
    DEFAULT_OUTPUT,
    NO_CRITERIA,
    FieldOption,
    FilterOptions,
    FollowSymlinksOption,
    JobsOption,
    ModelOption,
    NoCacheOption,
    NoColorOption,
    OutputOptions,
    PublishedOption,
    filter_options,
    output_options,
    parse_published,
)
from timeline_cli.cli.saved import read_chronology
from timeline_cli.core.models import Chronology, Correction, Document, Notice
from timeline_cli.ingest.documents import check_published_names
from timeline_cli.ingest.readers import FieldNames, RecordError, SourceArticle, reader_kind
from timeline_cli.ingest.reading import printable
from timeline_cli.output.sharing import shared
from timeline_cli.output.targets import Target, check_target, stream_jsonl, write_chronology
from timeline_cli.pipeline.engines import ENGINES

# The NLP (spaCy, the model) is imported inside the command, once its options are checked:
# --help, --version and usage errors answer at once.
if TYPE_CHECKING:
    from timeline_cli.pipeline.run import RunResult, Settings

PROGRESS_THRESHOLD = 20  # articles; below this a progress bar only flickers


@output_options
@filter_options
def extract(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH...",
            help="Articles (.txt, .html, .md, .jsonl, .csv) or folders of them; - reads file "
            "paths or JSON Lines articles from standard input.",
        ),
    ],
    destination: OutputOptions = DEFAULT_OUTPUT,
    published: PublishedOption = None,
    model: ModelOption = None,
    no_color: NoColorOption = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No warnings or progress on stderr.")
    ] = False,
    criteria: FilterOptions = NO_CRITERIA,
    text_field: FieldOption("the text") = "text",
    date_field: FieldOption("the publication date") = "date",
    title_field: FieldOption("the title") = "title",
    url_field: FieldOption("the URL") = "url",
    id_field: FieldOption("the article id") = "id",
    jobs: JobsOption = "1",
    engine: Annotated[
        str,
        typer.Option(metavar="ENGINE", help="Where extraction runs: local (processes) or dask."),
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(metavar="ADDRESS", help="Dask scheduler address; a local cluster otherwise."),
    ] = None,
    explain_dates: Annotated[
        bool,
        typer.Option("--explain", help="Also show on stderr how each date was resolved."),
    ] = False,
    no_merge: Annotated[
        bool,
        typer.Option(
            "--no-merge",
            help="Every mention its own event; with --format jsonl on stdout, events stream "
            "out as articles are parsed.",
        ),
    ] = False,
    follow_symlinks: FollowSymlinksOption = False,
    cache_file: Annotated[
        Path | None,
        typer.Option(
            "--cache",
            metavar="FILE",
            help="The parse cache, which spares unchanged articles a second parse. Default: "
            "$TIMELINE_CACHE, else timeline-cli/parse-cache.sqlite3 in the user's cache folder.",
        ),
    ] = None,
    no_cache: NoCacheOption = False,
    corrections_file: Annotated[
        Path | None,
        typer.Option(
            "--corrections",
            metavar="FILE",
            help="Corrections to apply (dates, types, drops, merges, splits), instead of the "
            "timeline-corrections.toml files beside the articles.",
        ),
    ] = None,
    update: Annotated[
        bool,
        typer.Option(
            "--update",
            help="Add the articles to the chronology saved in -o FILE.json: its articles are "
            "read again (from the parse cache), its ids and corrections kept, and it is "
            "rewritten.",
        ),
    ] = False,
    key_dates_count: Annotated[
        int | None,
        typer.Option(
            "--key-dates",
            metavar="N",
            min=1,
            help="Only the N most important days of the story (by what the articles say of "
            "them), each by its best-supported event, with its number of sources.",
        ),
    ] = None,
) -> None:
    """Extract the dated events of articles and print or export their merged chronology."""
    errors = stderr_console(no_color)
    with reporting_errors(errors):
        target = destination.target()
        chosen = criteria.event_filter()
        workers = whole_number("--jobs", jobs, minimum=1)
        fields = FieldNames(text_field, date_field, title_field, url_field, id_field)
        if engine not in ENGINES:
            raise UsageError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
        published_dates = parse_published(published)
        if update:
            _check_update(target, chosen, no_merge)
            target = replace(target, overwrite=True)  # the chronology updated is rewritten
        inputs = collect(paths, fields, errors, quiet, follow_symlinks)
        files, unlisted = inputs.files, inputs.unlisted
        if not inputs.stdin_articles:
            check_published_names(published_dates, files)
        check_target(target)
        corrections = _corrections(paths, corrections_file)
        kept_ids: frozenset[str] = frozenset()
        if update and target.path is not None and target.path.exists():
            saved = read_chronology(target.path)
            folders = [Path(p) for p in paths if p != STDIN_ARGUMENT and Path(p).is_dir()]
            updated = update_of(saved, target.path, folders, files, corrections)
            files, kept_ids, corrections = updated.files, updated.kept_ids, updated.corrections
            unlisted = (*unlisted, *updated.missing)
            if not quiet:
                report_notices(errors, tuple(Notice("skipped", m) for m in updated.missing))
        from timeline_cli.pipeline.cache import default_cache_path
        from timeline_cli.pipeline.run import Settings

        cache = None if no_cache else cache_file or default_cache_path()
        settings = Settings(
            model,
            published_dates,
            fields,
            workers,
            engine,
            scheduler,
            not no_merge,
            cache=cache,
            corrections=tuple(corrections),
            kept_ids=kept_ids,
        )
        if no_merge and target.streams and not key_dates_count:
            skipped = _stream(inputs, settings, chosen, errors, quiet)
            raise typer.Exit(ExitStatus.SKIPPED if skipped or unlisted else ExitStatus.OK)
        result = run_with_progress(files, settings, errors, quiet, inputs.stdin_articles)
        filtered = apply_filter(result.chronology, chosen)
        if key_dates_count:
            from timeline_cli.chronology.keydates import key_dates

            filtered = key_dates(filtered, result.days, key_dates_count)
        filtered = shared(filtered, inputs.roots)
        filtered = replace(filtered, inputs=saved_inputs(target.path, inputs.roots))
        write_chronology(filtered, target, stdout_console(no_color), len(result.skipped))
        if explain_dates:
            from timeline_cli.chronology.explain import explanation_text
            from timeline_cli.pipeline.explaining import explain_used_dates

            errors.print(explanation_text(explain_used_dates(filtered, settings.model)))
    if not quiet:
        report_notices(errors, result.chronology.notices)
        for warning in result.cache_warnings:
            print_warning(errors, warning)
        _report_corrections(errors, result.chronology)
    raise typer.Exit(ExitStatus.SKIPPED if result.skipped or unlisted else ExitStatus.OK)


def _check_update(target: Target, chosen: EventFilter, no_merge: bool) -> None:
    if target.path is None or target.format != "json":
        raise UsageError("--update needs the chronology to update: -o FILE.json")
    if not chosen.is_empty or no_merge:
        raise UsageError(
            "--update keeps the whole merged chronology: filter it with `timeline show`"
        )


def _corrections(paths: list[str], explicit: Path | None) -> list[Correction]:
    """The corrections to apply: ``--corrections FILE``, else the files beside the articles."""
    from timeline_cli.chronology.corrections import (
        CorrectionsError,
        corrections_files,
        load_corrections,
        type_parents,
    )

    if explicit is not None and not explicit.is_file():
        raise UsageError(f"--corrections: no such file: {printable(explicit)}")
    named = [Path(path) for path in paths if path != STDIN_ARGUMENT]
    files = [explicit] if explicit is not None else corrections_files(named)
    try:
        return [entry for file in files for entry in load_corrections(file, type_parents())]
    except CorrectionsError as error:
        raise UsageError(str(error)) from None


def _report_corrections(errors: Console, chronology: Chronology) -> None:
    applied = [c for c in chronology.corrections if c.applied]
    if applied:
        files = sorted({c.origin or "the saved chronology" for c in applied})
        errors.print(
            f"timeline: {len(applied)} correction(s) applied from {', '.join(files)}",
            markup=False,
        )


def run_with_progress(
    files: list[Path],
    settings: Settings,
    errors: Console,
    quiet: bool,
    stdin_articles: list[SourceArticle | RecordError] | None = None,
) -> RunResult:
    from timeline_cli.pipeline.run import run

    stdin_articles = stdin_articles or []
    datasets = any(reader_kind(path) == "records" for path in files) or stdin_articles
    expected = None if datasets else len(files)  # a dataset's rows are counted as they come
    small = expected is not None and expected < PROGRESS_THRESHOLD
    if quiet or small or not errors.is_terminal:
        return run(files, settings, stdin_articles=stdin_articles)
    columns = (
        TextColumn("reading articles"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=errors, transient=True) as progress:
        task = progress.add_task("extract", total=expected)

        def advance(_: Document) -> None:
            progress.advance(task)

        return run(files, settings, on_document=advance, stdin_articles=stdin_articles)


def _stream(
    inputs: Inputs, settings: Settings, chosen: EventFilter, errors: Console, quiet: bool
) -> list[str]:
    """Unmerged events to stdout as each batch of articles is parsed; the skipped files."""
    from timeline_cli.pipeline.run import stream_events

    stream, events = stream_events(inputs.files, settings, inputs.stdin_articles)
    stream_jsonl(event for event in events if keeps(chosen, event))
    if not quiet:
        report_notices(errors, tuple(stream.notices))
    return stream.skipped
