"""Turning a temporal expression into a TimeML value, against an anchor date.

Contract: ``normalize(text, anchor, tense, reference)`` returns a ``TimeValue`` (value, type,
modifier and the name of the rule that decided it) or ``None`` when the text is not a temporal
expression the rules understand. ``anchor`` is the article's publication date (or None when it
is unknown); ``reference`` is the last date the narrative mentioned, for "that day" and "the
next week"; ``tense`` ("past", "present", "future" or "unknown") is that of the verb governing
the expression, which decides the direction of "Friday", "October" and "the 13th".

Relative expressions with no anchor come back with an ``X`` value (``XXXX-XX-XX``): they are
recognized but never guessed from today's date. Durations and sets get DURATION and SET types
and so can never be placed on a timeline. dateparser parses absolute forms ("March 9, 2012");
the rules here decide granularity and direction, which dateparser cannot.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from timeline_cli import dates
from timeline_cli.calendar_words import (
    MONTH_PATTERN,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    WEEKDAY_PATTERN,
    month_number,
    number_value,
    weekday_number,
)
from timeline_cli.timevalue import DATE, DURATION, SET, TIME, TimeValue

UNRESOLVED = "XXXX-XX-XX"
PAST, PRESENT, FUTURE, UNKNOWN = "past", "present", "future", "unknown"

_NUMBER = r"(?:\d+(?:\.\d+)?|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_UNIT = (
    r"(?:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade"
    r"|century|centurie)"
)
_UNIT_CODES = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
    "weekend": "WE", "fortnight": "W", "month": "M", "quarter": "Q", "year": "Y",
    "decade": "DE", "century": "CE", "centurie": "CE",
}  # fmt: skip
_SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}

_MODIFIERS = (
    (r"(?:the )?(?:very )?(?:beginning|start|outset) of (?:the )?", "START"),
    (r"early[- ]", "START"),
    (r"(?:the )?middle of (?:the )?", "MID"),
    (r"mid[- ]?", "MID"),
    (r"(?:the )?(?:very )?end of (?:the )?", "END"),
    (r"late[- ]", "END"),
    (r"(?:about|around|some|roughly|approximately|nearly|almost|close to) ", "APPROX"),
    (r"(?:more than|over|upwards of) ", "MORE_THAN"),
    (r"(?:less than|under|fewer than) ", "LESS_THAN"),
    (r"(?:at least) ", "EQUAL_OR_MORE"),
    (r"(?:at most|no more than|up to) ", "EQUAL_OR_LESS"),
)


@dataclass(frozen=True)
class Context:
    anchor: date | None
    reference: date | None
    tense: str
    mod: str | None


Rule = Callable[[str, Context], TimeValue | None]


def normalize(
    text: str,
    anchor: date | None,
    tense: str = UNKNOWN,
    reference: date | None = None,
) -> TimeValue | None:
    """The TimeML value of a temporal expression, or None if no rule understands it."""
    core, mod = _split_modifier(_simplify(text))
    context = Context(anchor, reference, tense, mod)
    for rule in RULES:
        try:
            value = rule(core, context)
        except (ValueError, OverflowError):  # calendar arithmetic off the calendar's ends
            return None
        if value is not None:
            return replace(value, mod=value.mod or mod, rule=value.rule or rule.__name__)
    return None


def _simplify(text: str) -> str:
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"[–—‑]", "-", text)
    text = re.sub(r"\s+", " ", text).strip(" ,.;:()\"'")
    text = re.sub(r"^(?:on|in|at|since|by|until|till|from|during|of|for|as of|through) ", "", text)
    text = re.sub(r"\s*\((?:local time|[a-z]{2,4} time|[a-z]{3})\)$", "", text)
    return text


def _split_modifier(text: str) -> tuple[str, str | None]:
    for pattern, mod in _MODIFIERS:
        match = re.match(pattern, text)
        if match and match.end() < len(text):
            return text[match.end() :].strip(), mod
    return text, None


# --- helpers -------------------------------------------------------------------------------


def _unresolved(rule: str) -> TimeValue:
    return TimeValue(UNRESOLVED, DATE, rule=rule)


def _day(day: date, rule: str = "") -> TimeValue:
    return TimeValue(day.isoformat(), DATE, rule=rule)


def _month(year: int, month: int, rule: str = "") -> TimeValue:
    return TimeValue(f"{year:04d}-{month:02d}", DATE, rule=rule)


def _year(year: int, rule: str = "") -> TimeValue:
    return TimeValue(f"{year:04d}", DATE, rule=rule)


def _week(day: date, rule: str = "") -> TimeValue:
    iso = day.isocalendar()
    return TimeValue(f"{iso.year:04d}-W{iso.week:02d}", DATE, rule=rule)


def _add_months(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _direction(tense: str) -> int:
    """-1 looks back from the anchor, +1 forward, 0 takes the nearest."""
    return {PAST: -1, FUTURE: 1}.get(tense, 0)


def _pick(candidates: list[date], anchor: date, tense: str) -> date:
    """Of dates around the anchor, the one the tense points to (the nearest when unclear)."""
    direction = _direction(tense)
    if direction < 0:
        return max(day for day in candidates if day <= anchor)
    if direction > 0:
        return min(day for day in candidates if day >= anchor)
    return min(candidates, key=lambda day: (abs((day - anchor).days), day > anchor))


# --- rules, tried in order -------------------------------------------------------------------

_PRESENT_WORDS = (
    r"now|right now|currently|at present|at the moment|presently|nowadays|these days"
    r"|the present|present|today's|this time"
)
_PAST_WORDS = (
    r"recently|lately|the past|previously|formerly|once|earlier|before|in the past"
    r"|some time ago|former times"
)
_FUTURE_WORDS = (
    r"the future|in the future|soon|shortly|later|the coming years|the years ahead|future"
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
        return _unresolved("deictic_day")
    word = match.group(1)
    offsets = {"the day before yesterday": -2, "the day after tomorrow": 2}
    day = context.anchor + timedelta(days=offsets.get(word, _DEICTIC_DAYS.get(word, 0)))
    part = match.group(2) or match.group(3) or ("night" if word == "tonight" else None)
    if part:
        return TimeValue(f"{day.isoformat()}T{_PARTS_OF_DAY[part]}", TIME)
    return _day(day)


def narrative_day(text: str, context: Context) -> TimeValue | None:
    """'that day', 'the next day', 'the following week': relative to the narrative's last date."""
    match = re.fullmatch(
        r"(?:that|the same) (day|week|month|year)"
        r"|the (next|following|previous|preceding) (day|week|month|year)",
        text,
    )
    part_of_day = re.fullmatch(
        r"(?:earlier |later )?(?:that|the same) (morning|afternoon|evening|night)", text
    )
    if not match and not part_of_day:
        return None
    if context.reference is None:
        return _unresolved("narrative_day")
    if part_of_day:
        return TimeValue(
            f"{context.reference.isoformat()}T{_PARTS_OF_DAY[part_of_day.group(1)]}", TIME
        )
    unit = match.group(1) or match.group(3)
    step = {"next": 1, "following": 1, "previous": -1, "preceding": -1}.get(match.group(2) or "", 0)
    return _shift_unit(context.reference, unit, step)


