"""Alignment checks: turns left out, lines added, turns merged or split, doubtful pairs.

They read the beads the aligner (or a bilingual table) produced; each finding names the lines
of its bead, so one dropped line is reported once and the lines after it are not (the aligner
re-synchronises after it).
"""

from __future__ import annotations

from collections.abc import Iterator

from transqa.checks.context import Document, Unit
from transqa.checks.registry import Hit, Scope, check
from transqa.model.findings import Severity

LOW_CONFIDENCE = 0.002  # default score below which a 1-1 pair is reported; measured in bench/align_bench.py


def _blank(segments: tuple) -> bool:
    return all(not s.text.strip() for s in segments)


def _lines(lines: tuple[int, ...]) -> str:
    if len(lines) == 1:
        return f"line {lines[0]}"
    if lines == tuple(range(lines[0], lines[-1] + 1)):
        return f"lines {lines[0]}–{lines[-1]}"
    return "lines " + ", ".join(map(str, lines))


def _after(unit: Unit, doc: Document, side: str) -> str:
    """Where the gap falls on the other side: " (after translation line 25)"."""
    for prev in reversed(doc.units[: unit.index]):
        lines = prev.translation_lines if side == "translation" else prev.source_lines
        if lines:
            return f" (after {side} line {lines[-1]})"
    return f" (before the first {side} line)"


def _speakers(segments: tuple) -> set[str]:
    return {s.speaker for s in segments if s.speaker}


@check(
    "alignment.missing-translation",
    severity="error",
    scope=Scope.UNIT,
    example="source 41 'Nilikwenda Makindye mwaka 2019.' — no translation line corresponds",
)
def missing_translation(unit: Unit, doc: Document) -> Iterator[Hit]:
    """A source turn has no translation.

    The aligner found no translation line for this source segment (a 1-0 bead), or the
    translation cell of a bilingual table is empty. A skipped turn is content lost for the
    analysis: translate it, or mark it as deliberately left out.
    """
    if not unit.source or _blank(unit.source):
        return
    if not unit.translation or _blank(unit.translation):
        where = _after(unit, doc, "translation") if not unit.translation else ""
        yield Hit(f"source {_lines(unit.source_lines)} has no translation{where}", side="source")


@check(
    "alignment.extra-translation",
    severity="warning",
    scope=Scope.UNIT,
    example="translation 88 'Thank you all for coming.' — no source turn corresponds",
)
def extra_translation(unit: Unit, doc: Document) -> Iterator[Hit]:
    """A translation line corresponds to no source turn.

    Often a line pasted twice, a translator's note, or a line belonging to another
    transcript. Remove it, or mark it as a note.
    """
    if not unit.translation or _blank(unit.translation):
        return
    if not unit.source or _blank(unit.source):
        where = _after(unit, doc, "source") if not unit.source else ""
        yield Hit(f"translation {_lines(unit.translation_lines)} has no source turn{where}")


@check(
    "alignment.merged",
    severity="info",
    scope=Scope.UNIT,
    example="source 12 'M: …' and 13 'R1: …' — translated together as line 12",
)
def merged(unit: Unit, doc: Document) -> Iterator[Hit]:
    """Several source turns are rendered as one translation line.

    Translators legitimately join short consecutive turns, so this is information — unless
    the joined turns have different speakers: then who said what is lost for the analysis,
    and it is a warning.
    """
    if len(unit.source) < 2 or not unit.translation:
        return
    mixed = len(_speakers(unit.source)) > 1
    who = " (different speakers)" if mixed else ""
    yield Hit(
        f"source {_lines(unit.source_lines)}{who} translated as one: translation {_lines(unit.translation_lines)}",
        side="both",
        severity=Severity.WARNING if mixed else None,
    )


@check(
    "alignment.split",
    severity="info",
    scope=Scope.UNIT,
    example="source 30 — translated as lines 30 and 31",
)
def split(unit: Unit, doc: Document) -> Iterator[Hit]:
    """One source turn is rendered as several translation lines.

    Usually harmless (a long turn broken up), but it shifts line numbers between the
    transcripts, which matters when quotes are cited by line. A warning when the parts carry
    different speakers.
    """
    if len(unit.source) != 1 or len(unit.translation) < 2:
        return
    mixed = len(_speakers(unit.translation)) > 1
    who = " with different speakers" if mixed else ""
    yield Hit(
        f"source {_lines(unit.source_lines)} split into translation {_lines(unit.translation_lines)}{who}",
        side="both",
        severity=Severity.WARNING if mixed else None,
    )


@check(
    "alignment.low-confidence",
    severity="warning",
    scope=Scope.UNIT,
    example="source 57 (12 words, '2019') paired with translation 57 (40 words, no number)",
    silence='raise or lower `min_score` under [checks."alignment.low-confidence"] in transqa.toml',
)
def low_confidence(unit: Unit, doc: Document) -> Iterator[Hit]:
    """A source turn and its translation fit together badly.

    Their length ratio is far from the rest of the document and few anchors (numbers,
    names, codes, question marks) agree: the translation may be incomplete, padded, or a
    different turn altogether. The threshold is the option `min_score` (default 0.002).

    In a bilingual table or ELAN file the translator paired the rows, so there is no alignment
    to doubt and the length model is too sharp for short, code-switched turns; there a row is
    reported only when one side is under a third (or over 3.5 times) the length the document's
    own length ratio predicts and the longer side has at least 8 words, like Okapi's
    length check: a long turn rendered as "Yes." still shows.
    """
    if unit.kind != "1-1" or _blank(unit.source) or _blank(unit.translation):
        return
    threshold = float(doc.settings.option("alignment.low-confidence", "min_score", LOW_CONFIDENCE))
    if doc.pair.aligned:
        if threshold > 0:  # min_score = 0 switches the check off for tables too
            yield from _given_row_length(unit, doc)
        return
    if unit.score < threshold:
        yield Hit(f"source and translation fit badly (confidence {unit.score:.3f})", side="both")


GIVEN_ROW_SHORT, GIVEN_ROW_LONG, GIVEN_ROW_MIN_WORDS = 1 / 3, 3.5, 8


def _length_ratio(doc: Document) -> float:
    """Median translation/source character ratio over the document's paired rows."""
    key = "alignment.length_ratio"
    if key not in doc.cache:
        ratios = sorted(len(u.translation_text) / len(u.source_text) for u in doc.units
                        if u.kind == "1-1" and u.source_text.strip() and u.translation_text.strip())
        doc.cache[key] = ratios[len(ratios) // 2] if ratios else 1.0
    return doc.cache[key]


def _given_row_length(unit: Unit, doc: Document) -> Iterator[Hit]:
    expected = len(unit.source_text) * _length_ratio(doc)
    actual = len(unit.translation_text)
    words = max(len(unit.source_text.split()), len(unit.translation_text.split()))
    if words < GIVEN_ROW_MIN_WORDS or not expected:
        return
    if actual < expected * GIVEN_ROW_SHORT:
        yield Hit(f"translation is much shorter than its source ({actual} characters where about "
                  f"{expected:.0f} were expected): content may be missing", side="both")
    elif actual > expected * GIVEN_ROW_LONG:
        yield Hit(f"translation is much longer than its source ({actual} characters where about "
                  f"{expected:.0f} were expected): it may hold another turn", side="both")
