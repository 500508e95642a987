"""Laying out one aligned bead as screen rows: columns, wrapping, marking, bidi.

Pure functions over strings (no Textual), so widths can be tested exactly: every row this module
produces is exactly ``Columns.total`` cells wide by :func:`transqa.ui.cellwidth.cell_width`, and
the separator between the two sides sits at the same cell on every row, whatever the script.

A row is a list of *pieces* ``(text, style_key)``; the widget turns style keys into styles.
Style keys: ``lineno``, ``speaker``, ``time``, ``sep``, ``marker-<severity>``, ``span-<severity>``,
``masked``, ``text`` and ``blank``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from transqa.model import Finding, Segment
from transqa.ui import bidi
from transqa.ui.cellwidth import cell_width, fit, wrap

Piece = tuple[str, str]
Row = list[Piece]

SEP = " │ "
MARKER_W = 2
LINENO_W = 5
MIN_TEXT_W = 8
MASK = "█"


@dataclass(frozen=True, slots=True)
class Columns:
    """Cell positions of one row: marker, time, then per side line number, speaker, text."""

    total: int
    time_w: int
    speaker_w: int
    source_w: int
    translation_w: int

    @classmethod
    def fit(cls, total: int, *, time_w: int = 0, speaker_w: int = 0) -> "Columns":
        fixed = MARKER_W + time_w + 2 * (LINENO_W + speaker_w) + len(SEP)
        text = max(2 * MIN_TEXT_W, total - fixed)
        src = text // 2
        return cls(max(total, fixed + text), time_w, speaker_w, src, text - src)

    @property
    def separator_at(self) -> int:
        """Cell where the separator's bar is drawn (the same on every row)."""
        return MARKER_W + self.time_w + LINENO_W + self.speaker_w + self.source_w + 1


@dataclass(frozen=True, slots=True)
class SideMarks:
    """Finding spans on one segment: ``[(start, end, severity_name)]`` and masked spans."""

    spans: tuple[tuple[int, int, str], ...] = ()
    masked: tuple[tuple[int, int], ...] = ()


def masked_text(text: str, masked: Sequence[tuple[int, int]]) -> str:
    """``text`` with each masked span replaced character for character (offsets unchanged)."""
    if not masked:
        return text
    chars = list(text)
    for start, end in masked:
        for i in range(max(0, start), min(len(chars), end)):
            chars[i] = MASK
    return "".join(chars)


def _char_keys(length: int, marks: SideMarks) -> list[str]:
    keys = ["text"] * length
    order = {"info": 1, "warning": 2, "error": 3}
    rank = [0] * length
    for start, end, sev in marks.spans:
        r = order.get(sev, 1)
        for i in range(max(0, start), min(length, end)):
            if r > rank[i]:
                rank[i] = r
                keys[i] = f"span-{sev}"
    for start, end in marks.masked:
        for i in range(max(0, start), min(length, end)):
            keys[i] = "masked"
    return keys


def _group(chars: Sequence[str], keys: Sequence[str]) -> Row:
    out: Row = []
    buf: list[str] = []
    cur = None
    for ch, k in zip(chars, keys):
        if k != cur and buf:
            out.append(("".join(buf), cur or "text"))
            buf = []
        cur = k
        buf.append(ch)
    if buf:
        out.append(("".join(buf), cur or "text"))
    return out


def segment_lines(text: str, width: int, marks: SideMarks, *, rtl: bool, reorder: bool) -> list[Row]:
    """One segment's text wrapped to ``width``, each line exactly ``width`` cells.

    Wrap the logical text first, then (for right-to-left text, when ``reorder``) put each line in
    visual order and align it right; highlights follow their characters through the reordering.
    """
    shown = masked_text(text, marks.masked)
    keys = _char_keys(len(shown), marks)
    rows: list[Row] = []
    for start, end in wrap(shown, width):
        piece = shown[start:end].rstrip()
        end = start + len(piece)
        pkeys = keys[start:end]
        if rtl and reorder and bidi.has_rtl(piece):
            order = bidi.visual_order(piece, True)
            chars = [bidi.mirrored(piece, True, i) for i in order]
            pkeys = [pkeys[i] for i in order]
        else:
            chars = list(piece)
        used = cell_width("".join(chars))
        row = _group(chars, pkeys)
        if used > width:  # a single cluster wider than the column
            row = [(fit("".join(chars), width), "text")]
            used = width
        pad = (" " * (width - used), "blank")
        rows.append(([pad] + row) if (rtl and reorder) else (row + [pad]))
    return rows or [[(" " * width, "blank")]]