def _shift_unit(day: date, unit: str, step: int) -> TimeValue:
    if unit == "day":
        return _day(day + timedelta(days=step))
    if unit == "week":
        return _week(day + timedelta(weeks=step))
    if unit == "month":
        return _month(*_add_months(day, step))
    return _year(day.year + step)


def age(text: str, context: Context) -> TimeValue | None:
    """'58-year-old' describes a person, not a time."""
    if re.search(r"\byears?[- ]old\b|-year-old|-month-old", text):
        return TimeValue("", "NONE", rule="age")
    return None


def ago_or_later(text: str, context: Context) -> TimeValue | None:
    match = re.fullmatch(
        rf"(?:(?P<n>{_NUMBER}) |a few |several |some )?(?P<unit>{_UNIT})s? "
        r"(?P<dir>ago|earlier|before|later|after|from now|hence)",
        text,
    )
    match = match or re.fullmatch(rf"in (?P<n>{_NUMBER}) (?P<unit>{_UNIT})s?(?P<dir>)", text)
    if not match:
        return None
    if context.anchor is None:
        return _unresolved("ago_or_later")
    count = number_value(match.group("n") or "a") or 1
    direction = -1 if match.group("dir") in ("ago", "earlier", "before") else 1
    base = (
        context.anchor
        if match.group("dir") in ("ago", "from now", "hence", "")
        else context.reference or context.anchor
    )
    unit = match.group("unit")
    if unit in ("day", "night"):
        return _day(base + timedelta(days=direction * count))
    if unit in ("week", "fortnight"):
        return _week(base + timedelta(weeks=direction * count * (2 if unit == "fortnight" else 1)))
    if unit == "month":
        return _month(*_add_months(base, direction * count))
    if unit == "year":
        return _year(base.year + direction * count)
    if unit == "decade":
        return TimeValue(f"{(base.year + direction * 10 * count) // 10:03d}", DATE)
    return None


