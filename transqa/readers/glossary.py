"""Glossary files in: CSV/TSV (the contract's format) and TBX (v2 martif, TBX-Basic v3).

CSV/TSV: a header row; ``source_term`` and ``target_term`` required; ``target_term`` may list
approved alternatives ``|``-separated, the first preferred. Several rows with the same
``source_term`` (and language) are alternatives of one concept and merge into one
:class:`~transqa.model.glossary.Term` — a glossary with one row per variant must not flag
every segment against the other variants (Xbench forum thread 85). Optional columns:
``source_lang``, ``forbidden_targets`` (``|``-separated), ``note``. A row whose target equals
its source marks a term to keep untranslated (``boda boda``).

Any problem is an :class:`~transqa.errors.InputError` naming the file and line.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from transqa.errors import InputError
from transqa.model.glossary import Glossary, Term
from transqa.text.normalise import fold, nfc

REQUIRED = ("source_term", "target_term")
OPTIONAL = ("source_lang", "forbidden_targets", "note")
_ALIASES = {
    "source": "source_term", "term": "source_term", "src": "source_term",
    "target": "target_term", "translation": "target_term", "tgt": "target_term",
    "lang": "source_lang", "language": "source_lang", "forbidden": "forbidden_targets",
    "notes": "note", "comment": "note",
}


def read_glossary(path: str | Path) -> Glossary:
    """Read a ``.csv``/``.tsv`` or ``.tbx`` glossary into one :class:`Glossary`."""
    p = Path(path)
    if not p.is_file():
        raise InputError(p, "glossary file not found")
    if p.suffix.lower() in (".tbx", ".xml"):
        return Glossary(_read_tbx(p), (p,))
    text = _decode(p)
    delimiter = "\t" if p.suffix.lower() == ".tsv" else _sniff(text)
    return Glossary(_rows_to_terms(p, text, delimiter), (p,))


def _decode(p: Path) -> str:
    data = p.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError as e:  # pragma: no cover - cp1252 decodes almost anything
            raise InputError(p, f"cannot decode glossary ({e.reason})") from None


def _sniff(text: str) -> str:
    first = text.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", "\t", ";")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _split(cell: str | None) -> list[str]:
    return [nfc(t).strip() for t in (cell or "").split("|") if t.strip()]


def _rows_to_terms(p: Path, text: str, delimiter: str) -> list[Term]:
    # line_num is the physical line where a row ends (quoted cells may span lines)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    numbered: list[tuple[int, list[str]]] = []
    try:
        for row in reader:
            numbered.append((reader.line_num, row))
    except csv.Error as e:
        raise InputError(p, f"malformed CSV: {e}", line=reader.line_num) from None
    numbered = [(n, r) for n, r in numbered if any(c.strip() for c in r)]
    if not numbered:
        raise InputError(p, "glossary is empty (expected a header row: source_term, target_term)")
    header_line, header = numbered[0]
    cols = [_ALIASES.get(c.strip().lower().replace(" ", "_"), c.strip().lower().replace(" ", "_")) for c in header]
    missing = [c for c in REQUIRED if c not in cols]
    if missing:
        raise InputError(p, f"header lacks column(s) {', '.join(missing)} (found: {', '.join(header)})", line=header_line)
    idx = {c: cols.index(c) for c in (*REQUIRED, *OPTIONAL) if c in cols}

    order: list[tuple[str, str]] = []
    merged: dict[tuple[str, str], dict[str, object]] = {}
    for line, row in numbered[1:]:
        def cell(name: str) -> str:
            i = idx.get(name)
            return row[i].strip() if i is not None and i < len(row) else ""

        source = nfc(cell("source_term"))
        targets = _split(cell("target_term"))
        if not source:
            raise InputError(p, "row has no source_term", line=line)
        if not targets:
            raise InputError(p, f"term {source!r} has no target_term", line=line)
        lang = cell("source_lang").lower().replace("_", "-").split("-")[0]  # de-DE → de
        key = (fold(source), lang)
        entry = merged.get(key)
        if entry is None:
            entry = {"source": source, "targets": [], "forbidden": [], "lang": lang or None, "notes": []}
            merged[key] = entry
            order.append(key)
        for t in targets:
            if t not in entry["targets"]:  # type: ignore[operator]
                entry["targets"].append(t)  # type: ignore[union-attr]
        for f in _split(cell("forbidden_targets")):
            if f not in entry["forbidden"]:  # type: ignore[operator]
                entry["forbidden"].append(f)  # type: ignore[union-attr]
        note = cell("note")
        if note:
            entry["notes"].append(note)  # type: ignore[union-attr]
    terms = []
    for key in order:
        e = merged[key]
        approved = {fold(t) for t in e["targets"]}  # type: ignore[union-attr]
        forbidden = tuple(f for f in e["forbidden"] if fold(f) not in approved)  # type: ignore[union-attr]
        terms.append(
            Term(
                source=e["source"],  # type: ignore[arg-type]
                targets=tuple(e["targets"]),  # type: ignore[arg-type]
                forbidden=forbidden,
                source_lang=e["lang"],  # type: ignore[arg-type]
                note="; ".join(e["notes"]),  # type: ignore[arg-type]
            )
        )
    return terms


# --- TBX ---------------------------------------------------------------------------------

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_FORBIDDEN_STATUS = ("deprecated", "superseded", "notrecommended", "forbidden", "admittedterm-admn-sts-no")


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _read_tbx(p: Path, target_lang: str = "en") -> list[Term]:
    """TBX v2 (``martif``/``termEntry``/``langSet``/``tig``) or v3 (``tbx``/``conceptEntry``/
    ``langSec``/``termSec``, namespace ``urn:iso:std:iso:30042:ed-2`` or ``ed:3.0``).

    Terms in ``target_lang`` are the renderings (those with a deprecated/superseded/not
    recommended ``administrativeStatus`` are forbidden); every other language's terms become
    source terms of that language.
    """
    from lxml import etree

    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        root = etree.parse(str(p), parser).getroot()
    except etree.XMLSyntaxError as e:
        raise InputError(p, f"not well-formed TBX: {e.msg}", line=e.lineno) from None
    if _local(root.tag) not in ("martif", "tbx"):
        raise InputError(p, f"not a TBX file (root element <{_local(root.tag)}>)", line=root.sourceline)
    terms: list[Term] = []
    for entry in root.iter():
        if _local(entry.tag) not in ("termEntry", "conceptEntry"):
            continue
        by_lang: dict[str, list[tuple[str, bool]]] = {}
        note = ""
        for lang_el in entry:
            name = _local(lang_el.tag)
            if name in ("descrip", "note") and not note:
                note = " ".join("".join(lang_el.itertext()).split())
            if name not in ("langSet", "langSec"):
                continue
            lang = (lang_el.get(_XML_LANG) or lang_el.get("lang") or "").lower().split("-")[0]
            if not lang:
                raise InputError(p, "language section without xml:lang", line=lang_el.sourceline)
            for el in lang_el.iter():
                if _local(el.tag) != "term":
                    continue
                text = nfc(" ".join("".join(el.itertext()).split()))
                if not text:
                    continue
                holder = el.getparent()
                if holder is not None and _local(holder.tag) == "termGrp":
                    holder = holder.getparent()
                bad = False
                for tn in holder.iter() if holder is not None else ():
                    if _local(tn.tag) in ("termNote", "descrip") and tn.get("type") in (
                        "administrativeStatus", "normativeAuthorization", "usageStatus",
                    ):
                        status = (tn.text or "").strip().lower()
                        bad = bad or any(status.startswith(b) for b in _FORBIDDEN_STATUS)
                by_lang.setdefault(lang, []).append((text, bad))
        renderings = by_lang.pop(target_lang, [])
        approved = tuple(t for t, bad in renderings if not bad)
        forbidden = tuple(t for t, bad in renderings if bad)
        if not approved:
            continue
        for lang, sources in by_lang.items():
            for source, bad in sources:
                if not bad:
                    terms.append(Term(source, approved, forbidden, lang, note))
    if not terms:
        raise InputError(p, f"TBX holds no concept with both a source term and an approved {target_lang!r} term")
    return terms
