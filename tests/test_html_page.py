"""The self-contained HTML page: content, escaping, data, determinism, and a real browser."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from factories import make_event, make_mention
from markupsafe import escape

from timeline_cli.core.models import (
    Actor,
    ArticleRef,
    Chronology,
    ChronologyEvent,
    DateConflict,
    Document,
    Mention,
    Notice,
    Publication,
)
from timeline_cli.output.export import chronology_record
from timeline_cli.output.html_page import highlight_sentence, to_html

SENTENCE = "On Friday, Kim met Clinton in Washington."
VOID = {"meta", "link", "input", "br", "img", "hr", "source", "wbr", "col", "area", "base"}


def chronology_event(
    value: str | None,
    precision: str,
    event_id: str = "ev-1",
    event_type: str = "meeting",
    summary: str = "Kim met Clinton",
    sentence: str = SENTENCE,
    date_text: str | None = "Friday",
    document: str = "a",
    conflicts: tuple[DateConflict, ...] = (),
) -> ChronologyEvent:
    trigger = sentence.find("met") if "met" in sentence else None
    mention = make_mention(
        document, sentence, start=100, date_text=date_text, date_rule="weekday",
        trigger_start=100 + trigger if trigger is not None else None,
    )  # fmt: skip
    return make_event(
        value, precision, id=event_id, type=event_type, summary=summary,
        actors=("Kim Sung-hwan", "Hillary Clinton"), places=("Washington",), mentions=[mention],
        conflicts=conflicts,
    )  # fmt: skip


DOCUMENTS = (
    Document(
        "a", "a.txt", "", "", (), "Kim meets <b>Clinton</b>",
        Publication(date(2012, 3, 9), "header"), "https://example.org/a?x=1&y=2", "Example Times",
    ),
    Document("c", "c.txt", "", "", (), None, Publication(), "javascript:alert(1)"),
)  # fmt: skip
ACTORS = (
    Actor("Hillary Clinton", "PERSON", ("Clinton",)),
    Actor("Kim Sung-hwan", "PERSON", ("Kim",)),
    Actor("Washington", "GPE"),
)


def edge_chronology() -> Chronology:
    """Every precision, an undated event, a conflict, hostile text."""
    events = (
        chronology_event("199", "decade", "ev-decade", "statement", "A decade-long dispute"),
        chronology_event("2012", "year", "ev-year", "agreement", "Agreed sometime in 2012"),
        chronology_event("2012-Q1", "quarter", "ev-quarter", "sanction", "Sanctions in Q1"),
        chronology_event("2012-03", "month", "ev-month", "visit", "A visit in March"),
        chronology_event(
            "2012-03-09", "day", "ev-day", "meeting",
            "Kim met <script>alert('x')</script> & </script><script>alert(2)</script>",
            conflicts=(DateConflict("2012-03-08", ("c",)),),
        ),
        chronology_event("2012-03-09T21:28", "time", "ev-time", "statement", "Late statement"),
        chronology_event(
            "2012-03-09", "publication", "ev-reported", "statement", "Kim said things",
            sentence="Kim said things.", date_text=None,
        ),
        chronology_event(
            None, "unresolved", "ev-undated", "protest", "Protesters gathered",
            sentence="Protesters gathered on the 13th.", date_text="the 13th",
        ),
    )  # fmt: skip
    notices = (Notice("no-publication-date", "c.txt: no publication date", "c"),)
    return Chronology(DOCUMENTS, events, notices, ACTORS)


class Tags(HTMLParser):
    """Start tags with their attributes, checking that every element is closed in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.open: list[str] = []
        self.errors: list[str] = []
        self.text: dict[str, str] = {}  # id -> text of elements with an id (script, style)
        self._capture: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.open.append(tag)
        if tag in ("script", "style"):
            self._capture = dict(attrs).get("id") or f"{tag}-{len(self.tags)}"
            self.text[self._capture] = ""

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.open[-1:]}")
        else:
            self.open.pop()
        self._capture = None

    def handle_data(self, data: str) -> None:
        if self._capture:
            self.text[self._capture] += data


