"""Rules for expressions relative to the anchor: "yesterday", "last week", "on Friday",
"the 13th", "three days ago", "October last year", "that day".

Their words are data: temporal/data/relative.toml, and holidays.toml for named days. A "step"
there is -1 for the one before, 0 for the current one, 1 for the next one."""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta, weekdays

from timeline_cli.core.timevalue import DATE, TIME, TimeValue
from timeline_cli.temporal.calendar_words import (
    MONTH_PATTERN,
    ORDINAL_WORDS,
    VAGUE_NUMBERS,
    WEEKDAY_PATTERN,
    month_number,
    number_value,
    weekday_number,
)
from timeline_cli.temporal.rules.absolute import month_day_year
from timeline_cli.temporal.rules.base import (
    FUTURE,
    MONTH_STEPS,
    NUMBER,
    PARTS_OF_DAY,
    PAST,
    SEASON_START,
    SEASONS,
    UNIT,
    Context,
    add_months,
    century_value,
    decade_value,
    in_month,
    in_week,
    in_year,
    month_day,
    nearest_weekdays,
    on_day,
    pick,
    pick_within_reach,
    shift_unit,
    unresolved,
)
from timeline_cli.temporal.wordlists import alternation, codes, holidays, numbers, phrases, words

_PART = alternation(PARTS_OF_DAY)
_EARLIER_OR_LATER = alternation(phrases("relative", "earlier_or_later"))
_FROM_NARRATIVE = words("relative", "from_narrative")  # "that year": the narrative's year


_PRESENT_REF = words("relative", "present_ref")
_PAST_REF = words("relative", "past_ref")
_FUTURE_REF = words("relative", "future_ref")


def reference_words(text: str, context: Context) -> TimeValue | None:
    if text in _PRESENT_REF:
        return TimeValue("PRESENT_REF", DATE)
    if text in _PAST_REF:
        return TimeValue("PAST_REF", DATE)
    if text in _FUTURE_REF:
        return TimeValue("FUTURE_REF", DATE)
    return None


_DEICTIC_DAYS = numbers("relative", "deictic_days")
_DEICTIC_PARTS = codes("relative", "deictic_parts")
_DEICTIC_DAY = re.compile(rf"({alternation(_DEICTIC_DAYS)})(?:'s)?(?: ({_PART}))?")


def deictic_day(text: str, context: Context) -> TimeValue | None:
    """'yesterday', 'tonight', 'this morning', 'tomorrow evening': days from the anchor."""
    match = _DEICTIC_DAY.fullmatch(text)
    if not match:
        return None
    if context.anchor is None:
        return unresolved("deictic_day")
    word = match.group(1)
    day = context.anchor + timedelta(days=_DEICTIC_DAYS[word])
    part = match.group(2) or _DEICTIC_PARTS.get(word)
    if part:
        return TimeValue(f"{day.isoformat()}T{PARTS_OF_DAY[part]}", TIME)
    return on_day(day)


_NARRATIVE_STEPS = numbers("relative", "narrative_steps")
_NARRATIVE_UNIT = re.compile(
    rf"({alternation(_NARRATIVE_STEPS)}) ({alternation(phrases('relative', 'narrative_units'))})"
)
_AROUND = numbers("relative", "around")
_DAY_AROUND = re.compile(rf"the (day|{_PART}) ({alternation(_AROUND)})")
_NARRATIVE_PART = re.compile(
    rf"(?:(?:{_EARLIER_OR_LATER}) )?"
    rf"({alternation(word for word, step in _NARRATIVE_STEPS.items() if step >= 0)}) ({_PART})"
)


def narrative_day(text: str, context: Context) -> TimeValue | None:
    """'that day', 'the next day', 'the following week': relative to the narrative's last date."""
    match = _NARRATIVE_UNIT.fullmatch(text)
    before_after = _DAY_AROUND.fullmatch(text)
    if before_after:
        return _day_around_reference(before_after.group(1), before_after.group(2), context)
    part_of_day = _NARRATIVE_PART.fullmatch(text)
    if not match and not part_of_day:
        return None
    reference = context.reference
    same = match is not None and _NARRATIVE_STEPS[match.group(1)] == 0
    if reference is None and same and match.group(2) in ("month", "year"):
        interval = context.previous.interval if context.previous is not None else None
        reference = interval[0] if interval else None  # "that year" after "in June 1988"
    if reference is None:
        return unresolved("narrative_day")
    if part_of_day:
        day = reference + timedelta(days=_NARRATIVE_STEPS[part_of_day.group(1)])
        return TimeValue(f"{day.isoformat()}T{PARTS_OF_DAY[part_of_day.group(2)]}", TIME)
    return shift_unit(reference, match.group(2), _NARRATIVE_STEPS[match.group(1)])


