"""Shared fixtures: the real spaCy pipeline (loaded once) and the repository's seed folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from timeline_cli.nlp import load_pipeline

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture(scope="session")
def seeds() -> Path:
    return SEEDS
