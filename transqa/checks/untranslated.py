"""untranslated checks: translation segments left wholly or partly in the source language.

The checks only report; the evidence is gathered by :mod:`transqa.langid` once per segment
and shared through ``doc.cache``. Each problem is reported once, by the most specific check:
an empty translation (``empty``), a copy of the source (``copy``), a whole segment in
another language (``language``), a clause left untranslated (``partial``), a few words in
Hebrew or Devanagari letters (``script``). The English-side checks run when the target
language is English (a translation) or when a transcript checked alone is declared English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz.fuzz import ratio

from transqa.checks.context import Document, Unit
from transqa.checks.registry import Hit, Scope, check
from transqa.langid import MIN_WORDS, Reading, best_other, candidates, knows, language_name, read_english, source_words
from transqa.langid.script_evidence import has_foreign_letters
from transqa.langid.windows import MIN_FOREIGN, WIDTH
from transqa.model.transcript import Segment
from transqa.text.normalise import fold
from transqa.text.tokens import WORD

_KEY = "transqa.checks.untranslated"
_NO_WORDS: frozenset[str] = frozenset()
# Transcription marks and placeholders of up to four words: [P3], [inaudible], [name of village].
_BRACKETED = re.compile(r"\[\s*[^\[\]\s]+(?:\s+[^\[\]\s]+){0,3}\s*\]")
COPY_SIMILARITY = 90  # rapidfuzz ratio (0-100) of the folded texts
IDENTIFIER_AGREES = 0.5  # the identifier's probability needed to name the language outright
UNSURE_COMMON_SHARE = 0.4  # without a source, segments with fewer common English words ...
NO_SOURCE_CONFIDENCE = 0.9  # ... are reported when the identifier is this sure they are not


@dataclass(slots=True)
class _Analysis:
    """Per-document state: neutral-term patterns, source words per unit, readings per segment."""

    doc: Document
    code: re.Pattern[str] | None
    keep: re.Pattern[str] | None
    width: int = WIDTH
    min_foreign: float = MIN_FOREIGN
    unit_of: dict[int, Unit] = field(default_factory=dict)
    readings: dict[int, Reading] = field(default_factory=dict)
    copies: dict[int, bool] = field(default_factory=dict)
    sources: list[frozenset[str]] | None = None  # source words per unit
    english: dict[str, bool] = field(default_factory=dict)  # side -> meant to be English

    def neutral(self, text: str) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        if "[" in text:
            out.extend(m.span() for m in _BRACKETED.finditer(text))
        if self.keep is not None:
            out.extend(m.span() for m in self.keep.finditer(text))
        return out

    def source_of(self, unit: Unit) -> tuple[frozenset[str], ...]:
        """Word sets of the unit's source and of its neighbours' (alignment may be one bead off).

        Kept apart (a word is in the source when any set holds it): building their union for
        every unit cost more than the lookups it saves.
        """
        sets = self.sources
        if sets is None:  # every unit's, at once: each is needed for its own unit's reading
            sets = self.sources = [source_words(_text(u.source)) if u.source else _NO_WORDS for u in self.doc.units]
        i = unit.index
        return tuple(sets[i - 1 : i + 2] if i else sets[:2])

    def reading(self, seg: Segment, side: str) -> Reading:
        """How English a segment of the English side reads (cached)."""
        r = self.readings.get(id(seg))
        if r is None:
            unit = self.unit_of.get(id(seg)) if side == "translation" else None
            srcs = self.source_of(unit) if unit is not None else ()
            lang = self.doc.source_lang if side == "translation" else None
            text = seg.text
            r = read_english(
                text, sources=srcs, source_lang=lang, neutral=self.neutral(text) if self.keep is not None or "[" in text else (),
                code=self.code, width=self.width, min_foreign=self.min_foreign,
            )
            self.readings[id(seg)] = r
        return r

    def has_source(self, seg: Segment, side: str) -> bool:
        unit = self.unit_of.get(id(seg)) if side == "translation" else None
        return unit is not None and bool(unit.source)

    def is_copy(self, unit: Unit) -> bool:
        """Is the unit's translation a copy of its source that should have been translated? (cached)"""
        hit = self.copies.get(unit.index)
        if hit is None:
            hit = self.copies[unit.index] = self._copy(unit)
        return hit

    def _copy(self, unit: Unit) -> bool:
        if not unit.source or not unit.translation:
            return False
        # On an English side every segment is read anyway: that test first, it clears nearly all.
        if self.english["translation"] and not self._carries_source_words(unit):
            return False
        src, tgt = _text(unit.source), _text(unit.translation)
        a, b = len(src), len(tgt)
        if not a or not b or min(a, b) < 0.8 * max(a, b):
            return False
        # Cheap gate first (C-speed ratio of case-folded text); the full fold only for candidates.
        if src != tgt and ratio(src.casefold(), tgt.casefold()) < COPY_SIMILARITY - 10:
            return False
        fs, ft = fold(src), fold(tgt)
        if fs != ft and ratio(fs, ft) < COPY_SIMILARITY:
            return False
        return self._carries_source_words(unit)

    def _carries_source_words(self, unit: Unit) -> bool:
        """Does the translation carry source-language words (else a copy is no finding)?

        Names, numbers, "Okay." or an English sentence inside a Luganda transcript may rightly
        stay as they are.
        """
        if len(unit.translation) == 1:
            r = self.reading(unit.translation[0], "translation")
            words, english, foreign = r.words, r.english, r.foreign
        else:
            seen = [self.reading(s, "translation") for s in unit.translation]
            words = sum(r.words for r in seen)
            english = sum(r.english for r in seen)
            foreign = sum(r.foreign for r in seen)
        if (words < 2 and not has_foreign_letters(_text(unit.translation))) or foreign < 1.0 or english > foreign:
            return False
        return True


