"""Building Documents from files: decoded, cleaned, and given their publication date.

The publication date comes, in this order, from the dates given by name, from the article's own
header timestamp or full dateline, from the folder's metadata file, and last from a dateline
without a year, whose year is inferred once every other article of the run is dated.
"""

from __future__ import annotations

import difflib
import itertools
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from timeline_cli.core.models import Document, Notice, Publication, Segment
from timeline_cli.ingest.cleaning import clean_article
from timeline_cli.ingest.credits import credit_of
from timeline_cli.ingest.language import language_notice
from timeline_cli.ingest.metadata import ArticleMetadata, load_metadata
from timeline_cli.ingest.published import (
    Dateline,
    dateline_publication,
    find_header_date,
    read_dateline,
)
from timeline_cli.ingest.readers import (
    FieldNames,
    RecordError,
    SourceArticle,
    read_html,
    read_markdown,
    read_records,
    reader_kind,
)
from timeline_cli.ingest.reading import UnreadableFile, printable, read_article_text


@dataclass(frozen=True)
class LoadedDocuments:
    documents: tuple[Document, ...]
    notices: tuple[Notice, ...]
    skipped: tuple[str, ...]  # paths of files that could not be used


CLOSE_NAMES = 3  # names suggested for a name given a date that matches no article
# spaCy's own limit (nlp.max_length): longer texts need more memory than a parse is worth.
MAX_BODY_CHARS = 1_000_000


def load_documents(
    paths: Sequence[Path],
    published: Mapping[str, date] | None = None,
    fields: FieldNames | None = None,
    stdin_articles: Iterable[SourceArticle | RecordError] = (),
) -> LoadedDocuments:
    """Read, clean and date every article; unusable ones are skipped with a notice naming them.

    Files are plain text, HTML pages, Markdown, or JSON Lines / CSV datasets of one article a
    row (``fields`` names their columns); ``stdin_articles`` are records read from ``-``.
    A dateline without a year is dated once every other article is.
    """
    stream = DocumentStream(paths, published, fields, stdin_articles)
    read = list(stream)
    documents = [document for document, _ in read]
    datelines = {document.id: dateline for document, dateline in read if dateline is not None}
    known = [doc.publication.date for doc in documents if doc.publication.date is not None]
    documents = [with_dateline_year(doc, datelines.get(doc.id), known) for doc in documents]
    return LoadedDocuments(
        tuple(documents), tuple(stream.closing_notices(documents)), tuple(stream.skipped)
    )


def text_document(
    document_id: str, path: str, text: str, publication: Publication | None = None
) -> Document:
    """An article whose text is read as it is, without cleaning: one segment, its body the
    whole text (the evaluation corpora come so)."""
    return Document(
        id=document_id,
        path=path,
        text=text,
        body=text,
        segments=(Segment(0, 0, len(text)),),
        publication=publication or Publication(),
    )


class DocumentStream:
    """Articles read one at a time, for runs that must not wait for the last file.

    Yields each usable article with its year-less dateline, if any (dated later by the
    caller); unusable ones become notices. Ids stay unique as they come.
    """

    def __init__(
        self,
        paths: Sequence[Path],
        published: Mapping[str, date] | None = None,
        fields: FieldNames | None = None,
        stdin_articles: Iterable[SourceArticle | RecordError] = (),
    ) -> None:
        self.paths = paths
        self.published = published or {}
        self.fields = fields or FieldNames()
        self.stdin_articles = stdin_articles
        self.ids = document_ids(paths)
        self.notices: list[Notice] = []
        self.skipped: list[str] = []
        self._metadata = _MetadataFolders()
        self._seen: Counter[str] = Counter()

    def __iter__(self) -> Iterator[tuple[Document, Dateline | None]]:
        articles = _source_articles(self.paths, self.ids, self.fields, self.notices, self.skipped)
        stdin = _records(self.stdin_articles, None, self.notices, self.skipped)
        for article, path in itertools.chain(articles, stdin):
            try:
                document, dateline = _document(article, self._metadata.row(path), self.published)
            except UnreadableFile as error:
                self._skip(article, str(error))
                continue
            document = self._unique(document)
            undated = document.publication.date is None
            yield document, dateline if undated else None

    def dated_as_read(self) -> Iterator[Document]:
        """Each article as it comes, a year-less dateline dated from the articles read before
        it: nothing waits for the last file."""
        seen: list[date] = []
        for document, dateline in self:
            document = with_dateline_year(document, dateline, seen)
            if document.publication.date is not None:
                seen.append(document.publication.date)
            yield document

    def _skip(self, article: SourceArticle, reason: str) -> None:
        """An article that cannot be used: a file, or one row of a dataset (named by its line)."""
        if article.line is None:
            self.notices.append(Notice("skipped", f"{article.path}: {reason}", article.id))
            self.skipped.append(article.path)
            return
        row = RecordError(article.path, article.line, reason)
        self.notices.append(row.notice())
        self.skipped.append(f"{row.path}:{row.line}")

    def _unique(self, document: Document) -> Document:
        """Dataset rows may reuse an id another file has: the later ones get a suffix."""
        self._seen[document.id] += 1
        count = self._seen[document.id]
        if count == 1:
            return document
        new_id = f"{document.id}~{count}"
        message = f"{document.path}: id {document.id!r} is taken; this one is {new_id!r}"
        self.notices.append(Notice("duplicate-id", message, new_id))
        return replace(document, id=new_id)

    def closing_notices(self, documents: Sequence[Document]) -> list[Notice]:
        """Everything said while reading, and what is known once all is read."""
        return [
            *self.notices,
            *self._metadata.notices,
            *_undated_notices(documents),
            *filter(None, map(language_notice, documents)),
            *_unused_dates(self.published, self.paths, self.ids, documents),
        ]


