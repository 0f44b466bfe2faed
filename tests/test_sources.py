"""Independent sources: outlets credited in the text, copies counted once, honest counts."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from factories import make_event
from typer.testing import CliRunner

from timeline_cli.chronology.sources import attribute
from timeline_cli.cli.app import app
from timeline_cli.core.models import ArticleRef, Document, Publication
from timeline_cli.ingest.credits import credit_of, outlet_name

WIRE = """Fishermen block harbor over dredging plan

SEOUL, June 3, 2025 (AP) — Fishermen from the coastal town of Hwajin staged a protest on \
Tuesday against a planned dredging project, blocking the harbor entrance with about forty boats.

The protest ended peacefully in the evening after talks with the county governor, Park \
Min-jae, who agreed to delay the project until an environmental review is finished.

"We depend on these waters," said Yoon Ha-neul, who leads the local fishing cooperative.

The county office said the review would take at least six months. Environmental groups have \
opposed the dredging since it was first announced, arguing that it would destroy the spawning \
grounds of several fish species.

The company that holds the dredging contract declined to comment.
"""


def test_dateline_credits() -> None:
    assert credit_of(["SEOUL, March 9 (Yonhap) — Officials met on Friday."]) == "Yonhap"
    assert credit_of(["NAIROBI, Kenya (AP) _ Police said."]) == "AP"
    assert credit_of(["LONDON (Reuters) - Shares fell."]) == "Reuters"


def test_byline_credits_an_outlet_not_a_reporter() -> None:
    assert credit_of(["Title", "March 7, 2012 - 21:28 By Korea Herald"]) == "Korea Herald"
    assert credit_of(["By Lee Chi-dong"]) is None
    assert credit_of(["By Jane Roe, Associated Press"]) == "AP"
    assert credit_of(["By JANE ROE Agence France-Presse"]) == "AFP"
    assert credit_of(["By The Daily Star staff"]) == "Daily Star"


def test_closing_credit_of_a_known_agency_only() -> None:
    assert credit_of([], "Officials met.\n\nThe talks went on late. (AFP)\n") == "AFP"
    assert credit_of([], "Officials met.\n— Reuters\n") == "Reuters"
    assert credit_of([], "Officials met at the United Nations (UN)\n") is None


def test_outlet_names_are_made_one() -> None:
    assert outlet_name("The Associated Press") == "AP"
    assert outlet_name("Yonhap News Agency") == "Yonhap"
    assert outlet_name("The Korea Herald") == "Korea Herald"


def _document(name: str, body: str, **fields: object) -> Document:
    published = fields.pop("published", None)
    return Document(
        name, f"{name}.txt", body, body, (), publication=Publication(published), **fields
    )


def test_copies_count_as_the_agency_any_credits_and_name_their_original() -> None:
    story = WIRE.split("\n\n", 1)[1]
    documents = [
        _document("late", story + " More later.", outlet="Bay News", published=date(2025, 6, 4)),
        _document("wire", story, credit="AP", published=date(2025, 6, 3)),
        _document("site", story.replace("forty", "40"), outlet="Coast Times"),
        _document("own", "The council voted on Monday to close two libraries.", outlet="Marlow"),
    ]
    attributed = {d.id: d for d in attribute(documents)}
    assert [attributed[n].copy_of for n in ("late", "wire", "site")] == [
        "wire", None, "wire"
    ]  # fmt: skip
    assert {attributed[n].source for n in ("late", "wire", "site")} == {"AP"}
    assert attributed["own"].source == "Marlow" and attributed["own"].copy_of is None


def test_source_count_counts_outlets_and_unknown_stories_once() -> None:
    articles = (
        ArticleRef("a", outlet="AP"),
        ArticleRef("b", outlet="AP"),  # another AP story: the same outlet
        ArticleRef("c"),  # unknown outlet
        ArticleRef("d", copy_of="c"),  # its copy
        ArticleRef("e"),
    )
    event = make_event(None, "unknown", type="other", summary="s", articles=articles)
    assert event.source_count == 3 and event.outlets == ("AP",)


@pytest.fixture(scope="module")
def wire_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Five copies of one wire story on five sites, lightly edited."""
    folder = tmp_path_factory.mktemp("wire")
    title = "Fishermen block harbor over dredging plan"
    copies = {
        "a_wire": WIRE,
        "b_site": WIRE.replace(title, "Hwajin fishermen protest dredging").replace(
            "The company that holds the dredging contract declined to comment.\n", ""
        ),
        "c_site": WIRE.replace(" (AP)", "")
        .replace("about forty boats", "some 40 boats")
        .replace(title, "Boats blockade Hwajin harbor\n\nBy The Associated Press"),
        "d_site": WIRE.replace(" (AP)", "") + "Similar protests were reported in two towns.\n",
        "e_site": WIRE.replace(" (AP)", "").replace("several fish species", "many fish"),
    }
    for name, text in copies.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / "timeline-metadata.csv").write_text(
        "file,published,url,outlet,title\n"
        "b_site.txt,,https://b.example/1,Bay News,\n"
        "c_site.txt,,https://c.example/1,Coast Times,\n"
        "d_site.txt,,https://d.example/1,Daily Coastline,\n"
        "e_site.txt,,https://e.example/1,Harbor Post,\n",
        encoding="utf-8",
    )
    return folder


def _extract(*arguments: str) -> dict:
    result = CliRunner().invoke(app, ["extract", *arguments, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_five_copies_of_a_wire_story_are_one_source(wire_folder: Path) -> None:
    record = _extract(str(wire_folder))
    protest = next(
        e for e in record["events"] if e["type"] == "protest" and len(e["documents"]) == 5
    )
    assert protest["source_count"] == 1
    assert protest["outlets"] == ["AP"]
    articles = {a["document"]: a for a in protest["articles"]}
    assert articles["b_site"]["url"] == "https://b.example/1"
    assert articles["a_wire"]["title"] == "Fishermen block harbor over dredging plan"
    assert articles["a_wire"]["copy_of"] is None
    assert {articles[n]["copy_of"] for n in ("b_site", "c_site", "d_site", "e_site")} == {"a_wire"}
    # every event of the story is told once, not once per copy
    assert all(e["source_count"] == 1 for e in record["events"])
    said = [e for e in record["events"] if "six months" in e["summary"]]
    assert len(said) == 1 and len(said[0]["documents"]) == 5
    documents = {d["id"]: d for d in record["documents"]}
    assert documents["c_site"]["credit"] == "AP" and documents["d_site"]["source"] == "AP"


def test_min_sources_uses_the_honest_count(wire_folder: Path) -> None:
    assert _extract(str(wire_folder), "--min-sources", "2")["events"] == []
    assert _extract(str(wire_folder), "--min-sources", "1")["events"]
