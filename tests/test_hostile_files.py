"""Hostile input, second round (issue 15): nothing hung, nothing unbounded, errors blamed on the
right thing. Items 9-11 and 13-15: FIFOs, devices and links; sizes; inputs that used to end in a
traceback; misreported errors; text handling."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import threading
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from factories import make_chronology, make_document, make_event, make_mention
from typer.testing import CliRunner

from timeline_cli.cli.app import app
from timeline_cli.core.models import Mention
from timeline_cli.ingest.reading import (
    MAX_FILE_BYTES,
    UnreadableFile,
    collect_inputs,
    read_nonempty_bytes,
)
from timeline_cli.output.export import to_json

runner = CliRunner()
LEAD = "Kim Sung-hwan met Hillary Clinton in Washington on Friday, officials said."
ARTICLE = f"March 9, 2012\n\n{LEAD}\n"
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "chronology.json"


def _timeline(*arguments: str, **options: Any) -> subprocess.CompletedProcess[str]:
    """The command in its own process: what hangs or fills memory cannot take the tests along."""
    options.setdefault("timeout", 120)
    options.setdefault("stdout", subprocess.PIPE)
    options.setdefault("stderr", subprocess.PIPE)
    command = [sys.executable, "-m", "timeline_cli", *arguments]
    return subprocess.run(command, text=True, **options)


def _within(seconds: float, call: Callable[[], object]) -> object:
    """The call's result, or a failure if it blocks longer than ``seconds``."""
    outcome: list[object] = []
    thread = threading.Thread(target=lambda: outcome.append(_capture(call)), daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        pytest.fail(f"blocked for more than {seconds} s")
    return outcome[0]


def _capture(call: Callable[[], object]) -> object:
    try:
        return call()
    except Exception as error:
        return error


# --- 9. only regular files are read; nothing blocks on a FIFO ----------------------------------


def test_fifos_and_devices_are_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "link.txt").symlink_to(fifo)
    for path in (fifo, tmp_path / "link.txt"):
        error = _within(10, lambda path=path: read_nonempty_bytes(path))
        assert isinstance(error, UnreadableFile) and "not a regular file: a FIFO" in str(error)
    error = _within(10, lambda: read_nonempty_bytes(Path("/dev/zero")))
    assert isinstance(error, UnreadableFile) and "a character device" in str(error)


def test_a_run_with_fifos_and_dev_zero_ends_and_names_them(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE)
    os.mkfifo(folder / "pipe.txt")
    (folder / "to-pipe.txt").symlink_to(folder / "pipe.txt")
    os.mkfifo(tmp_path / "named.txt")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    named, zero = str(tmp_path / "named.txt"), str(tmp_path / "zero.txt")
    done = _timeline("extract", str(folder), named, zero, "--format", "json")
    assert done.returncode == 1, done.stderr
    assert [d["id"] for d in json.loads(done.stdout)["documents"]] == ["good"]
    errors = [line for line in done.stderr.splitlines() if line.startswith("timeline: error:")]
    for name in ("pipe.txt", "to-pipe.txt", "named.txt"):
        assert any(f"{name}: not a regular file: a FIFO" in line for line in errors), name
    assert any(f"{zero}: not a regular file: a character device" in line for line in errors)
    assert "no such file" not in done.stderr


# --- 10. sizes are checked before reading, reads are capped ------------------------------------


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.write(ARTICLE.encode())
        handle.truncate(1 << 30)  # 1 GiB, sparse: no disk used
    tracemalloc.start()
    try:
        with pytest.raises(
            UnreadableFile, match=f"too large: 1,073,741,824 bytes .*{MAX_FILE_BYTES:,}"
        ):
            read_nonempty_bytes(huge)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1 << 20


def test_an_overlong_dataset_row_is_skipped_and_the_next_read(tmp_path: Path) -> None:
    dataset = tmp_path / "rows.jsonl"
    long_row = json.dumps({"id": "long", "text": "word " * (2 << 20)})  # 10 M characters
    dataset.write_text(long_row + "\n" + json.dumps({"id": "short", "text": LEAD}) + "\n")
    result = runner.invoke(app, ["extract", str(dataset), "--format", "json"])
    assert result.exit_code == 1
    assert [d["id"] for d in json.loads(result.stdout)["documents"]] == ["short"]
    assert f"{dataset}, line 1: longer than 8,388,608 characters; row skipped" in result.stderr


# --- 11. links out of a folder -----------------------------------------------------------------


