"""Finding article files and decoding them, with a named reason for every file that is skipped."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from timeline_cli.models import Notice

# Plain text, saved web pages, Markdown, and datasets of one article a row (see formats.py).
ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".md", ".markdown", ".jsonl", ".ndjson", ".csv")
METADATA_FILE_NAME = "timeline-metadata.csv"
# Bytes that never occur in text files; a few of them mean the file is binary.
_CONTROL_BYTES = bytes(range(0, 9)) + bytes(range(14, 32))
_FALLBACK_ENCODING = "cp1252"


class UnreadableFile(Exception):
    """A file that cannot be read as an article; the message is the reason shown to the user."""


@dataclass(frozen=True)
class InputSelection:
    files: tuple[Path, ...]
    folders: tuple[Path, ...]
    missing: tuple[str, ...]
    notices: tuple[Notice, ...]


def collect_inputs(arguments: list[str]) -> InputSelection:
    """Expand the command-line paths into article files: folders recursively, in sorted order."""
    files: list[Path] = []
    folders: list[Path] = []
    missing: list[str] = []
    notices: list[Notice] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            folders.append(path)
            found, others = _articles_in(path)
            if not found:
                notices.append(Notice("empty-folder", f"{argument}: no {_suffix_list()} files"))
            if others:
                kinds = ", ".join(sorted({p.suffix.lower() or p.name for p in others}))
                message = f"{argument}: {len(others)} file(s) of other types ignored ({kinds})"
                notices.append(Notice("ignored-files", message))
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            missing.append(argument)
    unique = tuple(dict.fromkeys(files))
    return InputSelection(unique, tuple(folders), tuple(missing), tuple(notices))


def _articles_in(folder: Path) -> tuple[list[Path], list[Path]]:
    """The article files of a folder, and the other visible files it holds."""
    found, others = [], []
    for path in sorted(folder.rglob("*")):
        hidden = any(part.startswith(".") for part in path.relative_to(folder).parts)
        # A broken link is kept, so that it is reported rather than silently lost.
        is_file = path.is_file() or path.is_symlink()
        if not is_file or hidden or path.name == METADATA_FILE_NAME:
            continue
        (found if path.suffix.lower() in ARTICLE_SUFFIXES else others).append(path)
    return found, others


def _suffix_list() -> str:
    return ", ".join(ARTICLE_SUFFIXES)


def read_nonempty_bytes(path: Path) -> bytes:
    """A file's bytes; UnreadableFile when it cannot be read or holds only whitespace."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise UnreadableFile(error.strerror or str(error)) from error
    if not raw.strip():
        raise UnreadableFile("empty file")
    return raw


def read_article_text(path: Path) -> tuple[str, Notice | None]:
    """Decode a text file: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252.

    Raises UnreadableFile for files that cannot be read, are empty, or are binary.
    A fallback decoding is reported as a notice, since a wrong guess garbles names.
    """
    raw = read_nonempty_bytes(path)
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16").lstrip("\ufeff")
        except UnicodeDecodeError as error:
            reason = f"UTF-16 byte order mark, but not valid UTF-16 ({error.reason})"
            raise UnreadableFile(reason) from error
        return text, Notice("encoding", f"{path.name}: read as UTF-16", path.stem)
    if _looks_binary(raw):
        raise UnreadableFile("binary file, not text")
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        text = raw.decode(_FALLBACK_ENCODING, errors="replace")
        message = (
            f"{path.name}: not valid UTF-8 (byte {error.start}); read as Windows-1252, "
            "check names and quotes"
        )
        return text, Notice("encoding", message, path.stem)


def _looks_binary(raw: bytes) -> bool:
    sample = raw[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    return control > len(sample) * 0.05