ArticleSource = tuple[SourceArticle, Path | None]  # the article, and its file for metadata


def _source_articles(
    paths: Sequence[Path],
    ids: Mapping[Path, str],
    fields: FieldNames,
    notices: list[Notice],
    skipped: list[str],
) -> Iterator[ArticleSource]:
    """Every article of the files, each file read by the reader its suffix calls for."""
    for path in paths:
        kind = reader_kind(path) or "text"
        try:
            if kind == "records":
                yield from _records(read_records(path, fields), path, notices, skipped)
                continue
            article, notice = _read_file(path, kind)
        except UnreadableFile as error:
            notices.append(Notice("skipped", f"{printable(path)}: {error}", ids[path]))
            skipped.append(printable(path))
            continue
        notices.extend([notice] if notice else [])
        yield replace(article, id=ids[path], path=printable(path)), path


def _read_file(path: Path, kind: str) -> tuple[SourceArticle, Notice | None]:
    if kind == "html":
        return read_html(path), None
    if kind == "markdown":
        return read_markdown(path)
    text, notice = read_article_text(path)
    return SourceArticle(path.stem, str(path), text, None, None, None, None, None), notice


def _records(
    rows: Iterable[SourceArticle | RecordError],
    path: Path | None,
    notices: list[Notice],
    skipped: list[str],
) -> Iterator[ArticleSource]:
    """A dataset's articles; a bad row is skipped with a notice naming its line."""
    try:
        for row in rows:
            if isinstance(row, RecordError):
                notices.append(row.notice())
                if row.skipped:
                    skipped.append(f"{row.path}:{row.line}")
            else:
                yield row, path
    except UnreadableFile as error:
        name = printable(path) if path else "<stdin>"
        notices.append(Notice("skipped", f"{name}: {error}"))
        skipped.append(name)


def _document(
    article: SourceArticle, row: ArticleMetadata, published: Mapping[str, date]
) -> tuple[Document, Dateline | None]:
    if len(article.text) > 4 * MAX_BODY_CHARS:  # no page is three quarters debris: no need
        raise UnreadableFile(_too_long(len(article.text)))  # to clean 50 MB to know
    cleaned = clean_article(article.text)
    if not cleaned.body.strip():
        raise UnreadableFile("no article text left after removing page debris")
    if len(cleaned.body) > MAX_BODY_CHARS:
        raise UnreadableFile(_too_long(len(cleaned.body)))
    dateline = read_dateline(cleaned.body_source_head) if cleaned.body_source_head else None
    path = Path(article.path)
    keys = (path.name, path.stem, article.path, article.id)
    publication = _publication(keys, article, cleaned.lines, dateline, row, published)
    document = Document(
        id=article.id,
        path=article.path,
        text=article.text,
        body=cleaned.body,
        segments=cleaned.segments,
        title=row.title or article.title or cleaned.title,
        publication=publication,
        url=row.url or article.url,
        outlet=row.outlet or article.outlet,
        credit=credit_of(cleaned.lines, article.text),
    )
    return document, dateline


def _too_long(characters: int) -> str:
    return (
        f"too long: {characters:,} characters of text (the limit is {MAX_BODY_CHARS:,}); "
        "split it into articles"
    )


class _MetadataFolders:
    """The metadata file of each folder, read once."""

    def __init__(self) -> None:
        self._rows: dict[Path, dict[str, ArticleMetadata]] = {}
        self.notices: list[Notice] = []

    def row(self, path: Path | None) -> ArticleMetadata:
        if path is None:
            return ArticleMetadata()
        if path.parent not in self._rows:
            rows, notices = load_metadata(path.parent)
            self._rows[path.parent] = rows
            self.notices.extend(notices)
        return self._rows[path.parent].get(path.name, ArticleMetadata())


