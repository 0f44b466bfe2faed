"""A non-English article is named in a warning (the stop-word heuristic of ``language``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline_cli.cli.app import app
from timeline_cli.ingest.language import non_english

ENGLISH = (
    "The president met union leaders in Paris on Tuesday to discuss the pension reform, "
    "according to a statement released by his office. The talks lasted more than three hours "
    "and will resume next week, a government spokesman said in an interview with the radio."
)
FRENCH = (
    "Le président a rencontré mardi à Paris les représentants des syndicats pour discuter de la "
    "réforme des retraites, selon un communiqué publié par son cabinet. Les discussions ont duré "
    "plus de trois heures et doivent reprendre la semaine prochaine, a indiqué le porte-parole "
    "du gouvernement dans un entretien accordé à la radio."
)
SPANISH = (
    "El gobierno anunció el lunes un nuevo plan para reducir la inflación, según informó el "
    "ministro de Economía en una conferencia de prensa celebrada en Madrid. Las medidas incluyen "
    "una rebaja de impuestos para las familias con menos ingresos y entrarán en vigor el próximo "
    "mes, pero la oposición dijo que no son suficientes."
)
GERMAN = (
    "Die Regierung hat am Mittwoch in Berlin ein neues Gesetz beschlossen, das nach Angaben des "
    "Ministeriums im kommenden Jahr in Kraft treten soll. Die Kosten für die Verbraucher sollen "
    "damit sinken, wie ein Sprecher mitteilte. Die Opposition kritisierte, dass die Maßnahmen zu "
    "spät kommen und nicht weit genug gehen, und sie kündigte an, dass sie im Parlament dagegen "
    "stimmen wird. Auch die Verbände der Wirtschaft sind nicht zufrieden mit dem Entwurf."
)
KOREAN = "정부는 월요일 서울에서 새로운 경제 정책을 발표했다. 이번 조치는 물가 안정을 목표로 한다."
RUSSIAN = "Президент встретился во вторник в Москве с представителями профсоюзов."
# Names and dates, capitalised, are no language: a list of festivals is still English.
LISTING = (
    "Venice, August 29 - September 8. Berlin, February 8 - 18. Rotterdam, January 24 - "
    "February 4. Sundance, January 18 - 28. Toronto, September 7 - 16. Telluride, September 1 "
    "- 4. Music documentaries of several kinds are set to lead the programme of the film "
    "festival in London, where the first of them will open the festival on Friday, and the "
    "rest will be shown over the week that follows."
)


@pytest.mark.parametrize(
    ("text", "looks"),
    [
        (FRENCH, "looks French, not English"),
        (SPANISH, "looks Spanish, not English"),
        (GERMAN, "looks German, not English"),
        (KOREAN, "looks Korean, not English"),
        (RUSSIAN, "is in Cyrillic script, not English"),
    ],
)
def test_other_languages_are_told(text: str, looks: str) -> None:
    guess = non_english(text)
    assert guess is not None and guess[0] == looks and guess[1] < 0.2


@pytest.mark.parametrize("text", [ENGLISH, LISTING, "Officials met on Monday.", ""])
def test_english_and_too_short_texts_pass(text: str) -> None:
    assert non_english(text) is None


def test_a_language_it_cannot_name_is_still_not_english() -> None:
    finnish = (
        "Hallitus kertoi tiistaina, että uusi laki tulee voimaan ensi vuonna. Ministeriön mukaan "
        "muutos koskee kaikkia kuntia, ja sen kustannukset jaetaan valtion ja kuntien kesken. "
        "Oppositio arvosteli esitystä, koska sen mielestä se ei ratkaise ongelmaa eikä auta "
        "niitä, jotka tarvitsevat apua eniten, ja vaati hallitukselta uutta esitystä syksyllä."
    )
    assert non_english(finnish) == (None, 0.0)


def test_extract_names_the_non_english_article(tmp_path: Path) -> None:
    (tmp_path / "english.txt").write_text(f"Talks\n\nMarch 6, 2012\n\n{ENGLISH}\n", "utf-8")
    (tmp_path / "francais.txt").write_text(f"Retraites\n\n6 mars 2012\n\n{FRENCH}\n", "utf-8")
    result = CliRunner().invoke(app, ["extract", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if "not English" in line]
    assert warnings == [
        "timeline: warning: francais: the text looks French, not English (only 4% of its words "
        "are common English ones); the English pipeline finds few or no events in it"
    ]
