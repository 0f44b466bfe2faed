"""Reading TimeML (``.tml``) files: the plain article text, its creation date and gold TIMEX3s.

TimeML marks temporal expressions inline (``<TIMEX3 value="1998-08-07">Friday</TIMEX3>``), so
the plain text is what remains once every tag is removed; each gold expression keeps the
character offsets it covers in that text, which is the text the pipeline reads. The ``<DCT>``
TIMEX3 is the article's creation date: the anchor relative expressions resolve against.

TimeML comes from outside: a file that cannot be used raises ``TimemlError`` with its line, for
the caller to skip it; a creation date written day or month first (``03-02-2009``) is repaired
when the text prints that date, and the repair is logged.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from timeline_cli.evaluation.flaws import FlawError, FlawLog
from timeline_cli.evaluation.xmlfile import XmlFile, local_name, parse_xml, read_xml
from timeline_cli.temporal.calendar_words import MONTH_PATTERN, month_number

TIMEML_SUFFIX = ".tml"
# TimeML nests a few elements deep; far deeper is a hostile file, not an annotated article.
MAX_DEPTH = 100

_NUMERIC_DAY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_DAY, _MONTH, _YEAR = (
    r"(?P<day>\d{1,2})(?:st|nd|rd|th)?",
    rf"(?P<month>{MONTH_PATTERN})",
    r"(?P<year>\d{4})",
)
_PRINTED_DATES = (  # "March 2, 2009", "Mar. 2 , 2009" (tokenized), "2 March 2009", "2009-03-02"
    re.compile(rf"\b{_MONTH}\s+{_DAY}\s*,?\s*{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+{_MONTH}\s*,?\s*{_YEAR}\b", re.IGNORECASE),
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b"),
)


class TimemlError(FlawError):
    """A file that is not usable TimeML: the file, the line when known, and what is wrong."""


@dataclass(frozen=True)
class GoldTimex:
    """A gold temporal expression: ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None


@dataclass(frozen=True)
class GoldEvent:
    """A gold EVENT: its id and where its word lies in the plain text."""

    eid: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class TimeLink:
    """A TLINK between an event and a time: "e1 IS_INCLUDED t3". ``tid`` "t0" is often the
    document's creation time."""

    eid: str
    relation: str
    tid: str


@dataclass(frozen=True)
class TimemlDocument:
    """One article: its id, creation date (the anchor), plain text and gold expressions, with
    its gold events and event-time links where the file has them."""

    id: str
    dct: date | None
    text: str
    gold: tuple[GoldTimex, ...]
    events: tuple[GoldEvent, ...] = ()
    links: tuple[TimeLink, ...] = ()
    timex_values: tuple[tuple[str, str], ...] = ()  # (tid, value) of every TIMEX3, DCT included


def iter_timeml_files(paths: Iterable[Path]) -> list[Path]:
    """The ``.tml`` files named or found (recursively) under the paths, sorted, each once.

    A file named directly is taken whatever its suffix: the user asked for it.
    """
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found.update(p for p in path.rglob(f"*{TIMEML_SUFFIX}") if p.is_file())
        elif path.is_file():
            found.add(path)
        else:
            raise FileNotFoundError(f"{path}: no such file or folder")
    return sorted(found)


def parse_timeml(path: Path, flaws: FlawLog | None = None) -> TimemlDocument:
    """Read one TimeML file; the document id is its DOCID, else the file name's stem.

    Raises FlawError (TimemlError) for a file that cannot be used; a repair is logged in
    ``flaws`` (without a log, a file that needs one raises).
    """
    return _document(read_xml(path), path.stem, flaws)


def parse_timeml_string(
    source: str, default_id: str, origin: str = "<string>", flaws: FlawLog | None = None
) -> TimemlDocument:
    """Parse TimeML markup; ``origin`` names the source in errors and in the log."""
    return _document(parse_xml(source, origin), default_id, flaws)


def _document(xml: XmlFile, default_id: str, flaws: FlawLog | None) -> TimemlDocument:
    text_element = xml.find("TEXT")
    if text_element is None:
        raise TimemlError(xml.path, "no <TEXT> element")
    if _deeper_than(text_element, MAX_DEPTH):
        raise TimemlError(xml.path, f"elements nested more than {MAX_DEPTH} deep")
    text, gold, events = _flatten(text_element)
    docid = xml.find("DOCID")
    doc_id = (docid.text or "").strip() if docid is not None else ""
    dct = creation_date(xml, flaws or FlawLog(strict=True))
    values = tuple((timex.get("tid", ""), timex.get("value", "")) for timex in xml.iter("TIMEX3"))
    return TimemlDocument(
        doc_id or default_id, dct, text, tuple(gold), tuple(events), _time_links(xml), values
    )


