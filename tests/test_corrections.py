"""Corrections (fix, drop, merge, split) and stable ids: on hand-built events, and end to end
through the command, across a re-run, new articles and ``--update``."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from factories import make_read_event
from typer.testing import CliRunner

from timeline_cli.chronology.corrections import (
    CorrectionsError,
    apply_corrections,
    load_corrections,
    merged_corrections,
    stable_ids,
    type_parents,
)
from timeline_cli.cli.app import app
from timeline_cli.core.models import Correction, Event
from timeline_cli.output.export import chronology_record
from timeline_cli.output.record_reader import chronology_from_record


def event(document: str, value: str, start: int = 0, event_type: str = "meeting") -> Event:
    return make_read_event(
        document, value, start=start, trigger_start=start + 2, type=event_type, actors=("Kim",),
        summary="s",
    )  # fmt: skip


def _id(item: Event) -> str:
    return "ev-" + item.mention.key


def test_a_fix_changes_date_and_type_but_not_the_id() -> None:
    meeting = event("a", "2012-03-09")
    fix = Correction("fix", (_id(meeting),), date="2012-03-08", type="charge", note="per AP")
    corrected = apply_corrections([[meeting]], [fix], type_parents())
    (result,) = stable_ids(corrected.events(), {}, ())
    assert (result.date, result.type, result.subtype) == ("2012-03-08", "other", "charge")
    assert result.id == _id(meeting)
    assert result.corrections == (
        "date set to 2012-03-08 (was 2012-03-09); type set to charge (was meeting): per AP",
    )
    assert corrected.report[0].applied


def test_drop_merge_split_and_an_unknown_id() -> None:
    first, second, third = (
        event("a", "2012-03-09"),
        event("b", "2012-03-09"),
        event("c", "2012-03-10"),
    )
    corrections = [
        Correction("split", (_id(first),), documents=("b",)),
        Correction("merge", (_id(first), _id(third))),
        Correction("drop", ("ev-0000000000",), origin="fixes.toml"),
    ]
    corrected = apply_corrections([[first, second], [third]], corrections, type_parents())
    groups = sorted(sorted(e.mention.document for e in group.events) for group in corrected.groups)
    assert groups == [["a", "c"], ["b"]]
    assert [c.applied for c in corrected.report] == [True, True, False]
    assert corrected.notices()[0].message == "fixes.toml: drop ev-0000000000: no such event"
    dropped = apply_corrections([[first], [second]], [Correction("drop", (_id(second),))], {})
    assert [g.events for g in dropped.groups] == [[first]]


def test_ids_prefer_the_id_in_use_then_the_earliest_article() -> None:
    early, late = event("z_early", "2012-03-09"), event("a_late", "2012-03-09", start=5)
    published = {"z_early": date(2012, 3, 9), "a_late": date(2012, 3, 12)}
    merged = apply_corrections([[late, early]], [], {}).events()
    assert stable_ids(merged, published, ())[0].id == _id(early)
    assert stable_ids(merged, published, {_id(late)})[0].id == _id(late)


def test_a_file_entry_replaces_a_saved_one_for_the_same_event() -> None:
    saved = [Correction("fix", ("ev-1",), date="2012", applied=True, message="done"),
             Correction("drop", ("ev-2",))]  # fmt: skip
    current = [Correction("fix", ("ev-1",), date="2013")]
    merged = merged_corrections(saved, current)
    assert [(c.action, c.date) for c in merged] == [("drop", None), ("fix", "2013")]
    assert not any(c.applied for c in merged)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("[[fix]]\nevent = 'ev-1'\ndate = 'Friday'\n", "is not a date"),
        ("[[fix]]\nevent = 'ev-1'\ntype = 'meting'\n", "'meting' is not an event type"),
        ("[[fix]]\nevent = 'ev-1'\n", "a fix needs a 'date' or a 'type'"),
        ("[[drop]]\nevent = '1a2b'\n", "is not an id"),
        ("[[merge]]\nevents = ['ev-1']\n", "two events or more"),
        ("[[split]]\nevent = 'ev-1'\n", "needs 'mentions' or 'documents'"),
        ("[[remove]]\nevent = 'ev-1'\n", "unknown section [[remove]]"),
        ("[[drop]]\nevent = 'ev-1'\nwhy = 'x'\n", "unknown key 'why'"),
        ("[[drop]\n", "not valid TOML"),
    ],
)
def test_bad_files_are_named_with_the_entry(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "timeline-corrections.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CorrectionsError, match=r"timeline-corrections\.toml") as raised:
        load_corrections(path, type_parents())
    assert problem in str(raised.value)


# --- end to end -------------------------------------------------------------------------

DAY_ONE = """Harbor talks end without deal

BUSAN, April 2, 2025 (Yonhap) — Mayor Han Seo-yeon met with union leader Choi Dong-hyun on \
Tuesday to discuss the port strike.

The talks ended without an agreement, the city said.

Dock workers walked off the job on Monday, demanding higher pay.
"""
DAY_THREE = """Port strike enters third day

April 4, 2025

The port strike in Busan entered its third day on Wednesday as ships waited outside the harbor.

Mayor Han Seo-yeon met Choi Dong-hyun again on Tuesday evening, the union said in a statement.

The shipping ministry warned on Thursday that exports of cars could be delayed.
"""
THE_END = """Dock workers return to work

April 6, 2025

