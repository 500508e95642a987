"""transqa.langid pieces the untranslated checks rest on."""

from __future__ import annotations

import pytest

from transqa.langid import read_english, source_words
from transqa.langid.evidence import ENGLISH, FOREIGN, NEUTRAL, plain_ranges, score_words
from transqa.langid.identifier import knows, language_name, rank, word_is
from transqa.langid.lexicon import english, key, shared
from transqa.langid.windows import foreign_runs


def test_word_lists_hold_what_they_claim():
    en, de = english(), shared("de")
    assert en["the"] < en["said"] < en["hospital"]  # centibels: smaller = more frequent
    assert len(en) > 90_000 and len(de) > 90_000
    assert de["und"] + 150 <= en.get("und", 800)  # "und" is German far more than English
    assert shared("sw") == {}
    assert key("Amani’s") == "amani's"


@pytest.mark.parametrize("word, lang", [("okusoma", "lg"), ("nti", "lg"), ("wanapenda", "sw"), ("eigentlich", "de")])
def test_word_is_matches_py3langid_rank(word, lang):
    p = dict(rank(f" {word} ", frozenset({"en", lang})))[lang]
    assert word_is(word, lang) == (p > 0.5)
    assert word_is(word, lang)


@pytest.mark.parametrize("word, lang", [("hospital", "lg"), ("inspired", "sw"), ("because", "de")])
def test_english_words_are_not_the_source_language(word, lang):
    assert not word_is(word, lang)


def test_identifier_names_languages_and_knows_luganda():
    assert knows("lg") and knows("sw") and not knows("xx") and not knows(None)
    assert language_name("lg") == "Luganda" and language_name("fr") == "French"


def test_names_codes_and_urls_are_neutral():
    text = "R1 told Kori Schulman about https://example.org/x and @amani_k in Makindye."
    sc = score_words(text, source=frozenset(), source_lang="lg", code=__import__("re").compile(r"[RPIBM]\d{1,3}"))
    scores = dict(zip((m.group() for m in sc.matches), sc.scores))
    assert scores["R1"] == NEUTRAL and scores["Schulman"] == NEUTRAL and scores["Makindye"] == NEUTRAL
    assert scores["amani_k"] == NEUTRAL and scores["told"] == ENGLISH
    assert plain_ranges("see www.example.com now") == [(4, 19)]


def test_source_copied_words_are_evidence():
    src = source_words("Abantu bangi baagala okusoma.")
    sc = score_words("Many abantu bangi baagala okusoma.", source=src, source_lang="lg")
    assert sc.scores[1:] == (FOREIGN,) * 4


def test_windows_need_evidence_and_tolerate_one_common_english_word():
    assert foreign_runs([1, 1, 1, -1, 1, 0]) == [(0, 5)]
    assert foreign_runs([1, 1, -1, -1, 1, 1]) == []
    assert foreign_runs([0.5] * 6) == []  # names and hints alone never fill a window
    assert foreign_runs([1] * 5) == []


def test_reading_of_plain_english_is_clean():
    r = read_english("We talked about the clinic in Makindye with Dr Nalubega for a long time.")
    assert not r.whole and r.stretches == () and r.english > r.foreign
