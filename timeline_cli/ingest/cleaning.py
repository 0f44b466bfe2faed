"""Separating article prose from web-page debris, keeping a map back to the original text.

A line is debris when it matches a pattern of ``data/debris.txt`` (comment forms, share and
navigation links, media players, social widgets, copyright lines), is not written in Latin
script, or is a lone token. A page's comment section, from the first reader's comment header
("At 11:45 pm on 13 Jan 2010, Sam wrote:") to the end, is debris too, and so is the byline and
time stamp before a blog post's first words ("Jane Doe | 22:29 UK time, Wednesday, 13 January
2010"): neither tells an event. Of the rest, the first short line near the top is the title;
lines that do not read as prose (headings, bylines, captions without a full stop) are kept out
of the body so no event comes from them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from timeline_cli.core.models import Segment
from timeline_cli.ingest.published import HEADER_DATE_RE, match_dateline

PARAGRAPH_BREAK = "\n\n"
_TITLE_MAX_WORDS = 25
_TITLE_SEARCH_LINES = 8
_PROSE_MIN_WORDS = 4
_LONG_LINE_WORDS = 30  # a line this long is prose even without a final full stop
_TERMINAL = tuple(".!?…\"'”’»")
# What str.splitlines ends a line at, except U+2028 (see _lines_with_offsets).
_LINE_BREAK_RE = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2029]")
_BYLINE_RE = re.compile(r"^by\s+[A-Z][\w.'\-]+(\s+[A-Z][\w.'\-]+){0,4}\b", re.IGNORECASE)
# A reader's comment header: a clock time, a date with its year, a name, "wrote:"; at a line's
# start or after a sentence (pages flattened to text run comments together).
_COMMENT_HEADER = re.compile(
    r"(?:^|(?<=[.!?:)\"'”] ))At \d{1,2}[:.]\d{2}\b[^\n]{0,40}?\b(?:1[89]|20)\d{2},? "
    r"[^\n]{1,60}? wrote:",
    re.MULTILINE,
)
# A blog post's byline and time stamp before its first words.
_POST_STAMP = re.compile(
    r"[^|\n]{1,60}\|\s*\d{1,2}[:.]\d{2}\b[^|\n]{0,50}?\b(?:1[89]|20)\d{2}\b\s*"
)


@dataclass(frozen=True)
class CleanedText:
    body: str
    segments: tuple[Segment, ...]
    title: str | None
    lines: tuple[str, ...]  # the non-debris lines, for header-date search
    dropped_lines: int
    body_source_head: str | None = None  # the first prose line as written, dateline included


@lru_cache(maxsize=1)
def debris_pattern() -> re.Pattern[str]:
    """Every pattern of data/debris.txt in one expression: a line is matched once, not once
    a pattern (cleaning reads every line of thousands of articles)."""
    text = resources.files("timeline_cli.ingest").joinpath("data/debris.txt").read_text("utf-8")
    rows = [row.strip() for row in text.splitlines()]
    patterns = [row for row in rows if row and not row.startswith("#")]
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns), re.IGNORECASE)


def is_debris(line: str) -> bool:
    stripped = line.strip()
    if debris_pattern().fullmatch(stripped):
        return True
    if stripped.isascii():  # the common case, read without a loop over its characters
        return _ASCII_LETTER.search(stripped) is None or _one_unfinished_word(stripped)
    letters = [char for char in stripped if char.isalpha()]
    latin = sum(1 for char in letters if char.isascii() or "\u00c0" <= char <= "\u024f")
    if not letters or latin < len(letters) / 2:
        return True
    return _one_unfinished_word(stripped)


def _one_unfinished_word(line: str) -> bool:
    return len(line.split()) == 1 and not line.endswith(_TERMINAL)


_ASCII_LETTER = re.compile("[A-Za-z]")


def reads_as_prose(line: str) -> bool:
    words = line.split()
    if len(words) >= _LONG_LINE_WORDS:
        return True
    ends_sentence = line.endswith(_TERMINAL) or (line.endswith(")") and line[-2:-1] in _TERMINAL)
    return ends_sentence and len(words) >= _PROSE_MIN_WORDS and not _BYLINE_RE.match(line)


def clean_article(text: str) -> CleanedText:
    """Return the article's prose paragraphs as one body, with offsets into ``text``.

    Invisible format characters (zero-width joiners, bidi marks, soft hyphens) are left out
    first: they would hide "Fri\u200dday" from the date rules and a dateline behind an RLM.
    """
    visible, source_index = _without_format_characters(text)
    cleaned = _clean_visible(visible)
    if source_index is None:
        return cleaned
    segments = tuple(
        piece for segment in cleaned.segments for piece in _remap(segment, source_index)
    )
    return replace(cleaned, segments=segments)


def _without_format_characters(text: str) -> tuple[str, list[int] | None]:
    """The text without Unicode format characters (category Cf), and for each character kept
    its offset in ``text`` (None when nothing was removed)."""
    if text.isascii() or not any(unicodedata.category(char) == "Cf" for char in text):
        return text, None
    kept = [(index, char) for index, char in enumerate(text) if unicodedata.category(char) != "Cf"]
    return "".join(char for _, char in kept), [index for index, _ in kept]


def _remap(segment: Segment, source_index: list[int]) -> list[Segment]:
    """A segment of the visible text as segments of the original, split where a removed
    character sat."""
    pieces: list[Segment] = []
    start = segment.body_start
    for position in range(segment.length):
        visible_at = segment.source_start + position
        continues = position > 0 and source_index[visible_at] == source_index[visible_at - 1] + 1
        if position > 0 and not continues:
            pieces.append(_piece(segment, start, position, source_index))
            start = segment.body_start + position
    pieces.append(_piece(segment, start, segment.length, source_index))
    return pieces


def _piece(segment: Segment, body_start: int, end: int, source_index: list[int]) -> Segment:
    offset = body_start - segment.body_start
    return Segment(body_start, source_index[segment.source_start + offset], end - offset)


def comment_section_start(text: str) -> int:
    """Where the page's comment section begins (the first reader's comment header), else the
    end of the text."""
    header = _COMMENT_HEADER.search(text)
    return len(text) if header is None else header.start()


def _without_post_stamp(offset: int, line: str) -> tuple[int, str]:
    """The line without a blog post's byline and time stamp before its first words."""
    stamp = _POST_STAMP.match(line)
    return (offset, line) if stamp is None else (offset + stamp.end(), line[stamp.end() :])


