"""Flaws of outside data (evaluation corpora), each named with its file and line.

Public datasets have them: two lines of a gold file fused into one, a date written day first,
a file that is not well-formed. A reader that meets one repairs it when the repair can be
checked, or skips the smallest part that holds it (a mention, a line, a file), records it
here and goes on; the command prints the log at the end and puts it in its JSON, so a score
always says what it left out.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal

Action = Literal["repaired", "skipped"]


class FlawError(ValueError):
    """A flaw that makes a whole file unusable: the caller skips the file and logs this."""

    def __init__(self, file: Path | str, problem: str, line: int | None = None) -> None:
        self.file, self.problem, self.line = str(file), problem, line
        super().__init__(f"{where(self.file, line)}: {problem}")


@dataclass(frozen=True)
class Flaw:
    file: str
    line: int | None
    problem: str
    action: Action
    detail: str  # what was done: "read as 2009-02-03 ...", "line skipped", "file skipped"

    def __str__(self) -> str:
        return f"{where(self.file, self.line)}: {self.problem}; {self.detail}"


@dataclass
class FlawLog:
    """The flaws of one run, in the order they were met.

    A strict log raises the first flaw instead: for files that must have none (our own
    output read back, or a caller that wants to stop at the first problem).
    """

    strict: bool = False
    flaws: list[Flaw] = field(default_factory=list)

    def repaired(self, file: Path | str, line: int | None, problem: str, detail: str) -> None:
        self._add(Flaw(str(file), line, problem, "repaired", detail))

    def skipped(self, file: Path | str, line: int | None, problem: str, what: str) -> None:
        self._add(Flaw(str(file), line, problem, "skipped", f"{what} skipped"))

    def _add(self, flaw: Flaw) -> None:
        if self.strict:
            raise FlawError(flaw.file, flaw.problem, flaw.line)
        self.flaws.append(flaw)

    def skipped_file(self, error: FlawError, what: str = "file") -> None:
        self.skipped(error.file, error.line, error.problem, what)

    def count(self, action: Action) -> int:
        return sum(flaw.action == action for flaw in self.flaws)

    def summary(self) -> str:
        """One line for the end of a run: "2 flaws in the data: 1 repaired, 1 skipped"."""
        repaired, skipped = self.count("repaired"), self.count("skipped")
        return f"{len(self.flaws)} flaw(s) in the data: {repaired} repaired, {skipped} skipped"

    def record(self) -> dict[str, object]:
        """The log as JSON data: the counts, then every flaw."""
        return {
            "repaired": self.count("repaired"),
            "skipped": self.count("skipped"),
            "items": [asdict(flaw) for flaw in self.flaws],
        }


def where(file: str, line: int | None) -> str:
    return f"{file}:{line}" if line is not None else file