@pytest.fixture
def linked(tmp_path: Path) -> Path:
    """A folder with an article, a link to a file outside it, a link to a folder outside it,
    and a link to a file inside it."""
    outside = tmp_path / "outside"
    (outside / "more").mkdir(parents=True)
    (outside / "secret.txt").write_text(ARTICLE.replace("Washington", "Tokyo"))
    (outside / "more" / "other.txt").write_text(ARTICLE.replace("Washington", "Paris"))
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "good.txt").write_text(ARTICLE)
    (folder / "passwd.txt").symlink_to(outside / "secret.txt")
    (folder / "elsewhere").symlink_to(outside / "more")
    (folder / "inside.txt").symlink_to(folder / "sub" / "good.txt")
    return folder


def test_links_out_of_a_folder_are_reported_not_followed(linked: Path) -> None:
    selection = collect_inputs([str(linked)])
    assert [p.relative_to(linked).as_posix() for p in selection.files] == [
        "inside.txt",
        "sub/good.txt",
    ]
    messages = [n.message for n in selection.notices]
    for name in ("passwd.txt", "elsewhere"):
        assert any(f"{linked / name}: a link out of the folder" in m for m in messages), name
    assert all(n.code == "link-out" for n in selection.notices if "link out" in n.message)


def test_the_command_names_the_option_that_follows_links(linked: Path) -> None:
    result = runner.invoke(app, ["extract", str(linked), "-f", "json"])
    link = f"{linked / 'passwd.txt'}: a link out of the folder"
    assert f"timeline: warning: {link}" in result.stderr
    assert "not followed (use --follow-symlinks to read it)" in result.stderr


def test_follow_symlinks_reads_them(linked: Path) -> None:
    selection = collect_inputs([str(linked)], follow_symlinks=True)
    assert [p.relative_to(linked).as_posix() for p in selection.files] == [
        "elsewhere/other.txt",
        "inside.txt",
        "passwd.txt",
        "sub/good.txt",
    ]
    result = runner.invoke(app, ["extract", str(linked), "-f", "json", "--follow-symlinks"])
    assert {d["id"] for d in json.loads(result.stdout)["documents"]} >= {"passwd", "other"}


def test_a_link_loop_is_walked_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "loop").symlink_to(tmp_path)
    selection = collect_inputs([str(tmp_path)], follow_symlinks=True)
    assert [p.name for p in selection.files] == ["a.txt"]


# --- 13. inputs that ended in a traceback --------------------------------------------------------

DIGITS = '{"id": "digits", "text": "x", "n": ' + "9" * 5000 + "}\n"
NESTED = '{"id": "nested", "text": "x", "n": ' + "[" * 100_000 + "]" * 100_000 + "}\n"
GOOD_ROW = json.dumps({"id": "good", "date": "2012-03-09", "text": LEAD}) + "\n"


def _no_traceback(result: Any) -> None:
    crash = result.exception
    assert crash is None or isinstance(crash, SystemExit), repr(crash)
    assert "Traceback" not in result.output


def test_json_lines_bombs_are_bad_rows_in_files_on_stdin_and_in_explain(tmp_path: Path) -> None:
    dataset = tmp_path / "bombs.jsonl"
    dataset.write_text(DIGITS + NESTED + GOOD_ROW)
    from_file = runner.invoke(app, ["extract", str(dataset), "--format", "json"])
    from_stdin = runner.invoke(app, ["extract", "-", "--format", "json"], input=dataset.read_text())
    for result, name in ((from_file, str(dataset)), (from_stdin, "<stdin>")):
        _no_traceback(result)
        assert result.exit_code == 1
        assert [d["id"] for d in json.loads(result.stdout)["documents"]] == ["good"]
        assert f"{name}, line 1: not usable JSON (Exceeds the limit (4300 digits)" in result.stderr
        assert f"{name}, line 2: not usable JSON (nested too deeply)" in result.stderr
    explained = runner.invoke(app, ["explain", str(dataset)])
    _no_traceback(explained)
    assert explained.exit_code == 1 and "nested too deeply" in explained.stderr


def _mention(**changes: Any) -> dict[str, Any]:
    return {"document": "a", "sentence": LEAD, "start": 0, "end": 10, "trigger": "met", **changes}


