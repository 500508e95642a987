"""Build the PEER-MH sample study from its master files.

Each master file (``samples/tools/src/<ID>.master``) holds one focus-group turn per line::

    SPEAKER|MM:SS|source text|English text|planted problems

and this script writes the transcripts in each site's own style (plain text or Word,
bracket ``[00:01:23]`` or f4 ``#00:01:23-4#`` timestamps, a bilingual Word table for BU), then
prints the planted-problem table for ``samples/README.md`` with the final line numbers.

English-field markers (how the planted structural problems are made):

* ``<<OMIT>>``  – the turn has no English line (an omitted turn; later lines shift up).
* ``<<MERGED>>`` – the turn's English was folded into the previous English line.
* ``<<SAME>>``  – the English line repeats the source text (left untranslated).
* ``@R3 text`` – the English line carries a different speaker label.
* a time ``-`` – the turn has no timestamp.

The fifth field lists planted problems as ``check.id@side: description`` separated by ``;``.

Run from the repository root:  ``.venv/bin/python samples/tools/make_docx.py``
(python-docx is needed for the .docx files).
"""

from __future__ import annotations

import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
STUDY = HERE.parent / "study"

# transcript id -> (site, language, style, source file, translation file)
# style: "bracket" = "[00:01:23] R1: text", "f4" = "R1: text #00:01:23-4#"
LAYOUT = {
    "ULM-FG1": ("ULM", "de", "bracket", "ULM/ULM-FG1.de.txt", "ULM/ULM-FG1.en.txt"),
    "UKE-FG1": ("UKE", "de", "f4", "UKE/UKE-FG1.de.docx", "UKE/UKE-FG1.en.docx"),
    "BGU-FG1": ("BGU", "he", "bracket", "BGU/BGU-FG1.he.txt", "BGU/BGU-FG1.en.txt"),
    "BU-FG1": ("BU", "lg", "f4", "BU/BU-FG1.docx", None),
    "DS-FG1": ("DS", "sw", "f4", "DS/DS-FG1.sw.txt", "DS/DS-FG1.en.txt"),
    "PU-FG1": ("PU", "mr", "bracket", "PU/PU-FG1.mr.txt", "PU/PU-FG1.en.docx"),
}


@dataclass
class Turn:
    speaker: str
    time: str | None  # "MM:SS" or "HH:MM:SS"
    source: str
    english: str
    en_speaker: str
    problems: list[tuple[str, str, str]] = field(default_factory=list)  # (check, side, note)


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def parse(path: Path) -> list[Turn]:
    turns = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        parts = raw.split("|")
        if len(parts) not in (4, 5):
            sys.exit(f"{path}:{n}: expected 4 or 5 '|' fields, got {len(parts)}")
        spk, time, src, en = (p.strip() for p in parts[:4])
        probs = []
        if len(parts) == 5 and parts[4].strip():
            for item in parts[4].split(";"):
                head, _, note = item.partition(":")
                check, _, side = head.strip().partition("@")
                probs.append((check.strip(), side.strip() or "translation", note.strip()))
        en_spk = spk
        if en.startswith("@"):
            en_spk, _, en = en[1:].partition(" ")
        turns.append(Turn(spk, None if time == "-" else time, nfc(src), nfc(en), en_spk, probs))
    return turns


def hms(time: str) -> str:
    parts = time.split(":")
    if len(parts) == 2:
        parts.insert(0, "00")
    return ":".join(p.zfill(2) for p in parts)


def line(speaker: str, time: str | None, text: str, style: str) -> str:
    if time is None:
        return f"{speaker}: {text}"
    t = hms(time)
    if style == "bracket":
        return f"[{t}] {speaker}: {text}"
    tenth = sum(int(c) for c in t if c.isdigit()) % 10  # fixed, so rebuilds are identical
    return f"{speaker}: {text} #{t}-{tenth}#"


def build(tid: str) -> list[tuple[str, str, str, str, str, str]]:
    site, lang, style, src_rel, en_rel = LAYOUT[tid]
    turns = parse(HERE / "src" / f"{tid}.master")
    src_lines: list[str] = []
    en_lines: list[str] = []
    rows: list[tuple[str, str]] = []
    table = []
    for t in turns:
        src_lines.append(line(t.speaker, t.time, t.source, style))
        sline = len(src_lines)
        en_text = t.source if t.english == "<<SAME>>" else t.english
        eline = None
        if en_rel is None:  # bilingual table: one row per source turn
            cell = "" if t.english == "<<OMIT>>" else line(t.en_speaker, t.time, en_text, style)
            rows.append((src_lines[-1], cell))
            eline = sline
        elif t.english == "<<OMIT>>":
            pass
        elif t.english == "<<MERGED>>":
            eline = len(en_lines)
        else:
            en_lines.append(line(t.en_speaker, t.time, en_text, style))
            eline = len(en_lines)
        for check, side, note in t.problems:
            ln = sline if side == "source" else eline
            if side == "translation" and en_rel is not None and eline != sline:
                note += f" (its source line: {sline})"
            table.append((site, tid, side, str(ln), note, check))
    if en_rel is None:
        write_table(STUDY / src_rel, rows, ("Luganda", "English"))
    else:
        write(STUDY / src_rel, src_lines)
        write(STUDY / en_rel, en_lines)
    print(f"{tid}: {len(src_lines)} source turns, "
          f"{len(rows) if en_rel is None else len(en_lines)} English lines", file=sys.stderr)
    return table


def write(path: Path, lines: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".txt":
        path.write_text("".join(nfc(l) + "\n" for l in lines), encoding="utf-8")
        return
    from docx import Document

    doc = Document()  # one paragraph per turn
    for l in lines:
        doc.add_paragraph(nfc(l))
    _save(doc, path)


def write_table(path: Path, rows: list[tuple[str, str]], header: tuple[str, str]) -> None:
    from docx import Document

    path.parent.mkdir(parents=True, exist_ok=True)
    doc = Document()
    table = doc.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = text
    for src, en in rows:
        cells = table.add_row().cells
        cells[0].text = nfc(src)
        cells[1].text = nfc(en)
    _save(doc, path)


def _save(doc, path: Path) -> None:
    """Save with fixed metadata and zip dates, so a rebuild gives identical bytes."""
    import io
    import zipfile

    _freeze(doc)
    buf = io.BytesIO()
    doc.save(buf)
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=(2026, 11, 1, 12, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(info, src.read(item.filename))


def _freeze(doc) -> None:
    """Fixed document metadata, so a rebuild gives the same content."""
    import datetime as dt

    cp = doc.core_properties
    cp.author = "PEER-MH sample study"
    cp.title = ""
    cp.created = cp.modified = dt.datetime(2026, 11, 1, 12, 0, 0)
    cp.last_modified_by = "PEER-MH sample study"
    cp.revision = 1


def main() -> None:
    table = []
    for tid in LAYOUT:
        if not (HERE / "src" / f"{tid}.master").exists():
            print(f"{tid}: no master file, skipped", file=sys.stderr)
            continue
        table += build(tid)
    print("| site | transcript | side | line | problem | check |")
    print("|---|---|---|---|---|---|")
    for row in table:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
