"""The speed paths of transqa.langid must tokenise exactly as transqa.text.tokens.WORD does."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from transqa.langid import read_english, source_words
from transqa.langid.evidence import _ASCII_GAP_WORD, _GAP_WORD, spans
from transqa.text.tokens import WORD

_TRICKY = "aZ09_'’-.,;: \t\n“”()[]@#/é\u05d0\u05b0\u0915\u093e\u094d\u200cßİ"


def _gap_words(pattern, text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """Words and their offsets rebuilt from (gap, word) pairs."""
    words, at, pos = [], [], 0
    for gap, word in pattern.findall(text):
        pos += len(gap)
        words.append(word)
        at.append((pos, pos + len(word)))
        pos += len(word)
    return words, at


@given(st.text(alphabet=_TRICKY, max_size=40))
def test_gap_word_pairs_are_the_word_tokens(text):
    words, at = _gap_words(_GAP_WORD, text)
    assert words == WORD.findall(text)
    assert at == spans(text) == [m.span() for m in WORD.finditer(text)]


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_ascii_pattern_matches_word_on_ascii_text(text):
    assert _gap_words(_ASCII_GAP_WORD, text) == _gap_words(_GAP_WORD, text)


def test_corpus_lines_tokenise_the_same(parallel):
    rng = random.Random(11)
    for lang in parallel.LANGS:
        for src, en in rng.sample(list(parallel.pairs(lang)), 150):
            for text in (src, en, src.casefold()):
                pattern = _ASCII_GAP_WORD if text.isascii() else _GAP_WORD
                assert _gap_words(pattern, text)[0] == WORD.findall(text)
            assert source_words(src) == frozenset(WORD.findall(src.casefold().replace("\u2019", "'")))


def test_neighbour_sets_score_as_their_union():
    """Passing the source word sets apart (as the checks do) scores as their union would."""
    text = "Then abantu bangi said Kampala was far, okusoma mu masomero nti Makerere."
    sets = (source_words("Abantu bangi"), source_words("okusoma mu Kampala"), source_words("nti Makerere"))
    union = frozenset().union(*sets)
    whole = read_english(text, source=union, source_lang="lg")
    for order in (sets, sets[::-1], (sets[0], frozenset(), *sets[1:])):
        assert read_english(text, sources=order, source_lang="lg") == whole
    # The neighbours' words count: without them the reading differs.
    assert read_english(text, sources=sets[:1], source_lang="lg") != whole