def duration(text: str, context: Context) -> TimeValue | None:
    match = re.fullmatch(
        r"(?:the |a |an )?(?:(?:past|last|next|first|coming|previous|following|recent|further"
        r"|additional|another|other) )?"
        rf"(?:(?P<n>{_NUMBER})[- ](?:and a half[- ])?|a |an )?(?P<unit>{_UNIT})s?"
        r"(?:[- ]long)?(?: or so)?",
        text,
    )
    if not match:
        return None
    number = match.group("n")
    plural = not number and text.endswith("s")
    with_article = re.match(r"(?:a|an) ", text) is not None
    stretch = re.match(r"the (?:past|last|next|coming|previous|following) ", text) is not None
    if not (number or plural or with_article or stretch):
        return None  # "year", "the year": a reference to a period, not a length of time
    unit_code = _UNIT_CODES[match.group("unit")]
    amount = "X" if number is None and plural else str(number_value(number or "a") or "X")
    if unit_code == "WE":
        return TimeValue(f"P{amount}WE", DURATION)
    if unit_code in ("H", "M", "S") and match.group("unit") in ("hour", "minute", "second"):
        return TimeValue(f"PT{amount}{unit_code}", DURATION)
    if match.group("unit") == "fortnight":
        return TimeValue("P2W", DURATION)
    return TimeValue(f"P{amount}{unit_code}", DURATION)


def frequency(text: str, context: Context) -> TimeValue | None:
    adverbs = {
        "daily": "P1D",
        "weekly": "P1W",
        "monthly": "P1M",
        "annually": "P1Y",
        "yearly": "P1Y",
        "nightly": "P1D",
        "hourly": "PT1H",
        "quarterly": "P3M",
    }
    if text in adverbs:
        return TimeValue(adverbs[text], SET)
    match = re.fullmatch(
        rf"(?:every|each|per) (?:(?P<n>{_NUMBER}) )?"
        rf"(?P<unit>{_UNIT}|{WEEKDAY_PATTERN}|{MONTH_PATTERN})s?",
        text,
    )
    if not match:
        return None
    unit = match.group("unit")
    if unit in _UNIT_CODES:
        code = _UNIT_CODES[unit]
        prefix = "PT" if unit in ("hour", "minute", "second") else "P"
        return TimeValue(f"{prefix}{number_value(match.group('n') or 'a')}{code}", SET)
    if weekday_number(unit) is not None:
        return TimeValue(f"XXXX-WXX-{weekday_number(unit) + 1}", SET)
    return TimeValue(f"XXXX-{month_number(unit):02d}", SET)