def parse(page: str) -> Tags:
    tags = Tags()
    tags.feed(page)
    tags.close()
    return tags


def events_of(tags: Tags) -> dict[str, dict[str, str | None]]:
    return {
        attrs["id"] or "": attrs
        for tag, attrs in tags.tags
        if tag == "li" and "event" in (attrs.get("class") or "").split()
    }


# -- the seeds ---------------------------------------------------------------------------------


def test_seeds_page_shows_every_event_with_its_date_and_sources(
    seeds_chronology: Chronology,
) -> None:
    page = to_html(seeds_chronology)
    tags = parse(page)
    assert not tags.errors and not tags.open
    events = events_of(tags)
    assert list(events) == [event.id for event in seeds_chronology.events]
    assert page.count('<details class="evidence">') == len(seeds_chronology.events)
    for event in seeds_chronology.events:
        assert f'<p class="summary">{escape(event.summary)}</p>' in page
        assert events[event.id]["data-type"] == event.type
    assert '<h2 id="y2012-h">2012</h2>' in page and "<h3>March 2012</h3>" in page
    assert "as reported" in page and "2 sources" in page
    assert "<mark>last month</mark>" in page  # the Glyn Davies sentence's date expression
    assert "<mark>Friday</mark>" in page


def test_seeds_page_carries_the_chronology_record(seeds_chronology: Chronology) -> None:
    tags = parse(to_html(seeds_chronology))
    data = json.loads(tags.text["chronology-data"])
    assert data == chronology_record(seeds_chronology)


def test_page_is_deterministic_and_the_same_from_the_record(seeds_chronology: Chronology) -> None:
    first = to_html(seeds_chronology)
    assert first == to_html(seeds_chronology)
    assert first == to_html(json.loads(json.dumps(chronology_record(seeds_chronology))))


# -- escaping and data -------------------------------------------------------------------------


def test_text_is_escaped_and_the_data_cannot_close_its_script() -> None:
    chronology = edge_chronology()
    page = to_html(chronology, title="Edge <cases>")
    assert "<script>alert" not in page and "alert(2)</script>" not in page
    assert "Kim met &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; " in page
    assert "<title>Edge &lt;cases&gt;</title>" in page
    assert "Kim meets &lt;b&gt;Clinton&lt;/b&gt;" in page and "<b>Clinton</b>" not in page
    assert page.count("</script>") == 2  # the data and the filter script, nothing else
    tags = parse(page)
    assert not tags.errors and not tags.open
    assert [t for t, _ in tags.tags].count("script") == 2
    data = json.loads(tags.text["chronology-data"])
    assert data == chronology_record(chronology)  # the summary survives the escaping intact


def test_only_web_addresses_are_linked() -> None:
    tags = parse(to_html(edge_chronology()))
    hrefs = [attrs.get("href") or "" for tag, attrs in tags.tags if tag == "a"]
    assert "https://example.org/a?x=1&y=2" in hrefs
    assert not any(href.lower().startswith("javascript") for href in hrefs)
    assert all(href.startswith(("#", "https://", "http://")) for href in hrefs)


def test_evidence_marks_the_date_expression_nearest_the_trigger() -> None:
    sentence = "On Friday, officials said Kim met Clinton on Friday <late>."
    trigger = sentence.index("met")
    mention = Mention(
        "a", sentence, 10, 10 + len(sentence), "met", "Friday", "weekday", 10 + trigger
    )
    assert highlight_sentence(mention) == (
        'On Friday, officials said Kim <b class="trigger">met</b> Clinton on '
        "<mark>Friday</mark> &lt;late&gt;."
    )
    assert highlight_sentence(replace(mention, date_text=None, trigger_start=None)) == (
        "On Friday, officials said Kim met Clinton on Friday &lt;late&gt;."
    )
    # a trigger offset that does not point at the trigger is not trusted
    wrong = replace(mention, trigger_start=10, date_text="friday")
    assert highlight_sentence(wrong) == (
        "On <mark>Friday</mark>, officials said Kim met Clinton on Friday &lt;late&gt;."
    )