def _clean_visible(text: str) -> CleanedText:
    kept: list[tuple[int, str]] = []  # (offset in text, stripped line)
    seen: set[str] = set()
    comments = comment_section_start(text)
    dropped = sum(1 for line in text[comments:].splitlines() if line.strip())
    text = text[:comments]  # offsets before the cut stay those of the whole text
    for offset, line in _lines_with_offsets(text):
        stripped = line.strip()
        if not stripped:
            continue
        if is_debris(stripped) or stripped in seen:
            dropped += 1
            continue
        seen.add(stripped)
        kept.append((offset + line.index(stripped), stripped))
    title = _find_title(kept)
    body_parts: list[str] = []
    segments: list[Segment] = []
    position = 0
    first_line = None
    for offset, line in kept:
        if line == title:
            continue
        offset, line = _without_post_stamp(offset, line)
        if not reads_as_prose(line):
            continue
        if first_line is None:
            first_line = line
            dateline = match_dateline(line)
            if dateline is not None:
                offset, line = offset + dateline.end(), line[dateline.end() :]
        if position:
            body_parts.append(PARAGRAPH_BREAK)
            position += len(PARAGRAPH_BREAK)
        segments.append(Segment(position, offset, len(line)))
        body_parts.append(line)
        position += len(line)
    lines = tuple(line for _, line in kept)
    return CleanedText("".join(body_parts), tuple(segments), title, lines, dropped, first_line)


def _lines_with_offsets(text: str) -> list[tuple[int, str]]:
    """Each line with its offset. Unlike str.splitlines, U+2028 LINE SEPARATOR does not end a
    line: it is a break inside a paragraph, often inside a sentence, which spaCy reads as a
    space; ending the line there would cut the sentence and drop its first part."""
    result = []
    offset = 0
    for match in _LINE_BREAK_RE.finditer(text):
        result.append((offset, text[offset : match.start()]))
        offset = match.end()
    if offset < len(text):
        result.append((offset, text[offset:]))
    return result


def _find_title(kept: list[tuple[int, str]]) -> str | None:
    """The first short line at the top that is not a timestamp or a byline.

    Headlines do not end with a full stop; a first line that does is the article's lead.
    """
    for _, line in kept[:_TITLE_SEARCH_LINES]:
        if HEADER_DATE_RE.search(line) or _BYLINE_RE.match(line) or match_dateline(line):
            continue
        if len(line.split()) <= _TITLE_MAX_WORDS and not line.endswith("."):
            return line
        return None
    return None
