"""Glossaries out (TBX-Basic, OmegaT, CSV) and OmegaT in; CSV/TSV and TBX are read by
:mod:`transqa.readers.glossary`.

One :class:`~transqa.model.glossary.Term` is one concept: its source term, approved English
renderings (the first preferred) and forbidden ones.

* **TBX-Basic** (TBX v3, ``style="dca"``; namespace ``urn:iso:std:iso:30042:ed-2``, the one the
  LTAC TBX-Basic RELAX NG schema validates — files with ``urn:iso:std:iso:30042:ed:3.0`` are
  read too): a ``conceptEntry`` per term, a ``langSec`` for the source language and one for
  English. English terms carry ``administrativeStatus``: ``preferredTerm-admn-sts`` (first
  target), ``admittedTerm-admn-sts`` (other approved targets), ``deprecatedTerm-admn-sts``
  (forbidden targets — the TBX way of saying "do not use"). The note becomes a concept
  ``note``. A term without a source language is written as ``xml:lang="und"``.
* **OmegaT** glossary (``.txt``/``.utf8``): tab-separated ``source, target, comment``, no
  header, UTF-8; one row per approved target (OmegaT lists each). Forbidden targets go into the
  comment of the first row as ``do not use: a; b`` (OmegaT has no status field, and a row per
  forbidden target would *suggest* it to the translator).
* **CSV**: the contract's columns ``source_term, target_term, source_lang, forbidden_targets,
  note`` with ``|`` between alternatives.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from transqa.errors import InputError
from transqa.model.glossary import Glossary, Term
from transqa.text.normalise import fold, nfc
from transqa.fsutil import atomic_write_text, atomic_write_bytes

TBX_NS = "urn:iso:std:iso:30042:ed-2"
TBX_NAMESPACES = ("urn:iso:std:iso:30042:ed-2", "urn:iso:std:iso:30042:ed:3.0")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PREFERRED, ADMITTED, DEPRECATED = "preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts"
_DO_NOT_USE = re.compile(r"(?:^|;\s*)do not use:\s*(?P<terms>[^|]*)$", re.IGNORECASE)


# --- TBX -----------------------------------------------------------------------------------

def tbx_bytes(terms: list[Term], *, title: str = "transqa glossary", target_lang: str = "en",
              namespace: str = TBX_NS) -> bytes:
    from lxml import etree

    if namespace not in TBX_NAMESPACES:
        raise ValueError(f"unknown TBX namespace {namespace!r}")

    def el(parent, tag, text=None, **attrs):
        e = etree.SubElement(parent, f"{{{namespace}}}{tag}")
        for k, v in attrs.items():
            e.set(XML_LANG if k == "lang" else k, v)
        if text is not None:
            e.text = text
        return e

    root = etree.Element(f"{{{namespace}}}tbx", nsmap={None: namespace})
    root.set("type", "TBX-Basic")
    root.set("style", "dca")
    root.set(XML_LANG, target_lang)
    header = el(root, "tbxHeader")
    desc = el(el(header, "fileDesc"), "sourceDesc")
    el(desc, "p", title)
    body = el(el(root, "text"), "body")
    for i, t in enumerate(terms, 1):
        entry = el(body, "conceptEntry", id=f"c{i}")
        if t.note:
            el(entry, "note", t.note)
        src = el(entry, "langSec", lang=t.source_lang or "und")
        el(el(src, "termSec"), "term", t.source)
        tgt = el(entry, "langSec", lang=target_lang)
        for j, target in enumerate(t.targets):
            sec = el(tgt, "termSec")
            el(sec, "term", target)
            el(sec, "termNote", PREFERRED if j == 0 else ADMITTED, type="administrativeStatus")
        for bad in t.forbidden:
            sec = el(tgt, "termSec")
            el(sec, "term", bad)
            el(sec, "termNote", DEPRECATED, type="administrativeStatus")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def write_tbx(terms: list[Term], path: str | Path, **kw) -> None:
    atomic_write_bytes(path, tbx_bytes(terms, **kw))


# --- OmegaT ----------------------------------------------------------------------------------

def _cell(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


def omegat_text(terms: list[Term]) -> str:
    rows: list[str] = []
    for t in terms:
        for j, target in enumerate(t.targets):
            comment = []
            if j == 0:
                if t.note:
                    comment.append(_cell(t.note).replace("do not use:", "do not use -"))
                if t.forbidden:
                    comment.append("do not use: " + "; ".join(_cell(f) for f in t.forbidden))
            rows.append(f"{_cell(t.source)}\t{_cell(target)}\t{'; '.join(comment)}")
    return "\n".join(rows) + ("\n" if rows else "")


def write_omegat(terms: list[Term], path: str | Path) -> None:
    atomic_write_text(path, omegat_text(terms))


def read_omegat(path: str | Path, *, source_lang: str | None = None) -> Glossary:
    """An OmegaT glossary (tab-separated source, target, comment; no header) as a Glossary.

    Rows with the same source term are alternatives of one concept (first = preferred);
    ``do not use: a; b`` in a comment lists forbidden targets.
    """
    p = Path(path)
    try:
        text = p.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise InputError(p, "glossary file not found") from None
    except UnicodeDecodeError as e:
        raise InputError(p, f"OmegaT glossary is not UTF-8 ({e.reason} at byte {e.start})") from None
    order: list[str] = []
    by: dict[str, dict] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 2 or not cols[0].strip() or not cols[1].strip():
            raise InputError(p, "expected source<TAB>target[<TAB>comment]", line=n)
        source, target = nfc(cols[0].strip()), nfc(cols[1].strip())
        comment = cols[2].strip() if len(cols) > 2 else ""
        key = fold(source)
        if key not in by:
            by[key] = {"source": source, "targets": [], "forbidden": [], "notes": []}
            order.append(key)
        e = by[key]
        if target not in e["targets"]:
            e["targets"].append(target)
        m = _DO_NOT_USE.search(comment)
        if m:
            e["forbidden"] += [nfc(x.strip()) for x in m.group("terms").split(";") if x.strip()]
            comment = comment[: m.start()].strip().rstrip(";").strip()
        if comment:
            e["notes"].append(comment)
    terms = [Term(by[k]["source"], tuple(by[k]["targets"]), tuple(dict.fromkeys(by[k]["forbidden"])),
                  source_lang, "; ".join(by[k]["notes"])) for k in order]
    return Glossary(terms, (p,))


# --- CSV -------------------------------------------------------------------------------------

CSV_COLUMNS = ("source_term", "target_term", "source_lang", "forbidden_targets", "note")


def csv_text(terms: list[Term]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for t in terms:
        w.writerow([t.source, "|".join(t.targets), t.source_lang or "", "|".join(t.forbidden), t.note])
    return buf.getvalue()


def write_csv(terms: list[Term], path: str | Path) -> None:
    atomic_write_text(path, csv_text(terms))


def read_any(path: str | Path, *, source_lang: str | None = None) -> Glossary:
    """CSV/TSV/TBX through the readers; ``.utf8``/``.tab`` and header-less ``.txt`` as OmegaT."""
    from transqa.readers import read_glossary

    p = Path(path)
    if p.suffix.lower() in (".utf8", ".tab") or (p.suffix.lower() == ".txt" and _looks_omegat(p)):
        return read_omegat(p, source_lang=source_lang)
    return read_glossary(p)


def _looks_omegat(p: Path) -> bool:
    try:
        first = p.read_text(encoding="utf-8-sig").split("\n", 1)[0].lower()
    except (OSError, UnicodeDecodeError):
        return False
    return "\t" in first and "source_term" not in first
