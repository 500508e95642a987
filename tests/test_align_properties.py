"""Whatever the input, the beads cover both sides exactly once, in order, with sane scores."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from transqa.align import align, pair_rows
from transqa.model import Bead, Segment

WORDS = ["Makindye", "Obama", "2019", "१२", "[P3]", "R1", "ndiyo", "yes", "שלום", "नमस्ते", "?", "!", "“quote”", "a", ""]
texts = st.lists(st.sampled_from(WORDS), max_size=8).map(" ".join)
segment = st.tuples(texts, st.sampled_from([None, "M", "R1", "Moderator", "Respondent 1"]), st.one_of(st.none(), st.floats(0, 5000)))


def segments(max_size: int) -> st.SearchStrategy[list[Segment]]:
    return st.lists(segment, max_size=max_size).map(
        lambda items: [Segment(line=i + 1, text=t, speaker=s, seconds=sec) for i, (t, s, sec) in enumerate(items)]
    )


def assert_covering(beads: list[Bead], n: int, m: int) -> None:
    src = [i for b in beads for i in b.source]
    tgt = [j for b in beads for j in b.translation]
    assert src == list(range(n))
    assert tgt == list(range(m))
    for b in beads:
        assert b.source or b.translation
        assert 0.0 <= b.score <= 1.0
        if not b.source or not b.translation:
            assert b.score == 0.0


@settings(max_examples=150, deadline=None)
@given(segments(30), segments(30))
def test_align_covers_both_sides_once_in_order(source, translation):
    assert_covering(align(source, translation, source_lang="sw"), len(source), len(translation))


@settings(max_examples=40, deadline=None)
@given(segments(120), segments(120))
def test_long_uneven_pairs_still_cover(source, translation):
    # Long enough for the band to be narrower than the matrix and to need widening.
    assert_covering(align(source, translation, source_lang="hi"), len(source), len(translation))


@settings(max_examples=60, deadline=None)
@given(segments(20), segments(20))
def test_table_rows_are_kept_and_cover(source, translation):
    beads = pair_rows(source, translation, source_lang="de")
    assert_covering(beads, len(source), len(translation))
    for b in beads[: min(len(source), len(translation))]:
        assert b.source == b.translation  # row i stays row i: never re-paired


def test_empty_sides():
    segs = [Segment(line=i + 1, text=f"line {i}") for i in range(3)]
    assert align([], []) == []
    assert [b.kind for b in align(segs, [])] == ["1-0"] * 3
    assert [b.kind for b in align([], segs)] == ["0-1"] * 3
