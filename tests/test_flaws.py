"""The log of flaws in outside data: what was repaired or skipped, where, for the end of a run."""

from __future__ import annotations

import pytest

from timeline_cli.evaluation.flaws import FlawError, FlawLog


def test_flaws_keep_file_line_and_what_was_done() -> None:
    flaws = FlawLog()
    flaws.repaired("gold/a.txt", 7, "2 lines fused into one", "split into 2 lines")
    flaws.skipped("cat/b.xml", 12, "token 'x' without integer number", "token")
    flaws.skipped_file(FlawError("tml/c.tml", "no <TEXT> element"))
    assert [str(flaw) for flaw in flaws.flaws] == [
        "gold/a.txt:7: 2 lines fused into one; split into 2 lines",
        "cat/b.xml:12: token 'x' without integer number; token skipped",
        "tml/c.tml: no <TEXT> element; file skipped",
    ]
    assert flaws.summary() == "3 flaw(s) in the data: 1 repaired, 2 skipped"
    record = flaws.record()
    assert (record["repaired"], record["skipped"]) == (1, 2)
    assert record["items"][1] == {
        "file": "cat/b.xml",
        "line": 12,
        "problem": "token 'x' without integer number",
        "action": "skipped",
        "detail": "token skipped",
    }


def test_a_strict_log_raises_the_first_flaw() -> None:
    with pytest.raises(FlawError, match=r"^a.txt:3: bad line$"):
        FlawLog(strict=True).skipped("a.txt", 3, "bad line", "line")
