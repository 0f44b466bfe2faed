"""Updating a saved chronology with new articles: its own articles are found again, its event
ids and corrections kept, and the folders it was read from recorded for the next update."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from timeline_cli.chronology.corrections import merged_corrections
from timeline_cli.core.models import Chronology, Correction
from timeline_cli.ingest.reading import printable


@dataclass(frozen=True)
class Update:
    files: list[Path]  # the articles named, then the saved chronology's (each file once)
    missing: tuple[str, ...]  # what is said of each saved article that cannot be found
    kept_ids: frozenset[str]  # the event ids in use
    corrections: list[Correction]  # the saved ones with the files' own


def update_of(
    saved: Chronology,
    saved_at: Path,
    folders: Sequence[Path],
    files: Sequence[Path],
    corrections: Sequence[Correction],
) -> Update:
    """The update of the chronology ``saved`` in the file ``saved_at`` with the article
    ``files`` named (``folders``: those named). A saved article is looked for where its path
    leads, then in the chronology's folders and the folders named; a corrections file's entry
    replaces a saved one for the same events."""
    home = saved_at.parent
    places = [home, *(home / folder for folder in saved.inputs), *folders]
    seen = {path.resolve() for path in files}
    named = {path.name for path in files}  # a saved article named again from a new place
    combined, missing = list(files), []
    for document in sorted(saved.documents, key=lambda d: d.path):
        found = _saved_article(document.path, places)
        if found is None and Path(document.path).name in named:
            continue
        if found is None:
            missing.append(
                f"{printable(saved_at)}: article {document.id} ({document.path}) not found; "
                "its events are left out (name its folder on the command line)"
            )
        elif found.resolve() not in seen:
            seen.add(found.resolve())
            combined.append(found)
    return Update(
        combined,
        tuple(dict.fromkeys(missing)),
        frozenset(event.id for event in saved.events),
        merged_corrections(saved.corrections, list(corrections)),
    )


def saved_inputs(saved_at: Path | None, roots: Sequence[Path]) -> tuple[str, ...]:
    """The input folders as a chronology saved at ``saved_at`` names them: relative to its
    own folder, and only those inside it (a path that climbs out would tell the folders of
    the machine)."""
    if saved_at is None:
        return ()
    home = saved_at.resolve().parent
    inside = [root.resolve() for root in roots if root.resolve().is_relative_to(home)]
    return tuple(sorted({root.relative_to(home).as_posix() for root in inside}))


def _saved_article(path: str, folders: list[Path]) -> Path | None:
    """A saved chronology's article: where its path leads from here, else from one of the
    folders."""
    for candidate in (Path(path), *(folder / path for folder in folders)):
        if candidate.is_file():
            return candidate
    return None