# -- dates, conflicts, headings ----------------------------------------------------------------


def test_dates_at_their_precision_under_year_and_month_headings() -> None:
    page = to_html(edge_chronology())
    headings = re.findall(r"<h([23])[^>]*>([^<]*)</h\1>", page)
    assert headings == [
        ("2", "1990s"),
        ("2", "2012"),
        ("3", "2012, month unknown"),
        ("3", "Q1 2012"),
        ("3", "March 2012"),
        ("2", "Undated"),
        ("2", "Articles"),
    ]
    assert '<time class="date" datetime="2012-03">Mar 2012</time>' in page
    assert '<time class="date" datetime="2012">2012</time>' in page
    assert '<span class="date">Q1 2012</span>' in page
    assert '<time class="date" datetime="2012-03-09T21:28">9 Mar 2012, 21:28</time>' in page
    assert '<span class="reported" data-flags="">as reported</span>' in page
    assert '<span class="date">undated</span>' in page
    assert "1 undated" in page and "1 with disputed dates" in page


def test_conflicts_are_flagged_with_their_documents() -> None:
    tags = parse(to_html(edge_chronology()))
    assert "has-conflict" in (events_of(tags)["ev-day"].get("class") or "")
    page = to_html(edge_chronology())
    day = page[page.index('id="ev-day"') : page.index('id="ev-time"')]
    assert "⚠ date disputed" in day
    assert '<strong class="other-date">8 Mar 2012</strong> <code>2012-03-08</code>' in day
    assert 'according to <a href="#doc-c">c</a>' in day
    assert 'id="doc-c"' in page  # the article list the link points to


def test_filters_list_types_and_actor_names_with_aliases() -> None:
    tags = parse(to_html(edge_chronology()))
    boxes = [a["value"] for t, a in tags.tags if t == "input" and a.get("name") == "type"]
    assert boxes == ["agreement", "meeting", "protest", "sanction", "statement", "visit"]
    names = json.loads(events_of(tags)["ev-day"]["data-names"] or "")
    assert names == ["Kim Sung-hwan", "Kim", "Hillary Clinton", "Clinton", "Washington"]
    options = [a["value"] for t, a in tags.tags if t == "option"]
    assert options == ["Hillary Clinton", "Kim Sung-hwan", "Washington"]


# -- self-contained ----------------------------------------------------------------------------


def test_page_loads_nothing_from_anywhere(seeds_chronology: Chronology) -> None:
    page = to_html(replace(seeds_chronology, documents=(*seeds_chronology.documents, *DOCUMENTS)))
    tags = parse(page)
    for tag, attrs in tags.tags:
        for name in ("src", "srcset", "poster", "data", "action", "formaction", "background"):
            assert name not in attrs, (tag, attrs)
        if tag != "a" and "href" in attrs:  # <a> links load nothing until followed
            assert (attrs["href"] or "").startswith(("#", "data:")), (tag, attrs)
    style = "".join(text for key, text in tags.text.items() if key.startswith("style"))
    assert "url(" not in style and "@import" not in style
    code = next(text for key, text in tags.text.items() if key.startswith("script"))
    assert not re.search(r"https?:|fetch\(|XMLHttpRequest|import\(|\.src\s*=", code)
    # and the page forbids any load but its own style sheet and script
    policy = next(
        a["content"] or ""
        for t, a in tags.tags
        if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    )
    assert policy.startswith("default-src 'none'; ")

    def digest(text: str) -> str:
        return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()

    assert f"style-src 'sha256-{digest(style)}'" in policy
    assert f"script-src 'sha256-{digest(code)}'" in policy


# -- a real browser ----------------------------------------------------------------------------

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def chromium() -> str:
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("no Chromium found (Debian: apt-get install -y chromium)")


