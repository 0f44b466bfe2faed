"""Shared fixtures: the real spaCy pipeline (loaded once) and the repository's seed folder.

Hand-built mentions, events, documents and chronologies come from ``factories.py`` (this
folder is on the import path): ``from factories import make_event``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from timeline_cli.core.models import Chronology
from timeline_cli.pipeline.cache import CACHE_ENV
from timeline_cli.pipeline.nlp import load_pipeline
from timeline_cli.pipeline.run import run

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture(scope="session")
def seeds() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seeds_chronology(nlp: Language, seeds: Path) -> Chronology:
    """The seeds' chronology, extracted once for every renderer's tests."""
    chronology = run(sorted(seeds.glob("*.txt"))).chronology
    assert len(chronology.documents) == 3 and len(chronology.events) > 15
    return chronology


@pytest.fixture(autouse=True)
def _own_parse_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each test has a parse cache of its own, never the user's."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv(CACHE_ENV, str(folder / "parse-cache.sqlite3"))
