"""The chronology in the terminal: a rich table grouped by date, with a summary line.

Every value from the articles (or from a saved chronology) has its control characters made
visible (``controls.visible``): an escape sequence in an article never reaches the terminal.
"""

from __future__ import annotations

from datetime import date

from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from timeline_cli.controls import visible
from timeline_cli.models import Chronology, ChronologyEvent
from timeline_cli.timevalue import TimeValue

MAX_ACTORS_SHOWN = 4
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
    stretch to its end ('2010 to Jan 2014'); a note on a second line for an event dated only
    by its report ('as reported') or not yet happened ('planned')."""
    label = _date_text(event)
    if event.end_date:
        label = label.replace("\n", f" to {_value_text(event.end_date)}\n", 1)
        if "\n" not in label:
            label = f"{label} to {_value_text(event.end_date)}"
    return f"{label}\nplanned" if event.planned and "\n" not in label else label


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
        return f"{start.day} {start:%b %Y}\nas reported"
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
    """Events by month; in the key-dates view, each day's rank first and its sources last."""
    keyed = any(event.key is not None for event in chronology.events)
    table = Table(box=box.SIMPLE_HEAD, expand=True, pad_edge=False)
    if keyed:
        table.add_column("Rank", justify="right", no_wrap=True)
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
            heading = Text(visible(period), style="bold underline")
            table.add_row(*([""] if keyed else []), heading, "", "", "", "")
            previous_period, previous_date = period, None
        rank = [f"#{event.key.rank}" if event.key else ""] if keyed else []
        sources = event.key.sources if event.key else event.source_count
        table.add_row(
            *rank,
            _date_cell(event) if label != previous_date else "",
            Text(visible(event.type), style=TYPE_STYLES.get(event.type, "")),
            _summary_cell(event),
            _actor_cell(event),
            str(sources),
        )
        previous_date = label
    return table


def period_heading(event: ChronologyEvent) -> str:
    """The month an event falls in ("March 2012"); coarser dates head their own group."""
    if event.start is None:
        return "Undated"
    if event.precision in ("day", "time", "publication", "month", "week"):
        return f"{event.start:%B %Y}"
    return format_date(event)


def summary_line(chronology: Chronology, skipped: int) -> Text:
    mentions = sum(len(event.mentions) for event in chronology.events)
    undated = sum(1 for event in chronology.events if event.start is None)
    keyed = sum(1 for event in chronology.events if event.key is not None)
    parts = [
        f"{len(chronology.documents)} article(s)",
        f"{keyed} key date(s), each by its best-supported event; Src: the articles that name "
        "the day or report an event on it"
        if keyed
        else f"{len(chronology.events)} event(s) from {mentions} mention(s)",
        f"{undated} undated",
        f"{len(chronology.notices)} warning(s)",
    ]
    if skipped:
        parts.append(f"{skipped} file(s) skipped")
    return Text(" · ".join(parts), style="dim")


def render(console: Console, chronology: Chronology, skipped: int = 0) -> None:
    console.print(Group(chronology_table(chronology), summary_line(chronology, skipped)))
