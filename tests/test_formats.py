"""Reading web pages, Markdown and datasets: the article text only, dated from the file alone."""

from __future__ import annotations

import io
import socket
from datetime import date
from pathlib import Path

import pytest

from timeline_cli.ingest.readers import (
    FieldNames,
    RecordError,
    SourceArticle,
    markdown_to_text,
    parse_published,
    peek_stdin,
    read_html,
    read_markdown,
    read_records,
    read_stdin_records,
    reader_kind,
    split_front_matter,
    stdin_kind,
    stdin_paths,
)
from timeline_cli.ingest.reading import UnreadableFile

FIXTURES = Path(__file__).resolve().parent / "fixtures"
HTML = FIXTURES / "html"
RECORDS = FIXTURES / "records"
WIRE_FIELDS = FieldNames(
    text="body", date="pub_date", title="headline", url="link", id="story_id", outlet="source"
)


def articles(items: list[SourceArticle | RecordError]) -> list[SourceArticle]:
    return [item for item in items if isinstance(item, SourceArticle)]


def errors(items: list[SourceArticle | RecordError]) -> list[RecordError]:
    return [item for item in items if isinstance(item, RecordError)]


# Web pages ------------------------------------------------------------------------------------


def test_html_keeps_the_article_and_drops_page_debris() -> None:
    article = read_html(HTML / "harbour-strike.html")
    assert "left dozens of container ships waiting offshore." in article.text
    assert "welcomed the agreement." in article.text
    for debris in (
        "We use cookies",  # cookie banner
        "Weather Forecasts",  # navigation
        "Subscribe for one dollar",
        "Totally agree with the union",  # comments
        "nobody thanked us",
        "Leave a comment",
        "Ten recipes",  # related links
        "All rights reserved",  # footer
        "dataLayer",  # scripts
        "querySelectorAll",
    ):
        assert debris not in article.text


def test_html_paragraphs_are_separated_by_blank_lines() -> None:
    text = read_html(HTML / "harbour-strike.html").text
    paragraphs = text.split("\n\n")
    assert paragraphs[1].startswith("Dockworkers at Port Halden returned to work on Tuesday")
    assert paragraphs[1].endswith("waiting offshore.")
    assert paragraphs[2].startswith("The Harbour Workers Union said")
    assert len(paragraphs) == 5  # the headline and four paragraphs
    assert all(paragraph and "\n" not in paragraph for paragraph in paragraphs)


def test_html_metadata_from_the_head() -> None:
    article = read_html(HTML / "harbour-strike.html")
    assert article.id == "harbour-strike"
    assert article.title == "Dockworkers end three-day strike at Port Halden"
    # article:published_time, not the later article:modified_time
    assert article.published == date(2024, 5, 14)
    assert article.published_source == "html-meta"
    assert article.url == "https://www.coastal-ledger.example/business/dockworkers-end-strike"
    assert article.outlet == "The Coastal Ledger"


def test_html_date_from_a_time_element_only() -> None:
    article = read_html(HTML / "council-vote.html")
    assert article.published == date(2023, 11, 2)
    assert article.published_source == "html-meta"
    assert article.title == "Riverside council votes to close Elm Street bridge"  # site name cut
    assert "Another year of detours" not in article.text
    assert "rusty old thing" not in article.text
    assert "cookies" not in article.text
    assert "eighteen months" in article.text


def test_html_page_without_article_text_is_unreadable() -> None:
    with pytest.raises(UnreadableFile, match="no article text in the HTML page"):
        read_html(HTML / "section-front.html")


def test_html_without_a_date_has_none(tmp_path: Path) -> None:
    lines = (HTML / "harbour-strike.html").read_text(encoding="utf-8").splitlines()
    page = "\n".join(line for line in lines if "_time" not in line)
    path = tmp_path / "undated.html"
    path.write_text(page, encoding="utf-8")
    article = read_html(path)
    assert article.published is None and article.published_source is None


