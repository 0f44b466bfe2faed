"""Near-duplicate articles: shingles, the similarity threshold, groups found through LSH."""

from __future__ import annotations

import random

from timeline_cli.chronology.copies import (
    COPY_JACCARD,
    are_copies,
    copy_groups,
    shingles,
    signature,
)

STORY = (
    "Fishermen from the coastal town of Hwajin staged a protest on Tuesday against a planned "
    "dredging project, blocking the harbor entrance with about forty boats. The protest ended "
    "peacefully in the evening after talks with the county governor, who agreed to delay the "
    "project until an environmental review is finished. The county office said the review "
    "would take at least six months. Environmental groups have opposed the dredging since it "
    "was first announced, arguing that it would destroy the spawning grounds of fish."
)
OTHER = (
    "The city council of Marlow voted on Monday to close two libraries and a swimming pool, "
    "citing a budget shortfall of four million pounds. Residents who packed the public gallery "
    "booed the decision, and a petition against the closures has gathered eleven thousand "
    "signatures. The council leader said the savings were painful but unavoidable."
)


def test_shingles_ignore_case_and_punctuation() -> None:
    assert shingles("The Protest, ended.") == shingles("the protest ended")
    assert shingles("") == frozenset()


def test_light_edits_are_copies_and_another_story_is_not() -> None:
    edited = STORY.replace("staged a protest", "held a protest").replace("forty", "40")
    trimmed = STORY.rsplit(". ", 1)[0] + "."
    for copy in (edited, trimmed, "Hwajin protest\n\n" + STORY):
        assert are_copies(shingles(STORY), shingles(copy))
    assert not are_copies(shingles(STORY), shingles(OTHER))


def test_two_stories_sharing_a_quote_are_not_copies() -> None:
    quote = "The county office said the review would take at least six months."
    assert not are_copies(shingles(OTHER + " " + quote), shingles(STORY))


def test_the_threshold_is_on_jaccard() -> None:
    words = [f"w{i}" for i in range(200)]
    first, second = shingles(" ".join(words[:150])), shingles(" ".join(words[50:]))
    common = len(first & second) / len(first | second)
    assert common < COPY_JACCARD and not are_copies(first, second)
    assert are_copies(shingles(" ".join(words[:120])), shingles(" ".join(words[10:])))


def test_groups_join_copies_of_copies_and_leave_the_rest_alone() -> None:
    texts = [
        STORY,
        OTHER,
        STORY.replace("forty", "40"),
        STORY + " The company declined to comment.",
    ]
    assert copy_groups(texts) == [[0, 2, 3], [1]]


def test_many_articles_with_identical_copies() -> None:
    generator = random.Random(7)
    vocabulary = [f"word{i}" for i in range(5000)]
    stories = [" ".join(generator.choices(vocabulary, k=120)) for _ in range(300)]
    texts = stories + [stories[5]] * 100 + [stories[9] + " And one more sentence here."]
    groups = copy_groups(texts)
    assert len(groups) == 300
    assert [5, *range(300, 400)] in groups and [9, 400] in groups


def test_signatures_agree_as_often_as_the_sets_overlap() -> None:
    """MinHash is unbiased only with well-spread hash functions: sets of small numbers (as
    structured as hashes can be) must agree in about a share J of their signature."""
    first, second = frozenset(range(1000)), frozenset(range(100, 1100))  # Jaccard 0.818
    agreement = float((signature(first) == signature(second)).mean())
    assert abs(agreement - 0.818) < 0.1
    unrelated = float((signature(first) == signature(frozenset(range(5000, 6000)))).mean())
    assert unrelated < 0.05
