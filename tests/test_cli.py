"""The command end to end on the seed articles, with the real spaCy pipeline and dateparser."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from typer.testing import CliRunner

from timeline_cli.cli.app import app
from timeline_cli.cli.extract import PROGRESS_THRESHOLD, run_with_progress
from timeline_cli.output.export import CSV_COLUMNS
from timeline_cli.pipeline.run import Settings

runner = CliRunner()


@pytest.fixture(scope="module")
def chronology(seeds: Path) -> dict[str, Any]:
    result = runner.invoke(app, ["extract", str(seeds), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def find(
    chronology: dict[str, Any], event_type: str, date: str, *actors: str
) -> list[dict[str, Any]]:
    return [
        event
        for event in chronology["events"]
        if event["type"] == event_type
        and event["date"] == date
        and set(actors) <= set(event["actors"])
    ]


def test_schema_header_and_documents(chronology: dict[str, Any]) -> None:
    assert chronology["schema"] == "timeline-cli/chronology" and chronology["version"] == 1
    documents = {d["id"]: d for d in chronology["documents"]}
    assert documents["000_dcdabd07474a23f9"]["published"] == "2012-03-07"
    assert documents["000_dcdabd07474a23f9"]["published_source"] == "header"
    dateline = documents["002_cfee3bea70a924cd"]
    assert (dateline["published"], dateline["published_source"]) == ("2012-03-09", "dateline")
    assert "Friday" in dateline["published_note"]
    metadata = documents["003_1313ecc6bbfa66b3"]
    assert (metadata["published"], metadata["published_source"]) == ("2024-05-14", "metadata")


@pytest.mark.parametrize(
    ("event_type", "date", "actors", "evidence"),
    [
        ("statement", "2012-03-05", (), "congressman urged"),
        ("visit", "2012-03-07", (), "visited Beijing on Wednesday"),
        ("meeting", "2012-03-07", ("Kim Sung-hwan", "Ban Ki-moon"), "New York"),
        ("meeting", "2012-03-09", ("Kim Sung-hwan", "Hillary Clinton"), "Friday"),
        ("statement", "2012-03-09", ("Hillary Clinton",), "made clear Friday"),
        ("statement", "2012-02", ("Glyn Davies",), "raised our concerns"),
        ("repatriation", "2023-10", ("China",), "about 500"),
        ("repatriation", "2024-04-26", (), "Baishan"),
        ("statement", "2024-05-08", ("Human Rights Watch",), "confirmed on the 8th"),
        ("talks", "2024-05-13", ("Cho Tae-yul", "Wang Yi"), "held talks"),
    ],
)
def test_seed_events_appear_once_with_their_date(
    chronology: dict[str, Any], event_type: str, date: str, actors: tuple[str, ...], evidence: str
) -> None:
    matches = [
        event
        for event in find(chronology, event_type, date, *actors)
        if any(evidence in mention["sentence"] for mention in event["mentions"])
    ]
    assert len(matches) == 1, [e["summary"] for e in find(chronology, event_type, date)]


def test_clinton_meeting_is_merged_from_two_articles(chronology: dict[str, Any]) -> None:
    (meeting,) = find(chronology, "meeting", "2012-03-09", "Kim Sung-hwan", "Hillary Clinton")
    assert meeting["documents"] == ["000_dcdabd07474a23f9", "002_cfee3bea70a924cd"]
    assert meeting["source_count"] == 2 and meeting["precision"] == "day"


def test_name_variants_and_acronyms_are_one_actor(chronology: dict[str, Any]) -> None:
    actors = {actor["name"]: actor for actor in chronology["actors"]}
    assert "Cho Tae-yeol" in actors["Cho Tae-yul"]["aliases"]
    assert "Cho Tae-yeol" not in actors
    assert "HRW" in actors["Human Rights Watch"]["aliases"]
    assert "U.S. Secretary of State" in actors["Hillary Clinton"]["roles"]
    names = {name for event in chronology["events"] for name in event["actors"]}
    assert not {"Cho Tae-yeol", "HRW", "Clinton"} & names


def test_beijing_visit_and_new_york_meeting_stay_apart(chronology: dict[str, Any]) -> None:
    (visit,) = [e for e in find(chronology, "visit", "2012-03-07") if "Beijing" in e["places"]]
    assert "New York" not in visit["places"]
    (meeting,) = find(chronology, "meeting", "2012-03-07", "Ban Ki-moon")
    assert meeting["places"] == ["New York"]


def test_evidence_offsets_point_into_the_source(chronology: dict[str, Any], seeds: Path) -> None:
    for event in chronology["events"]:
        for mention in event["mentions"]:
            text = (seeds / f"{mention['document']}.txt").read_text(encoding="utf-8")
            assert text[mention["start"] : mention["end"]].strip() == mention["sentence"]


def test_no_event_from_web_debris(chronology: dict[str, Any]) -> None:
    sentences = [m["sentence"] for e in chronology["events"] for m in e["mentions"]]
    for debris in (
        "commenting using",
        "Leave a Reply",
        "Pingback",
        "All rights reserved",
        "Join us",
    ):
        assert not [s for s in sentences if debris in s]


def test_month_sorts_before_its_days(chronology: dict[str, Any]) -> None:
    starts = [(e["start"], e["precision"]) for e in chronology["events"] if e["start"]]
    assert starts == sorted(starts, key=lambda pair: pair[0])
    months = [e for e in chronology["events"] if e["precision"] == "month"]
    assert months and all(e["date"] == e["start"][:7] for e in months)


def test_csv_from_extension_and_no_clobber(seeds: Path, tmp_path: Path) -> None:
    target = tmp_path / "chronology.csv"
    assert runner.invoke(app, ["extract", str(seeds), "-o", str(target)]).exit_code == 0
    header = target.read_text(encoding="utf-8").splitlines()[0]
    assert header == "\ufeff" + ",".join(CSV_COLUMNS)
    before = target.read_bytes()
    refused = runner.invoke(app, ["extract", str(seeds), "-o", str(target)])
    assert refused.exit_code == 2 and "--force" in refused.output
    assert target.read_bytes() == before
    assert runner.invoke(app, ["extract", str(seeds), "-o", str(target), "--force"]).exit_code == 0


def test_jsonl_is_one_event_per_line(seeds: Path, chronology: dict[str, Any]) -> None:
    result = runner.invoke(app, ["extract", str(seeds), "--format", "jsonl"])
    lines = result.stdout.splitlines()
    assert len(lines) == len(chronology["events"])
    assert json.loads(lines[0]) == chronology["events"][0]


def test_files_as_well_as_folders_and_published_option(seeds: Path) -> None:
    article = seeds / "003_1313ecc6bbfa66b3.txt"  # alone, without its folder's metadata row... no:
    result = runner.invoke(
        app,
        ["extract", str(article), "--format", "json", "--published", f"{article.name}=2024-05-20"],
    )
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["documents"][0]["published_source"] == "option"
    assert find(data, "talks", "2024-05-13", "Cho Tae-yul")  # "the 13th", still before the 20th


@pytest.mark.parametrize(
    ("name", "hint"),
    [
        ("nosuch.txt", ""),
        ("003_1313ecc6bbfa66b.txt", "; did you mean 003_1313ecc6bbfa66b3.txt?"),
        ("002_cfee3bea70a924cb", "; did you mean 002_cfee3bea70a924cd.txt?"),
    ],
)
def test_published_for_an_unknown_article_is_a_usage_error(
    seeds: Path, name: str, hint: str
) -> None:
    result = runner.invoke(app, ["extract", str(seeds), "--published", f"{name}=2024-01-01"])
    assert result.exit_code == 2
    assert result.stderr == f"timeline: error: --published {name}: no article of that name{hint}\n"


def test_published_for_an_unknown_row_of_a_dataset_is_a_usage_error(tmp_path: Path) -> None:
    rows = tmp_path / "articles.jsonl"
    text = "Kim Sung-hwan met Hillary Clinton in Washington on Friday, officials said."
    rows.write_text(json.dumps({"id": "kim-clinton", "text": text}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(rows), "--published", "kim-clinto=2012-03-09"])
    assert result.exit_code == 2
    assert "--published kim-clinto: no article of that name; did you mean kim-clinton?" in (
        result.stderr
    )


def test_terminal_table(seeds: Path) -> None:
    result = runner.invoke(app, ["extract", str(seeds), "--no-color"])
    assert result.exit_code == 0
    assert "13 May 2024" in result.stdout and "Feb 2012" in result.stdout
    assert "3 article(s)" in result.stdout


def test_output_is_deterministic(seeds: Path) -> None:
    first = runner.invoke(app, ["extract", str(seeds), "--format", "json"]).stdout
    second = runner.invoke(app, ["extract", str(seeds), "--format", "json"]).stdout
    assert first == second


# --- errors --------------------------------------------------------------------------------


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert "no such file or folder" in result.output and "nowhere" in result.output
    assert "Traceback" not in result.output


def test_empty_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 2 and "no articles found" in result.output


def test_bad_files_are_skipped_and_named(seeds: Path, tmp_path: Path) -> None:
    shutil.copy(seeds / "000_dcdabd07474a23f9.txt", tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 20)
    (tmp_path / "debris.txt").write_text("Leave a Reply\n\nText Size\n")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "deleted.txt")
    result = runner.invoke(app, ["extract", str(tmp_path), "--format", "json"])
    assert result.exit_code == 1
    for name, reason in [
        ("empty.txt", "empty"),
        ("binary.txt", "binary"),
        ("debris.txt", "no article text"),
        ("dangling.txt", "No such file"),
    ]:
        assert any(name in line and reason in line for line in result.stderr.splitlines())
    data = json.loads(result.stdout)
    assert [d["id"] for d in data["documents"]] == ["good"]
    assert find(data, "meeting", "2012-03-07", "Ban Ki-moon")


def test_undated_article_warns_and_never_guesses(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Minister Cho Tae-yul held talks with Wang Yi in Beijing on the 13th.\n\n"
        "China repatriated 500 defectors in October 2023, Human Rights Watch said.\n"
    )
    result = runner.invoke(app, ["extract", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0
    assert "publication date unknown" in result.stderr and "unresolved" in result.stderr
    data = json.loads(result.stdout)
    (talks,) = [e for e in data["events"] if e["type"] == "talks"]
    assert talks["date"] is None and talks["precision"] == "unresolved"
    assert find(data, "repatriation", "2023-10", "China")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--format", "xml"], "unknown format"),
        (["-o", "out.xyz"], "extension"),
        (["--published", "a.txt=yesterday"], "NAME=YYYY-MM-DD"),
        (["--model", "no_such_model"], "no spaCy pipeline"),
    ],
)
def test_usage_errors(seeds: Path, arguments: list[str], message: str) -> None:
    result = runner.invoke(app, ["extract", str(seeds), *arguments])
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output


def test_progress_bar_on_a_terminal_for_long_runs(tmp_path: Path) -> None:
    paths = []
    for index in range(PROGRESS_THRESHOLD):
        path = tmp_path / f"{index:02d}.txt"
        path.write_text(f"Kim Sung-hwan met Ban Ki-moon in New York on March {index + 1}, 2012.\n")
        paths.append(path)
    stream = io.StringIO()
    terminal = Console(file=stream, force_terminal=True, width=80)
    result = run_with_progress(paths, Settings(), terminal, quiet=False)
    assert len(result.chronology.documents) == PROGRESS_THRESHOLD
    assert f"{PROGRESS_THRESHOLD}/{PROGRESS_THRESHOLD}" in stream.getvalue()


# --- eval-timex ------------------------------------------------------------------------------

TIMEML_FIXTURES = Path(__file__).parent / "fixtures" / "timeml"


def test_eval_timex_json_scores(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval-timex", str(TIMEML_FIXTURES), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    expected_keys = {"documents", "gold", "predicted", "strict", "relaxed", "value_f1", "type_f1"}
    assert expected_keys | {"seconds", "flaws"} == set(scores)
    assert scores["flaws"] == {"repaired": 0, "skipped": 0, "items": []}
    assert scores["documents"] >= 1 and 0 < scores["relaxed"]["f1"] <= 1
    assert set(scores["strict"]) == {"precision", "recall", "f1"}


def test_eval_timex_table_and_errors() -> None:
    result = runner.invoke(app, ["eval-timex", str(TIMEML_FIXTURES), "--errors", "5"])
    assert result.exit_code == 0
    assert "relaxed span" in result.stdout and "value" in result.stdout
    assert "gold:" in result.stdout  # the fixture holds a deliberately wrong gold value


def test_eval_timex_skips_unusable_files_names_why_and_scores_the_rest(tmp_path: Path) -> None:
    shutil.copy(TIMEML_FIXTURES / "earnings.tml", tmp_path)
    depth = 5000
    (tmp_path / "nested.tml").write_text(
        f"<TimeML><TEXT>{'<s>' * depth}{'</s>' * depth}</TEXT></TimeML>"
    )
    (tmp_path / "feb30.tml").write_text(
        '<TimeML>\n<DCT><TIMEX3 value="1998-02-30"/></DCT><TEXT>Prices fell.</TEXT></TimeML>'
    )
    laughs = "".join(f'<!ENTITY e{n} "{f"&e{n - 1};" * 10}">' for n in range(1, 10))
    (tmp_path / "bomb.tml").write_text(
        f'<!DOCTYPE TimeML [<!ENTITY e0 "lol">{laughs}]><TimeML><TEXT>&e9;</TEXT></TimeML>'
    )
    result = runner.invoke(app, ["eval-timex", str(tmp_path), "--json"])
    assert result.exit_code == 1, result.output  # files were skipped
    scores = json.loads(result.stdout)
    assert scores["documents"] == 1 and scores["gold"] == 4  # earnings.tml, scored
    reasons = {Path(item["file"]).name: item["problem"] for item in scores["flaws"]["items"]}
    assert reasons == {
        "bomb.tml": "XML error: limit on input amplification factor (from DTD and entities) "
        "breached",
        "feb30.tml": "DCT value '1998-02-30' is not a calendar date",
        "nested.tml": "elements nested more than 100 deep",
    }
    assert scores["flaws"]["skipped"] == 3
    assert "feb30.tml:2: DCT value '1998-02-30' is not a calendar date; file skipped" in (
        result.stderr
    )
    assert "3 flaw(s) in the data: 0 repaired, 3 skipped" in result.stderr


def test_eval_timex_missing_path(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval-timex", str(tmp_path / "none")])
    assert result.exit_code == 2 and "no such file" in result.output


# --- eval-timeline ---------------------------------------------------------------------------

SEMEVAL_FIXTURES = Path(__file__).parent / "fixtures" / "semeval"
TASK_LAYOUT = (("cat", "articles_cat"), ("timeml", "articles_timeml"), ("gold", "gold_timelines"))


def test_eval_timeline_writes_and_scores_timelines(tmp_path: Path) -> None:
    data = tmp_path / "data"
    for source, target in TASK_LAYOUT:
        shutil.copytree(SEMEVAL_FIXTURES / source, data / target)
    out = tmp_path / "out"
    result = runner.invoke(app, ["eval-timeline", str(data), "--out", str(out), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert set(scores["micro"]) >= {"precision", "recall", "f1"}
    written = (out / "quill_tablet.txt").read_text(encoding="utf-8").splitlines()
    assert written[0] == "Quill tablet"
    assert all(len(line.split("\t")) >= 3 for line in written[1:])
    again = runner.invoke(app, ["eval-timeline", str(data), "--out", str(out)])
    assert again.exit_code == 2 and "--force" in again.output  # never writes over results


def test_eval_timeline_repairs_real_data_flaws_names_them_and_scores_the_same(
    tmp_path: Path,
) -> None:
    clean, flawed = tmp_path / "clean", tmp_path / "flawed"
    for data in (clean, flawed):
        for source, target in TASK_LAYOUT:
            shutil.copytree(SEMEVAL_FIXTURES / source, data / target)
    # A day-first DCT (the text prints "April 10 , 2012"), and two gold lines fused into one.
    dct = next((flawed / "articles_timeml").glob("202_*.tml"))
    dct.write_text(dct.read_text().replace('value="2012-04-10T09:30:00"', 'value="10-04-2012"'))
    gold = flawed / "gold_timelines" / "quill_tablet.txt"
    gold.write_text(gold.read_text().replace("202-2-recalled\n4\t", "202-2-recalled4\t"))

    def scores(data: Path) -> tuple[int, dict[str, Any], str]:
        arguments = ["eval-timeline", str(data), "--out", str(data / "out"), "--json"]
        result = runner.invoke(app, arguments)
        return result.exit_code, json.loads(result.stdout), result.stderr

    clean_code, clean_scores, _ = scores(clean)
    code, flawed_scores, stderr = scores(flawed)
    assert clean_code == code == 0  # both flaws repaired: nothing was left out
    assert flawed_scores["micro"] == clean_scores["micro"]
    assert flawed_scores["micro"]["gold_relations"] > 0
    assert f"{gold}:6: 2 lines fused into one (ORDER 4 stuck to '202-2-recalled')" in stderr
    assert f"{dct}:3: DCT value '10-04-2012' is not YYYY-MM-DD; read as 2012-04-10" in stderr
    assert "2 flaw(s) in the data: 2 repaired, 0 skipped" in stderr
    assert flawed_scores["flaws"]["repaired"] == 2
    assert [item["line"] for item in flawed_scores["flaws"]["items"]] == [3, 6]


def test_eval_timeline_skips_what_it_cannot_repair_and_says_so(tmp_path: Path) -> None:
    data = tmp_path / "data"
    for source, target in TASK_LAYOUT:
        shutil.copytree(SEMEVAL_FIXTURES / source, data / target)
    (data / "gold_timelines" / "broken.txt").write_bytes(b"Broken\n1\t2010\t1-2-a\n\xff\n")
    result = runner.invoke(app, ["eval-timeline", str(data), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1  # a file was skipped
    assert "quill tablet" in result.stdout.lower() and "micro-average" in result.stdout
    assert "broken.txt:3: not UTF-8" in result.stderr and "file skipped" in result.stderr


def test_eval_timeline_needs_the_task_layout(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval-timeline", str(tmp_path), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "articles_cat" in result.output


@pytest.mark.parametrize(
    ("arguments", "code"),
    [(["--help"], 0), (["--version"], 0), (["extract", "no/such/folder"], 2), ([], 2)],
)
def test_help_version_and_usage_errors_answer_without_the_nlp(
    arguments: list[str], code: int
) -> None:
    """Nothing of spaCy (nor dateparser) is imported before the options are checked."""
    script = (
        "import sys\n"
        "from timeline_cli.cli.app import main\n"
        f"sys.argv = ['timeline', *{arguments!r}]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as exit:\n"
        "    loaded = [m for m in ('spacy', 'thinc', 'dateparser') if m in sys.modules]\n"
        "    print(exit.code, loaded, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.stderr.strip().splitlines()[-1] == f"{code} []"
    if arguments == ["--version"]:
        assert result.stdout.startswith("timeline-cli ")


# --- conventions ---------------------------------------------------------------------------------


def saved_chronology(folder: Path) -> Path:
    """A small saved chronology, made without the NLP: a meeting (a coloured type) and a
    statement."""
    from datetime import date

    from timeline_cli.core.models import Chronology, ChronologyEvent, Mention
    from timeline_cli.output.export import to_json

    def event(event_id: str, event_type: str, summary: str) -> ChronologyEvent:
        sentence = f"{summary} on Friday."
        return ChronologyEvent(
            event_id, "2012-03-09", "day", date(2012, 3, 9), date(2012, 3, 9), event_type,
            summary, ("Kim Sung-hwan",), (), (Mention("a", sentence, 0, len(sentence), "met"),),
        )  # fmt: skip

    chronology = Chronology(
        (), (event("ev-1", "meeting", "Kim met Clinton"), event("ev-2", "statement", "Kim said"))
    )
    path = folder / "saved.json"
    path.write_text(to_json(chronology), encoding="utf-8")
    return path


def on_a_terminal(arguments: list[str], **environment: str) -> str:
    """What the command prints on a terminal (a pseudo-terminal for stdout and stderr)."""
    import os
    import pty

    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env.update(TERM="xterm-256color", COLUMNS="100", **environment)
    main, sub = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "timeline_cli", *arguments],
        stdin=subprocess.DEVNULL, stdout=sub, stderr=sub, env=env,
    )  # fmt: skip
    os.close(sub)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the terminal closed: the command ended
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    assert process.wait(timeout=120) in (0, 2)
    return b"".join(chunks).decode("utf-8", "replace")


def colours(text: str) -> list[str]:
    """The colour changes among the terminal's escape sequences (bold and the like aside)."""
    import re

    found = []
    for parameters in re.findall(r"\x1b\[([0-9;]*)m", text):
        codes = parameters.split(";")
        if any(c in {"38", "48"} or (c[:1] in "349" and len(c) == 2) for c in codes if c):
            found.append(parameters)
    return found


