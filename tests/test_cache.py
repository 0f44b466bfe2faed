"""The parse cache: the same bytes with it or without it, only changed articles parsed again,
and a damaged or foreign cache file reported and rebuilt, never trusted."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline_cli.cli.app import app
from timeline_cli.core.models import Document
from timeline_cli.output.writers import serialize
from timeline_cli.pipeline import run as pipeline
from timeline_cli.pipeline.cache import ParseCache, cache_context, code_fingerprint, model_identity
from timeline_cli.pipeline.extraction import Extraction, Limits
from timeline_cli.pipeline.run import Settings, run

runner = CliRunner()


@pytest.fixture
def articles(seeds: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    shutil.copytree(seeds, folder)
    return folder


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the articles that reach the parser, run after run."""
    seen: list[str] = []
    extract = pipeline.extractions

    def recording(documents: Sequence[Document], **options: object) -> Iterator[Extraction]:
        seen.extend(document.id for document in documents)
        return extract(documents, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "extractions", recording)
    return seen


def json_of(folder: Path, cache: Path | None, **settings: object) -> str:
    paths = sorted(folder.glob("*.txt"))
    result = run(paths, Settings(cache=cache, **settings))  # type: ignore[arg-type]
    assert result.cache_warnings == ()
    return serialize(result.chronology, "json")


def test_a_second_run_reads_every_article_from_the_cache(
    articles: Path, tmp_path: Path, parsed: list[str]
) -> None:
    cache = tmp_path / "cache.sqlite3"
    without = json_of(articles, None)
    first = json_of(articles, cache)
    assert len(parsed) == 6  # no cache, then an empty cache: every article parsed twice
    second = json_of(articles, cache)
    assert len(parsed) == 6  # nothing parsed the third time
    assert first == second == without


def test_the_days_an_article_names_come_back_from_the_cache(
    articles: Path, tmp_path: Path, parsed: list[str]
) -> None:
    paths = sorted(articles.glob("*.txt"))
    settings = Settings(cache=tmp_path / "cache.sqlite3")
    first = run(paths, settings).days
    second = run(paths, settings).days
    assert len(parsed) == 3  # the second run read every article from the cache
    assert second == first and any(first.values())


def test_only_a_changed_article_is_parsed_again(
    articles: Path, tmp_path: Path, parsed: list[str]
) -> None:
    cache = tmp_path / "cache.sqlite3"
    json_of(articles, cache)
    changed = sorted(articles.glob("*.txt"))[1]
    changed.write_text(changed.read_text() + "\n\nA last line was added to this article.\n")
    parsed.clear()
    updated = json_of(articles, cache)
    assert parsed == [changed.stem]
    assert updated == json_of(articles, None)


def test_settings_that_change_the_parse_are_in_the_key(
    articles: Path, tmp_path: Path, parsed: list[str]
) -> None:
    cache = tmp_path / "cache.sqlite3"
    json_of(articles, cache)
    parsed.clear()
    json_of(articles, cache, limits=Limits(part_chars=500))
    assert len(parsed) == 3
    assert cache_context(None, 500) != cache_context(None, 600)
    assert code_fingerprint() in cache_context(None, 500)
    assert model_identity(None)  # the installed model's name and version


@pytest.mark.parametrize("content", [b"not a database at all" * 100, b""])
def test_a_file_that_is_not_a_cache_is_reported_and_rebuilt(
    articles: Path, tmp_path: Path, content: bytes
) -> None:
    cache = tmp_path / "cache.sqlite3"
    cache.write_bytes(content)
    result = run(sorted(articles.glob("*.txt")), Settings(cache=cache))
    if content:
        assert any("moved to" in warning for warning in result.cache_warnings)
        assert (tmp_path / "cache.sqlite3.bad").read_bytes() == content
    assert serialize(result.chronology, "json") == json_of(articles, None)
    assert json_of(articles, cache) == json_of(articles, None)  # the rebuilt cache works


def test_another_programs_database_is_not_trusted(articles: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache.sqlite3"
    with sqlite3.connect(cache) as db:
        db.execute("CREATE TABLE extractions (key TEXT, checksum TEXT, value BLOB)")
    result = run(sorted(articles.glob("*.txt")), Settings(cache=cache))
    assert any("not a timeline-cli cache" in warning for warning in result.cache_warnings)
    assert serialize(result.chronology, "json") == json_of(articles, None)


def test_a_damaged_entry_is_parsed_again(articles: Path, tmp_path: Path, parsed: list[str]) -> None:
    cache = tmp_path / "cache.sqlite3"
    expected = json_of(articles, cache)
    with sqlite3.connect(cache) as db:
        (key,) = db.execute("SELECT key FROM extractions LIMIT 1").fetchone()
        db.execute("UPDATE extractions SET value = ? WHERE key = ?", (b"garbage", key))
    parsed.clear()
    result = run(sorted(articles.glob("*.txt")), Settings(cache=cache))
    assert len(parsed) == 1
    assert any("damaged entry" in warning for warning in result.cache_warnings)
    assert serialize(result.chronology, "json") == expected


def test_an_entry_of_the_wrong_shape_is_not_trusted(tmp_path: Path, seeds: Path) -> None:
    from timeline_cli.core.models import Event
    from timeline_cli.pipeline.cache import CacheDamaged, _decode

    with pytest.raises(CacheDamaged):
        _decode(Event, {"type": "meeting"})
    with pytest.raises(CacheDamaged):
        _decode(tuple[str, ...], [1, 2])
    cache = ParseCache(tmp_path / "c.sqlite3", "context")
    assert cache.known(["nothing"]) == set()


def test_the_command_uses_the_cache_and_no_cache_turns_it_off(
    articles: Path, tmp_path: Path, parsed: list[str]
) -> None:
    cache = tmp_path / "cli-cache.sqlite3"
    arguments = ["extract", str(articles), "--format", "json", "--quiet"]
    first = runner.invoke(app, [*arguments, "--cache", str(cache)])
    assert first.exit_code == 0 and cache.exists()
    parsed.clear()
    again = runner.invoke(app, [*arguments, "--cache", str(cache)])
    assert again.stdout == first.stdout and parsed == []
    off = runner.invoke(app, [*arguments, "--no-cache"])
    assert off.stdout == first.stdout and len(parsed) == 3


def test_the_command_reports_a_damaged_cache(articles: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache.sqlite3"
    cache.write_bytes(b"\x00garbage" * 200)
    result = runner.invoke(
        app, ["extract", str(articles), "--format", "json", "--cache", str(cache)]
    )
    assert result.exit_code == 0
    assert "parse cache" in result.stderr and "rebuilt" in result.stderr


def test_a_moved_folder_is_not_parsed_again(
    articles: Path, tmp_path: Path, parsed: list[str]
) -> None:
    cache = tmp_path / "cache.sqlite3"
    json_of(articles, cache)
    moved = articles.rename(tmp_path / "renamed")
    parsed.clear()
    json_of(moved, cache)
    assert parsed == []