def test_html_archive_pages_before_1995_keep_their_date(tmp_path: Path) -> None:
    page = (HTML / "harbour-strike.html").read_text(encoding="utf-8")
    path = tmp_path / "wall.html"
    path.write_text(page.replace("2024-05-14T09:30:00Z", "1989-11-09T19:00:00Z"), "utf-8")
    assert read_html(path).published == date(1989, 11, 9)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"https://www.coastal-ledger.example/2024/05/14/story", "not an HTML page"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not an HTML page"),
    ],
)
def test_html_unusable_files(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(content)
    with pytest.raises(UnreadableFile, match=reason):
        read_html(path)


def test_html_never_touches_the_network(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    # A file holding only a URL: htmldate would download a *string* like this one.
    url_only = tmp_path / "link.html"
    url_only.write_text("https://www.coastal-ledger.example/business/dockworkers-end-strike")
    with pytest.raises(UnreadableFile):
        read_html(url_only)
    assert read_html(HTML / "harbour-strike.html").published == date(2024, 5, 14)
    assert attempts == []


# Markdown -------------------------------------------------------------------------------------


def test_markdown_front_matter() -> None:
    article, notice = read_markdown(RECORDS / "bridge-update.md")
    assert notice is None
    assert article.id == "bridge-update"
    assert article.title == "Elm Street bridge reopens to cars"
    assert article.published == date(2025, 3, 21)
    assert article.published_source == "front-matter"
    assert article.url == "https://herald.example/elm-bridge-reopens"
    assert article.outlet == "Valley Herald"  # from 'source'
    assert "tags" not in article.text and "riverside\n" not in article.text


def test_markdown_markup_is_reduced_to_plain_text() -> None:
    text = read_markdown(RECORDS / "bridge-update.md")[0].text
    paragraphs = text.split("\n\n")
    assert paragraphs[0] == "Elm Street bridge reopens to cars"  # '#' removed
    assert paragraphs[1] == (
        "The Elm Street bridge reopened to cars on Friday morning, sixteen months after the "
        "Riverside city council voted to close it for repairs."
    )  # emphasis, link target and the line break inside the paragraph gone
    assert "New supports" in paragraphs
    assert "project_manager Dana Pruitt" in text  # an underscore inside a word is no emphasis
    assert '"on time and under budget"' in text
    assert "The temporary walkway will be removed next month." in paragraphs
    for markup in ("#", "*", "](", "![", "repaired bridge at dusk", "herald.example", "```"):
        assert markup not in text
    assert "detour_map" not in text  # code block
    assert "Phase" not in text  # table, as tables are left out of web pages


def test_markdown_without_front_matter_takes_the_first_heading(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("Intro line before the title.\n\n# Port reopens\n\nShips docked on Friday.\n")
    article, notice = read_markdown(path)
    assert notice is None
    assert article.title == "Port reopens"
    assert article.published is None and article.published_source is None
    assert article.text == "Intro line before the title.\n\nPort reopens\n\nShips docked on Friday."


def test_markdown_bad_front_matter_date_is_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("---\npublished: 'last Friday'\n---\nShips docked on Friday.\n")
    article, notice = read_markdown(path)
    assert article.published is None
    assert notice is not None and notice.document == "note"
    assert "last Friday" in notice.message and "note.md" in notice.message


def test_front_matter_needs_its_closing_line() -> None:
    header, body = split_front_matter("---\ntitle: Not a header\n\nText of the article.\n")
    assert header == {}
    assert "title: Not a header" in body
    header, body = split_front_matter(
        '---\ntitle: "Quoted: with colon"\ndate: 2024-05-14 # local time\n---\nBody.\n'
    )
    assert header == {"title": "Quoted: with colon", "published": "2024-05-14"}
    assert body == "Body.\n"


def test_markdown_without_text_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "empty.md"
    path.write_text("---\ntitle: Nothing\n---\n\n![only an image](a.png)\n")
    with pytest.raises(UnreadableFile, match="no article text"):
        read_markdown(path)


def test_markdown_to_text_keeps_inline_code_and_drops_html() -> None:
    text = markdown_to_text("Call `ping` now<br>or <b>later</b>.\n\n<div>raw block</div>\n")
    assert text == "Call ping nowor later."


# Datasets -------------------------------------------------------------------------------------


def test_jsonl_good_rows() -> None:
    items = list(read_records(RECORDS / "port-strike.jsonl"))
    found = articles(items)
    assert [article.id for article in found] == [
        "ap-001",
        "port-strike-000002",
        "port-strike-000006",
        "1717",
    ]
    first = found[0]
    assert first.title == "Port Halden dockworkers strike"
    assert first.published == date(2024, 5, 11) and first.published_source == "record"
    assert first.url == "https://wire.example/ap-001" and first.outlet == "Wire Service"
    assert (
        first.text.split("\n\n")[1]
        == "The union said the strike would last until a new offer was made."
    )
    # A datetime's date as written, without moving it to UTC (that would be May 14).
    assert found[1].published == date(2024, 5, 13)
    assert found[3].published == date(2024, 5, 14)


def test_jsonl_bad_rows_are_named_by_line_and_reading_goes_on() -> None:
    items = list(read_records(RECORDS / "port-strike.jsonl"))
    skipped = {error.line: error.reason for error in errors(items) if error.skipped}
    assert set(skipped) == {4, 5, 6, 8, 9, 10}
    assert skipped[4].startswith("not valid JSON")
    assert skipped[5] == "no 'text' field"
    assert skipped[6] == "an array, not a JSON object"
    assert skipped[8] == "'text' is a number, not a string"
    assert skipped[9] == "empty 'text' field"
    assert skipped[10] == "id 'ap-001' already used on line 1"
    assert articles(items)[-1].id == "1717"  # rows after the errors are still read
    notice = next(error for error in errors(items) if error.line == 5).notice()
    assert notice.code == "bad-record" and notice.document is None
    assert notice.message.endswith("port-strike.jsonl, line 5: no 'text' field; row skipped")


def test_jsonl_bad_date_keeps_the_article_with_a_warning() -> None:
    items = list(read_records(RECORDS / "port-strike.jsonl"))
    article = next(item for item in articles(items) if item.id == "port-strike-000006")
    assert article.published is None and article.published_source is None
    assert article.outlet == "Coastal Ledger"
    warning = items[items.index(article) + 1]
    assert isinstance(warning, RecordError) and not warning.skipped
    assert warning.line == 7 and warning.article == "port-strike-000006"
    assert "'next Tuesday'" in warning.reason
    notice = warning.notice()
    assert notice.code == "record-field" and notice.document == "port-strike-000006"
    title_warning = [error for error in errors(items) if error.article == "1717"]
    assert [error.reason for error in title_warning] == [
        "'title' is a number, not a string; ignored"
    ]
    assert articles(items)[-1].title is None


def test_record_ids_are_stable(tmp_path: Path) -> None:
    original = (RECORDS / "port-strike.jsonl").read_text(encoding="utf-8")
    spaced = tmp_path / "port-strike.jsonl"
    spaced.write_text("\n\n" + original.replace("\n", "\n\n"), encoding="utf-8")
    ids = [article.id for article in articles(list(read_records(RECORDS / "port-strike.jsonl")))]
    assert ids == [article.id for article in articles(list(read_records(spaced)))]
    lines = [error.line for error in errors(list(read_records(spaced)))]
    assert lines[0] == 2 * 4 + 1  # line numbers follow the file, blank lines included
    generated = [name for name in ids if name.startswith("port-strike-")]
    assert generated == sorted(generated)


def test_csv_with_custom_field_names() -> None:
    items = list(read_records(RECORDS / "wire.csv", WIRE_FIELDS))
    found = articles(items)
    assert [article.id for article in found] == ["rv-1", "wire-000003", "rv-4"]
    first = found[0]
    assert first.title == "Council votes to close Elm Street bridge"
    assert first.published == date(2023, 11, 2) and first.published_source == "record"
    assert first.url == "https://herald.example/rv-1" and first.outlet == "Valley Herald"
    assert first.text.endswith(
        "cars.\n\nPedestrians and cyclists will still be allowed to cross on a temporary walkway."
    )
    assert found[1].published == date(2023, 12, 18)  # "Dec 18, 2023"
    assert found[1].url is None  # an empty cell is no value


def test_csv_errors_name_the_line_where_the_row_starts() -> None:
    items = list(read_records(RECORDS / "wire.csv", WIRE_FIELDS))
    assert [(error.line, error.reason, error.article) for error in errors(items)] == [
        (5, "empty 'body' field", None),  # after a three-line quoted cell
        (
            8,
            "'pub_date' is not a full, unambiguous date: '05/06/2024'; "
            "publication date left unknown",
            "rv-4",
        ),
    ]


def test_csv_without_the_text_column_is_unreadable() -> None:
    with pytest.raises(UnreadableFile, match=r"no 'text' column \(columns: story_id, headline"):
        list(read_records(RECORDS / "wire.csv"))


def test_csv_semicolons_and_extra_cells(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        "\ufefftext;date\n"
        '"Ships docked on Friday; the port was busy.";14.05.2024\n'
        "Ships left on Saturday; the port was quiet.;2024-05-15\n",
        encoding="utf-8",
    )
    items = list(read_records(path))
    assert articles(items)[0].text == "Ships docked on Friday; the port was busy."
    assert articles(items)[0].published == date(2024, 5, 14)
    assert [(error.line, error.skipped) for error in errors(items)] == [(3, True)]
    assert "3 cells but 2 columns" in errors(items)[0].reason


def test_records_undecodable_row_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        b'{"text": "Ships docked at the port on Friday."}\n'
        b'{"text": "Caf\xe9 owners complained on Saturday."}\n'
        b'{"text": "Ships left the port on Sunday."}\n'
    )
    items = list(read_records(path))
    assert [article.id for article in articles(items)] == ["mixed-000001", "mixed-000003"]
    assert [(error.line, error.reason) for error in errors(items)] == [(2, "not valid UTF-8")]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.jsonl", "", "empty file"),
        ("blank.jsonl", "\n\n", "empty file"),
        ("empty.csv", "", "empty file"),
        ("header.csv", "text,date\n\n", "no rows after the header row"),
    ],
)
def test_records_without_rows_are_unreadable(
    tmp_path: Path, name: str, content: str, reason: str
) -> None:
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(UnreadableFile, match=reason):
        list(read_records(path))