def _saved_record(tmp_path: Path, **event_changes: Any) -> Path:
    mention = Mention("a", LEAD, 0, 10, "met", "Friday", "weekday")  # ends inside the lead
    event = make_event(summary="Kim met", actors=("Kim",), mentions=[mention])
    record = json.loads(to_json(make_chronology(event, documents=[make_document("a")])))
    record["events"][0].update(event_changes)
    path = tmp_path / "saved.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"mentions": []}, "chronology.events[0].mentions: at least 1 item(s) expected"),
        ({"summary": None}, "chronology.events[0].summary: a string expected, found null"),
        ({"mentions": ["a mention"]}, "events[0].mentions[0]: an object expected, found a string"),
        ({"mentions": [_mention(start=-1)]}, "events[0].mentions[0].start: a whole number"),
        ({"mentions": [_mention(end="ten")]}, "events[0].mentions[0].end: a whole number"),
        ({"precision": "season"}, "events[0].date: '2012-03-09' is not a date of precision"),
        ({"actors": "Kim"}, "chronology.events[0].actors: an array expected, found a string"),
        ({"start": "2012-02-30"}, "events[0].start: '2012-02-30' is not a YYYY-MM-DD date"),
    ],
)
@pytest.mark.parametrize(
    "output_format", ["table", "json", "csv", "html", "markdown", "timelinejs"]
)
def test_show_names_the_first_problem_of_a_broken_chronology(
    tmp_path: Path, changes: dict[str, Any], problem: str, output_format: str
) -> None:
    saved = _saved_record(tmp_path, **changes)
    result = runner.invoke(app, ["show", str(saved), "--format", output_format])
    _no_traceback(result)
    assert result.exit_code == 2 and result.stdout == ""
    assert f"timeline: error: {saved}: not a valid timeline-cli/chronology record" in result.stderr
    assert problem in result.stderr


def test_show_refuses_other_versions_and_deep_or_huge_json(tmp_path: Path) -> None:
    record = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    cases = {
        "v2.json": json.dumps({**record, "version": 2}),
        "nested.json": "[" * 100_000 + "]" * 100_000,
        "digits.json": '{"schema": ' + "1" * 5000 + "}",
    }
    reasons = {
        "v2.json": "record of version 2: this timeline-cli reads version 1",
        "nested.json": "not usable JSON (nested too deeply)",
        "digits.json": "not usable JSON (Exceeds the limit (4300 digits)",
    }
    for name, text in cases.items():
        (tmp_path / name).write_text(text)
        result = runner.invoke(app, ["show", str(tmp_path / name), "--format", "csv"])
        _no_traceback(result)
        assert result.exit_code == 2 and reasons[name] in result.stderr, (name, result.stderr)


def test_show_accepts_a_byte_order_mark(tmp_path: Path) -> None:
    saved = tmp_path / "bom.json"
    saved.write_bytes(b"\xef\xbb\xbf" + EXAMPLE.read_bytes())
    result = runner.invoke(app, ["show", str(saved), "--format", "json"])
    assert result.exit_code == 0 and result.stdout == EXAMPLE.read_text(encoding="utf-8")


# --- 14. errors blamed on the right thing ------------------------------------------------------


