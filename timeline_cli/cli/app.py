"""The ``timeline`` command: the typer app, its commands (a module each), and ``main``.

Exit codes (``errors.ExitStatus``): 0 all went well, 1 some input files were skipped, 2 usage
error (a missing path, no articles at all, an output file that exists or is not a regular
file, a bad option value, a file ``show`` cannot read), 3 the output could not be written (a
full disk), 130 interrupted (Ctrl-C or SIGTERM), 141 the reader of standard output went away
(``| head``): the run ends quietly, as Unix tools do. Whatever stops a run, an existing output
file is left as it was. Everything printed on the terminal has its control characters made
visible (``controls``).
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from timeline_cli import __version__
from timeline_cli.cli.console import stderr_console
from timeline_cli.cli.errors import ExitStatus, print_error
from timeline_cli.cli.eval_events import eval_events
from timeline_cli.cli.eval_timeline import eval_timeline
from timeline_cli.cli.eval_timex import eval_timex
from timeline_cli.cli.eval_tls import eval_tls
from timeline_cli.cli.explain import explain
from timeline_cli.cli.extract import extract
from timeline_cli.cli.show import show

# A file the command creates once its signal handlers are installed: tests that interrupt a
# run wait for it instead of sleeping.
READY_FILE_VARIABLE = "TIMELINE_READY_FILE"


def _click_class(name: str) -> type[Exception]:
    """One of click's exception classes, wherever this typer takes click from (typer 0.12 to
    0.2x uses click itself, later ones a copy of their own)."""
    return next(k for k in typer.BadParameter.__mro__ if k.__name__ == name)


_CLICK_USAGE_ERROR = _click_class("UsageError")
_CLICK_EXCEPTION = _click_class("ClickException")


class Commands(typer.core.TyperGroup):
    """The command group, whose mistakes in calling a command (a misspelt option, a missing
    argument, a value of the wrong kind) are reported like every other error: one line on
    stderr with where to look for help, exit code 2; not click's usage block and boxed error."""

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        except _CLICK_USAGE_ERROR as error:
            code = _report_usage_error(error)
        except _CLICK_EXCEPTION as error:
            print_error(stderr_console(), error.format_message())  # type: ignore[attr-defined]
            code = error.exit_code  # type: ignore[attr-defined]
        except typer.Abort:
            stderr_console().print("timeline: aborted")
            code = ExitStatus.INTERRUPTED
        if not standalone_mode:
            return code
        sys.exit(code or ExitStatus.OK)


def _report_usage_error(error: Exception) -> int:
    """Click's usage error as one line: the message, then the command's --help to read."""
    context = getattr(error, "ctx", None)
    if type(error).__name__ == "NoArgsIsHelpError":  # no command given: the help is the answer
        text = error.format_message()  # type: ignore[attr-defined]
        if text.strip():
            typer.echo(text)
        return ExitStatus.USAGE
    message = error.format_message().strip().rstrip(".")  # type: ignore[attr-defined]
    if message[1:2].islower():  # "No such option" as our messages are written; "URL" stays
        message = message[0].lower() + message[1:]
    if context is not None:
        message += f" (see '{context.command_path} --help')"
    print_error(stderr_console(), message)
    return ExitStatus.USAGE


class Command(typer.core.TyperCommand):
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
    cls=Commands,
    help="Turn a folder of news articles into one dated, sourced, merged chronology of events.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
# Each command: its name, its function, and the line `timeline --help` gives it.
COMMANDS = (
    ("extract", extract, "Extract dated events and print or export their chronology."),
    ("show", show, "Render a saved chronology again, in any format."),
    ("explain", explain, "Show how each date of the articles was resolved."),
    ("eval-timex", eval_timex, "Score date finding on TimeML (TempEval-3)."),
    ("eval-events", eval_events, "Score dated events against gold events."),
    ("eval-tls", eval_tls, "Score key dates against journalists' timelines."),
    ("eval-timeline", eval_timeline, "Score entity timelines (SemEval-2015 Task 4)."),
)
for name, function, summary in COMMANDS:
    app.command(name, cls=Command, short_help=summary)(function)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"timeline-cli {__version__}")
        raise typer.Exit(ExitStatus.OK)


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


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # SIGTERM ends a run as Ctrl-C does: temporary files removed


def main() -> None:
    signal.signal(signal.SIGTERM, _interrupt)
    ready_file = os.environ.get(READY_FILE_VARIABLE)
    if ready_file:
        Path(ready_file).touch()
    app(prog_name="timeline")