def relative_unit(text: str, context: Context) -> TimeValue | None:
    """'last week', 'this month', 'next year', 'earlier this year', 'later this month'."""
    match = re.fullmatch(
        r"(?:(?:earlier|later) (?:in )?)?(?P<which>last|this|next|past|coming|previous|current"
        r"|the current|the coming|the past|the previous|the last|the next|that)"
        r" (?P<unit>week|weekend|month|year|quarter|decade|century"
        r"|spring|summer|fall|autumn|winter)",
        text,
    )
    if not match:
        match = re.fullmatch(r"(?:earlier|later) in the (?P<unit>week|month|year)(?P<which>)", text)
    if not match:
        return None
    which = match.group("which").removeprefix("the ")
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(which, 0)
    base = context.reference if which == "that" else context.anchor
    if base is None:
        return _unresolved("relative_unit")
    unit = match.group("unit")
    if unit in _SEASONS:
        return _season(base, _SEASONS[unit], step)
    if unit == "weekend":
        week = _week(base + timedelta(weeks=step))
        return TimeValue(f"{week.value}-WE", DATE)
    if unit == "quarter":
        year, month = _add_months(base, 3 * step)
        return TimeValue(f"{year:04d}-Q{(month - 1) // 3 + 1}", DATE)
    if unit == "decade":
        return TimeValue(f"{base.year // 10 + step:03d}", DATE)
    if unit == "century":
        return TimeValue(f"{base.year // 100 + step:02d}", DATE)
    return _shift_unit(base, unit, step)


def _season(base: date, season: str, step: int) -> TimeValue:
    """The season of the anchor's year, or the previous/next occurrence of it."""
    year = base.year
    start_month = _SEASON_START[season]
    if step < 0 and (base.month < start_month or (season == "WI" and base.month < 12)):
        year -= 1
    if step < 0 and base.month >= start_month and season != "WI" and base.month <= start_month + 2:
        year -= 1
    if step > 0 and base.month >= start_month:
        year += 1
    return TimeValue(f"{year:04d}-{season}", DATE)


def weekday(text: str, context: Context) -> TimeValue | None:
    match = re.fullmatch(
        r"(?:(?P<which>last|this|next|this past|this coming|coming|past) )?"
        rf"(?P<day>{WEEKDAY_PATTERN})(?:'s)?"
        r"(?: (?P<part>morning|afternoon|evening|night))?",
        text,
    )
    if not match:
        return None
    if context.anchor is None:
        return _unresolved("weekday")
    target = weekday_number(match.group("day"))
    which = match.group("which") or ""
    tense = {
        "last": PAST,
        "this past": PAST,
        "past": PAST,
        "next": FUTURE,
        "coming": FUTURE,
        "this coming": FUTURE,
    }.get(which, context.tense)
    candidates = [context.anchor + timedelta(days=offset) for offset in range(-7, 8)]
    candidates = [day for day in candidates if day.weekday() == target]
    if which in ("last", "next"):
        candidates = [day for day in candidates if day != context.anchor]
    chosen = _pick(candidates, context.anchor, tense)
    if match.group("part"):
        return TimeValue(f"{chosen.isoformat()}T{_PARTS_OF_DAY[match.group('part')]}", TIME)
    return _day(chosen)


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
        return _day(date(int(match.group("year")), month_number(match.group("month")), day))
    if context.anchor is None:
        return _unresolved("day_of_month")
    anchor = context.anchor
    if match.group("which"):
        step = {"last": -1, "the previous": -1, "next": 1}.get(match.group("which"), 0)
        year, month = _add_months(anchor, step)
        return _day(date(year, month, day))
    if match.group("month"):
        return _month_day(month_number(match.group("month")), day, context)
    candidates = []
    for step in (-1, 0, 1):
        year, month = _add_months(anchor, step)
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    return _day(_pick(candidates, anchor, context.tense))


def _month_day(month: int, day: int, context: Context) -> TimeValue:
    anchor = context.anchor
    assert anchor is not None
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    return _day(_pick(candidates, anchor, context.tense))


