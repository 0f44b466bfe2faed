"""Corrections a reader makes to a chronology, applied on every run; ids that stay.

A corrections file (``timeline-corrections.toml`` beside the articles, or one named on the
command line) holds entries of four kinds::

    [[fix]]                       # a wrong date or type
    event = "ev-1a2b3c4d5e"
    date = "2012-03-09"           # a TimeML value: 2012-03-09, 2012-03, 2012 ...
    type = "meeting"              # any type or subtype of docs/schema.md
    note = "the ministry's statement says Friday"

    [[drop]]                      # not an event
    event = "ev-..."

    [[merge]]                     # one event told as two
    events = ["ev-...", "ev-..."]

    [[split]]                     # a bad merge: these mentions (or articles) leave it
    event = "ev-..."
    mentions = ["m-..."]          # or documents = ["article-id"]

An event's id is ``ev-`` and the key of one of its mentions (``Mention.key``: a hash of the
article id, the sentence's place and the trigger word, not of the date or type), so a
correction of the date or type never changes it, and an entry finds its event as long as the
event holds that mention, whatever articles are added. Which mention names the event: one
whose id a corrections entry or the chronology being updated already uses,
else the mention of the earliest-published article (then by article id and place), so that
articles added later, which are mostly newer, leave the id as it was.

Entries are applied in the order split, merge, fix, drop, so that a fix can address the
part a split made or the event a merge made. Each one is reported: on the events it changed
(``corrections``) and in the chronology's list, with a warning when it matched no event.
"""

from __future__ import annotations

import tomllib
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from timeline_cli.chronology.merge import merge_group
from timeline_cli.core.models import (
    EVENT_PREFIX,
    MENTION_PREFIX,
    ChronologyEvent,
    Correction,
    Event,
    Notice,
)
from timeline_cli.core.timevalue import TimeValue
from timeline_cli.events.lexicon import load_lexicon
from timeline_cli.ingest.reading import CORRECTIONS_FILE_NAME

CORRECTIONS_FILE = CORRECTIONS_FILE_NAME
ACTIONS = ("split", "merge", "fix", "drop")  # in the order they are applied
_FIELDS = {
    "fix": {"event", "date", "type", "note"},
    "drop": {"event", "note"},
    "merge": {"events", "note"},
    "split": {"event", "mentions", "documents", "note"},
}
CORRECTION_RULE = "correction"


class CorrectionsError(ValueError):
    """A corrections file that cannot be used, with the file and the entry named."""


def type_parents() -> dict[str, str | None]:
    """Every type and subtype a correction may give, with the type a subtype belongs to."""
    lexicon = load_lexicon()
    return {**dict.fromkeys(lexicon.event_types), **lexicon.parents}


def corrections_files(paths: Iterable[Path]) -> list[Path]:
    """The corrections files beside the articles named: in each folder named, and in the
    folder of each file named."""
    found: dict[Path, None] = {}
    for path in paths:
        folder = path if path.is_dir() else path.parent
        candidate = folder / CORRECTIONS_FILE
        if candidate.is_file():
            found.setdefault(candidate, None)
    return list(found)


