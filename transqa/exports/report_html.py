"""The study report: one self-contained HTML file (no scripts, fonts or images fetched).

Sections: methods paragraph; study totals; a bar chart of findings per site by severity and
one of review states (inline SVG); per site a table of its transcripts; per transcript the
findings by check and severity with their review status, the sign-off record (printed name,
role, decision, meaning, UTC time, whether it covers the current content, comment, override
reason) and the findings list cited as ``SITE LINE``.

Transcripts are not included (finding messages may quote the few words they are about).
Anonymisation findings have their matched text masked, and
every text field passes through :class:`transqa.exports.scrub.Scrubber`, so no register
original or variant can reach the report.
"""

from __future__ import annotations

from datetime import datetime, timezone
from html import escape
from pathlib import Path

from transqa import __version__
from transqa.exports.common import language_name
from transqa.exports.methods import methods_text
from transqa.exports.scrub import Scrubber, mask_message, scrubber_for
from transqa.exports.study import Item, Study
from transqa.exports.summary import SEVERITIES, Counts, of_items, per_site
from transqa.fsutil import atomic_write_text

COLOURS = {"error": "#b00020", "warning": "#d08a00", "info": "#2f6db5"}
STATE_COLOURS = {"signed-off": "#2e7d32", "in-review": "#2f6db5", "stale": "#d08a00", "rejected": "#b00020",
                 "unchecked": "#9e9e9e"}

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:70rem;color:#222;line-height:1.4}
h1{font-size:1.5rem} h2{font-size:1.2rem;margin-top:2.2rem;border-bottom:1px solid #ccc} h3{font-size:1.05rem;margin-top:1.6rem}
table{border-collapse:collapse;margin:.5rem 0 1rem} td,th{border-bottom:1px solid #ddd;padding:.25rem .6rem;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.error{color:#b00020;font-weight:600}.warning{color:#8a5a00}.info{color:#2f6db5}
.state-signed-off{color:#2e7d32;font-weight:600}.state-stale,.state-rejected{color:#b00020;font-weight:600}
.methods{background:#f6f6f6;padding:.8rem 1rem;border-left:4px solid #999}
small{color:#666} svg text{font-family:inherit}
"""


def _e(text: object, scrub: Scrubber) -> str:
    return escape(scrub(str(text)))


def bar_chart(title: str, rows: list[tuple[str, dict[str, int]]], keys: tuple[str, ...],
              colours: dict[str, str]) -> str:
    """A horizontal stacked bar chart as inline SVG (labels and counts as text, so it reads offline
    and in a screen reader)."""
    width, label_w, bar_h, gap = 640, 110, 22, 8
    total_max = max([sum(v.values()) for _, v in rows] + [1])
    scale = (width - label_w - 60) / total_max
    height = len(rows) * (bar_h + gap) + 40
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}"><title>{escape(title)}</title>']
    y = 10
    for label, values in rows:
        out.append(f'<text x="{label_w - 8}" y="{y + bar_h * 0.7:.0f}" text-anchor="end" font-size="13">'
                   f'{escape(label)}</text>')
        x = float(label_w)
        for k in keys:
            n = values.get(k, 0)
            if not n:
                continue
            w = n * scale
            out.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{colours[k]}">'
                       f'<title>{escape(label)}: {n} {escape(k)}</title></rect>')
            x += w
        out.append(f'<text x="{x + 6:.1f}" y="{y + bar_h * 0.7:.0f}" font-size="12">{sum(values.values())}</text>')
        y += bar_h + gap
    lx = label_w
    for k in keys:
        out.append(f'<rect x="{lx}" y="{y + 4}" width="12" height="12" fill="{colours[k]}"/>'
                   f'<text x="{lx + 16}" y="{y + 14}" font-size="12">{escape(k)}</text>')
        lx += 22 + 8 * len(k)
    out.append("</svg>")
    return "".join(out)


def _counts_row(c: Counts, *, per_transcript: bool = False) -> str:
    cells = [] if per_transcript else [c.transcripts]
    cells += [c.source_segments, c.translation_segments, *(c.by_severity.get(s, 0) for s in SEVERITIES),
              c.by_status.get("open", 0), c.by_status.get("fixed", 0), c.by_status.get("dismissed", 0)]
    if not per_transcript:
        cells.append(c.states.get("signed-off", 0))
    return "".join(f'<td class="n">{n}</td>' for n in cells)


def _count_head(*, per_transcript: bool = False) -> str:
    names = [] if per_transcript else ["transcripts"]
    names += ["source turns", "English turns", "errors", "warnings", "infos", "open", "fixed", "dismissed"]
    if not per_transcript:
        names.append("signed off")
    return "".join(f'<th class="n">{n}</th>' for n in names)


def _signoff_table(item: Item, scrub: Scrubber) -> str:
    if not item.signoffs:
        return "<p>No sign-off recorded.</p>"
    rows = ["<table><tr><th>printed name</th><th>role</th><th>decision</th><th>meaning</th><th>time (UTC)</th>"
            "<th>on current content</th><th>comment</th><th>override reason</th></tr>"]
    for s in item.signoffs:
        rows.append(f"<tr><td>{_e(s.reviewer_name, scrub)} <small>({_e(s.reviewer, scrub)})</small></td>"
                    f"<td>{_e(s.reviewer_role, scrub)}</td><td>{_e(s.decision, scrub)}</td><td>{_e(s.meaning, scrub)}</td>"
                    f"<td>{_e(s.at, scrub)}</td><td>{'yes' if s.current else 'no (content changed since)'}</td>"
                    f"<td>{_e(s.comment or '', scrub)}</td><td>{_e(s.override_reason or '', scrub)}</td></tr>")
    rows.append("</table>")
    return "".join(rows)


def _cite(item: Item, f) -> str:
    lines = f.translation_lines if (f.side != "source" and f.translation_lines) else f.source_lines
    side = "en" if lines is f.translation_lines and f.translation_lines else "source"
    return f"{item.site_code} {','.join(map(str, lines))} ({side})"


def _transcript_section(item: Item, study: Study, scrub: Scrubber) -> str:
    c = of_items([item])
    site = study.site(item.spec.site)
    out = [f'<h3 id="t-{escape(item.id)}">{_e(item.id, scrub)} <small>{_e(site.name if site else item.site_code, scrub)}, '
           f'{escape(language_name(item.source_lang))}; translator {_e(item.spec.translator or "not recorded", scrub)}; '
           f'state <span class="state-{escape(item.state)}">{escape(item.state)}</span></small></h3>',
           f"<p>{c.source_segments} source turns, {c.translation_segments} English turns, {c.units} aligned units; "
           f"{c.findings} findings; {len(item.notes)} reviewer notes; {len(item.edits)} edits in review.</p>"]
    if c.by_check:
        out.append("<table><tr><th>check</th><th>severity</th><th class='n'>findings</th><th class='n'>open</th>"
                   "<th class='n'>fixed</th><th class='n'>dismissed</th></tr>")
        for (check, sev), n in sorted(c.by_check.items(), key=lambda kv: (-SEVERITIES[::-1].index(kv[0][1]), kv[0][0])):
            st = {s: sum(1 for rf in item.findings if rf.finding.check == check and str(rf.finding.severity) == sev
                         and rf.status == s) for s in ("open", "fixed", "dismissed")}
            out.append(f"<tr><td><code>{escape(check)}</code></td><td class='{sev}'>{sev}</td><td class='n'>{n}</td>"
                       f"<td class='n'>{st['open']}</td><td class='n'>{st['fixed']}</td><td class='n'>{st['dismissed']}</td></tr>")
        out.append("</table>")
    out.append("<h4>Sign-off record</h4>" + _signoff_table(item, scrub))
    if item.findings:
        out.append("<details><summary>All findings</summary><table><tr><th>cited</th><th>severity</th><th>check</th>"
                   "<th>message</th><th>review</th></tr>")
        for rf in item.findings:
            f = rf.finding
            review = rf.status
            d = rf.disposition
            if d is not None:
                review += f" by {d.reviewer} {d.at[:10]}" + (f": {d.reason}" if d.reason else "")
            out.append(f"<tr><td>{escape(_cite(item, f))}</td><td class='{f.severity}'>{f.severity}</td>"
                       f"<td><code>{escape(f.check)}</code></td><td dir='auto'>{_e(mask_message(f), scrub)}</td>"
                       f"<td>{_e(review, scrub)}</td></tr>")
        out.append("</table></details>")
    return "".join(out)


def build_html(study: Study, *, scrub: Scrubber | None = None) -> str:
    scrub = scrub or scrubber_for(study.project)
    name = study.project.name
    total = of_items(study.items)
    sites = per_site(study)
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    parts = [f"<!doctype html><html lang='en'><head><meta charset='utf-8'>"
             f"<meta name='viewport' content='width=device-width,initial-scale=1'>"
             f"<title>{_e(name, scrub)}: translation QA report</title><style>{_CSS}</style></head><body>",
             f"<h1>{_e(name, scrub)}: translation QA report</h1>",
             f"<p><small>Generated {now} by transqa {__version__}. Contains no transcripts and no "
             f"anonymisation register content; identifiers found by the anonymisation checks are masked.</small></p>",
             "<h2>Methods</h2>", f"<p class='methods'>{_e(methods_text(study), scrub)}</p>",
             "<h2>Study</h2>", f"<table><tr><th></th>{_count_head()}</tr><tr><th>all sites</th>{_counts_row(total)}</tr>"]
    for code, c in sites.items():
        parts.append(f"<tr><th><a href='#site-{escape(code)}'>{escape(code)}</a></th>{_counts_row(c)}</tr>")
    parts.append("</table>")
    parts.append("<h3>Findings per site</h3>")
    parts.append(bar_chart("Findings per site by severity",
                           [(code, {s: c.by_severity.get(s, 0) for s in SEVERITIES}) for code, c in sites.items()],
                           SEVERITIES, COLOURS))
    parts.append("<h3>Review state per site</h3>")
    states = tuple(STATE_COLOURS)
    parts.append(bar_chart("Transcripts per site by review state",
                           [(code, {s: c.states.get(s, 0) for s in states}) for code, c in sites.items()],
                           states, STATE_COLOURS))
    by_site = study.by_site()
    for code, items in by_site.items():
        site = study.site(code)
        parts.append(f"<h2 id='site-{escape(code)}'>{escape(code)}"
                     f"{' — ' + _e(site.name, scrub) if site else ''}"
                     f"{' (' + escape(language_name(site.language)) + ')' if site and site.language else ''}</h2>")
        parts.append("<table><tr><th>transcript</th><th>state</th><th>approved by</th>"
                     f"{_count_head(per_transcript=True)}</tr>")
        for it in items:
            c = of_items([it])
            approvers = ", ".join(s.reviewer_name for s in it.current_approvals()) or "—"
            parts.append(f"<tr><td><a href='#t-{escape(it.id)}'>{_e(it.id, scrub)}</a></td>"
                         f"<td class='state-{escape(it.state)}'>{escape(it.state)}</td><td>{_e(approvers, scrub)}</td>"
                         f"{_counts_row(c, per_transcript=True)}</tr>")
        parts.append("</table>")
        for it in items:
            parts.append(_transcript_section(it, study, scrub))
    parts.append("</body></html>\n")
    return "".join(parts)


def write(study: Study, path: Path) -> None:
    atomic_write_text(path, build_html(study))
