"""The cost of every bead at every cell of a band, and the confidence of a chosen bead.

Costs are negative log-likelihoods, roughly: a prior per bead type (Gale & Church's, adjusted
for transcripts), the length deviation under the pair's own length model (Student-t), minus
the weight of shared anchors, plus numbers and punctuation found on one side only, plus the
speaker and timestamp terms when the transcripts have turns. All vectorised over the band.
"""

from __future__ import annotations

import math
from itertools import chain, repeat

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


def _anchor_index(doc: PairData) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Where each weighted anchor occurs, as arrays: source (key id, segment), translation
    ``key id * (m + 1) + segment`` sorted, and per key id its weight and whether it is a number.

    Kept on the document until its anchors or weights change (the lexicon adds some)."""
    cached = doc.anchor_index
    if cached is not None and cached[0] is doc.weights:
        return cached[1]
    ids = {key: k for k, key in enumerate(doc.weights)}
    weight = np.fromiter(doc.weights.values(), dtype=float, count=len(ids))
    is_num = np.fromiter((key.startswith("n:") for key in ids), dtype=bool, count=len(ids))

    def occurrences(anchors: list[frozenset[str]]) -> tuple[np.ndarray, np.ndarray]:
        counts = np.fromiter(map(len, anchors), dtype=np.int64, count=len(anchors))
        kid = np.fromiter(map(ids.get, chain.from_iterable(anchors), repeat(-1)), dtype=np.int64, count=int(counts.sum()))
        pos = np.repeat(np.arange(len(anchors)), counts)
        keep = kid >= 0
        return kid[keep], pos[keep]

    s_kid, s_pos = occurrences(doc.src.anchors)
    t_kid, t_pos = occurrences(doc.tgt.anchors)
    t_code = np.sort(t_kid * (len(doc.tgt) + 1) + t_pos)
    index = (s_kid, s_pos, t_code, weight, is_num)
    doc.anchor_index = (doc.weights, index)
    return index


def _anchor_pairs(doc: PairData, band: Band) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Every 1-1 pair sharing a weighted anchor whose cell ``(i + 1, j + 1)`` lies in the
    band, once per shared anchor: its row, band column, the anchor's weight, and whether
    the anchor is a number. Vectorised: for each source occurrence, the translation
    occurrences of the same key within the band's columns are one ``searchsorted`` range."""
    s_kid, s_pos, t_code, weight, is_num = _anchor_index(doc)
    stride = len(doc.tgt) + 1
    rows = s_pos + 1
    first = np.maximum(band.lo[rows] - 1, 0)  # translation segments j with j + 1 in the band
    last = band.lo[rows] + band.width - 2
    start = np.searchsorted(t_code, s_kid * stride + first, "left")
    count = np.searchsorted(t_code, s_kid * stride + last, "right") - start
    total = int(count.sum())
    src = np.repeat(np.arange(len(rows)), count)
    at = np.repeat(start - np.cumsum(count) + count, count) + np.arange(total)  # start + offset
    r = rows[src]
    col = t_code[at] % stride + 1 - band.lo[r]
    kid = s_kid[src]
    return r, col, weight[kid], is_num[kid]


def _group_flags(flags: np.ndarray, size: int) -> np.ndarray:
    """OR of the flags of the ``size`` segments ending before each position (index = end)."""
    out = np.zeros(len(flags) + 1, dtype=np.int64)
    for k in range(size):
        out[size:] |= flags[size - 1 - k: len(flags) - k]
    return out


