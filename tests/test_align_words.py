"""The aligner reads words in batches and caches what it read: batches and caches must not change anything.

Words are folded and reduced to skeletons many at a time (joined by a separator, one
translation and a few regular expressions for all of them), and features are kept between
alignments. A word's result must not depend on its neighbours in a batch, and a re-alignment
must give the beads a fresh one gives.
"""

from __future__ import annotations

import gc
import random

from transqa.align import align
from transqa.align.evaluate import make_case
from transqa.align.features import clear_caches
from transqa.align.lexicon import fold_words
from transqa.align.skeleton import skeleton, skeletons
from transqa.text.normalise import fold
from transqa.text.tokens import words

LANGS = ("sw", "lg", "de", "he", "hi", "mr")
TRICKY = [
    "Straße", "ÉCOLE", "naïve", "Ǆemal", "שָׁלוֹם", "צה״ל", "नमस्ते", "क़िला", "ट्रंप", "वॉशिंगटन",
    "n'okutuusa", "Peer-Begleiter", "Amani’s", "R1", "2019", "१२", "x", "Xx", "Trump", "Kampala",
]


def sample_words(corpus, k: int = 400) -> list[str]:
    rng = random.Random(7)
    out = list(TRICKY)
    for lang in LANGS:
        pairs = corpus.pairs(lang)
        for source, english in rng.sample(pairs, 40):
            out += words(source) + words(english)
    rng.shuffle(out)
    return out[: k * len(LANGS)] + TRICKY


def test_batch_folding_equals_one_word_at_a_time(parallel):
    batch = sample_words(parallel)
    assert fold_words(batch) == [fold_words([w])[0] for w in batch]
    latin = [w for w in batch if w[0] < "\u0590"]
    assert fold_words(latin) == [fold(w) for w in latin]  # the fast paths fold as fold() does


def test_batch_skeletons_equal_one_word_at_a_time(parallel):
    batch = sample_words(parallel)
    assert skeletons(batch) == [skeleton(w) for w in batch]
    assert skeleton("Kampala") == "KPL" and skeleton("कंपाला") == "KPL" and skeleton("קמפלה") == "KPL"
    assert skeleton("१२") is None and skeleton("2019") is None  # digits are no script's letters


def test_realigning_gives_the_beads_of_a_fresh_alignment(parallel):
    for lang in ("sw", "hi", "he"):
        pairs = parallel.pairs(lang)[:300]
        case = make_case(pairs, random.Random(lang), n_perturb=8, strays=[e for _, e in parallel.pairs("de")])
        clear_caches()
        fresh = align(case.source, case.translation, source_lang=lang)
        again = align(case.source, case.translation, source_lang=lang)
        assert again == fresh
        edited = list(case.source)
        edited[10] = type(edited[10])(line=edited[10].line, text=edited[10].text + " (2019)")
        after_edit = align(edited, case.translation, source_lang=lang)
        clear_caches()
        assert align(edited, case.translation, source_lang=lang) == after_edit


def test_garbage_collector_state_is_restored():
    from transqa.model import Segment

    segs = [Segment(line=i + 1, text=f"line {i} Makindye") for i in range(5)]
    assert gc.isenabled()
    align(segs, segs)
    assert gc.isenabled()
    gc.disable()
    try:
        align(segs, segs)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_full_caches_are_emptied_without_losing_the_alignment(parallel, monkeypatch):
    from transqa.align import features

    pairs = parallel.pairs("he")
    cases = [make_case(pairs[k:k + 120], random.Random(k), n_perturb=4) for k in (0, 400)]
    clear_caches()
    expected = [align(c.source, c.translation, source_lang="he") for c in cases]
    clear_caches()
    monkeypatch.setattr(features, "_CACHE_LIMIT", 50)  # far fewer than one document's words
    monkeypatch.setattr(features, "_TEXT_LIMIT", 50)  # and lines
    for _ in range(2):
        for case, beads in zip(cases, expected):  # each document brings new lines and words to a full cache
            assert align(case.source, case.translation, source_lang="he") == beads
    clear_caches()
