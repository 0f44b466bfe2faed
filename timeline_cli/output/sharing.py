"""What a shared output may say about the machine it was made on: paths relative to the input.

A chronology is handed on (a page mailed to an editor, a CSV put online), so the outputs name
each article by its path relative to the folder it was found in (``2012/march/a.txt`` for a
file under the folder given on the command line, the file's name for a file named directly),
never by an absolute path that tells a reporter's user name and folders. The same goes for
paths inside warnings ("/home/ana/leaks/b.txt: empty file" is written "b.txt: empty file").

The run itself, and its messages on the terminal, keep the paths as given: only what is
written out goes through ``shared``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path, PurePath

from timeline_cli.core.models import Chronology, Document, Notice


def shared(chronology: Chronology, roots: Iterable[Path] | None = None) -> Chronology:
    """The chronology with its paths relative to ``roots``: the folders the articles were
    found in (folders named on the command line, and the folders of files named directly).
    Without roots (a saved chronology), absolute paths are made relative to the folder all the
    articles share."""
    documents = chronology.documents
    folders = _folders(documents) if roots is None else list(roots)
    renamed = {d.path: relative_path(d.path, folders) for d in documents}
    return replace(
        chronology,
        documents=tuple(replace(d, path=renamed[d.path]) for d in documents),
        notices=tuple(_shared_notice(notice, renamed, folders) for notice in chronology.notices),
    )


def named_file_roots(files: Sequence[Path]) -> list[Path]:
    """The folder each file named on the command line is shared relative to: its own, or
    the one above it that tells it from another file of the same name (``a/report.txt`` and
    ``b/report.txt``), as document ids do."""
    roots = []
    for path in files:
        others = [other for other in files if other != path]
        depth = 0
        while depth < len(path.parents) - 1 and any(
            _tail(other, depth) == _tail(path, depth) for other in others
        ):
            depth += 1
        roots.append(path.parents[depth])
    return roots


def _tail(path: Path, depth: int) -> tuple[str, ...]:
    return path.parts[-(depth + 1) :]


def relative_path(path: str, roots: Sequence[Path]) -> str:
    """``path`` relative to the first root that holds it, else its file name when it is
    absolute; names that are no path (``<stdin>``) and relative paths outside every root stay
    as they are."""
    pure = PurePath(path)
    for root in roots:
        if _holds(root, pure):
            return pure.relative_to(root).as_posix()
    return pure.name if pure.is_absolute() else path


def _holds(root: Path, path: PurePath) -> bool:
    return str(root) not in ("", ".") and path.is_relative_to(root) and path != PurePath(root)


def _folders(documents: Sequence[Document]) -> list[Path]:
    """The deepest folder every absolute document path lies in."""
    absolute = [d.path for d in documents if PurePath(d.path).is_absolute()]
    if not absolute:
        return []
    return [Path(os.path.commonpath([os.path.dirname(path) for path in absolute]))]


def _shared_notice(notice: Notice, renamed: dict[str, str], roots: Sequence[Path]) -> Notice:
    message = notice.message
    for original in sorted(renamed, key=len, reverse=True):
        if original != renamed[original]:
            message = message.replace(original, renamed[original])
    for root in sorted(roots, key=lambda r: len(str(r)), reverse=True):
        if root.is_absolute():
            # the folder itself ("/home/ana/leaks/: 2 files ignored") is named, not placed;
            # a path under it loses it
            itself = re.compile(rf"{re.escape(str(root))}{re.escape(os.sep)}?(?=:)")
            message = itself.sub(root.name, message).replace(f"{root}{os.sep}", "")
    return replace(notice, message=message)
