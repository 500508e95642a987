"""Pair the segments of a source transcript and its translation: every segment exactly once, in order.

Method (Gale & Church 1993, with what transcripts and the pair itself add):

1. **Length, estimated from the pair itself.** A bead's character lengths should keep the
   document's own ratio ``c`` (Hebrew runs longer in English, German shorter), with a
   variance ``s2`` per character; both are re-estimated from the 1-1 beads of a first pass.
   The cost is Student-t, not normal: one odd pair must not pull its neighbours into merges.
2. **Anchors.** Numbers (any digit script), placeholders and participant codes, words of four
   letters or more found on both sides (names: ``Makindye``, ``Obama``), names across
   scripts by consonant skeleton (``ट्रंप`` = ``Trump``), and word pairs learnt from the first
   pass (hunalign's realign: ``polisi``/``police``) reward a bead, rare ones most; numbers on
   one side only and disagreeing ``?``/``!``/quotes/brackets/colons cost.
3. **Turns.** Where both sides carry speaker labels, a bead whose speakers correspond is
   rewarded (the label mapping — ``Moderator`` ↔ ``M`` — is learnt from the first pass, so
   translated labels work); close timestamps are rewarded, distant ones cost.
4. **Banded dynamic programme** (:mod:`transqa.align.dp`): beads 1-1, 2-1, 1-2, 2-2, 3-1,
   1-3, and omissions/additions with affine costs (a skipped passage is one run). The first
   pass follows the cumulative-length diagonal, bent through names and numbers said once on
   each side when they agree; the second pass follows the first pass's path closely. A band
   is widened when the best path runs along its edge.

Each bead gets a confidence in [0, 1]: about the probability that a true pair looks this far
off (length, anchors, punctuation), so low values mean "look at this pair".

Speed (the UI re-aligns after every edit; ``transqa check`` aligns every document): what is read
off each distinct text and word is cached between alignments, so a re-alignment reads only
edited lines; words are folded and reduced to skeletons in batches (one ``str.translate`` and a
few regular expressions over all new words joined), never a Python loop per character; bead
costs are computed in place over the whole band, anchors only at the cells they touch; the
programme does one gather per row. bench/align_speed_bench.py measures it.

Where things are: :mod:`~transqa.align.features` (what is read off a segment),
:mod:`~transqa.align.skeleton` (names across scripts), :mod:`~transqa.align.lexicon` (word
pairs learnt from the document), :mod:`~transqa.align.pairdata` (the pair as arrays, the
length model, what the first pass teaches), :mod:`~transqa.align.centre` (where the band
runs), :mod:`~transqa.align.costs` (bead costs and confidence), :mod:`~transqa.align.dp`
(the programme), :mod:`~transqa.align.evaluate` (measuring all this on real data).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import numpy as np

from transqa.align.centre import anchor_diagonal, length_diagonal, path_centre
from transqa.align.costs import GAPS, bead_costs, bead_score, one_to_one_scores
from transqa.align.dp import BEAD_TYPES, make_band, solve, touches_edge
from transqa.align.pairdata import (
    LengthModel,
    PairData,
    has_turns,
    initial_model,
    learn_lexicon,
    learn_turns,
    prepare,
    reestimate,
)
from transqa.model.alignment import Bead
from transqa.model.transcript import Segment, TranscriptPair

FIRST_PASS_TYPES = ((1, 1), (2, 1), (1, 2))  # the rough first pass needs no rarer beads
START_HALF = 16  # band half-width around the length diagonal (first pass)
REFINE_HALF = 8  # around the first pass's path (second pass)
MAX_HALF = 128  # widening stops here: memory and time grow with the band (n x 7 x width floats)


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector for one alignment.

    Reading a document allocates some hundred thousand small containers (sets of words and
    anchors), which triggers collections that each walk the whole heap, the aligner's caches
    included: about a sixth of a cold alignment. Nothing the aligner builds forms a cycle, so
    reference counting frees it all anyway; the collector's state is restored afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def align(
    source: Sequence[Segment],
    translation: Sequence[Segment],
    *,
    source_lang: str | None = None,
    target_lang: str = "en",
) -> list[Bead]:
    """Beads pairing every segment of both sides exactly once, in order."""
    n, m = len(source), len(translation)
    if n == 0 or m == 0:
        return [Bead((i,), (), 0.0) for i in range(n)] + [Bead((), (j,), 0.0) for j in range(m)]
    with _no_cyclic_gc():
        return _align(source, translation, source_lang, target_lang)


def _align(
    source: Sequence[Segment], translation: Sequence[Segment], source_lang: str | None, target_lang: str
) -> list[Bead]:
    n = len(source)
    doc = prepare(source, translation, source_lang, target_lang)
    model = initial_model(doc)
    path = _first_pass(doc, model)
    model = reestimate(doc, path, model)
    if has_turns(doc):
        learn_turns(doc, path)
    learn_lexicon(doc, path)
    path = _align_path(doc, model, path_centre(path, n), REFINE_HALF)
    return _beads(doc, path, model)


def pair_rows(
    source: Sequence[Segment],
    translation: Sequence[Segment],
    *,
    source_lang: str | None = None,
    target_lang: str = "en",
) -> list[Bead]:
    """Beads for a pair whose reader already knows the pairing (a bilingual table): never re-paired.

    Such readers number both sides' segments by row, so segments with the same line number
    belong together; a row with one side only (an empty cell) is a 1-0 or 0-1 bead, and a
    row whose cell is blank text keeps its bead with score 0, for the alignment checks to
    report. Every paired row is scored with the same length and anchor model as
    :func:`align`, estimated from the rows themselves, so a row that fits badly still shows.
    """
    rows: dict[int, tuple[list[int], list[int]]] = {}
    for i, seg in enumerate(source):
        rows.setdefault(seg.line, ([], []))[0].append(i)
    for j, seg in enumerate(translation):
        rows.setdefault(seg.line, ([], []))[1].append(j)
    groups = [(tuple(s), tuple(t)) for _, (s, t) in sorted(rows.items())]
    if not source or not translation:
        return [Bead(s, t, 0.0) for s, t in groups]
    with _no_cyclic_gc():
        doc = prepare(source, translation, source_lang, target_lang)
        model = reestimate(doc, [(len(s), len(t)) for s, t in groups], initial_model(doc))
        out = []
        for s, t in groups:
            blank = any(not source[i].text.strip() for i in s) or any(not translation[j].text.strip() for j in t)
            out.append(Bead(s, t, 0.0 if blank or not s or not t else bead_score(doc, s, t, model)))
    return out


def align_pair(pair: TranscriptPair) -> list[Bead]:
    """The beads of a transcript pair: its own rows when it is already aligned, else :func:`align`."""
    src = pair.source.segments
    tgt = pair.translation.segments if pair.translation is not None else []
    lang = pair.source_lang or pair.source.language
    fn = pair_rows if pair.aligned else align
    return fn(src, tgt, source_lang=lang, target_lang=pair.target_lang)


def _first_pass(doc: PairData, model: LengthModel) -> list[tuple[int, int]]:
    """Around the length diagonal, bent through trustworthy anchors (lengths drift: a skipped
    page, another ratio in part of the text), widened where the path runs into the edge."""
    return _align_path(doc, model, anchor_diagonal(doc, length_diagonal(doc)), START_HALF, FIRST_PASS_TYPES)


def _align_path(
    doc: PairData,
    model: LengthModel,
    centre: np.ndarray,
    half: int,
    types: tuple[tuple[int, int], ...] = BEAD_TYPES,
) -> list[tuple[int, int]]:
    """The best path in a band around ``centre``, widened while the path runs along its edge
    (up to MAX_HALF)."""
    m = len(doc.tgt)
    if len(centre) > 1:  # consecutive rows must overlap: one long source turn may span many lines
        half = max(half, int(np.max(np.diff(np.round(centre)))) // 2 + 2)
    while True:
        band = make_band(centre, m, half)
        if band is not None:
            path = solve(band, types, bead_costs(doc, band, model, types), GAPS)
            if path is not None and (band.width >= m + 1 or half >= MAX_HALF or not touches_edge(band, path)):
                return path
        half *= 2  # a full-width band (width m + 1) always exists and always has a path


def _beads(doc: PairData, path: list[tuple[int, int]], model: LengthModel) -> list[Bead]:
    steps = np.array(path, dtype=np.int64).reshape(-1, 2)
    ends = np.cumsum(steps, axis=0)
    starts = ends - steps
    one = np.flatnonzero((steps[:, 0] == 1) & (steps[:, 1] == 1))
    scores = [0.0] * len(path)
    for k, score in zip(one.tolist(), one_to_one_scores(doc, starts[one, 0], starts[one, 1], model)):
        scores[k] = score
    out = []
    for k, ((a, b), (i, j)) in enumerate(zip(path, starts.tolist())):
        s, t = tuple(range(i, i + a)), tuple(range(j, j + b))
        out.append(Bead(s, t, scores[k] if a == 1 and b == 1 else bead_score(doc, s, t, model) if a and b else 0.0))
    return out
