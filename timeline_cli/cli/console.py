"""The consoles the commands print on, made in one place so that colour is decided once:
``--no-color`` turns it off; otherwise Rich honours NO_COLOR and what the terminal can do."""

from __future__ import annotations

from rich.console import Console


def stderr_console(no_color: bool = False) -> Console:
    """Messages on standard error, one line each however long."""
    return Console(stderr=True, no_color=_no_color(no_color), highlight=False, soft_wrap=True)


def stdout_console(no_color: bool = False) -> Console:
    """Tables and text on standard output."""
    return Console(no_color=_no_color(no_color), highlight=False)


def _no_color(option: bool) -> bool | None:
    """--no-color, else None: Rich then honours NO_COLOR itself (False would override it)."""
    return True if option else None
