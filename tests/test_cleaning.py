"""Web debris never reaches the body; what does reach it maps back to the original text."""

from __future__ import annotations

import pytest

from timeline_cli.ingest.cleaning import (
    clean_article,
    comment_section_start,
    is_debris,
    reads_as_prose,
)

ARTICLE = """Send to

Ministers meet in Beijing

March 7, 2012 - 21:28 By Korea Herald
A South Korean official visited Beijing on Wednesday for talks with Chinese authorities.

Leave a Reply

You are commenting using your Twitter account. Log Out /  Change )

Pingback: China, Refugees… and Repatriation? | Some Blog

© The Asia Business Daily(www.asiae.co.kr). All rights reserved.

Join us on social!
"""


def test_debris_lines_are_dropped() -> None:
    cleaned = clean_article(ARTICLE)
    assert cleaned.body == (
        "A South Korean official visited Beijing on Wednesday for talks with Chinese authorities."
    )
    assert cleaned.title == "Ministers meet in Beijing"


def test_body_offsets_map_back_to_the_source() -> None:
    text = "Headline here\n\nFirst paragraph ends here.\n\nSecond paragraph ends here too.\n"
    cleaned = clean_article(text)
    for segment in cleaned.segments:
        original = text[segment.source_start : segment.source_start + segment.length]
        assert original == cleaned.body[segment.body_start : segment.body_start + segment.length]
    assert len(cleaned.segments) == 2


def test_dateline_is_cut_from_the_body() -> None:
    text = "WASHINGTON, March 9 (Yonhap) — Hillary Clinton made clear Friday that she opposes it.\n"
    cleaned = clean_article(text)
    assert cleaned.body.startswith("Hillary Clinton made clear Friday")
    assert cleaned.body_source_head is not None and cleaned.body_source_head.startswith(
        "WASHINGTON"
    )


def test_repeated_lines_are_kept_once() -> None:
    text = (
        "Clinton urges China\n\nClinton urges China\n\n"
        "Clinton spoke at the State Department on Friday.\n"
    )
    assert clean_article(text).body == "Clinton spoke at the State Department on Friday."


def test_debris_rules() -> None:
    assert is_debris("Text Size")
    assert is_debris("본문 바로가기")  # not Latin script
    assert is_debris("bar_progress")
    assert is_debris("1 thought on “In the News – Clinton urges China”")
    assert not is_debris("Clinton said the talks went well.")


def test_headings_and_bylines_are_not_prose() -> None:
    assert not reads_as_prose("King Raises Issues at Meeting with Chinese Foreign Minister")
    assert not reads_as_prose("By Kim Yoon-mi (yoonmi@heraldcorp.com)")
    assert reads_as_prose("He will also meet with North Korean defectors, the ministry said.")


BLOG = """Flood relief reaches the valley

Jane Doe | 22:29 UK time, Wednesday, 13 January 2010 Rescuers reached the valley on Tuesday night.
Thousands of families were still without power, the mayor said.
Posted by Jane Doe on January 13, 2010 10:31 PM.
To play this content JavaScript must be turned on and the latest Flash player installed.
At 11:45 pm on 13 Jan 2010, RiverWatcher wrote: This comment was removed because the moderators found it broke the house rules.
At 02:56 am on 14 Jan 2010, Sam wrote: My thoughts are with everyone there.
The bridge collapsed on Monday and nobody came for days.
"""  # noqa: E501


def test_a_comment_section_is_cut_from_its_first_header_to_the_end() -> None:
    cleaned = clean_article(BLOG)
    assert "wrote" not in cleaned.body
    assert "bridge collapsed" not in cleaned.body  # a reader's words, under a comment header
    assert cleaned.body.endswith("without power, the mayor said.")


def test_a_comment_header_inside_a_line_starts_the_comments() -> None:
    text = (
        "Officials said the port reopened on Friday.\n"
        "A reader's thanks... At 6:53 P.M. on Jan 13, 2010, Ann Lee wrote: The port is open.\n"
    )
    assert comment_section_start(text) == text.index("At 6:53")
    assert "port is open" not in clean_article(text).body
    # a time and a date in prose are no comment header
    prose = "At 10:30 on 5 May 2009, the minister arrived in Geneva for the talks.\n"
    assert comment_section_start(prose) == len(prose)


def test_a_blog_post_stamp_is_not_prose_but_its_post_is() -> None:
    cleaned = clean_article(BLOG)
    assert cleaned.body.startswith("Rescuers reached the valley on Tuesday night.")
    assert "UK time" not in cleaned.body
    start = cleaned.segments[0].source_start
    assert BLOG[start:].startswith("Rescuers reached")  # offsets still point at the source


@pytest.mark.parametrize(
    "line",
    [
        "Posted by Jane Doe on January 13, 2010 10:31 PM.",
        "This comment was removed by a moderator.",
        "Your comments may be published on any of our channels worldwide.",
        "To play this content JavaScript must be turned on and the latest Flash player installed.",
        "Sorry, this media is not available in your territory.",
        "PLEASE NOTE: We are unable to offer transcripts for our program interviews.",
        "Video: Crowds fill the square as the rally begins",
        "Watch video of the flooded valley",
        'Great coverage " says @river_news: Flood relief - live!',
        "Retweet",
    ],
)
def test_page_debris_lines(line: str) -> None:
    assert is_debris(line)


@pytest.mark.parametrize(
    "line",
    [
        "The video was filmed on Monday, police said.",
        "The children stayed indoors to play video games while the storm passed.",
        "The comments will be published on Friday, the minister said.",
    ],
)
def test_prose_about_videos_and_comments_is_kept(line: str) -> None:
    assert not is_debris(line)