def _day_around_reference(part: str, which: str, context: Context) -> TimeValue:
    """'the night before', 'the day after': next to the narrative's day."""
    reference = context.reference or context.anchor
    if reference is None:
        return unresolved("narrative_day")
    day = reference + timedelta(days=_AROUND[which])
    if part == "day":
        return on_day(day)
    return TimeValue(f"{day.isoformat()}T{PARTS_OF_DAY[part]}", TIME)


_SHORT_UNITS = words("calendar", "short_units")
_COUNTED_FROM_ANCHOR = numbers("relative", "counted_from_anchor")  # "three days ago"
_COUNTED = {**_COUNTED_FROM_ANCHOR, **numbers("relative", "counted_from_narrative")}
_AGO_OR_LATER = re.compile(
    rf"(?:(?P<n>{NUMBER}) )?(?P<unit>{UNIT})s? (?P<dir>{alternation(_COUNTED)})"
)
_IN_UNITS = re.compile(rf"in (?P<n>{NUMBER}) (?P<unit>{UNIT})s?(?P<dir>)")  # "in three days"


def ago_or_later(text: str, context: Context) -> TimeValue | None:
    match = _AGO_OR_LATER.fullmatch(text) or _IN_UNITS.fullmatch(text)
    if not match:
        return None
    said = match.group("dir")
    backwards = _COUNTED.get(said, 1) < 0  # "in three days" (said == "") is ahead
    if match.group("unit") in _SHORT_UNITS and said != "":
        # "minutes later", "two hours earlier": the same day as the one the story tells;
        # "48 hours later", two days after it
        base = context.reference or context.anchor
        if base is None:
            return unresolved("ago_or_later")
        days = _whole_days(match.group("unit"), match.group("n"))
        return on_day(base + timedelta(days=-days if backwards else days))
    if (match.group("n") or "").lower() in VAGUE_NUMBERS:
        # "several years ago" is some time before: no calendar value would be honest
        return TimeValue("PAST_REF" if backwards else "FUTURE_REF", DATE)
    if context.anchor is None:
        return unresolved("ago_or_later")
    count = number_value(match.group("n") or "a")
    if count is None:
        return None
    direction = -1 if backwards else 1
    unit = match.group("unit")
    base = (
        context.anchor
        if said in _COUNTED_FROM_ANCHOR or said == ""
        else context.reference or _previous_start(context, unit) or context.anchor
    )
    if unit in ("day", "night"):
        return on_day(base + timedelta(days=direction * count))
    if unit in ("week", "fortnight"):
        weeks = count * (2 if unit == "fortnight" else 1)
        return in_week(base + timedelta(weeks=direction * weeks))
    if unit == "month":
        return in_month(*add_months(base, direction * count))
    if unit == "year":
        return in_year(base.year + direction * count)
    if unit == "decade":  # "a decade ago" names a year, not a decade
        return in_year(base.year + direction * 10 * count)
    return None


