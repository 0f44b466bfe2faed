"""Writing an output file safely: never over an existing file unless asked, never half-written,
never anything but a regular file.

- The text goes to a temporary file beside the destination, which is then put in place in one
  step, so an interrupted run leaves the old file or the new one, never a mixture.
- Without ``overwrite`` the destination is created exclusively: the temporary file is
  hard-linked to its name, which fails if anything holds that name, even a dangling link or a
  file another run created a moment ago (a rename would silently replace it).
- With ``overwrite`` only a regular file is replaced. A symbolic link, a device, a FIFO, a
  socket or a folder is refused: overwriting ``/dev/null`` never replaces it, and a link
  is never followed to a file elsewhere (name the link's target to write there).
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

from timeline_cli.ingest.reading import file_kind

# link() errors that mean "this file system has no hard links" (FAT, some network mounts).
_NO_HARD_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS}


class OutputExists(Exception):
    """The output file is there already and overwriting was not asked for."""


class OutputRefused(Exception):
    """The output path is a link or a special file: it is never replaced, even when asked."""


def check_destination(path: Path, *, overwrite: bool) -> None:
    """Raise OutputRefused for a path that is not a regular file, OutputExists for one that
    exists when overwriting was not asked for. The path itself is looked at, not a link's target."""
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        return
    if stat.S_ISLNK(status.st_mode):
        raise OutputRefused(
            f"{path} is a symbolic link; outputs are never written through links "
            "(name the file it points to instead)"
        )
    if not stat.S_ISREG(status.st_mode):
        kind = file_kind(status.st_mode)
        raise OutputRefused(f"{path} is {kind}, not a regular file; it is never replaced")
    if not overwrite:
        raise OutputExists(f"{path} exists")


def write_atomically(path: Path, text: str | bytes, *, overwrite: bool = False) -> None:
    """Write ``text`` (UTF-8) or bytes to ``path`` through a temporary file put in place in
    one step."""
    check_destination(path, overwrite=overwrite)
    directory = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        os.chmod(temporary, _file_mode(path))
        data = text.encode("utf-8") if isinstance(text, str) else text
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if overwrite:
            check_destination(path, overwrite=True)  # again: it may have changed meanwhile
            os.replace(temporary, path)
        else:
            _create_exclusively(Path(temporary), path)
    finally:
        Path(temporary).unlink(missing_ok=True)


def _create_exclusively(temporary: Path, path: Path) -> None:
    """Give the written temporary file the name ``path``, unless that name is taken."""
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise OutputExists(f"{path} exists") from None
    except OSError as error:
        if error.errno not in _NO_HARD_LINKS:
            raise
        _reserve_and_replace(temporary, path)


def _reserve_and_replace(temporary: Path, path: Path) -> None:
    """Without hard links: claim the name with O_EXCL (an empty file for a moment), then
    rename the temporary file over the claimed name."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        raise OutputExists(f"{path} exists") from None
    try:
        os.replace(temporary, path)
    except BaseException:
        path.unlink(missing_ok=True)  # our empty claim, not someone's file
        raise


def _file_mode(path: Path) -> int:
    """The mode of the file being replaced, else what a plain open() would give (mkstemp's
    0600 would hide the output from other users)."""
    if path.is_file() and not path.is_symlink():
        return path.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
