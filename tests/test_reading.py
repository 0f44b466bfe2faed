"""Reading files: every encoding problem is reported with the file's name, never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline_cli.ingest.reading import UnreadableFile, collect_inputs, read_article_text

SENTENCE = "Clinton said in Washington that China should stop repatriating North Korean refugees."


def test_utf8_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbf" + SENTENCE.encode())
    text, notice = read_article_text(path)
    assert text == SENTENCE and notice is None


def test_utf16_is_read_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(SENTENCE.encode("utf-16"))
    text, notice = read_article_text(path)
    assert text == SENTENCE
    assert notice is not None and "UTF-16" in notice.message


def test_latin1_falls_back_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "caf.txt"
    path.write_bytes("Le ministre a visité Séoul lundi.".encode("latin-1"))
    text, notice = read_article_text(path)
    assert "Séoul" in text
    assert notice is not None and "caf.txt" in notice.message and "UTF-8" in notice.message


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "empty"), (b"  \n\n\t", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary")],
)
def test_unusable_files_raise_with_reason(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(UnreadableFile, match=reason):
        read_article_text(path)


def test_unreadable_path_raises_with_reason(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match="directory"):
        read_article_text(tmp_path)


def test_folders_are_walked_sorted_skipping_hidden_and_other_types(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(SENTENCE)
    (tmp_path / "a.txt").write_text(SENTENCE)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text(SENTENCE)
    (tmp_path / ".hidden.txt").write_text(SENTENCE)
    (tmp_path / "notes.pdf").write_text(SENTENCE)
    (tmp_path / "page.html").write_text(SENTENCE)
    (tmp_path / "timeline-metadata.csv").write_text("file,published\n")
    selection = collect_inputs([str(tmp_path), str(tmp_path / "missing.txt")])
    assert [p.relative_to(tmp_path).as_posix() for p in selection.files] == [
        "a.txt",
        "b.txt",
        "page.html",
        "sub/c.txt",
    ]
    assert selection.missing == (str(tmp_path / "missing.txt"),)
    (ignored,) = [n for n in selection.notices if n.code == "ignored-files"]
    assert "1 file(s)" in ignored.message and ".pdf" in ignored.message


def test_empty_folder_is_reported(tmp_path: Path) -> None:
    selection = collect_inputs([str(tmp_path)])
    assert selection.files == ()
    assert selection.notices and selection.notices[0].code == "empty-folder"
