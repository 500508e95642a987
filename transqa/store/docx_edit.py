"""Replacing one segment's text in a Word file: a paragraph, or a bilingual table's cell.

Only the text nodes (``w:t``) that hold the segment's words change; the runs before them (a bold
speaker label), after them (a trailing timestamp), their formatting and everything else in the
file stay as they were. The paragraph is found the way the reader numbered it
(``meta["paragraph_index"]`` / ``meta["cells"]`` of :mod:`transqa.readers.docx`).
"""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

from transqa.errors import InputError
from transqa.model import Segment
from transqa.readers.docx import _SKIP, W, _in_textbox, paragraph_text
from transqa.readers.lines import is_blank
from transqa.store.writeback import splice

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _text_nodes(p) -> list[tuple[object | None, int, int]]:
    """(w:t node or None for a tab/break, start, end) in reading order, as paragraph_text reads."""
    out: list[tuple[object | None, int, int]] = []
    pos = 0

    def walk(el) -> None:
        nonlocal pos
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == W + "t":
                n = len(child.text or "")
                out.append((child, pos, pos + n))
                pos += n
            elif tag == W + "tab" or tag == W + "noBreakHyphen":
                out.append((None, pos, pos + 1))
                pos += 1
            elif tag in (W + "br", W + "cr"):
                if child.get(W + "type") not in ("page", "column"):
                    out.append((None, pos, pos + 1))
                    pos += 1
            elif tag != W + "delText":
                walk(child)

    walk(p)
    return out


def replace_in_paragraph(p, old_text: str, new_text: str) -> None:
    """Replace the segment text inside one ``w:p`` element."""
    full = unicodedata.normalize("NFC", paragraph_text(p))
    if full != paragraph_text(p):
        raise ValueError("paragraph is not in NFC form")
    marked = splice(full, old_text, "\x00")
    start = marked.index("\x00")
    end = start + len(old_text)
    placed = False
    nodes = _text_nodes(p)
    for node, a, b in nodes:
        if node is None:
            if a < end and b > start:
                raise ValueError("the segment spans a tab or line break")
            continue
        text = node.text or ""
        if b <= start and not (b == start and not placed and a == b == start):
            continue
        if a >= end and (placed or a > end):
            continue
        head = text[: max(0, start - a)]
        tail = text[max(0, end - a):] if b > end else ""
        node.text = (head + new_text + tail) if not placed else tail
        node.set(_XML_SPACE, "preserve")
        placed = True
    if not placed:
        # the segment was empty and no text node touches its place: add a run at the end
        from docx.oxml import OxmlElement

        r = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.text = new_text
        t.set(_XML_SPACE, "preserve")
        r.append(t)
        p.append(r)


def edit_docx(path: Path, data: bytes, meta: dict[str, object], segment: Segment, new_text: str,
              index: int) -> bytes:
    """The .docx bytes with ``segment`` (number ``index`` in its transcript) replaced."""
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:
        raise InputError(path, f"cannot open the document to write the edit back ({type(e).__name__})") from None
    try:
        p = _paragraph_of(document, meta, index)
        replace_in_paragraph(p, segment.text, new_text)
    except (ValueError, IndexError, KeyError, TypeError) as e:
        raise InputError(path, f"cannot write the edit into the document: {e}", segment.line) from None
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _paragraph_of(document, meta: dict[str, object], index: int):
    fmt = meta.get("format")
    if fmt == "docx-table":
        t, r, tc_index = meta["cells"][index]  # type: ignore[index]
        tr = document.tables[t]._tbl.findall(W + "tr")[r]
        tc = tr.findall(W + "tc")[tc_index]
        paras = [p for p in tc.iter(W + "p") if not _in_textbox(p) and not is_blank(paragraph_text(p))]
        if len(paras) != 1:
            raise ValueError("the table cell holds several paragraphs; edit it in Word")
        return paras[0]
    if fmt == "docx":
        i = meta["paragraph_index"][index]  # type: ignore[index]
        return list(document.element.body.iter(W + "p"))[i]
    raise ValueError(f"unknown Word layout {fmt!r}")