def _time_links(xml: XmlFile) -> tuple[TimeLink, ...]:
    """TLINKs from an event instance to a time, with the instance resolved to its event."""
    instances = {
        element.get("eiid", ""): element.get("eventID", "") for element in xml.iter("MAKEINSTANCE")
    }
    return tuple(
        TimeLink(instances[link.get("eventInstanceID", "")], link.get("relType", ""), tid)
        for link in xml.iter("TLINK")
        if (tid := link.get("relatedToTime")) and link.get("eventInstanceID", "") in instances
    )


def creation_date(xml: XmlFile, flaws: FlawLog) -> date | None:
    """The DCT's day (a time of day is dropped: the anchor is a date); None without a DCT.

    A value written ``DD-MM-YYYY`` or ``MM-DD-YYYY`` is repaired when only one reading is a
    calendar day, or only one is a date the text prints; any other value that is not a
    calendar date makes the file unusable.
    """
    dct = xml.find("DCT")
    timex = xml.find("TIMEX3", under=dct) if dct is not None else None
    if timex is None:
        return None
    value, line = timex.get("value", ""), xml.line(timex)
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        pass
    readings = _numeric_readings(value)
    printed = _printed_dates(" ".join(xml.root.itertext())) & readings
    problem = f"DCT value {value!r} is not YYYY-MM-DD"
    if len(printed) == 1:
        (day,) = printed
        flaws.repaired(xml.path, line, problem, f"read as {day}, the date the text prints")
        return day
    if len(readings) == 1:
        (day,) = readings
        flaws.repaired(xml.path, line, problem, f"read as {day}, the only day it can be")
        return day
    if readings:
        choices = " or ".join(sorted(str(day) for day in readings))
        raise TimemlError(
            xml.path, f"DCT value {value!r} could be {choices}; the text prints neither", line
        )
    raise TimemlError(xml.path, f"DCT value {value!r} is not a calendar date", line)


def _numeric_readings(value: str) -> set[date]:
    """The real days ``03-02-2009`` can be: 3 February or 2 March."""
    match = _NUMERIC_DAY.fullmatch(value.strip())
    if match is None:
        return set()
    first, second, year = (int(part) for part in match.groups())
    readings = set()
    for day, month in ((first, second), (second, first)):
        try:
            readings.add(date(year, month, day))
        except ValueError:
            continue
    return readings


def _printed_dates(text: str) -> set[date]:
    """Every full date written out in the text ("March 2, 2009", "2 March 2009", "2009-03-02")."""
    found = set()
    for pattern in _PRINTED_DATES:
        for match in pattern.finditer(text):
            month = match["month"]
            number = int(month) if month.isdigit() else month_number(month)
            try:
                found.add(date(int(match["year"]), number or 0, int(match["day"])))
            except ValueError:
                continue
    return found


def _deeper_than(element: ET.Element, limit: int) -> bool:
    """Whether elements nest more than ``limit`` deep below ``element`` (no recursion)."""
    stack = [(element, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in node)
    return False


def _flatten(element: ET.Element) -> tuple[str, list[GoldTimex], list[GoldEvent]]:
    """The element's text with tags removed, and the TIMEX3s and EVENTs at their offsets.

    ElementTree has already unescaped entities (``&amp;`` is ``&``), so offsets count
    characters of the plain text, not of the markup.
    """
    pieces: list[str] = []
    gold: list[GoldTimex] = []
    events: list[GoldEvent] = []
    length = 0

    def add(piece: str | None) -> None:
        nonlocal length
        if piece:
            pieces.append(piece)
            length += len(piece)

    def walk(node: ET.Element) -> None:
        add(node.text)
        for child in node:
            start, first_piece = length, len(pieces)
            walk(child)
            covered = "".join(pieces[first_piece:])
            if local_name(child.tag) == "TIMEX3" and length > start:  # empty TIMEX3s mark no text
                gold.append(_gold(child, start, length, covered))
            if local_name(child.tag) == "EVENT" and length > start:
                events.append(GoldEvent(child.get("eid", ""), start, length, covered))
            add(child.tail)

    walk(element)
    return "".join(pieces), sorted(gold, key=lambda timex: (timex.start, timex.end)), events


def _gold(element: ET.Element, start: int, end: int, text: str) -> GoldTimex:
    return GoldTimex(
        start=start,
        end=end,
        text=text,
        type=element.get("type", ""),
        value=element.get("value", ""),
        mod=element.get("mod"),
    )
