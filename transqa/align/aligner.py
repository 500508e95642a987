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
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np

from transqa.align.dp import BEAD_TYPES, Band, Gaps, make_band, solve, touches_edge
from transqa.align.features import Side, add_shared_words, anchor_weights, side_features
from transqa.align.lexicon import learn
from transqa.model.alignment import Bead
from transqa.model.transcript import Segment, TranscriptPair
from transqa.text.scripts import LATIN, dominant_script, script_for_language

# -log prior of each bead type. Merges and splits are commoner in transcripts than in the
# parliamentary text Gale & Church counted, omissions and additions rarer than merges.
PRIOR = {(1, 1): 0.1, (2, 1): 4.5, (1, 2): 4.5, (2, 2): 7.0, (3, 1): 6.5, (1, 3): 6.5}
# A turn without translation, or a line without source: the first of a run, each further one.
GAP_OPEN, GAP_EXTEND = 5.0, 2.0
ANCHOR_GAIN = 1.0  # cost removed per unit of shared anchor weight
NUMBER_MISS = 1.0  # cost per number found on one side only
FLAG_MISS = {1: 1.5, 2: 1.0, 4: 1.0, 8: 1.5, 16: 0.5}  # per punctuation flag on one side only
SPEAKER_MATCH, SPEAKER_MISMATCH, SPEAKER_MIXED = 1.0, 3.0, 3.0
TIME_WEIGHT, TIME_CAP = 1.0, 4.0
LENGTH_DOF = 10.0  # degrees of freedom of the length model's t distribution
_SQRT2 = math.sqrt(2.0)
_FLAG_COST = np.array([sum(w for bit, w in FLAG_MISS.items() if x & bit) for x in range(32)])
FIRST_PASS_TYPES = ((1, 1), (2, 1), (1, 2))  # the rough first pass needs no rarer beads
START_HALF = 16  # band half-width around the length diagonal (first pass)
REFINE_HALF = 8  # around the first pass's path (second pass)
CHAIN_TRUST = 0.6  # share of once-only anchors that must agree before they bend the band
MAX_HALF = 128  # widening stops here: memory and time grow with the band (n x 7 x width floats)


@dataclass(slots=True)
class LengthModel:
    """Translation characters per source character (``c``) and variance per character (``s2``)."""

    c: float
    s2: float

    def z(self, ls: np.ndarray | float, lt: np.ndarray | float) -> np.ndarray | float:
        return (lt - self.c * ls) / np.sqrt(self.s2 * (ls + lt / self.c) / 2 + 1.0)


@dataclass(slots=True)
class _Doc:
    """Everything the cost model needs about one document pair."""

    src: Side
    tgt: Side
    weights: dict[str, float]
    cs: np.ndarray  # cumulative source lengths, shape (n + 1,)
    ct: np.ndarray
    src_nums: np.ndarray  # cumulative counts of numbers
    tgt_nums: np.ndarray
    src_w: np.ndarray  # cumulative anchor weight
    tgt_w: np.ndarray
    src_stems: list[frozenset[str]]
    tgt_stems: list[frozenset[str]]
    spk_src: np.ndarray | None = None  # speaker codes in a common space, -1 unknown
    spk_tgt: np.ndarray | None = None
    time_tol: float | None = None


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
    doc = _prepare(source, translation, source_lang, target_lang)
    model = _initial_model(doc)
    path = _first_pass(doc, model)
    model = _reestimate(doc, path, model)
    if _has_turns(doc):
        _learn_turns(doc, path)
    _learn_lexicon(doc, path)
    path = _align_path(doc, model, _path_centre(path, n), REFINE_HALF)
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
    doc = _prepare(source, translation, source_lang, target_lang)
    model = _reestimate(doc, [(len(s), len(t)) for s, t in groups], _initial_model(doc))
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


# -- preparation ---------------------------------------------------------------------------