def document_ids(paths: Sequence[Path]) -> dict[Path, str]:
    """Each file's id: its name without extension, or, where two files share that name
    (a/report.txt, b/report.txt), enough of their folders to tell them apart."""
    ids: dict[Path, str] = {}
    for depth in range(0, 64):
        candidates = {path: _id_at_depth(path, depth) for path in paths if path not in ids}
        counts = Counter(candidates.values()) + Counter(ids.values())
        for path, candidate in candidates.items():
            if counts[candidate] == 1:
                ids[path] = candidate
        if len(ids) == len(paths):
            break
    return {path: ids.get(path, printable(path)) for path in paths}


def _id_at_depth(path: Path, depth: int) -> str:
    folders = path.parent.parts[-depth:] if depth else ()
    return printable(Path(*folders, path.stem))


def _publication(
    keys: Sequence[str],
    article: SourceArticle,
    lines: Sequence[str],
    dateline: Dateline | None,
    metadata: ArticleMetadata,
    published: Mapping[str, date],
) -> Publication:
    for key in keys:
        if key in published:
            return Publication(published[key], "option")
    if article.published is not None:  # machine-readable: a page's markup, a dataset's field
        return Publication(article.published, article.published_source)
    header = find_header_date(lines)
    if header is not None:
        return Publication(header, "header")
    if dateline is not None and dateline.year is not None:
        return dateline_publication(dateline)
    if metadata.published is not None:
        return Publication(metadata.published, "metadata")
    return Publication()


def with_dateline_year(
    document: Document, dateline: Dateline | None, other_dates: Sequence[date]
) -> Document:
    """The article with its year-less dateline (if any) given a year, from its weekday and
    the dates of the run's other articles (``published.dateline_publication``)."""
    if dateline is None:
        return document
    return replace(document, publication=dateline_publication(dateline, other_dates))


def _unused_dates(
    published: Mapping[str, date],
    paths: Sequence[Path],
    ids: Mapping[Path, str],
    documents: Sequence[Document],
) -> list[Notice]:
    """A publication date given for a name that matches no article is most likely a typo:
    say so."""
    return [
        Notice("unused-date", message)
        for message in unknown_names(published, paths, ids, documents)
    ]


class UnknownArticleName(ValueError):
    """Publication dates were given for names that match no article: a typo, most likely,
    that would leave the article misdated. Raised once the articles are read, before any is
    parsed; ``problems`` has a "NAME: no article of that name" a name."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = tuple(problems)


def check_published_names(published: Mapping[str, date], files: Sequence[Path]) -> None:
    """Before any work, raise UnknownArticleName if a publication date is given for a name
    that is no article file's (a typo would leave it misdated). Rows of datasets are only
    known once read: ``run`` checks those."""
    if not published or any(reader_kind(path) == "records" for path in files):
        return
    unknown = unknown_names(published, files, document_ids(files))
    if unknown:
        raise UnknownArticleName(unknown)


def unknown_names(
    published: Mapping[str, date],
    paths: Sequence[Path],
    ids: Mapping[Path, str],
    documents: Sequence[Document] = (),
) -> list[str]:
    """What is wrong with each name given a publication date that matches no article
    ("NAME: no article of that name"), with the names closest to it (a typo is the likely
    cause)."""
    known = {key for path in paths for key in (path.name, path.stem, str(path), ids[path])}
    known |= {document.id for document in documents}
    # suggested: file names, and the ids of dataset rows (their files' names are no use)
    stems = {path.stem for path in paths}
    names = {path.name for path in paths} | {d.id for d in documents if d.id not in stems}
    messages = []
    for name in published:
        if name in known:
            continue
        close = difflib.get_close_matches(name, sorted(names), n=CLOSE_NAMES, cutoff=0.6)
        hint = f"; did you mean {' or '.join(close)}?" if close else ""
        messages.append(f"{name}: no article of that name{hint}")
    return messages


def _undated_notices(documents: Sequence[Document]) -> list[Notice]:
    notices = []
    for document in documents:
        publication = document.publication
        if publication.date is None:
            reason = f" ({publication.note})" if publication.note else ""
            notices.append(
                Notice(
                    "no-publication-date",
                    f"{document.id}: publication date unknown{reason}; relative dates stay "
                    "unresolved",
                    document.id,
                )
            )
        elif publication.note:
            notices.append(
                Notice("inferred-year", f"{document.id}: {publication.note}", document.id)
            )
    return notices
