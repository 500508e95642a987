"""Transcript review: source and English side by side, findings marked, panels below."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Static, TabbedContent, TabPane

from transqa.errors import InputError
from transqa.model import Finding, Severity
from transqa.ui import keymap
from transqa.ui.layout import SideMarks, row_text, segment_lines
from transqa.ui.screens.dialogs import FilterDialog, PromptDialog
from transqa.ui.widgets.findings_panel import AnonymisationPanel, FindingsPanel, GlossaryPanel, SEVERITY_ICON
from transqa.ui.widgets.segment_view import SegmentView

if TYPE_CHECKING:
    from transqa.ui.app import ReviewApp

SEV_RANK = {"info": Severity.INFO, "warning": Severity.WARNING, "error": Severity.ERROR}


class ReviewScreen(Screen[None]):
    """One transcript under review."""

    BINDINGS = keymap.bindings(keymap.REVIEW)
    BINDING_GROUP_TITLE = "Review"

    def __init__(self, transcript_id: str) -> None:
        super().__init__(name=f"review-{transcript_id}")
        self.tid = transcript_id
        self.categories: frozenset[str] | None = None  # None: all
        self.min_severity = "info"
        self.show_dismissed = True
        self.shown_ids: list[int] = []          # indices into the finding index, in reading order
        self.current: int | None = None       # position in ``visible``
        self._notes_by_line: dict[tuple[str, int], list[object]] = {}

    @property
    def review_app(self) -> "ReviewApp":
        return self.app  # type: ignore[return-value]

    @property
    def session(self):
        return self.review_app.session

    # -- building ---------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        doc = self.session.documents[self.tid]
        yield Static("", id="review-header")
        yield SegmentView(doc, status=self._status_of, reorder=self.review_app.reorder,
                          redact=self.session.redact, id="segments")
        with TabbedContent(id="panels", initial="tab-findings"):
            with TabPane("Findings", id="tab-findings"):
                yield FindingsPanel(id="findings-panel")
            with TabPane("Glossary", id="tab-glossary"):
                yield GlossaryPanel(id="glossary-panel")
            with TabPane("Anonymisation", id="tab-anonymisation"):
                yield AnonymisationPanel(id="anonymisation-panel")
        yield Footer()

    def on_mount(self) -> None:
        self.view.on_cursor = self._cursor_changed
        self.refresh_findings()
        self.view.focus()

    @property
    def view(self) -> SegmentView:
        return self.query_one(SegmentView)

    def _status_of(self, f: Finding) -> str:
        return self.session.status(self.tid, f)

    def _reason_of(self, f: Finding) -> str | None:
        d = self.session.disposition(self.tid, f)
        return getattr(d, "reason", None) if d is not None else None

    def _passes(self, f: Finding) -> bool:
        if self.categories is not None and f.category not in self.categories:
            return False
        if f.severity < SEV_RANK[self.min_severity]:
            return False
        return self.show_dismissed or self._status_of(f) != "dismissed"

    def refresh_findings(self) -> None:
        """Apply the filter, mark the text, and refresh header and panels."""
        index = self.session.index(self.tid)
        order = sorted(range(len(index.findings)),
                       key=lambda i: (index.unit_of[i] if index.unit_of[i] is not None else -1, i))
        self.shown_ids = [i for i in order if self._passes(index.findings[i])]
        self._positions: dict[int | None, list[int]] = {}
        for p, i in enumerate(self.shown_ids):
            self._positions.setdefault(index.unit_of[i], []).append(p)
        self.current = None
        self._notes_by_line = {}
        notes = self.session.notes(self.tid)
        for n in notes:
            self._notes_by_line.setdefault((n.side, n.line), []).append(n)
        view = self.view
        if notes or view._noted:  # noqa: SLF001
            view.set_notes({(n.side, n.line) for n in notes})
        view.set_findings([index.findings[i] for i in self.shown_ids], [index.unit_of[i] for i in self.shown_ids])
        self._update_header()
        self._update_panel(view.cursor)
        self._update_side_panels()

    def _update_header(self) -> None:
        index = self.session.index(self.tid)
        open_counts = {"error": 0, "warning": 0, "info": 0}
        for f in index.findings:
            if self._status_of(f) != "dismissed":
                open_counts[str(f.severity)] += 1
        doc = self.session.documents[self.tid]
        cats = "all" if self.categories is None else (", ".join(sorted(self.categories)) or "none")
        counts = "  ".join(f"{SEVERITY_ICON[k]} {v} {k}" for k, v in open_counts.items())
        header = Text(self.tid, style="bold")
        header.append(
            f"  {doc.pair.site or ''} · {doc.source_lang or '?'} → {doc.target_lang}  "
            f"{len(self.view.units)} beads   {counts}   shown: {len(self.shown_ids)} "
            f"({cats}, ≥ {self.min_severity}{'' if self.show_dismissed else ', open only'})   "
            f"sign-off: {self.session.signoff_label(self.tid)}")
        self.query_one("#review-header", Static).update(header)

    def _unit_findings(self, unit: int) -> list[int]:
        return self._positions.get(unit, [])

    def _update_panel(self, unit: int) -> None:
        index = self.session.index(self.tid)
        positions = self._unit_findings(unit)
        if unit == 0:  # findings about the whole transcript are shown with the first bead
            positions = self._positions.get(None, []) + positions
        fs = [index.findings[self.shown_ids[p]] for p in positions]
        current = index.findings[self.shown_ids[self.current]] if self.current is not None else None
        units = self.view.units
        u = units[unit] if 0 <= unit < len(units) else None
        notes = []
        if u is not None:
            for side, segs in (("translation", u.translation), ("source", u.source)):
                for seg in segs:
                    notes += self._notes_by_line.get((side, seg.line), [])
        header = ""
        if u is not None:
            first = (u.source or u.translation)[0]
            bits = [f"bead {unit + 1}/{len(units)} ({u.kind}, score {u.score:.2f})",
                    "src " + ",".join(str(s.line) for s in u.source) if u.source else "no source",
                    "en " + ",".join(str(s.line) for s in u.translation) if u.translation else "untranslated"]
            if first.speaker:
                bits.append(first.speaker)
            if first.timestamp:
                bits.append(first.timestamp)
            header = " · ".join(bits)
        self.query_one(FindingsPanel).show(fs, current if current in fs else None, self._status_of,
                                           self._reason_of, notes, header=header,
                                           rtl_reorder=self.review_app.reorder, redact=self.session.redact)

    def _update_side_panels(self) -> None:
        """Fill the glossary or anonymisation panel if it is the one showing (they are built
        when first shown: matching every glossary term over a long transcript takes a moment)."""
        active = self.query_one("#panels", TabbedContent).active
        if active == "tab-anonymisation":
            index = self.session.index(self.tid)
            anon = [f for f in index.findings if f.category == "anonymisation"]
            self.query_one(AnonymisationPanel).show(anon, self._status_of, redact=self.session.redact,
                                                    rtl_reorder=self.review_app.reorder)
        elif active == "tab-glossary":
            self._fill_glossary()

    @work(thread=True, exclusive=True, group="glossary")
    def _fill_glossary(self) -> None:
        rows = self.review_app.glossary_rows(self.tid)
        self.app.call_from_thread(self.query_one(GlossaryPanel).show, rows, rtl_reorder=self.review_app.reorder)

    @on(TabbedContent.TabActivated)
    def _tab_activated(self) -> None:
        self._update_side_panels()

    def _cursor_changed(self, unit: int) -> None:
        if self.current is not None:
            index = self.session.index(self.tid)
            if index.unit_of[self.shown_ids[self.current]] != unit:
                self.current = None
        self._update_panel(unit)

    # -- navigation -------------------------------------------------------------------------
    def _jump(self, step: int, category: str | None = None) -> bool:
        index = self.session.index(self.tid)
        cursor = self.view.cursor

        def unit(p: int) -> int:
            u = index.unit_of[self.shown_ids[p]]
            return -1 if u is None else u

        if self.current is not None and unit(self.current) == cursor:
            here = (cursor, self.current)
        else:
            here = (cursor, -1 if step > 0 else len(self.shown_ids))
        positions = range(len(self.shown_ids)) if step > 0 else range(len(self.shown_ids) - 1, -1, -1)
        for p in positions:
            key = (unit(p), p)
            if (key > here) if step > 0 else (key < here):
                if category and index.findings[self.shown_ids[p]].category != category:
                    continue
                self.current = p
                target = max(0, unit(p))
                if target != cursor:
                    self.view.go_to(target, center=True)
                self._update_panel(target)
                return True
        what = f"{category} finding" if category else "finding"
        self.notify(f"No {'next' if step > 0 else 'previous'} {what}.", severity="warning", timeout=2, markup=False)
        return False

    def action_next_finding(self) -> None:
        self._jump(1)

    def action_previous_finding(self) -> None:
        self._jump(-1)

    def action_next_untranslated(self) -> None:
        self._jump(1, "untranslated")

    def action_previous_untranslated(self) -> None:
        self._jump(-1, "untranslated")

    def action_next_anonymisation(self) -> None:
        self._jump(1, "anonymisation")

    def action_previous_anonymisation(self) -> None:
        self._jump(-1, "anonymisation")

    def current_finding(self) -> Finding | None:
        """The finding n/p last landed on, else the first shown on the bead under the cursor."""
        index = self.session.index(self.tid)
        if self.current is not None:
            return index.findings[self.shown_ids[self.current]]
        positions = self._unit_findings(self.view.cursor)
        for p in positions:
            if self._status_of(index.findings[self.shown_ids[p]]) != "dismissed":
                self.current = p
                return index.findings[self.shown_ids[p]]
        return None

    # -- work -------------------------------------------------------------------------------
    def _refused(self, exc: Exception) -> str:
        return str(exc)

    def action_dismiss_finding(self) -> None:
        finding = self.current_finding()
        if finding is None:
            self.notify("No finding on this bead to dismiss.", severity="warning", markup=False)
            return
        if self._status_of(finding) == "dismissed":
            self.notify("Already dismissed (o reopens it).", severity="information", markup=False)
            return

        def submit(reason: str) -> str | None:
            try:
                self.session.dismiss(self.tid, finding, reason)
            except Exception as e:  # Refused or InputError: shown in the dialog
                return self._refused(e)
            return None

        def done(result: str | None) -> None:
            if result is not None:
                self.refresh_findings()
                self.notify(f"Dismissed {finding.check}.", markup=False)

        self.app.push_screen(PromptDialog("Dismiss finding", "Reason (recorded with your name):",
                                          context=f"{finding.check}: {finding.message}", submit=submit), done)

    def action_reopen_finding(self) -> None:
        finding = self.current_finding()
        index = self.session.index(self.tid)
        if finding is None or self._status_of(finding) != "dismissed":
            dismissed = [index.findings[self.shown_ids[p]] for p in self._unit_findings(self.view.cursor)
                         if self._status_of(index.findings[self.shown_ids[p]]) == "dismissed"]
            finding = dismissed[0] if dismissed else None
        if finding is None:
            self.notify("No dismissed finding on this bead.", severity="warning", markup=False)
            return
        try:
            self.session.reopen(self.tid, finding)
        except Exception as e:  # noqa: BLE001 - the store's reason is the message
            self.notify(str(e), severity="error", markup=False)
            return
        self.refresh_findings()
        self.notify(f"Reopened {finding.check}.", markup=False)

    def action_mark_concern(self) -> None:
        if not self.view.units:
            return
        unit = self.view.units[self.view.cursor]
        seg, side = (unit.translation[0], "translation") if unit.translation else (unit.source[0], "source")

        def submit(text: str) -> str | None:
            try:
                self.session.add_note(self.tid, seg.line, text, side=side)
            except Exception as e:  # noqa: BLE001
                return self._refused(e)
            return None

        def done(result: str | None) -> None:
            if result is not None:
                self.refresh_findings()
                self.notify(f"Concern noted on {side} line {seg.line}.", markup=False)

        self.app.push_screen(PromptDialog("Comprehensibility concern", f"What is unclear ({side} line {seg.line})?",
                                          placeholder="e.g. idiom not understandable to non-speakers",
                                          submit=submit), done)

    def action_edit_translation(self) -> None:
        if not self.view.units:
            return
        unit = self.view.units[self.view.cursor]
        if not unit.translation:
            self.notify("This bead has no translation line to edit (add it in the file).", severity="warning", markup=False)
            return
        seg = unit.translation[0]
        finding = self.current_finding()
        if finding is not None and len(unit.translation) > 1:
            for s in unit.translation:
                if s.line in finding.translation_lines:
                    seg = s
                    break
        source = "\n".join(
            row_text(row) for s in unit.source
            for row in segment_lines(s.text, 76, SideMarks(), rtl=self.view.source_rtl, reorder=self.review_app.reorder))

        def submit(text: str) -> str | None:
            try:
                self.session.write_translation(self.tid, seg.line, text)
            except Exception as e:  # noqa: BLE001 - Refused / InputError: shown in the dialog
                return self._refused(e)
            return None

        def done(result: str | None) -> None:
            if result is not None:
                self.notify(f"Saved translation line {seg.line}; re-checking…", markup=False)
                self.recheck()

        self.app.push_screen(PromptDialog(f"Edit translation line {seg.line}", "English:", value=seg.text,
                                          context=source or "(no source line)", submit=submit), done)

    def action_recheck(self) -> None:
        self.notify("Re-checking…", timeout=2, markup=False)
        self.recheck()

    @work(thread=True, exclusive=True, group="recheck")
    def recheck(self) -> None:
        try:
            self.session.recheck(self.tid)
        except InputError as e:
            self.app.call_from_thread(self.notify, str(e), severity="error", markup=False)
            return
        self.app.call_from_thread(self._after_recheck)

    def _after_recheck(self) -> None:
        self.review_app.forget_glossary(self.tid)
        self.view.set_document(self.session.documents[self.tid])
        self.refresh_findings()
        n = len(self.session.open_findings(self.tid))
        self.notify(f"Checked: {n} open finding{'s' if n != 1 else ''}.", timeout=3, markup=False)

    def action_sign_off(self) -> None:
        self.review_app.open_signoff(self.tid, on_done=self.refresh_findings)

    def action_filter(self) -> None:
        index = self.session.index(self.tid)
        cats = sorted({f.category for f in index.findings})
        chosen = frozenset(cats) if self.categories is None else self.categories

        def done(result: tuple[frozenset[str], str, bool] | None) -> None:
            if result is None:
                return
            chosen_now, sev, dismissed = result
            self.categories = None if chosen_now == frozenset(cats) else chosen_now
            self.min_severity = sev
            self.show_dismissed = dismissed
            self.refresh_findings()

        self.app.push_screen(FilterDialog(cats, chosen, self.min_severity, self.show_dismissed), done)

    def set_filter(self, categories: frozenset[str] | None = None, min_severity: str = "info",
                   show_dismissed: bool = True) -> None:
        self.categories = categories
        self.min_severity = min_severity
        self.show_dismissed = show_dismissed
        self.refresh_findings()

    def action_show_panel(self, name: str) -> None:
        self.query_one("#panels", TabbedContent).active = f"tab-{name}"

    def action_toggle_bidi(self) -> None:
        self.review_app.reorder = not self.review_app.reorder
        self.view.reorder = self.review_app.reorder
        self.view.invalidate()
        self._update_panel(self.view.cursor)
        self.notify(f"Right-to-left reordering {'on' if self.review_app.reorder else 'off'}.", timeout=2, markup=False)

    def action_back(self) -> None:
        self.app.pop_screen()
        self.review_app.refresh_overview()