def month_with_relative_year(text: str, context: Context) -> TimeValue | None:
    """'October last year', 'last October', 'October of next year', 'this October'."""
    match = re.fullmatch(rf"(?P<m>{MONTH_PATTERN}) (?:of )?(?P<which>last|this|next) year", text)
    match = match or re.fullmatch(
        rf"(?P<which>last|this|next|this past|this coming) (?P<m>{MONTH_PATTERN})", text
    )
    if not match:
        return None
    if context.anchor is None:
        return _unresolved("month_with_relative_year")
    month = month_number(match.group("m"))
    anchor = context.anchor
    which = match.group("which")
    if text.endswith("year"):
        step = {"last": -1, "this": 0, "next": 1}[which]
        return _month(anchor.year + step, month)
    if which in ("last", "this past"):
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif which in ("next", "this coming"):
        year = anchor.year if month > anchor.month else anchor.year + 1
    else:
        year = anchor.year
    return _month(year, month)


def month_day_year(text: str, context: Context) -> TimeValue | None:
    """Absolute forms with a month name: 'March 9, 2012', '9 March', 'March 2012', 'March'."""
    month_first = re.fullmatch(
        rf"(?P<m>{MONTH_PATTERN}) (?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,? (?P<y>\d{{4}}))?"
        r"(?: (?P<time>.+))?",
        text,
    )
    day_first = re.fullmatch(
        rf"(?:the )?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?: of)? (?P<m>{MONTH_PATTERN})"
        r"(?:,? (?P<y>\d{4}))?",
        text,
    )
    month_year = re.fullmatch(
        rf"(?P<m>{MONTH_PATTERN})(?:,? (?:of )?(?P<y>\d{{4}}|'\d{{2}}))?", text
    )
    match = month_first or day_first
    if match and (
        match.groupdict().get("time") is None or re.search(r"\d", match.group("time") or "")
    ):
        month = month_number(match.group("m"))
        day = int(match.group("d"))
        if match.group("y"):
            return _parsed_day(f"{match.group('m')} {day} {match.group('y')}")
        if context.anchor is None:
            return _unresolved("month_day")
        return _month_day(month, day, context)
    if month_year:
        month = month_number(month_year.group("m"))
        year_text = month_year.group("y")
        if year_text:
            year = (
                int(year_text)
                if len(year_text) == 4
                else _two_digit_year(int(year_text[1:]), context)
            )
            return _month(year, month)
        if context.anchor is None:
            return _unresolved("month")
        candidates = [
            date(year, month, 1)
            for year in (context.anchor.year - 1, context.anchor.year, context.anchor.year + 1)
        ]
        first_of_anchor_month = context.anchor.replace(day=1)
        chosen = _pick(candidates, first_of_anchor_month, context.tense)
        return _month(chosen.year, month)
    return None


def _parsed_day(text: str) -> TimeValue | None:
    parsed = dates.parse_absolute(text)
    if parsed is None:
        return None
    return _day(parsed[0].date())


def _two_digit_year(two_digits: int, context: Context) -> int:
    century = (context.anchor.year // 100 * 100) if context.anchor else 1900
    year = century + two_digits
    if context.anchor and year > context.anchor.year + 10:
        year -= 100
    return year


def year_forms(text: str, context: Context) -> TimeValue | None:
    """'1998', 'fiscal 1998', "'98", 'the 1990s', "the '90s", 'the 20th century'."""
    if match := re.fullmatch(r"(?:the )?(?:year |fiscal (?:year )?|fy ?)?(\d{4})", text):
        year = int(match.group(1))
        return _year(year) if 1 <= year <= 2999 else None
    if match := re.fullmatch(r"(?:the )?(?:early |mid-?|late )?(\d{3})0'?s", text):
        return TimeValue(match.group(1), DATE)
    if match := re.fullmatch(r"(?:the )?'(\d)0s", text):
        decade = _two_digit_year(int(match.group(1)) * 10, context)
        return TimeValue(f"{decade // 10:03d}", DATE)
    if match := re.fullmatch(r"the (\d{1,2})(?:st|nd|rd|th) century", text):
        return TimeValue(f"{int(match.group(1)) - 1:02d}", DATE)
    if match := re.fullmatch(r"'(\d{2})", text):
        return _year(_two_digit_year(int(match.group(1)), context))
    return None


_ORDINAL_PART = r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|last|final)"
_PART_NUMBERS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
}