def bead_costs(
    doc: PairData, band: Band, model: LengthModel, types: tuple[tuple[int, int], ...] = BEAD_TYPES
) -> np.ndarray:
    """Cost of every bead type at every cell of the band, shape (len(types), n + 1, width).

    Dense terms are computed in place in one buffer per type (large temporaries cost more
    than the arithmetic); anchors touch few cells, so they are applied at those cells only.
    """
    n, m, W, lo = band.n, band.m, band.width, band.lo
    I = np.arange(n + 1)[:, None]
    J = band.cols
    Jc = np.clip(J, 0, m)
    r1, c1, w1, num1 = _anchor_pairs(doc, band)
    spk = doc.spk_src is not None and doc.spk_tgt is not None
    timed = doc.time_tol is not None
    costs = np.empty((len(types), n + 1, W))
    den = np.empty((n + 1, W))
    den_flat = den.reshape(-1)
    ct_c, nums_c, w_c = doc.ct[Jc], doc.tgt_nums[Jc], doc.tgt_w[Jc]
    per_b: dict[int, tuple[np.ndarray, ...]] = {}
    # Rows whose cells run past either end of the translation (some beads impossible there).
    edge_rows = np.flatnonzero((lo < max(b for _, b in types)) | (lo + W - 1 > m))

    for t, (a, b) in enumerate(types):
        if b not in per_b:
            Jb = np.clip(J - b, 0, m)
            lt = ct_c - doc.ct[Jb]
            per_b[b] = (Jb, lt, lt / model.c, (nums_c - doc.tgt_nums[Jb]).astype(float),
                        _group_flags(doc.tgt.flags, b).astype(np.uint8)[Jc])
        Jb, lt, lt_c, n_tgt, ftgt = per_b[b]
        buf = costs[t]
        flat = buf.reshape(-1)
        Ia = np.clip(I - a, 0, n)
        ls = doc.cs[I] - doc.cs[Ia]
        # PRIOR + length_cost(model.z(ls, lt)), operation for operation, in place.
        np.subtract(lt, model.c * ls, out=buf)
        np.add(ls, lt_c, out=den)
        den *= model.s2
        den /= 2
        den += 1.0
        np.sqrt(den, out=den)
        buf /= den
        np.square(buf, out=buf)
        buf /= LENGTH_DOF
        np.log1p(buf, out=buf)
        buf *= (LENGTH_DOF + 1) / 2
        np.add(PRIOR[(a, b)], buf, out=buf)
        # Shared anchors, at the cells of pairs inside the bead. 2-2: only the two diagonal
        # pairs, else words repeated across neighbours favour it.
        members = [(0, 0), (1, 1)] if (a, b) == (2, 2) else [(p, q) for p in range(a) for q in range(b)]
        cells, wts, nums = [], [], []
        for p, q in members:
            r = np.minimum(r1 + p, n)
            col = c1 + q + lo[r1] - lo[r]
            ok = (r1 + p <= n) & (col >= 0) & (col < W)
            cells.append(r[ok] * W + col[ok])
            wts.append(w1[ok])
            nums.append(num1[ok])
        cell = np.concatenate(cells)
        shared_at = np.bincount(cell, weights=np.concatenate(wts), minlength=buf.size)
        u = np.flatnonzero(shared_at)  # anchor weights are positive
        shared = shared_at[u]
        is_num = np.concatenate(nums)
        snum = np.bincount(cell[is_num], minlength=buf.size)[u].astype(float)  # shared numbers
        n_src = (doc.src_nums[I] - doc.src_nums[Ia]).astype(float)
        if len(u) and a * b > 1:  # an anchor repeated inside a group must not count twice
            ur, uc = np.divmod(u, W)
            shared = np.minimum(shared, np.minimum(
                doc.src_w[ur] - doc.src_w[Ia[ur, 0]], w_c[ur, uc] - doc.tgt_w[Jb[ur, uc]]))
            snum = np.minimum(snum, np.minimum(n_src[ur, 0], n_tgt[ur, uc]))
        flat[u] -= ANCHOR_GAIN * shared
        # Numbers on one side only.
        np.add(n_src, n_tgt, out=den)
        den_flat[u] -= 2 * snum
        np.maximum(den, 0, out=den)
        den *= NUMBER_MISS
        buf += den
        fsrc = _group_flags(doc.src.flags, a).astype(np.uint8)[I]
        buf += _FLAG_COST[fsrc ^ ftgt]
        if spk:
            buf += _speaker_cost(doc, Ia, Jb, a, b)
        if timed:
            ts = doc.src.seconds[np.clip(Ia, 0, n - 1)]
            tt = doc.tgt.seconds[np.clip(Jb, 0, m - 1)]
            d = np.abs(ts - tt) / doc.time_tol
            buf += np.where(np.isnan(d), 0.0, TIME_WEIGHT * (np.minimum(d, TIME_CAP) - 0.5))
        buf[:a] = np.inf  # a bead needs a source segments before it, b translation ones, none past the end
        if len(edge_rows):
            je = J[edge_rows]
            buf[edge_rows] = np.where((je >= b) & (je <= m), buf[edge_rows], np.inf)
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


def one_to_one_scores(doc: PairData, src_idx: np.ndarray, tgt_idx: np.ndarray, model: LengthModel) -> list[float]:
    """:func:`bead_score` of many 1-1 beads at once (the length and flag parts as arrays)."""
    src, tgt = doc.src, doc.tgt
    tails = (np.abs(model.z(src.lengths[src_idx], tgt.lengths[tgt_idx])) / _SQRT2).tolist()
    flag_costs = _FLAG_COST[src.flags[src_idx] ^ tgt.flags[tgt_idx]].tolist()
    get, log, erfc, exp = doc.weights.get, math.log, math.erfc, math.exp
    out = []
    for tail, i, j, flag_cost in zip(tails, src_idx.tolist(), tgt_idx.tolist(), flag_costs):
        surprise = -log(max(erfc(tail), 1e-300))
        shared = src.anchors[i] & tgt.anchors[j]
        if shared:
            surprise -= ANCHOR_GAIN * sum(map(get, shared, repeat(0.0)))
        surprise += NUMBER_MISS * len(src.numbers[i] ^ tgt.numbers[j]) + flag_cost
        out.append(min(1.0, exp(-surprise)) if surprise > 0 else 1.0)
    return out