def browse(page: Path, work: Path, *options: str, fragment: str = "") -> tuple[str, str, Path]:
    """Open a page in headless Chromium: its DOM after the scripts ran, the log, the net log."""
    profile = work / f"profile-{len(list(work.iterdir()))}"
    net_log = profile.with_suffix(".netlog.json")
    command = [
        chromium(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--no-default-browser-check", f"--user-data-dir={profile}",
        "--enable-logging=stderr", "--v=0", f"--log-net-log={net_log}", *options,
        page.as_uri() + fragment,
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout, result.stderr, net_log


def page_requests(net_log: Path) -> list[str]:
    """URLs the page asked for: requests with an initiator (the browser's own have none)."""
    log = json.loads(net_log.read_text(encoding="utf-8"))
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return [
        event["params"]["url"]
        for event in log["events"]
        if event["type"] == start
        and "url" in event.get("params", {})
        and event["params"].get("initiator") != "not an origin"
        and not event["params"]["url"].startswith("file:")
    ]


def console(log: str) -> list[str]:
    return [line for line in log.splitlines() if ":CONSOLE" in line]


def test_seeds_page_in_a_real_browser(seeds_chronology: Chronology, tmp_path: Path) -> None:
    chromium()
    page = tmp_path / "chronology.html"
    page.write_text(to_html(seeds_chronology), encoding="utf-8")
    dom, log, net_log = browse(page, tmp_path, "--dump-dom")
    tags = parse(dom)
    body = next(attrs for tag, attrs in tags.tags if tag == "body")
    assert body.get("data-ready") == "true", console(log)  # the filter script ran to its end
    assert body.get("data-shown") == str(len(seeds_chronology.events))
    assert list(events_of(tags)) == [event.id for event in seeds_chronology.events]
    assert console(log) == []  # no script error, no blocked load
    assert page_requests(net_log) == []
    screenshot = tmp_path / "chronology.png"
    browse(page, tmp_path, f"--screenshot={screenshot}", "--window-size=1200,2000")
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert screenshot.stat().st_size > 20_000  # a rendered page, not a blank one


def test_filters_hide_events_and_empty_headings_in_a_real_browser(tmp_path: Path) -> None:
    chromium()
    page = tmp_path / "edge.html"
    page.write_text(to_html(edge_chronology()), encoding="utf-8")
    dom, log, _ = browse(page, tmp_path, "--dump-dom", fragment="#types=meeting,statement")
    tags = parse(dom)
    hidden = {key for key, attrs in events_of(tags).items() if "hidden" in attrs}
    assert hidden == {"ev-year", "ev-quarter", "ev-month", "ev-undated"}
    sections = {attrs.get("id"): "hidden" in attrs for t, attrs in tags.tags if t == "section"}
    assert sections["m2012-03"] is False and sections["c2012"] is True
    assert sections["c2012-Q1"] is True and sections["undated"] is True
    assert sections["p199"] is False and sections["y2012"] is False
    assert "Showing 4 of 8 events" in dom
    # the actor filter matches aliases, any case, whole words; commas mean "or"
    dom, log, _ = browse(page, tmp_path, "--dump-dom", fragment="#actor=clinton")
    assert next(a for t, a in parse(dom).tags if t == "body").get("data-shown") == "8"
    dom, log, _ = browse(page, tmp_path, "--dump-dom", fragment="#actor=nobody,%20washington")
    assert next(a for t, a in parse(dom).tags if t == "body").get("data-shown") == "8"
    dom, log, _ = browse(page, tmp_path, "--dump-dom", fragment="#actor=nobody")
    tags = parse(dom)
    assert next(a for t, a in tags.tags if t == "body").get("data-shown") == "0"
    assert all("hidden" in a for t, a in tags.tags if t == "section" and a.get("class") == "year")
    assert "hidden" not in next(a for t, a in tags.tags if a.get("id") == "no-match")
    assert console(log) == []


def test_the_policy_blocks_a_load_that_slips_into_the_page(tmp_path: Path) -> None:
    chromium()
    image = '<img src="http://example.invalid/x.png" alt="">'
    control = tmp_path / "control.html"
    control.write_text(f"<!DOCTYPE html><html><body>{image}</body></html>", encoding="utf-8")
    _, _, net_log = browse(control, tmp_path, "--dump-dom")
    assert page_requests(net_log) == ["http://example.invalid/x.png"]  # the check sees loads
    page = tmp_path / "injected.html"
    html = to_html(edge_chronology()).replace('<main id="timeline">', f"<main>{image}")
    page.write_text(html, encoding="utf-8")
    _, log, net_log = browse(page, tmp_path, "--dump-dom")
    assert page_requests(net_log) == []
    assert any("Content Security Policy" in line for line in console(log))


def test_each_event_shows_its_headline_and_its_outlets() -> None:
    event = replace(
        chronology_event("2012-03-09", "day"),
        headline="Kim Sung-hwan meets Clinton in Washington",
        articles=(ArticleRef("a", outlet="AP"), ArticleRef("c", copy_of="a", outlet="AP")),
    )
    page = to_html(Chronology(DOCUMENTS, (event,), (), ACTORS))
    assert '<h4 class="headline">Kim Sung-hwan meets Clinton in Washington</h4>' in page
    assert '<span class="sources">1 source: AP</span>' in page


def shown_events(dom: str) -> set[str]:
    return {key for key, attrs in events_of(parse(dom)).items() if "hidden" not in attrs}


def test_the_actor_box_matches_whole_words_and_aliases_as_the_option_does(
    tmp_path: Path,
) -> None:
    chromium()
    from timeline_cli.chronology.filters import EventFilter, apply_filter

    un = replace(
        chronology_event("2012-03-10", "day", "ev-un", "statement", "The UN spoke"),
        actors=("United Nations",),
        places=("Zürich",),
    )
    kim = replace(chronology_event("2012-03-09", "day", "ev-kim"), places=())
    actors = (*ACTORS, Actor("United Nations", "ORG", ("UN",)), Actor("Zürich", "GPE"))
    chronology = Chronology(DOCUMENTS, (kim, un), (), actors)
    page = tmp_path / "actors.html"
    page.write_text(to_html(chronology), encoding="utf-8")
    for query, expected in [
        ("UN", {"ev-un"}),  # not "Sung-hwan"
        ("un", {"ev-un"}),
        ("nations", {"ev-un"}),
        ("sung-hwan", {"ev-kim"}),
        ("Sung", {"ev-kim"}),  # a word of the name
        ("clint", set()),  # part of a word
        ("zurich", {"ev-un"}),  # accents folded
        ("kim, un", {"ev-kim", "ev-un"}),
    ]:
        dom, log, _ = browse(page, tmp_path, "--dump-dom", fragment=f"#actor={query}")
        assert shown_events(dom) == expected, query
        assert console(log) == []
        kept = apply_filter(chronology, EventFilter(actors=tuple(query.split(", "))))
        assert {e.id for e in kept.events} == expected, query  # as --actor does


def test_a_shared_page_has_no_absolute_path_and_shows_an_inferred_year(tmp_path: Path) -> None:
    chromium()
    from test_trust import DATED, YEARLESS
    from typer.testing import CliRunner

    from timeline_cli.cli.app import app

    folder = (tmp_path / "home" / "reporter" / "story").resolve()
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text(DATED, encoding="utf-8")
    (folder / "b.txt").write_text(YEARLESS, encoding="utf-8")
    page = tmp_path / "page.html"
    result = CliRunner().invoke(app, ["extract", str(folder), "-o", str(page), "-q"])
    assert result.exit_code == 0, result.output
    dom, log, _ = browse(page, tmp_path, "--dump-dom")
    assert console(log) == []
    assert str(folder) not in dom and "/home/reporter" not in dom
    tags = parse(dom)
    flagged = [
        attrs for tag, attrs in tags.tags if "inferred-year" in (attrs.get("data-flags") or "")
    ]
    assert flagged  # the events whose date rests on the inferred year
    assert "year inferred</span>" in dom and "Year inferred</strong>" in dom
    assert "lead names Friday" in dom  # why, beside the event
    assert all("hidden" not in attrs for attrs in events_of(tags).values())  # all shown
