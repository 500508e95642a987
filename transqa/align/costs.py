"""The cost of every bead at every cell of a band, and the confidence of a chosen bead.

Costs are negative log-likelihoods, roughly: a prior per bead type (Gale & Church's, adjusted
for transcripts), the length deviation under the pair's own length model (Student-t), minus
the weight of shared anchors, plus numbers and punctuation found on one side only, plus the
speaker and timestamp terms when the transcripts have turns. All vectorised over the band.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import defaultdict

import numpy as np

from transqa.align.dp import BEAD_TYPES, Band, Gaps
from transqa.align.features import COLON, EXCLAIM, PAREN, QUESTION, QUOTE
from transqa.align.pairdata import LengthModel, PairData

# -log prior of each bead type. Merges and splits are commoner in transcripts than in the
# parliamentary text Gale & Church counted, omissions and additions rarer than merges.
PRIOR = {(1, 1): 0.1, (2, 1): 4.5, (1, 2): 4.5, (2, 2): 7.0, (3, 1): 6.5, (1, 3): 6.5}
# A turn without translation, or a line without source: the first of a run, each further one.
GAPS = Gaps(open=5.0, extend=2.0)
ANCHOR_GAIN = 1.0  # cost removed per unit of shared anchor weight
NUMBER_MISS = 1.0  # cost per number found on one side only
# Per punctuation flag found on one side only (a question answered by a statement is rare).
FLAG_MISS = {QUESTION: 1.5, EXCLAIM: 1.0, QUOTE: 1.0, PAREN: 1.5, COLON: 0.5}
SPEAKER_MATCH, SPEAKER_MISMATCH, SPEAKER_MIXED = 1.0, 3.0, 3.0
TIME_WEIGHT, TIME_CAP = 1.0, 4.0
LENGTH_DOF = 10.0  # degrees of freedom of the length model's t distribution
_SQRT2 = math.sqrt(2.0)
_FLAG_COST = np.array([sum(w for bit, w in FLAG_MISS.items() if x & bit) for x in range(32)])


def length_cost(z: np.ndarray) -> np.ndarray:
    """Student-t (heavy-tailed) rather than normal: real translations have odd pairs, and one
    odd pair must not pull its neighbours into a merge."""
    return (LENGTH_DOF + 1) / 2 * np.log1p(z * z / LENGTH_DOF)


def _shift(x: np.ndarray, band: Band, di: int, dj: int, fill: float = 0.0) -> np.ndarray:
    """``y[i, w] = x`` at cell ``(i - di, j - dj)`` (``fill`` where that cell is off the band)."""
    rows = np.arange(band.n + 1) - di
    valid_r = rows >= 0
    rows = np.clip(rows, 0, band.n)
    cols = band.cols - dj - band.lo[rows][:, None]
    valid = valid_r[:, None] & (cols >= 0) & (cols < band.width)
    out = x[rows[:, None], np.clip(cols, 0, band.width - 1)]
    return np.where(valid, out, fill)


def _pair_anchors(doc: PairData, band: Band) -> tuple[np.ndarray, np.ndarray]:
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


def bead_costs(
    doc: PairData, band: Band, model: LengthModel, types: tuple[tuple[int, int], ...] = BEAD_TYPES
) -> np.ndarray:
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
        cost = PRIOR[(a, b)] + length_cost(model.z(ls, lt))
        shared = np.zeros(J.shape)
        snum = np.zeros(J.shape)
        # 2-2: only the two diagonal pairs, else words repeated across neighbours favour it.
        members = [(0, 0), (1, 1)] if (a, b) == (2, 2) else [(p, q) for p in range(a) for q in range(b)]
        for p, q in members:
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


def _speaker_cost(doc: PairData, Ia: np.ndarray, Jb: np.ndarray, a: int, b: int) -> np.ndarray:
    """Reward corresponding speakers at the bead's start; cost a bead that joins two speakers."""
    n, m = len(doc.src), len(doc.tgt)
    ss = doc.spk_src[np.clip(Ia, 0, n - 1)]
    st = doc.spk_tgt[np.clip(Jb, 0, m - 1)]
    known = (ss >= 0) & (st != -1)  # -1: no label; -2: a translation label mapped to no source one
    cost = np.where(known, np.where(ss == st, -SPEAKER_MATCH, SPEAKER_MISMATCH), 0.0)
    for size, codes, start in ((a, doc.spk_src, Ia), (b, doc.spk_tgt, Jb)):
        for k in range(1, size):
            nxt = codes[np.clip(start + k, 0, len(codes) - 1)]
            first = codes[np.clip(start, 0, len(codes) - 1)]
            cost = cost + np.where((nxt != first) & (nxt >= 0) & (first >= 0), SPEAKER_MIXED, 0.0)
    return cost


def bead_score(doc: PairData, s: tuple[int, ...], t: tuple[int, ...], model: LengthModel) -> float:
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
