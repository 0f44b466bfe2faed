"""The outlet an article credits: a dateline's agency, a byline's outlet, a closing credit.

"LIMA, June 3 (Reuters) -", "(AP)", "By Harbor Gazette", "By Jane Roe, Associated Press",
"... (AFP)". Agencies' spellings are made one ("The Associated Press" is "AP"): the list is
``ingest/data/outlets.toml``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from timeline_cli.ingest.published import match_dateline

HEAD_LINES = 12  # where datelines and bylines are looked for
_BYLINE_MAX_WORDS = 14
_BYLINE = re.compile(r"(?:^|\s)By\s+(?P<who>\S.{1,80})$")
_BYLINE_PARTS = re.compile(r"\s*(?:[,|;/]|\s[-—–]\s|\sand\s)\s*")
_CLOSING_PAREN = re.compile(r"\((?P<name>[^()]{2,40})\)\s*$")
_CLOSING_LINE = re.compile(
    r"^[\s\-—–©]*(?:copyright\s*)?(?:©\s*)?(?:\d{4}\s*)?(?P<name>[^\d\s][^()]{1,40}?)[\s.]*$",
    re.IGNORECASE,
)
_CLOSING_MAX_WORDS = 6


@dataclass(frozen=True)
class _Outlets:
    aliases: dict[str, str]  # key of a spelling -> the agency's name
    outlet_words: frozenset[str]
    staff_words: frozenset[str]


@lru_cache(maxsize=1)
def _outlets() -> _Outlets:
    text = resources.files("timeline_cli.ingest").joinpath("data/outlets.toml").read_text("utf-8")
    data = tomllib.loads(text)
    aliases = {
        _key(spelling): name
        for name, spellings in data["agencies"].items()
        for spelling in (name, *spellings)
    }
    bylines = data["bylines"]
    return _Outlets(aliases, frozenset(bylines["outlet_words"]), frozenset(bylines["staff_words"]))


def _key(name: str) -> str:
    """How outlet names are compared: no case, no leading "The", no punctuation."""
    words = re.findall(r"\w+", name.casefold())
    if words[:1] == ["the"] and len(words) > 1:
        words = words[1:]
    return " ".join(words)


def outlet_name(name: str) -> str:
    """One name per outlet: an agency's own ("AP" for "The Associated Press"), else the name
    without a leading "The"."""
    known = _outlets().aliases.get(_key(name))
    if known:
        return known
    stripped = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    return stripped or name.strip()


def credit_of(lines: Sequence[str], text: str = "") -> str | None:
    """The agency or outlet an article credits: a dateline's, a byline's (among the first
    ``lines`` kept of it), a closing credit's (on the last lines of its ``text``; known
    agencies only), in that order."""
    head = lines[:HEAD_LINES]
    for line in head:
        match = match_dateline(line)
        agency = match.group("agency") if match else None
        if agency and agency[1:2].isupper():
            return outlet_name(agency.strip("()").strip())
    for line in head:
        found = _byline_outlet(line)
        if found:
            return found
    tail = [line for line in text[-500:].splitlines() if line.strip()]
    for line in reversed(tail[-2:]):
        found = _closing_credit(line)
        if found:
            return found
    return None


def _byline_outlet(line: str) -> str | None:
    """ "By Harbor Gazette", "June 3 - 09:15 By Harbor Gazette", "By Jane Roe, Associated Press":
    the outlet of a byline; None for a reporter alone ("By Tomas Berg")."""
    if len(line.split()) > _BYLINE_MAX_WORDS:
        return None
    match = _BYLINE.search(line.strip())
    if match is None:
        return None
    outlets = _outlets()
    for part in _BYLINE_PARTS.split(match.group("who")):
        words = part.strip(" .").split()
        while words and words[-1].casefold() in outlets.staff_words:
            words = words[:-1]
        if not words or not words[0][:1].isupper():
            continue
        for start in range(len(words)):  # "JANE ROE Associated Press": the agency at the end
            known = outlets.aliases.get(_key(" ".join(words[start:])))
            if known:
                return known
        if words[-1].casefold() in outlets.outlet_words:
            return outlet_name(" ".join(words))
    return None


def _closing_credit(line: str) -> str | None:
    """ "... the ministry said. (AFP)", "— Reuters", "© 2025 Reuters": known agencies only."""
    aliases = _outlets().aliases
    match = _CLOSING_PAREN.search(line)
    if match and _key(match.group("name")) in aliases:
        return aliases[_key(match.group("name"))]
    if len(line.split()) <= _CLOSING_MAX_WORDS:
        match = _CLOSING_LINE.match(line.strip())
        if match and _key(match.group("name")) in aliases:
            return aliases[_key(match.group("name"))]
    return None
