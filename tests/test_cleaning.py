"""Web debris never reaches the body; what does reach it maps back to the original text."""

from __future__ import annotations

from timeline_cli.cleaning import clean_article, is_debris, reads_as_prose

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
