"""Temporal expressions found in real sentences, with the tense that sets their direction."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from timeline_cli.temporal.mentions import find_timexes

WEDNESDAY = date(2012, 3, 7)


def values(nlp: Language, text: str, anchor: date | None = WEDNESDAY) -> dict[str, str | None]:
    doc = nlp(text)
    return {t.text: (t.value.value if t.value else None) for t in find_timexes(doc, anchor)}


def test_past_weekday_is_on_or_before_publication(nlp: Language) -> None:
    found = values(nlp, "On Monday in Washington, a U.S. congressman urged the government to act.")
    assert found["Monday"] == "2012-03-05"


def test_future_weekday_after_will(nlp: Language) -> None:
    found = values(nlp, "Kim will meet Secretary of State Hillary Clinton on Friday.")
    assert found["Friday"] == "2012-03-09"


def test_before_meeting_points_forward(nlp: Language) -> None:
    text = (
        "Kim Sung-hwan met with U.N. Secretary-General Ban Ki-moon in New York on Wednesday, "
        "before meeting Hillary Clinton on Friday."
    )
    found = values(nlp, text)
    assert found["Wednesday"] == "2012-03-07"
    assert found["Friday"] == "2012-03-09"


def test_the_8th_is_a_day_not_august(nlp: Language) -> None:
    text = "Human Rights Watch also confirmed on the 8th that China repatriated 60 defectors."
    assert values(nlp, text, date(2024, 5, 14))["the 8th"] == "2024-05-08"


def test_durations_are_found_but_not_dates(nlp: Language) -> None:
    doc = nlp("Some of them have spent nearly three years waiting to seek asylum.")
    timex = next(t for t in find_timexes(doc, WEDNESDAY) if "three years" in t.text)
    assert timex.value is not None and timex.value.type == "DURATION"


def test_no_anchor_leaves_relative_dates_unresolved(nlp: Language) -> None:
    found = values(
        nlp, "The minister held talks on the 13th and visited Beijing in March 2011.", None
    )
    assert found["the 13th"] == "XXXX-XX-XX"
    assert found["March 2011"] == "2011-03"


def test_undated_text_anchors_on_its_own_last_full_date(nlp: Language) -> None:
    text = (
        "Talks resumed on the 13th. The ministers met in Geneva on March 3, 2011. "
        "Two days later, they met again, and on Friday they signed."
    )
    found = values(nlp, text, None)
    assert found["the 13th"] == "XXXX-XX-XX"  # before any full date: nothing to resolve from
    assert found["Two days later"] == "2011-03-05"
    assert found["Friday"] == "2011-02-25"  # past tense: the Friday before Thursday, March 3


def test_prospective_verbs_point_ahead(nlp: Language) -> None:
    found = values(nlp, "Protesters planned a large demonstration in Little Havana on Saturday.")
    assert found["Saturday"] == "2012-03-10"  # published on a Wednesday


def test_detection_splits_ranges_and_stretches_of_a_year(nlp: Language) -> None:
    found = values(nlp, "Profit rose in the first nine months of 1997, and from 1994 to 1996.")
    assert found["the first nine months"] == "P9M"
    assert found["1997"] == "1997"
    assert found["1994"] == "1994" and found["1996"] == "1996"


def test_detection_joins_weekday_and_part_of_day(nlp: Language) -> None:
    found = values(nlp, "The fire broke out on Tuesday morning and burned until noon Thursday.")
    assert found["Tuesday morning"] == "2012-03-06"
    assert found["noon Thursday"].endswith("T12:00")


def test_lists_sets_and_signals(nlp: Language) -> None:
    doc = nlp("Talks were held on March 3, 4 and 5 in Geneva; the deal must close before June.")
    found = {t.text: t.value for t in find_timexes(doc, WEDNESDAY)}
    assert [found[day].value for day in ("March 3", "4", "5")] == [
        "2012-03-03",
        "2012-03-04",
        "2012-03-05",
    ]
    assert found["June"].mod == "BEFORE"
    festival = {t.text: t.value for t in find_timexes(nlp("It is held every May."), WEDNESDAY)}
    assert festival["every May"].type == "SET"


def test_a_length_and_its_day_are_two_expressions(nlp: Language) -> None:
    found = values(nlp, "The talks lasted more than four hours Friday, officials said.")
    assert found.get("Friday") == "2012-03-02" or found.get("Friday") == "2012-03-09"
    assert any(text.endswith("hours") for text in found)


def test_hours_counted_from_the_narrative_day(nlp: Language) -> None:
    text = "The minister landed on Monday. 48 hours later, she met the president."
    assert values(nlp, text)["48 hours later"] == "2012-03-07"


def test_the_narrative_day_holds_over_paragraphs_without_dates(nlp: Language) -> None:
    # one sentence a paragraph, as many sites print them
    text = (
        "The minister landed on Monday.\n\nShe looked tired.\n\n"
        "Two days later, she met the president."
    )
    assert values(nlp, text)["Two days later"] == "2012-03-07"
    five_days = text.replace("Two days later", "Three days later")
    assert values(nlp, five_days)["Three days later"] == "2012-03-08"


def test_since_and_acting_event_nouns_look_back(nlp: Language) -> None:
    text = "Prices have doubled since the strike on 20 August."
    assert values(nlp, text)["20 August"] == "2011-08-20"
    assert values(nlp, "The storm in July destroyed 200 homes.")["July"] == "2011-07"


def test_wire_clock_times_are_found(nlp: Language) -> None:
    found = values(nlp, "At 0400 GMT the minister phoned the radio station.")
    assert found == {"0400 GMT": "2012-03-07T04:00"}


def test_since_looks_back_however_far(nlp: Language) -> None:
    # more than the eight months a past verb may reach back ("said it is payable Dec. 7")
    text = "Sales have tripled since her resignation on 30 April."
    assert values(nlp, text)["30 April"] == "2011-04-30"
    assert values(nlp, "The plant has stayed shut since 1 May.")["1 May"] == "2011-05-01"
    clause = "Cases have doubled since the outbreak was declared on 30 April."
    assert values(nlp, clause)["30 April"] == "2011-04-30"


def test_an_event_to_be_held_lies_ahead(nlp: Language) -> None:
    text = "The club announced a gala to be held on February 2."
    assert values(nlp, text)["February 2"] == "2013-02-02"


def test_the_today_programme_is_no_date(nlp: Language) -> None:
    assert "Today" not in values(nlp, "The minister told the Today programme that cases rose.")
    assert "Today" not in values(nlp, "She said on NBC's Today show that she would run.")
    # the day itself, at a sentence's start or as an adverb, is still a date
    assert values(nlp, "Today the minister said cases rose.")["Today"] == "2012-03-07"


def test_a_march_after_its_day_is_no_part_of_the_date(nlp: Language) -> None:
    found = values(nlp, "Since the March 1 march in Lisbon, the union has doubled.")
    assert found == {"March 1": "2012-03-01"}
