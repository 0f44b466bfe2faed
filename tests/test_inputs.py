"""Every input form through the command: HTML pages, Markdown, JSON Lines and CSV datasets,
and standard input (paths or JSON Lines)."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from timeline_cli.cli.app import app

FIXTURES = Path(__file__).parent / "fixtures"
runner = CliRunner()


def extract(arguments: list[str], stdin: str | None = None) -> tuple[int, dict[str, Any], str]:
    result = runner.invoke(app, ["extract", *arguments, "--format", "json"], input=stdin)
    return result.exit_code, json.loads(result.stdout), result.stderr


def test_html_pages_give_text_title_and_date_from_the_page() -> None:
    code, data, stderr = extract([str(FIXTURES / "html")])
    assert code == 1  # the section front has no article
    assert "section-front.html: no article text" in stderr
    documents = {d["id"]: d for d in data["documents"]}
    assert documents["harbour-strike"]["published_source"] == "html-meta"
    assert documents["council-vote"]["published"] == "2023-11-02"
    sentences = " ".join(m["sentence"] for e in data["events"] for m in e["mentions"])
    assert "Port director Alan Whitcombe said" in sentences
    for debris in ("cookie", "Subscribe", "comment"):
        assert debris.lower() not in sentences.lower()


def test_a_failing_html_reader_skips_the_page_and_says_why(
    seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What a missing lxml_html_clean did: importing trafilatura raises ImportError.
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    shutil.copy(FIXTURES / "html" / "council-vote.html", tmp_path)
    shutil.copy(seeds / "000_dcdabd07474a23f9.txt", tmp_path)
    result = runner.invoke(app, ["extract", str(tmp_path), "--format", "json"])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)  # not a crash
    assert "council-vote.html: the HTML reader failed: ModuleNotFoundError" in result.stderr
    data = json.loads(result.stdout)
    assert [d["id"] for d in data["documents"]] == ["000_dcdabd07474a23f9"]
    assert data["events"]


def test_csv_dataset_with_named_fields() -> None:
    fields = ["--text-field", "body", "--date-field", "pub_date", "--title-field", "headline"]
    fields += ["--url-field", "link", "--id-field", "story_id"]
    code, data, stderr = extract([str(FIXTURES / "records" / "wire.csv"), *fields])
    assert code == 1 and "line 5: empty 'body' field; row skipped" in stderr
    documents = {d["id"]: d for d in data["documents"]}
    assert documents["rv-1"]["title"] == "Council votes to close Elm Street bridge"
    assert documents["rv-1"]["published"] == "2023-11-02"


def test_json_lines_on_standard_input() -> None:
    rows = [
        {"id": "a1", "date": "2012-03-09", "text": "Hillary Clinton met Kim Sung-hwan on Friday."},
        {"id": "a2", "date": "2012-03-10", "text": "Kim Sung-hwan met Hillary Clinton on March 9."},
    ]
    stdin = "".join(json.dumps(row) + "\n" for row in rows)
    code, data, _ = extract(["-"], stdin)
    assert code == 0
    (meeting,) = [e for e in data["events"] if e["type"] == "meeting"]
    assert meeting["date"] == "2012-03-09" and meeting["documents"] == ["a1", "a2"]


def test_paths_on_standard_input(seeds: Path, tmp_path: Path) -> None:
    shutil.copy(seeds / "000_dcdabd07474a23f9.txt", tmp_path / "herald.txt")
    code, data, _ = extract(["-"], f"{tmp_path / 'herald.txt'}\n")
    assert code == 0 and [d["id"] for d in data["documents"]] == ["herald"]


def test_markdown_front_matter_dates_the_article(tmp_path: Path) -> None:
    (tmp_path / "note.md").write_text(
        "---\ntitle: Talks in Beijing\ndate: 2024-05-14\n---\n\n# Talks\n\n"
        "Minister Cho Tae-yul held talks with Wang Yi in Beijing on the 13th.\n"
    )
    code, data, _ = extract([str(tmp_path)])
    assert code == 0
    assert data["documents"][0]["published_source"] == "front-matter"
    (talks,) = [e for e in data["events"] if e["type"] == "talks"]
    assert talks["date"] == "2024-05-13"
