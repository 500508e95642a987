"""ELAN ``.eaf`` out: the transcript pair as time-aligned tiers with an English translation tier.

* One transcription tier per speaker (``<SPEAKER>``, linguistic type ``transcription``,
  ``PARTICIPANT`` = speaker, ``LANG_REF`` = ISO 639-3 of the source), or one tier
  ``transcription`` when the transcript has no speaker labels (``per_speaker=False`` forces it).
* Under each, a dependent tier ``<SPEAKER>_en`` of type ``translation`` with
  ``CONSTRAINTS="Symbolic_Association"``: one ``REF_ANNOTATION`` per source annotation holding
  the English of that unit — ELAN's free-translation convention, which
  :mod:`transqa.readers.eaf` reads back as an aligned pair.
* One annotation per aligned unit (bead). Times come from the transcript's timestamps (the
  source turn's, else the English turn's); a turn without one starts where the previous one
  ended; each ends where the next begins (the last lasts 5 s). Start times strictly increase, so
  the reading order is the transcript's order.

EAF 3.0, written with lxml.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from transqa.checks.context import Unit
from transqa.exports.common import ISO639_3
from transqa.exports.study import Item
from transqa.fsutil import atomic_write_bytes

DEFAULT_TURN_MS = 5000


def _start_seconds(u: Unit) -> float | None:
    for s in (*u.source, *u.translation):
        if s.seconds is not None:
            return s.seconds
    return None


def _speaker(u: Unit) -> str | None:
    for s in (*u.source, *u.translation):
        if s.speaker:
            return s.speaker
    return None


def timeline(units: list[Unit]) -> list[tuple[int, int]]:
    """(start, end) in ms per unit, strictly increasing starts."""
    starts: list[int] = []
    prev = -1
    for u in units:
        secs = _start_seconds(u)
        ms = int(round(secs * 1000)) if secs is not None else prev + DEFAULT_TURN_MS if prev >= 0 else 0
        if ms <= prev:
            ms = prev + 1
        starts.append(ms)
        prev = ms
    return [(s, starts[i + 1] if i + 1 < len(starts) else s + DEFAULT_TURN_MS) for i, s in enumerate(starts)]


def eaf_bytes(item: Item, *, per_speaker: bool = True, author: str = "transqa") -> bytes:
    from lxml import etree

    units = [u for u in item.units if u.source or u.translation]
    times = timeline(units)
    speakers = [_speaker(u) for u in units]
    per_speaker = per_speaker and any(speakers)
    lang = ISO639_3.get(item.source_lang or "", item.source_lang or "und")

    root = etree.Element("ANNOTATION_DOCUMENT", nsmap={"xsi": "http://www.w3.org/2001/XMLSchema-instance"})
    root.set("AUTHOR", author)
    root.set("DATE", datetime.now(timezone.utc).replace(microsecond=0).isoformat())
    root.set("FORMAT", "3.0")
    root.set("VERSION", "3.0")
    root.set("{http://www.w3.org/2001/XMLSchema-instance}noNamespaceSchemaLocation",
             "http://www.mpi.nl/tools/elan/EAFv3.0.xsd")
    header = etree.SubElement(root, "HEADER", MEDIA_FILE="", TIME_UNITS="milliseconds")
    prop = etree.SubElement(header, "PROPERTY", NAME="lastUsedAnnotationId")
    order = etree.SubElement(root, "TIME_ORDER")
    tier_names: list[str] = []
    tiers: dict[str, tuple] = {}

    def tiers_for(spk: str | None):
        name = (spk or "transcription") if per_speaker else "transcription"
        if name not in tiers:
            src = etree.Element("TIER", TIER_ID=name, LINGUISTIC_TYPE_REF="transcription", LANG_REF=lang)
            if per_speaker and spk:
                src.set("PARTICIPANT", spk)
            trg = etree.Element("TIER", TIER_ID=f"{name}_en", LINGUISTIC_TYPE_REF="translation",
                                PARENT_REF=name, LANG_REF="eng")
            if per_speaker and spk:
                trg.set("PARTICIPANT", spk)
            tiers[name] = (src, trg)
            tier_names.append(name)
        return tiers[name]

    n = 0
    for i, (u, (start, end)) in enumerate(zip(units, times)):
        src_tier, trg_tier = tiers_for(speakers[i])
        t1, t2 = f"ts{2 * i + 1}", f"ts{2 * i + 2}"
        etree.SubElement(order, "TIME_SLOT", TIME_SLOT_ID=t1, TIME_VALUE=str(start))
        etree.SubElement(order, "TIME_SLOT", TIME_SLOT_ID=t2, TIME_VALUE=str(end))
        n += 1
        aid = f"a{n}"
        al = etree.SubElement(etree.SubElement(src_tier, "ANNOTATION"), "ALIGNABLE_ANNOTATION",
                              ANNOTATION_ID=aid, TIME_SLOT_REF1=t1, TIME_SLOT_REF2=t2)
        etree.SubElement(al, "ANNOTATION_VALUE").text = " ".join(s.text for s in u.source)
        if u.translation:
            n += 1
            ref = etree.SubElement(etree.SubElement(trg_tier, "ANNOTATION"), "REF_ANNOTATION",
                                   ANNOTATION_ID=f"a{n}", ANNOTATION_REF=aid)
            etree.SubElement(ref, "ANNOTATION_VALUE").text = " ".join(s.text for s in u.translation)
    prop.text = str(n)
    for name in tier_names:
        src, trg = tiers[name]
        root.append(src)
        root.append(trg)
    etree.SubElement(root, "LINGUISTIC_TYPE", LINGUISTIC_TYPE_ID="transcription", TIME_ALIGNABLE="true",
                     GRAPHIC_REFERENCES="false")
    etree.SubElement(root, "LINGUISTIC_TYPE", LINGUISTIC_TYPE_ID="translation", TIME_ALIGNABLE="false",
                     CONSTRAINTS="Symbolic_Association", GRAPHIC_REFERENCES="false")
    for code, label in ((lang, item.source_lang or lang), ("eng", "en")):
        etree.SubElement(root, "LANGUAGE", LANG_ID=code, LANG_LABEL=f"{label} ({code})")
    etree.SubElement(root, "CONSTRAINT", STEREOTYPE="Symbolic_Association",
                     DESCRIPTION="1-1 association with a parent annotation")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def write(item: Item, path: Path, **kw) -> None:
    atomic_write_bytes(path, eaf_bytes(item, **kw))