def load_corrections(path: Path, types: Mapping[str, str | None]) -> list[Correction]:
    """The entries of a corrections file; ``types`` maps each type and subtype the tool knows
    to its parent type (None for a type). CorrectionsError names the file and entry."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as error:
        raise CorrectionsError(f"{path}: cannot be read ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise CorrectionsError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise CorrectionsError(f"{path}: not valid TOML ({error})") from None
    unknown = sorted(set(data) - set(ACTIONS))
    if unknown:
        raise CorrectionsError(
            f"{path}: unknown section [[{unknown[0]}]]; use {', '.join(ACTIONS)}"
        )
    corrections = []
    for action in ACTIONS:
        entries = data.get(action, [])
        if not isinstance(entries, list):
            raise CorrectionsError(f"{path}: write [[{action}]] entries (an array of tables)")
        for number, entry in enumerate(entries, start=1):
            where = f"{path}: [[{action}]] #{number}"
            corrections.append(_entry(action, entry, types, where, str(path)))
    return corrections


def _entry(
    action: str, entry: object, types: Mapping[str, str | None], where: str, origin: str
) -> Correction:
    if not isinstance(entry, dict):
        raise CorrectionsError(f"{where}: not a table")
    extra = sorted(set(entry) - _FIELDS[action])
    if extra:
        raise CorrectionsError(
            f"{where}: unknown key {extra[0]!r}; use {', '.join(sorted(_FIELDS[action]))}"
        )
    events = _ids(entry, "events", where) if action == "merge" else (_id(entry, where),)
    if action == "merge" and len(set(events)) < 2:
        raise CorrectionsError(f"{where}: 'events' must name two events or more")
    correction = Correction(
        action,
        events,
        date=_text(entry, "date", where),
        type=_text(entry, "type", where),
        mentions=_ids(entry, "mentions", where, MENTION_PREFIX, required=False),
        documents=tuple(_strings(entry, "documents", where)),
        note=_text(entry, "note", where),
        origin=origin,
    )
    if correction.date is not None and TimeValue(correction.date).interval is None:
        raise CorrectionsError(
            f"{where}: date {correction.date!r} is not a date (2012-03-09, 2012-03, 2012 ...)"
        )
    if correction.type is not None and correction.type not in types:
        raise CorrectionsError(
            f"{where}: {correction.type!r} is not an event type; choose from {', '.join(types)}"
        )
    if action == "fix" and correction.date is None and correction.type is None:
        raise CorrectionsError(f"{where}: a fix needs a 'date' or a 'type'")
    if action == "split" and not (correction.mentions or correction.documents):
        raise CorrectionsError(f"{where}: a split needs 'mentions' or 'documents'")
    return correction


def _text(entry: dict[str, object], key: str, where: str) -> str | None:
    value = entry.get(key)
    if value is not None and not isinstance(value, str):
        raise CorrectionsError(f"{where}: {key!r} must be a string")
    return value.strip() if isinstance(value, str) else None


def _strings(entry: dict[str, object], key: str, where: str) -> list[str]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise CorrectionsError(f"{where}: {key!r} must be a list of strings")
    return [item.strip() for item in value]


def _id(entry: dict[str, object], where: str) -> str:
    value = _text(entry, "event", where)
    if value is None:
        raise CorrectionsError(f"{where}: no 'event' (an id such as ev-1a2b3c4d5e)")
    return _checked(value, EVENT_PREFIX, where)


def _ids(
    entry: dict[str, object], key: str, where: str, prefix: str = EVENT_PREFIX, required=True
) -> tuple[str, ...]:
    if required and key not in entry:
        raise CorrectionsError(f"{where}: no {key!r}")
    return tuple(_checked(value, prefix, where) for value in _strings(entry, key, where))


def _checked(value: str, prefix: str, where: str) -> str:
    if not value.startswith(prefix) or len(value) <= len(prefix):
        raise CorrectionsError(f"{where}: {value!r} is not an id (they start with {prefix!r})")
    return value


def key_of(identifier: str) -> str:
    """The mention key an event or mention id is made of."""
    for prefix in (EVENT_PREFIX, MENTION_PREFIX):
        if identifier.startswith(prefix):
            return identifier[len(prefix) :]
    return identifier


def merged_corrections(
    saved: Sequence[Correction], current: Sequence[Correction]
) -> list[Correction]:
    """The entries of a chronology being updated, and those of the files now: a file's entry
    replaces a saved one of the same kind for the same events."""
    fresh = [replace(c, applied=False, message="") for c in current]
    named = {(c.action, c.events) for c in fresh}
    kept = [
        replace(c, applied=False, message="") for c in saved if (c.action, c.events) not in named
    ]
    return [*kept, *fresh]


@dataclass
class _Group:
    events: list[Event]
    notes: list[str] = field(default_factory=list)

    def holds(self, identifier: str) -> bool:
        key = key_of(identifier)
        return any(event.mention.key == key for event in self.events)


@dataclass
class Corrected:
    """Groups of mentions after the corrections, their notes, and the entries' outcome."""

    groups: list[_Group]
    report: list[Correction]

    def events(self) -> list[ChronologyEvent]:
        return [
            replace(merge_group(group.events), corrections=tuple(group.notes))
            for group in self.groups
        ]

    def notices(self) -> list[Notice]:
        return [
            Notice(
                "correction",
                f"{c.origin or 'corrections'}: {c.action} {', '.join(c.events)}: {c.message}",
            )
            for c in self.report
            if not c.applied
        ]


