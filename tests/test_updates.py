"""chronology/updates.py: a saved chronology's articles found again, its ids and corrections
kept, and its input folders named relative to it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from timeline_cli.chronology.updates import saved_inputs, update_of
from timeline_cli.core.models import Chronology, ChronologyEvent, Document, Mention


def saved(*paths: str, inputs: tuple[str, ...] = ()) -> Chronology:
    documents = tuple(Document(f"d{n}", path, "", "", ()) for n, path in enumerate(paths))
    mention = Mention("d0", "Kim met Ban.", 0, 12, "met")
    event = ChronologyEvent(
        "ev-1", "2012-03-07", "day", date(2012, 3, 7), date(2012, 3, 7), "meeting",
        "Kim met Ban", ("Kim",), (), (mention,),
    )  # fmt: skip
    return Chronology(documents, [event], inputs=inputs)


def test_saved_articles_are_found_beside_the_chronology_and_in_its_folders(
    tmp_path: Path,
) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "old.txt").write_text("Kim met Ban.")
    new = tmp_path / "new.txt"
    new.write_text("Kim met Ban again.")
    chronology = saved("old.txt", "gone.txt", inputs=("articles",))
    update = update_of(chronology, tmp_path / "c.json", [], [new], [])
    assert update.files == [new, tmp_path / "articles" / "old.txt"]
    assert update.kept_ids == frozenset({"ev-1"})
    assert len(update.missing) == 1 and "article d1 (gone.txt) not found" in update.missing[0]


def test_an_article_named_again_is_read_once(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Kim met Ban.")
    update = update_of(saved(str(article)), tmp_path / "c.json", [], [article], [])
    assert update.files == [article] and update.missing == ()


def test_input_folders_are_recorded_only_inside_the_chronology_folder(tmp_path: Path) -> None:
    (tmp_path / "in" / "sub").mkdir(parents=True)
    roots = [tmp_path / "in" / "sub", tmp_path.parent]
    assert saved_inputs(tmp_path / "c.json", roots) == ("in/sub",)
    assert saved_inputs(None, roots) == ()
