"""The shared word tokenizer: one definition of a word, and an ASCII fast path that agrees with it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from transqa.text.tokens import ASCII_WORD, WORD, tokens, words


def test_words_keep_inner_apostrophes_and_hyphens_in_every_script():
    text = "Amani's Peer-Begleiterinnen n'okutuusa मराठी भाषा וּלְאָמָנִי [P3] R1: a--b"
    assert words(text) == ["Amani's", "Peer-Begleiterinnen", "n'okutuusa", "मराठी", "भाषा",
                           "וּלְאָמָנִי", "P3", "R1", "a", "b"]
    assert [text[t.start:t.end] for t in tokens(text)] == words(text)


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=80))
def test_ascii_fast_path_matches_word_on_any_ascii_text(text):
    assert [m.span() for m in ASCII_WORD.finditer(text)] == [m.span() for m in WORD.finditer(text)]


def test_ascii_fast_path_matches_word_on_real_english(parallel):
    for lang in parallel.LANGS:
        for _, en in parallel.pairs(lang)[:400]:
            if en.isascii():
                assert ASCII_WORD.findall(en) == WORD.findall(en)
