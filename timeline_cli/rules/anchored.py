"""Rules for expressions relative to the anchor: "yesterday", "last week", "on Friday",
"the 13th", "three days ago", "October last year", "that day"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from timeline_cli.calendar_words import (
    MONTH_PATTERN,
    ORDINAL_WORDS,
    VAGUE_NUMBERS,
    WEEKDAY_PATTERN,
    month_number,
    number_value,
    weekday_number,
)
from timeline_cli.rules.absolute import month_day_year
from timeline_cli.rules.base import (
    FUTURE,
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
    on_day,
    pick,
    pick_within_reach,
    shift_unit,
    unresolved,
)
from timeline_cli.timevalue import DATE, TIME, TimeValue

_PRESENT_WORDS = (
    r"now|right now|currently|at present|at the moment|presently|nowadays|these days"
    r"|the present|present|today's|this time|current|the current period|this crucial moment"
)


_PAST_WORDS = (
    r"recently|lately|the past|previously|formerly|once|earlier|before|in the past"
    r"|some time ago|former times"
)


_FUTURE_WORDS = (
    r"the future|in the future|soon|shortly|later|the years ahead|future|a later date"
    r"|the (?:near|short|foreseeable) (?:future|term)"
    r"|future (?:years|quarters)"
)


def reference_words(text: str, context: Context) -> TimeValue | None:
    if re.fullmatch(_PRESENT_WORDS, text):
        return TimeValue("PRESENT_REF", DATE)
    if re.fullmatch(_PAST_WORDS, text):
        return TimeValue("PAST_REF", DATE)
    if re.fullmatch(_FUTURE_WORDS, text):
        return TimeValue("FUTURE_REF", DATE)
    return None


_DEICTIC_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}


def deictic_day(text: str, context: Context) -> TimeValue | None:
    match = re.fullmatch(
        r"(today|yesterday|tomorrow|tonight|the day before yesterday|the day after tomorrow"
        r"|this (morning|afternoon|evening))"
        r"(?:'s)?(?: (morning|afternoon|evening|night))?",
        text,
    )
    if not match:
        return None
    if context.anchor is None:
        return unresolved("deictic_day")
    word = match.group(1)
    offsets = {"the day before yesterday": -2, "the day after tomorrow": 2}
    day = context.anchor + timedelta(days=offsets.get(word, _DEICTIC_DAYS.get(word, 0)))
    part = match.group(2) or match.group(3) or ("night" if word == "tonight" else None)
    if part:
        return TimeValue(f"{day.isoformat()}T{PARTS_OF_DAY[part]}", TIME)
    return on_day(day)


def narrative_day(text: str, context: Context) -> TimeValue | None:
    """'that day', 'the next day', 'the following week': relative to the narrative's last date."""
    match = re.fullmatch(
        r"(?:that|the same) (day|week|month|year)"
        r"|the (next|following|previous|preceding) (day|week|month|year)",
        text,
    )
    before_after = re.fullmatch(r"the (day|night|morning|evening|afternoon) (before|after)", text)
    if before_after:
        return _day_around_reference(before_after.group(1), before_after.group(2), context)
    part_of_day = re.fullmatch(
        r"(?:earlier |later )?(?:that|the same|the (next|following))"
        r" (morning|afternoon|evening|night)",
        text,
    )
    if not match and not part_of_day:
        return None
    reference = context.reference
    if reference is None and match and match.group(1) in ("month", "year"):
        interval = context.previous.interval if context.previous is not None else None
        reference = interval[0] if interval else None  # "that year" after "in June 1988"
    if reference is None:
        return unresolved("narrative_day")
    if part_of_day:
        day = reference + timedelta(days=1 if part_of_day.group(1) else 0)
        return TimeValue(f"{day.isoformat()}T{PARTS_OF_DAY[part_of_day.group(2)]}", TIME)
    unit = match.group(1) or match.group(3)
    step = {"next": 1, "following": 1, "previous": -1, "preceding": -1}.get(match.group(2) or "", 0)
    return shift_unit(reference, unit, step)


def _day_around_reference(part: str, which: str, context: Context) -> TimeValue:
    """'the night before', 'the day after': next to the narrative's day."""
    reference = context.reference or context.anchor
    if reference is None:
        return unresolved("narrative_day")
    day = reference + timedelta(days=-1 if which == "before" else 1)
    if part == "day":
        return on_day(day)
    return TimeValue(f"{day.isoformat()}T{PARTS_OF_DAY[part]}", TIME)


_SHORT_UNITS = ("second", "minute", "hour")