def _text(segs: tuple[Segment, ...]) -> str:
    """``Unit.source_text``/``translation_text``, without the join for the usual one segment."""
    return segs[0].text if len(segs) == 1 else " ".join(s.text for s in segs)


def _analysis(doc: Document) -> _Analysis:
    a = doc.cache.get(_KEY)
    if a is None:
        st = doc.settings
        try:
            code: re.Pattern[str] | None = re.compile(st.code_pattern)
        except re.error:
            code = None  # a bad pattern is the settings loader's to report; codes then count as words
        lang = doc.source_lang
        keep_terms = [t.source for t in st.glossary.for_language(lang) if t.keep_as_is]
        keep_terms += list(st.allow)
        keep = None
        if keep_terms:
            alts = "|".join(re.escape(t.strip()) for t in sorted(keep_terms, key=len, reverse=True) if t.strip())
            keep = re.compile(rf"(?<!\w)(?:{alts})(?!\w)", re.IGNORECASE) if alts else None
        width = int(st.option("untranslated.partial", "window", WIDTH))
        min_foreign = float(st.option("untranslated.partial", "min_evidence", MIN_FOREIGN * width / WIDTH))
        a = _Analysis(doc, code, keep, width=max(2, width), min_foreign=min_foreign)
        a.english = {side: _english_side(side, doc) for side in ("source", "translation")}
        for unit in doc.units:
            for seg in unit.translation:
                a.unit_of[id(seg)] = unit
        doc.cache[_KEY] = a
    return a


def _english_side(side: str, doc: Document) -> bool:
    """Is this side meant to be English: the translation, or a transcript declared English?"""
    if side == "translation":
        return (doc.target_lang or "en").split("-")[0] == "en"
    return not doc.has_translation and (doc.source_lang or "").split("-")[0] == "en"


def _copied(seg: Segment, side: str, a: _Analysis) -> bool:
    unit = a.unit_of.get(id(seg)) if side == "translation" else None
    return unit is not None and a.is_copy(unit)


def _has_words(text: str) -> bool:
    return WORD.search(text) is not None


