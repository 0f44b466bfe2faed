"""Writing an output file safely: never over an existing file unless asked, never half-written."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class OutputExists(Exception):
    """The output file is there already and overwriting was not asked for."""


def write_atomically(path: Path, text: str, *, overwrite: bool = False) -> None:
    """Write to a temporary file beside ``path``, then rename it into place in one step.

    An interrupted run leaves either the old file or the new one, never a mixture.
    """
    if path.exists() and not overwrite:
        raise OutputExists(f"{path} exists; use --force to overwrite it")
    directory = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        os.chmod(temporary, _file_mode(path))
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _file_mode(path: Path) -> int:
    """The mode of the file being replaced, else what a plain open() would give (mkstemp's
    0600 would hide the output from other users)."""
    if path.exists():
        return path.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
