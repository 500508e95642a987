"""Word (.docx) transcripts: paragraphs, or a bilingual review table.

* Paragraph documents: one segment per non-empty paragraph in document order (paragraphs in
  ordinary tables included); ``line`` counts non-empty paragraphs, as QDA tools number them.
* Bilingual review documents: a table whose header row names a source and a translation
  column ("German | English", "Source | Translation", "Original | English"); optional line
  number, speaker and timestamp columns. Each data row is one aligned unit; ``line`` counts the
  data rows that hold any text.

Paragraph text is read from the XML so that tracked insertions count and deletions do not,
and text boxes' fallback copies are not read twice.

``meta["paragraph_index"]`` gives, per segment, the index of its paragraph in
``document.element.body.iter(qn("w:p"))``; ``meta["cells"]`` gives, per table segment,
``(table index in document.tables, row index, w:tc index in the row)`` — what a writer needs.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from transqa.errors import InputError
from transqa.model import Segment, Transcript, TranscriptPair
from transqa.readers.lines import accepted_weak_labels, build_segments, clean, is_blank, parse_line, parse_timestamp
from transqa.text.tokens import words as word_list

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_SKIP = {W + "del", W + "moveFrom", W + "pPr", W + "rPr", W + "txbxContent", MC + "Fallback",
         W + "footnoteReference", W + "endnoteReference", W + "commentReference"}
_TEXT = {W + "t", W + "delText"}


def open_document(path: str | Path):
    """python-docx Document, or InputError for anything that is not a readable .docx."""
    try:
        if not zipfile.is_zipfile(path):
            raise InputError(path, "not a valid .docx (not a zip archive); is it an old .doc or a renamed file?")
        import docx  # deferred: python-docx is only needed for Word files

        return docx.Document(str(path))
    except InputError:
        raise
    except Exception as e:  # python-docx raises KeyError, ValueError, BadZipFile, XMLSyntaxError…
        detail = type(e).__name__
        raise InputError(path, f"not a valid .docx (corrupt or not a Word document: {detail})") from None


def paragraph_text(p) -> str:
    """Visible text of one ``w:p`` element: runs, hyperlinks, insertions; tabs and breaks kept."""
    out: list[str] = []

    def walk(el) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == W + "t":
                out.append(child.text or "")
            elif tag == W + "tab":
                out.append("\t")
            elif tag in (W + "br", W + "cr"):
                if child.get(W + "type") not in ("page", "column"):
                    out.append("\n")
            elif tag == W + "noBreakHyphen":
                out.append("-")
            elif tag != W + "delText":
                walk(child)

    walk(p)
    return "".join(out)


def _in_textbox(p) -> bool:
    parent = p.getparent()
    while parent is not None:
        if parent.tag in (W + "txbxContent", MC + "Fallback"):
            return True
        parent = parent.getparent()
    return False


# --- bilingual tables -----------------------------------------------------------------------

_LANGS = {
    "english": "en", "englisch": "en", "en": "en", "eng": "en", "kiingereza": "en",
    "german": "de", "deutsch": "de", "de": "de", "deu": "de", "ger": "de",
    "hebrew": "he", "hebräisch": "he", "ivrit": "he", "עברית": "he", "he": "he", "heb": "he",
    "luganda": "lg", "ganda": "lg", "lg": "lg", "lug": "lg",
    "swahili": "sw", "kiswahili": "sw", "suaheli": "sw", "sw": "sw", "swa": "sw", "swh": "sw",
    "marathi": "mr", "मराठी": "mr", "mr": "mr", "mar": "mr",
    "hindi": "hi", "हिन्दी": "hi", "हिंदी": "hi", "hi": "hi", "hin": "hi",
}
_TRANSLATION = {"translation", "translated", "target", "übersetzung", "uebersetzung", "tafsiri", "תרגום"}
_SOURCE = {"source", "original", "transcript", "transcription", "transkript", "ausgangstext", "quelle",
           "quelltext", "orig", "asili", "מקור"}
_SPEAKER = {"speaker", "sprecher", "sprecherin", "name", "person", "who", "role", "participant", "spk"}
_TIME = {"time", "timestamp", "timecode", "zeit", "zeitmarke", "start", "timespan", "tc"}
_LINE = {"", "#", "no", "nr", "num", "number", "line", "zeile", "para", "paragraph", "absatz", "id",
         "n", "row", "seg", "segment", "¶", "pos", "position"}
_MARKS = re.compile(r"#|¶")


def _language_of(word: str) -> str | None:
    if word in _LANGS:
        return _LANGS[word]
    if len(word) < 4:
        return None
    try:
        import pycountry

        lang = pycountry.languages.lookup(word)
    except (LookupError, ImportError):
        return None
    return getattr(lang, "alpha_2", None) or getattr(lang, "alpha_3", None)


def classify_header(cell: str) -> tuple[str, str | None]:
    """One header cell → (role, language): role is source, translation, speaker, time, line or other."""
    text = clean(cell).casefold()
    words = word_list(text) + _MARKS.findall(text)
    langs = [code for w in words if (code := _language_of(w))]
    lang = langs[0] if langs else None
    if "back" in words or any(w.startswith(("back-", "rück")) for w in words):
        return "other", lang  # a back-translation column is neither side
    if any(w in _TRANSLATION for w in words):
        return "translation", lang
    if any(w in _SOURCE for w in words):
        return "source", lang
    if any(w in _SPEAKER for w in words) and len(words) <= 2:
        return "speaker", None
    if any(w in _TIME for w in words) and len(words) <= 2:
        return "time", None
    if " ".join(words) in _LINE or text.strip(".:") in _LINE:
        return "line", None
    if lang == "en" and len(words) <= 3:
        return "translation", "en"
    if lang and len(words) <= 3:
        return "source", lang
    return "other", None


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _cells(tr) -> list[tuple[int, int, int, object]]:
    """Cells of a ``w:tr`` as (tc index, first grid column, last grid column, tc)."""
    out = []
    col = 0
    trpr = tr.find(W + "trPr")
    if trpr is not None:
        gb = trpr.find(W + "gridBefore")
        if gb is not None:
            col = max(0, _int(gb.get(W + "val"), 0))
    for i, tc in enumerate(tr.findall(W + "tc")):
        span = 1
        tcpr = tc.find(W + "tcPr")
        if tcpr is not None and (gs := tcpr.find(W + "gridSpan")) is not None:
            span = max(1, _int(gs.get(W + "val"), 1))
        out.append((i, col, col + span - 1, tc))
        col += span
    return out


def _cell_text(tc) -> str:
    paras = [paragraph_text(p) for p in tc.iter(W + "p") if not _in_textbox(p)]
    return "\n".join(t for t in paras if not is_blank(t))


@dataclass(frozen=True, slots=True)
class TableLayout:
    """Which grid column of a bilingual table holds what."""

    source: int
    translation: int
    source_lang: str | None
    speaker: int | None = None
    time: int | None = None
    header: tuple[str, ...] = ()
    header_row: int = 0


HEADER_ROWS = 3  # a title row may sit above the header ("Focus group ULM 3" across the table)


def _layout_of_row(tr, row_index: int) -> TableLayout | None:
    cells = _cells(tr)
    header = tuple(_cell_text(tc) for _, _, _, tc in cells)
    roles = [(classify_header(h), first) for h, (_, first, _, _) in zip(header, cells)]
    src = [(lang, col) for (role, lang), col in roles if role == "source"]
    trg = [(lang, col) for (role, lang), col in roles if role == "translation"]
    if len(src) == 2 and not trg:  # "Luganda | Swahili": left is the source
        src, trg = src[:1], src[1:]
    if len(src) != 1 or len(trg) != 1:
        return None
    speaker = next((col for (role, _), col in roles if role == "speaker"), None)
    time = next((col for (role, _), col in roles if role == "time"), None)
    return TableLayout(src[0][1], trg[0][1], src[0][0] if src[0][0] != "en" else None,
                       speaker, time, header, row_index)


def table_layout(tbl) -> TableLayout | None:
    """The layout of a bilingual table (header in one of its first rows), or None if it is not one."""
    for r, tr in enumerate(tbl.findall(W + "tr")[:HEADER_ROWS]):
        layout = _layout_of_row(tr, r)
        if layout is not None:
            return layout
    return None


def _cell_at(cells, col: int):
    for i, first, last, tc in cells:
        if first <= col <= last:
            return i, tc
    return None, None


@dataclass(slots=True)
class _Row:
    line: int
    position: tuple[int, int]  # table index, row index
    source: tuple[int | None, str]  # tc index, text
    translation: tuple[int | None, str]
    speaker: str | None
    time: str | None


def _table_rows(path, document) -> tuple[list[_Row], TableLayout, list[tuple[int, int]]] | None:
    tables = list(document.tables)
    layouts = [(t, table_layout(tbl._tbl)) for t, tbl in enumerate(tables)]
    layouts = [(t, lay) for t, lay in layouts if lay is not None]
    if not layouts:
        return None
    rows: list[_Row] = []
    spanning: list[tuple[int, int]] = []
    first_layout = layouts[0][1]
    for t, lay in layouts:
        for r, tr in enumerate(tables[t]._tbl.findall(W + "tr")):
            if r <= lay.header_row:
                continue
            cells = _cells(tr)
            si, stc = _cell_at(cells, lay.source)
            ti, ttc = _cell_at(cells, lay.translation)
            if stc is None and ttc is None:
                continue
            if stc is not None and stc is ttc:
                if not is_blank(_cell_text(stc)):
                    spanning.append((t, r))  # a heading across both columns: not a unit
                continue
            s_text = _cell_text(stc) if stc is not None else ""
            t_text = _cell_text(ttc) if ttc is not None else ""
            if tuple(_cell_text(tc) for *_, tc in cells) == lay.header:
                continue  # header repeated (table continued after a page break)
            if is_blank(s_text) and is_blank(t_text):
                continue
            speaker = time = None
            if lay.speaker is not None and (c := _cell_at(cells, lay.speaker)[1]) is not None:
                speaker = clean(_cell_text(c)) or None
            if lay.time is not None and (c := _cell_at(cells, lay.time)[1]) is not None:
                time = clean(_cell_text(c)) or None
            rows.append(_Row(len(rows) + 1, (t, r), (si, s_text), (ti, t_text), speaker, time))
    return rows, first_layout, spanning


def _side(rows: list[_Row], side: str) -> tuple[list[Segment], list[tuple[int, int, int | None]]]:
    import unicodedata

    cells = [getattr(r, side) for r in rows]
    raws = [unicodedata.normalize("NFC", text) for _, text in cells]
    weak = accepted_weak_labels([t for t in raws if not is_blank(t)])
    segments: list[Segment] = []
    positions: list[tuple[int, int, int | None]] = []
    for row, (tc_index, _), raw in zip(rows, cells, raws):
        if is_blank(raw):
            continue
        ls = parse_line(raw, weak)
        speaker = ls.speaker or row.speaker
        timestamp, seconds = ls.timestamp, ls.seconds
        if timestamp is None and row.time:
            parsed = parse_timestamp(row.time)
            timestamp, seconds = row.time, (parsed[1] if parsed else None)
        segments.append(Segment(row.line, ls.text, speaker, timestamp, seconds, raw))
        positions.append((row.position[0], row.position[1], tc_index))
    return segments, positions


def is_bilingual(path: str | Path) -> bool:
    document = open_document(path)
    try:
        return any(table_layout(tbl._tbl) is not None for tbl in document.tables)
    except Exception as e:
        raise InputError(path, f"cannot read the document's tables ({type(e).__name__})") from None


def read_bilingual(path: str | Path, document=None, *, id: str, source_lang: str | None = None,
                   site: str | None = None, translator: str | None = None) -> TranscriptPair | None:
    """The bilingual table(s) of a document as an aligned pair, or None if it has none."""
    document = document if document is not None else open_document(path)
    try:
        found = _table_rows(path, document)
    except Exception as e:  # malformed table XML inside a valid zip: the user's file, not our bug
        raise InputError(path, f"cannot read the document's tables ({type(e).__name__})") from None
    if found is None:
        return None
    rows, layout, spanning = found
    if not rows:
        raise InputError(path, "bilingual table has a header but no rows with text")
    lang = source_lang or layout.source_lang
    meta_common: dict[str, object] = {"format": "docx-table", "header": list(layout.header),
                                      "spanning_rows": spanning}
    src_segments, src_pos = _side(rows, "source")
    trg_segments, trg_pos = _side(rows, "translation")
    p = Path(path)
    source = Transcript(id, src_segments, lang, site, p, {**meta_common, "cells": src_pos,
                                                          "column": layout.source})
    translation = Transcript(id, trg_segments, "en", site, p, {**meta_common, "cells": trg_pos,
                                                               "column": layout.translation})
    return TranscriptPair(id, source, translation, site=site, source_lang=lang, aligned=True,
                          translator=translator)


def read_docx(path: str | Path, *, id: str, language: str | None = None,
              site: str | None = None) -> Transcript:
    """A paragraph transcript; a bilingual review document gives its source column."""
    import unicodedata

    document = open_document(path)
    pair = read_bilingual(path, document, id=id, source_lang=language, site=site)
    if pair is not None:
        pair.source.meta["bilingual"] = True
        return pair.source
    try:
        body = document.element.body
        numbered: list[tuple[int, str]] = []
        index: list[int] = []
        for i, p in enumerate(body.iter(W + "p")):
            if _in_textbox(p):
                continue
            raw = unicodedata.normalize("NFC", paragraph_text(p))
            if is_blank(raw):
                continue
            numbered.append((len(numbered) + 1, raw))
            index.append(i)
    except Exception as e:  # malformed XML inside a valid zip
        raise InputError(path, f"cannot read the document's paragraphs ({type(e).__name__})") from None
    segments, end_stamps = build_segments(numbered)
    if not segments:
        raise InputError(path, "empty document (no paragraph with text)")
    meta: dict[str, object] = {"format": "docx", "paragraph_index": index}
    if end_stamps:
        meta["end_timestamps"] = end_stamps
    return Transcript(id, segments, language, site, Path(path), meta)
