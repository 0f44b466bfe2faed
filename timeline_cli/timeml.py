"""Reading TimeML (``.tml``) files: the plain article text, its creation date and gold TIMEX3s.

TimeML marks temporal expressions inline (``<TIMEX3 value="1998-08-07">Friday</TIMEX3>``), so
the plain text is what remains once every tag is removed; each gold expression keeps the
character offsets it covers in that text, which is the text the pipeline reads. The ``<DCT>``
TIMEX3 is the article's creation date: the anchor relative expressions resolve against.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

TIMEML_SUFFIX = ".tml"


class TimemlError(ValueError):
    """A file that is not usable TimeML; the message names the file and what is wrong."""


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


def parse_timeml(path: Path) -> TimemlDocument:
    """Read one TimeML file; the document id is its DOCID, else the file name's stem."""
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise TimemlError(f"{path}: {error}") from error
    return parse_timeml_string(source, path.stem, origin=str(path))


def parse_timeml_string(source: str, default_id: str, origin: str = "<string>") -> TimemlDocument:
    """Parse TimeML markup; ``origin`` only names the source in error messages."""
    try:
        root = ET.fromstring(source)
    except ET.ParseError as error:
        raise TimemlError(f"{origin}: not well-formed XML ({error})") from error
    text_element = _find(root, "TEXT")
    if text_element is None:
        raise TimemlError(f"{origin}: no <TEXT> element")
    text, gold, events = _flatten(text_element)
    docid = _find(root, "DOCID")
    doc_id = (docid.text or "").strip() if docid is not None else ""
    return TimemlDocument(
        doc_id or default_id,
        _creation_date(root, origin),
        text,
        tuple(gold),
        tuple(events),
        _time_links(root),
        tuple(
            (element.get("tid", ""), element.get("value", ""))
            for element in root.iter()
            if _local(element.tag) == "TIMEX3"
        ),
    )


def _time_links(root: ET.Element) -> tuple[TimeLink, ...]:
    """TLINKs from an event instance to a time, with the instance resolved to its event."""
    instances = {
        element.get("eiid", ""): element.get("eventID", "")
        for element in root.iter()
        if _local(element.tag) == "MAKEINSTANCE"
    }
    return tuple(
        TimeLink(instances[link.get("eventInstanceID", "")], link.get("relType", ""), tid)
        for link in root.iter()
        if _local(link.tag) == "TLINK"
        and (tid := link.get("relatedToTime"))
        and link.get("eventInstanceID", "") in instances
    )


def _local(tag: str) -> str:
    """A tag without its XML namespace, should a file declare a default one."""
    return tag.rsplit("}", 1)[-1]


def _find(root: ET.Element, tag: str) -> ET.Element | None:
    return next((element for element in root.iter() if _local(element.tag) == tag), None)


def _creation_date(root: ET.Element, origin: str) -> date | None:
    """The DCT's day; a time of day (``1998-01-08T18:30``) is dropped, the anchor is a date."""
    dct = _find(root, "DCT")
    timex = _find(dct, "TIMEX3") if dct is not None else None
    if timex is None:
        return None
    value = timex.get("value", "")
    try:
        return date.fromisoformat(value[:10])
    except ValueError as error:
        raise TimemlError(f"{origin}: DCT value {value!r} is not a date") from error


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
            if _local(child.tag) == "TIMEX3" and length > start:  # empty TIMEX3s mark no text
                gold.append(_gold(child, start, length, covered))
            if _local(child.tag) == "EVENT" and length > start:
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
