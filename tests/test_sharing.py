"""Shared outputs carry paths relative to the input folder, never absolute ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline_cli.cli.app import app
from timeline_cli.core.models import Chronology, Document, Notice
from timeline_cli.output.sharing import named_file_roots, relative_path, shared

ARTICLE = (
    "Ministers meet\n\nMarch 9, 2012\n\nForeign Minister Kim Sung-hwan met Secretary of State "
    "Hillary Clinton in Washington on Friday, officials said.\n"
)
SHARED_FORMATS = ("json", "jsonl", "csv", "html", "markdown", "timelinejs", "timelinejs-sheet")


def document(path: str) -> Document:
    return Document(Path(path).stem, path, "", "", ())


@pytest.mark.parametrize(
    ("path", "roots", "expected"),
    [
        ("/home/ana/leaks/2012/a.txt", [Path("/home/ana/leaks")], "2012/a.txt"),
        ("/home/ana/leaks/a.txt", [Path("/home/ana/leaks/")], "a.txt"),
        ("leaks/a.txt", [Path("leaks")], "a.txt"),
        ("/home/ana/a.txt", [Path("/elsewhere")], "a.txt"),  # absolute: never kept
        ("<stdin>", [Path("/home/ana")], "<stdin>"),
        ("a.txt", [Path(".")], "a.txt"),
    ],
)
def test_paths_are_relative_to_their_folder(path: str, roots: list[Path], expected: str) -> None:
    assert relative_path(path, roots) == expected


def test_warnings_lose_the_folders_too() -> None:
    notices = (
        Notice("skipped", "/home/ana/leaks/bad.txt: empty file"),
        Notice("ignored-files", "/home/ana/leaks/: 2 file(s) of other types ignored (.pdf)"),
        Notice("encoding", "/home/ana/leaks/2012/a.txt: read as Windows-1252", "a"),
    )
    chronology = Chronology((document("/home/ana/leaks/2012/a.txt"),), (), notices)
    result = shared(chronology, [Path("/home/ana/leaks")])
    assert result.documents[0].path == "2012/a.txt"
    assert [n.message for n in result.notices] == [
        "bad.txt: empty file",
        "leaks: 2 file(s) of other types ignored (.pdf)",
        "2012/a.txt: read as Windows-1252",
    ]


def test_a_saved_chronology_with_absolute_paths_is_shared_relative_to_their_folder() -> None:
    chronology = Chronology(
        (document("/home/ana/leaks/2012/a.txt"), document("/home/ana/leaks/b.txt")), ()
    )
    assert [d.path for d in shared(chronology).documents] == ["2012/a.txt", "b.txt"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An absolute folder with an article in a subfolder and an empty file."""
    root = tmp_path_factory.mktemp("reporter-home") / "leaks"
    (root / "2012").mkdir(parents=True)
    (root / "2012" / "ministers.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "empty.txt").write_text("", encoding="utf-8")
    return root.resolve()


@pytest.mark.parametrize("output_format", SHARED_FORMATS)
def test_no_output_holds_an_absolute_path(folder: Path, output_format: str) -> None:
    result = CliRunner().invoke(app, ["extract", str(folder), "--format", output_format])
    assert result.exit_code == 1  # the empty file is skipped, and named on stderr as given
    assert str(folder) in result.stderr
    assert str(folder) not in result.stdout
    assert str(folder.parent) not in result.stdout
    if output_format == "json":
        record = json.loads(result.stdout)
        assert [d["path"] for d in record["documents"]] == ["2012/ministers.txt"]
        messages = [w["message"] for w in record["warnings"]]
        assert any(m.startswith("empty.txt: ") for m in messages), messages


def test_a_file_named_directly_is_shared_by_its_name(folder: Path) -> None:
    article = folder / "2012" / "ministers.txt"
    result = CliRunner().invoke(app, ["extract", str(article), "--format", "json"])
    assert result.exit_code == 0
    assert [d["path"] for d in json.loads(result.stdout)["documents"]] == ["ministers.txt"]


def test_show_shares_an_old_chronology_without_its_absolute_paths(
    folder: Path, tmp_path: Path
) -> None:
    record = json.loads(
        CliRunner().invoke(app, ["extract", str(folder / "2012"), "--format", "json"]).stdout
    )
    record["documents"][0]["path"] = str(folder / "2012" / "ministers.txt")  # as 0.1.0 wrote
    saved = tmp_path / "old.json"
    saved.write_text(json.dumps(record), encoding="utf-8")
    page = CliRunner().invoke(app, ["show", str(saved), "--format", "html"]).stdout
    assert str(folder) not in page and "ministers.txt" in page


def test_files_of_the_same_name_named_directly_keep_the_folder_that_tells_them_apart() -> None:
    files = [Path("/home/ana/a/report.txt"), Path("/home/ana/b/report.txt"), Path("/tmp/x.txt")]
    roots = named_file_roots(files)
    assert roots == [Path("/home/ana/a").parent, Path("/home/ana"), Path("/tmp")]
    assert [relative_path(str(f), [root]) for f, root in zip(files, roots, strict=True)] == [
        "a/report.txt", "b/report.txt", "x.txt",
    ]  # fmt: skip


def test_a_saved_chronology_names_its_input_folders_only_below_its_own(
    folder: Path, tmp_path: Path
) -> None:
    inside = folder.parent / "chronology.json"
    outside = tmp_path / "chronology.json"
    for output in (inside, outside):
        result = CliRunner().invoke(app, ["extract", str(folder), "-o", str(output), "--force"])
        assert result.exit_code == 1, result.stderr  # the empty file
    assert json.loads(inside.read_text(encoding="utf-8"))["inputs"] == ["leaks"]
    assert json.loads(outside.read_text(encoding="utf-8"))["inputs"] == []
