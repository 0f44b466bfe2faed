"""Finding article files and decoding them, with a named reason for every file that is skipped.

Only regular files are read: a FIFO, a device or a socket is refused with its kind, without
ever being opened for long enough to block (a FIFO) or to stream forever (``/dev/zero``), and a
file's size is checked before it is read. A link met while walking a folder is followed only
when it stays inside that folder, unless ``follow_symlinks`` is given; files named directly
are read wherever their links lead.
"""

from __future__ import annotations

import codecs
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO

from timeline_cli.core.models import Notice

# Plain text, saved web pages, Markdown, and datasets of one article a row (see formats.py).
ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".md", ".markdown", ".jsonl", ".ndjson", ".csv")
METADATA_FILE_NAME = "timeline-metadata.csv"
CORRECTIONS_FILE_NAME = "timeline-corrections.toml"  # read by ``corrections``, not an article
# The largest article file read. Its text may be four times the largest body spaCy parses
# (documents.MAX_BODY_CHARS) in up to four bytes a character, plus a web page's markup; a
# larger file is refused before anything is read. Datasets are streamed, one row at a time.
MAX_FILE_BYTES = 32 * 1024 * 1024
# Bytes that never occur in text files; a few of them mean the file is binary.
_CONTROL_BYTES = bytes(range(0, 9)) + bytes(range(14, 32))
_FALLBACK_ENCODING = "cp1252"
# Byte-order marks, the UTF-32 ones first: UTF-32-LE's begins with UTF-16-LE's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class UnreadableFile(Exception):
    """A file that cannot be read as an article; the message is the reason shown to the user."""


@dataclass(frozen=True)
class InputSelection:
    files: tuple[Path, ...]
    folders: tuple[Path, ...]
    missing: tuple[str, ...]
    notices: tuple[Notice, ...]
    skipped: tuple[str, ...] = ()  # what could not even be listed (a folder too deep to open)


def file_kind(mode: int) -> str:
    """'a directory', 'a FIFO (named pipe)', ... for a file that is not a regular one."""
    return next((name for test, name in _KINDS if test(mode)), "a special file")


def os_reason(error: OSError) -> str:
    return error.strerror or str(error)


def collect_inputs(arguments: list[str], follow_symlinks: bool = False) -> InputSelection:
    """Expand the command-line paths into article files: folders recursively, in sorted order."""
    files: list[Path] = []
    folders: list[Path] = []
    missing: list[str] = []
    notices: list[Notice] = []
    skipped: list[str] = []
    for argument in arguments:
        path = Path(argument)
        try:
            status = path.stat()
        except (OSError, ValueError):  # no such file, a name too long, a NUL byte in it
            missing.append(argument)
            continue
        if not stat.S_ISDIR(status.st_mode):
            files.append(path)  # any other kind is refused, with its reason, when read
            continue
        folders.append(path)
        walk = _walk(path, follow_symlinks)
        if not walk.found:
            notices.append(Notice("empty-folder", f"{argument}: no {_suffix_list()} files"))
        if walk.others:
            kinds = ", ".join(sorted({p.suffix.lower() or p.name for p in walk.others}))
            message = f"{argument}: {len(walk.others)} file(s) of other types ignored ({kinds})"
            notices.append(Notice("ignored-files", message))
        notices.extend(walk.notices)
        skipped.extend(walk.skipped)
        files.extend(walk.found)
    unique = tuple(dict.fromkeys(files))
    return InputSelection(
        unique, tuple(folders), tuple(missing), tuple(notices), tuple(dict.fromkeys(skipped))
    )


@dataclass
class _Walk:
    found: list[Path]
    others: list[Path]
    notices: list[Notice]
    skipped: list[str]


def _walk(folder: Path, follow_symlinks: bool) -> _Walk:
    """The article files of a folder and its subfolders (hidden ones left out), the other
    visible files, and what could not be listed or was not followed."""
    walk = _Walk([], [], [], [])
    root = os.path.realpath(folder)
    walked: set[str] = set()

    def unlistable(error: OSError) -> None:
        name = printable(error.filename or folder)
        walk.notices.append(Notice("skipped", f"{name}: {os_reason(error)}; its files not read"))
        walk.skipped.append(name)

    for current, subfolders, names in os.walk(folder, onerror=unlistable, followlinks=True):
        here = Path(current)
        real = os.path.realpath(current)
        if real in walked:  # a link back to a folder already walked: no loop, no double
            subfolders.clear()
            continue
        walked.add(real)
        subfolders[:] = sorted(
            name for name in subfolders if _walks_into(here / name, root, follow_symlinks, walk)
        )
        for name in names:
            path = here / name
            if name.startswith(".") or name in (METADATA_FILE_NAME, CORRECTIONS_FILE_NAME):
                continue
            if _is_link(path) and not _follows(path, root, follow_symlinks, walk):
                continue
            (walk.found if path.suffix.lower() in ARTICLE_SUFFIXES else walk.others).append(path)
    walk.found.sort()
    walk.others.sort()
    return walk


