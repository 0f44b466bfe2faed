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
import unicodedata
from dataclasses import replace
from datetime import date

from timeline_cli.calendar_words import MONTH_PATTERN, NUMBER_WORDS, ORDINAL_WORDS
from timeline_cli.rules import RULES
from timeline_cli.rules.base import FUTURE, PAST, PRESENT, UNKNOWN, UNRESOLVED, Context
from timeline_cli.timevalue import TimeValue

__all__ = ["FUTURE", "INVALID", "PAST", "PRESENT", "UNKNOWN", "UNRESOLVED", "normalize"]

# The type of an expression that names an impossible date ("February 30"): found, reported,
# never placed on the calendar.
INVALID = "INVALID"

_HEDGES = (
    r"(?:just|only|barely|merely|even|both|sometime|some time|earlier|later"
    r"|as recently as|as early as"
    r"|as late as|as long as|as far back as"
    r"|the (?:night|morning|evening|afternoon|early hours|eve) of"
    r"|(?:a|an)(?= \d| jan| feb| mar| apr| may| jun| jul| aug| sep| oct| nov| dec))"
    r" "
)


_MODIFIERS = (
    (r"(?:the )?(?:very )?(?:beginning|start|outset) of (?:the )?", "START"),
    (r"(?:the )?early[- ]", "START"),
    (r"(?:the )?middle of (?:the )?", "MID"),
    (r"mid(?:-| |(?=\d))", "MID"),
    (r"(?:the )?(?:very )?end of (?:the )?", "END"),
    (r"(?:the )?late[- ]", "END"),
    (r"(?:about|around|some(?= \d)|roughly|approximately|nearly|almost|close to) ", "APPROX"),
    (r"(?:more than|over|upwards of) ", "MORE_THAN"),
    (r"(?:less than|under|fewer than) ", "LESS_THAN"),
    (r"(?:at least) ", "EQUAL_OR_MORE"),
    (r"(?:at most|no more than|up to) ", "EQUAL_OR_LESS"),
    (r"(?:before|prior to|earlier than) ", "BEFORE"),
    (r"(?:no later than|not later than) ", "ON_OR_BEFORE"),
    (r"(?:after|later than) ", "AFTER"),
)


def normalize(
    text: str,
    anchor: date | None,
    tense: str = UNKNOWN,
    reference: date | None = None,
    previous: TimeValue | None = None,
    focus_quarter: TimeValue | None = None,
) -> TimeValue | None:
    """The TimeML value of a temporal expression, or None if no rule understands it."""
    core, mod = _split_modifier(_simplify(text))
    context = Context(anchor, reference, tense, mod, previous, focus_quarter)
    for rule in RULES:
        try:
            value = rule(core, context)
        except (ValueError, OverflowError):  # "February 30", or arithmetic off the calendar
            return TimeValue("", INVALID, mod=mod, rule=rule.__name__)
        if value is not None:
            return replace(value, mod=value.mod or mod, rule=value.rule or rule.__name__)
    return None


def _simplify(text: str) -> str:
    """Lower case, plain quotes and dashes, no surrounding prepositions, time zones or "'s"."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = "".join(char for char in text if unicodedata.category(char) != "Cf")  # zero-width
    text = re.sub(r"[–—‑]", "-", text)
    text = re.sub(r"\s*\((?:local time|[a-z]{2,4} time|[a-z]{3,4})\)\s*$", "", text)
    text = re.sub(r"\s+", " ", text).strip(" ,.;:()\"'")
    text = re.sub(r"\b(\w+) \1\b", r"\1", text)  # "the the end of November"
    text = re.sub(r"'s$", "", text)
    text = re.sub(
        r"^(?:on|in|at(?! least| most)|since|by|until|till|from|during|of|for|as of|through"
        r"|over(?= the))"
        r" ",
        "",
        text,
    )
    text = re.sub(r" (?:or so|or thereabouts)\b", "", text)
    text = re.sub(r"\b(?:[ecmp][sd]?t|gmt|utc)\b ?", "", text).strip()
    text = re.sub(r"^as of press time$|^press time$", "today", text)
    return _digits_for_words(text)


_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_DECADES = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}  # fmt: skip


def _digits_for_words(text: str) -> str:
    """Spoken years and dates as digits: "nineteen ninety-six" -> "1996", "the nineties" ->
    "the 1990s", "the year two thousand" -> "the year 2000", "march eighth" -> "march 8th".
    Broadcast transcripts spell them out; the rules read digits."""

    def number(word: str) -> int:
        return NUMBER_WORDS[word]

    def spoken_year(match: re.Match[str]) -> str:
        century, tens, unit = match.group(1), match.group(2), match.group(3)
        return str(number(century) * 100 + number(tens) + (number(unit) if unit else 0))

    text = re.sub(
        rf"\b({_TEENS}|twenty) ({_TENS}|{_TEENS})(?:[- ]({_UNITS}))?\b", spoken_year, text
    )
    text = re.sub(
        rf"\btwo thousand(?: and)?(?: ({_UNITS}|{_TEENS}))?\b",
        lambda m: str(2000 + (number(m.group(1)) if m.group(1) else 0)),
        text,
    )
    text = re.sub(
        r"\b(?:the )?(" + "|".join(_DECADES) + r")\b",
        lambda m: f"the 19{_DECADES[m.group(1)]}0s",
        text,
    )
    return re.sub(
        rf"\b({MONTH_PATTERN}) ({'|'.join(ORDINAL_WORDS)})\b",
        lambda m: f"{m.group(1)} {ORDINAL_WORDS[m.group(2)]}th",
        text,
    )


def _split_modifier(text: str) -> tuple[str, str | None]:
    """Peel hedges ("just", "sometime") and modifiers ("early", "at least") off the front;
    the first modifier found is the expression's mod."""
    found: str | None = None
    peeled = True
    while peeled:
        peeled = False
        hedge = re.match(_HEDGES, text)
        if hedge and hedge.end() < len(text):
            text, peeled = text[hedge.end() :], True
        for pattern, mod in _MODIFIERS:
            match = re.match(pattern, text)
            if match and match.end() < len(text):
                text, found, peeled = text[match.end() :].strip(), found or mod, True
                break
    if found and text in ("day", "week", "month", "year", "quarter", "decade", "century"):
        text = f"this {text}"  # "the end of the month" is this month's end
    return text, found