def _too_deep(folder: Path) -> Path:
    """A folder holding a path longer than PATH_MAX (4096), built a step at a time."""
    folder.mkdir()
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        for _ in range(20):
            os.mkdir("d" * 250, dir_fd=descriptor)
            inner = os.open("d" * 250, os.O_RDONLY, dir_fd=descriptor)
            os.close(descriptor)
            descriptor = inner
        handle = os.open("deep.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=descriptor)
        os.write(handle, ARTICLE.encode())
        os.close(handle)
    finally:
        os.close(descriptor)
    return folder


def test_a_path_longer_than_path_max_skips_that_folder_only(tmp_path: Path) -> None:
    folder = _too_deep(tmp_path / "articles")
    (folder / "good.txt").write_text(ARTICLE)
    target = tmp_path / "out.json"
    result = runner.invoke(app, ["extract", str(folder), "-o", str(target)])
    _no_traceback(result)
    assert result.exit_code == 1, result.output
    assert "File name too long; its files not read" in result.stderr
    assert "cannot write" not in result.stderr
    assert [d["id"] for d in json.loads(target.read_text())["documents"]] == ["good"]
    explained = runner.invoke(app, ["explain", str(folder)])
    _no_traceback(explained)
    assert explained.exit_code == 1 and "File name too long" in explained.stderr


def test_random_bytes_on_stdin_are_a_usage_error(tmp_path: Path) -> None:
    noise = bytes(random.Random(15).randrange(256) for _ in range(20_000))
    result = runner.invoke(app, ["extract", "-", "-o", str(tmp_path / "out.json")], input=noise)
    _no_traceback(result)
    assert result.exit_code == 2
    assert "no such file or folder" in result.stderr and "cannot write" not in result.stderr
    assert "standard input is read as a list of paths" in result.stderr
    assert len(result.stderr) < 2000  # a few names, not the whole input
    assert not (tmp_path / "out.json").exists()


def test_show_into_a_missing_folder_blames_the_output(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "x.json"
    result = runner.invoke(app, ["show", str(EXAMPLE), "-o", str(target)])
    assert result.exit_code == 2
    assert f"cannot write {target}: no folder {target.parent}" in result.stderr
    assert str(EXAMPLE) not in result.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_show_onto_a_full_disk_exits_3() -> None:
    with open("/dev/full", "w") as full:
        done = _timeline("show", str(EXAMPLE), "--format", "json", stdout=full)
    assert done.returncode == 3, done.stderr
    assert "timeline: error: cannot write standard output: No space left on device" in done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr


def test_explain_on_a_binary_file_names_it(tmp_path: Path) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    result = runner.invoke(app, ["explain", str(binary)])
    assert result.exit_code == 1
    assert f"timeline: error: {binary}: binary file, not text" in result.stderr
    assert "no matching date expression" not in result.stderr


def _big_chronology(tmp_path: Path, events: int) -> Path:
    mention = make_mention("a", LEAD, date_text="Friday", date_rule="weekday")
    listed = [
        make_event(id=f"ev-{n}", summary=f"Kim met Clinton, time {n}", actors=("Kim",),
                   mentions=[mention])
        for n in range(events)
    ]  # fmt: skip
    path = tmp_path / "big.json"
    path.write_text(to_json(make_chronology(*listed, documents=[make_document("a")])))
    return path


STREAM_MANY_EVENTS = """
import sys, types
from datetime import date
from timeline_cli.cli import app as cli
from timeline_cli.pipeline import run as pipeline
from timeline_cli.core.models import ChronologyEvent, Mention

def stream_events(files, settings, stdin_articles):
    mention = Mention("a", "Kim met Clinton.", 0, 16, "met")
    events = (
        ChronologyEvent(f"ev-{n}", "2012-03-09", "day", date(2012, 3, 9), date(2012, 3, 9),
                        "meeting", "Kim met Clinton", ("Kim",), (), (mention,))
        for n in range(100_000)
    )
    return types.SimpleNamespace(notices=[], skipped=[]), events

pipeline.stream_events = stream_events  # events as fast as they can be written: no NLP
sys.argv = ["timeline", "extract", sys.argv[1], "--no-merge", "--format", "jsonl"]
cli.main()
"""


def _first_line_then_close(command: list[str]) -> tuple[bytes, int, str]:
    """Run, read one line of stdout, stop reading (as `| head -1` does)."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read().decode()
    return first, process.wait(timeout=120), stderr


def test_a_reader_that_stops_reading_ends_the_run_quietly(tmp_path: Path) -> None:
    big = _big_chronology(tmp_path, 5000)  # megabytes: more than a pipe holds
    show = [sys.executable, "-m", "timeline_cli", "show", str(big), "--format", "jsonl"]
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    stream = [sys.executable, "-c", STREAM_MANY_EVENTS, str(article)]
    for command in (show, stream):
        first, code, stderr = _first_line_then_close(command)
        assert json.loads(first)["type"] == "meeting"
        assert (code, stderr) == (141, ""), command[2]


# --- 15. text handling -------------------------------------------------------------------------


def test_a_line_separator_inside_a_sentence_keeps_the_sentence(tmp_path: Path) -> None:
    sentence = "Foreign Minister Kim Sung-hwan met\u2028Hillary Clinton in Washington on Friday."
    (tmp_path / "a.txt").write_text(f"March 9, 2012\n\n{sentence}\n")
    (tmp_path / "b.html").write_text(
        '<html><head><meta property="article:published_time" content="2012-03-09"></head>'
        f"<body><article><p>{sentence}</p><p>Clinton said the talks went well and would "
        "go on.</p></article></body></html>"
    )
    result = runner.invoke(app, ["extract", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    meetings = [e for e in json.loads(result.stdout)["events"] if e["type"] == "meeting"]
    assert {m["document"] for e in meetings for m in e["mentions"]} == {"a", "b"}
    for event in meetings:
        assert {"Kim Sung-hwan", "Hillary Clinton"} <= set(event["actors"])
        assert all(m["sentence"].startswith("Foreign Minister Kim") for m in event["mentions"])


def test_a_csv_row_without_prose_is_reported_as_that_row(tmp_path: Path) -> None:
    dataset = tmp_path / "rows.csv"
    dataset.write_text(f'id,text\ngood,"{LEAD}"\ndebris,Share this article\n')
    result = runner.invoke(app, ["extract", str(dataset), "--format", "json"])
    assert result.exit_code == 1
    assert [d["id"] for d in json.loads(result.stdout)["documents"]] == ["good"]
    (line,) = [line for line in result.stderr.splitlines() if "debris" in line]
    assert line == (
        f"timeline: error: {dataset}, line 3: no article text left after removing page debris; "
        "row skipped"
    )
