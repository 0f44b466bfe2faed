"""Events read from short real sentences with the real spaCy pipeline."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from timeline_cli.core.models import Document, Event, Publication, Segment
from timeline_cli.events.extract import extract_events
from timeline_cli.temporal.mentions import find_timexes


def events_of(nlp: Language, text: str, published: date | None = date(2024, 5, 14)) -> list[Event]:
    document = Document(
        id="article",
        path="article.txt",
        text=text,
        body=text,
        segments=(Segment(0, 0, len(text)),),
        publication=Publication(published, "option" if published else None),
    )
    doc = nlp(text)
    return extract_events(doc, document, find_timexes(doc, published))


def only(events: list[Event], event_type: str) -> Event:
    matching = [event for event in events if event.type == event_type]
    assert len(matching) == 1, matching
    return matching[0]


def test_meeting_with_date_actors_and_place(nlp: Language) -> None:
    text = (
        "On the 13th (local time), Minister Cho Tae-yul held talks with Wang Yi "
        "at the Diaoyutai State Guesthouse in Beijing, China."
    )
    meeting = only(events_of(nlp, text), "talks")
    assert meeting.date is not None and meeting.date.value == "2024-05-13"
    assert meeting.precision == "day"
    assert meeting.actors[:2] == ("Cho Tae-yul", "Wang Yi")
    assert "Beijing, China" in meeting.places  # a place in two parts stays whole
    assert meeting.mention.date_text == "the 13th"
    assert text[meeting.mention.start : meeting.mention.end] == meeting.mention.sentence


def test_statement_by_organisation_with_acronym(nlp: Language) -> None:
    text = (
        "The international human rights organization Human Rights Watch (HRW) also confirmed "
        "on the 8th that the Chinese government recently repatriated about 60 defectors."
    )
    statement = only(events_of(nlp, text), "statement")
    assert statement.actors[0] == "Human Rights Watch"
    assert statement.date is not None and statement.date.value == "2024-05-08"


def test_repatriation_month_precision(nlp: Language) -> None:
    text = (
        "Earlier, China forcibly repatriated about 500 North Korean defectors immediately "
        "after the closing of the Hangzhou Asian Games in October last year."
    )
    repatriation = only(events_of(nlp, text), "repatriation")
    assert repatriation.date is not None and repatriation.date.value == "2023-10"
    assert repatriation.precision == "month"
    assert repatriation.actors[0] == "China"


def test_sentence_without_date_gets_publication_precision(nlp: Language) -> None:
    statement = only(
        events_of(nlp, "Clinton said Washington has engagement with China."), "statement"
    )
    assert statement.precision == "publication"
    assert statement.date is not None and statement.date.value == "2024-05-14"


def test_statement_is_dated_by_its_when_clause(nlp: Language) -> None:
    text = (
        "Clinton said Glyn Davies raised our concerns with senior Chinese officials "
        "when he visited China last month."
    )
    events = events_of(nlp, text, date(2012, 3, 9))
    raised = [e for e in events if e.type == "statement" and e.actors[0] == "Glyn Davies"]
    assert raised and raised[0].date is not None and raised[0].date.value == "2012-02"
    visit = only(events, "visit")
    assert visit.actors == ("Glyn Davies",) and visit.places == ("China",)


def test_negated_and_unreal_events_are_skipped(nlp: Language) -> None:
    assert not [
        e
        for e in events_of(nlp, "There has been no separate meeting between Kim and Ri.")
        if e.type in ("meeting", "talks")
    ]
    unreal = events_of(nlp, "Ri Yong-ho rejected an offer of talks by Lim Sung-nam.")
    assert not [e for e in unreal if e.type in ("meeting", "talks")]


def test_future_event_without_date_is_skipped(nlp: Language) -> None:
    events = events_of(
        nlp, "Kim Soo-kwon will meet with Chinese foreign ministry officials in Beijing."
    )
    assert not [e for e in events if e.type == "meeting"]


def test_topic_nouns_are_not_events(nlp: Language) -> None:
    text = "Cho Tae-yul pointed out the issue of forced repatriation of North Korean defectors."
    assert not [e for e in events_of(nlp, text) if e.type == "repatriation"]


def test_surname_links_to_full_name(nlp: Language) -> None:
    text = "Hillary Clinton arrived in Seoul. Clinton met Kim Sung-hwan on Friday."
    meeting = only(events_of(nlp, text, date(2012, 3, 9)), "meeting")
    assert meeting.actors[0] == "Hillary Clinton"


def test_unnamed_speakers_are_not_statements(nlp: Language) -> None:
    events = events_of(
        nlp, "“We urge every country to act according to international obligations,” she added."
    )
    assert not [e for e in events if e.actors == ()]


def test_the_storys_own_reporters_make_no_statement(nlp: Language) -> None:
    text = "The mayor resigned on Monday, our correspondent says."
    assert [e.type for e in events_of(nlp, text)] == ["resignation"]
    reporter = "A Reuters reporter said on Friday that the border post was empty."
    assert "statement" not in [e.type for e in events_of(nlp, reporter)]
    # a named speaker of the same sentence still makes one
    named = "Mayor Ana Ruiz said on Friday that the border post was empty."
    assert "statement" in [e.type for e in events_of(nlp, named)]


def test_a_state_held_since_a_year_is_no_event(nlp: Language) -> None:
    assert events_of(nlp, "The island has been governed from Lisbon since 1975.") == []
    held = events_of(nlp, "The reporter has been detained since Monday.")
    assert [(e.date.value if e.date else None) for e in held] == ["2024-05-13"]


def test_a_refusal_to_comment_is_no_event(nlp: Language) -> None:
    assert events_of(nlp, "The club's owners declined to comment on Saturday.") == []
    assert events_of(nlp, "Her lawyer refused to say on Monday where she was.") == []


def test_the_bounds_of_an_accounting_period_are_no_events(nlp: Language) -> None:
    text = "Revenue for the fiscal year, which ends on March 31, will rise, the firm said."
    assert "2025-03-31" not in [e.date.value for e in events_of(nlp, text) if e.date]
    text = "Profit rose in the quarter that ended on March 31, the firm said."
    assert "2024-03-31" not in [e.date.value for e in events_of(nlp, text) if e.date]
    # what ends on a day is still an event when it is no period
    strike = events_of(nlp, "The strike ended on Friday.")
    assert [e.date.value for e in strike if e.date] == ["2024-05-10"]


def test_a_closing_attribution_the_parse_left_unattached_is_a_statement(nlp: Language) -> None:
    text = (
        "One of the governor's aides has warned the mayor that he has lost much of his support "
        "among Democrats, prompting an intense effort by the mayor to keep his job by showing "
        "his party's backing, city hall and Democratic sources said Monday."
    )
    (statement,) = [e for e in events_of(nlp, text) if e.type == "statement"]
    assert statement.date is not None and statement.date.value == "2024-05-13"
    assert statement.summary == "city hall and Democratic sources said Monday"


def test_a_bare_plural_saying_in_the_present_is_background(nlp: Language) -> None:
    assert events_of(nlp, "Analysts say the new rules are hurting small dairies.") == []
    # a speaker of its own, or a day, still makes a statement
    said = events_of(nlp, "The farmers' union says the new rules are hurting small dairies.")
    assert [e.type for e in said] == ["statement"]
    dated = events_of(nlp, "Farmers said on Monday that the rules hurt small dairies.")
    assert "statement" in [e.type for e in dated]


def test_the_present_perfect_of_the_lead_is_the_days_news(nlp: Language) -> None:
    text = (
        "A federal appeals court has reinstated the former mayor's fraud convictions. "
        "The mayor was first convicted in 2019. Prosecutors welcomed the decision. "
        "His lawyers argued that the trial was unfair. "
        "The city has changed a great deal since then."
    )
    events = events_of(nlp, text)
    lead = [e for e in events if e.trigger == "reinstate"]
    assert [(e.date.value if e.date else None, e.precision) for e in lead] == [
        ("2024-05-14", "publication")
    ]
    assert not [e for e in events if e.trigger == "change"]  # not the lead: no date


def test_the_simple_past_of_the_lead_sentence_is_the_days_news(nlp: Language) -> None:
    text = "Riot police clashed with farmers outside parliament. The farmers blocked a road."
    events = events_of(nlp, text)
    assert [(e.trigger, e.precision) for e in events] == [("clash", "publication")]


def test_the_period_a_figure_covers_does_not_date_its_report(nlp: Language) -> None:
    reported = events_of(nlp, "The carmaker reported a loss for the third quarter.")
    assert [(e.type, e.precision) for e in reported] == [("announcement", "publication")]
    # a plan for a month is still dated by it
    planned = events_of(nlp, "The vote is scheduled for next month.")
    assert [e.date.value for e in planned if e.date] == ["2024-06"]


def test_a_speaker_undated_saying_takes_the_day_of_their_dated_one(nlp: Language) -> None:
    text = (
        "Mayor Tom Breck said on Monday that the bridge would close. "
        "He added that buses would run. Ana Ruiz, a councillor, said the plan was rushed."
    )
    said = {
        (e.actors[:1], e.date.value if e.date else None, e.precision) for e in events_of(nlp, text)
    }
    assert (("Tom Breck",), "2024-05-13", "day") in said
    # another speaker's saying is still dated by the report
    assert [item[2] for item in said if item[0] != ("Tom Breck",)] == ["publication"]
    assert not [item for item in said if item[0] == ("Tom Breck",) and item[2] == "publication"]


def test_unnamed_voices_after_the_lead_make_no_statement(nlp: Language) -> None:
    text = (
        "The river burst its banks on Monday. Rescuers reached the village on Tuesday. "
        "Officials said the water was falling."
    )
    assert "statement" not in [e.type for e in events_of(nlp, text)]
    # in the lead, or named, a saying is still a statement
    lead = "Officials said the water was falling. The river burst its banks on Monday."
    assert "statement" in [e.type for e in events_of(nlp, lead)]


def test_undated_article_keeps_relative_dates_unresolved(nlp: Language) -> None:
    meeting = only(
        events_of(nlp, "Minister Cho Tae-yul held talks with Wang Yi on the 13th.", None), "talks"
    )
    assert meeting.precision == "unresolved"


def test_pronoun_subjects_are_written_as_names_in_the_summary(nlp: Language) -> None:
    text = "Clinton said Glyn Davies raised our concerns when he visited China last month."
    visit = only(events_of(nlp, text, date(2012, 3, 9)), "visit")
    assert visit.summary == "Glyn Davies visited China last month"


def test_persons_come_before_their_countries_among_actors(nlp: Language) -> None:
    text = "U.S. Secretary of State Hillary Clinton made clear Friday that she opposes it."
    statement = only(events_of(nlp, text, date(2012, 3, 9)), "statement")
    assert statement.actors[0] == "Hillary Clinton"


# --- the redesigned event layer: families of constructions, on sentences of our own ----------
# Published Thursday 14 March 2024 unless a test says otherwise.
THURSDAY = date(2024, 3, 14)


def dated(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    return [
        (event.type, event.date.value if event.date else None)
        for event in events_of(nlp, text, THURSDAY)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Dow fell 3% on Monday.", ("other", "2024-03-11")),
        ("A commuter train derailed early Friday near Lyon.", ("accident", "2024-03-08")),
        ("Parliament was dissolved on March 3.", ("other", "2024-03-03")),
        ("The jury returned its verdict Thursday evening.", ("ruling", "2024-03-14")),
        ("The rocket lifted off at 7:18 p.m. Sunday.", ("launch", "2024-03-10")),
        ("He was sworn in last week.", ("appointment", "2024-W10")),
        ("The session opened yesterday in Geneva.", ("meeting", "2024-03-13")),
        ("Police arrested three men in 2009.", ("arrest", "2009")),
        ("The firm was founded a decade ago.", ("other", "2014")),
        ("Fighting broke out late on Friday in the north.", ("attack", "2024-03-08")),
        ("The tremor struck around midnight Monday.", ("disaster", "2024-03-11")),
    ],
)
def test_any_dated_happening_is_an_event(
    nlp: Language, text: str, expected: tuple[str, str]
) -> None:
    assert expected in dated(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Friday's protest drew thousands to the capital.", ("protest", "2024-03-08")),
        ("Thursday's poll gave the ruling party a narrow lead.", ("election", "2024-03-14")),
        ("Last month's floods forced thousands from their homes.", ("disaster", "2024-02")),
        ("The ministers met Monday evening in Brussels.", ("meeting", "2024-03-11")),
        ("Rescuers reached the village early Saturday.", ("other", "2024-03-09")),
    ],
)
def test_possessive_dates_and_parts_of_the_day(
    nlp: Language, text: str, expected: tuple[str, str]
) -> None:
    assert expected in dated(nlp, text)


def test_dates_relative_to_another_event(nlp: Language) -> None:
    vote = dated(
        nlp,
        "Voters went to the polls on Sunday. A day after the vote, the opposition called "
        "for a recount.",
    )
    assert ("election", "2024-03-10") in vote and ("statement", "2024-03-11") in vote
    blast = dated(
        nlp,
        "A bomb exploded in the market on Tuesday. Hours after the blast, police sealed "
        "off the area.",
    )
    assert ("attack", "2024-03-12") in blast and ("other", "2024-03-12") in blast
    later = dated(nlp, "The talks collapsed on Tuesday. Two days later, the envoy left.")
    assert ("other", "2024-03-14") in later


def test_an_anchor_is_not_an_event_of_its_own(nlp: Language) -> None:
    text = "The army withdrew right after the closing of the summit in October last year."
    assert dated(nlp, text) == [("other", "2023-10")]


def test_statements_dated_by_their_own_day_or_the_report(nlp: Language) -> None:
    said = only(
        events_of(nlp, "The president said on Saturday that the army would withdraw.", THURSDAY),
        "statement",
    )
    assert said.date is not None and said.date.value == "2024-03-09"
    told = only(
        events_of(
            nlp, "The minister told reporters on Wednesday that he would not resign.", THURSDAY
        ),
        "statement",
    )
    assert told.date is not None and told.date.value == "2024-03-13"
    says = only(events_of(nlp, "Police say the suspect fled the scene.", THURSDAY), "statement")
    assert says.precision == "publication"


def test_a_statement_and_what_it_reports_are_two_events(nlp: Language) -> None:
    events = dated(
        nlp, "Officials said the minister resigned on Monday and was replaced on Wednesday."
    )
    assert ("resignation", "2024-03-11") in events
    assert ("other", "2024-03-13") in events
    assert ("statement", "2024-03-14") in events


def test_quoted_today_dates_its_statement_and_quotes_tell_no_events(nlp: Language) -> None:
    events = events_of(nlp, "Jane Doe arrived. “Today we rebuild the bridge,” Doe said.", THURSDAY)
    statement = only(events, "statement")
    assert statement.date is not None and statement.date.value == "2024-03-14"
    assert statement.precision == "day"
    assert not [e for e in events if e.trigger == "rebuild"]


def test_stretches_have_a_start_and_an_end(nlp: Language) -> None:
    ran = only(events_of(nlp, "The exhibition ran from Monday to Wednesday.", THURSDAY), "other")
    assert ran.date is not None and ran.date.value == "2024-03-11"
    assert ran.end is not None and ran.end.value == "2024-03-13"
    assert ("protest", "2024-03") in dated(nlp, "Protests have continued since early this month.")
    assert ("strike", "2024-02") in dated(nlp, "Strikes have paralysed the port since February.")


def test_planned_events_need_a_date_and_hedged_ones_are_not_events(nlp: Language) -> None:
    summit = only(events_of(nlp, "The summit will be held in late June.", THURSDAY), "meeting")
    assert summit.planned and summit.date is not None and summit.date.value == "2024-06"
    bridge = only(events_of(nlp, "The new bridge is to open on the 20th.", THURSDAY), "launch")
    assert bridge.planned and bridge.date is not None and bridge.date.value == "2024-03-20"
    for hedged in (
        "The company could cut jobs next year.",
        "The government plans to raise taxes.",
        "The two leaders may meet in May.",
        "If the talks fail on Friday, the strike will resume.",
        "Did the ministers meet on Monday?",
        "Investors hope the central bank will cut rates in June.",
    ):
        assert dated(nlp, hedged) == [], hedged


def test_denied_events_are_not_facts(nlp: Language) -> None:
    events = dated(nlp, "Officials denied that troops had entered the town on Sunday.")
    assert events == [("statement", "2024-03-14")]


def test_types_the_news_taxonomy_gives(nlp: Language) -> None:
    assert ("election", "2024-03-11") in dated(
        nlp, "The election commission declared the results on Monday."
    )
    assert ("resignation", "2024-03-08") in dated(
        nlp, "The minister, who took office in January, resigned on Friday."
    )
    assert ("appointment", "2024-01") in dated(
        nlp, "The minister, who took office in January, resigned on Friday."
    )
    assert ("ruling", "2024-06-04") in dated(
        nlp, "The results will be declared by the Constitutional Court on June 4."
    )
    # a company telling its own results announces them
    assert ("announcement", "2024-03-13") in dated(
        nlp, "Acme reported Wednesday that it lost $5 million in the quarter."
    )
    # what undoes an event is no such event
    assert ("other", "2024-03-09") in dated(
        nlp, "Early Saturday, the launch of the rocket was aborted."
    )
    assert ("other", "2024-03-12") in dated(
        nlp, "The ceasefire, agreed on Sunday, collapsed two days later."
    )


def test_a_month_told_in_the_past_is_the_last_one(nlp: Language) -> None:
    assert ("other", "2023-07") in dated(nlp, "In July, the board approved the merger.")


def test_captions_credits_and_page_furniture_are_not_events(nlp: Language) -> None:
    assert dated(nlp, "This image released by the agency Sunday was collected at 7:32 pm.") == []
    assert dated(nlp, "Updated March 12, 2024.") == []


def test_a_comparison_baseline_dates_nothing(nlp: Language) -> None:
    events = dated(nlp, "The average fare rose 14 percent compared with a year ago.")
    assert [date for _, date in events if date != "2024-03-14"] == []  # at most the report's day


def test_schema_documents_every_event_type_and_subtype() -> None:
    import re
    from pathlib import Path

    from timeline_cli.events.lexicon import load_lexicon

    schema = (Path(__file__).resolve().parent.parent / "docs" / "schema.md").read_text("utf-8")
    listed = re.search(r"<!-- types -->(.*?)<!-- /types -->", schema, re.S)
    assert listed is not None
    documented = set(re.findall(r"`(\w+)`", listed.group(1)))
    lexicon = load_lexicon()
    assert documented == set(lexicon.types)
    table = re.search(r"<!-- subtypes -->(.*?)<!-- /subtypes -->", schema, re.S)
    assert table is not None
    rows = dict(re.findall(r"\| `(\w+)` \| `(\w+)` \|", table.group(1)))
    assert rows == lexicon.parents


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The parliament ratified the treaty on Tuesday.", ("vote", "2024-03-12")),
        ("On May 2, the colonel was made a general.", ("appointment", "2024-05-02")),
        ("A flood hit the town, followed on Sunday by the first death.", ("death", "2024-03-10")),
        ("The agency cited a report released last week.", ("announcement", "2024-W10")),
        ("Doctors reported 351 new cases on Monday.", ("announcement", "2024-03-11")),
        ("The former minister retired in 2019.", ("resignation", "2019")),
        ("The cosmonaut was sent into space on May 26, 1980.", ("launch", "1980-05-26")),
        ("The singer died on 25 June last year.", ("death", "2023-06-25")),
        ("The firm paid him from 1999-2003.", ("other", "1999")),
    ],
)
def test_typing_rules_found_on_other_outlets(
    nlp: Language, text: str, expected: tuple[str, str]
) -> None:
    assert expected in dated(nlp, text)


def test_a_year_that_opens_a_clause_dates_that_clause(nlp: Language) -> None:
    events = dated(
        nlp,
        "On May 22, 1995, he was made a general, and the following year he was appointed "
        "attache in Washington.",
    )
    assert ("appointment", "1995-05-22") in events and ("appointment", "1996") in events


def test_anchor_told_later_in_the_article(nlp: Language) -> None:
    events = dated(
        nlp,
        "The singer traveled to the island the day after the disaster. Thousands died in "
        "the January 12 earthquake.",
    )
    assert ("visit", "2024-01-13") in events


def test_speakers_an_acronym_and_a_dated_they(nlp: Language) -> None:
    assert ("announcement", "2024-03") in dated(nlp, "But WHO declared a pandemic this month.")
    assert ("statement", "2024-03-14") in dated(nlp, "They said today that the plan was failing.")
    assert dated(nlp, "They said that the plan was failing.") == []


def test_a_pronoun_after_its_name_in_the_summary_stays_a_pronoun(nlp: Language) -> None:
    text = "The council criticised the plan. Spokesman Tom Breck said he was angered by the vote."
    summaries = [e.summary for e in events_of(nlp, text) if e.type == "statement"]
    assert "Spokesman Tom Breck said he was angered by the vote" in summaries


def test_the_pronoun_of_a_reported_speaker(nlp: Language) -> None:
    events = events_of(
        nlp,
        "Hungarian astronaut Bertalan Farkas is leaving for the United States, he said Saturday.",
        THURSDAY,
    )
    statement = only(events, "statement")
    assert statement.actors == ("Bertalan Farkas",)
    assert statement.date is not None and statement.date.value == "2024-03-09"


@pytest.mark.parametrize(
    "text",
    [
        "Let us say the president resigns on Friday.",
        "Imagine the army takes power on Monday.",
        "Suppose the talks collapse next week.",
        "Read more about the vote on Monday.",
        "Click here to see photos of the march on Sunday.",
    ],
)
def test_hypotheticals_and_imperatives_are_not_events(nlp: Language, text: str) -> None:
    assert dated(nlp, text) == []


def test_an_undated_quotation_is_a_voice_not_an_event(nlp: Language) -> None:
    assert dated(nlp, "“We will not give up,” said Jane Roe, a shopkeeper.") == []
    assert ("statement", "2024-03-09") in dated(
        nlp, "“We will not give up,” Jane Roe said on Saturday."
    )
    assert ("statement", "2024-03-14") in dated(
        nlp, "Jane Roe said the shop would reopen after repairs."
    )


def test_a_day_without_its_year_is_in_the_year_the_story_tells(nlp: Language) -> None:
    events = dated(
        nlp,
        "The adviser resigned on March 18, 2003. Until March 7, the minister had backed "
        "the plan, and on March 17 he sent his opinion.",
    )
    assert ("resignation", "2003-03-18") in events and ("other", "2003-03-17") in events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "He asked for the drug two months before his death. He died on 25 June 2009.",
            ("other", "2009-04"),
        ),
        (
            "On the eve of the invasion, the adviser resigned. The invasion began on March "
            "20, 2003.",
            ("resignation", "2003-03-19"),
        ),
        (
            "The ministers held talks on Monday. During the meeting, the envoy raised the "
            "issue of the border.",
            ("statement", "2024-03-11"),
        ),
        (
            "The singer told a radio host over the weekend that he was ill.",
            ("statement", "2024-03-09"),
        ),
        (
            "A woman contracted the virus in Spain before flying home on 10 March.",
            ("other", "2024-03-10"),
        ),
        ("By Friday, the rescuers had made it into the city.", ("other", "2024-03-08")),
    ],
)
def test_more_anchors_and_directions(nlp: Language, text: str, expected: tuple[str, str]) -> None:
    assert expected in dated(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jury selection is due to begin on 8 September.", ("trial", "2024-09-08")),
        ("The party was expelled from the peace talks on Feb. 20.", ("other", "2024-02-20")),
        ("The country expelled two diplomats on Monday.", ("deportation", "2024-03-11")),
        ("His body was released to the family on Friday.", ("other", "2024-03-08")),
        (
            "The letter was released yesterday under the records law.",
            ("announcement", "2024-03-13"),
        ),
        ("No evidence of foul play was found after an autopsy on Friday.", ("other", "2024-03-08")),
        ("The new tablet, to be released on Friday, costs $300.", ("launch", "2024-03-15")),
        ("The film's release on Friday drew crowds.", ("launch", "2024-03-08")),
        ("The release of the hostages on Monday ended the siege.", ("release", "2024-03-11")),
        ("His release from prison on Monday was welcomed.", ("release", "2024-03-11")),
        ("The carmaker presented its new electric van on Tuesday.", ("announcement", "2024-03-12")),
        (
            "The official tally of flood victims climbed to 80 on Monday.",
            ("announcement", "2024-03-11"),
        ),
        ("The price of wheat climbed to a record on Monday.", ("other", "2024-03-11")),
        ("The cabinet appointed a new flood envoy on Monday.", ("appointment", "2024-03-11")),
        ("An appeals court reinstated the convictions on Monday.", ("ruling", "2024-03-11")),
        (
            "The senator made the comments on Wednesday on a radio show.",
            ("statement", "2024-03-13"),
        ),
        ("A jury imposed the death penalty on the gunman on Monday.", ("sentence", "2024-03-11")),
        ("The Greens won power in 1997.", ("election", "1997")),
        ("The minister was demoted on Monday.", ("appointment", "2024-03-11")),
        ("The mayor lashed out at his critics on Sunday night.", ("statement", "2024-03-10")),
        ("On Monday the agency declared a pandemic.", ("announcement", "2024-03-11")),
    ],
)
def test_more_types(nlp: Language, text: str, expected: tuple[str, str]) -> None:
    assert expected in dated(nlp, text)


def test_a_caption_tells_its_relative_dates_from_its_own_date(nlp: Language) -> None:
    text = (
        "Police are investigating a shooting that killed a man Thursday night on Elm Street. "
        "Video provided by Jane Roe 2/1/19\n\nThe suspect was charged on Tuesday."
    )
    events = events_of(nlp, text, date(2019, 4, 10))
    assert ("attack", "2019-01-31") in [(e.type, e.date.value if e.date else None) for e in events]
    assert ("other", "2019-04-09") in [(e.type, e.date.value if e.date else None) for e in events]
    assert not [e for e in events if e.trigger == "provide"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ten soldiers were killed on Monday when their helicopter crashed.",
            ("accident", "2024-03-11"),
        ),
        ("The bombs went off almost simultaneously on Aug. 7, 1998.", ("attack", "1998-08-07")),
        (
            "The earthquake which struck the island on 12 January killed thousands.",
            ("disaster", "2024-01-12"),
        ),
        ("The doctor was shot to death last Oct. 23.", ("attack", "2023-10-23")),
        ("The prime minister expressed his sorrow on Tuesday.", ("statement", "2024-03-12")),
        ("The engineer was hired in May 2009 by the promoters.", ("appointment", "2009-05")),
        (
            "The deadliest incident was on November 15, 2003, when two helicopters collided.",
            ("accident", "2003-11-15"),
        ),
        ("The school expects to be closed until at least Sunday.", ("other", "2024-03-17")),
        ("He was born in 1950 and died on 25 June that year.", ("death", "1950-06-25")),
    ],
)
def test_rules_found_on_a_third_set(nlp: Language, text: str, expected: tuple[str, str]) -> None:
    assert expected in dated(nlp, text)


def test_as_reported_states_and_every_predicate_of_a_sentence_are_kept(nlp: Language) -> None:
    """An entity's full timeline (eval-timeline) wants what the tablet has and weighs, both
    undated and of type other, but not what it is."""
    text = "The Quill tablet is light: it has a bright screen and weighs 600 grams."
    published = date(2024, 5, 14)
    document = Document("a", "a.txt", text, text, (Segment(0, 0, len(text)),),
                        publication=Publication(published, "option"))  # fmt: skip
    doc = nlp(text)
    kept = extract_events(doc, document, find_timexes(doc, published), as_reported=True)
    assert {event.trigger for event in kept} == {"have", "weigh"}
    assert all(event.precision == "publication" for event in kept)
    assert extract_events(doc, document, find_timexes(doc, published)) == []


def test_as_reported_a_voice_is_a_saying_of_its_speaker(nlp: Language) -> None:
    text = '"We will win the vote," said Lena Varga.'
    published = date(2024, 5, 14)
    document = Document("a", "a.txt", text, text, (Segment(0, 0, len(text)),),
                        publication=Publication(published, "option"))  # fmt: skip
    doc = nlp(text)
    assert extract_events(doc, document, find_timexes(doc, published)) == []
    (said,) = extract_events(doc, document, find_timexes(doc, published), as_reported=True)
    assert (said.trigger, said.type, said.actors) == ("say", "statement", ("Lena Varga",))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The floods claimed 12 lives on Sunday.", ("disaster", "2024-03-10")),
        ("A bombing at the market on Tuesday claimed nine lives.", ("attack", "2024-03-12")),
        ("The rebels claimed responsibility for the blast on Sunday.", ("statement", "2024-03-10")),
        ("The mayor was gunned down outside his office on Monday.", ("attack", "2024-03-11")),
        ("The rumour started on Sunday night with a text message.", ("other", "2024-03-10")),
        ("The club announced on Monday a gala to be held in June.", ("announcement", "2024-03-11")),
    ],
)
def test_rules_found_on_a_fourth_set(nlp: Language, text: str, expected: tuple[str, str]) -> None:
    assert expected in dated(nlp, text)


def test_news_that_tells_another_event_is_no_event(nlp: Language) -> None:
    assert dated(nlp, "News emerged on Monday that 200 prisoners were freed.") == []


def test_an_event_to_be_held_is_planned(nlp: Language) -> None:
    events = events_of(nlp, "The union announced a summit to be held on June 2.", THURSDAY)
    (summit,) = [event for event in events if event.planned]
    assert summit.date is not None and summit.date.value == "2024-06-02"
