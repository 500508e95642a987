"""A self-contained HTML findings report: one file, no scripts or fonts fetched, no register content."""

from __future__ import annotations

from html import escape

from transqa.project.run import CheckResult

_CSS = """
body{font-family:system-ui,sans-serif;margin:2rem;color:#222}
h1{font-size:1.4rem} h2{font-size:1.1rem;margin-top:2rem}
table{border-collapse:collapse;width:100%} td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
.error{color:#b00020;font-weight:600}.warning{color:#a86400}.info{color:#0062a8}
.rtl{direction:rtl;unicode-bidi:plaintext} code{font-size:.9em}
"""


def findings_html(result: CheckResult, title: str = "transqa findings") -> str:
    parts = [f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{escape(title)}</title>"
             f"<style>{_CSS}</style></head><body><h1>{escape(title)}</h1>"]
    for doc in result.documents:
        findings = result.findings.get(doc.id, [])
        site = doc.pair.site or doc.pair.id
        parts.append(f"<h2>{escape(doc.id)} <small>({escape(site)}, {escape(doc.source_lang or '?')})</small> — "
                     f"{len(findings)} finding{'s' if len(findings) != 1 else ''}</h2>")
        if not findings:
            continue
        parts.append("<table><tr><th>cited</th><th>severity</th><th>check</th><th>message</th></tr>")
        for f in findings:
            lines = f.source_lines if f.side == "source" or not f.translation_lines else f.translation_lines
            cite = f"{site} {','.join(map(str, lines))}" + (" (source)" if f.side == "source" else "")
            parts.append(f"<tr><td>{escape(cite)}</td><td class='{f.severity}'>{f.severity}</td>"
                         f"<td><code>{escape(f.check)}</code></td><td dir='auto'>{escape(f.message)}</td></tr>")
        parts.append("</table>")
    parts.append("</body></html>\n")
    return "".join(parts)
