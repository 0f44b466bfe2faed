"""Building Documents from files: skipped files, publication dates, year-less datelines."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline_cli.ingest.documents import DocumentStream, load_documents, text_document

DATELINE = (
    "Harbor council approves budget\n\n"
    "PORTVALE, June 3 (Coastwire) - The harbor council approved the budget on Tuesday.\n"
)
DATED = "Budget vote\n\nJune 10, 2025\n\nThe harbor council approved the budget last week.\n"


def write(folder: Path, files: dict[str, str]) -> list[Path]:
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [folder / name for name in files]


def test_a_year_less_dateline_takes_the_year_its_weekday_and_the_run_point_to(
    tmp_path: Path,
) -> None:
    paths = write(tmp_path, {"a.txt": DATELINE, "b.txt": DATED})
    loaded = load_documents(paths)
    by_id = {document.id: document for document in loaded.documents}
    # 3 June was a Tuesday in 2014 and 2025: 2025 is nearer the other article's 10 June 2025
    assert by_id["a"].publication.date == date(2025, 6, 3)
    assert by_id["a"].publication.source == "dateline"
    assert "year inferred" in (by_id["a"].publication.note or "")
    assert by_id["b"].publication.date == date(2025, 6, 10)
    assert [(n.code, n.document) for n in loaded.notices] == [("inferred-year", "a")]


def test_read_as_a_stream_a_dateline_is_dated_only_by_the_articles_before_it(
    tmp_path: Path,
) -> None:
    first_dated = write(tmp_path, {"a.txt": DATED, "b.txt": DATELINE})
    stream = {d.id: d.publication for d in DocumentStream(first_dated).dated_as_read()}
    assert stream["b"].date == date(2025, 6, 3)  # the same year the whole run gives
    assert stream["b"] == {d.id: d.publication for d in load_documents(first_dated).documents}["b"]
    (tmp_path / "a.txt").rename(tmp_path / "c.txt")  # now the dated article comes last
    dateline_first = [tmp_path / "b.txt", tmp_path / "c.txt"]
    stream = {d.id: d.publication for d in DocumentStream(dateline_first).dated_as_read()}
    assert stream["b"].date is None
    assert "no other dated article" in (stream["b"].note or "")


def test_published_option_wins_and_an_unknown_name_is_reported(tmp_path: Path) -> None:
    paths = write(tmp_path, {"a.txt": DATELINE, "b.txt": DATED})
    loaded = load_documents(paths, {"b.txt": date(2024, 1, 5), "c.txt": date(2024, 1, 6)})
    by_id = {document.id: document for document in loaded.documents}
    assert (by_id["b"].publication.date, by_id["b"].publication.source) == (
        date(2024, 1, 5),
        "option",
    )
    (unused,) = [notice for notice in loaded.notices if notice.code == "unused-date"]
    assert unused.message.startswith("c.txt: no article of that name")


@pytest.mark.parametrize(("content", "reason"), [(b"", "empty file"), (b"\x00\x01\x02", "binary")])
def test_an_unusable_file_is_skipped_with_its_name_and_the_rest_read(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    paths = [bad, *write(tmp_path, {"good.txt": DATED})]
    loaded = load_documents(paths)
    assert [document.id for document in loaded.documents] == ["good"]
    assert loaded.skipped == (str(bad),)
    (skipped,) = [notice for notice in loaded.notices if notice.code == "skipped"]
    assert skipped.message.startswith(f"{bad}: ") and reason in skipped.message


def test_ids_stay_unique_when_two_folders_hold_the_same_name(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    paths = write(tmp_path / "x", {"a.txt": DATED}) + write(tmp_path / "y", {"a.txt": DATED})
    ids = [document.id for document in load_documents(paths).documents]
    assert len(ids) == len(set(ids)) == 2
    assert all(document.body.strip() for document in load_documents(paths).documents)


def test_a_text_document_maps_every_offset_to_itself() -> None:
    text = "The harbor council met.\n\nDockers marched."
    document = text_document("d", "d.txt", text)
    assert document.body == document.text == text
    assert document.source_offset(text.index("Dockers")) == text.index("Dockers")
    assert document.publication.date is None