@check(
    "untranslated.empty",
    severity="error",
    scope=Scope.UNIT,
    example="Ich war sehr müde. → (empty)",
)
def empty(unit: Unit, doc: Document):
    """Translation segment empty while its source segment has words.

    Catches a translation segment that holds only whitespace, punctuation or dashes while
    its source segment has words. (A source segment with no translation segment at all,
    such as an empty English cell of a bilingual table, is reported once, by the alignment
    checks, as a missing translation.)
    Silence a false alarm by dismissing it in review.
    """
    if not unit.source or not _has_words(_text(unit.source)):
        return
    if unit.translation and not _has_words(_text(unit.translation)):
        yield Hit("translation is empty but the source has words")


@check(
    "untranslated.copy",
    severity="error",
    scope=Scope.UNIT,
    example="Abakiga basenze. → Abakiga basenze.",
)
def copy(unit: Unit, doc: Document):
    """Translation is a copy of the source segment.

    Catches a source segment pasted into the translation unchanged (or nearly: folded
    texts at least 90% similar), the commonest way a segment stays untranslated. Copies
    that need no translation are not reported: names, numbers, codes, short turns
    ("Okay.", "Ja.") and English that was already English in the source (code-switching).
    The evidence is the chrF score of the translation against the source. Silence a false
    alarm by dismissing it in review, or add a keep-as-is row (source = target) to the
    glossary for a term that stays as it is.
    """
    a = _analysis(doc)
    if a.is_copy(unit):
        tgt, src = unit.translation_text, unit.source_text
        yield Hit(f"translation is a copy of the source (chrF {_chrf(tgt, src):.0f})", evidence=tgt)


def _chrf(hypothesis: str, reference: str) -> float:
    """sacrebleu's sentence chrF; 100 for identical texts without the ~250 µs of n-gram counting.

    (Identical texts with a non-space character match every n-gram: precision = recall = 1 at
    each order, so chrF is exactly 100; a copy always has one, it has words.)
    """
    if hypothesis == reference and hypothesis.strip():
        return 100.0
    from sacrebleu.metrics import CHRF

    return CHRF().sentence_score(hypothesis, [reference]).score


@check(
    "untranslated.language",
    severity="error",
    scope=Scope.SEGMENT,
    example="(Luganda source) → Abantu bangi baagala okusoma.",
)
def language(seg: Segment, side: str, doc: Document):
    """Segment is not in the language it should be in (English, or the declared language).

    On a translation: the whole segment reads as the source language or another
    non-English language, e.g. "segment reads as Swahili (0.97), not English". The decision
    comes from the words (how English each is, against frequency lists, and whether it was
    copied from the aligned source), not from one call to a language detector, which would
    call news English full of names ("Makindye", "Kori Schulman") Luganda; the detector
    (py3langid) only names the language. Segments under three words ("Yes.", "Ja.", a name)
    are never reported. For a single transcript checked with ``--lang``, every segment not
    in that language is reported (e.g. Swahili lines in an English transcript); segments
    without an aligned source are decided by the identifier when their words are not clearly
    English. Options (``[checks."untranslated.language"]`` in transqa.toml): ``languages``,
    more candidate language codes to name; for a transcript declared in a language other
    than English, ``min_words`` (4), ``min_confidence`` (0.95) and ``allowed``, languages
    accepted besides the declared one (e.g. ``["en"]`` for Luganda transcripts with English
    code-switching); a language the identifier does not know is not checked. Silence a false
    alarm by dismissing it in review or ignoring ``untranslated.language`` in transqa.toml.
    """
    if side == "source":
        if doc.has_translation or not doc.source_lang:
            return
        if not _english_side(side, doc):
            yield from _declared_language(seg, doc)
            return
    a = _analysis(doc)
    if not a.english[side]:
        return
    r = a.reading(seg, side)
    if not r.whole and (r.words < MIN_WORDS or r.common >= UNSURE_COMMON_SHARE * r.words or a.has_source(seg, side)):
        # Not clearly non-English. Without an aligned source (a transcript checked alone, an
        # added line) the words carry less evidence: the identifier decides (below).
        return
    src_lang = doc.source_lang if side == "translation" else None
    langs = candidates(src_lang, *doc.settings.option("untranslated.language", "languages", ()))
    if not r.whole:
        code, p, _ = best_other(seg.text, langs, "en")
        if p >= NO_SOURCE_CONFIDENCE:
            yield Hit(f"segment reads as {language_name(code)} ({p:.2f}), not English", evidence=seg.text)
        return
    if _copied(seg, side, a):
        return
    code, p, _ = best_other(seg.text, langs, "en")
    if p >= IDENTIFIER_AGREES:
        msg = f"segment reads as {language_name(code)} ({p:.2f}), not English"
    else:
        guess = src_lang if src_lang and src_lang != "en" else code
        msg = f"segment does not read as English ({1 - r.english_share:.0%} of its word evidence is not English; closest: {language_name(guess)})"
    yield Hit(msg, evidence=seg.text)


