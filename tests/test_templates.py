"""The HTML page from its package-data templates (output/templates/): the style sheet and
script inline as the files hold them, their policy hashes computed from them, and the actor
box's example taken from the chronology."""

from __future__ import annotations

import base64
import hashlib
import re
from importlib.resources import files

import pytest
from factories import make_event

from timeline_cli.core.models import Chronology, ChronologyEvent
from timeline_cli.output import html_page
from timeline_cli.output.html_page import to_html

TEMPLATES = files("timeline_cli.output").joinpath("templates")


def event(number: int, actors: tuple[str, ...], places: tuple[str, ...] = ()) -> ChronologyEvent:
    return make_event(
        f"2012-03-0{number}",
        id=f"ev-{number}",
        summary="The council met.",
        actors=actors,
        places=places,
        mentions=[],
    )


def page_of(*events: ChronologyEvent) -> str:
    return to_html(Chronology(documents=(), events=events))


def inline(page: str, tag: str) -> str:
    match = re.search(rf"<{tag}>(.*?)</{tag}>", page, re.DOTALL)
    assert match, tag
    return match.group(1)


def policy_hash(page: str, directive: str) -> str:
    match = re.search(rf"{directive} &#39;sha256-([A-Za-z0-9+/=]+)&#39;", page)
    assert match, directive
    return match.group(1)


def sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def test_the_templates_ship_as_package_data() -> None:
    names = {item.name for item in TEMPLATES.iterdir()}
    assert {"page.html.j2", "page.css", "page.js"} <= names


def test_style_and_script_are_the_files_and_the_policy_allows_exactly_them() -> None:
    page = page_of(event(8, ("Kim",)))
    style, script = inline(page, "style"), inline(page, "script")
    css = TEMPLATES.joinpath("page.css").read_text(encoding="utf-8")
    js = TEMPLATES.joinpath("page.js").read_text(encoding="utf-8")
    assert style.startswith("\n" + css) and ".t0{--c:" in style  # then the badge colours
    assert script == "\n" + js
    assert policy_hash(page, "style-src") == sha256(style)
    assert policy_hash(page, "script-src") == sha256(script)


def test_the_policy_hashes_follow_the_files(monkeypatch: pytest.MonkeyPatch) -> None:
    before = page_of(event(8, ("Kim",)))
    originals = {name: html_page._asset(name) for name in ("page.css", "page.js")}
    edited = {name: text + "/* edited */\n" for name, text in originals.items()}
    monkeypatch.setattr(html_page, "_asset", edited.__getitem__)
    after = page_of(event(8, ("Kim",)))
    assert "/* edited */" in inline(after, "style") and "/* edited */" in inline(after, "script")
    for directive, tag in (("style-src", "style"), ("script-src", "script")):
        assert policy_hash(after, directive) == sha256(inline(after, tag))
        assert policy_hash(after, directive) != policy_hash(before, directive)


def placeholder(page: str) -> str:
    match = re.search(r'id="actor-filter"[^>]*placeholder="([^"]*)"', page)
    assert match
    return match.group(1)


def test_the_actor_box_suggests_the_actor_in_most_events() -> None:
    page = page_of(
        event(7, ("Wang Yi", "Kim Sung-hwan")),
        event(8, ("Kim Sung-hwan",)),
        event(9, ("Ban Ki-moon", "Kim Sung-hwan")),
    )
    assert placeholder(page) == "e.g. Kim Sung-hwan"
    assert "Clinton" not in page


def test_the_actor_box_suggestion_is_a_place_then_neutral_and_always_escaped() -> None:
    assert placeholder(page_of(event(8, (), ("Geneva",)))) == "e.g. Geneva"
    assert placeholder(page_of(event(8, ()))) == html_page.NEUTRAL_PLACEHOLDER
    assert placeholder(page_of()) == html_page.NEUTRAL_PLACEHOLDER
    # among equals, the first by name; an actor's quote cannot close the attribute
    page = page_of(event(8, ('"><b>Zed', "Adams")), event(9, ('"><b>Zed', "Adams")))
    assert placeholder(page) == "e.g. &#34;&gt;&lt;b&gt;Zed"
