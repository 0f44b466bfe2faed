"""The chronology in the terminal: a rich table grouped by date, with a summary line.

Every value from the articles (or from a saved chronology) has its control characters made
visible (``controls.visible``): an escape sequence in an article never reaches the terminal.
"""

from __future__ import annotations

import re
from datetime import date

from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from timeline_cli.controls import visible
from timeline_cli.models import Chronology, ChronologyEvent
from timeline_cli.timevalue import TimeValue
from timeline_cli.trust import date_notes

MAX_ACTORS_SHOWN = 4
_HOUR_MINUTE = re.compile(r"T(\d{2}:\d{2})$")
_SEASONS = {"SP": "Spring", "SU": "Summer", "FA": "Autumn", "WI": "Winter"}
TYPE_STYLES = {
    "meeting": "cyan",
    "statement": "green",
    "visit": "blue",
    "repatriation": "red",
    "deportation": "red",
    "detention": "magenta",
    "attack": "bold red",
}


def format_date(event: ChronologyEvent) -> str:
    """A date as precise as it is known: '9 Mar 2012', 'Mar 2012', '2012', or 'undated'; a
    stretch to its end ('2010 to Jan 2014'); on a second line what the date rests on or
    what the event is ('as reported', 'year inferred', 'planned'; ``trust.date_notes``)."""
    label = date_label(event)
    notes = date_notes(event)
    return f"{label}\n{', '.join(notes)}" if notes else label


def date_label(event: ChronologyEvent) -> str:
    """The date alone, without the notes of ``format_date``."""
    label = _date_text(event)
    return f"{label} to {_value_text(event.end_date)}" if event.end_date else label


def event_date_label(event: ChronologyEvent) -> tuple[str, str | None]:
    """The date as shown ('9 Mar 2012', 'Feb 2012', '9 Mar 2012, 14:30', 'undated') and its
    notes ('as reported, year inferred'), if any."""
    label, _, note = format_date(event).partition("\n")
    match = _HOUR_MINUTE.search(event.date or "")
    if event.precision == "time" and match:
        label = f"{label}, {match.group(1)}"
    return label, note or None


def date_display(event: ChronologyEvent) -> str:
    """The date and its notes on one line: '9 Mar 2012 (as reported, year inferred)'."""
    label, note = event_date_label(event)
    return f"{label} ({note})" if note else label


def _value_text(value: str) -> str:
    """A TimeML value as a date label, at its precision."""
    time_value = TimeValue(value)
    interval = time_value.interval
    if interval is None:
        return value
    start = interval[0]
    if time_value.precision in ("day", "time"):
        return f"{start.day} {start:%b %Y}"
    if time_value.precision == "month":
        return f"{start:%b %Y}"
    if time_value.precision == "year":
        return f"{start.year}"
    return value


def _date_text(event: ChronologyEvent) -> str:
    if event.start is None or event.date is None:
        return "undated"
    start: date = event.start
    if event.precision in ("day", "time"):
        return f"{start.day} {start:%b %Y}"
    if event.precision == "publication":
        return f"{start.day} {start:%b %Y}"
    if event.precision == "month":
        return f"{start:%b %Y}"
    if event.precision == "year":
        return f"{start.year}"
    if event.precision == "week":
        return f"week of {start.day} {start:%b %Y}"
    if event.precision in ("quarter", "half"):
        return f"{event.date[5:]} {start.year}"  # "Q1 2012", "H2 2012"
    if event.precision == "season":
        return f"{_SEASONS[event.date[5:]]} {start.year}"
    if event.precision == "decade":
        return f"{start.year}s"
    if event.precision == "century":
        return f"{start.year // 100 + 1}th century"
    return event.date


def _actor_cell(event: ChronologyEvent) -> Text:
    shown = list(event.actors[:MAX_ACTORS_SHOWN])
    hidden = len(event.actors) - len(shown)
    text = Text(visible(", ".join(shown)))
    if hidden > 0:
        text.append(f" +{hidden}", style="dim")
    if event.places:
        places = visible(", ".join(event.places))
        text.append(("\n" if shown else "") + "in " + places, style="italic")
    return text


def _summary_cell(event: ChronologyEvent) -> Text:
    text = Text(visible(event.summary))
    for conflict in event.conflicts:
        sources = visible(", ".join(conflict.documents))
        text.append(f"\n⚠ {visible(conflict.date)} according to {sources}", style="yellow")
    return text


def _date_cell(event: ChronologyEvent) -> Text:
    label = format_date(event)
    first, _, second = label.partition("\n")
    text = Text(visible(first), style="bold")
    if second:
        text.append("\n" + visible(second), style="dim")
    return text


def chronology_table(chronology: Chronology) -> Table:
    table = Table(box=box.SIMPLE_HEAD, expand=True, pad_edge=False)
    table.add_column("Date", no_wrap=True, min_width=11)
    table.add_column("Type", no_wrap=True)
    table.add_column("Event", ratio=3, min_width=24)
    table.add_column("Actors", ratio=1, min_width=14)
    table.add_column("Src", justify="right", no_wrap=True)
    previous_date = previous_period = None
    for event in chronology.events:
        label = format_date(event)
        period = period_heading(event)
        if period != previous_period:
            if previous_period is not None:
                table.add_section()  # a rule between months
            table.add_row(Text(visible(period), style="bold underline"), "", "", "", "")
            previous_period, previous_date = period, None
        table.add_row(
            _date_cell(event) if label != previous_date else "",
            Text(visible(event.type), style=TYPE_STYLES.get(event.type, "")),
            _summary_cell(event),
            _actor_cell(event),
            str(event.source_count),
        )
        previous_date = label
    return table


def period_heading(event: ChronologyEvent) -> str:
    """The month an event falls in ("March 2012"); coarser dates head their own group."""
    if event.start is None:
        return "Undated"
    if event.precision in ("day", "time", "publication", "month", "week"):
        return f"{event.start:%B %Y}"
    return date_label(event)


def summary_line(chronology: Chronology, skipped: int) -> Text:
    mentions = sum(len(event.mentions) for event in chronology.events)
    undated = sum(1 for event in chronology.events if event.start is None)
    parts = [
        f"{len(chronology.documents)} article(s)",
        f"{len(chronology.events)} event(s) from {mentions} mention(s)",
        f"{undated} undated",
        f"{len(chronology.notices)} warning(s)",
    ]
    if skipped:
        parts.append(f"{skipped} file(s) skipped")
    return Text(" · ".join(parts), style="dim")


def render(console: Console, chronology: Chronology, skipped: int = 0) -> None:
    console.print(Group(chronology_table(chronology), summary_line(chronology, skipped)))
