"""Hebrew for display: visual order per wrapped line, marks after their base, a setting to
leave it to the terminal, and logical order everywhere else."""

from __future__ import annotations

import random
import unicodedata

import bidi as python_bidi
import pytest

from transqa.model import Segment
from transqa.ui import bidi, cellwidth, layout


def test_plain_reordering_agrees_with_python_bidi():
    for text in ("שלום world 123 עולם", "אני חושב ש-30% מהאנשים", "he said שלום to me", "abc"):
        assert bidi.visual(text) == python_bidi.get_display(text)


def test_real_hebrew_sentences_are_permutations_and_reversible(parallel):
    rng = random.Random(3)
    for src, _ in rng.sample(list(parallel.pairs("he")), 50):
        order = bidi.visual_order(src, True)
        assert sorted(order) == list(range(len(src)))
        # without brackets and marks, the visual string is python-bidi's
        if not any(c in "()[]{}<>" or unicodedata.combining(c) for c in src):
            assert bidi.visual(src, True) == python_bidi.get_display(src, base_dir="R")


def test_niqqud_stays_after_its_base_letter():
    word = "שָׁלוֹם"  # shin + qamats + shin dot, lamed, vav + holam, final mem
    shown = bidi.visual(word)
    assert shown[0] == "ם"
    # each base letter is followed by exactly its own marks, in their logical order
    assert shown == "םו\u05b9לש\u05b8\u05c1"
    assert python_bidi.get_display(word) != shown  # plain python-bidi puts marks before their base


def test_brackets_are_mirrored_in_rtl_runs():
    assert bidi.visual("אמר (שלום) לי") == "יל (םולש) רמא"


def test_wrap_first_then_reorder_each_line():
    text = "אני עובד במחלקה כבר שנתיים בערך ולפני זה הייתי מטופל בעצמי"
    cellwidth.install("glibc")
    try:
        rows = layout.segment_lines(text, 20, layout.SideMarks(), rtl=True, reorder=True)
    finally:
        cellwidth.uninstall()
    shown = [layout.row_text(r) for r in rows]
    assert len(shown) > 1
    # the first screen line holds the *first* words of the sentence (right-aligned, reversed)
    first_words = text.split()[:2]
    assert shown[0].rstrip().endswith(first_words[0][::-1])
    assert first_words[1][::-1] in shown[0]
    assert all(len(s) == len(shown[0]) for s in shown)
    assert all(s.startswith(" ") or s == s.strip() for s in shown)  # right-aligned


def test_highlights_follow_their_characters_through_reordering():
    text = "דני כהן עזר לי"
    marks = layout.SideMarks(((0, 7, "error"),))  # "דני כהן"
    row = layout.segment_lines(text, 30, marks, rtl=True, reorder=True)[0]
    marked = "".join(t for t, k in row if k == "span-error")
    assert sorted(marked) == sorted("דני כהן")
    assert marked == "ןהכ ינד"


def test_reorder_off_keeps_logical_order():
    text = "דני כהן עזר לי"
    row = layout.segment_lines(text, 30, layout.SideMarks(), rtl=True, reorder=False)[0]
    assert layout.row_text(row).rstrip() == text


@pytest.mark.parametrize("env,expected", [
    ({}, True),
    ({"VTE_VERSION": "7200"}, False),
    ({"VTE_VERSION": "5200"}, True),
    ({"KONSOLE_VERSION": "230402"}, False),
    ({"TERM_PROGRAM": "Apple_Terminal"}, False),
])
def test_auto_leaves_reordering_to_terminals_that_do_it(env, expected):
    assert bidi.resolve("auto", env) is expected
    assert bidi.resolve("on", env) is True
    assert bidi.resolve("off", env) is False


def test_unknown_mode_is_refused():
    with pytest.raises(ValueError):
        bidi.resolve("sometimes", {})


def test_display_does_not_touch_the_data():
    seg = Segment(1, "דני כהן עזר לי", "R1")
    layout.unit_rows([seg], [Segment(1, "Danny helped me", "R1")], layout.Columns.fit(80), source_rtl=True)
    assert seg.text == "דני כהן עזר לי"
