"""XML files of outside data (TimeML, CAT), read into ElementTree elements that know their line.

ElementTree keeps no line numbers, yet a flaw inside a well-formed file (a DCT written day
first, a token without its number) is only useful to a reader together with its line. The tree
is built from expat, the parser ElementTree itself uses: it stops entity bombs (its input
amplification limit) and never loads external entities.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.parsers import expat

from timeline_cli.evaluation.flaws import FlawError


@dataclass(frozen=True)
class XmlFile:
    """A parsed file: its root element and the line each element starts on."""

    path: str
    root: ET.Element
    lines: dict[ET.Element, int] = field(repr=False)

    def line(self, element: ET.Element) -> int | None:
        return self.lines.get(element)

    def find(self, tag: str, under: ET.Element | None = None) -> ET.Element | None:
        """The first element named ``tag`` (namespace prefix ignored), in document order."""
        return next(self.iter(tag, under), None)

    def iter(self, tag: str, under: ET.Element | None = None) -> Iterator[ET.Element]:
        start = self.root if under is None else under
        return (element for element in start.iter() if local_name(element.tag) == tag)


def read_xml(path: Path) -> XmlFile:
    """Parse a file; FlawError (with the line) when it cannot be read or is not well-formed."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise FlawError(path, error.strerror or str(error)) from error
    return parse_xml(data, str(path))


def parse_xml(data: bytes | str, origin: str) -> XmlFile:
    builder = ET.TreeBuilder()
    parser = expat.ParserCreate()
    lines: dict[ET.Element, int] = {}

    def start(tag: str, attributes: dict[str, str]) -> None:
        lines[builder.start(tag, attributes)] = parser.CurrentLineNumber

    parser.StartElementHandler = start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.data
    parser.buffer_text = True
    try:
        parser.Parse(data, True)
    except expat.ExpatError as error:
        problem = f"XML error: {expat.errors.messages[error.code]}"
        raise FlawError(origin, problem, error.lineno) from error
    return XmlFile(origin, builder.close(), lines)


def local_name(tag: str) -> str:
    """A tag without its namespace prefix (``tml:TIMEX3`` or ``{uri}TIMEX3`` is ``TIMEX3``)."""
    return tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1]
