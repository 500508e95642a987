"""The human text report: grouped by transcript, cited as ``SITE LINE``, coloured on a terminal."""

from __future__ import annotations

import io

from rich.console import Console
from rich.text import Text

from transqa.checks.context import Document
from transqa.model import Finding, Severity
from transqa.project.run import CheckResult

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
EXCERPT = 90


def citation(doc: Document, f: Finding) -> str:
    """``ULM 41`` on the finding's side, with the other side's line when it differs."""
    site = doc.pair.site or doc.pair.id
    src = ",".join(map(str, f.source_lines[:3])) or "–"
    tgt = ",".join(map(str, f.translation_lines[:3])) or "–"
    if not doc.has_translation:
        return f"{site} {src}"
    if f.side == "source":
        return f"{site} {src} (en {tgt})"
    return f"{site} {src} → en {tgt}"


def _excerpt(doc: Document, f: Finding, redact: bool) -> Text | None:
    side = "source" if f.side == "source" else "translation"
    lines = f.source_lines if side == "source" else f.translation_lines
    if not lines:
        return None
    seg = next((s for s in doc.segments(side) if s.line == lines[0]), None)
    if seg is None or not seg.text:
        return None
    text, span = seg.text, f.span
    if redact and f.category == "anonymisation":
        if span is None:
            return None
        text = text[: span[0]] + "█" * (span[1] - span[0]) + text[span[1]:]
    start = 0
    if span and span[0] > EXCERPT // 2:
        start = span[0] - EXCERPT // 3
    shown = text[start : start + EXCERPT]
    out = Text(("…" if start else "") + shown + ("…" if start + EXCERPT < len(text) else ""), style="dim")
    if span:
        a = span[0] - start + (1 if start else 0)
        b = min(span[1] - start + (1 if start else 0), len(out.plain))
        if 0 <= a < b:
            out.stylize("bold underline", a, b)
    return out


def render_text(result: CheckResult, *, color: bool, redact: bool = False) -> str:
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=color, color_system="standard" if color else None,
                      width=120, highlight=False, soft_wrap=True)
    totals = {s: 0 for s in Severity}
    for doc in result.documents:
        findings = result.findings.get(doc.id, [])
        for f in findings:
            totals[f.severity] += 1
        pair = doc.pair
        head = Text(pair.id, style="bold")
        lang = f"{doc.source_lang or '?'}" + (f" → {pair.target_lang}" if doc.has_translation else "")
        counts = f"{len(pair.source)} segments" + (f" / {len(pair.translation)}" if pair.translation else "")  # type: ignore[arg-type]
        head.append(f"  {pair.site or ''} {lang}  {counts}  ", style="dim")
        by = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
        head.append(", ".join(f"{n} {str(s)}{'s' if n != 1 else ''}" for s, n in sorted(by.items(), reverse=True) if n) or "no findings",
                    style="green" if not findings else None)
        console.print(head)
        for f in findings:
            line = Text("  ")
            line.append(f"{citation(doc, f):<23} ", style="bold")
            line.append(f"{str(f.severity):<8}", style=STYLE[f.severity])
            line.append(f"{f.check:<35} ", style="magenta")
            line.append(f.message)
            console.print(line)
            ex = _excerpt(doc, f, redact)
            if ex is not None:
                console.print(Text(" " * 26).append(ex))
        console.print()
    n_docs = len(result.documents)
    summary = Text(f"{n_docs} transcript{'s' if n_docs != 1 else ''} checked: ", style="bold")
    summary.append(", ".join(f"{totals[s]} {s}{'s' if totals[s] != 1 else ''}" for s in sorted(Severity, reverse=True)))
    console.print(summary)
    return buf.getvalue()