def test_unreadable_dataset_path(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile):
        list(read_records(tmp_path / "missing.jsonl"))
    with pytest.raises(ValueError, match="not a dataset suffix"):
        list(read_records(tmp_path / "notes.txt"))


def test_utf16_csv(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes("text,date\nSéoul talks resumed on Monday.,2024-05-13\n".encode("utf-16"))
    (article,) = articles(list(read_records(path)))
    assert article.text == "Séoul talks resumed on Monday." and article.published == date(
        2024, 5, 13
    )


# Standard input -------------------------------------------------------------------------------


def test_stdin_records() -> None:
    stream = io.StringIO(
        '\ufeff{"text": "Ships docked on Friday.", "date": "2024-05-10"}\n'
        "not json\n"
        '{"text": "Ships left on Sunday.", "id": "s-2"}\n'
    )
    items = list(read_stdin_records(stream))
    assert [(article.id, article.path) for article in articles(items)] == [
        ("stdin-000001", "<stdin>"),
        ("s-2", "<stdin>"),
    ]
    assert articles(items)[0].published == date(2024, 5, 10)
    (error,) = errors(items)
    assert error.path == "<stdin>" and error.line == 2 and error.skipped


def test_stdin_kind() -> None:
    assert stdin_kind('{"text": "x"}') == "records"
    assert stdin_kind('\ufeff  {"text": "x"}') == "records"
    assert stdin_kind("articles/a.html") == "paths"


def test_peek_stdin_gives_back_every_line() -> None:
    kind, lines = peek_stdin(
        io.StringIO('\n  \n{"text": "Ships docked on Friday."}\n{"text": ""}\n')
    )
    assert kind == "records"
    rest = list(lines)
    assert len(rest) == 4 and rest[2].startswith('{"text"')
    items = list(read_stdin_records(rest))
    assert [article.id for article in articles(items)] == ["stdin-000001"]
    assert [error.line for error in errors(items)] == [4]
    kind, lines = peek_stdin(io.StringIO("\na.html\r\n  b/c.md \n\n"))
    assert kind == "paths" and stdin_paths(lines) == ["a.html", "b/c.md"]
    kind, lines = peek_stdin(io.StringIO(""))
    assert kind == "paths" and list(lines) == []


# Kinds and dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a.txt", "text"),
        ("a.HTML", "html"),
        ("a.htm", "html"),
        ("a.md", "markdown"),
        ("a.markdown", "markdown"),
        ("a.jsonl", "records"),
        ("a.ndjson", "records"),
        ("a.csv", "records"),
        ("timeline-metadata.csv", None),  # the folder's metadata, not a dataset
        ("a.pdf", None),
    ],
)
def test_reader_kind(name: str, kind: str | None) -> None:
    assert reader_kind(Path("folder") / name) == kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-05-14", date(2024, 5, 14)),
        ("2024-05-14T09:30:00Z", date(2024, 5, 14)),
        ("2024-05-14T23:30:00-04:00", date(2024, 5, 14)),
        ("2024-05-14 09:30", date(2024, 5, 14)),
        ("May 14, 2024", date(2024, 5, 14)),
        ("14 May 2024", date(2024, 5, 14)),
        ("Tue, 14 May 2024 09:30:00 GMT", date(2024, 5, 14)),
        ("14/05/2024", date(2024, 5, 14)),
        ("05/14/2024", date(2024, 5, 14)),
        ("05/05/2024", date(2024, 5, 5)),
        ("05/06/2024", None),  # May 6 or 5 June
        ("31/02/2024", None),
        ("May 2024", None),
        ("2024", None),
        ("May 14", None),  # today must not supply the year
        ("next Tuesday", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_parse_published(text: str, expected: date | None) -> None:
    assert parse_published(text) == expected