def _declared_language(seg: Segment, doc: Document):
    """A transcript declared in language L (not English): segments the identifier puts elsewhere."""
    lang = (doc.source_lang or "").split("-")[0]
    words = WORD.findall(seg.text)
    if len(words) < int(doc.settings.option("untranslated.language", "min_words", 4)) or not knows(lang):
        return
    langs = candidates(lang, *doc.settings.option("untranslated.language", "languages", ()))
    try:
        code, p, p_lang = best_other(seg.text, langs, lang)
    except ValueError:
        return
    threshold = float(doc.settings.option("untranslated.language", "min_confidence", 0.95))
    allowed = {str(x).split("-")[0] for x in doc.settings.option("untranslated.language", "allowed", ())}
    if p < threshold or code in allowed:
        return
    if code == "en":
        # Confirm with the words: English lines must read English, not just look Latin.
        r = read_english(seg.text, neutral=_analysis(doc).neutral(seg.text), code=_analysis(doc).code)
        if r.english_share < 0.75 or r.english < 3:
            return
    yield Hit(f"segment reads as {language_name(code)} ({p:.2f}), not {language_name(lang)}", evidence=seg.text)


@check(
    "untranslated.partial",
    severity="warning",
    scope=Scope.SEGMENT,
    example="She said that abantu bangi baagala okusoma mu masomero and left.",
)
def partial(seg: Segment, side: str, doc: Document):
    """A clause of the source language left inside an English segment.

    Slides a six-word window over the segment and reports each stretch where the words are
    mostly source-language (copied from the aligned source segment, more frequent in the
    source language than in English, or Hebrew/Devanagari letters) with at most one common
    English word; the span marks the stretch. Names, numbers, participant codes ([P3], R1),
    URLs and glossary keep-as-is terms never count, so a sentence full of names is not
    reported. Options (``[checks."untranslated.partial"]``): ``window`` (6 words) and
    ``min_evidence`` (3.5 for six words: a source-language word counts 1, a weaker hint 0.5).
    Silence a false alarm by dismissing it in review, or add the phrase as a keep-as-is
    glossary row (source = target) when it is meant to stay untranslated.
    """
    a = _analysis(doc)
    if not a.english[side]:
        return
    r = a.reading(seg, side)
    if r.whole or not r.stretches or _copied(seg, side, a):
        return
    for start, end in r.stretches:
        text = seg.text[start:end]
        yield Hit(f"untranslated source-language words: “{_short(text)}”", span=(start, end), evidence=text)


@check(
    "untranslated.script",
    severity="warning",
    scope=Scope.SEGMENT,
    example="They call it שלום עליכם here.",
)
def script(seg: Segment, side: str, doc: Document):
    """Hebrew or Devanagari words inside an English segment.

    English is written in Latin letters, so two or more consecutive words in Hebrew or
    Devanagari script on the English side were left untranslated (or not transliterated).
    One such word alone is not reported (a name written in its own script); longer stretches
    are reported by ``untranslated.partial``. Silence a false alarm by dismissing it in review
    or adding the words as a keep-as-is glossary row.
    """
    a = _analysis(doc)
    if not a.english[side]:
        return
    r = a.reading(seg, side)
    if r.whole or not r.script_spans or _copied(seg, side, a):
        return
    for start, end in r.script_spans:
        if any(s < end and start < e for s, e in r.stretches):
            continue
        text = seg.text[start:end]
        yield Hit(f"words in another script: “{_short(text)}”", span=(start, end), evidence=text)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


__all__ = ["copy", "empty", "language", "partial", "script"]
