"""The command on a hostile corpus: no traceback, no file lost, valid JSON, same bytes every run.

Groundwork for issue 7 ("Nothing crashes, nothing is lost"). Every input file must end either
as a document of the JSON or named on a ``timeline: error:`` line of stderr, and the exit code
is 1 exactly when files were skipped. The large article is 50 MB; it and the 1 MB single line
print their runtime (``pytest -s`` shows it).

Each file is also run beside a good article, so that a failure names the file that caused it.
"""

from __future__ import annotations

import codecs
import json
import os
import random
import shutil
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from typer.testing import CliRunner

from timeline_cli.cli.app import app
from timeline_cli.ingest.reading import ARTICLE_SUFFIXES, METADATA_FILE_NAME

runner = CliRunner()

ARTICLE = (
    "SEOUL, March 9, 2012 (Yonhap) — Foreign Minister Kim Sung-hwan met Secretary of State "
    "Hillary Clinton in Washington on Friday.\n\n"
    "Clinton said the two ministers discussed North Korea for an hour.\n"
)
PROSE = "Kim Sung-hwan met Hillary Clinton in Washington on Friday and said talks were useful. "
LARGE_BYTES = 50 * 1024 * 1024
LINE_BYTES = 1024 * 1024


def _large_article() -> bytes:
    """Distinct paragraphs (cleaning drops repeated lines) up to LARGE_BYTES."""
    paragraphs = [b"March 7, 2012"]
    size, number = 0, 0
    while size < LARGE_BYTES:
        number += 1
        paragraph = f"In paragraph {number}, {PROSE * 8}".encode()
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return b"\n\n".join(paragraphs) + b"\n"