def test_no_color_and_the_option_are_honoured_on_a_terminal(tmp_path: Path) -> None:
    saved = str(saved_chronology(tmp_path))
    assert colours(on_a_terminal(["show", saved]))  # colour by default on a terminal
    plain = on_a_terminal(["show", saved], NO_COLOR="1")
    assert "Kim met Clinton" in plain and colours(plain) == []
    assert colours(on_a_terminal(["show", saved, "--no-color"])) == []


def test_a_workbook_is_not_written_to_a_terminal(tmp_path: Path) -> None:
    printed = on_a_terminal(["show", str(saved_chronology(tmp_path)), "--format", "xlsx"])
    assert "timeline: error: xlsx is a binary file: write it with -o FILE.xlsx" in printed


def test_dash_is_standard_output_and_standard_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    saved = saved_chronology(tmp_path)
    result = runner.invoke(app, ["show", str(saved), "-o", "-", "--format", "jsonl"])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 2
    assert not (tmp_path / "-").exists()
    piped = runner.invoke(app, ["show", "-", "--format", "markdown"], input=saved.read_text())
    assert piped.exit_code == 0 and "Kim met Clinton" in piped.stdout
    empty = runner.invoke(app, ["show", "-"], input="")
    assert empty.exit_code == 2 and "standard input: empty" in empty.stderr