def ago_or_later(text: str, context: Context) -> TimeValue | None:
    match = re.fullmatch(
        rf"(?:(?P<n>{NUMBER}) |a few |several |some )?(?P<unit>{UNIT})s? "
        r"(?P<dir>ago|earlier|before|later|after|from now|hence)",
        text,
    )
    match = match or re.fullmatch(rf"in (?P<n>{NUMBER}) (?P<unit>{UNIT})s?(?P<dir>)", text)
    if not match:
        return None
    backwards = match.group("dir") in ("ago", "earlier", "before")
    if match.group("unit") in _SHORT_UNITS and match.group("dir") != "":
        # "minutes later", "two hours earlier": the same day as the one the story tells;
        # "48 hours later", two days after it
        base = context.reference or context.anchor
        if base is None:
            return unresolved("ago_or_later")
        days = _whole_days(match.group("unit"), match.group("n"))
        return on_day(base + timedelta(days=-days if backwards else days))
    vague = re.match(r"(?:a few|several|some) ", text)
    if vague or (match.group("n") or "").lower() in VAGUE_NUMBERS:
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
        if match.group("dir") in ("ago", "from now", "hence", "")
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


def relative_unit(text: str, context: Context) -> TimeValue | None:
    """'last week', 'this month', 'next year', 'earlier this year', 'later this month'."""
    match = re.fullmatch(
        r"(?:(?:earlier|later) (?:in )?)?(?P<which>last|this past|this|next|coming|previous|current"
        r"|the current|the coming|the previous|the last|the next|that)"
        r" (?P<unit>week|weekend|month|year|quarter|decade|century"
        r"|spring|summer|fall|autumn|winter)",
        text,
    )
    if not match:
        match = re.fullmatch(r"(?:earlier|later) in the (?P<unit>week|month|year)(?P<which>)", text)
    if not match:
        return None
    which = match.group("which").removeprefix("the ")
    backwards = ("last", "past", "previous", "this past")
    step = -1 if which in backwards else {"next": 1, "coming": 1}.get(which, 0)
    base = context.anchor
    if which == "that":  # "that year": the narrative's, not the article's
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


def weekday(text: str, context: Context) -> TimeValue | None:
    match = re.fullmatch(
        r"(?:(?P<which>last|this|next|this past|this coming|coming|past|the previous"
        r"|the following) )?"
        rf"(?P<day>{WEEKDAY_PATTERN})(?:'s)?"
        r"(?: (?P<part>morning|afternoon|evening|night))?",
        text,
    )
    if not match:
        return None
    if context.anchor is None:
        return unresolved("weekday")
    target = weekday_number(match.group("day"))
    which = match.group("which") or ""
    backwards = ("last", "this past", "past", "the previous")
    forwards = ("next", "coming", "this coming", "the following")
    tense = PAST if which in backwards else FUTURE if which in forwards else context.tense
    candidates = [context.anchor + timedelta(days=offset) for offset in range(-7, 8)]
    candidates = [day for day in candidates if day.weekday() == target]
    if which in ("last", "next", "the previous", "the following"):
        candidates = [day for day in candidates if day != context.anchor]
    chosen = pick(candidates, context.anchor, tense)
    # "Wednesday night" is dated by its day, as TimeBank annotates it; the part of the day is
    # kept only for a bare part of day ("this morning"), which has no other date.
    return on_day(chosen)


_ORDINAL_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)|(?P<word>" + "|".join(ORDINAL_WORDS) + ")"


def day_of_month(text: str, context: Context) -> TimeValue | None:
    """'the 13th', 'the 26th of last month', 'the 8th of March'.

    dateparser reads 'the 8th' as August; here it is a day of the anchor's month or a
    neighbouring one, as the tense says.
    """
    match = re.fullmatch(
        rf"the (?:{_ORDINAL_DAY})(?: of (?:(?P<which>last|this|next|the previous|the same) month"
        rf"|(?P<month>{MONTH_PATTERN})(?:,? (?P<year>\d{{4}}))?))?",
        text,
    )
    if not match:
        return None
    day = int(match.group("day") or ORDINAL_WORDS.get(match.group("word") or "", 0))
    if match.group("month") and match.group("year"):
        return on_day(date(int(match.group("year")), month_number(match.group("month")), day))
    if context.anchor is None:
        return unresolved("day_of_month")
    anchor = context.anchor
    if match.group("which"):
        step = {"last": -1, "the previous": -1, "next": 1}.get(match.group("which"), 0)
        year, month = add_months(anchor, step)
        return on_day(date(year, month, day))
    if match.group("month"):
        return month_day(month_number(match.group("month")), day, context)
    candidates = []
    for step in (-1, 0, 1):
        year, month = add_months(anchor, step)
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    return on_day(pick(candidates, anchor, context.tense))


