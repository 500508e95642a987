"""Cell widths that match the terminal, for Devanagari above all.

Rich (and so Textual) measures width per code point from tables in which *spacing* vowel signs
(category Mc: ा U+093E, ि U+093F, ी U+0940, ः U+0903 …) take 0 cells. glibc's ``wcwidth`` — and
the terminals built on it (xterm, VTE, Konsole) — give them 1 cell. So ``मराठी भाषा`` is 6 cells to
Rich and 10 on screen: every Marathi or Hindi line is under-reserved and spills into the next
column.

The review app therefore measures with the terminal's rule. ``install(mode)`` makes Rich's own
width table agree (a copy of the table with Mc = 1, swapped in while the app runs and restored
afterwards), so the segment view, the findings panel, inputs and tables all measure the same way
as the terminal paints. Modes:

* ``glibc`` (default): per code point, spacing marks 1 cell — what glibc, xterm and VTE do.
* ``rich``: Rich's own table, for a terminal that draws spacing marks on top of their base.

:func:`cell_width`, :func:`wrap` and :func:`fit` are the only width helpers the UI uses.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import rich.cells

MODES = ("glibc", "rich")
DEFAULT_MODE = "glibc"

_original_load = rich.cells.load_cell_table
_mode = "rich"
_installs = 0


@lru_cache(maxsize=8)
def _terminal_table(version: str = "auto") -> rich.cells.CellTable:
    """Rich's table for ``version`` with every spacing combining mark (Mc) widened to 1 cell."""
    table = _original_load(version)
    widths: list[tuple[int, int, int]] = []
    for start, end, width in table.widths:
        if width != 0:
            widths.append((start, end, width))
            continue
        run_start = start
        run_width = 0
        for cp in range(start, end + 1):
            w = 1 if unicodedata.category(chr(cp)) == "Mc" else 0
            if cp == start:
                run_width = w
            elif w != run_width:
                widths.append((run_start, cp - 1, run_width))
                run_start, run_width = cp, w
        widths.append((run_start, end, run_width))
    return rich.cells.CellTable(table.unicode_version, widths, table.narrow_to_wide)


def _clear_caches() -> None:
    rich.cells.get_character_cell_size.cache_clear()
    rich.cells.cached_cell_len.cache_clear()
    _word_width.cache_clear()


def install(mode: str = DEFAULT_MODE) -> None:
    """Make Rich and Textual measure like the terminal (``mode``) until :func:`uninstall`."""
    global _mode, _installs
    if mode not in MODES:
        raise ValueError(f"unknown cell width mode {mode!r} (use {' or '.join(MODES)})")
    _installs += 1
    _mode = mode
    rich.cells.load_cell_table = _terminal_table if mode == "glibc" else _original_load
    _clear_caches()


def uninstall() -> None:
    """Restore Rich's own table once the last running app has gone."""
    global _mode, _installs
    _installs = max(0, _installs - 1)
    if _installs == 0:
        _mode = "rich"
        rich.cells.load_cell_table = _original_load
        _clear_caches()


def current_mode() -> str:
    return _mode


def cell_width(text: str) -> int:
    """Terminal cells ``text`` takes, by the installed mode."""
    if text.isascii():
        return len(text)
    return rich.cells.cell_len(text)


@lru_cache(maxsize=65536)
def _word_width(word: str) -> int:
    return rich.cells.cell_len(word)


def _ww(word: str) -> int:
    return len(word) if word.isascii() else _word_width(word)


_WORD = re.compile(r"\S+\s*")


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch)[0] == "M" or ch in "\u200c\u200d"


def _split_long(text: str, start: int, end: int, width: int) -> int:
    """How many characters of ``text[start:end]`` fit in ``width`` cells, never cutting a mark
    (a vowel sign, virama or niqqud) off its base letter."""
    used = 0
    i = start
    last_ok = start
    while i < end:
        w = _ww(text[i])
        if used + w > width:
            break
        used += w
        i += 1
        if i >= end or not _is_mark(text[i]):
            last_ok = i
    if last_ok == start:  # one cluster wider than the column: take it whole
        last_ok = start + 1
        while last_ok < end and _is_mark(text[last_ok]):
            last_ok += 1
    return last_ok - start


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap to ``width`` cells; ``[(start, end)]`` offsets into ``text``.

    Offsets (not strings) so finding spans map onto wrapped lines, and so RTL lines can be
    reordered after wrapping. Trailing spaces stay in the line they follow (trim on display).
    """
    if width <= 0 or not text:
        return [(0, len(text))]
    if cell_width(text) <= width:
        return [(0, len(text))]
    lines: list[tuple[int, int]] = []
    start = 0
    used = 0
    for m in _WORD.finditer(text):
        ws, we = m.span()
        word = m.group()
        core = _ww(word.rstrip())
        if used and used + core <= width:
            used += _ww(word)
            continue
        if used:
            lines.append((start, ws))
            start = ws
            used = 0
        elif ws > start and _ww(text[start:ws]) + core > width:  # leading spaces
            start = ws
        pos = ws
        end_core = ws + len(word.rstrip())
        while _ww(text[pos:end_core]) > width:
            n = _split_long(text, pos, end_core, width)
            lines.append((start, pos + n))
            pos += n
            start = pos
        used = _ww(text[start:we])
    lines.append((start, len(text)))
    return lines


def fit(text: str, width: int, *, align_right: bool = False) -> str:
    """``text`` cropped or padded with spaces to exactly ``width`` cells."""
    w = cell_width(text)
    if w > width:
        n = _split_long(text, 0, len(text), width)
        text = text[:n]
        w = cell_width(text)
        while w > width and text:  # a cluster wider than the column
            text = text[:-1]
            w = cell_width(text)
    pad = " " * (width - w)
    return pad + text if align_right else text + pad