def _walks_into(path: Path, root: str, follow_symlinks: bool, walk: _Walk) -> bool:
    """Subfolders are walked, links to folders only with ``follow_symlinks`` (without it, a
    linked folder inside the walked one is read where it is, and one outside is reported)."""
    if path.name.startswith("."):
        return False
    if not _is_link(path) or follow_symlinks:
        return True
    _follows(path, root, follow_symlinks, walk)
    return False


def _follows(path: Path, root: str, follow_symlinks: bool, walk: _Walk) -> bool:
    """A link is followed when it stays inside the folder walked, or when asked to; one that
    leaves is reported."""
    target = os.path.realpath(path)
    if follow_symlinks or os.path.commonpath([root, target]) == root:
        return True
    message = f"{printable(path)}: a link out of the folder (to {printable(target)}); not followed"
    walk.notices.append(Notice("link-out", message))
    return False


def _is_link(path: Path) -> bool:
    try:
        return path.is_symlink()
    except OSError:  # a name too long to look at: reading it will say so
        return False


def _suffix_list() -> str:
    return ", ".join(ARTICLE_SUFFIXES)


def printable(path: Path | str | bytes) -> str:
    """A path as text that can always be written: undecodable bytes of a file name (a
    Latin-1 name on a UTF-8 system) become escapes instead of crashing the output."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def open_regular(path: Path) -> BinaryIO:
    """The file open for reading, if it is a regular file; UnreadableFile naming what it is
    otherwise. A FIFO is never waited on, a device never read."""
    try:
        status = os.stat(path)
        if not stat.S_ISREG(status.st_mode):
            raise UnreadableFile(f"not a regular file: {file_kind(status.st_mode)}")
        # Non-blocking: if the name was swapped for a FIFO meanwhile, open() does not hang.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError as error:
        raise UnreadableFile(os_reason(error)) from error
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise UnreadableFile(f"not a regular file: {file_kind(status.st_mode)}")
        os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def read_nonempty_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """A file's bytes; UnreadableFile when it cannot be read, is not a regular file, is larger
    than ``limit`` (checked before reading) or holds only whitespace."""
    with open_regular(path) as handle:
        size = os.fstat(handle.fileno()).st_size
        try:
            raw = handle.read(limit + 1) if size <= limit else b""
        except OSError as error:
            raise UnreadableFile(os_reason(error)) from error
    if size > limit or len(raw) > limit:  # the second: it grew while being read
        raise UnreadableFile(f"too large: {max(size, len(raw)):,} bytes (the limit is {limit:,})")
    if not raw.strip():
        raise UnreadableFile("empty file")
    return raw


def read_article_text(path: Path) -> tuple[str, Notice | None]:
    """Decode a text file: UTF-8 (with or without BOM), UTF-16 or UTF-32 with a BOM, else
    Windows-1252.

    Raises UnreadableFile for files that cannot be read, are empty, or are binary.
    A fallback decoding is reported as a notice, since a wrong guess garbles names.
    """
    raw = read_nonempty_bytes(path)
    marked = byte_order_mark(raw)
    if marked is not None:
        encoding, name = marked
        try:
            text = raw.decode(encoding).lstrip("\ufeff")
        except UnicodeDecodeError as error:
            reason = f"{name} byte order mark, but not valid {name} ({error.reason})"
            raise UnreadableFile(reason) from error
        return text, Notice("encoding", f"{path.name}: read as {name}", path.stem)
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


def byte_order_mark(start: bytes) -> tuple[str, str] | None:
    """The codec and name of a UTF-16 or UTF-32 byte-order mark the bytes start with."""
    return next(((codec, name) for bom, codec, name in _BOMS if start.startswith(bom)), None)


class LongLine(str):
    """The start of a line longer than a reader takes in memory; the rest was dropped."""


def bounded_lines(stream: TextIO, limit: int) -> Iterator[str]:
    """The lines of a text stream, none longer than ``limit`` characters in memory: a longer
    one is given as a ``LongLine`` holding only its first characters."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(("\n", "\r")):
            _skip_rest_of_line(stream)
            line = LongLine(line[:80])
        yield line


def _skip_rest_of_line(stream: TextIO) -> None:
    while True:
        rest = stream.readline(1 << 20)
        if not rest or rest.endswith("\n"):
            return


def _looks_binary(raw: bytes) -> bool:
    sample = raw[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    return control > len(sample) * 0.05