def unit_rows(
    source: Sequence[Segment],
    translation: Sequence[Segment],
    cols: Columns,
    *,
    source_marks: Sequence[SideMarks] = (),
    translation_marks: Sequence[SideMarks] = (),
    marker: str | None = None,
    source_rtl: bool = False,
    translation_rtl: bool = False,
    reorder: bool = True,
    note: bool = False,
) -> list[Row]:
    """The rows of one bead: source segments on the left, translations on the right.

    ``marker`` is the worst open severity on the bead (drawn in the first column); ``note``
    adds ``✎`` beside it when a reviewer noted a concern on the bead.
    """

    def side(segs: Sequence[Segment], marks: Sequence[SideMarks], width: int, rtl: bool) -> tuple[list[Row], list[str]]:
        out: list[Row] = []
        stamps: list[str] = []
        for k, seg in enumerate(segs):
            m = marks[k] if k < len(marks) else SideMarks()
            lines = segment_lines(seg.text, width, m, rtl=rtl, reorder=reorder)
            for j, line in enumerate(lines):
                if j == 0:
                    head = [(f"{seg.line:>{LINENO_W - 1}} ", "lineno"),
                            (fit(seg.speaker or "", cols.speaker_w), "speaker")]
                else:
                    head = [(" " * (LINENO_W + cols.speaker_w), "blank")]
                out.append(head + line)
                stamps.append((seg.timestamp or "") if j == 0 else "")
        return out, stamps

    left, times = side(source, source_marks, cols.source_w, source_rtl)
    right, _ = side(translation, translation_marks, cols.translation_w, translation_rtl)
    left_blank: Row = [(" " * (LINENO_W + cols.speaker_w + cols.source_w), "blank")]
    right_blank: Row = [(" " * (LINENO_W + cols.speaker_w + cols.translation_w), "blank")]
    n = max(len(left), len(right), 1)
    rows: list[Row] = []
    for i in range(n):
        if i == 0:
            row: Row = [("●" if marker else " ", f"marker-{marker}" if marker else "blank"),
                        ("✎" if note else " ", "note" if note else "blank")]
        else:
            row = [("  ", "blank")]
        if cols.time_w:
            row.append((fit(times[i] if i < len(times) else "", cols.time_w), "time"))
        row += left[i] if i < len(left) else left_blank
        row.append((SEP, "sep"))
        row += right[i] if i < len(right) else right_blank
        rows.append(row)
    return rows


def row_text(row: Row) -> str:
    return "".join(t for t, _ in row)


def marks_for(findings: Sequence[Finding], statuses: Sequence[str], segs: Sequence[Segment], side: str,
              *, redact: bool) -> list[SideMarks]:
    """Spans of open findings on each segment of one side (and masks when ``redact``)."""
    out = []
    for seg in segs:
        spans = []
        masked = []
        for f, st in zip(findings, statuses):
            lines = f.source_lines if side == "source" else f.translation_lines
            if seg.line not in lines or f.side not in (side, "both") or f.span is None:
                continue
            if redact and f.category == "anonymisation":
                masked.append(f.span)
            if st != "dismissed":
                spans.append((f.span[0], f.span[1], str(f.severity)))
        out.append(SideMarks(tuple(spans), tuple(masked)))
    return out


def speaker_width(segments: Sequence[Segment], cap: int = 6) -> int:
    """Room for speaker labels (R1, MOD …): the longest, capped, plus a space; 0 if none."""
    longest = 0
    for s in segments:
        if s.speaker:
            longest = max(longest, cell_width(s.speaker))
            if longest >= cap:
                break
    return min(longest, cap) + 1 if longest else 0
