"""XML of outside data: elements know their line; bombs, external entities and bad bytes are
refused or inert, each error with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline_cli.evaluation.flaws import FlawError
from timeline_cli.evaluation.xmlfile import local_name, parse_xml, read_xml


def test_every_element_knows_its_line() -> None:
    xml = parse_xml(b'<?xml version="1.0"?>\n<doc>\n  <token n="1">a</token>\n<x/></doc>', "t")
    assert [(element.tag, xml.line(element)) for element in xml.root.iter()] == [
        ("doc", 2),
        ("token", 3),
        ("x", 4),
    ]
    token = xml.find("token")
    assert token is not None and token.get("n") == "1" and token.text == "a"


@pytest.mark.parametrize(
    ("data", "line", "message"),
    [
        (b"<a>\n<b>\n</a>", 3, "mismatched tag"),
        (b"", 1, "no element found"),
        (b"<a>\n&nbsp;</a>", 2, "undefined entity"),
        (b"<a>\n\n\xff\xfe</a>", 3, "not well-formed"),
    ],
)
def test_errors_name_the_file_and_line(data: bytes, line: int, message: str) -> None:
    with pytest.raises(FlawError, match=message) as refused:
        parse_xml(data, "f.xml")
    assert (refused.value.file, refused.value.line) == ("f.xml", line)


def test_an_external_entity_is_never_loaded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("do not read")
    data = f'<!DOCTYPE a [<!ENTITY x SYSTEM "{secret.as_uri()}">]><a>t&x;u</a>'.encode()
    assert parse_xml(data, "xxe.xml").root.text == "tu"


def test_a_missing_file_is_a_flaw(tmp_path: Path) -> None:
    with pytest.raises(FlawError, match="No such file"):
        read_xml(tmp_path / "missing.xml")


def test_local_names_drop_prefixes_and_namespaces() -> None:
    assert [local_name(t) for t in ("TIMEX3", "tml:TIMEX3", "{urn:x}TIMEX3")] == ["TIMEX3"] * 3
