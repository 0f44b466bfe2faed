"""Normalization rules, tried in order by ``timeline_cli.temporal.normalize``; the first that
understands an expression decides its value. Each takes the simplified text and a Context and
returns a TimeValue or None."""

from __future__ import annotations

from timeline_cli.temporal.rules.absolute import (
    before_common_era,
    day_range,
    month_day_year,
    numeric_date,
    with_trailing_year,
    year_forms,
    year_range,
)
from timeline_cli.temporal.rules.amounts import age, duration, frequency, recurring_days
from timeline_cli.temporal.rules.anchored import (
    ago_or_later,
    day_of_month,
    deictic_day,
    holiday,
    month_with_relative_year,
    narrative_day,
    reference_words,
    relative_unit,
    weekday,
    weekday_and_date,
)
from timeline_cli.temporal.rules.base import Rule
from timeline_cli.temporal.rules.clock import clock_time, daylight, part_of_day, time_on_day
from timeline_cli.temporal.rules.periods import (
    business_year,
    quarter_or_half,
    season,
    week_of,
    weekend,
    year_before_quarter,
)

RULES: tuple[Rule, ...] = (
    before_common_era,
    age,
    reference_words,
    deictic_day,
    narrative_day,
    year_before_quarter,
    ago_or_later,
    recurring_days,
    frequency,
    relative_unit,
    business_year,
    weekend,
    week_of,
    duration,
    holiday,
    weekday_and_date,
    weekday,
    day_of_month,
    month_with_relative_year,
    day_range,
    year_range,
    month_day_year,
    time_on_day,
    quarter_or_half,
    season,
    year_forms,
    numeric_date,
    clock_time,
    part_of_day,
    daylight,
    with_trailing_year,
)