def _whole_days(unit: str, count: str | None) -> int:
    """The whole days a count of hours spans ("48 hours": 2); none for minutes and seconds."""
    hours = number_value(count or "a") if unit == "hour" else None
    return int(hours // 24) if hours else 0


def _previous_start(context: Context, unit: str) -> date | None:
    """ "In 1984 ... One year later": a year or month counted from the value told before."""
    if unit not in ("year", "month") or context.previous is None:
        return None
    interval = context.previous.interval
    return interval[0] if interval else None


_UNIT_STEPS = numbers("relative", "unit_steps")
_RELATIVE_UNIT = re.compile(
    rf"(?:(?:{_EARLIER_OR_LATER}) (?:in )?)?"
    rf"(?P<which>{alternation([*_UNIT_STEPS, *_FROM_NARRATIVE])})"
    rf" (?P<unit>{alternation([*phrases('relative', 'relative_units'), *SEASONS])})"
)
_WITHIN_UNIT = re.compile(
    rf"(?:{_EARLIER_OR_LATER}) in the"
    rf" (?P<unit>{alternation(phrases('relative', 'within_units'))})(?P<which>)"
)


def relative_unit(text: str, context: Context) -> TimeValue | None:
    """'last week', 'this month', 'next year', 'earlier this year', 'later this month'."""
    match = _RELATIVE_UNIT.fullmatch(text) or _WITHIN_UNIT.fullmatch(text)
    if not match:
        return None
    which = match.group("which")
    step = _UNIT_STEPS.get(which, 0)
    base = context.anchor
    if which in _FROM_NARRATIVE:  # "that year": the narrative's, not the article's
        previous = context.previous.interval if context.previous is not None else None
        base = context.reference or (previous[0] if previous else None)
    if base is None:
        return unresolved("relative_unit")
    unit = match.group("unit")
    if unit in SEASONS:
        return _season(base, SEASONS[unit], step)
    if unit == "weekend":
        week = in_week(base + timedelta(weeks=step))
        return TimeValue(f"{week.value}-WE", DATE)
    if unit == "quarter":
        year, month = add_months(base, 3 * step)
        return TimeValue(f"{year:04d}-Q{(month - 1) // 3 + 1}", DATE)
    if unit == "decade":
        return decade_value(base.year // 10 + step)
    if unit == "century":
        return century_value(base.year // 100 + step)
    return shift_unit(base, unit, step)


def _season(base: date, season: str, step: int) -> TimeValue:
    """The season of the anchor's year, or the previous/next occurrence of it."""
    year = base.year
    start_month = SEASON_START[season]
    if step < 0 and (base.month < start_month or (season == "WI" and base.month < 12)):
        year -= 1
    if step < 0 and base.month >= start_month and season != "WI" and base.month <= start_month + 2:
        year -= 1
    if step > 0 and base.month >= start_month:
        year += 1
    return TimeValue(f"{year:04d}-{season}", DATE)


_WEEKDAY_STEPS = numbers("relative", "weekday_steps")
_NOT_TODAY = words("relative", "weekday_not_today")  # "next Friday" said on a Friday
_WEEKDAY = re.compile(
    rf"(?:(?P<which>{alternation(_WEEKDAY_STEPS)}) )?"
    rf"(?P<day>{WEEKDAY_PATTERN})(?:'s)?"
    rf"(?: (?P<part>{_PART}))?"
)


def weekday(text: str, context: Context) -> TimeValue | None:
    match = _WEEKDAY.fullmatch(text)
    if not match:
        return None
    if context.anchor is None:
        return unresolved("weekday")
    target = weekday_number(match.group("day"))
    assert target is not None  # WEEKDAY_PATTERN matches weekday names only
    which = match.group("which") or ""
    step = _WEEKDAY_STEPS.get(which, 0)
    tense = PAST if step < 0 else FUTURE if step > 0 else context.tense
    candidates = nearest_weekdays(context.anchor, target, strictly=which in _NOT_TODAY)
    chosen = pick(candidates, context.anchor, tense)
    # "Wednesday night" is dated by its day, as TimeBank annotates it; the part of the day is
    # kept only for a bare part of day ("this morning"), which has no other date.
    return on_day(chosen)


_ORDINAL_DAY = rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)|(?P<word>{alternation(ORDINAL_WORDS)})"
_DAY_OF_MONTH_STEPS = numbers("relative", "day_of_month_steps")
_DAY_OF_MONTH = re.compile(
    rf"the (?:{_ORDINAL_DAY})"
    rf"(?: of (?:(?P<which>{alternation(_DAY_OF_MONTH_STEPS)}) month"
    rf"|(?P<month>{MONTH_PATTERN})(?:,? (?P<year>\d{{4}}))?))?"
)


def day_of_month(text: str, context: Context) -> TimeValue | None:
    """'the 13th', 'the 26th of last month', 'the 8th of March'.

    dateparser reads 'the 8th' as August; here it is a day of the anchor's month or a
    neighbouring one, as the tense says.
    """
    match = _DAY_OF_MONTH.fullmatch(text)
    if not match:
        return None
    day = int(match.group("day") or ORDINAL_WORDS.get(match.group("word") or "", 0))
    if match.group("month") and match.group("year"):
        return on_day(date(int(match.group("year")), month_number(match.group("month")), day))
    if context.anchor is None:
        return unresolved("day_of_month")
    anchor = context.anchor
    if match.group("which"):
        year, month = add_months(anchor, _DAY_OF_MONTH_STEPS[match.group("which")])
        return on_day(date(year, month, day))
    if match.group("month"):
        return month_day(month_number(match.group("month")), day, context)
    candidates = []
    for step in (-1, 0, 1):
        try:
            year, month = add_months(anchor, step)
            candidates.append(date(year, month, day))
        except ValueError:  # no such day in that month, or a month off the calendar
            continue
    return on_day(pick(candidates, anchor, context.tense))


_YEAR_STEPS = numbers("relative", "year_steps")
_DAY_IN_RELATIVE_YEAR = re.compile(
    rf"(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?(?P<m1>{MONTH_PATTERN})"
    rf"|(?P<m2>{MONTH_PATTERN}) (?P<d2>\d{{1,2}})(?:st|nd|rd|th)?),? (?:of )?"
    rf"(?P<which>{alternation([*_YEAR_STEPS, *_FROM_NARRATIVE])}) year"
)
_MONTH_IN_RELATIVE_YEAR = re.compile(
    rf"(?P<m>{MONTH_PATTERN}) (?:of )?(?P<which>{alternation(_YEAR_STEPS)}) year"
)
_RELATIVE_MONTH = re.compile(rf"(?P<which>{alternation(MONTH_STEPS)}) (?P<m>{MONTH_PATTERN})")


def month_with_relative_year(text: str, context: Context) -> TimeValue | None:
    """'October last year', 'last October', 'October of next year', 'this October';
    '25 June last year' and 'June 25 last year' with their day."""
    day = _DAY_IN_RELATIVE_YEAR.fullmatch(text)
    if day:
        if day.group("which") in _FROM_NARRATIVE:  # "25 June that year": the story's year
            told = context.previous.interval if context.previous is not None else None
            if told is None:
                return unresolved("month_with_relative_year")
            month = month_number(day.group("m1") or day.group("m2"))
            return on_day(date(told[0].year, month, int(day.group("d1") or day.group("d2"))))
        if context.anchor is None:
            return unresolved("month_with_relative_year")
        step = _YEAR_STEPS[day.group("which")]
        month = month_number(day.group("m1") or day.group("m2"))
        return on_day(
            date(context.anchor.year + step, month, int(day.group("d1") or day.group("d2")))
        )
    in_year_match = _MONTH_IN_RELATIVE_YEAR.fullmatch(text)
    match = in_year_match or _RELATIVE_MONTH.fullmatch(text)
    if not match:
        return None
    if context.anchor is None:
        return unresolved("month_with_relative_year")
    month = month_number(match.group("m"))
    anchor = context.anchor
    which = match.group("which")
    if in_year_match:
        return in_month(anchor.year + _YEAR_STEPS[which], month)
    step = MONTH_STEPS[which]
    if step < 0:
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif step > 0:
        year = anchor.year if month > anchor.month else anchor.year + 1
    else:
        year = anchor.year
    return in_month(year, month)


_WEEKDAY_AND_DATE = re.compile(
    rf"(?:(?:{alternation(MONTH_STEPS)}) )?{WEEKDAY_PATTERN},? (?:the )?(?P<date>.+)"
)


def weekday_and_date(text: str, context: Context) -> TimeValue | None:
    """'Monday, Oct. 26' and 'this coming Sunday, March 8th': the date decides, the weekday
    only confirms it."""
    match = _WEEKDAY_AND_DATE.fullmatch(text)
    if match is None or not re.search(r"\d", match.group("date")):
        return None
    return month_day_year(match.group("date"), context) or day_of_month(
        f"the {match.group('date')}", context
    )


_HOLIDAYS = holidays()
_HOLIDAY_STEPS = numbers("holidays", "which")  # "last Christmas"
_HOLIDAY_YEARS = numbers("holidays", "years")  # "last year's Christmas"
_HOLIDAY = re.compile(
    rf"(?:(?P<which>{alternation([*_HOLIDAY_STEPS, *_HOLIDAY_YEARS])}) )?(?P<name>.+?)"
    r"(?: (?P<year>\d{4}))?"
)


def holiday(text: str, context: Context) -> TimeValue | None:
    """Named days: 'Christmas', 'Thanksgiving Day', 'Election Day', 'Easter', with an optional
    year or 'last'/'next'; otherwise the occurrence the tense points to."""
    match = _HOLIDAY.fullmatch(text)
    if match is None or _holiday_name(match.group("name")) not in _HOLIDAYS:
        return None
    name, which = match.group("name"), match.group("which") or ""
    if match.group("year"):
        day = _holiday_in(name, int(match.group("year")))
        return in_week(day) if name.endswith(" week") else on_day(day)
    if context.anchor is None:
        return unresolved("holiday")
    anchor = context.anchor
    if which in _HOLIDAY_YEARS:
        return on_day(_holiday_in(name, anchor.year + _HOLIDAY_YEARS[which]))
    candidates = [
        _holiday_in(name, year) for year in (anchor.year - 1, anchor.year, anchor.year + 1)
    ]
    step = _HOLIDAY_STEPS.get(which, 0)
    if step:  # said outright: no reach limit
        day = pick(candidates, anchor, PAST if step < 0 else FUTURE)
    else:
        day = pick_within_reach(candidates, anchor, context.tense)
    return in_week(day) if name.endswith(" week") else on_day(day)


def _holiday_name(name: str) -> str:
    """'Christmas week' and 'Easter weekend' are dated by their holiday."""
    return name.removesuffix(" week").removesuffix(" weekend")


def _holiday_in(name: str, year: int) -> date:
    """The day a holiday falls on in a year (temporal/data/holidays.toml says how)."""
    rule = _HOLIDAYS[_holiday_name(name)]
    if rule.days_after_easter is not None:
        return easter(year) + timedelta(days=rule.days_after_easter)
    day = date(year, rule.month, rule.day)
    if rule.weekday is None:
        return day
    # "The fourth Thursday of November": the 4th Thursday counted from November 1.
    return day + relativedelta(weekday=weekdays[rule.weekday](rule.nth))
