"""The panels under the transcript: findings at the cursor, glossary terms, anonymisation hits."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from transqa.model import Finding
from transqa.ui import bidi
from transqa.ui.layout import MASK

SEVERITY_ICON = {"error": "✖", "warning": "▲", "info": "●"}


def shown(text: str, *, rtl_reorder: bool) -> str:
    """A short snippet for a panel line: RTL text in visual order when the app reorders."""
    return bidi.visual(text) if rtl_reorder and bidi.has_rtl(text) else text


def masked(text: str, redact: bool) -> str:
    return MASK * len(text) if redact else text


def lines_label(f: Finding) -> str:
    parts = []
    if f.source_lines:
        parts.append("src " + ",".join(map(str, f.source_lines[:4])) + ("…" if len(f.source_lines) > 4 else ""))
    if f.translation_lines:
        parts.append("en " + ",".join(map(str, f.translation_lines[:4])) + ("…" if len(f.translation_lines) > 4 else ""))
    return " · ".join(parts) or "whole transcript"


class FindingsPanel(Widget):
    """Findings of the bead under the cursor (and notes on it); the current one is marked ▶.

    A plain widget of fixed height that only repaints when the cursor moves (a Static would
    re-layout the whole screen on every key).
    """

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = Text()

    def render(self) -> Text:
        height = self.content_region.height or 10
        lines = self.text.split("\n", allow_blank=True)
        if len(lines) > height:
            hidden = len(lines) - height + 1
            shown_lines = lines[: height - 1] + [Text(f"  … {hidden} more line{'s' if hidden != 1 else ''}: "
                                                       "press n to step through them", style="dim")]
            return Text("\n").join(shown_lines)
        return self.text

    def show(self, findings: Sequence[Finding], current: Finding | None, status: Callable[[Finding], str],
             reason: Callable[[Finding], str | None], notes: Sequence[object] = (), *, header: str = "",
             rtl_reorder: bool = True, redact: bool = False) -> None:
        text = Text()
        if header:
            text.append(header + "\n", style="bold")
        if not findings and not notes:
            text.append("No findings here. n / p jump to the next / previous finding.", style="dim")
        for f in findings:
            sev = str(f.severity)
            st = status(f)
            mark = "▶ " if f is current else "  "
            line_style = "dim strike" if st == "dismissed" else ""
            text.append(mark, style="bold")
            text.append(f"{SEVERITY_ICON.get(sev, '?')} {sev:<7} ", style=_sev_style(sev))
            text.append(f"{f.check}", style="bold " + line_style)
            text.append(f"  [{lines_label(f)}]", style="dim")
            if st != "open":
                text.append(f"  ({st}", style="italic")
                why = reason(f)
                text.append(f": {why})" if why else ")", style="italic")
            text.append("\n")
            msg = f.message
            if redact and f.category == "anonymisation" and f.evidence:
                msg = msg.replace(f.evidence, masked(f.evidence, True))
            text.append("    " + shown(msg, rtl_reorder=rtl_reorder) + "\n", style=line_style)
        for n in notes:
            text.append(f"  ✎ concern by {getattr(n, 'reviewer', '?')}: ", style="bold")
            text.append(f"{getattr(n, 'text', '')}\n")
        self.text = text
        self.refresh()


def _sev_style(sev: str) -> str:
    return {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}.get(sev, "")


class GlossaryPanel(VerticalScroll):
    """Glossary terms of the transcript's language and the lines where they occur."""

    def compose(self):
        yield Static("", id="glossary-body")

    def show(self, rows: Sequence[tuple[str, str, str, list[int], int]], *, rtl_reorder: bool) -> None:
        """rows: (source term, approved, forbidden, source lines hit, glossary findings)."""
        text = Text()
        if not rows:
            text.append("No glossary terms for this language (add glossaries in transqa.toml).", style="dim")
        hit = [r for r in rows if r[3]]
        text.append(f"{len(hit)} of {len(rows)} terms occur in this transcript\n", style="bold")
        for term, approved, forbidden, lines, nfind in sorted(rows, key=lambda r: (-len(r[3]), r[0])):
            text.append(f"  {shown(term, rtl_reorder=rtl_reorder)}", style="bold" if lines else "dim")
            text.append(f" → {approved}")
            if forbidden:
                text.append(f"  not: {forbidden}", style="red")
            if lines:
                more = f" (+{len(lines) - 8})" if len(lines) > 8 else ""
                text.append(f"  lines {', '.join(map(str, lines[:8]))}{more}", style="dim")
            if nfind:
                text.append(f"  {nfind} finding{'s' if nfind != 1 else ''}", style="yellow")
            text.append("\n")
        self.query_one("#glossary-body", Static).update(text)


class AnonymisationPanel(VerticalScroll):
    """Anonymisation findings grouped by type. Register originals are never shown: only the
    matched text of the segment itself, and that too is masked when redaction is on."""

    def compose(self):
        yield Static("", id="anonymisation-body")

    def show(self, findings: Sequence[Finding], status: Callable[[Finding], str], *, redact: bool,
             rtl_reorder: bool) -> None:
        text = Text()
        groups: dict[str, list[Finding]] = {}
        for f in findings:
            groups.setdefault(f.check, []).append(f)
        if not groups:
            text.append("No anonymisation findings in this transcript.", style="dim")
        for check, fs in sorted(groups.items()):
            open_n = sum(1 for f in fs if status(f) != "dismissed")
            text.append(f"{check}  {open_n} open / {len(fs)}\n", style="bold")
            for f in fs[:200]:
                st = status(f)
                matched = f.evidence or ""
                shown_text = masked(matched, redact) if matched else "—"
                text.append(f"  {lines_label(f):<18} ", style="dim")
                text.append(shown(shown_text, rtl_reorder=rtl_reorder), style="bold" if st != "dismissed" else "dim strike")
                if st != "open":
                    text.append(f"  ({st})", style="italic")
                text.append("\n")
            if len(fs) > 200:
                text.append(f"  … {len(fs) - 200} more\n", style="dim")
        self.query_one("#anonymisation-body", Static).update(text)