@pytest.mark.parametrize(
    ("arguments", "parts"),
    [
        (["extract", "seeds", "--fromat", "json"],
         ("no such option: --fromat", "--format", "(see 'timeline extract --help')")),
        (["extractt"], ("no such command 'extractt'", "extract", "(see 'timeline --help')")),
        (["show"], ("missing argument 'FILE'", "(see 'timeline show --help')")),
        (["show", "a.json", "--min-sources"], ("option '--min-sources' requires an argument",)),
    ],
)  # fmt: skip
def test_usage_mistakes_are_one_line_with_where_to_look(
    arguments: list[str], parts: tuple[str, ...]
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "timeline_cli", *arguments],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith("timeline: error: ")
    assert all(part in result.stderr for part in parts), result.stderr


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--min-sources", "x"], "--min-sources wants a whole number of 1 or more, got 'x'"),
        (["--min-sources", "0"], "--min-sources wants a whole number of 1 or more, got '0'"),
        (["--jobs", "two"], "--jobs wants a whole number of 1 or more, got 'two'"),
    ],
)
def test_a_wrong_number_is_named(seeds: Path, arguments: list[str], message: str) -> None:
    result = runner.invoke(app, ["extract", str(seeds), *arguments])
    assert result.exit_code == 2 and result.stderr == f"timeline: error: {message}\n"