def _prepare(source: Sequence[Segment], translation: Sequence[Segment], source_lang: str | None, target_lang: str) -> _Doc:
    cross = _script(source, source_lang) != _script(translation, target_lang)
    src, src_words = side_features(source, source_lang, cross)
    tgt, tgt_words = side_features(translation, target_lang, cross)
    add_shared_words(src, src_words, tgt, tgt_words)
    weights = anchor_weights(src, tgt)
    return _Doc(
        src_stems=src.stems,
        tgt_stems=tgt.stems,
        src=src,
        tgt=tgt,
        weights=weights,
        cs=np.concatenate(([0.0], np.cumsum(src.lengths))),
        ct=np.concatenate(([0.0], np.cumsum(tgt.lengths))),
        src_nums=np.concatenate(([0], np.cumsum([len(x) for x in src.numbers]))),
        tgt_nums=np.concatenate(([0], np.cumsum([len(x) for x in tgt.numbers]))),
        src_w=_cum_weight(src, weights),
        tgt_w=_cum_weight(tgt, weights),
    )


def _script(segments: Sequence[Segment], lang: str | None) -> str:
    """The side's writing system: from its language code when known, else from a sample."""
    if lang:
        return script_for_language(lang)
    step = max(1, len(segments) // 50)
    return dominant_script(" ".join(seg.text for seg in segments[::step])) or LATIN


def _cum_weight(side: Side, weights: dict[str, float]) -> np.ndarray:
    per = [sum(weights.get(k, 0.0) for k in keys) for keys in side.anchors]
    return np.concatenate(([0.0], np.cumsum(per)))


def _initial_model(doc: _Doc) -> LengthModel:
    ls, lt = doc.cs[-1], doc.ct[-1]
    c = lt / ls if ls > 0 and lt > 0 else 1.0
    return LengthModel(c=float(min(max(c, 0.2), 5.0)), s2=6.8)


def _reestimate(doc: _Doc, path: list[tuple[int, int]], model: LengthModel) -> LengthModel:
    """Ratio and variance from the 1-1 beads of a pass; robust to the odd wrong pair."""
    ls, lt = _one_to_one_lengths(path, doc)
    if len(ls) < 5:
        return model
    keep = (ls > 0) & (lt > 0)
    ls, lt = ls[keep], lt[keep]
    if len(ls) < 5:
        return model
    ratio = lt / ls
    lo_q, hi_q = np.quantile(ratio, [0.1, 0.9])
    core = (ratio >= lo_q) & (ratio <= hi_q)
    c = float(lt[core].sum() / ls[core].sum()) if core.any() else model.c
    raw = (lt - c * ls) / np.sqrt((ls + lt / c) / 2 + 1.0)
    s2 = float((np.median(np.abs(raw)) / 0.6745) ** 2)
    return LengthModel(c=min(max(c, 0.2), 5.0), s2=min(max(s2, 0.5), 20.0))


def _one_to_one_lengths(path: list[tuple[int, int]], doc: _Doc) -> tuple[np.ndarray, np.ndarray]:
    i = j = 0
    ls, lt = [], []
    for a, b in path:
        if a == 1 and b == 1:
            ls.append(doc.src.lengths[i])
            lt.append(doc.tgt.lengths[j])
        i, j = i + a, j + b
    return np.asarray(ls, dtype=float), np.asarray(lt, dtype=float)


def _learn_lexicon(doc: _Doc, path: list[tuple[int, int]]) -> None:
    """Add learnt word pairs (see :mod:`transqa.align.lexicon`) as anchors, re-weigh anchors."""
    pairs = []
    i = j = 0
    for a, b in path:
        if a == 1 and b == 1:
            pairs.append((doc.src_stems[i], doc.tgt_stems[j]))
        i, j = i + a, j + b
    n_src: Counter[str] = Counter(chain.from_iterable(doc.src_stems))
    n_tgt: Counter[str] = Counter(chain.from_iterable(doc.tgt_stems))
    lexicon = learn(pairs, n_src, n_tgt, max(len(doc.src), len(doc.tgt)))
    if not lexicon:
        return
    back: dict[str, set[str]] = defaultdict(set)
    for a, bs in lexicon.items():
        for b in bs:
            back[b].add("d:" + a)
    doc.src.anchors = [an | {"d:" + w for w in st if w in lexicon} for an, st in zip(doc.src.anchors, doc.src_stems)]
    doc.tgt.anchors = [
        an | {key for w in st if w in back for key in back[w]} for an, st in zip(doc.tgt.anchors, doc.tgt_stems)
    ]
    doc.weights = anchor_weights(doc.src, doc.tgt)
    doc.src_w = _cum_weight(doc.src, doc.weights)
    doc.tgt_w = _cum_weight(doc.tgt, doc.weights)


def _has_turns(doc: _Doc) -> bool:
    def share(side: Side) -> float:
        return sum(s is not None for s in side.speakers) / max(len(side), 1)

    def share_t(side: Side) -> float:
        return float(np.mean(~np.isnan(side.seconds))) if len(side) else 0.0

    return (share(doc.src) > 0.5 and share(doc.tgt) > 0.5) or (share_t(doc.src) > 0.5 and share_t(doc.tgt) > 0.5)


def _learn_turns(doc: _Doc, path: list[tuple[int, int]]) -> None:
    """Map translation speaker labels onto source ones by majority over the first pass's 1-1 beads.

    Labels may be translated (``Moderator`` / ``M``, ``Mhojiwa 1`` / ``R1``): only the
    correspondence matters. Timestamps' tolerance is the typical offset of those beads.
    """
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    offsets = []
    i = j = 0
    for a, b in path:
        if a == 1 and b == 1:
            s, t = doc.src.speakers[i], doc.tgt.speakers[j]
            if s is not None and t is not None:
                votes[t][s] += 1
            d = doc.src.seconds[i] - doc.tgt.seconds[j]
            if not math.isnan(d):
                offsets.append(abs(d))
        i, j = i + a, j + b
    src_ids = {s: k for k, s in enumerate(sorted({s for s in doc.src.speakers if s is not None}))}
    # Labels with the same code (R1 / Respondent 1, M / Moderator) start with a lead worth a
    # quarter of the label's turns: the first pass's votes can still overrule it.
    t_count = Counter(t for t in doc.tgt.speakers if t is not None)
    codes: dict[str, list[str]] = defaultdict(list)
    for label in src_ids:
        codes[_label_code(label)].append(label)
    for t, count in t_count.items():
        for label in codes.get(_label_code(t), ()):
            votes[t][label] += 1 + count / 4
    if votes and src_ids:
        mapping = {t: src_ids[c.most_common(1)[0][0]] for t, c in votes.items()}
        doc.spk_src = np.array([src_ids.get(s, -1) if s is not None else -1 for s in doc.src.speakers])
        doc.spk_tgt = np.array([mapping.get(t, -2) if t is not None else -1 for t in doc.tgt.speakers])
    if len(offsets) >= 3:
        doc.time_tol = float(np.median(offsets)) + 2.0


def _label_code(label: str) -> str:
    """``Respondent 1`` -> ``r1``, ``R1:`` -> ``r1``, ``Moderator`` -> ``m``: first letter + digits."""
    letters = [ch for ch in label.casefold() if ch.isalpha()]
    digits = "".join(ch for ch in label if ch.isdigit())
    return (letters[0] if letters else "") + digits


# -- the cost model ------------------------------------------------------------------------


def _length_cost(z: np.ndarray) -> np.ndarray:
    """Student-t (heavy-tailed) rather than normal: real translations have odd pairs, and one
    odd pair must not pull its neighbours into a merge."""
    return (LENGTH_DOF + 1) / 2 * np.log1p(z * z / LENGTH_DOF)


def _length_diagonal(doc: _Doc) -> np.ndarray:
    """For each source position, the translation position at the same share of the text."""
    fs = np.concatenate(([0.0], np.cumsum(doc.src.lengths + 1.0)))
    ft = np.concatenate(([0.0], np.cumsum(doc.tgt.lengths + 1.0)))
    return np.interp(fs / fs[-1] * ft[-1], ft, np.arange(len(doc.tgt) + 1))


def _anchor_diagonal(doc: _Doc, diag: np.ndarray) -> np.ndarray:
    """The length diagonal bent through anchors found exactly once on each side.

    Like hunalign's partialAlign on hapaxes: a name or number said once and translated once
    pins the pair, wherever lengths have drifted (a skipped page, another ratio in one part).
    The longest monotone chain of such points is kept; isolated points far off their
    neighbours' course are dropped. True anchors nearly all fall on one chain; when most do
    not, they are chance matches and the length diagonal is returned unchanged.
    """
    fs = np.concatenate(([0.0], np.cumsum(doc.src.lengths + 1.0)))
    ft = np.concatenate(([0.0], np.cumsum(doc.tgt.lengths + 1.0)))
    once_s: dict[str, int] = {}
    seen: set[str] = set()
    for side in (doc.src, doc.tgt):
        counts = Counter(k for keys in side.anchors for k in keys)
        seen |= {k for k, c in counts.items() if c > 1}
    for i, keys in enumerate(doc.src.anchors):
        for k in keys:
            if k not in seen:
                once_s[k] = i
    points = {(once_s[k], j) for j, keys in enumerate(doc.tgt.anchors) for k in keys if k in once_s}
    ci = Counter(i for i, _ in points)
    cj = Counter(j for _, j in points)
    candidates = sorted(p for p in points if ci[p[0]] == 1 and cj[p[1]] == 1)
    chain = _longest_chain(candidates)
    if len(chain) < 2 or len(chain) < CHAIN_TRUST * len(candidates):
        return diag  # few anchors, or mostly chance matches (no order among them): not a guide
    off = np.array([j - diag[i] for i, j in chain])
    med = np.array([np.median(off[max(0, k - 2):k + 3]) for k in range(len(off))])
    chain = [p for p, d, md in zip(chain, off, med) if abs(d - md) <= 8]
    if len(chain) < 2:
        return diag
    xs = np.array([0.0] + [(fs[i] + fs[i + 1]) / 2 for i, _ in chain] + [fs[-1]])
    ys = np.array([0.0] + [(ft[j] + ft[j + 1]) / 2 for _, j in chain] + [ft[-1]])
    keep = np.concatenate(([True], (np.diff(xs) > 0) & (np.diff(ys) >= 0)))
    return np.interp(np.interp(fs, xs[keep], ys[keep]), ft, np.arange(len(doc.tgt) + 1))


def _longest_chain(points: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest subsequence increasing in both coordinates (points sorted by the first, which
    is never repeated)."""
    tails: list[int] = []  # tails[k] = index of the smallest last j of a chain of length k+1
    prev = [-1] * len(points)
    for k, (_, j) in enumerate(points):
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if points[tails[mid]][1] < j:
                lo = mid + 1
            else:
                hi = mid
        prev[k] = tails[lo - 1] if lo > 0 else -1
        if lo == len(tails):
            tails.append(k)
        else:
            tails[lo] = k
    out, k = [], tails[-1] if tails else -1
    while k >= 0:
        out.append(points[k])
        k = prev[k]
    return out[::-1]


def _path_centre(path: list[tuple[int, int]], n: int) -> np.ndarray:
    """The translation position where a path leaves each source row."""
    centre = np.zeros(n + 1)
    i = j = 0
    for a, b in path:
        i, j = i + a, j + b
        centre[i] = j
    return np.maximum.accumulate(centre)


def _first_pass(doc: _Doc, model: LengthModel) -> list[tuple[int, int]]:
    """Around the length diagonal, bent through trustworthy anchors (lengths drift: a skipped
    page, another ratio in part of the text), widened where the path runs into the edge."""
    return _align_path(doc, model, _anchor_diagonal(doc, _length_diagonal(doc)), START_HALF, FIRST_PASS_TYPES)


def _align_path(
    doc: _Doc,
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
            path = solve(band, types, _costs(doc, band, model, types), Gaps(GAP_OPEN, GAP_EXTEND))
            if path is not None and (band.width >= m + 1 or half >= MAX_HALF or not touches_edge(band, path)):
                return path
        half *= 2  # a full-width band (width m + 1) always exists and always has a path


def _shift(x: np.ndarray, band: Band, di: int, dj: int, fill: float = 0.0) -> np.ndarray:
    """``y[i, w] = x`` at cell ``(i - di, j - dj)`` (``fill`` where that cell is off the band)."""
    rows = np.arange(band.n + 1) - di
    valid_r = rows >= 0
    rows = np.clip(rows, 0, band.n)
    cols = band.cols - dj - band.lo[rows][:, None]
    valid = valid_r[:, None] & (cols >= 0) & (cols < band.width)
    out = x[rows[:, None], np.clip(cols, 0, band.width - 1)]
    return np.where(valid, out, fill)


def _pair_anchors(doc: _Doc, band: Band) -> tuple[np.ndarray, np.ndarray]:
    """Shared anchor weight and shared number count of each 1-1 pair, at its cell (i+1, j+1)."""
    shared = np.zeros((band.n + 1, band.width))
    nums = np.zeros((band.n + 1, band.width))
    postings: dict[str, list[int]] = defaultdict(list)
    for j, keys in enumerate(doc.tgt.anchors):
        for key in keys:
            if key in doc.weights:
                postings[key].append(j)
    lo, W = band.lo, band.width
    for i, keys in enumerate(doc.src.anchors):
        r = i + 1
        first, last = lo[r] - 1, lo[r] + W - 2
        for key in keys:
            post = postings.get(key)
            if not post:
                continue
            w = doc.weights[key]
            is_num = key.startswith("n:")
            for k in range(bisect_left(post, first), bisect_right(post, last)):
                col = post[k] + 1 - lo[r]
                shared[r, col] += w
                if is_num:
                    nums[r, col] += 1
    return shared, nums


def _group_flags(flags: np.ndarray, size: int) -> np.ndarray:
    """OR of the flags of the ``size`` segments ending before each position (index = end)."""
    out = np.zeros(len(flags) + 1, dtype=np.int64)
    for k in range(size):
        out[size:] |= flags[size - 1 - k: len(flags) - k]
    return out


def _costs(doc: _Doc, band: Band, model: LengthModel, types: tuple[tuple[int, int], ...] = BEAD_TYPES) -> np.ndarray:
    """Cost of every bead type at every cell of the band, shape (n + 1, len(types), width)."""
    n, m = band.n, band.m
    I = np.arange(n + 1)[:, None]
    J = band.cols
    Jc = np.clip(J, 0, m)
    in_range = J <= m
    shared1, nums1 = _pair_anchors(doc, band)
    spk = doc.spk_src is not None and doc.spk_tgt is not None
    timed = doc.time_tol is not None
    costs = np.empty((n + 1, len(types), band.width))
    shifted: dict[tuple[int, int], tuple[np.ndarray, np.ndarray]] = {(0, 0): (shared1, nums1)}

    def pair_at(p: int, q: int) -> tuple[np.ndarray, np.ndarray]:
        if (p, q) not in shifted:
            shifted[(p, q)] = (_shift(shared1, band, p, q), _shift(nums1, band, p, q))
        return shifted[(p, q)]

    for t, (a, b) in enumerate(types):
        valid = in_range & (I >= a) & (J >= b)
        Ia = np.clip(I - a, 0, n)
        Jb = np.clip(J - b, 0, m)
        ls = doc.cs[I] - doc.cs[Ia]
        lt = doc.ct[Jc] - doc.ct[Jb]
        cost = PRIOR[(a, b)] + _length_cost(model.z(ls, lt))
        shared = np.zeros(J.shape)
        snum = np.zeros(J.shape)
        # 2-2: only the two diagonal pairs, else words repeated across neighbours favour it.
        members = [(0, 0), (1, 1)] if (a, b) == (2, 2) else [(p, q) for p in range(a) for q in range(b)]
        for p, q in members:
            if True:
                sh, nu = pair_at(p, q)
                shared += sh
                snum += nu
        n_src = doc.src_nums[I] - doc.src_nums[Ia]
        n_tgt = doc.tgt_nums[Jc] - doc.tgt_nums[Jb]
        if a * b > 1:  # an anchor repeated inside a group must not count twice
            shared = np.minimum(shared, np.minimum(doc.src_w[I] - doc.src_w[Ia], doc.tgt_w[Jc] - doc.tgt_w[Jb]))
            snum = np.minimum(snum, np.minimum(n_src, n_tgt))
        cost = cost - ANCHOR_GAIN * shared
        cost = cost + NUMBER_MISS * np.maximum(n_src + n_tgt - 2 * snum, 0)
        fsrc = _group_flags(doc.src.flags, a)[I]
        ftgt = _group_flags(doc.tgt.flags, b)[Jc]
        cost = cost + _FLAG_COST[fsrc ^ ftgt]
        if spk:
            cost = cost + _speaker_cost(doc, Ia, Jb, a, b)
        if timed:
            ts = doc.src.seconds[np.clip(Ia, 0, n - 1)]
            tt = doc.tgt.seconds[np.clip(Jb, 0, m - 1)]
            d = np.abs(ts - tt) / doc.time_tol
            cost = cost + np.where(np.isnan(d), 0.0, TIME_WEIGHT * (np.minimum(d, TIME_CAP) - 0.5))
        costs[:, t, :] = np.where(valid, cost, np.inf)
    return costs


def _speaker_cost(doc: _Doc, Ia: np.ndarray, Jb: np.ndarray, a: int, b: int) -> np.ndarray:
    """Reward corresponding speakers at the bead's start; cost a bead that joins two speakers."""
    n, m = len(doc.src), len(doc.tgt)
    ss = doc.spk_src[np.clip(Ia, 0, n - 1)]
    st = doc.spk_tgt[np.clip(Jb, 0, m - 1)]
    known = (ss >= 0) & (st >= 0) | ((ss >= 0) & (st == -2))
    cost = np.where(known, np.where(ss == st, -SPEAKER_MATCH, SPEAKER_MISMATCH), 0.0)
    for size, codes, start in ((a, doc.spk_src, Ia), (b, doc.spk_tgt, Jb)):
        for k in range(1, size):
            nxt = codes[np.clip(start + k, 0, len(codes) - 1)]
            first = codes[np.clip(start, 0, len(codes) - 1)]
            cost = cost + np.where((nxt != first) & (nxt >= 0) & (first >= 0), SPEAKER_MIXED, 0.0)
    return cost


# -- output ---------------------------------------------------------------------------------


def _beads(doc: _Doc, path: list[tuple[int, int]], model: LengthModel) -> list[Bead]:
    out = []
    i = j = 0
    for a, b in path:
        s, t = tuple(range(i, i + a)), tuple(range(j, j + b))
        out.append(Bead(s, t, bead_score(doc, s, t, model) if a and b else 0.0))
        i, j = i + a, j + b
    return out


def bead_score(doc: _Doc, s: tuple[int, ...], t: tuple[int, ...], model: LengthModel) -> float:
    """Confidence of a bead: how usual its length ratio and anchors are for a true pair.

    The length part is the two-sided tail probability of the bead's length deviation (so on
    true pairs the score is roughly uniform, and 0.002 means "1 in 500"); shared anchors raise
    it, numbers and punctuation on one side only lower it.
    """
    src, tgt = doc.src, doc.tgt
    if len(s) == 1 and len(t) == 1:
        (i,), (j,) = s, t
        z = float(model.z(src.lengths[i], tgt.lengths[j]))
        shared = src.anchors[i] & tgt.anchors[j]
        one_side = src.numbers[i] ^ tgt.numbers[j]
        flags = int(src.flags[i]) ^ int(tgt.flags[j])
    else:
        z = float(model.z(sum(src.lengths[k] for k in s), sum(tgt.lengths[k] for k in t)))
        shared = frozenset().union(*(src.anchors[k] for k in s)) & frozenset().union(*(tgt.anchors[k] for k in t))
        one_side = frozenset().union(*(src.numbers[k] for k in s)) ^ frozenset().union(*(tgt.numbers[k] for k in t))
        f_src = f_tgt = 0
        for k in s:
            f_src |= int(src.flags[k])
        for k in t:
            f_tgt |= int(tgt.flags[k])
        flags = f_src ^ f_tgt
    surprise = -math.log(max(math.erfc(abs(z) / _SQRT2), 1e-300))
    if shared:
        surprise -= ANCHOR_GAIN * sum(doc.weights.get(key, 0.0) for key in shared)
    surprise += NUMBER_MISS * len(one_side) + float(_FLAG_COST[flags])
    return min(1.0, math.exp(-surprise)) if surprise > 0 else 1.0