def apply_corrections(
    groups: Iterable[list[Event]],
    corrections: Sequence[Correction],
    types: Mapping[str, str | None],
) -> Corrected:
    """The groups of mentions as the corrections say they should be."""
    current = [_Group(list(group)) for group in groups]
    report: list[Correction] = []
    for action in ACTIONS:
        for correction in (c for c in corrections if c.action == action):
            applied, message = _APPLY[action](current, correction, types)
            report.append(replace(correction, applied=applied, message=message))
    return Corrected(current, report)


def _find(groups: list[_Group], identifier: str) -> _Group | None:
    return next((group for group in groups if group.holds(identifier)), None)


def _split(groups: list[_Group], correction: Correction, _: object) -> tuple[bool, str]:
    group = _find(groups, correction.events[0])
    if group is None:
        return False, "no such event"
    keys = {key_of(m) for m in correction.mentions}
    leaving = [
        e
        for e in group.events
        if e.mention.key in keys or e.mention.document in correction.documents
    ]
    staying = [e for e in group.events if e not in leaving]
    if not leaving or not staying:
        return False, "the mentions named are not part of it" if not leaving else "none would stay"
    group.events = staying
    note = _with_note(f"split from {correction.events[0]}", correction)
    group.notes.append(_with_note("part split off", correction))
    groups.append(_Group(leaving, [note]))
    return True, f"{len(leaving)} mention(s) made an event of their own"


def _merge(groups: list[_Group], correction: Correction, _: object) -> tuple[bool, str]:
    found = [_find(groups, identifier) for identifier in correction.events]
    missing = [i for i, group in zip(correction.events, found, strict=True) if group is None]
    if missing:
        return False, f"no such event: {', '.join(missing)}"
    first = found[0]
    assert first is not None
    for group in found[1:]:
        if group is not None and group is not first:
            first.events.extend(group.events)
            first.notes.extend(group.notes)
            groups.remove(group)
    others = ", ".join(correction.events[1:])
    first.notes.append(_with_note(f"merged with {others}", correction))
    return True, f"merged into {correction.events[0]}"


def _fix(
    groups: list[_Group], correction: Correction, types: Mapping[str, str | None]
) -> tuple[bool, str]:
    group = _find(groups, correction.events[0])
    if group is None:
        return False, "no such event"
    before = merge_group(group.events)
    changes = []
    if correction.date is not None:
        value = TimeValue(correction.date, rule=CORRECTION_RULE)
        precision = value.precision or "day"
        group.events = [
            replace(event, date=value, precision=precision, end=None) for event in group.events
        ]
        changes.append(f"date set to {correction.date} (was {before.date or 'undated'})")
    if correction.type is not None:
        parent = types.get(correction.type)
        event_type, subtype = (parent, correction.type) if parent else (correction.type, None)
        group.events = [replace(e, type=event_type, subtype=subtype) for e in group.events]
        changes.append(f"type set to {correction.type} (was {before.subtype or before.type})")
    group.notes.append(_with_note("; ".join(changes), correction))
    return True, "; ".join(changes)


def _drop(groups: list[_Group], correction: Correction, _: object) -> tuple[bool, str]:
    group = _find(groups, correction.events[0])
    if group is None:
        return False, "no such event"
    groups.remove(group)
    return True, "dropped"


_APPLY = {"split": _split, "merge": _merge, "fix": _fix, "drop": _drop}


def _with_note(text: str, correction: Correction) -> str:
    return f"{text}: {correction.note}" if correction.note else text


def stable_ids(
    events: Sequence[ChronologyEvent],
    published: Mapping[str, date | None],
    kept: Collection[str],
) -> list[ChronologyEvent]:
    """Each event named by the mention that keeps its id stable (see the module's docstring):
    one whose key is in ``kept`` (ids in use: corrections', the updated chronology's), else
    the mention of the earliest-published article."""
    kept_keys = {key_of(identifier) for identifier in kept}
    used: set[str] = set()
    named = []
    for event in events:
        ordered = sorted(
            event.mentions,
            key=lambda m: (
                published.get(m.document) is None,
                published.get(m.document) or date.max,
                m.document,
                m.start,
                m.trigger_start or 0,
            ),
        )
        keys = [m.key for m in ordered]
        preferred = [k for k in keys if k in kept_keys] + keys
        chosen = next((k for k in preferred if k not in used), None)
        if chosen is None:  # two events of one mention: a suffix keeps ids unique
            chosen = next(f"{keys[0]}-{n}" for n in range(2, 1000) if f"{keys[0]}-{n}" not in used)
        used.add(chosen)
        named.append(replace(event, id=EVENT_PREFIX + chosen))
    return named
