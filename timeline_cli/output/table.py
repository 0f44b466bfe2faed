"""The chronology in the terminal: a rich table grouped by date, with a summary line.

Every value from the articles (or from a saved chronology) has its control characters made
visible (``controls.visible``): an escape sequence in an article never reaches the terminal.
"""

from __future__ import annotations

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from timeline_cli.core.controls import visible
from timeline_cli.core.models import Chronology, ChronologyEvent
from timeline_cli.output.labels import format_date, period_heading

MAX_ACTORS_SHOWN = 4
WIDE_TABLE = 100  # columns from which type and actors have columns of their own
ACTORS_WIDTH = 30
TYPE_STYLES = {
    "meeting": "cyan",
    "statement": "green",
    "visit": "blue",
    "repatriation": "red",
    "deportation": "red",
    "detention": "magenta",
    "attack": "bold red",
}


class NameList:
    """Actors and places in as many lines as the cell needs, broken between names, never
    inside one ("Mira Okafor-Lund" stays whole): a name longer than the cell is the only one
    folded."""

    def __init__(self, event: ChronologyEvent, with_type: bool = False) -> None:
        shown = list(event.actors[:MAX_ACTORS_SHOWN])
        hidden = len(event.actors) - len(shown)
        # (text, style, what follows it on the same line)
        self.items: list[tuple[str, str, str]] = [(visible(name), "", ",") for name in shown]
        if hidden > 0:
            self.items.append((f"+{hidden}", "dim", ","))
        places = [visible(place) for place in event.places]
        if places:
            places[0] = "in " + places[0]
            self.items += [(place, "italic", ",") for place in places]
        if self.items:
            self.items[-1] = (*self.items[-1][:2], "")
        if with_type:
            style = TYPE_STYLES.get(event.type, "")
            self.items.insert(0, (visible(event.type), style, " ·" if self.items else ""))

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        if not self.items:
            return Measurement(0, 0)
        longest = max(cell_len(item + after) for item, _, after in self.items)
        total = sum(cell_len(item + after) + 1 for item, _, after in self.items)
        return Measurement(min(longest, options.max_width), min(total, options.max_width))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        line = Text()
        for item, style, after in self.items:
            if line.cell_len and line.cell_len + 1 + cell_len(item + after) > width:
                yield line
                line = Text()
            if line.cell_len:
                line.append(" ")
            line.append(item, style=style)
            line.append(after)
        if line.cell_len:
            line.overflow = "fold"
            yield line


def _date_cell(event: ChronologyEvent) -> Text:
    label = format_date(event)
    first, _, second = label.partition("\n")
    text = Text(visible(first), style="bold")
    if second:
        text.append("\n" + visible(second), style="dim")
    return text


def _headline_cell(event: ChronologyEvent) -> Text:
    text = Text(visible(event.headline or event.summary))
    for conflict in event.conflicts:
        sources = visible(", ".join(conflict.documents))
        text.append(f"\n⚠ {visible(conflict.date)} according to {sources}", style="yellow")
    if event.corrections:
        text.append(f"\n✎ {visible('; '.join(event.corrections))}", style="dim")
    return text


def _type_text(event: ChronologyEvent) -> Text:
    return Text(visible(event.type), style=TYPE_STYLES.get(event.type, ""))


def chronology_table(chronology: Chronology, width: int = WIDE_TABLE) -> Table:
    """The events by date; below ``WIDE_TABLE`` columns, type and actors go under the
    headline, so that the headline keeps most of the width. In the key-dates view, each
    day's rank comes first and its sources last."""
    narrow = width < WIDE_TABLE
    keyed = any(event.key is not None for event in chronology.events)
    table = Table(box=box.SIMPLE_HEAD, expand=True, pad_edge=False)
    if keyed:
        table.add_column("Rank", justify="right", no_wrap=True)
    table.add_column("Date", no_wrap=True, min_width=11)
    if not narrow:
        table.add_column("Type", no_wrap=True)
    table.add_column("Event", ratio=1, min_width=24)
    if not narrow:
        # as wide as its longest name (from the measure of NameList), within bounds
        table.add_column("Actors", min_width=14, max_width=ACTORS_WIDTH)
    table.add_column("Src", justify="right", no_wrap=True)
    blank = [""] * len(table.columns)
    previous_date = previous_period = None
    for event in chronology.events:
        label = format_date(event)
        period = period_heading(event)
        if period != previous_period:
            if previous_period is not None:
                table.add_section()  # a rule between months
            lead = [""] if keyed else []  # the rank column
            heading = Text(visible(period), style="bold underline")
            table.add_row(*lead, heading, *blank[len(lead) + 1 :])
            previous_period, previous_date = period, None
        rank = [f"#{event.key.rank}" if event.key else ""] if keyed else []
        sources = str(event.key.sources if event.key else event.source_count)
        date_cell = _date_cell(event) if label != previous_date else ""
        if narrow:
            what = Group(_headline_cell(event), NameList(event, with_type=True))
            table.add_row(*rank, date_cell, what, sources)
        else:
            table.add_row(
                *rank,
                date_cell,
                _type_text(event),
                _headline_cell(event),
                NameList(event),
                sources,
            )
        previous_date = label
    return table


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
    table = chronology_table(chronology, console.width)
    console.print(Group(table, summary_line(chronology, skipped)))
