"""The bilingual review document: one Word table per transcript, for reviewers who work in Word.

Columns: ``Row | Speaker | Time | <Language> source | English translation | Lines | Findings``.
The header names are ones :mod:`transqa.readers.docx` recognises, so an edited document reads
back as an aligned pair (row N = line N on both sides): a reviewer corrects the translation
column in Word and ``transqa check --source review.docx`` (or ``read_pair``) sees the edit.

* One row per aligned unit (bead), so an omitted turn is a row with an empty English cell.
* ``Lines`` gives the line numbers in the original files (``de 12 · en 11``), for citing.
* ``Findings`` lists each finding on the row (severity, check, message, review status); the
  same text is attached as a Word comment to the cell's text.
* Right-to-left source languages (Hebrew): every paragraph of the source cells carries
  ``w:bidi`` and every run ``w:rtl``, so Word lays the text out right to left.
"""

from __future__ import annotations

import io
from pathlib import Path

from transqa.checks.context import Unit
from transqa.exports.common import is_rtl, language_name
from transqa.exports.study import Item, Study
from transqa.fsutil import atomic_write_bytes

HEADERS = ("Row", "Speaker", "Time", "{lang} source", "English translation", "Lines", "Findings")
SOURCE_COL, TRANSLATION_COL, FINDINGS_COL = 3, 4, 6


def headers(source_lang: str | None) -> list[str]:
    name = language_name(source_lang) if source_lang else ""
    return [h.format(lang=name).strip() if "{lang}" in h else h for h in HEADERS]


def _findings_by_unit(item: Item) -> dict[int, list]:
    """unit index → reviewed findings about its lines."""
    by_src: dict[int, int] = {}
    by_trg: dict[int, int] = {}
    for u in item.units:
        for n in u.source_lines:
            by_src.setdefault(n, u.index)
        for n in u.translation_lines:
            by_trg.setdefault(n, u.index)
    out: dict[int, list] = {}
    for rf in item.findings:
        f = rf.finding
        idx = next((by_trg[n] for n in f.translation_lines if n in by_trg), None)
        if idx is None:
            idx = next((by_src[n] for n in f.source_lines if n in by_src), None)
        if idx is not None:
            out.setdefault(idx, []).append(rf)
    return out


def finding_text(rf) -> str:
    f = rf.finding
    status = rf.status
    if rf.disposition is not None and rf.disposition.reason:
        status += f" ({rf.disposition.reason})"
    return f"{str(f.severity).upper()} {f.check}: {f.message} [{status}]"


_PPR_AFTER_BIDI = ("w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                   "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                   "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
                   "w:pPrChange")
_RPR_AFTER_RTL = ("w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath")


def _mark_rtl(paragraph) -> None:
    from docx.oxml import OxmlElement

    ppr = paragraph._p.get_or_add_pPr()
    if ppr.find(_w("bidi")) is None:  # schema order: bidi precedes these siblings
        ppr.insert_element_before(OxmlElement("w:bidi"), *_PPR_AFTER_BIDI)
    for run in paragraph.runs:
        rpr = run._r.get_or_add_rPr()
        if rpr.find(_w("rtl")) is None:
            rpr.insert_element_before(OxmlElement("w:rtl"), *_RPR_AFTER_RTL)


def _w(tag: str) -> str:
    return "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}" + tag


def _fill(cell, lines: list[str], *, rtl: bool = False, bold: bool = False):
    """Put one paragraph per line into ``cell``; returns the runs (for comments)."""
    runs = []
    first = True
    for text in lines or [""]:
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        run = p.add_run(text)
        run.bold = bold or None
        runs.append(run)
        if rtl:
            _mark_rtl(p)
    return runs


def _speaker(u: Unit) -> str:
    src = [s.speaker for s in u.source if s.speaker]
    trg = [s.speaker for s in u.translation if s.speaker]
    first = src[0] if src else (trg[0] if trg else "")
    if trg and src and trg[0] != src[0]:
        return f"{first} (en {trg[0]})"
    return first


def _time(u: Unit) -> str:
    for s in (*u.source, *u.translation):
        if s.timestamp:
            return s.timestamp
    return ""


def _lines(u: Unit, lang: str | None) -> str:
    def fmt(lines: tuple[int, ...]) -> str:
        if not lines:
            return "-"
        return f"{lines[0]}" if len(lines) == 1 else f"{lines[0]}-{lines[-1]}"

    return f"{lang or 'src'} {fmt(u.source_lines)} · en {fmt(u.translation_lines)}"


def build_docx(item: Item, study: Study, *, comments: bool = True) -> bytes:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.oxml import OxmlElement
    from docx.shared import Cm, Pt

    d = docx.Document()
    section = d.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(1.5))
    d.styles["Normal"].font.size = Pt(10)
    site = study.site(item.spec.site)
    d.core_properties.title = f"{item.id} review"
    d.add_heading(f"{study.project.name} {item.id} - review table", level=1)
    d.add_paragraph(f"Site {item.site_code}{' (' + site.name + ')' if site else ''}; "
                    f"{language_name(item.source_lang)} source, English translation; review state {item.state}. "
                    "Edit the English translation column only; keep the header row and the row order.")
    cols = headers(item.source_lang)
    table = d.add_table(rows=1, cols=len(cols))
    table.style = "Table Grid"
    hdr = table.rows[0]
    trpr = hdr._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:tblHeader"))  # repeat the header on every page
    for cell, name in zip(hdr.cells, cols):
        _fill(cell, [name], bold=True)
    rtl = is_rtl(item.source_lang)
    by_unit = _findings_by_unit(item)
    rtl_cells = []
    for u in item.units:
        row = table.add_row().cells
        _fill(row[0], [str(u.index + 1)])
        _fill(row[1], [_speaker(u)])
        _fill(row[2], [_time(u)])
        src_runs = _fill(row[SOURCE_COL], [s.text for s in u.source])
        if rtl:
            rtl_cells.append(row[SOURCE_COL])
        trg_runs = _fill(row[TRANSLATION_COL], [s.text for s in u.translation])
        _fill(row[5], [_lines(u, item.source_lang)])
        found = by_unit.get(u.index, [])
        _fill(row[FINDINGS_COL], [finding_text(rf) for rf in found])
        if comments and found:
            for rf in found:
                runs = src_runs if rf.finding.side == "source" else trg_runs
                runs = [r for r in runs if r.text] or [r for r in (*trg_runs, *src_runs) if r.text]
                if runs:
                    d.add_comment(runs, text=finding_text(rf), author="transqa", initials="QA")
    for cell in rtl_cells:  # after the comments, so their reference runs are marked too
        for p in cell.paragraphs:
            _mark_rtl(p)
    widths = (Cm(1.2), Cm(1.8), Cm(2.2), Cm(8.0), Cm(8.0), Cm(2.2), Cm(4.5))
    for r in table.rows:
        for cell, w in zip(r.cells, widths):
            cell.width = w
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def write(item: Item, study: Study, path: Path, *, comments: bool = True) -> None:
    atomic_write_bytes(path, build_docx(item, study, comments=comments))
