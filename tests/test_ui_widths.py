"""Terminal cell widths: Devanagari rows are exactly as wide as their columns on screen.

SVG snapshots are drawn by a browser and hide overflow, so widths are asserted here directly:
the width function against glibc's ``wcwidth``, wrapped lines against their column, whole rows
against the separator position, and the rendered screen against the terminal width.
"""

from __future__ import annotations

import asyncio
import ctypes
import locale
import random
import unicodedata

import pytest
import rich.cells

from transqa.model import Segment
from transqa.ui import cellwidth, layout


@pytest.fixture
def glibc_widths():
    cellwidth.install("glibc")
    yield
    cellwidth.uninstall()


def _libc_wcwidth():
    try:
        locale.setlocale(locale.LC_CTYPE, "C.UTF-8")
        libc = ctypes.CDLL(None)
        fn = libc.wcwidth
        fn.argtypes = [ctypes.c_wchar]
        fn.restype = ctypes.c_int
    except (OSError, AttributeError, locale.Error):
        return None
    return fn


def test_rich_alone_under_measures_devanagari_vowel_signs():
    # The problem this module exists for (fails if Rich ever starts counting them).
    assert cellwidth.current_mode() == "rich"
    assert rich.cells.cell_len("मराठी भाषा") == 6


@pytest.mark.parametrize("text,cells", [("मराठी भाषा", 10), ("नमस्ते दुनिया", 10), ("महाराष्ट्र", 8), ("कि", 2),
                                        ("שָׁלוֹם", 4), ("日本語", 6), ("abc", 3)])
def test_glibc_mode_counts_spacing_marks_one_cell(glibc_widths, text, cells):
    assert cellwidth.cell_width(text) == cells
    assert rich.cells.cell_len(text) == cells  # Rich and Textual measure the same way while installed


def test_install_is_undone():
    cellwidth.install("glibc")
    cellwidth.uninstall()
    assert rich.cells.cell_len("मराठी भाषा") == 6


def test_width_of_every_devanagari_and_hebrew_code_point_matches_glibc(glibc_widths):
    wcwidth = _libc_wcwidth()
    if wcwidth is None:
        pytest.skip("no glibc wcwidth with a UTF-8 locale here")
    checked = 0
    for cp in [*range(0x0900, 0x0980), *range(0x0590, 0x0600), *range(0xA8E0, 0xA900)]:
        ch = chr(cp)
        expected = wcwidth(ch)
        if expected < 0 or unicodedata.category(ch) == "Cn":
            continue
        assert cellwidth.cell_width(ch) == expected, f"U+{cp:04X} {unicodedata.name(ch, '?')}"
        checked += 1
    assert checked > 200


def _sample(parallel, lang: str, n: int = 40) -> list[tuple[str, str]]:
    pairs = parallel.pairs(lang)
    rng = random.Random(7)
    return rng.sample(list(pairs), min(n, len(pairs)))


@pytest.mark.parametrize("lang", ["mr", "hi", "he", "sw", "de", "lg"])
def test_wrapped_lines_fit_and_cover_the_text(glibc_widths, parallel, lang):
    for src, en in _sample(parallel, lang):
        for text in (src, en):
            for width in (9, 23, 40):
                spans = cellwidth.wrap(text, width)
                assert spans[0][0] == 0 and spans[-1][1] == len(text)
                for (s1, e1), (s2, _) in zip(spans, spans[1:]):
                    assert e1 == s2  # nothing lost, nothing repeated
                for s, e in spans:
                    line = text[s:e].rstrip()
                    assert cellwidth.cell_width(line) <= width
                    if s < len(text):  # never starts with a vowel sign, virama or niqqud cut off its letter
                        assert unicodedata.category(text[s])[0] != "M"


@pytest.mark.parametrize("lang", ["mr", "hi", "he"])
@pytest.mark.parametrize("total", [80, 121])
def test_rows_are_exactly_the_column_width_and_the_separator_does_not_move(glibc_widths, parallel, lang, total):
    cols = layout.Columns.fit(total, time_w=11, speaker_w=4)
    bar = cols.separator_at
    for i, (src, en) in enumerate(_sample(parallel, lang, 30)):
        rows = layout.unit_rows(
            [Segment(i + 1, src, "R1", "[00:01:02]")], [Segment(i + 1, en, "R1")], cols,
            source_marks=[layout.SideMarks(((0, min(5, len(src)), "error"),))], marker="error",
            source_rtl=lang == "he", reorder=True)
        for row in rows:
            text = layout.row_text(row)
            assert cellwidth.cell_width(text) == cols.total
            left = text[: text.index("│")]
            assert cellwidth.cell_width(left) == bar


def test_rich_measure_would_misplace_the_separator(parallel):
    """Under Rich's own table the same Marathi rows would be laid out too short for the
    terminal: measured by glibc's rule they overflow. (Guards the test above from passing
    vacuously.)"""
    cols = layout.Columns.fit(80, time_w=0, speaker_w=0)
    src = "मराठी भाषा खूप सुंदर आहे आणि माझं नाव राहुल आहे"
    rows = layout.unit_rows([Segment(1, src)], [Segment(1, "Marathi is a beautiful language.")], cols)
    cellwidth.install("glibc")
    try:
        widths = {cellwidth.cell_width(layout.row_text(r)) for r in rows}
    finally:
        cellwidth.uninstall()
    assert widths != {cols.total}


def test_fit_pads_and_crops_by_cells(glibc_widths):
    assert cellwidth.cell_width(cellwidth.fit("मराठी भाषा", 12)) == 12
    cropped = cellwidth.fit("मराठी भाषा", 7)
    assert cellwidth.cell_width(cropped) == 7
    assert "मराठी भाषा".startswith(cropped.rstrip())
    assert cellwidth.fit("abc", 5, align_right=True) == "  abc"


def test_rendered_screen_lines_are_terminal_wide(tmp_path):
    asyncio.run(_rendered_screen(tmp_path))


async def _rendered_screen(tmp_path):
    """The whole screen as the terminal would receive it: every line exactly as wide as the
    terminal by glibc's rule, and the separator of the two sides in one column, for Marathi,
    Hindi and Hebrew transcripts."""
    from transqa.ui.app import create_app
    from transqa.ui.demo import write_demo_project

    wcwidth = _libc_wcwidth()
    if wcwidth is None:
        pytest.skip("no glibc wcwidth with a UTF-8 locale here")

    def terminal(text: str) -> int:  # what a glibc-based terminal advances, independent of the app
        return sum(max(0, wcwidth(c)) for c in text)

    root = write_demo_project(tmp_path / "study")
    app = create_app(root, store=None)
    width = 100
    async with app.run_test(size=(width, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        for row in (2, 3, 1):  # PU (mr), IN (hi), BGU (he)
            table = app.screen.query_one("DataTable")
            table.move_cursor(row=row)
            await pilot.press("enter")
            await pilot.pause()
            view = app.screen.view
            lines = screen_lines(app)
            assert all(terminal(line) == width for line in lines)
            top = view.region.y
            seg_lines = [l for l in lines[top: top + view.region.height] if "│" in l]
            assert len(seg_lines) >= 6
            bars = {terminal(l[: l.index("│")]) for l in seg_lines}
            assert bars == {view.columns().separator_at}
            await pilot.press("escape")
            await pilot.pause()


def screen_lines(app) -> list[str]:
    """What the terminal would be sent for a full repaint, one string per screen line."""
    update = app.screen._compositor.render_full_update()
    return ["".join(seg.text for strip in line for seg in strip) for line in update.strips]