def _one_line() -> bytes:
    return (PROSE * (LINE_BYTES // len(PROSE) + 1)).encode()[:LINE_BYTES].rsplit(b" ", 1)[0] + b"."


def _binary() -> bytes:
    rng = random.Random(7)
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(4096))


# name -> file content. Every one of these is an input the command must survive.
HOSTILE: dict[str, Callable[[], bytes]] = {
    "empty.txt": lambda: b"",
    "blank.txt": lambda: b" \n\t\r\n  \n",
    "bom_only.txt": lambda: codecs.BOM_UTF8,
    "binary.txt": _binary,
    "utf16le.txt": lambda: codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"),
    "utf16be.txt": lambda: codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"),
    "utf16_no_bom.txt": lambda: ARTICLE.encode("utf-16-le"),
    "utf16_truncated.txt": lambda: codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le") + b"A",
    "latin1.txt": lambda: (
        "March 9, 2012\n\nMinister José Müller met Ségolène Royal in São Paulo on Friday. "
        "Café «talks» continued, officials said.\n"
    ).encode("latin-1"),
    "nul_early.txt": lambda: ARTICLE.encode().replace(b"Friday", b"Fri\x00day"),
    "nul_late.txt": lambda: (PROSE * 120 + "\n\n" + ARTICLE.replace("Friday", "Fri\0day")).encode(),
    "rtl_zero_width.txt": lambda: (
        "March 7, 2012\n\n"
        "\u200fSEOUL, March 9 (Yonhap) — Foreign Minister Kim\u200b Sung-hwan met "
        "\u202eHillary Clinton\u202c in Washington on Fri\u200dday.\n\n"
        "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd \u0645\u0631\u062d\u0628\u0627\n\n"
        "\ufeffClinton said the two ministers discussed North Korea on the 8th.\u2066\u2069\n"
    ).encode(),
    "impossible_dates.txt": lambda: (
        b"March 31, 2024\n\n"
        b"The two foreign ministers met in Seoul on February 30, officials said.\n\n"
        b"Kim Sung-hwan visited Beijing on the 31st of last month.\n\n"
        b"The treaty was signed in the year 0, Kim said on Monday.\n\n"
        b"Clinton met Wang Yi in Tokyo 99999 years ago.\n\n"
        b"Clinton visited Seoul in 99999.\n"
    ),
    "year_0.txt": lambda: (
        b"March 9, 0000\n\nKim Sung-hwan met Hillary Clinton in Seoul yesterday, officials said.\n"
    ),
    "year_9999.txt": lambda: (
        b"December 31, 9999\n\nKim Sung-hwan met Hillary Clinton in Seoul this week.\n"
    ),
    "debris_only.txt": lambda: (
        b"Leave a Reply\n\nShare this article\n\n(c) 2024 All rights reserved.\n"
    ),
    "mac_line_breaks.txt": lambda: (
        "March 9, 2012\r\rKim Sung-hwan met Hillary Clinton in Washington on Friday.\x0c"
        "Clinton said the talks went well.\u2028Ban Ki-moon visited Seoul on Thursday.\r"
    ).encode(),
    "malformed.txt": lambda: (
        "<html><body><p>Kim Sung-hwan met <b>Hillary Clinton</b> on Friday.</p>\n"
        '{"json": [1, 2, }}}\n%s %n {0} ${HOME} \'; DROP TABLE articles; --\n'
        + "a" * 10000
        + "\n\ud7ff\U0010ffff\n"
    ).encode(),
    "scripts_and_bomb.html": lambda: (
        b'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
        b'<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><html><head>'
        b'<meta property="article:published_time" content="2012-03-09">'
        b"<script>while(true){document.write('x')}</script></head><body>"
        b"<article><p>Kim Sung-hwan met Hillary Clinton in Washington on Friday, officials "
        b"said. &d;&d;&d;</p><p>Clinton said the talks went well.</p></article>"
        b"<script>fetch('https://example.org/track')</script></body></html>"
    ),
    "malformed_rows.jsonl": lambda: (
        b'{"id": "ok", "date": "2012-03-09", "text": "Kim Sung-hwan met Hillary Clinton '
        b'in Washington on Friday, officials said."}\n'
        b'{"id": "broken", "text": "unterminated\n'
        b"[1, 2, 3]\n"
        b'{"id": "no-text"}\n'
        b'{"id": "bad-date", "date": "not a date", "text": "Clinton met Kim on Monday."}\n'
        b"\xff\xfe garbage bytes\n"
    ),
    "large_50mb.txt": _large_article,
    "one_mb_line.txt": _one_line,
}
TIMED = ("large_50mb.txt", "one_mb_line.txt")


@pytest.fixture(scope="module")
def hostile_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every hostile file in one folder, plus a good article, a dangling link, a metadata file of
    garbage, and two files of the same name in different subfolders."""
    folder = tmp_path_factory.mktemp("hostile")
    for name, content in HOSTILE.items():
        (folder / name).write_bytes(content())
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "dangling.txt").symlink_to(folder / "deleted.txt")
    (folder / "timeline-metadata.csv").write_bytes(b'file,published\n\x00\xff,"unclosed\n')
    return folder


def _extract(*arguments: str) -> tuple[Result, float]:
    started = time.perf_counter()
    result = runner.invoke(app, ["extract", *arguments, "--format", "json"])
    return result, time.perf_counter() - started


def _input_files(folder: Path) -> list[Path]:
    return sorted(
        path
        for path in folder.rglob("*")
        if (path.is_file() or path.is_symlink())
        and not path.name.startswith(".")
        and path.suffix in ARTICLE_SUFFIXES
        and path.name != METADATA_FILE_NAME
    )


def _assert_no_crash(result: Result) -> None:
    crash = result.exception
    if crash is not None and not isinstance(crash, SystemExit):
        pytest.fail(f"crashed: {type(crash).__name__}: {str(crash)[:300]}", pytrace=False)


DATASETS = (".jsonl", ".ndjson", ".csv")


def _check_run(result: Result, inputs: list[Path]) -> dict[str, Any]:
    """The invariants of issue 7 for one run over ``inputs``."""
    stderr = result.stderr
    _assert_no_crash(result)
    assert "Traceback" not in result.stdout + stderr
    data = json.loads(result.stdout)
    assert data["schema"] == "timeline-cli/chronology"
    documents = {document["path"] for document in data["documents"]}
    errors = [line for line in stderr.splitlines() if line.startswith("timeline: error:")]
    skipped = []
    for path in inputs:
        named = [line for line in errors if str(path) in line]
        read = _was_read(path, documents)
        assert read or named, f"{path.name} was lost"
        both = read and named
        assert not both or path.suffix in DATASETS, f"{path.name} both read and skipped"
        if named:  # a dataset may lose some rows and keep others
            skipped.append(path)
    single = [d["path"] for d in data["documents"] if not d["path"].endswith(DATASETS)]
    assert len(single) == len(set(single)), "one file read twice"  # a dataset has many rows
    assert result.exit_code == (1 if skipped else 0), (result.exit_code, skipped)
    for event in data["events"]:
        if event["start"] is not None:
            assert event["start"] <= event["end"]
        for mention in event["mentions"]:
            assert 0 <= mention["start"] <= mention["end"]
    return data


def _was_read(path: Path, documents: set[str]) -> bool:
    """Whether a file is among the documents, which name it relative to its input folder."""
    return any(str(path) == name or str(path).endswith(os.sep + name) for name in documents)


# --- the whole corpus, and each file beside a good article -----------------------------------


def test_whole_hostile_corpus(hostile_corpus: Path) -> None:
    result, _ = _extract(str(hostile_corpus))
    _check_run(result, _input_files(hostile_corpus))


@pytest.mark.parametrize(
    "name",
    list(HOSTILE),
)
def test_each_hostile_file_beside_a_good_one(
    hostile_corpus: Path, tmp_path: Path, name: str
) -> None:
    shutil.copy(hostile_corpus / name, tmp_path / name)
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    result, elapsed = _extract(str(tmp_path))
    if name in TIMED:
        size = (tmp_path / name).stat().st_size
        print(f"\n{name}: {size / 1e6:.1f} MB, extract ran {elapsed:.2f} s")
    data = _check_run(result, _input_files(tmp_path))
    assert "good.txt" in {document["path"] for document in data["documents"]}


# --- crashes and losses outside the file contents --------------------------------------------


def test_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    with open(os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt"), "wb") as handle:
        handle.write(ARTICLE.encode())
    result, _ = _extract(str(tmp_path))
    _assert_no_crash(result)
    data = json.loads(result.stdout)
    assert len(data["documents"]) == 2


def test_same_file_name_in_two_folders_gives_two_ids(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(ARTICLE, encoding="utf-8")
    result, _ = _extract(str(tmp_path))
    data = _check_run(result, _input_files(tmp_path))
    ids = [document["id"] for document in data["documents"]]
    assert len(ids) == 2 and len(set(ids)) == 2, ids


def test_output_into_a_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    target = tmp_path / "missing" / "out.json"
    result = runner.invoke(app, ["extract", str(tmp_path / "good.txt"), "-o", str(target)])
    _assert_no_crash(result)
    assert result.exit_code == 2 and "missing" in result.stderr


def test_output_file_is_whole_and_no_temporary_is_left(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "utf16le.txt").write_bytes(HOSTILE["utf16le.txt"]())
    target = tmp_path / "out" / "chronology.json"
    target.parent.mkdir()
    result = runner.invoke(app, ["extract", str(tmp_path), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert json.loads(target.read_text(encoding="utf-8"))["documents"]
    assert [path.name for path in target.parent.iterdir()] == ["chronology.json"]


def test_impossible_dates_are_reported(tmp_path: Path) -> None:
    (tmp_path / "impossible_dates.txt").write_bytes(HOSTILE["impossible_dates.txt"]())
    result, _ = _extract(str(tmp_path))
    _check_run(result, _input_files(tmp_path))
    assert "February 30" in result.stderr


def _events_of(folder: Path, name: str, text: str) -> list[tuple[str, str | None]]:
    folder.mkdir()
    (folder / name).write_text(text, encoding="utf-8")
    result, _ = _extract(str(folder))
    data = _check_run(result, _input_files(folder))
    return [(event["type"], event["date"]) for event in data["events"]]


def test_zero_width_characters_do_not_change_dates(tmp_path: Path) -> None:
    dirty = HOSTILE["rtl_zero_width.txt"]().decode()
    clean = "".join(char for char in dirty if unicodedata.category(char) != "Cf")
    assert _events_of(tmp_path / "dirty", "a.txt", dirty) == _events_of(
        tmp_path / "clean", "a.txt", clean
    )


# --- determinism ---------------------------------------------------------------------------


@pytest.fixture
def mixed_folder(seeds: Path, hostile_corpus: Path, tmp_path: Path) -> Path:
    """The seeds with a few hostile survivors: warnings, skipped files, undated articles."""
    folder = tmp_path / "mixed"
    shutil.copytree(seeds, folder)
    for name in ("latin1.txt", "utf16le.txt", "empty.txt", "nul_late.txt", "impossible_dates.txt"):
        shutil.copy(hostile_corpus / name, folder / name)
    return folder


def test_same_folder_twice_gives_the_same_bytes(mixed_folder: Path) -> None:
    first, _ = _extract(str(mixed_folder))
    second, _ = _extract(str(mixed_folder))
    _check_run(first, _input_files(mixed_folder))
    assert first.stdout == second.stdout and first.stderr == second.stderr


def test_folder_named_twice_is_read_once(mixed_folder: Path) -> None:
    once, _ = _extract(str(mixed_folder))
    twice, _ = _extract(str(mixed_folder), str(mixed_folder))
    assert once.stdout == twice.stdout


def test_file_order_on_the_command_line_does_not_matter(mixed_folder: Path) -> None:
    files = [str(path) for path in _input_files(mixed_folder)]
    forward, _ = _extract(*files)
    backward, _ = _extract(*reversed(files))
    _check_run(forward, [Path(name) for name in files])
    assert forward.stdout == backward.stdout


def test_file_order_does_not_change_documents_or_events(mixed_folder: Path) -> None:
    files = [str(path) for path in _input_files(mixed_folder)]
    forward = json.loads(_extract(*files)[0].stdout)
    backward = json.loads(_extract(*reversed(files))[0].stdout)
    assert forward["documents"] == backward["documents"]
    assert forward["events"] == backward["events"]
    assert sorted(map(json.dumps, forward["warnings"])) == sorted(
        map(json.dumps, backward["warnings"])
    )