def quarter_or_half(text: str, context: Context) -> TimeValue | None:
    match = re.fullmatch(
        rf"(?:the )?(?:{_ORDINAL_PART} |(?P<which>last|this|next|current) )?"
        r"(?:fiscal |calendar )?(?P<unit>quarter|half)"
        rf"(?: of (?:(?P<year>\d{{4}})|(?:the )?(?P<rel>last|this|next) year|the year))?",
        text,
    ) or re.fullmatch(
        r"(?P<q>q[1-4])(?: (?P<year>\d{4}))?(?P<unit>)(?P<ord>)(?P<which>)(?P<rel>)", text
    )
    if not match or not (match.group("ord") or match.groupdict().get("q") or match.group("which")):
        return None
    if match.group("which"):
        return (
            relative_unit(f"{match.group('which')} quarter", context)
            if match.group("unit") == "quarter"
            else None
        )
    unit = match.group("unit") or "quarter"
    count = 4 if unit == "quarter" else 2
    if match.groupdict().get("q"):
        number = int(match.group("q")[1])
    else:
        number = _PART_NUMBERS.get(match.group("ord"), count)
        if number > count:
            return None
    if match.group("year"):
        year = int(match.group("year"))
    elif context.anchor is None:
        return _unresolved("quarter_or_half")
    else:
        year = context.anchor.year + {"last": -1, "next": 1}.get(match.group("rel") or "", 0)
    return TimeValue(f"{year:04d}-{'Q' if unit == 'quarter' else 'H'}{number}", DATE)


def season(text: str, context: Context) -> TimeValue | None:
    match = re.fullmatch(r"(?:the )?(spring|summer|fall|autumn|winter)(?: of)?(?: (\d{4}))?", text)
    if not match:
        return None
    code = _SEASONS[match.group(1)]
    if match.group(2):
        return TimeValue(f"{match.group(2)}-{code}", DATE)
    if context.anchor is None:
        return _unresolved("season")
    return TimeValue(f"{context.anchor.year:04d}-{code}", DATE)


def numeric_date(text: str, context: Context) -> TimeValue | None:
    """'2012-03-09', '03/09/2012', '2012-03'."""
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return TimeValue(text, DATE)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})", text):
        return _parsed_day(text)
    return None


_NAMED_HOURS = {"noon": 12, "midday": 12, "midnight": 0}


def clock_time(text: str, context: Context) -> TimeValue | None:
    """'3 p.m.', '21:28', 'noon' on the anchor day."""
    match = re.fullmatch(
        r"(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*(?P<ampm>a\.?m\.?|p\.?m\.?)?(?: \w+)?", text
    )
    is_clock = match is not None and (match.group("m") or match.group("ampm"))
    if text not in _NAMED_HOURS and not is_clock:
        return None
    if context.anchor is None:
        return _unresolved("clock_time")
    if match is None or not is_clock:
        hour, minute = _NAMED_HOURS[text], 0
    else:
        hour, minute = int(match.group("h")), int(match.group("m") or 0)
        if (match.group("ampm") or "").startswith("p") and hour < 12:
            hour += 12
    if hour > 23 or minute > 59:
        return None
    return TimeValue(f"{context.anchor.isoformat()}T{hour:02d}:{minute:02d}", TIME)


def with_trailing_year(text: str, context: Context) -> TimeValue | None:
    """Anything else that names a year ('Sept. 11, 2001, at 9 a.m.'): dateparser decides."""
    if not re.search(r"\b\d{4}\b", text):
        return None
    parsed = dates.parse_absolute(text)
    if parsed is None:
        return None
    moment, period = parsed
    if period == "year":
        return _year(moment.year)
    if period == "month":
        return _month(moment.year, moment.month)
    return _day(moment.date())


RULES: tuple[Rule, ...] = (
    age,
    reference_words,
    deictic_day,
    narrative_day,
    ago_or_later,
    frequency,
    relative_unit,
    duration,
    weekday,
    day_of_month,
    month_with_relative_year,
    month_day_year,
    quarter_or_half,
    season,
    year_forms,
    numeric_date,
    clock_time,
    with_trailing_year,
)