def month_with_relative_year(text: str, context: Context) -> TimeValue | None:
    """'October last year', 'last October', 'October of next year', 'this October';
    '25 June last year' and 'June 25 last year' with their day."""
    day = re.fullmatch(
        rf"(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?(?P<m1>{MONTH_PATTERN})"
        rf"|(?P<m2>{MONTH_PATTERN}) (?P<d2>\d{{1,2}})(?:st|nd|rd|th)?),? (?:of )?"
        r"(?P<which>last|this|next|that) year",
        text,
    )
    if day:
        if day.group("which") == "that":  # "25 June that year": the year the story tells
            told = context.previous.interval if context.previous is not None else None
            if told is None:
                return unresolved("month_with_relative_year")
            month = month_number(day.group("m1") or day.group("m2"))
            return on_day(date(told[0].year, month, int(day.group("d1") or day.group("d2"))))
        if context.anchor is None:
            return unresolved("month_with_relative_year")
        step = {"last": -1, "this": 0, "next": 1}[day.group("which")]
        month = month_number(day.group("m1") or day.group("m2"))
        return on_day(
            date(context.anchor.year + step, month, int(day.group("d1") or day.group("d2")))
        )
    match = re.fullmatch(rf"(?P<m>{MONTH_PATTERN}) (?:of )?(?P<which>last|this|next) year", text)
    match = match or re.fullmatch(
        rf"(?P<which>last|this|next|this past|this coming) (?P<m>{MONTH_PATTERN})", text
    )
    if not match:
        return None
    if context.anchor is None:
        return unresolved("month_with_relative_year")
    month = month_number(match.group("m"))
    anchor = context.anchor
    which = match.group("which")
    if text.endswith("year"):
        step = {"last": -1, "this": 0, "next": 1}[which]
        return in_month(anchor.year + step, month)
    if which in ("last", "this past"):
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif which in ("next", "this coming"):
        year = anchor.year if month > anchor.month else anchor.year + 1
    else:
        year = anchor.year
    return in_month(year, month)


def weekday_and_date(text: str, context: Context) -> TimeValue | None:
    """'Monday, Oct. 26' and 'this coming Sunday, March 8th': the date decides, the weekday
    only confirms it."""
    match = re.fullmatch(
        rf"(?:(?:this|next|last|this coming|this past) )?{WEEKDAY_PATTERN},? (?:the )?(?P<date>.+)",
        text,
    )
    if match is None or not re.search(r"\d", match.group("date")):
        return None
    return month_day_year(match.group("date"), context) or day_of_month(
        f"the {match.group('date')}", context
    )


_HOLIDAYS_FIXED = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "new year": (1, 1),
    "independence day": (7, 4), "the fourth of july": (7, 4), "fourth of july": (7, 4),
    "halloween": (10, 31), "valentine's day": (2, 14), "veterans day": (11, 11),
    "boxing day": (12, 26), "may day": (5, 1),
}  # fmt: skip


def holiday(text: str, context: Context) -> TimeValue | None:
    """Named days: 'Christmas', 'Thanksgiving Day', 'Election Day', 'Easter', with an optional
    year or 'last'/'next'; otherwise the occurrence the tense points to."""
    match = re.fullmatch(
        r"(?:(?P<which>last|this|next|this year's|last year's) )?(?P<name>.+?)"
        r"(?: (?P<year>\d{4}))?",
        text,
    )
    if match is None or _holiday_in(match.group("name"), 2000) is None:
        return None
    name, which = match.group("name"), match.group("which") or ""
    if match.group("year"):
        day = _holiday_in(name, int(match.group("year")))
        return (in_week(day) if name.endswith(" week") else on_day(day)) if day else None
    if context.anchor is None:
        return unresolved("holiday")
    anchor = context.anchor
    candidates = [
        d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := _holiday_in(name, y))
    ]
    if which in ("this year's", "last year's"):
        day = _holiday_in(name, anchor.year - (1 if which.startswith("last") else 0))
        return on_day(day) if day else None
    if which in ("last", "next"):  # said outright: no reach limit
        day = pick(candidates, anchor, PAST if which == "last" else FUTURE)
    else:
        day = pick_within_reach(candidates, anchor, context.tense)
    return in_week(day) if name.endswith(" week") else on_day(day)


def _holiday_in(name: str, year: int) -> date | None:
    name = name.removesuffix(" week").removesuffix(" weekend")
    if name in _HOLIDAYS_FIXED:
        month, day = _HOLIDAYS_FIXED[name]
        return date(year, month, day)
    if name in ("thanksgiving", "thanksgiving day"):  # the fourth Thursday of November (US)
        return _nth_weekday(year, 11, 3, 4)
    if name == "election day":  # the Tuesday after the first Monday of November (US)
        return _nth_weekday(year, 11, 0, 1) + timedelta(days=1)
    if name == "labor day":
        return _nth_weekday(year, 9, 0, 1)
    if name == "memorial day":
        return _nth_weekday(year, 6, 0, 1) - timedelta(days=7)
    if name in ("easter", "easter sunday", "good friday", "easter monday"):
        easter = _easter(year)
        return easter + timedelta(days={"good friday": -2, "easter monday": 1}.get(name, 0))
    return None


def _nth_weekday(year: int, month: int, weekday_index: int, nth: int) -> date:
    first = date(year, month, 1)
    offset = (weekday_index - first.weekday()) % 7
    return first + timedelta(days=offset + 7 * (nth - 1))


def _easter(year: int) -> date:
    """Easter Sunday (Gregorian), by the anonymous algorithm of 1876."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * weekday_shift) // 433
    month = (h + weekday_shift - 7 * m + 90) // 25
    return date(year, month, (h + weekday_shift - 7 * m + 33 * month + 19) % 32)
