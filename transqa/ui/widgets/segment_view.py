"""The side-by-side transcript: source and English, bead by bead, drawn with Textual's Line API.

Only what is on screen is laid out: rows of a bead are built (wrapped, marked, reordered) when
the bead first scrolls into view and cached per width, so a 5,000-pair transcript opens as fast
as a 50-pair one. Scrolling is by bead: the scroll position *is* the index of the first bead on
screen (the virtual height is the number of beads plus one screen), so the scrollbar, the mouse
wheel and dragging all work without measuring every bead in advance.

Strips are given their width explicitly, measured by :mod:`transqa.ui.cellwidth` (the
terminal's rule), so Devanagari rows are exactly as wide as the column on screen.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence

from rich.segment import Segment as RichSegment
from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from transqa.checks.context import Document, Unit
from transqa.model import Finding
from transqa.text.scripts import is_rtl
from transqa.ui import keymap, layout
from transqa.ui.session import display_units
from transqa.ui.cellwidth import cell_width

def side_is_rtl(doc: Document, side: str, sample: int = 200) -> bool:
    """Is this side written right to left? From its language, else from a sample of its text."""
    lang = doc.language(side)
    if lang in ("he", "ar", "yi", "fa", "ur"):
        return True
    segs = doc.segments(side)
    return is_rtl(" ".join(s.text for s in segs[:sample]))


class SegmentView(ScrollView, can_focus=True):
    """Bead-by-bead view with a cursor on one bead."""

    BINDINGS = keymap.bindings(keymap.SEGMENTS)

    COMPONENT_CLASSES = {
        "segment-view--cursor", "segment-view--lineno", "segment-view--speaker", "segment-view--time",
        "segment-view--sep", "segment-view--error", "segment-view--warning", "segment-view--info",
        "segment-view--span-error", "segment-view--span-warning", "segment-view--span-info",
        "segment-view--masked", "segment-view--note",
    }

    cursor: reactive[int] = reactive(0, repaint=False, init=False)

    class CursorMoved(Message):
        def __init__(self, view: "SegmentView", unit: int) -> None:
            super().__init__()
            self.view = view
            self.unit = unit

    def __init__(self, doc: Document, *, findings: Sequence[Finding] = (),
                 status: Callable[[Finding], str] | None = None, reorder: bool = True,
                 redact: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.doc = doc
        self._units = display_units(doc)
        self.reorder = reorder
        self.redact = redact
        self.source_rtl = side_is_rtl(doc, "source")
        self.translation_rtl = side_is_rtl(doc, "translation")
        self._status = status or (lambda f: "open")
        self._rows: OrderedDict[tuple[int, int], list[layout.Row]] = OrderedDict()
        self._strips: OrderedDict[tuple[int, int, bool, int], Strip] = OrderedDict()
        self._styles: dict[str, Style] = {}
        self.on_cursor: Callable[[int], None] | None = None
        self._screen_map: list[tuple[int, int]] = []
        self._map_key: tuple[int, int, int, int] | None = None
        self._version = 0
        self._findings_by_unit: dict[int, list[Finding]] = {}
        self._worst: dict[int, str] = {}
        self._noted: set[int] = set()
        stamps = [len(s.timestamp) for s in doc.pair.source.segments[:500] if s.timestamp]
        self._time_w = min(max(stamps), 14) + 1 if stamps else 0
        self._speaker_w = max(layout.speaker_width(doc.pair.source.segments[:2000]),
                              layout.speaker_width(doc.segments("translation")[:2000]))
        self.set_findings(findings, unit_of=None)

    # -- data -------------------------------------------------------------------------------
    @property
    def units(self) -> list[Unit]:
        return self._units

    def set_findings(self, findings: Sequence[Finding], unit_of: Sequence[int | None] | None) -> None:
        """Show these findings (already filtered). ``unit_of[i]`` is the bead of ``findings[i]``."""
        by_unit: dict[int, list[Finding]] = {}
        if unit_of is not None:
            for f, u in zip(findings, unit_of):
                if u is not None:
                    by_unit.setdefault(u, []).append(f)
        self._findings_by_unit = by_unit
        order = {"info": 1, "warning": 2, "error": 3}
        worst: dict[int, str] = {}
        for u, fs in by_unit.items():
            open_fs = [f for f in fs if self._status(f) != "dismissed"]
            if open_fs:
                worst[u] = max((str(f.severity) for f in open_fs), key=order.__getitem__)
        self._worst = worst
        self.invalidate()

    def set_notes(self, lines: set[tuple[str, int]]) -> None:
        """Beads with a reviewer's note, from ``(side, line)`` pairs."""
        noted = set()
        for u in self.units:
            if any(("source", s.line) in lines for s in u.source) or \
                    any(("translation", t.line) in lines for t in u.translation):
                noted.add(u.index)
        if noted != self._noted:
            self._noted = noted
            self.invalidate()

    def set_document(self, doc: Document) -> None:
        self.doc = doc
        self._units = display_units(doc)
        self.cursor = min(self.cursor, max(0, len(self._units) - 1))
        self.invalidate()

    def notify_style_update(self) -> None:
        self._styles.clear()
        self._strips.clear()
        super().notify_style_update()

    def invalidate(self) -> None:
        self._rows.clear()
        self._strips.clear()
        self._map_key = None
        self._version += 1
        self._update_virtual_size()
        self.refresh()

    def _update_virtual_size(self) -> None:
        """One scroll step per bead; a transcript that fits on one screen gets no scrollbar."""
        height = max(1, self.scrollable_content_region.height)
        n = len(self.units)
        fits = self.size.width > 0 and n <= height and sum(len(self.rows_of(i)) for i in range(n)) <= height
        self.virtual_size = Size(self.scrollable_content_region.width, height if fits else n + height - 1)

    def on_resize(self, event: events.Resize) -> None:
        self._rows.clear()
        self._strips.clear()
        self._map_key = None
        self._update_virtual_size()
        self._keep_cursor_visible()

    # -- layout -----------------------------------------------------------------------------
    def columns(self, width: int | None = None) -> layout.Columns:
        w = self.scrollable_content_region.width if width is None else width
        return layout.Columns.fit(max(w, 20), time_w=self._time_w, speaker_w=self._speaker_w)

    def rows_of(self, index: int, width: int | None = None) -> list[layout.Row]:
        cols = self.columns(width)
        key = (index, cols.total)
        got = self._rows.get(key)
        if got is not None:
            self._rows.move_to_end(key)
            return got
        unit = self.units[index]
        fs = self._findings_by_unit.get(index, [])
        st = [self._status(f) for f in fs]
        rows = layout.unit_rows(
            unit.source, unit.translation, cols,
            source_marks=layout.marks_for(fs, st, unit.source, "source", redact=self.redact),
            translation_marks=layout.marks_for(fs, st, unit.translation, "translation", redact=self.redact),
            marker=self._worst.get(index),
            source_rtl=self.source_rtl, translation_rtl=self.translation_rtl, reorder=self.reorder,
            note=index in self._noted,
        )
        self._rows[key] = rows
        if len(self._rows) > 2000:
            self._rows.popitem(last=False)
        return rows

    @property
    def top(self) -> int:
        return int(self.scroll_offset.y)

    def screen_map(self) -> list[tuple[int, int]]:
        """(bead, row within bead) for each screen line, from the bead at the top."""
        height = self.scrollable_content_region.height
        key = (self.top, self.scrollable_content_region.width, height, self._version)
        if key == self._map_key:
            return self._screen_map
        out: list[tuple[int, int]] = []
        i = self.top
        while len(out) < height and i < len(self.units):
            n = len(self.rows_of(i))
            out.extend((i, k) for k in range(n))
            i += 1
        self._screen_map = out[:height]
        self._map_key = key
        return self._screen_map

    def visible_units(self) -> list[int]:
        """Beads wholly on screen."""
        height = self.scrollable_content_region.height
        out = []
        used = 0
        i = self.top
        while i < len(self.units):
            used += len(self.rows_of(i))
            if used > height:
                break
            out.append(i)
            i += 1
        return out

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        smap = self.screen_map()
        if y >= len(smap):
            return Strip.blank(width, self.rich_style)
        unit, k = smap[y]
        on_cursor = unit == self.cursor
        key = (unit, k, on_cursor, width)
        strip = self._strips.get(key)
        if strip is not None:
            return strip
        row = self.rows_of(unit)[k]
        base_key = "cursor" if on_cursor else "base"
        segs = [RichSegment(text, self._style(sk, base_key)) for text, sk in row]
        cols = self.columns()
        if cols.total > width:  # narrower than the minimum layout: crop by cells
            strip = Strip(segs, cols.total).crop(0, width)
        elif cols.total == width:
            strip = Strip(segs, cols.total)
        else:
            strip = Strip(segs + [RichSegment(" " * (width - cols.total), self._style("blank", base_key))], width)
        self._strips[key] = strip
        if len(self._strips) > 4000:
            self._strips.popitem(last=False)
        return strip

    def _style(self, key: str, base_key: str) -> Style:
        """Style of a piece, cached until the CSS or theme changes."""
        name = f"{base_key}:{key}"
        got = self._styles.get(name)
        if got is not None:
            return got
        base = self.rich_style
        if base_key == "cursor":
            base = base + self.get_component_rich_style("segment-view--cursor")
        if key in ("text", "blank"):
            got = base
        elif key.startswith("marker-"):
            got = base + self.get_component_rich_style(f"segment-view--{key[7:]}")
        else:
            got = base + self.get_component_rich_style(f"segment-view--{key}")
        self._styles[name] = got
        return got

    # -- cursor -----------------------------------------------------------------------------
    def watch_cursor(self, old: int, new: int) -> None:
        top = self.top
        self._keep_cursor_visible()
        if self.top == top:  # no scroll: repaint only the two beads' lines
            for y, (unit, _k) in enumerate(self.screen_map()):
                if unit in (old, new):
                    self.refresh_line(y + self.scroll_offset.y)  # virtual coordinates
        else:
            self.refresh()
        if self.on_cursor is not None:  # same frame as the repaint (a message would take another)
            self.on_cursor(new)
        self.post_message(self.CursorMoved(self, new))

    def go_to(self, unit: int, *, center: bool = False) -> None:
        """Put the cursor on bead ``unit``; ``center`` (for jumps) shows it a third down the
        screen with its context above, unless it is already on screen."""
        if not self.units:
            return
        unit = max(0, min(unit, len(self.units) - 1))
        if center and unit not in self.visible_units():
            height = max(1, self.scrollable_content_region.height)
            top, used = unit, 0
            while top > 0 and used + len(self.rows_of(top - 1)) <= height // 3:
                top -= 1
                used += len(self.rows_of(top))
            self.scroll_to(y=top, animate=False, immediate=True)
        self.cursor = unit

    def _keep_cursor_visible(self) -> None:
        if not self.units:
            return
        height = max(1, self.scrollable_content_region.height)
        top = self.top
        if self.cursor < top:
            top = self.cursor
        else:
            used = 0
            i = self.cursor
            # make room above the cursor for the beads between top and cursor
            while i >= top:
                used += len(self.rows_of(i))
                if used > height and i < self.cursor:
                    top = i + 1
                    break
                if used > height:
                    top = self.cursor
                    break
                i -= 1
        if top != self.top:
            self.scroll_to(y=top, animate=False, immediate=True)

    def action_cursor_down(self) -> None:
        self.go_to(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self.go_to(self.cursor - 1)

    def action_page_down(self) -> None:
        step = max(1, len(self.visible_units()))
        self.scroll_to(y=min(self.top + step, len(self.units) - 1), animate=False, immediate=True)
        self.go_to(max(self.cursor + step, self.top))

    def action_page_up(self) -> None:
        step = max(1, len(self.visible_units()))
        self.scroll_to(y=max(0, self.top - step), animate=False, immediate=True)
        self.go_to(self.cursor - step)

    def action_first(self) -> None:
        self.go_to(0)

    def action_last(self) -> None:
        self.go_to(len(self.units) - 1)

    def on_click(self, event: events.Click) -> None:
        smap = self.screen_map()
        y = event.y - self.gutter.top if hasattr(self, "gutter") else event.y
        if 0 <= y < len(smap):
            self.go_to(smap[y][0])

    def cell_text(self, y: int) -> str:
        """Plain text of screen line ``y`` (tests)."""
        smap = self.screen_map()
        if y >= len(smap):
            return ""
        unit, k = smap[y]
        return layout.row_text(self.rows_of(unit)[k])

    @staticmethod
    def width_of(text: str) -> int:
        return cell_width(text)
