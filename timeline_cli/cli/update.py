"""``extract --update``: the chronology saved in -o FILE.json gets the new articles; its own
articles are found again (from the parse cache), its event ids and corrections kept."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from timeline_cli.chronology.filters import EventFilter
from timeline_cli.cli.errors import UsageError
from timeline_cli.cli.inputs import STDIN_ARGUMENT
from timeline_cli.cli.saved import read_chronology
from timeline_cli.core.models import Correction
from timeline_cli.ingest.reading import printable


def check_update(
    output: Path | None, chosen_format: str, event_filter: EventFilter, no_merge: bool
) -> None:
    if output is None or chosen_format != "json":
        raise UsageError("--update needs the chronology to update: -o FILE.json")
    if not event_filter.is_empty or no_merge:
        raise UsageError(
            "--update keeps the whole merged chronology: filter it with `timeline show`"
        )


def updating(
    output: Path, paths: list[str], files: list[Path], corrections: list[Correction]
) -> tuple[list[Path], tuple[str, ...], frozenset[str], list[Correction]]:
    """For ``--update``: the saved chronology's articles added to those named (each file
    once), those that cannot be found, the ids in use, and the saved corrections with the
    files' own (a file's entry replaces a saved one for the same events)."""
    from timeline_cli.chronology.corrections import merged_corrections

    saved = read_chronology(output)
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


def inputs_from(output: Path | None, roots: Sequence[Path]) -> tuple[str, ...]:
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
