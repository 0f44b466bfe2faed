"""SemEval-2015 Task 4 files and the timeline scorer, on small hand-made fixtures.

Every expected score below is computed by hand in the comments, with ``Dn`` the date node of
a line and ``a < b`` / ``a = b`` the BEFORE / SIMULTANEOUS relations of the reduced graphs.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import spacy

from timeline_cli.evaluation.flaws import FlawLog
from timeline_cli.evaluation.semeval import (
    BEFORE,
    SIMULTANEOUS,
    MentionId,
    Node,
    Relation,
    Timeline,
    TimelineEntry,
    TimelineScore,
    build_graph,
    format_timeline,
    micro_average,
    parse_timeline,
    read_articles,
    read_cat,
    read_dct,
    read_gold_timeline,
    score_directory,
    score_timelines,
    timeline_filename,
    write_timeline,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "semeval"
CAT_101 = FIXTURES / "cat" / "101-Orchard_unveils_tablet.xml"
GOLD = FIXTURES / "gold" / "quill_tablet.txt"


def timeline(*lines: str, entity: str = "Acme") -> Timeline:
    """A timeline from its lines, fields separated by spaces for readability."""
    return parse_timeline("\n".join([entity, *("\t".join(line.split()) for line in lines)]))


def event(mention: str, occurrence: int = 0) -> Node:
    return Node("event", mention, occurrence)


def day(value: str) -> Node:
    return Node("date", value)


GOLD_ABC = timeline("1 2010-01-01 1-2-a", "2 2010-02-01 1-3-b", "3 2010-03-01 2-2-c")


# --------------------------------------------------------------------------- CAT and TimeML


def test_cat_text_is_laid_out_as_news_text() -> None:
    # title first, blank lines between sentences, no space before punctuation: the parser
    # reads "March 5, 2012" as one date, not "March 5 , 2012" as two
    document = read_cat(CAT_101)
    assert document.doc_id == "101"
    assert document.doc_name == "101-Orchard_unveils_tablet"
    assert document.text == (
        "Orchard unveils Quill tablet\n\n"
        "March 5, 2012\n\n"
        "Orchard Labs unveiled the Quill tablet yesterday, and critics praised its screen.\n\n"
        "Sales kicked off strongly."
    )
    assert [token.sentence for token in document.sentence(0)] == [0, 0, 0, 0]
    assert " ".join(token.text for token in document.sentence(3)) == "Sales kicked off strongly ."


def test_every_token_maps_back_from_each_of_its_characters() -> None:
    document = read_cat(CAT_101)
    for token in document.tokens:
        assert document.text[token.start : token.end] == token.text
        for offset in range(token.start, token.end):
            assert document.token_at(offset) is token
    unveiled = document.token_at(document.text.index("unveiled"))
    assert (unveiled.t_id, unveiled.sentence, unveiled.number) == (11, 2, 10)


@pytest.mark.parametrize("where", ["space", "blank line", "before", "after"])
def test_offsets_outside_tokens_are_refused(where: str) -> None:
    document = read_cat(CAT_101)
    offset = {
        "space": document.text.index(" "),
        "blank line": document.text.index("\n\n") + 1,
        "before": -1,
        "after": len(document.text),
    }[where]
    with pytest.raises(ValueError, match="not inside a token"):
        document.token_at(offset)


def test_spacy_tokens_map_back_to_cat_tokens_and_task_mention_ids() -> None:
    document = read_cat(FIXTURES / "cat" / "202_Orchard_recalls_tablet.txt.xml")
    parsed = spacy.blank("en")(document.text)
    by_text = {token.text: token for token in parsed if not token.is_space}
    # spaCy splits "Pre-orders" in three; every piece still lands on the one CAT token.
    pieces = [token for token in parsed if token.idx >= document.text.index("Pre-orders")][:3]
    assert [token.text for token in pieces] == ["Pre", "-", "orders"]
    assert {document.token_at(token.idx).t_id for token in pieces} == {24}
    recalled = document.token_at(by_text["recalled"].idx)
    assert str(document.mention_id([recalled])) == "202-2-recalled"
    pre_orders = document.tokens_between(pieces[0].idx, pieces[-1].idx + len(pieces[-1]))
    assert str(document.mention_id(pre_orders)) == "202-3-pre-orders"


def test_multi_word_mentions_join_lower_case_words_with_underscores() -> None:
    document = read_cat(CAT_101)
    kicked, off = document.sentence(3)[1:3]
    assert document.mention_id([off, kicked]) == MentionId("101", 3, "kicked_off")


def test_dct_is_read_from_timeml_and_time_of_day_dropped() -> None:
    assert read_dct(FIXTURES / "timeml" / "101-Orchard_unveils_tablet.tml") == date(2012, 3, 5)
    assert read_dct(next((FIXTURES / "timeml").glob("202_*.tml"))) == date(2012, 4, 10)


def test_cat_and_timeml_files_pair_by_document_id_not_file_name() -> None:
    flaws = FlawLog()
    articles = read_articles(FIXTURES / "cat", FIXTURES / "timeml", flaws)
    assert [(a.cat.doc_id, a.published) for a in articles] == [
        ("101", date(2012, 3, 5)),
        ("202", date(2012, 4, 10)),
    ]
    assert articles[1].cat.doc_name == "202_Orchard_recalls_tablet.txt"
    assert flaws.flaws == []


def test_pairing_reads_the_ids_inside_the_files(tmp_path: Path) -> None:
    for index, cat in enumerate(sorted((FIXTURES / "cat").glob("*.xml"))):
        shutil.copy(cat, tmp_path / f"article-{'ab'[index]}.xml")
    articles = read_articles(tmp_path, FIXTURES / "timeml", FlawLog())
    assert [a.cat.doc_id for a in articles] == ["101", "202"]


def test_an_article_without_its_timeml_copy_is_left_out_and_named(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "timeml" / "101-Orchard_unveils_tablet.tml", tmp_path)
    flaws = FlawLog()
    articles = read_articles(FIXTURES / "cat", tmp_path, flaws)
    assert [a.cat.doc_id for a in articles] == ["101"]
    (flaw,) = flaws.flaws
    assert flaw.file.endswith("202_Orchard_recalls_tablet.txt.xml")
    assert "no usable TimeML copy of document 202" in flaw.problem
    assert flaw.action == "skipped"


# --------------------------------------------------------------------------- timeline files


def test_gold_timeline_keeps_order_date_and_coreferent_mentions() -> None:
    gold = read_gold_timeline(GOLD)
    assert gold.entity == "Quill tablet"
    assert [entry.order for entry in gold.entries] == [0, 1, 1, 2, 3, 4]
    assert gold.entries[0] == TimelineEntry(0, "XXXX-XX-XX", (MentionId("202", 3, "said"),))
    assert gold.entries[1].mentions == (
        MentionId("101", 2, "unveiled"),
        MentionId("202", 2, "launch"),
    )
    assert gold.entries[3].date == "2012-03-XX"
    assert gold.entries[3].mentions == (MentionId("101", 3, "kicked_off"),)
    assert gold.entries[5].mentions == (MentionId("202", 3, "pre-orders"),)


@pytest.mark.parametrize(
    "line", ["x\t2010\t1-2-a", "1\t2010", "1\t\t1-2-a", "1\t2010\tunveiled", "1\t2010\t1-02-a"]
)
def test_malformed_lines_are_refused_with_their_line_number(line: str) -> None:
    with pytest.raises(ValueError, match=":3:"):
        parse_timeline(f"Acme\n1\t2010\t1-2-a\n{line}\n", "t.txt")


def test_writing_a_read_timeline_gives_back_the_same_bytes(tmp_path: Path) -> None:
    out = tmp_path / "quill_tablet.txt"
    write_timeline(read_gold_timeline(GOLD), out)
    assert out.read_bytes() == GOLD.read_bytes()


def test_writing_refuses_fields_that_would_not_read_back() -> None:
    bad_word = TimelineEntry(1, "2010", (MentionId("1", 2, "two words"),))
    with pytest.raises(ValueError):
        format_timeline(Timeline("Acme", (bad_word,)))
    with pytest.raises(ValueError):
        format_timeline(Timeline("Acme\nCorp", ()))


def test_file_names_follow_the_task_rule() -> None:
    assert timeline_filename("Steve Jobs") == "steve_jobs.txt"
    assert timeline_filename("iPhone 3G") == "iphone_3g.txt"


# --------------------------------------------------------------------------- graphs


def test_graph_links_events_to_dates_then_chains_positions() -> None:
    graph = build_graph(GOLD_ABC)
    assert graph.reduced == (
        Relation.of(event("1-2-a"), SIMULTANEOUS, day("2010-01-01")),
        Relation.of(event("1-3-b"), SIMULTANEOUS, day("2010-02-01")),
        Relation.of(event("2-2-c"), SIMULTANEOUS, day("2010-03-01")),
        Relation(event("1-2-a"), BEFORE, event("1-3-b")),
        Relation(event("1-3-b"), BEFORE, event("2-2-c")),
    )
    assert graph.entails(Relation(event("1-2-a"), BEFORE, event("2-2-c")))  # transitive
    assert graph.entails(Relation(day("2010-01-01"), BEFORE, event("2-2-c")))  # through a class
    assert not graph.entails(Relation(event("2-2-c"), BEFORE, event("1-2-a")))


def test_coreferent_mentions_reduce_to_one_link_each_to_their_date() -> None:
    graph = build_graph(timeline("1 2010 1-2-a 1-3-a 2-2-a"))
    # The chain links a=a' and a'=a'' follow from the three date links.
    assert len(graph.reduced) == 3
    assert all(relation.kind == SIMULTANEOUS for relation in graph.reduced)
    assert graph.entails(Relation.of(event("1-2-a"), SIMULTANEOUS, event("2-2-a")))


def test_a_date_shared_by_two_positions_makes_the_before_between_them_violated() -> None:
    graph = build_graph(timeline("1 2010 1-2-a", "2 2010 1-3-b", "3 2011 1-4-c"))
    assert graph.violated == (Relation(event("1-2-a"), BEFORE, event("1-3-b")),)
    assert graph.entails(Relation.of(event("1-2-a"), SIMULTANEOUS, event("1-3-b")))
    assert len(graph.reduced) == 5  # a=D1, b=D1, c=D2, b<c, and the violated a<b
    assert score_timelines(
        timeline("1 2010 1-2-a", "2 2010 1-3-b", "3 2011 1-4-c"),
        timeline("1 2010 1-2-a", "2 2010 1-3-b", "3 2011 1-4-c"),
    ).f1 == pytest.approx(1.0)


def test_the_reduction_drops_a_before_made_redundant_by_later_relations() -> None:
    # Dates A, B, A, C, B: classes X = {1, 3}, Y = {2, 5}, Z = {4}. The chain gives X<Y,
    # then Y<X (violated), X<Z and Z<Y, after which X<Y follows from X<Z<Y.
    graph = build_graph(timeline("1 A 1-1-a", "2 B 1-2-b", "3 A 1-3-c", "4 C 1-4-d", "5 B 1-5-e"))
    befores = [r for r in graph.reduced if r.kind == BEFORE and r not in graph.violated]
    assert befores == [
        Relation(event("1-3-c"), BEFORE, event("1-4-d")),
        Relation(event("1-4-d"), BEFORE, event("1-5-e")),
    ]
    assert graph.violated == (Relation(event("1-2-b"), BEFORE, event("1-3-c")),)
    assert len(graph.reduced) == 5 + 2 + 1  # 8 nodes in 3 classes, 2 BEFORE, 1 violated


def test_positions_are_chained_in_numeric_order() -> None:
    graph = build_graph(timeline("10 2010-02-01 1-3-b", "9 2010-01-01 1-2-a"))
    assert graph.entails(Relation(event("1-2-a"), BEFORE, event("1-3-b")))


def test_a_tie_contradicting_an_earlier_before_is_violated() -> None:
    # x=B, y=A, z=B; the chain says x<y, then y=z, which would put y both after and at x.
    graph = build_graph(timeline("1 B 1-1-x", "2 A 1-2-y", "2 B 1-3-z"))
    assert graph.violated == (Relation.of(event("1-2-y"), SIMULTANEOUS, event("1-3-z")),)
    assert graph.entails(Relation(event("1-1-x"), BEFORE, event("1-2-y")))
    assert not graph.entails(Relation.of(event("1-2-y"), SIMULTANEOUS, event("1-3-z")))


def test_a_mention_written_twice_is_two_events() -> None:
    graph = build_graph(timeline("1 2011-03 9-9-appearance", "2 2011-06 9-9-appearance"))
    assert graph.violated == ()
    assert graph.entails(Relation(event("9-9-appearance", 0), BEFORE, event("9-9-appearance", 1)))


# --------------------------------------------------------------------------- scores


def test_identical_timelines_score_one() -> None:
    score = score_timelines(GOLD_ABC, GOLD_ABC)
    assert (score.system_relations, score.system_verified) == (5, 5)
    assert score.precision == score.recall == score.f1 == 1.0


def test_the_fixture_gold_scores_one_against_itself() -> None:
    gold = read_gold_timeline(GOLD)
    # 6 events on 4 dates in 4 positions: 6 merges + 3 BEFORE; the ORDER 0 line adds nothing.
    assert score_timelines(gold, gold) == TimelineScore(9, 9, 9, 9)


def test_a_swapped_pair_loses_one_relation_each_way() -> None:
    # System a, c, b (each event keeps its date): a<c verified, c<b not; gold's b<c not.
    swapped = timeline("1 2010-01-01 1-2-a", "2 2010-03-01 2-2-c", "3 2010-02-01 1-3-b")
    score = score_timelines(swapped, GOLD_ABC)
    assert score == TimelineScore(5, 5, 4, 4)
    assert score.f1 == pytest.approx(0.8)
    ordering_only = score_timelines(swapped, GOLD_ABC, anchors=False)
    assert ordering_only == TimelineScore(2, 2, 1, 1)  # a<c yes, c<b no; a<b yes, b<c no


def test_an_extra_event_costs_precision_only() -> None:
    extra = timeline(
        "1 2010-01-01 1-2-a", "2 2010-02-01 1-3-b", "3 2010-03-01 2-2-c", "4 2010-04-01 2-5-d"
    )
    score = score_timelines(extra, GOLD_ABC)
    assert score == TimelineScore(7, 5, 5, 5)  # d=D4 and c<d are not in the gold
    assert score.precision == pytest.approx(5 / 7)
    assert score.recall == 1.0
    assert score.f1 == pytest.approx(10 / 12)


def test_a_missing_event_is_bridged_by_the_closure() -> None:
    # System a<c: verified through gold a<b<c. Gold b=D2, a<b, b<c have no b in the system.
    score = score_timelines(timeline("1 2010-01-01 1-2-a", "2 2010-03-01 2-2-c"), GOLD_ABC)
    assert score == TimelineScore(3, 5, 3, 2)


def test_simultaneous_is_not_before() -> None:
    gold = timeline("1 2010-01-01 1-2-a", "2 2010-02-01 1-3-b")
    system = timeline("1 2010-01-01 1-2-a 1-3-b")
    # System a=D1, b=D1: only a=D1 holds in the gold. Gold a=D1, b=D2, a<b: only a=D1 holds.
    score = score_timelines(system, gold)
    assert score == TimelineScore(2, 3, 1, 1)
    assert score.f1 == pytest.approx(0.4)
    assert score_timelines(system, gold, anchors=False) == TimelineScore(1, 1, 0, 0)


def test_simultaneous_events_in_the_gold_credit_a_system_that_ties_them() -> None:
    # Gold: a and b share 2010 at two positions, so its closure makes them simultaneous and
    # keeps a<b only as a violated relation, matched only when asserted word for word.
    gold = timeline("1 2010 1-2-a", "2 2010 1-3-b", "3 2011 1-4-c")
    tied = timeline("1 2010 1-2-a 1-3-b", "2 2011 1-4-c")
    assert score_timelines(tied, gold) == TimelineScore(4, 5, 4, 4)


def test_order_zero_lines_are_ignored_on_both_sides() -> None:
    with_unordered = timeline(
        "0 XXXX-XX-XX 3-3-z", "1 2010-01-01 1-2-a", "2 2010-02-01 1-3-b", "3 2010-03-01 2-2-c"
    )
    assert score_timelines(with_unordered, GOLD_ABC) == TimelineScore(5, 5, 5, 5)
    assert score_timelines(GOLD_ABC, with_unordered) == TimelineScore(5, 5, 5, 5)


def test_positions_sort_as_numbers_whatever_the_line_order() -> None:
    gold = timeline("9 2010-01-01 1-2-a", "10 2010-02-01 1-3-b")
    reversed_lines = timeline("10 2010-02-01 1-3-b", "9 2010-01-01 1-2-a")
    assert score_timelines(reversed_lines, gold) == TimelineScore(3, 3, 3, 3)


def test_micro_average_sums_counts_before_dividing() -> None:
    total = micro_average([TimelineScore(10, 10, 10, 10), TimelineScore(2, 4, 0, 0)])
    assert total == TimelineScore(12, 14, 10, 10)
    assert total.precision == pytest.approx(10 / 12)  # the mean of precisions would be 0.5
    assert total.recall == pytest.approx(10 / 14)


def test_directory_scores_count_missing_and_unexpected_timelines(tmp_path: Path) -> None:
    gold_dir, system_dir = tmp_path / "gold", tmp_path / "system"
    gold_dir.mkdir()
    system_dir.mkdir()
    write_timeline(GOLD_ABC, gold_dir / "acme.txt")
    write_timeline(GOLD_ABC, system_dir / "acme.txt")
    # Gold only: 2 merges + 1 BEFORE = 3 relations, all missed.
    write_timeline(timeline("1 2010 1-2-x", "2 2011 1-3-y", entity="Beta"), gold_dir / "beta.txt")
    # System only: one event on its date = 1 relation, unverifiable.
    write_timeline(timeline("1 2012 4-2-q", entity="Gamma"), system_dir / "gamma.txt")

    result = score_directory(system_dir, gold_dir)

    rows = {row["file"]: row for row in result["timelines"]}
    assert [rows[name]["status"] for name in sorted(rows)] == [
        "scored",
        "missing_system",
        "missing_gold",
    ]
    assert rows["acme.txt"]["f1"] == 1.0
    assert rows["beta.txt"]["gold_relations"] == 3
    assert rows["gamma.txt"]["system_relations"] == 1
    micro = result["micro"]
    assert (micro["system_relations"], micro["gold_relations"]) == (6, 8)
    assert micro["precision"] == pytest.approx(5 / 6)
    assert micro["recall"] == pytest.approx(5 / 8)
    assert micro["f1"] == pytest.approx(5 / 7)


# --------------------------------------------------------------------------- flaws of real data


def test_two_fused_gold_lines_are_split_again_and_logged() -> None:
    # As in the task's own data: a line break lost between a mention and the next ORDER.
    text = "Acme\n1\t2010-01-01\t1-2-a\t1-2-travelling8\t2010-03-XX\t2-2-c\n9\t2010-04-01\t2-3-d\n"
    flaws = FlawLog()
    parsed = parse_timeline(text, "acme.txt", flaws)
    assert [entry.line() for entry in parsed.entries] == [
        "1\t2010-01-01\t1-2-a\t1-2-travelling",
        "8\t2010-03-XX\t2-2-c",
        "9\t2010-04-01\t2-3-d",
    ]
    (flaw,) = flaws.flaws
    assert (flaw.file, flaw.line, flaw.action) == ("acme.txt", 2, "repaired")
    assert flaw.problem == "2 lines fused into one (ORDER 8 stuck to '1-2-travelling')"
    with pytest.raises(ValueError, match=r"^acme\.txt:2: 2 lines fused"):
        parse_timeline(text, "acme.txt")  # without a log, nothing is repaired silently


def test_unusable_gold_lines_are_skipped_with_their_line_and_the_rest_kept() -> None:
    text = "Acme\n1\t2010\t1-2-a\nx\t2010\t1-2-b\n2\t2011\tunveiled\n3\t2012\t1-4-c\n"
    flaws = FlawLog()
    parsed = parse_timeline(text, "acme.txt", flaws)
    assert [entry.order for entry in parsed.entries] == [1, 3]
    assert [(flaw.line, flaw.detail) for flaw in flaws.flaws] == [
        (3, "line skipped"),
        (4, "line skipped"),
    ]
    assert "not a DOCID-SENTENCE-word mention id: 'unveiled'" in flaws.flaws[1].problem


@pytest.mark.parametrize(
    ("data", "problem", "line"),
    [(b"", "no entity name", 1), (b"Acme\n1\t2010\t1-2-a\n\xff\n", "not UTF-8", 3)],
)
def test_an_unusable_gold_file_is_left_out_with_its_system_file(
    tmp_path: Path, data: bytes, problem: str, line: int
) -> None:
    gold_dir, system_dir = tmp_path / "gold", tmp_path / "system"
    gold_dir.mkdir()
    system_dir.mkdir()
    write_timeline(GOLD_ABC, gold_dir / "acme.txt")
    write_timeline(GOLD_ABC, system_dir / "acme.txt")
    (gold_dir / "bad.txt").write_bytes(data)
    write_timeline(timeline("1 2012 4-2-q", entity="Bad"), system_dir / "bad.txt")
    flaws = FlawLog()
    result = score_directory(system_dir, gold_dir, flaws=flaws)
    assert [row["file"] for row in result["timelines"]] == ["acme.txt"]
    assert result["micro"]["f1"] == 1.0
    (flaw,) = flaws.flaws
    assert (Path(flaw.file).name, flaw.line, flaw.detail) == ("bad.txt", line, "file skipped")
    assert problem in flaw.problem


def write_cat(path: Path, *tokens: tuple[str, str, str, str]) -> Path:
    """A CAT file of these (t_id, sentence, number, word) tokens, one a line from line 2."""
    lines = [f'<token t_id="{t}" sentence="{s}" number="{n}">{w}</token>' for t, s, n, w in tokens]
    root = f'<Document doc_id="{path.stem.split("-")[0]}" doc_name="{path.stem}">'
    path.write_text("\n".join([root, *lines, "</Document>"]))
    return path


def test_a_cat_token_without_numbers_is_skipped_with_its_line(tmp_path: Path) -> None:
    cat = write_cat(
        tmp_path / "7-broken.xml",
        ("1", "0", "0", "Title"),
        ("2", "1", "x", "Broken"),
        ("3", "1", "2", "ok"),
    )
    flaws = FlawLog()
    document = read_cat(cat, flaws)
    assert document.text == "Title\n\nok"
    (flaw,) = flaws.flaws
    assert (flaw.line, flaw.detail) == (3, "token skipped") and "'Broken'" in flaw.problem
    with pytest.raises(ValueError, match=r"7-broken\.xml:3: token 'Broken'"):
        read_cat(cat)


def test_flawed_articles_are_left_out_or_repaired_and_the_rest_paired(tmp_path: Path) -> None:
    cats, timemls = tmp_path / "cat", tmp_path / "timeml"
    shutil.copytree(FIXTURES / "cat", cats)
    shutil.copytree(FIXTURES / "timeml", timemls)
    # 101's DCT written day first: the text prints "March 5 , 2012", so it is repaired.
    dct_101 = timemls / "101-Orchard_unveils_tablet.tml"
    dct_101.write_text(dct_101.read_text().replace('value="2012-03-05"', 'value="05-03-2012"'))
    # 202's CAT is not well-formed; a third article has a CAT but a TimeML copy without a DCT.
    broken = cats / "202_Orchard_recalls_tablet.txt.xml"
    broken.write_text(broken.read_text().replace("</Document>", ""))
    end_of_broken = broken.read_text().count("\n") + 1  # where the parser misses </Document>
    write_cat(cats / "303-undated.xml", ("1", "0", "0", "Undated"))
    (timemls / "303-undated.tml").write_text("<TimeML><DOCID>303</DOCID><TEXT>x</TEXT></TimeML>")
    flaws = FlawLog()
    articles = read_articles(cats, timemls, flaws)
    assert [(a.cat.doc_id, a.published) for a in articles] == [("101", date(2012, 3, 5))]
    found = {(Path(f.file).name, f.line, f.detail) for f in flaws.flaws}
    assert found == {
        ("202_Orchard_recalls_tablet.txt.xml", end_of_broken, "file skipped"),
        ("101-Orchard_unveils_tablet.tml", 3, "read as 2012-03-05, the date the text prints"),
        ("303-undated.tml", None, "file skipped"),
        ("202_Orchard_recalls_tablet,_offers_refunds.tml", None, "file skipped"),
        ("303-undated.xml", None, "article skipped"),
    }
    problems = {Path(f.file).name: f.problem for f in flaws.flaws}
    assert problems["202_Orchard_recalls_tablet.txt.xml"].startswith("XML error")
    assert problems["303-undated.tml"].startswith("no <DCT>")
    assert problems["303-undated.xml"] == "no usable TimeML copy of document 303 to date it"
