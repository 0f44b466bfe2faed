"""Telling an article that is not in English, so that its silence is explained.

The pipeline reads English: an article in another language gives no events, and without a
word that looks like a bug or like an empty article. ``language_notice`` names such an article.

The test is a stop-word heuristic, documented here because it decides. Only words that do not
start with a capital count: names and the first words of sentences tell nothing of a language
(a list of festivals and dates is still English). Of those, in English prose a third to a half
are among the commonest English function words of ``ENGLISH_WORDS`` ("the", "of", "and",
"said"...): at least 31% in each of the 1,174 English articles of the Timeline17 and news-dev
sets; in another language a few percent are, through chance spellings ("a", "on", "die"): at
most 9% in the Vietnamese articles of the same set. An article of at least ``MIN_WORDS`` such
words of which fewer than ``ENGLISH_SHARE`` are English function words is not English.

Which language it is comes from the same kind of count over a few other languages' commonest
words, or, for a text mostly in another script, from the script itself (Hangul, Han,
Cyrillic...); when neither tells, the warning says only that it does not look English.
Nothing is downloaded and no model is loaded: the count takes microseconds, and the same text
always gives the same answer.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from timeline_cli.core.models import Document, Notice

MIN_WORDS = 25  # fewer uncapitalised words say too little either way
SAMPLE_WORDS = 2000  # the start of a long article says enough
ENGLISH_SHARE = 0.2  # English prose is far above, other languages far below
OTHER_SHARE = 0.15  # another language is named when this share of words are its own
OTHER_SCRIPT_SHARE = 0.5  # a text whose letters are mostly of another script

_ENGLISH = """
    a about after against all also an and any are as at be because been before being but by
    can could did do does during for from had has have he her him his how i if in into is it
    its last more most my no not of on one only or other our out over said says she should
    so some than that the their them then there these they this those through to under up
    was we were what when where which while who will with would year you
"""
ENGLISH_WORDS = frozenset(_ENGLISH.split())
# The commonest words of other languages written in the Latin script, without those they
# share with English.
OTHER_WORDS = {
    "French": "le la les des du un une et est que qui dans pour pas sur au aux avec ce cette "
    "il elle ont été sont par plus ses leur selon mais ou où",
    "Spanish": "el la los las del de y que en un una por con para es se su sus al lo como más "
    "pero fue ha han según este esta",
    "Portuguese": "o os as da das do dos de e que em um uma para com não se na no nas nos por "
    "mais foi ao à seu sua",
    "German": "der die das und ist nicht ein eine den dem des mit sich auf für von zu im "
    "auch wird wurde sind nach bei aus",
    "Italian": "il la le gli di che e un una per non con del della dei delle sono è alla nel "
    "nella ha si anche più",
    "Dutch": "de het een en van is niet dat die op te met zijn voor er ook aan bij door "
    "werd wordt naar uit",
    "Indonesian": "yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke "
    "karena oleh ada mereka sudah telah",
}
_OTHER = {name: frozenset(words.split()) - ENGLISH_WORDS for name, words in OTHER_WORDS.items()}
# Scripts by the first word of their letters' Unicode names, and what a text in each is.
SCRIPTS = {
    "HANGUL": "looks Korean",
    "CJK": "looks Chinese or Japanese",
    "HIRAGANA": "looks Japanese",
    "KATAKANA": "looks Japanese",
    "CYRILLIC": "is in Cyrillic script",
    "ARABIC": "is in Arabic script",
    "HEBREW": "looks Hebrew",
    "GREEK": "looks Greek",
    "DEVANAGARI": "is in Devanagari script",
    "THAI": "looks Thai",
}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def language_notice(document: Document) -> Notice | None:
    """A warning naming the article if its text is not English, else None."""
    guess = non_english(document.body)
    if guess is None:
        return None
    looks, share = guess
    message = (
        f"{document.id}: the text {looks or 'does not look English'} (only {share:.0%} of its "
        "words are common English ones); the English pipeline finds few or no events in it"
    )
    return Notice("not-english", message, document.id)


def non_english(text: str) -> tuple[str | None, float] | None:
    """For a text that is not English: what it looks like ("looks French", "is in Cyrillic
    script", None when nothing tells) and its share of common English words. None for
    English, or too short a text to tell."""
    found = _WORD.findall(text)[:SAMPLE_WORDS]
    words = [word.lower().replace("’", "'") for word in found if not word[0].isupper()]
    script = _other_script(words)
    if len(words) < MIN_WORDS and script is None:
        return None
    english = sum(word in ENGLISH_WORDS for word in words) / max(len(words), 1)
    if english >= ENGLISH_SHARE:
        return None
    return script or _other_language(words), english


def _other_language(words: list[str]) -> str | None:
    shares = {
        name: sum(word in common for word in words) / len(words) for name, common in _OTHER.items()
    }
    name, share = max(shares.items(), key=lambda item: (item[1], item[0]))
    return f"looks {name}, not English" if share >= OTHER_SHARE else None


# Characters outside ASCII and the Latin supplements and extensions; every script of SCRIPTS
# lies beyond them.
_OUTSIDE_LATIN = re.compile("[^\u0000-\u024f]")


def _other_script(words: list[str]) -> str | None:
    """The script most letters are written in, if it is not the Latin one."""
    text = "".join(words)
    if len(_OUTSIDE_LATIN.findall(text)) < OTHER_SCRIPT_SHARE * len(text):
        return None  # no script but Latin can hold the share: spares naming every character
    scripts: Counter[str] = Counter()
    for word in words:
        for char in word:
            scripts[unicodedata.name(char, "UNKNOWN").split()[0]] += 1
    letters = sum(scripts.values())
    if not letters:
        return None
    script, count = max(scripts.items(), key=lambda item: (item[1], item[0]))
    if script in SCRIPTS and count / letters >= OTHER_SCRIPT_SHARE:
        return f"{SCRIPTS[script]}, not English"
    return None