Dock workers returned to work on Friday after the union accepted a pay offer from the port \
authority, Choi Dong-hyun told reporters.
"""


def _extract(*arguments: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["extract", *arguments])
    return result.exit_code, result.stderr


def _events(path: Path) -> dict[str, dict]:
    return {event["id"]: event for event in json.loads(path.read_text("utf-8"))["events"]}


def _one(events: dict[str, dict], words: str) -> dict:
    (found,) = [e for e in events.values() if words in e["summary"]]
    return found


@pytest.fixture
def story(tmp_path: Path) -> Path:
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "day1.txt").write_text(DAY_ONE, encoding="utf-8")
    (folder / "day3.txt").write_text(DAY_THREE, encoding="utf-8")
    return folder


def _correct(story: Path, first_run: Path) -> dict[str, str]:
    """Corrections of the first run's events: two meetings of one day merged split, a
    statement dropped, a date fixed. Returns the ids addressed."""
    code, _ = _extract(str(story), "-o", str(first_run))
    assert code == 0
    events = _events(first_run)
    meeting = _one(events, "Mayor Han Seo-yeon met with union leader")
    assert meeting["documents"] == ["day1", "day3"]  # the evening's meeting joined the day's
    ids = {
        "meeting": meeting["id"],
        "warned": _one(events, "shipping ministry warned")["id"],
        "ended": _one(events, "talks ended without")["id"],
    }
    (story / "timeline-corrections.toml").write_text(
        f"""
[[split]]
event = "{ids["meeting"]}"
documents = ["day3"]
note = "two meetings on Tuesday, by day and in the evening"

[[drop]]
event = "{ids["warned"]}"

[[fix]]
event = "{ids["ended"]}"
date = "2025-04-01"
""",
        encoding="utf-8",
    )
    return ids


def _check_corrected(events: dict[str, dict], ids: dict[str, str]) -> None:
    assert ids["warned"] not in events
    assert events[ids["meeting"]]["documents"] == ["day1"]
    note = f"split from {ids['meeting']}: two meetings on Tuesday, by day and in the evening"
    split_off = [e for e in events.values() if e["corrections"][:1] == [note]]
    assert len(split_off) == 1 and split_off[0]["documents"] == ["day3"]
    ended = events[ids["ended"]]
    assert ended["date"] == "2025-04-01" and ended["precision"] == "day"
    assert ended["corrections"] == ["date set to 2025-04-01 (was 2025-04-02)"]


def test_corrections_survive_a_rerun_and_new_articles(story: Path, tmp_path: Path) -> None:
    ids = _correct(story, tmp_path / "first.json")
    code, stderr = _extract(str(story), "-o", str(tmp_path / "second.json"))
    assert code == 0 and "3 correction(s) applied from" in stderr
    second = _events(tmp_path / "second.json")
    _check_corrected(second, ids)
    record = json.loads((tmp_path / "second.json").read_text("utf-8"))
    assert [c["action"] for c in record["corrections"]] == ["split", "fix", "drop"]
    assert all(c["applied"] for c in record["corrections"])
    assert chronology_record(chronology_from_record(record)) == record  # `show` reads it all

    (story / "end.txt").write_text(THE_END, encoding="utf-8")  # a new article, a plain re-run
    code, _ = _extract(str(story), "-o", str(tmp_path / "third.json"))
    third = _events(tmp_path / "third.json")
    _check_corrected(third, ids)
    assert set(second) <= set(third)  # no event changed its id
    assert any("end" in e["documents"] for e in third.values())


def test_update_adds_articles_and_keeps_ids_and_corrections(story: Path, tmp_path: Path) -> None:
    chronology = tmp_path / "chronology.json"
    ids = _correct(story, chronology)
    code, _ = _extract(str(story), "-o", str(chronology), "--force")
    before = _events(chronology)
    _check_corrected(before, ids)
    (story / "timeline-corrections.toml").unlink()  # kept in the chronology itself
    new = tmp_path / "new"
    new.mkdir()
    (new / "end.txt").write_text(THE_END, encoding="utf-8")
    code, stderr = _extract(str(new), "-o", str(chronology), "--update")
    assert code == 0, stderr
    after = _events(chronology)
    _check_corrected(after, ids)
    assert set(before) <= set(after)
    documents = json.loads(chronology.read_text("utf-8"))["documents"]
    assert [d["id"] for d in documents] == ["day1", "day3", "end"]


def test_update_names_a_saved_article_it_cannot_find(story: Path, tmp_path: Path) -> None:
    chronology = tmp_path / "chronology.json"
    assert _extract(str(story), "-o", str(chronology))[0] == 0
    moved = tmp_path / "elsewhere"
    shutil.move(story, moved)
    (moved / "day1.txt").unlink()
    code, stderr = _extract(str(moved), "-o", str(chronology), "--update")
    assert code == 1
    assert "article day1" in stderr and "not found" in stderr
    assert "article day3" not in stderr  # read from where it is now
    assert [d["id"] for d in json.loads(chronology.read_text("utf-8"))["documents"]] == ["day3"]


def test_update_and_corrections_usage_errors(story: Path, tmp_path: Path) -> None:
    assert _extract(str(story), "--update")[0] == 2
    assert _extract(str(story), "-o", str(tmp_path / "c.csv"), "--update")[0] == 2
    code, stderr = _extract(str(story), "--corrections", str(tmp_path / "none.toml"))
    assert code == 2 and "none.toml" in stderr
    (story / "timeline-corrections.toml").write_text("[[drop]]\n", encoding="utf-8")
    code, stderr = _extract(str(story))
    assert code == 2 and "timeline-corrections.toml: [[drop]] #1: no 'event'" in stderr
