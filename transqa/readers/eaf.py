"""ELAN ``.eaf`` transcripts: time-aligned tiers, and translation tiers as an aligned pair.

* One transcript: the annotations of every independent (top-level) tier, in time order;
  ``speaker`` is the tier's PARTICIPANT (or tier id), ``timestamp`` its start time.
  ``line`` numbers the non-empty annotations in that order (ELAN has no lines).
* A pair: a dependent tier of ``Symbolic_Association`` type (ELAN's free translation,
  ``REF_ANNOTATION`` → parent annotation) is the translation of its parent tier, one unit per
  annotation of every independent tier — already aligned, like a bilingual table; turns on
  tiers without a translation tier are source-only units (omissions a check should see).

Read with lxml (entities and network off), not pympi, so every malformed file is an InputError.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from transqa.errors import InputError
from transqa.model import Segment, Transcript, TranscriptPair
from transqa.readers.lines import clean, is_blank

_TRANSLATION_HINTS = ("transl", "ft", "eng", "english", "übers", "en")


@dataclass(frozen=True, slots=True)
class _Annotation:
    id: str
    tier: str
    start_ms: int | None
    value: str


def _parse(path: Path):
    try:
        from lxml import etree

        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        root = etree.parse(str(path), parser).getroot()
    except Exception as e:  # XMLSyntaxError, OSError
        raise InputError(path, f"not a valid ELAN .eaf file (XML error: {type(e).__name__})") from None
    if root.tag != "ANNOTATION_DOCUMENT":
        raise InputError(path, f"not an ELAN .eaf file (root element <{root.tag}>)")
    return root


def _stamp(ms: int | None) -> tuple[str | None, float | None]:
    if ms is None:
        return None, None
    secs = ms / 1000
    h, rem = divmod(ms, 3_600_000)
    m, rem = divmod(rem, 60_000)
    return f"[{h:02d}:{m:02d}:{rem // 1000:02d}.{rem % 1000:03d}]", secs


class _Eaf:
    def __init__(self, path: Path) -> None:
        root = _parse(path)
        self.slots: dict[str, int | None] = {}
        for ts in root.iterfind("TIME_ORDER/TIME_SLOT"):
            value = ts.get("TIME_VALUE")
            self.slots[ts.get("TIME_SLOT_ID", "")] = int(value) if value and value.isdigit() else None
        self.constraints = {lt.get("LINGUISTIC_TYPE_ID"): lt.get("CONSTRAINTS") or ""
                            for lt in root.iterfind("LINGUISTIC_TYPE")}
        self.tiers: dict[str, dict[str, str]] = {}
        self.aligned: dict[str, list[_Annotation]] = {}
        self.refs: dict[str, dict[str, str]] = {}  # tier → parent annotation id → value
        self.by_id: dict[str, _Annotation] = {}
        for tier in root.iterfind("TIER"):
            tid = tier.get("TIER_ID", "")
            self.tiers[tid] = dict(tier.attrib)
            for a in tier.iterfind("ANNOTATION/ALIGNABLE_ANNOTATION"):
                ann = _Annotation(a.get("ANNOTATION_ID", ""), tid, self.slots.get(a.get("TIME_SLOT_REF1", "")),
                                  a.findtext("ANNOTATION_VALUE") or "")
                self.aligned.setdefault(tid, []).append(ann)
                self.by_id[ann.id] = ann
            for a in tier.iterfind("ANNOTATION/REF_ANNOTATION"):
                self.refs.setdefault(tid, {})[a.get("ANNOTATION_REF", "")] = a.findtext("ANNOTATION_VALUE") or ""

    def speaker(self, tier: str) -> str:
        return self.tiers[tier].get("PARTICIPANT") or tier

    def ordered(self, tiers: list[str]) -> list[_Annotation]:
        anns = [a for t in tiers for a in self.aligned.get(t, [])]
        order = {t: i for i, t in enumerate(tiers)}
        return sorted(anns, key=lambda a: (a.start_ms is None, a.start_ms or 0, order[a.tier]))

    def translation_tiers(self) -> dict[str, str]:
        """parent tier → its translation tier (Symbolic_Association with REF annotations)."""
        out: dict[str, str] = {}
        for tid, attrs in self.tiers.items():
            parent = attrs.get("PARENT_REF")
            if not parent or tid not in self.refs:
                continue
            if self.constraints.get(attrs.get("LINGUISTIC_TYPE_REF")) != "Symbolic_Association":
                continue
            name = " ".join([tid, attrs.get("LINGUISTIC_TYPE_REF", ""), attrs.get("LANG_REF", "")]).casefold()
            hinted = any(h in name for h in _TRANSLATION_HINTS)
            if parent not in out or hinted:
                out[parent] = tid
        return out


def _segment(line: int, ann: _Annotation, value: str, speaker: str) -> Segment:
    raw = unicodedata.normalize("NFC", value)
    ts, secs = _stamp(ann.start_ms)
    return Segment(line, clean(raw), speaker, ts, secs, raw)


def read_eaf(path: str | Path, *, id: str, language: str | None = None,
             site: str | None = None) -> Transcript:
    p = Path(path)
    eaf = _Eaf(p)
    tops = [t for t, attrs in eaf.tiers.items() if not attrs.get("PARENT_REF")]
    segments: list[Segment] = []
    ids: list[str] = []
    for ann in eaf.ordered(tops):
        if is_blank(ann.value):
            continue
        segments.append(_segment(len(segments) + 1, ann, ann.value, eaf.speaker(ann.tier)))
        ids.append(ann.id)
    if not segments:
        raise InputError(p, "no annotations with text on any independent tier")
    return Transcript(id, segments, language, site, p, {"format": "eaf", "annotations": ids})


def read_eaf_pair(path: str | Path, *, id: str, source_lang: str | None = None, site: str | None = None,
                  translator: str | None = None) -> TranscriptPair | None:
    """Source tiers with their translation tiers as an aligned pair; None if there is no translation tier."""
    p = Path(path)
    eaf = _Eaf(p)
    pairs = eaf.translation_tiers()
    if not pairs:
        return None
    src: list[Segment] = []
    trg: list[Segment] = []
    src_ids: list[str] = []
    trg_refs: list[str] = []
    line = 0
    tops = [t for t, attrs in eaf.tiers.items() if not attrs.get("PARENT_REF")]
    for ann in eaf.ordered(tops):  # tiers nobody translated stay in: their turns are omissions
        tier = pairs.get(ann.tier)
        translated = eaf.refs[tier].get(ann.id, "") if tier else ""
        if is_blank(ann.value) and is_blank(translated):
            continue
        line += 1
        speaker = eaf.speaker(ann.tier)
        if not is_blank(ann.value):
            src.append(_segment(line, ann, ann.value, speaker))
            src_ids.append(ann.id)
        if not is_blank(translated):
            trg.append(_segment(line, ann, translated, speaker))
            trg_refs.append(ann.id)
    if not line:
        raise InputError(p, "translation tiers hold no text")
    source = Transcript(id, src, source_lang, site, p, {"format": "eaf", "annotations": src_ids,
                                                         "tiers": tops})
    translation = Transcript(id, trg, "en", site, p, {"format": "eaf", "annotation_refs": trg_refs,
                                                       "tiers": list(pairs.values())})
    return TranscriptPair(id, source, translation, site=site, source_lang=source_lang, aligned=True,
                          translator=translator)