def test_eval_timex_errors_wants_a_number() -> None:
    result = runner.invoke(app, ["eval-timex", str(TIMEML_FIXTURES), "--errors", "some"])
    assert result.exit_code == 2
    assert "--errors wants a whole number of 0 or more, got 'some'" in result.stderr


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("events.csv", "start,date\n2012-03-09,9 Mar 2012\n", "a CSV file"),
        ("events.jsonl", '{"id": "ev-1"}\n{"id": "ev-2"}\n', "a JSON Lines file"),
        ("events.json", '{"id": "ev-1"}\n{"id": "ev-2"}\n', "JSON Lines (one object a line)"),
        ("book.json", "PK\x03\x04 not really a workbook", "a ZIP file (an Excel workbook?)"),
    ],
)
def test_show_names_a_file_of_the_wrong_kind(
    tmp_path: Path, name: str, content: str, kind: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["show", str(path)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"timeline: error: {path}: {kind}, not a saved chronology; timeline show reads the JSON "
        "that extract writes with --format json\n"
    )


@pytest.mark.parametrize(
    "command", ["", "extract", "show", "explain", "eval-timex", "eval-events", "eval-timeline"]
)
def test_help_shows_plain_metavars(command: str) -> None:
    result = runner.invoke(app, [*command.split(), "--help"], prog_name="timeline")
    assert result.exit_code == 0
    assert "<" not in result.stdout and "{" not in result.stdout, result.stdout
    if command in ("extract", "explain", "eval-timex"):
        assert f"Usage: timeline {command} [OPTIONS] PATH..." in result.stdout
